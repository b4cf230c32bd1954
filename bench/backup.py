"""SQLite backups of a large database while a server takes writes: the online backup API
against VACUUM INTO, side by side.

    python bench/backup.py bench/data/bench-200000.db

Copies the file to a scratch folder (the corpus is left as it is), serves the copy with
`claimsdb serve`, and has a curator post claims through the API without a pause. Then,
round after round, each method copies the database while those writes go on; per method
the medians over the rounds: how long the copy took, its size, how many writes were
acknowledged meanwhile and their latency (against the latency with no backup running),
and the whole of `claimsdb backup` (the copy plus its check).
"""

import argparse
import os
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.backup import backup  # noqa: E402
from app.core.auth import create_key  # noqa: E402
from app.core.db import make_engine, run_write  # noqa: E402
from app.models import Scope  # noqa: E402


def online_backup(source: Path, target: Path) -> None:
    with sqlite3.connect(source) as db, sqlite3.connect(target) as copy:
        db.backup(copy)
    db.close()
    copy.close()


def vacuum_into(source: Path, target: Path) -> None:
    db = sqlite3.connect(source)
    db.execute("VACUUM INTO ?", (str(target),))
    db.close()


def claimsdb_backup(source: Path, target: Path) -> None:
    backup(url=f"sqlite:///{source}", target=target)


METHODS: dict[str, Callable[[Path, Path], None]] = {
    "online backup API, one step": online_backup,
    "VACUUM INTO": vacuum_into,
    "`claimsdb backup` (online backup + quick_check)": claimsdb_backup,
}


class Writer(threading.Thread):
    """Posts claims without a pause; keeps when each was acknowledged and how long it took."""

    def __init__(self, base: str, token: str) -> None:
        super().__init__(daemon=True)
        self.base, self.token = base, token
        self.done: list[tuple[float, float]] = []  # (acknowledged at, seconds taken)
        self.stop = threading.Event()

    def run(self) -> None:
        headers = {"Authorization": f"Bearer {self.token}"}
        with httpx.Client(base_url=self.base, headers=headers, timeout=120) as http:
            n = 0
            while not self.stop.is_set():
                body = {"id": f"bench-backup-{n}", "text": f"Claim {n}.", "claim_type": "factual"}
                started = time.perf_counter()
                if http.post("/v1/claims", json=body).status_code == 201:
                    now = time.perf_counter()
                    self.done.append((now, now - started))
                n += 1

    def between(self, start: float, end: float) -> list[float]:
        return [took for at, took in self.done if start <= at <= end]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("database", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="claimsdb-backup-bench-"))
    database = scratch / "db.sqlite"
    shutil.copyfile(args.database, database)
    url = f"sqlite:///{database}"
    engine = make_engine(url)
    token = run_write(engine, lambda s: create_key(session=s, name="bench", scope=Scope.curate)[1])
    engine.dispose()
    port = free_port()
    env = {**os.environ, "DATABASE_URL": url, "CLAIMSDB_PIN_CPU": "false"}
    server = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "claimsdb"), "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        while True:
            try:
                httpx.get(f"{base}/healthz", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        writer = Writer(base, token)
        writer.start()
        time.sleep(3)
        quiet = [took for _, took in writer.done]
        results: dict[str, list[tuple[float, float, int, float, float]]] = {m: [] for m in METHODS}
        for _ in range(args.rounds):
            for name, method in METHODS.items():
                target = scratch / "copy.db"
                target.unlink(missing_ok=True)
                time.sleep(1)
                start = time.perf_counter()
                method(database, target)
                end = time.perf_counter()
                during = writer.between(start, end)
                results[name].append(
                    (
                        end - start,
                        target.stat().st_size / 1e6,
                        len(during),
                        statistics.median(during) * 1000 if during else float("nan"),
                        max(during) * 1000 if during else float("nan"),
                    )
                )
        writer.stop.set()
        writer.join()
    finally:
        server.terminate()
        server.wait()
    source_mb = database.stat().st_size / 1e6
    print(f"{args.database.name}: {source_mb:.0f} MB; {args.rounds} rounds, medians")
    print(f"a write with no backup running: p50 {statistics.median(quiet) * 1000:.1f} ms\n")
    print("| method | seconds | copy MB | writes meanwhile | their p50 ms | their max ms |")
    print("|---|---|---|---|---|---|")
    for name, rounds in results.items():
        columns = [statistics.median(values) for values in zip(*rounds, strict=True)]
        seconds, size, writes, p50, worst = columns
        print(f"| {name} | {seconds:.1f} | {size:.0f} | {writes:.0f} | {p50:.1f} | {worst:.0f} |")
    shutil.rmtree(scratch)


if __name__ == "__main__":
    main()
