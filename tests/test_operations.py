"""What operators see and set (README, "Running in production"): request ids, JSON logs,
/metrics, gzip, CORS, and rate limits that every worker shares through Redis."""

import json
import logging
import socket
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from prometheus_client import REGISTRY

from app.config import Settings
from app.ingest.pipeline import annotate
from app.main import create_app
from tests.conftest import SEEDS, bearer
from tests.live import live_server

CLAIM = "/v1/claims/nk-russia-alliance-strategic-masterstroke"
REDIS_URL = "redis://127.0.0.1:6379/0"


def redis_answers() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1) as connection:
            connection.sendall(b"PING\r\n")
            return connection.recv(16).startswith(b"+PONG")
    except OSError:
        return False


needs_redis = pytest.mark.skipif(
    not redis_answers(), reason="Redis is not reachable at 127.0.0.1:6379 (.ci/run starts it)"
)


@pytest.fixture
def app_with(database_url: str) -> Iterator[object]:
    """A client of an app made with these settings (and this test's database)."""
    clients: list[TestClient] = []

    def make(**settings: object) -> TestClient:
        app = create_app(Settings(database_url=database_url, seeds_dir=SEEDS, **settings))
        client = TestClient(app, raise_server_exceptions=False).__enter__()
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.__exit__(None, None, None)


def test_the_request_id_is_taken_or_made_and_returned(client: TestClient) -> None:
    given = client.get(CLAIM, headers={"X-Request-ID": "edge-7f3a.42"})
    assert given.headers["x-request-id"] == "edge-7f3a.42"
    made = client.get(CLAIM).headers["x-request-id"]
    assert uuid.UUID(made).hex == made
    assert client.get(CLAIM).headers["x-request-id"] != made
    # not a plain token: replaced, never echoed
    odd = client.get(CLAIM, headers={"X-Request-ID": "a b<script>"}).headers["x-request-id"]
    assert odd != "a b<script>"
    assert uuid.UUID(odd).hex == odd
    # errors carry it too
    assert client.get("/v1/claims/no-such-claim").headers["x-request-id"]


def test_json_logs_one_line_per_request_without_secrets(
    database_url: str, tokens: dict[str, str], tmp_path: Path
) -> None:
    log = tmp_path / "server.log"
    with live_server(database_url, log, env={"CLAIMSDB_LOG_FORMAT": "json"}) as base:
        anonymous = httpx.get(base + CLAIM, headers={"X-Request-ID": "req-anonymous"})
        keyed = httpx.get(
            base + "/v1/stances", params={"limit": 2}, headers=bearer(tokens["curate"])
        )
        missing = httpx.get(base + "/v1/claims/no-such-claim")
    lines = [json.loads(line) for line in log.read_text().splitlines() if line.strip()]
    access = {line["request_id"]: line for line in lines if line["message"] == "request"}
    assert set(access) >= {"req-anonymous", keyed.headers["x-request-id"]}
    assert access["req-anonymous"] | {"duration_ms": 0, "time": ""} == {
        "message": "request",
        "level": "info",
        "time": "",
        "request_id": "req-anonymous",
        "method": "GET",
        "path": "/v1/claims/{claim_id}",
        "status": anonymous.status_code,
        "duration_ms": 0,
        "key": None,
        "client": "127.0.0.1",
    }
    assert access["req-anonymous"]["duration_ms"] > 0
    assert access[keyed.headers["x-request-id"]]["key"] == "curate-key"
    assert access[missing.headers["x-request-id"]]["status"] == 404
    # one line per request: the app's, not uvicorn's as well; uvicorn's own lines are JSON
    served = [line for line in lines if line["message"] == "request"]
    assert sum(1 for line in served if line["path"] != "/healthz") == 3  # and the probes
    assert any(line.get("logger", "").startswith("uvicorn") for line in lines)
    secret = tokens["curate"].rsplit("_", 1)[1]
    assert secret not in log.read_text()


def test_metrics_count_requests_per_route_template(app_with) -> None:
    assert app_with().get("/metrics").status_code == 404  # off by default
    client = app_with(metrics=True)
    for _ in range(3):
        assert client.get(CLAIM).status_code == 200
    client.get("/v1/claims/no-such-claim")
    client.get("/no/such/path")
    text = client.get("/metrics").text
    assert client.get("/metrics").headers["content-type"].startswith("text/plain")
    samples = {
        line.rsplit(" ", 1)[0]: float(line.rsplit(" ", 1)[1])
        for line in text.splitlines()
        if line and not line.startswith("#")
    }
    route = 'method="GET",route="/v1/claims/{claim_id}"'
    # the registry is the process's: other tests' apps may have counted before
    assert samples[f'claimsdb_http_requests_total{{{route},status="200"}}'] >= 3
    assert samples[f'claimsdb_http_requests_total{{{route},status="404"}}'] >= 1
    assert samples[f"claimsdb_http_request_duration_seconds_count{{{route}}}"] >= 4
    assert samples[f"claimsdb_http_request_database_seconds_sum{{{route}}}"] > 0
    assert 'route="<unmatched>"' in text
    assert "/no/such/path" not in text
    assert "/metrics" not in client.get("/openapi.json").json()["paths"]


def test_metrics_add_up_every_worker(database_url: str, tmp_path: Path) -> None:
    env = {"CLAIMSDB_METRICS": "true", "CLAIMSDB_LOG_LEVEL": "warning"}
    with live_server(database_url, tmp_path / "server.log", workers=2, env=env) as base:
        for _ in range(20):  # a connection each, spread over both workers by the kernel
            assert httpx.get(base + CLAIM).status_code == 200
        text = httpx.get(base + "/metrics").text
    counted = [line for line in text.splitlines() if line.startswith("claimsdb_http_requests")]
    # every request is in, whichever worker answered it and whichever answers /metrics
    assert any(line.endswith(" 20.0") and "{claim_id}" in line for line in counted), text


def test_the_access_line_follows_the_log_level(app_with, capfd: pytest.CaptureFixture[str]) -> None:
    """One JSON line per request at level info, with the request's id and route; none at
    warning, as for every other info line."""
    quiet = app_with(log_format="json", log_level="warning")
    assert quiet.get(CLAIM).status_code == 200
    assert '"message":"request"' not in capfd.readouterr().out
    told = app_with(log_format="json", log_level="info")
    answered = told.get(CLAIM, headers={"X-Request-ID": "line-7"})
    lines = [json.loads(line) for line in capfd.readouterr().out.splitlines() if line]
    access = [line for line in lines if line.get("message") == "request"]
    assert len(access) == 1
    assert access[0]["request_id"] == "line-7" == answered.headers["x-request-id"]
    assert access[0]["path"] == "/v1/claims/{claim_id}"
    assert access[0]["status"] == 200
    assert access[0]["level"] == "info"
    assert access[0]["time"].endswith("Z")
    logging.getLogger().handlers.clear()  # json_logs() set them for the process


def test_gzip_only_for_large_bodies_of_clients_that_accept_it(app_with) -> None:
    client = app_with()
    assert client.get(CLAIM, headers={"Accept-Encoding": "gzip"}).headers["content-encoding"]
    small = client.get("/healthz", headers={"Accept-Encoding": "gzip"})
    assert "content-encoding" not in small.headers
    assert "content-encoding" not in client.get(CLAIM, headers={"Accept-Encoding": "br"}).headers
    never = app_with(gzip_min_bytes=0).get(CLAIM, headers={"Accept-Encoding": "gzip"})
    assert "content-encoding" not in never.headers


def test_a_streamed_export_is_gzipped_as_it_goes(app_with) -> None:
    """An export streams compressed for a client that asks: the same lines, its ETag (weak,
    it names the data's state, not the bytes) the same, so a 304 still answers it."""
    client = app_with()
    path = "/v1/exports/claims.ndjson"
    plain = client.get(path)
    packed = client.get(path, headers={"Accept-Encoding": "gzip"})
    assert packed.headers["content-encoding"] == "gzip"
    assert "content-length" not in packed.headers
    assert "Accept-Encoding" in packed.headers["vary"]
    assert packed.content == plain.content  # httpx undoes the gzip
    assert packed.num_bytes_downloaded < len(plain.content) / 3
    assert packed.headers["etag"] == plain.headers["etag"]
    again = {"Accept-Encoding": "gzip", "If-None-Match": packed.headers["etag"]}
    assert client.get(path, headers=again).status_code == 304


def test_a_static_file_is_gzipped_under_its_weak_etag(app_with) -> None:
    client = app_with()
    plain = client.get("/static/reader.js")
    packed = client.get("/static/reader.js", headers={"Accept-Encoding": "gzip"})
    assert packed.headers["content-encoding"] == "gzip"
    assert packed.content == plain.content
    assert packed.headers["etag"] == plain.headers["etag"]
    assert packed.headers["etag"].startswith("W/")


def test_cors_only_for_the_listed_origins(app_with) -> None:
    origin = {"Origin": "https://newsroom.example"}
    preflight = {**origin, "Access-Control-Request-Method": "PATCH"}
    closed = app_with()
    assert "access-control-allow-origin" not in closed.get(CLAIM, headers=origin).headers
    # OPTIONS answers what the resource allows (app/http_methods.py), but allows no origin
    assert "access-control-allow-origin" not in closed.options(CLAIM, headers=preflight).headers

    open_ = app_with(cors_origins="https://newsroom.example, https://other.example")
    read = open_.get(CLAIM, headers=origin)
    assert read.headers["access-control-allow-origin"] == "https://newsroom.example"
    assert "etag" in read.headers["access-control-expose-headers"].lower()
    # the answer names the origin: a cache must keep one per origin
    assert "Origin" in read.headers.get_list("vary")
    plain = open_.get(CLAIM)
    assert not [name for name in plain.headers if name.startswith("access-control-")]
    asked = {**preflight, "Access-Control-Request-Headers": "if-match"}
    allowed = open_.options(CLAIM, headers=asked)
    assert allowed.status_code == 200
    assert "PATCH" in allowed.headers["access-control-allow-methods"]
    stranger = {"Origin": "https://elsewhere.example"}
    assert "access-control-allow-origin" not in open_.get(CLAIM, headers=stranger).headers


def anonymous_answers(base: str, requests: int) -> tuple[list[int], int]:
    """Statuses of ``requests`` anonymous reads, each on a new connection, so that both
    workers of the server get some; and how many one limit of 10 a minute allows in the
    time they took (its burst, and one more every 6 s)."""
    started = time.monotonic()
    statuses = [httpx.get(base + CLAIM).status_code for _ in range(requests)]
    return statuses, 10 + int((time.monotonic() - started) / 6)


@needs_redis
def test_two_workers_share_one_rate_limit_through_redis(database_url: str, tmp_path: Path) -> None:
    limits = {
        "CLAIMSDB_ANONYMOUS_RATE_LIMIT_PER_MINUTE": "10",
        "CLAIMSDB_RATE_LIMIT_EXEMPT": "",  # the test's own address is limited too
        "CLAIMSDB_LOG_LEVEL": "warning",
    }
    # each worker on its own: together they let through more than one limit allows
    with live_server(database_url, tmp_path / "alone.log", workers=2, env=limits) as base:
        alone, one_limit = anonymous_answers(base, 30)
    assert alone.count(200) > one_limit, alone
    shared = {**limits, "CLAIMSDB_REDIS_URL": REDIS_URL}
    shared["CLAIMSDB_REDIS_KEY_PREFIX"] = f"claimsdb-test-{uuid.uuid4().hex}:"
    with live_server(database_url, tmp_path / "shared.log", workers=2, env=shared) as base:
        together, one_limit = anonymous_answers(base, 30)
    assert 10 <= together.count(200) <= one_limit, together
    assert together[:10] == [200] * 10
    assert 429 in together


def test_without_redis_the_server_keeps_serving_and_limits_per_worker(
    app_with, caplog: pytest.LogCaptureFixture
) -> None:
    with socket.socket() as closed:  # a port nothing listens on
        closed.bind(("127.0.0.1", 0))
        url = f"redis://127.0.0.1:{closed.getsockname()[1]}/0"
        client = app_with(redis_url=url, anonymous_rate_limit_per_minute=3, rate_limit_exempt="")
        with caplog.at_level(logging.WARNING, logger="claimsdb.limits"):
            statuses = [client.get(CLAIM).status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 429, 429]
    assert "did not answer" in caplog.text
    assert len(caplog.records) == 1  # said once, not per request


def sample(name: str, **labels: str) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


def test_metrics_count_read_model_refreshes_and_pipeline_time(
    app_with, tokens: dict[str, str]
) -> None:
    client = app_with(metrics=True)
    before = sample("claimsdb_read_model_bodies_refreshed_total", kind="claim")
    etag = client.get(CLAIM).headers["etag"]
    changed = client.patch(
        CLAIM,
        json={"topics": ["alliance-motives"]},
        headers=bearer(tokens["curate"]) | {"If-Match": etag},
    )
    assert changed.status_code == 200, changed.text
    assert sample("claimsdb_read_model_bodies_refreshed_total", kind="claim") == before + 1

    runs = sample("claimsdb_pipeline_seconds_count", step="total")
    annotate(text="North Korea supplies artillery shells to Russia.", registry=[], claims=[])
    assert sample("claimsdb_pipeline_seconds_count", step="total") == runs + 1
    assert sample("claimsdb_pipeline_seconds_count", step="sentences") >= 1
