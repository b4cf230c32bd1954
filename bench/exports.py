"""The bulk exports at scale: how long a whole export takes and how much memory the server
holds meanwhile.

    python bench/exports.py /work/main/bench/data/bench-1000000.db

Starts `claimsdb serve` (1 worker, default settings) on the file, which it only reads, and
streams each export of ``CASES`` to /dev/null through httpx, never two at once, while the
server's resident memory is sampled every 50 ms. Reports, per export: bytes and lines,
time to the first byte, the whole time, the rate, the server's RSS before and at its
peak; and what a revalidation (If-None-Match, 304) costs. Into docs/benchmarks.md.
"""

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.report import REPORT, corpus_size, machine, versions, write_report  # noqa: E402
from bench.servers import BIN, Server, running, sampling_rss  # noqa: E402

CASES = [
    "/v1/exports/claims.ndjson",
    "/v1/exports/claims.csv",
    "/v1/exports/claims.csv?claim_type=prediction",
    "/v1/exports/stances.ndjson?label=opposes",
]


def stream(server: Server, path: str) -> dict[str, float]:
    import httpx

    server.peak_rss = 0
    before = server.rss()
    size = lines = 0
    started = time.monotonic()
    first = None
    with (
        sampling_rss([server]),
        httpx.Client(base_url=server.base, timeout=None) as client,
        # plain, as wrk and curl ask: httpx would ask for gzip, which the server now does
        client.stream("GET", path, headers={"Accept-Encoding": "identity"}) as response,
    ):
        response.raise_for_status()
        etag = response.headers["etag"]
        for chunk in response.iter_raw():
            if first is None:
                first = time.monotonic() - started
            size += len(chunk)
            lines += chunk.count(b"\n")
    total = time.monotonic() - started
    revalidated = time.monotonic()
    with httpx.Client(base_url=server.base, timeout=None) as client:
        assert client.get(path, headers={"If-None-Match": etag}).status_code == 304
    return {
        "bytes": size,
        "lines": lines,
        "first_s": first or total,
        "total_s": total,
        "rss_before": before / 2**20,
        "rss_peak": max(server.peak_rss, before) / 2**20,
        "revalidate_ms": (time.monotonic() - revalidated) * 1000,
    }


def report(db_file: Path, results: dict[str, dict[str, float]], load: str) -> str:
    claims = corpus_size(db_file)
    lines = [
        f"### Exports at {claims:,} claims, claimsdb on SQLite\n",
        f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, {machine()}; {versions()}. "
        f"`python bench/exports.py {db_file.name}`: one export at a time, streamed to nowhere "
        f"by httpx, `claimsdb serve` with 1 worker; load average before the run: {load}.\n",
        "| export | MB | lines | first byte s | whole s | MB/s | lines/s | RSS before MB "
        "| peak RSS MB | 304 ms |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for path, r in results.items():
        mb = r["bytes"] / 2**20
        lines.append(
            f"| `{path}` | {mb:.0f} | {r['lines']:,.0f} | {r['first_s']:.2f} | "
            f"{r['total_s']:.1f} | {mb / r['total_s']:.1f} | {r['lines'] / r['total_s']:,.0f} "
            f"| {r['rss_before']:.0f} | {r['rss_peak']:.0f} | {r['revalidate_ms']:.0f} |"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("db_file", type=Path)
    parser.add_argument("--only", help="run the cases whose path contains this")
    args = parser.parse_args()
    url = f"sqlite:///{args.db_file.resolve()}"
    server = Server(
        "claimsdb-1w",
        [str(BIN / "claimsdb"), "serve", "--host", "127.0.0.1", "--port", "{port}"],
        "/readyz",
        {"DATABASE_URL": url, "CLAIMSDB_LOG_LEVEL": "warning"},
    )
    load = Path("/proc/loadavg").read_text().split()[:3]
    results = {}
    with tempfile.TemporaryDirectory() as work, running([server], Path(work) / "server.log"):
        for path in CASES:
            if args.only and args.only not in path:
                continue
            results[path] = stream(server, path)
            print(path, {k: round(v, 2) for k, v in results[path].items()}, flush=True)
    text = report(args.db_file, results, " ".join(load))
    print(text)
    if not args.only:
        write_report(f"exports-{corpus_size(args.db_file)}", text, REPORT)
        print(f"written to {REPORT}")


if __name__ == "__main__":
    main()
