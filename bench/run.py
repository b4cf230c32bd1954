"""claimsdb against Datasette on the same SQLite file, side by side, and a bare FastAPI floor.

    python bench/run.py bench/data/bench-200000.db  # five rounds of 5 s: the defaults

Starts claimsdb (`claimsdb serve`, 1 worker and 2 workers), Datasette (read-only, immutable)
and bench/floor.py on free ports of 127.0.0.1, then, round after round, drives each server in
turn with 16 concurrent connections for each query, after one uncounted pass over the
measurement's distinct requests: ``wrk`` when it is installed, else a bounded Python client.
The requests use ids drawn in advance from the file, the same for every server. Writes the
medians across rounds into docs/benchmarks.md, one section per corpus (and per claimsdb
database, with --database-url for PostgreSQL).
"""

import argparse
import datetime as dt
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load import Result, check, drain, run_python, run_wrk, warm  # noqa: E402
from bench.queries import QUERIES, paths, sample  # noqa: E402
from bench.report import (  # noqa: E402
    FLOORS,
    REPORT,
    corpus_size,
    machine,
    section,
    versions,
    write_report,
)
from bench.servers import Server, baseline, running, sampling_rss, servers  # noqa: E402

__all__ = ["QUERIES", "Result", "Server", "paths", "sample", "section"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db_file", type=Path, help="a SQLite file from bench/generate.py")
    parser.add_argument(
        "--database-url",
        help="claimsdb reads this database instead (PostgreSQL loaded with the same corpus); "
        "Datasette still reads db_file",
    )
    # on a noisy machine more short rounds give steadier medians than fewer long ones
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=5, help="per measurement")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--workers", default="1,2", help="claimsdb worker counts to measure")
    parser.add_argument(
        "--queries",
        default="abcde",
        help="which queries, by key: abcde the five first measured, f to u every list filter",
    )
    parser.add_argument(
        "--pinned",
        action="store_true",
        help="also measure a single-worker claimsdb pinned to a CPU (CLAIMSDB_PIN_CPU=true)",
    )
    parser.add_argument(
        "--baseline",
        type=Path,
        metavar="CHECKOUT",
        help="also measure another checkout's claimsdb (its own .venv, 1 worker) in the same "
        "rounds: the code before a change, side by side with the code after it",
    )
    parser.add_argument(
        "--baseline-db",
        type=Path,
        help="the baseline's corpus, made by its own bench/generate.py (default: "
        "CHECKOUT/bench/data/ and db_file's name)",
    )
    parser.add_argument("--client", choices=["auto", "wrk", "python"], default="auto")
    parser.add_argument("--report", type=Path, default=REPORT)
    args = parser.parse_args()

    db_file = args.db_file.resolve()
    client = args.client
    if client == "auto":
        client = "wrk" if shutil.which("wrk") else "python"
        if client == "python":
            print(
                "wrk is not installed (apt-get install -y wrk): using the bounded Python "
                "client, whose own CPU use lowers every figure on a small machine",
                file=sys.stderr,
            )
    elif client == "wrk" and not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install -y wrk, or pass --client python")

    queries = [q for q in QUERIES if q.key in args.queries]
    workers = [int(n) for n in args.workers.split(",")]
    urls = paths(sample(db_file), db_file.stem)
    before = None
    if args.baseline:
        checkout = args.baseline.resolve()
        before = baseline(checkout, args.baseline_db or checkout / "bench/data" / db_file.name)
    found = servers(db_file, args.database_url, workers, pinned=args.pinned, before=before)
    results: dict[tuple[str, str], list[Result]] = {}
    work = Path(tempfile.mkdtemp(prefix="claimsdb-bench-"))
    log = work / "servers.log"
    began = dt.datetime.now(dt.UTC)

    def measure(server: Server, key: str, targets: list[str], seconds: float) -> Result:
        if client == "wrk":
            return run_wrk(server.base, targets, seconds, args.concurrency, work)
        return run_python(server.base, targets, seconds, args.concurrency)

    print(f"servers log: {log}", file=sys.stderr)
    with running(found, log), sampling_rss(found):
        floor = found[-1]
        for server in found[:-1]:
            side = "datasette" if server.name == "datasette" else "claimsdb"
            for query in queries:
                # the last warm-up can leave a slow server a backlog (Datasette's searches
                # at a million claims took over 30 s to clear): let it finish first
                drain(server.base, urls[query.key][side][0])
                check(server.base, urls[query.key][side])
                warm(server.base, urls[query.key][side], args.concurrency)
        for round_number in range(1, args.rounds + 1):
            for query in queries:
                for server in found[:-1]:
                    side = "datasette" if server.name == "datasette" else "claimsdb"
                    # the backlog of the last query answered first (Datasette keeps running
                    # the searches wrk gave up on), then every request of the measurement
                    # once, not counted: a server idle while others were measured starts
                    # from caches the OS took back
                    drain(server.base, urls[query.key][side][0])
                    warm(server.base, urls[query.key][side], args.concurrency)
                    result = measure(server, query.key, urls[query.key][side], args.seconds)
                    results.setdefault((server.name, query.key), []).append(result)
                    print(
                        f"round {round_number} {query.key} {server.name}: {result.rps:,.0f} "
                        f"req/s, p50 {result.p50_ms:.1f} ms, p99 {result.p99_ms:.1f} ms, "
                        f"{result.errors} errors",
                        file=sys.stderr,
                    )
            for key, (path, _) in FLOORS.items():
                measure(floor, key, [path], 1)
                result = measure(floor, key, [path], args.seconds)
                results.setdefault(("floor", key), []).append(result)
                print(f"round {round_number} {key}: {result.rps:,.0f} req/s", file=sys.stderr)

    claims = corpus_size(db_file)
    backend = "PostgreSQL" if args.database_url else "SQLite"
    command = " ".join(["python", "bench/run.py", *sys.argv[1:]])
    meta = {
        "corpus": f"{claims:,} claims, `{args.db_file}` "
        f"({db_file.stat().st_size / 2**20:,.0f} MB), claimsdb on {backend}",
        "date": began.strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(),
        "versions": versions(),
        "load": f"{client}, {args.concurrency} connections, {args.rounds} rounds of "
        f"{args.seconds:g} s per server and query",
        "rerun": f"`python bench/generate.py --claims {claims}` then `{command}`",
    }
    title = f"{claims:,} claims, claimsdb on {backend}"
    text = section(title, results, found, meta)
    write_report(f"{claims}-{backend.lower()}", text, args.report)
    print(text)


if __name__ == "__main__":
    main()
