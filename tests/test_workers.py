"""Workers of one server pin themselves to different CPUs and listen on sockets of their
own, so that connections spread over them (app/core/workers.py)."""

import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from app.core.workers import pin_to_a_free_cpu

CLAIM = """
import sys
from pathlib import Path
from app.core.workers import pin_to_a_free_cpu
claim = pin_to_a_free_cpu(Path(sys.argv[1]))
print(claim.cpu if claim else "none", flush=True)
sys.stdin.readline()  # hold the CPU until the test says go
"""

needs_two_cpus = pytest.mark.skipif(
    not hasattr(os, "sched_setaffinity") or len(os.sched_getaffinity(0)) < 2,
    reason="needs Linux CPU affinity and at least two CPUs",
)
needs_reuseport = pytest.mark.skipif(
    not hasattr(socket, "SO_REUSEPORT"), reason="needs SO_REUSEPORT (Linux, BSD, macOS)"
)
ROOT = Path(__file__).resolve().parent.parent


@needs_two_cpus
def test_sibling_workers_take_different_cpus_and_the_rest_stay_unpinned(tmp_path: Path) -> None:
    cpus = sorted(os.sched_getaffinity(0))
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", CLAIM, str(tmp_path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=Path(__file__).resolve().parent.parent,
        )
        for _ in range(len(cpus) + 1)
    ]
    try:
        said = [worker.stdout.readline().strip() for worker in workers]  # type: ignore[union-attr]
    finally:
        for worker in workers:
            worker.communicate("go\n", timeout=10)
    taken = sorted(int(cpu) for cpu in said if cpu != "none")
    assert taken == cpus
    assert said.count("none") == 1


@needs_two_cpus
def test_two_servers_never_share_a_cpu(tmp_path: Path) -> None:
    """Workers of different servers (different parents) take different CPUs too: with
    claims per parent, two single-worker servers both took CPU 0 while the other idled."""
    cpus = sorted(os.sched_getaffinity(0))
    via_a_parent_of_its_own = (
        "import subprocess, sys; "
        "subprocess.run([sys.executable, '-c', sys.argv[1], sys.argv[2]], check=True)"
    )
    servers = [
        subprocess.Popen(
            [sys.executable, "-c", via_a_parent_of_its_own, CLAIM, str(tmp_path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        for _ in range(2)
    ]
    try:
        said = [server.stdout.readline().strip() for server in servers]  # type: ignore[union-attr]
    finally:
        for server in servers:
            server.communicate("go\n", timeout=10)
    assert sorted(int(cpu) for cpu in said) == cpus[:2]


@needs_two_cpus
def test_a_released_cpu_can_be_claimed_again(tmp_path: Path) -> None:
    before = os.sched_getaffinity(0)
    try:
        first = pin_to_a_free_cpu(tmp_path)
        assert first is not None
        assert os.sched_getaffinity(0) == {first.cpu}
        first.release()
        assert not first.path.exists()
        assert os.sched_getaffinity(0) == before
        again = pin_to_a_free_cpu(tmp_path)
        assert again is not None
        assert again.cpu == first.cpu
        again.release()
    finally:
        os.sched_setaffinity(0, before)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(database: Path, port: int, workers: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}"}
    command = [sys.executable, "-m", "app.cli", "serve", "--migrate", "--port", str(port)]
    return subprocess.Popen(
        [*command, "--workers", str(workers)],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )


def connect_when_ready(port: int) -> http.client.HTTPConnection:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        try:
            connection.request("GET", "/healthz")
            assert connection.getresponse().read() == b'{"status":"ok"}'
            return connection
        except OSError:
            connection.close()
            time.sleep(0.05)
    pytest.fail("claimsdb serve never answered")


def listening_workers(pid: int, expected: int) -> list[psutil.Process]:
    """The server's children that listen, once ``expected`` do (or after 30 s): the first
    worker may answer while the second is still importing the app."""
    deadline = time.monotonic() + 30
    while True:
        workers = [
            child
            for child in psutil.Process(pid).children()
            if any(c.status == psutil.CONN_LISTEN for c in child.net_connections())
        ]
        if len(workers) >= expected or time.monotonic() > deadline:
            return workers
        time.sleep(0.05)


@needs_reuseport
def test_connections_opened_at_once_spread_over_the_workers(tmp_path: Path) -> None:
    port = free_port()
    server = start_server(tmp_path / "served.db", port, workers=2)
    try:
        connect_when_ready(port).close()
        workers = listening_workers(server.pid, 2)
        assert len(workers) == 2  # each listening itself (the other child is multiprocessing's)
        # a client opening its keep-alive connections together, as wrk or a proxy does;
        # with one shared socket they often all went to the worker that woke first
        connections = [connect_when_ready(port) for _ in range(16)]
        held = [
            sum(1 for c in worker.net_connections() if c.status == psutil.CONN_ESTABLISHED)
            for worker in workers
        ]
        assert sum(held) == 16
        assert min(held) >= 1, held  # the kernel hashes each to a socket: 16-0 has odds 2^-15
        for connection in connections:
            connection.close()
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(30)
    assert server.returncode == 0
    assert not any(worker.is_running() for worker in workers)


@needs_reuseport
def test_a_port_another_program_holds_is_refused_at_once(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        server = start_server(tmp_path / "served.db", taken.getsockname()[1], workers=2)
        output = server.communicate(timeout=60)[0].decode()
    assert server.returncode != 0
    assert "Address already in use" in output
