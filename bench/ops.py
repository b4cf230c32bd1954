"""What each operations setting costs (issue 24: at most 5% each), side by side.

    python bench/ops.py bench/data/bench-200000.db [--rounds 3] [--seconds 5]

Starts one single-worker `claimsdb serve` per setting on the same file, all at once, and
measures them in turn, round after round, on a claim by id (a) and a source's claims (b)
with wrk: the same requests for each. The reference has every setting off
(CLAIMSDB_GZIP_MIN_BYTES=0); each other server turns one on. Those that limit addresses
(in process, in Redis) are compared with each other, the test's address not exempt.
``--main PATH`` adds the same server from another checkout (the code before this change).
Prints a Markdown table of median req/s and the cost of each against its reference.
"""

import argparse
import shutil
import statistics
import sys
import tempfile
import uuid
from pathlib import Path

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
    with running(list(found.values()), work / "servers.log"):
        for round_number in range(1, args.rounds + 1):
            for query in queries:
                targets = urls[query.key]["claimsdb"]
                for name, server in found.items():
                    headers = settings[name][1]
                    drain(server.base, targets[0])
                    check(server.base, targets)
                    warm(server.base, targets, args.concurrency, limit=2)
                    result = run_wrk(
                        server.base, targets, args.seconds, args.concurrency, work, headers
                    )
                    assert result.errors == 0, (name, result)
                    rps.setdefault((name, query.key), []).append(result.rps)
                    print(
                        f"round {round_number} {query.key} {name}: {result.rps:,.0f} req/s",
                        file=sys.stderr,
                    )
    shutil.rmtree(work, ignore_errors=True)
    header = "| setting | compared with | " + " | ".join(
        f"{q.key} req/s (median) | {q.key} cost" for q in queries
    )
    print(header + " |")
    print("|---|---|" + "---|---|" * len(queries))
    for name in found:
        reference = settings[name][2]
        cells = []
        for query in queries:
            mine = statistics.median(rps[(name, query.key)])
            theirs = statistics.median(rps[(reference, query.key)])
            cost = "" if reference == name else f"{(theirs - mine) / theirs:+.1%}"
            cells += [f"{mine:,.0f}", cost]
        print(f"| {name} | {'' if reference == name else reference} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
