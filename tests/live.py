"""Real servers for the tests that need real processes: `claimsdb serve` on a free port of
127.0.0.1, with its own settings, its output kept in a file the test can read."""

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import psutil
import pytest

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def listening(pid: int) -> list[psutil.Process]:
    """The processes of the server ``pid`` that listen: itself, or its workers."""
    server = psutil.Process(pid)
    return [
        process
        for process in (server, *server.children())
        if any(c.status == psutil.CONN_LISTEN for c in process.net_connections())
    ]


@contextlib.contextmanager
def live_server(
    database_url: str, log: Path, *, workers: int = 1, env: dict[str, str] | None = None
) -> Iterator[str]:
    """`claimsdb serve` on ``database_url`` (migrated already) until the block ends; yields
    its base URL. Its stdout and stderr go to ``log``."""
    port = free_port()
    command = [sys.executable, "-m", "app.cli", "serve", "--port", str(port)]
    with log.open("ab") as out:
        server = subprocess.Popen(
            [*command, "--workers", str(workers)],
            env={**os.environ, "DATABASE_URL": database_url, **(env or {})},
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180  # a machine busy with other work starts slowly
        while True:
            if server.poll() is not None:
                pytest.fail(f"claimsdb serve stopped: {log.read_text()}")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                    break
            if time.monotonic() > deadline:
                pytest.fail(f"claimsdb serve never answered: {log.read_text()}")
            time.sleep(0.1)
        # the first worker may answer while the others still import the app
        while len(listening(server.pid)) < workers and time.monotonic() < deadline:
            time.sleep(0.05)
        yield base
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
