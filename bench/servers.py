"""The servers the benchmark runs side by side on free ports of 127.0.0.1: claimsdb as
its users start it, Datasette on the same file, and the bare FastAPI floor."""

import contextlib
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    name: str
    command: list[str]
    ready_path: str
    env: dict[str, str] = field(default_factory=dict)
    cwd: Path = ROOT
    port: int = 0
    process: subprocess.Popen | None = None
    peak_rss: int = 0
    tree: list = field(default_factory=list)  # psutil.Process of the server and its workers
    tree_at: float = -1e9  # time.monotonic() of the last lookup of the tree

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, log: Path) -> None:
        self.port = free_port()
        command = [part.replace("{port}", str(self.port)) for part in self.command]
        with log.open("ab") as out:
            self.process = subprocess.Popen(
                command,
                cwd=self.cwd,
                env={**os.environ, **self.env},
                stdout=out,
                stderr=subprocess.STDOUT,
            )

    # Datasette counts every table of an immutable file before it answers: over a minute
    # for a million claims when the file has left the OS cache
    def wait_ready(self, timeout: float = 600) -> None:
        import httpx

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process is not None
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.process.returncode}")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(self.base + self.ready_path, timeout=2).status_code == 200:
                    return
            time.sleep(0.2)
        raise RuntimeError(f"{self.name} not ready after {timeout}s")

    def rss(self, tree_every: float = 1.0) -> int:
        import psutil

        try:
            if not self.tree or time.monotonic() - self.tree_at >= tree_every:
                # finding the children reads every process in /proc: 6 ms of CPU for the
                # five servers, which every 50 ms took an eighth of a core from the servers
                root = psutil.Process(self.process.pid)  # type: ignore[union-attr]
                self.tree = [root, *root.children(recursive=True)]
                self.tree_at = time.monotonic()
            return sum(p.memory_info().rss for p in self.tree)
        except psutil.Error:
            self.tree = []
            return 0

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()


def baseline(checkout: Path, db_file: Path) -> Server:
    """A single-worker claimsdb of another checkout (its own .venv) on its own corpus: the
    code before a change, measured in the same rounds as the code after it."""
    return Server(
        "baseline-1w",
        [str(checkout / ".venv/bin/claimsdb"), "serve", "--host", "127.0.0.1", "--port", "{port}"],
        "/readyz",
        {"DATABASE_URL": f"sqlite:///{db_file.resolve()}", "CLAIMSDB_LOG_LEVEL": "warning"},
        cwd=checkout,
    )


def servers(
    db_file: Path,
    database_url: str | None,
    workers: list[int],
    *,
    pinned: bool = False,
    before: Server | None = None,
) -> list[Server]:
    """claimsdb with each number of ``workers``, then Datasette, then the floor; with
    ``pinned``, a single-worker claimsdb pinned to a CPU (CLAIMSDB_PIN_CPU) beside them;
    with ``before``, that server (``baseline``) after the first claimsdb."""
    uvicorn = [str(BIN / "uvicorn"), "--host", "127.0.0.1", "--port", "{port}"]
    quiet = ["--no-access-log", "--log-level", "warning"]
    url = database_url or f"sqlite:///{db_file.resolve()}"
    address = ["--host", "127.0.0.1", "--port", "{port}"]
    # claimsdb as its users start it: `claimsdb serve`, which runs its own workers
    found = [
        Server(
            f"claimsdb-{n}w",
            [str(BIN / "claimsdb"), "serve", *address, "--workers", str(n)],
            "/readyz",
            {"DATABASE_URL": url, "CLAIMSDB_LOG_LEVEL": "warning"},
        )
        for n in workers
    ]
    if before:
        found.insert(1, before)
    if pinned:
        found.append(
            Server(
                "claimsdb-1w-pinned",
                [str(BIN / "claimsdb"), "serve", *address, "--workers", "1"],
                "/readyz",
                {"DATABASE_URL": url, "CLAIMSDB_LOG_LEVEL": "warning", "CLAIMSDB_PIN_CPU": "true"},
            )
        )
    found.append(
        Server(
            "datasette",
            [
                str(BIN / "datasette"),
                "serve",
                "-i",
                str(db_file),
                "--host",
                "127.0.0.1",
                "--port",
                "{port}",
                "--setting",
                "default_page_size",
                "50",
            ],
            "/-/versions.json",
        )
    )
    found.append(
        Server(
            "floor", [*uvicorn, "floor:app", "--app-dir", "bench", "--workers", "1", *quiet], "/"
        )
    )
    return found


@contextlib.contextmanager
def running(found: list[Server], log: Path) -> Iterator[None]:
    try:
        for server in found:
            server.start(log)
        for server in found:
            server.wait_ready()
        yield
    finally:
        for server in found:
            server.stop()


@contextlib.contextmanager
def sampling_rss(found: list[Server], every: float = 0.05) -> Iterator[None]:
    stop = threading.Event()

    def sample_forever() -> None:
        while not stop.is_set():
            for server in found:
                server.peak_rss = max(server.peak_rss, server.rss())
            stop.wait(every)

    thread = threading.Thread(target=sample_forever, daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()
