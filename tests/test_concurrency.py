"""Concurrent curators against a running server: no 5xx, no lost update, and every
acknowledged write in the audit log afterwards, on SQLite and PostgreSQL."""

import sqlite3
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Connection, Engine, text
from sqlalchemy.engine import make_url

from app.claims import service as claims_service
from app.config import Settings
from app.core import db
from app.core.auth import create_key
from app.core.caching import check_version
from app.core.db import WRITE_ATTEMPTS, WRITE_TURN, make_engine, run_write
from app.main import create_app
from app.models import Scope
from tests.conftest import SEEDS, bearer
from tests.support import assert_problem, rebuild_read_model, serving

CURATORS = 6
ROUNDS = 8
CLAIM = "/v1/claims/nk-russia-alliance-strategic-masterstroke"


@pytest.fixture
def server(database_url: str) -> Iterator[str]:
    with serving(create_app(Settings(database_url=database_url, seeds_dir=SEEDS))) as base:
        yield base


def curator_keys(database_url: str) -> list[str]:
    engine = make_engine(database_url)
    keys = [
        run_write(
            engine, lambda s, i=i: create_key(session=s, name=f"curator-{i}", scope=Scope.curate)[1]
        )
        for i in range(CURATORS)
    ]
    engine.dispose()
    return keys


def curate(base: str, token: str, number: int) -> dict[str, list]:
    """Add this curator's topics to the shared claim (read, patch with If-Match, on 412 read
    again) and create claims of its own; return what the server acknowledged."""
    done: dict[str, list] = {"topics": [], "claims": [], "statuses": []}
    headers = {"Authorization": f"Bearer {token}"}
    with httpx.Client(base_url=base, headers=headers, timeout=30) as http:
        for round_ in range(ROUNDS):
            topic = f"curator-{number}-round-{round_}"
            while True:
                current = http.get(CLAIM)
                done["statuses"].append(current.status_code)
                topics = current.json()["topics"] + [topic]
                patched = http.patch(
                    CLAIM, json={"topics": topics}, headers={"If-Match": current.headers["etag"]}
                )
                done["statuses"].append(patched.status_code)
                if patched.status_code == 200:
                    done["topics"].append((topic, patched.json()["version"]))
                    break
                assert patched.status_code == 412, patched.text
            claim_id = f"claim-by-curator-{number}-{round_}"
            made = http.post(
                "/v1/claims",
                json={
                    "id": claim_id,
                    "text": f"Curator {number} states claim {round_}.",
                    "claim_type": "factual",
                },
            )
            done["statuses"].append(made.status_code)
            if made.status_code == 201:
                done["claims"].append(claim_id)
    return done


def test_concurrent_curators_lose_nothing(server: str, database_url: str) -> None:
    keys = curator_keys(database_url)
    with ThreadPoolExecutor(CURATORS) as pool:
        results = list(pool.map(curate, [server] * CURATORS, keys, range(CURATORS)))

    statuses = [status for r in results for status in r["statuses"]]
    assert not [s for s in statuses if s >= 500], statuses
    assert statuses.count(412) > 0  # the curators did collide: the test exercised If-Match
    acknowledged = [item for r in results for item in r["topics"]]
    assert len(acknowledged) == CURATORS * ROUNDS
    versions = sorted(version for _, version in acknowledged)
    assert versions == list(range(2, 2 + CURATORS * ROUNDS))  # one version per write, no gaps

    with httpx.Client(base_url=server, timeout=30) as http:
        final = http.get(CLAIM).json()
        assert {topic for topic, _ in acknowledged} <= set(final["topics"])  # no lost update
        changes, since = [], None
        while True:
            feed = http.get(
                "/v1/changes", params={"limit": 500, **({"since": since} if since else {})}
            ).json()
            changes += feed["items"]
            if not feed["items"]:
                break
            since = feed["since"]
    changes = [c for c in changes if c["key"] != "seed"]  # the seed data's, loaded first
    updates = {(c["id"], c["version"]) for c in changes if c["action"] == "update"}
    claim_id = CLAIM.rsplit("/", 1)[-1]
    assert {(claim_id, version) for version in versions} <= updates
    created = {c["id"] for c in changes if c["action"] == "create"}
    assert {claim for r in results for claim in r["claims"]} <= created
    assert len([c for c in changes if c["action"] == "create"]) == CURATORS * ROUNDS
    assert {c["key"] for c in changes} == {f"curator-{i}" for i in range(CURATORS)}


NEW_CLAIM = {"id": "a-claim-that-waited", "text": "A claim that waited.", "claim_type": "factual"}


def test_a_write_that_cannot_get_the_lock_is_a_retryable_503(
    database_url: str, tokens: dict[str, str]
) -> None:
    """SQLite: another writer holds the lock past the busy timeout. The client hears a 503
    it may retry, never "database is locked" in a 500, and nothing was half stored."""
    if make_url(database_url).get_backend_name() != "sqlite":
        pytest.skip("PostgreSQL writers take no database-wide lock; see the next test")
    settings = Settings(database_url=database_url, seeds_dir=SEEDS, sqlite_busy_timeout_ms=200)
    holder = sqlite3.connect(make_url(database_url).database, isolation_level=None)
    headers = bearer(tokens["curate"])
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        holder.execute("BEGIN IMMEDIATE")
        try:
            began = time.monotonic()
            busy = client.post("/v1/claims", json=NEW_CLAIM, headers=headers)
            waited = time.monotonic() - began
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        body = assert_problem(busy, 503)
        assert body["type"] == "urn:claimsdb:problem:busy"
        assert int(busy.headers["retry-after"]) >= 1
        assert waited < 2  # one busy timeout, not one per attempt
        assert_problem(client.get(f"/v1/claims/{NEW_CLAIM['id']}"), 404)
        again = client.post("/v1/claims", json=NEW_CLAIM, headers=headers)
        assert again.status_code == 201, again.text


def only_postgresql(database_url: str) -> None:
    if make_url(database_url).get_backend_name() != "postgresql":
        pytest.skip("SQLite writes one at a time: they never conflict")


def unhurried(database_url: str) -> Settings:
    """Settings with no request deadline: these tests count attempts, which a loaded
    machine must not cut short."""
    return Settings(database_url=database_url, seeds_dir=SEEDS, request_timeout_ms=0)


def make_conflicts(
    monkeypatch: pytest.MonkeyPatch, rival: Engine, *, times: int = WRITE_ATTEMPTS
) -> list[float]:
    """Make a write's first ``times`` attempts conflict: each has read the claim when
    ``rival`` commits a change to it, so it fails to serialize. Returns when each attempt
    ran (it grows as they run)."""
    claim_id = CLAIM.rsplit("/", 1)[-1]
    attempts: list[float] = []
    checked = check_version

    def interfered(expected: int | None, current: int, what: str) -> None:
        attempts.append(time.monotonic())
        if len(attempts) <= times:
            with rival.begin() as connection:  # commits after this write's snapshot was taken
                connection.execute(
                    text("UPDATE claim SET status_reason = :n WHERE id = :id"),
                    {"n": str(len(attempts)), "id": claim_id},
                )
        checked(expected, current, what)

    monkeypatch.setattr(claims_service, "check_version", interfered)
    return attempts


@contextmanager
def write_in_flight(engine: Engine) -> Iterator[Connection]:
    """Another write's turn (app/db.py: write_turn), held on a connection of its own until
    the block ends or the caller gives it back."""
    with engine.connect() as connection:
        connection.execute(text("SELECT pg_advisory_lock_shared(:key)"), {"key": WRITE_TURN})
        connection.commit()
        yield connection
        connection.execute(text("SELECT pg_advisory_unlock_all()"))
        connection.commit()


def test_a_write_that_loses_every_retry_is_a_retryable_503(
    database_url: str, tokens: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """PostgreSQL: each attempt of the write has read the claim when another transaction
    commits a change to it, so each fails to serialize; after the last, a 503 to retry."""
    only_postgresql(database_url)
    rival = make_engine(database_url)
    settings = unhurried(database_url)
    attempts = make_conflicts(monkeypatch, rival)
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        lost = client.patch(
            CLAIM,
            json={"topics": ["never-stored"]},
            headers=bearer(tokens["curate"]) | {"If-Match": "*"},
        )
        body = assert_problem(lost, 503)
        assert body["type"] == "urn:claimsdb:problem:busy"
        assert int(lost.headers["retry-after"]) >= 1
        assert len(attempts) == WRITE_ATTEMPTS
        monkeypatch.undo()
        assert "never-stored" not in client.get(CLAIM).json()["topics"]
    rebuild_read_model(rival)  # the rival wrote the claim table behind the app's back
    rival.dispose()


WAITING_FOR_A_TURN = text(
    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
)


def test_a_retry_waits_for_the_writes_in_flight_and_runs_alone(
    database_url: str, tokens: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """PostgreSQL: after a conflict the write runs again only once the writes in flight
    have finished, with no other beside it, so it cannot lose to them again."""
    only_postgresql(database_url)
    rival = make_engine(database_url)
    settings = unhurried(database_url)
    # the rival changes the claim's row: the first retry runs at once (it would see that
    # change), the second alone
    attempts = make_conflicts(monkeypatch, rival, times=2)
    with TestClient(create_app(settings)) as client, write_in_flight(rival) as other:
        finished: list[float] = []
        waiting: list[bool] = []

        def finish() -> None:
            """End the write in flight once the retry waits for it (or after 4 s)."""
            give_up = time.monotonic() + 4
            while not waiting and time.monotonic() < give_up:
                with rival.connect() as look:
                    if look.execute(WAITING_FOR_A_TURN).scalar():
                        waiting.append(True)
                time.sleep(0.02)
            finished.append(time.monotonic())
            other.execute(text("SELECT pg_advisory_unlock_all()"))
            other.commit()

        threading.Thread(target=finish).start()
        won = client.patch(
            CLAIM,
            json={"topics": ["stored-on-the-retry"]},
            headers=bearer(tokens["curate"]) | {"If-Match": "*"},
        )
        assert won.status_code == 200, won.text
        assert len(attempts) == 3
        assert waiting  # the retry alone waited for the write in flight
        assert attempts[2] > finished[0]  # and ran once it had finished
        assert "stored-on-the-retry" in client.get(CLAIM).json()["topics"]
    rebuild_read_model(rival)
    rival.dispose()


def test_a_retry_that_cannot_get_its_turn_is_a_retryable_503(
    database_url: str, tokens: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """PostgreSQL: a write in flight that does not finish within TURN_WAIT keeps the retry
    from running: a 503 to retry, soon, and nothing stored."""
    only_postgresql(database_url)
    rival = make_engine(database_url)
    settings = unhurried(database_url)
    attempts = make_conflicts(monkeypatch, rival)
    monkeypatch.setattr(db, "TURN_WAIT", 0.3)
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        with write_in_flight(rival):
            began = time.monotonic()
            busy = client.patch(
                CLAIM,
                json={"topics": ["never-stored"]},
                headers=bearer(tokens["curate"]) | {"If-Match": "*"},
            )
            waited = time.monotonic() - began
        body = assert_problem(busy, 503)
        assert body["type"] == "urn:claimsdb:problem:busy"
        assert int(busy.headers["retry-after"]) >= 1
        assert len(attempts) == 2  # the retry alone never ran
        assert waited < 5  # the 0.3 s it may wait, and two attempts on a loaded machine
        monkeypatch.undo()
        assert "never-stored" not in client.get(CLAIM).json()["topics"]
    rebuild_read_model(rival)
    rival.dispose()
