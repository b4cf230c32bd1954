"""What the other requests of a worker wait while one read walks every claim.

    python bench/stall.py bench/data/bench-1000000.db
    python bench/stall.py bench/data/bench-1000000.db --slice-ms 0 100 --checkout ../before

Starts `claimsdb serve` (1 worker) once per ``--slice-ms`` value (CLAIMSDB_LOOP_READ_MS; 0
is no slice), sends ``--scans`` requests that must walk the claims one after another, and
meanwhile asks for one claim by id every ``--every`` seconds: how long each of those took
is what every other request of the worker waited. Reports the scans' times and the claims'
median and slowest.
"""

import argparse
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.servers import Server, running  # noqa: E402

# a topic no claim has, sorted by text: before 9207def, a walk of every claim
SCAN = "/v1/claims?topic=no-such-topic&sort=-text"


def measure(args: argparse.Namespace, slice_ms: int, claim: str, log: Path) -> str:
    server = Server(
        f"claimsdb-slice-{slice_ms}",
        [str(args.checkout / ".venv/bin/claimsdb"), "serve", "--port", "{port}"],
        "/readyz",
        {
            "DATABASE_URL": f"sqlite:///{args.db_file.resolve()}",
            "CLAIMSDB_LOG_LEVEL": "warning",
            "CLAIMSDB_LOOP_READ_MS": str(slice_ms),
        },
        cwd=args.checkout,
    )
    with running([server], log), httpx.Client(base_url=server.base, timeout=60) as client:
        for _ in range(3):
            client.get(f"/v1/claims/{claim}").raise_for_status()
        client.get(args.scan)  # the file's pages into the cache
        scans: list[str] = []

        def scan() -> None:
            with httpx.Client(base_url=server.base, timeout=60) as scanner:
                for _ in range(args.scans):
                    started = time.perf_counter()
                    status = scanner.get(args.scan).status_code
                    scans.append(f"{time.perf_counter() - started:.2f} s ({status})")

        scanning = threading.Thread(target=scan)
        scanning.start()
        waits = []
        while scanning.is_alive():
            started = time.perf_counter()
            client.get(f"/v1/claims/{claim}").raise_for_status()
            waits.append(time.perf_counter() - started)
            time.sleep(args.every)
        scanning.join()
    return (
        f"| {slice_ms or 'no slice'} | {', '.join(scans)} | {len(waits)} | "
        f"{statistics.median(waits) * 1000:.1f} | {max(waits) * 1000:.1f} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db_file", type=Path)
    parser.add_argument("--slice-ms", type=int, nargs="+", default=[0, 100])
    parser.add_argument("--scans", type=int, default=3)
    parser.add_argument("--every", type=float, default=0.05)
    parser.add_argument("--scan", default=SCAN, help="the request that walks the claims")
    parser.add_argument("--checkout", type=Path, default=ROOT, help="whose claimsdb (.venv)")
    args = parser.parse_args()
    with sqlite3.connect(args.db_file) as db:
        claim = db.execute("SELECT id FROM claim LIMIT 1 OFFSET 5000").fetchone()[0]
    log = Path(tempfile.mkdtemp(prefix="claimsdb-stall-")) / "servers.log"
    print(f"`{args.scan}` x {args.scans}, a claim by id every {args.every} s meanwhile\n")
    print("| CLAIMSDB_LOOP_READ_MS | each scan | claims by id | median ms | slowest ms |")
    print("|---|---|--:|--:|--:|")
    for slice_ms in args.slice_ms:
        print(measure(args, slice_ms, claim, log), flush=True)


if __name__ == "__main__":
    main()
