"""Worker processes: each with a listening socket of its own, and a CPU of its own when
CLAIMSDB_PIN_CPU asks for one (off by default).

Pinning was the default while the busiest reads took turns for the GIL between the event
loop and a read thread, which on two cores waited for the other core at each turn; those
reads now run on the loop itself (app/core/reader.py), and a pin no longer pays
(docs/benchmarks.md). Left on, it put every single-worker server on CPU 0, since workers
claimed CPUs through lock files named after their parent: two servers shared one core while
the other idled. Claims are now machine-wide, so no two claimsdb processes ever hold one
CPU; a worker that finds every CPU taken stays unpinned.

``serve`` runs the workers. uvicorn's own ``--workers`` shares one listening socket, and
whichever worker wakes first accepts every connection waiting: a client that opens its
keep-alive connections at once (a load balancer, the benchmark) often had all of them on one
worker, and two workers then answered no faster than one. Here each worker listens on a
socket of its own with SO_REUSEPORT, and the kernel spreads connections across them.
"""

import fcntl
import multiprocessing
import os
import signal
import socket
import sys
import tempfile
import time
from pathlib import Path
from typing import IO, Any

import uvicorn

# a worker that stops this soon after it started cannot serve: stop, rather than respawn it
STARTUP_SECONDS = 10.0


class CpuClaim:
    """The CPU this process runs on, held until ``release`` or the process ends."""

    def __init__(self, cpu: int, lock: IO[str], path: Path, before: set[int]) -> None:
        self.cpu = cpu
        self.lock = lock
        self.path = path
        self.before = before

    def release(self) -> None:
        """Give the CPU back and run wherever this process ran before."""
        os.sched_setaffinity(0, self.before)
        self.path.unlink(missing_ok=True)
        self.lock.close()


def pin_to_a_free_cpu(directory: Path | None = None) -> CpuClaim | None:
    """Pin this process to the first CPU no other claimsdb process on this machine holds
    (its own server's workers or another server's); None when it cannot."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    before = os.sched_getaffinity(0)
    cpus = sorted(before)
    if len(cpus) < 2:
        return None
    directory = directory or Path(tempfile.gettempdir())
    for cpu in cpus:
        path = directory / f"claimsdb-cpu{cpu}.lock"
        try:  # another user's lock file cannot be opened: that CPU counts as taken
            lock = path.open("w")
        except OSError:
            continue
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            lock.close()
            continue
        os.sched_setaffinity(0, {cpu})
        return CpuClaim(cpu, lock, path, before)
    return None


def shared_socket(host: str, port: int) -> socket.socket:
    """A socket bound to ``host:port`` that sibling workers may bind too (SO_REUSEPORT)."""
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    return sock


def run_worker(config: uvicorn.Config) -> None:
    """One worker process: its own socket, then uvicorn's server on it."""
    config.configure_logging()
    sock = shared_socket(config.host, config.port)
    sock.listen(config.backlog)
    uvicorn.Server(config).run(sockets=[sock])


def serve(config: uvicorn.Config, workers: int) -> int:
    """Run ``workers`` processes of ``config`` until SIGINT or SIGTERM, and replace a worker
    that dies, unless it dies while starting: then stop them all. Returns the exit status."""
    try:  # a port another program holds: refuse it now (this socket never listens)
        shared_socket(config.host, config.port).close()
    except OSError as error:
        print(f"cannot listen on {config.host}:{config.port}: {error}", file=sys.stderr)
        return 1
    spawn = multiprocessing.get_context("spawn")
    stopping: list[int] = []
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda received, _frame: stopping.append(received))

    def start() -> tuple[Any, float]:
        process = spawn.Process(target=run_worker, args=(config,), name="claimsdb-worker")
        process.start()
        return process, time.monotonic()

    running = [start() for _ in range(workers)]
    status = 0
    while not stopping:
        time.sleep(0.2)
        for index, (process, started) in enumerate(running):
            if process.is_alive():
                continue
            if time.monotonic() - started < STARTUP_SECONDS:
                print(
                    f"a worker stopped while starting (exit code {process.exitcode})",
                    file=sys.stderr,
                )
                stopping.append(0)
                status = 1
                break
            running[index] = start()
    for process, _ in running:
        process.terminate()
    for process, _ in running:
        process.join(config.timeout_graceful_shutdown or 30)
    return status
