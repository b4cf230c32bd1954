"""Data survives the server's restarts as `make serve` does them: `claimsdb serve --migrate
--seed`, as a real process, after a clean stop and after a kill -9 in the middle of writes."""

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest

from app.core.auth import create_key
from app.core.db import make_engine, run_write
from app.models import Scope

SOURCE = "putin-kim-unity-pyongyang"
FIRST_QUOTE = "all these elements were crafted to unsettle the West"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def make_serve(database_url: str) -> Iterator[tuple[str, subprocess.Popen]]:
    """`claimsdb serve --migrate --seed` on ``database_url``, as `make serve` runs it; the
    base URL once it answers. Stopped at the end unless the test killed it."""
    port = free_port()
    env = {**os.environ, "DATABASE_URL": database_url, "CLAIMSDB_PIN_CPU": "false"}
    command = [sys.executable, "-m", "app.cli", "serve", "--migrate", "--seed"]
    server = subprocess.Popen(
        [*command, "--port", str(port)], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/readyz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"the server never got ready:\n{server.communicate()[0].decode()}")
            time.sleep(0.05)
        yield base, server
    finally:
        if server.poll() is None:
            server.terminate()
        server.communicate(timeout=30)


def curator_key(database_url: str) -> dict[str, str]:
    engine = make_engine(database_url)
    token = run_write(
        engine, lambda s: create_key(session=s, name="curator", scope=Scope.curate)[1]
    )
    engine.dispose()
    return {"Authorization": f"Bearer {token}"}


def claim(claim_id: str) -> dict:
    return {"id": claim_id, "text": f"A claim written through the API ({claim_id}).",
            "claim_type": "factual"}  # fmt: skip


def stance(claim_id: str) -> dict:
    """A stance on ``claim_id`` at the span of the seeds' first stance in SOURCE: in the
    article's body, not its page furniture; its id differs by claim."""
    return {"claim": claim_id, "source_id": SOURCE, "quote": FIRST_QUOTE, "occurrence": 1,
            "label": "supports", "holder": None, "attribution": "author",
            "certainty": "possible"}  # fmt: skip


def test_serve_twice_keeps_what_the_api_wrote(empty_database_url: str) -> None:
    """The first start loads the seeds; what a curator adds then survives the next start."""
    with make_serve(empty_database_url) as (base, _server):
        key = curator_key(empty_database_url)
        made = httpx.post(f"{base}/v1/claims", json=claim("kept-claim"), headers=key)
        assert made.status_code == 201, made.text
        written = httpx.post(f"{base}/v1/stances", json=stance("kept-claim"), headers=key)
        assert written.status_code == 201, written.text
    with make_serve(empty_database_url) as (base, _server):
        kept = httpx.get(f"{base}/v1/claims/kept-claim")
        assert kept.status_code == 200, kept.text
        assert [s["id"] for s in httpx.get(f"{base}/v1/claims/kept-claim").json()["stances"]] == [
            written.json()["id"]
        ]
        assert len(httpx.get(f"{base}/v1/sources").json()["items"]) == 4


def test_a_kill_during_writes_loses_no_acknowledged_write(empty_database_url: str) -> None:
    acknowledged: list[tuple[str, str]] = []  # (claim id, stance id), each answered 201
    stop = threading.Event()

    def write(base: str, key: dict[str, str], writer: int) -> None:
        with httpx.Client(base_url=base, headers=key, timeout=10) as http:
            for n in range(10_000):
                if stop.is_set():
                    return
                claim_id = f"killed-{writer}-{n}"
                try:
                    if http.post("/v1/claims", json=claim(claim_id)).status_code != 201:
                        continue
                    made = http.post("/v1/stances", json=stance(claim_id))
                except httpx.TransportError:
                    return  # the server is gone
                if made.status_code == 201:
                    acknowledged.append((claim_id, made.json()["id"]))

    with make_serve(empty_database_url) as (base, server):
        key = curator_key(empty_database_url)
        writers = [threading.Thread(target=write, args=(base, key, w)) for w in range(4)]
        for thread in writers:
            thread.start()
        deadline = time.monotonic() + 60
        while len(acknowledged) < 100 and time.monotonic() < deadline:
            time.sleep(0.01)
        os.kill(server.pid, signal.SIGKILL)  # mid-write: the writers are still going
        stop.set()
        for thread in writers:
            thread.join()
        assert server.wait(timeout=10) == -signal.SIGKILL
    assert len(acknowledged) >= 100

    with make_serve(empty_database_url) as (base, _server), httpx.Client(base_url=base) as http:
        for claim_id, stance_id in acknowledged:
            found = http.get(f"/v1/claims/{claim_id}")
            assert found.status_code == 200, (claim_id, found.text)
            assert stance_id in {s["id"] for s in found.json()["stances"]}
