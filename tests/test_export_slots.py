"""Exports streaming at once in one worker are bounded (CLAIMSDB_EXPORTS_PER_WORKER): one
past the cap is a 503 at once, and a slot comes back however its export ends."""

import itertools
import threading
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from app.config import Settings
from app.exports import stream as export_routes
from app.exports.slots import export_slots
from app.main import create_app
from tests.conftest import SEEDS
from tests.support import assert_problem, serving


def app_with(database_url: str, **settings: Any) -> FastAPI:
    return create_app(Settings(database_url=database_url, seeds_dir=SEEDS, **settings))


def assert_busy(response: httpx.Response) -> None:
    body = assert_problem(response, 503)
    assert body["type"] == "urn:claimsdb:problem:exports-busy"
    assert "exports are busy" in body["detail"]
    assert response.headers["retry-after"] == "10"


def eventually(check: Any, seconds: float = 10) -> bool:
    ends = time.monotonic() + seconds
    while not check():
        if time.monotonic() > ends:
            return False
        time.sleep(0.05)
    return True


def test_an_export_past_the_cap_answers_503_at_once(database_url: str) -> None:
    app = app_with(database_url, exports_per_worker=1)
    with TestClient(app, raise_server_exceptions=False) as client:
        held = export_slots(app, 1).take()  # an export streaming elsewhere
        assert_busy(client.get("/v1/exports/claims.csv"))
        assert_busy(client.get("/v1/exports/stances.ndjson", params={"label": "opposes"}))
        # what reads no record takes no slot: HEAD, and a revalidation
        head = client.head("/v1/exports/claims.csv")
        assert head.status_code == 200
        again = client.get(
            "/v1/exports/claims.csv", headers={"If-None-Match": head.headers["etag"]}
        )
        assert again.status_code == 304
        assert client.get("/v1/claims").status_code == 200  # and the rest answers as ever
        held.release()
        assert client.get("/v1/exports/claims.csv").status_code == 200
        assert client.get("/v1/exports/claims.csv").status_code == 200


def test_the_openapi_document_says_so(client: TestClient) -> None:
    for resource in ("sources", "actors", "claims", "stances", "mentions"):
        operation = client.get("/openapi.json").json()["paths"][
            f"/v1/exports/{resource}.{{format}}"
        ]["get"]
        busy = operation["responses"]["503"]
        assert "Retry-After" in busy["headers"]
        example = busy["content"]["application/problem+json"]["example"]
        assert example["type"] == "urn:claimsdb:problem:exports-busy"


def test_no_cap_when_it_is_zero(database_url: str) -> None:
    app = app_with(database_url, exports_per_worker=0)
    with TestClient(app, raise_server_exceptions=False) as client:
        slots = export_slots(app, 0)
        held = [slots.take() for _ in range(50)]
        assert client.get("/v1/exports/actors.csv").status_code == 200
        for slot in held:
            slot.release()


def test_an_export_that_fails_before_its_first_byte_gives_its_slot_back(
    database_url: str,
) -> None:
    app = app_with(database_url, exports_per_worker=1)
    with TestClient(app, raise_server_exceptions=False) as client:
        # a query its first batch refuses: the 422 comes after the slot was taken
        for _ in range(3):
            response = client.get("/v1/exports/claims.csv", params={"q": '"unbalanced'})
            assert_problem(response, 422, field="q")
        assert app.state.export_slots.taken == 0
        assert client.get("/v1/exports/claims.ndjson").status_code == 200
        assert app.state.export_slots.taken == 0


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Batches of 3, each after the first waiting until the gate opens: an export that
    stays in the middle of its stream for as long as the test needs."""
    monkeypatch.setattr(export_routes, "BATCH", 3)
    opened = threading.Event()
    original = export_routes.reading
    calls = itertools.count()

    def gated(engine: Engine) -> AbstractContextManager[Any]:
        if next(calls):
            opened.wait(10)
        return original(engine)

    monkeypatch.setattr(export_routes, "reading", gated)
    yield opened
    opened.set()


def test_a_client_that_leaves_mid_export_frees_its_slot_once_its_batch_ends(
    database_url: str, gate: threading.Event
) -> None:
    app = app_with(database_url, exports_per_worker=1)
    with serving(app) as base, httpx.Client(base_url=base, timeout=10) as http:
        with http.stream("GET", "/v1/exports/stances.ndjson") as response:
            assert response.status_code == 200
            assert_busy(http.get("/v1/exports/claims.csv"))
        # gone, but its next batch still holds a read thread: the slot with it
        assert not eventually(lambda: app.state.export_slots.taken == 0, seconds=1)
        assert_busy(http.get("/v1/exports/claims.csv"))
        gate.set()
        assert eventually(lambda: app.state.export_slots.taken == 0)
        assert http.get("/v1/exports/claims.csv").status_code == 200


def test_an_export_cut_off_past_its_time_frees_its_slot(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(export_routes, "BATCH", 3)
    app = app_with(database_url, exports_per_worker=1, export_timeout_ms=1)
    with serving(app) as base, httpx.Client(base_url=base, timeout=10) as http:
        for _ in range(2):
            with (  # noqa: PT012 (the error comes while the body is read)
                pytest.raises(httpx.RemoteProtocolError),
                http.stream("GET", "/v1/exports/stances.ndjson") as response,
            ):
                assert response.status_code == 200
                for _chunk in response.iter_bytes():
                    pass
            assert eventually(lambda: app.state.export_slots.taken == 0)
