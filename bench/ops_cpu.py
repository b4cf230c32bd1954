"""What each operations setting costs in CPU per request, measured inside one process.

    python bench/ops_cpu.py bench/data/bench-200000.db [--requests 2000] [--rounds 5]

bench/ops.py measures servers side by side with wrk; on a machine busy with other work
their req/s wander by more than the few percent being measured, and nine servers starting
at once may not even start. Here each setting is an app (``create_app``) driven through
ASGI directly, with no server and no network, and what is counted is this process's CPU
time (``time.process_time``) per request, which other processes disturb far less: rounds
alternate the settings, and each setting's median is compared with the reference's. As
uvicorn's own work per request (HTTP parsing, the socket) is left out, each cost is a share
of less than a server spends: an upper bound on its share of the server's.

The requests: a claim by id (a) and a source's claims (b), the same sampled ids for every
setting. JSON log lines go to a file.
"""

import argparse
import asyncio
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.config import Settings  # noqa: E402
from app.main import create_app  # noqa: E402
from bench.queries import QUERIES, paths, sample  # noqa: E402

OFF: dict[str, Any] = {"log_level": "warning", "gzip_min_bytes": 0}
LIMITED: dict[str, Any] = {"rate_limit_exempt": "", "anonymous_rate_limit_per_minute": 10**9}
REDIS = "redis://127.0.0.1:6379/0"
# name: (settings, request headers, the reference it is compared with)
SETTINGS: dict[str, tuple[dict[str, Any], list[tuple[bytes, bytes]], str]] = {
    "all off": (OFF, [], "all off"),
    "JSON logs": ({**OFF, "log_level": "info", "log_format": "json"}, [], "all off"),
    "metrics": ({**OFF, "metrics": True}, [], "all off"),
    "gzip on, not asked": ({**OFF, "gzip_min_bytes": 1024}, [], "all off"),
    "gzip on, asked": ({**OFF, "gzip_min_bytes": 1024}, [(b"accept-encoding", b"gzip")], "all off"),
    "CORS, with Origin": (
        {**OFF, "cors_origins": "https://newsroom.example"},
        [(b"origin", b"https://newsroom.example")],
        "all off",
    ),
    "address limit in process": ({**OFF, **LIMITED}, [], "address limit in process"),
    "address limit in Redis": (
        {
            **OFF,
            **LIMITED,
            "redis_url": REDIS,
            "redis_key_prefix": f"claimsdb-bench-{os.getpid()}:",
        },
        [],
        "address limit in process",
    ),
}


async def call(app: Any, target: str, headers: list[tuple[bytes, bytes]]) -> int:
    path, _, query = target.partition("?")
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query.encode(),
        "root_path": "",
        "headers": [(b"host", b"127.0.0.1:8000"), *headers],
        "client": ("192.0.2.7", 50000),
        "server": ("127.0.0.1", 8000),
    }
    status = 0

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

    await app(scope, receive, send)
    return status


async def cpu_per_request(app: Any, targets: list[str], headers: list, requests: int) -> float:
    for target in targets[:50]:  # warm: compiled statements, caches, the file's pages
        assert await call(app, target, headers) == 200, target
    started = time.process_time()
    for number in range(requests):
        await call(app, targets[number % len(targets)], headers)
    return (time.process_time() - started) / requests


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db_file", type=Path)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--queries", default="ab")
    parser.add_argument("--log", type=Path, default=Path("/tmp/claimsdb-ops-cpu.log"))
    args = parser.parse_args()
    db_file = args.db_file.resolve()
    sys.stdout.flush()
    log = os.open(args.log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    report = os.dup(1)
    os.dup2(log, 1)  # the JSON log lines, and nothing else, go to the file
    queries = [q for q in QUERIES if q.key in args.queries]
    urls = paths(sample(db_file), db_file.stem)
    apps = {
        name: create_app(Settings(database_url=f"sqlite:///{db_file}", **settings))
        for name, (settings, _, _) in SETTINGS.items()
    }
    used: dict[tuple[str, str], list[float]] = {}
    for round_number in range(1, args.rounds + 1):
        for query in queries:
            for name, app in apps.items():
                seconds = await cpu_per_request(
                    app, urls[query.key]["claimsdb"], SETTINGS[name][1], args.requests
                )
                used.setdefault((name, query.key), []).append(seconds * 1e6)
                print(
                    f"round {round_number} {query.key} {name}: {seconds * 1e6:.0f} us",
                    file=sys.stderr,
                )
    out = os.fdopen(report, "w")
    columns = " | ".join(f"{q.key}: CPU us/request | {q.key}: cost" for q in queries)
    print(f"| setting | compared with | {columns} |", file=out)
    print("|---|---|" + "---|---|" * len(queries), file=out)
    for name in apps:
        reference = SETTINGS[name][2]
        cells = []
        for query in queries:
            mine = statistics.median(used[(name, query.key)])
            base = statistics.median(used[(reference, query.key)])
            cells += [f"{mine:,.0f}", "" if reference == name else f"{(mine - base) / base:+.1%}"]
        shown = "" if reference == name else reference
        print(f"| {name} | {shown} | " + " | ".join(cells) + " |", file=out)


if __name__ == "__main__":
    asyncio.run(main())
