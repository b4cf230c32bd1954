"""What each operations setting costs (issue 24: at most 5% each), side by side.

    python bench/ops.py bench/data/bench-200000.db [--rounds 3] [--seconds 5]

Starts one single-worker `claimsdb serve` per setting on the same file, all at once, and
measures them in turn, round after round, on a claim by id (a) and a source's claims (b)
with wrk: the same requests for each. The reference has every setting off
(CLAIMSDB_GZIP_MIN_BYTES=0); each other server turns one on. Those that limit addresses
(in process, in Redis) are compared with each other, the test's address not exempt.
``--main PATH`` adds the same server from another checkout (the code before this change).
Prints a Markdown table: median req/s, and median CPU time of the server per request (which
a machine busy with other work disturbs far less than req/s), and the cost of each against
its reference.
"""

import argparse
import shutil
import statistics
import sys
import tempfile
import uuid
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load import check, drain, run_wrk, warm  # noqa: E402
from bench.queries import QUERIES, paths, sample  # noqa: E402
from bench.servers import BIN, Server, running  # noqa: E402

OFF = {"CLAIMSDB_LOG_LEVEL": "warning", "CLAIMSDB_GZIP_MIN_BYTES": "0"}
# every request limited (this address is exempt by default), by a limit none reaches
LIMITED = {
    "CLAIMSDB_RATE_LIMIT_EXEMPT": "",
    "CLAIMSDB_ANONYMOUS_RATE_LIMIT_PER_MINUTE": "1000000000",
}
JSON_LOGS = {"CLAIMSDB_LOG_LEVEL": "info", "CLAIMSDB_LOG_FORMAT": "json"}
GZIP = {"Accept-Encoding": "gzip"}
ORIGIN = {"Origin": "https://newsroom.example"}

# name: (environment, headers wrk sends, the reference it is compared with)
SETTINGS: dict[str, tuple[dict[str, str], dict[str, str], str]] = {
    "all off": (OFF, {}, "all off"),
    "JSON logs": ({**OFF, **JSON_LOGS}, {}, "all off"),
    "metrics": ({**OFF, "CLAIMSDB_METRICS": "true"}, {}, "all off"),
    "gzip on, not asked": ({**OFF, "CLAIMSDB_GZIP_MIN_BYTES": "1024"}, {}, "all off"),
    "gzip on, asked": ({**OFF, "CLAIMSDB_GZIP_MIN_BYTES": "1024"}, GZIP, "all off"),
    "CORS, with Origin": ({**OFF, "CLAIMSDB_CORS_ORIGINS": ORIGIN["Origin"]}, ORIGIN, "all off"),
    "address limit in process": ({**OFF, **LIMITED}, {}, "address limit in process"),
    "address limit in Redis": (
        {**OFF, **LIMITED, "CLAIMSDB_REDIS_URL": "redis://127.0.0.1:6379/0"},
        {},
        "address limit in process",
    ),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db_file", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--queries", default="ab")
    parser.add_argument("--main", type=Path, help="another checkout with its own .venv")
    args = parser.parse_args()
    db_file = args.db_file.resolve()
    url = f"sqlite:///{db_file}"
    address = ["--host", "127.0.0.1", "--port", "{port}", "--workers", "1"]
    prefix = f"claimsdb-bench-{uuid.uuid4().hex}:"
    found = {
        name: Server(
            name,
            [str(BIN / "claimsdb"), "serve", *address],
            "/readyz",
            {"DATABASE_URL": url, "CLAIMSDB_REDIS_KEY_PREFIX": prefix, **env},
        )
        for name, (env, _, _) in SETTINGS.items()
    }
    settings = dict(SETTINGS)
    if args.main:
        claimsdb = args.main.resolve() / ".venv" / "bin" / "claimsdb"
        found["before (main)"] = Server(
            "before (main)",
            [str(claimsdb), "serve", *address],
            "/readyz",
            {"DATABASE_URL": url, "CLAIMSDB_LOG_LEVEL": "warning"},
        )
        settings["before (main)"] = ({}, {}, "before (main)")
        settings["all off"] = (OFF, {}, "before (main)")
    queries = [q for q in QUERIES if q.key in args.queries]
    urls = paths(sample(db_file), db_file.stem)
    work = Path(tempfile.mkdtemp(prefix="claimsdb-bench-ops-"))
    rps: dict[tuple[str, str], list[float]] = {}
    cpu: dict[tuple[str, str], list[float]] = {}
    with running(list(found.values()), work / "servers.log"):
        for round_number in range(1, args.rounds + 1):
            for query in queries:
                targets = urls[query.key]["claimsdb"]
                for name, server in found.items():
                    headers = settings[name][1]
                    drain(server.base, targets[0])
                    check(server.base, targets)
                    warm(server.base, targets, args.concurrency, limit=2)
                    before = cpu_seconds(server)
                    result = run_wrk(
                        server.base, targets, args.seconds, args.concurrency, work, headers
                    )
                    used = (cpu_seconds(server) - before) / max(1, result.requests)
                    assert result.errors == 0, (name, result)
                    rps.setdefault((name, query.key), []).append(result.rps)
                    cpu.setdefault((name, query.key), []).append(used * 1e6)
                    print(
                        f"round {round_number} {query.key} {name}: {result.rps:,.0f} req/s, "
                        f"{used * 1e6:,.0f} CPU us per request",
                        file=sys.stderr,
                    )
    shutil.rmtree(work, ignore_errors=True)
    report(found, settings, queries, rps, cpu)


def cpu_seconds(server: Server) -> float:
    """CPU time the server's process has used, user and system: per request it says what
    a setting costs even on a machine busy with other work, where req/s wanders."""
    times = psutil.Process(server.process.pid).cpu_times()  # type: ignore[union-attr]
    return times.user + times.system


def report(
    found: dict[str, Server],
    settings: dict[str, tuple[dict[str, str], dict[str, str], str]],
    queries: list,
    rps: dict[tuple[str, str], list[float]],
    cpu: dict[tuple[str, str], list[float]],
) -> None:
    """A Markdown table: per query, median req/s and CPU per request, and each setting's
    cost against its reference (more CPU per request, fewer requests per second)."""
    columns = [
        f"{q.key} req/s | {q.key} CPU us/req | {q.key} cost, CPU | {q.key} cost, req/s"
        for q in queries
    ]
    print("| setting | compared with | " + " | ".join(columns) + " |")
    print("|---|---|" + "---|---|---|---|" * len(queries))
    for name in found:
        reference = settings[name][2]
        cells = []
        for query in queries:
            mine, theirs = (statistics.median(rps[(n, query.key)]) for n in (name, reference))
            used, base = (statistics.median(cpu[(n, query.key)]) for n in (name, reference))
            same = reference == name
            cells += [
                f"{mine:,.0f}",
                f"{used:,.0f}",
                "" if same else f"{(used - base) / base:+.1%}",
                "" if same else f"{(theirs - mine) / theirs:+.1%}",
            ]
        print(f"| {name} | {'' if same else reference} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
