"""The report: docs/benchmarks.md, one section per corpus and database, each replaced
by its next run; medians across rounds, and the machine and versions they ran on."""

import contextlib
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
from importlib import metadata
from pathlib import Path

from bench.load import Result
from bench.queries import QUERIES
from bench.servers import Server

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "docs" / "benchmarks.md"
# bench/floor.py's constant endpoints, (path, title): the targets' floor, the cheapest route
FLOORS = {"floor": ("/", "constant JSON, sync def"), "floor-async": ("/async", "async def")}


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def versions() -> str:
    names = ["fastapi", "starlette", "pydantic", "sqlalchemy", "sqlmodel", "uvicorn", "datasette"]
    found = []
    for name in names:
        with contextlib.suppress(metadata.PackageNotFoundError):
            found.append(f"{name} {metadata.version(name)}")
    found.append(f"SQLite {sqlite3.sqlite_version}")
    if shutil.which("wrk"):
        banner = subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout
        found.append(banner.split(" [")[0].strip() or "wrk")
    return ", ".join(found)


def machine() -> str:
    import psutil

    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = psutil.virtual_memory().total / 2**30
    return (
        f"{os.cpu_count()} CPUs ({cpu}), {memory:.1f} GiB memory, "
        f"{platform.system()} {platform.release()}, Python {platform.python_version()}"
    )


def section(
    title: str,
    results: dict[tuple[str, str], list[Result]],
    found: list[Server],
    meta: dict[str, str],
) -> str:
    """The Markdown of one run: a table per query set, medians across rounds."""
    rss = {server.name: server.peak_rss / 2**20 for server in found}
    floor_rps = median([r.rps for r in results[("floor", "floor")]])
    async_rps = median([r.rps for r in results[("floor", "floor-async")]])
    lines = [
        f"### {title}",
        "",
        *(f"- {name}: {value}" for name, value in meta.items()),
        "",
        "| query | server | req/s | req/s range | p50 ms | p99 ms | errors | peak RSS MB "
        "| vs Datasette | floor / req/s | async floor / req/s |",
        "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    names = [server.name for server in found if server.name != "floor"]
    for query in QUERIES:
        datasette_rps = median([r.rps for r in results.get(("datasette", query.key), [])])
        for name in names:
            rounds = results.get((name, query.key), [])
            if not rounds:
                continue
            rps = median([r.rps for r in rounds])
            errors = sum(r.errors for r in rounds)
            span = f"{min(r.rps for r in rounds):,.0f}-{max(r.rps for r in rounds):,.0f}"
            start = f"| {query.key}: {query.title} | {name} | {rps:,.0f} | {span}"
            if not rps:  # every answer an error (Datasette's 1 s limit): no latency to show
                tail = f"| n/a | n/a | {errors} | {rss[name]:.0f} | | none answered | |"
                lines.append(f"{start} {tail}")
                continue
            versus = (
                "1"
                if name == "datasette"
                else f"{rps / datasette_rps:.2f}"
                if datasette_rps
                else "n/a (Datasette answered none)"
            )
            lines.append(
                f"{start} | {median([r.p50_ms for r in rounds]):.1f} "
                f"| {median([r.p99_ms for r in rounds]):.1f} "
                f"| {errors} | {rss[name]:.0f} | {versus} | {floor_rps / rps:.2f} "
                f"| {async_rps / rps:.2f} |"
            )
    for key, (_, title) in FLOORS.items():
        floor = results[("floor", key)]
        rps = median([r.rps for r in floor])
        lines.append(
            f"| floor: {title} | {key} | {rps:,.0f} "
            f"| {min(r.rps for r in floor):,.0f}-{max(r.rps for r in floor):,.0f} "
            f"| {median([r.p50_ms for r in floor]):.1f} "
            f"| {median([r.p99_ms for r in floor]):.1f} "
            f"| {sum(r.errors for r in floor)} | {rss['floor']:.0f} "
            f"| | {floor_rps / rps:.2f} | {async_rps / rps:.2f} |"
        )
    return "\n".join(lines) + "\n"


INTRO = """# Benchmarks

claimsdb against [Datasette](https://datasette.io) serving the same SQLite file, and against
a bare FastAPI endpoint returning a constant (`bench/floor.py`, the floor), measured side by
side in one run by `bench/run.py` on a corpus from `bench/generate.py`. Every figure is the
median across rounds; each round measures every server in turn for every query, so that the
servers share whatever the machine is doing, and each measurement follows one uncounted
pass over its distinct requests (this machine's kernel pages out file pages left unread for a
minute, DAMON's proactive reclaim, so a server that waited while the others were measured
would otherwise start cold). Client and servers share the same machine.

- **req/s**: requests per second with 16 concurrent connections (closed loop);
  **req/s range**: the slowest and fastest round.
- **p50, p99**: client-side latency.
- **peak RSS**: the largest resident memory of the server's process tree (supervisor and
  workers) sampled every 50 ms over the whole run (the tree itself looked up once a second).
- **vs Datasette**: claimsdb's req/s over Datasette's for the same query (higher is better).
- **floor / req/s**: how many times slower than the constant endpoint, a sync `def` as
  FastAPI's tutorial writes one (lower is better); the targets are measured against it.
  **async floor / req/s**: the same against an `async def` returning a ready `Response`,
  the cheapest route FastAPI serves, which pays neither the thread pool nor serialisation.

The queries (Datasette gets one SQL statement through its JSON API, `?sql=...&_shape=array`,
returning the same fields; see `QUERIES` in `bench/queries.py`):

- **a**: `GET /v1/claims/{id}`: one claim with its topics, actors and stances with provenance.
- **b**: `GET /v1/claims?source_id=...&limit=50`: the claims of one source, first page.
- **c**: `GET /v1/search?q=word&kind=claim&limit=50`: ranked (bm25), highlighted claims,
  as Datasette's `fts_claim MATCH` with `highlight()` and `bm25()`.
- **d**: `GET /v1/stances?holder_id=...&facets=label&limit=1`: stance counts by label for
  one actor (the label facet counts stances, like `GROUP BY label`;
  `/v1/actors/{id}/positions` also returns every stance, which is a different question).
- **e**: `GET /v1/sources/{id}/annotations?limit=50`: stance and mention spans in text order.
- **f** to **u**: every list filter of the contract, a first page of 50: sources by
  `publisher`, `genre`, `q`; actors by `q`, `kind`; claims by `q`, `actor_id`, `holder_id`,
  `label`, `claim_type`, `topic`, `contested`; stances by `claim_id`, `source_id`,
  `holder_id`, `label` (`FILTER_QUERIES` in `bench/queries.py`; a test checks that
  Datasette's SQL returns the very rows claimsdb returns, in order).

`bench/endpoints.py` measures something else: every read endpoint (each GET under `/v1`,
with its heavy parameter combinations), one request at a time, against the latency targets
of issue 20.

Ids and words are drawn at random from the corpus before the run, and every server gets the
same sequence. A Datasette error (its SQL time limit is 1 s by default) counts under errors.
"""


def write_report(key: str, text: str, report: Path = REPORT) -> None:
    """Replace this run's section (by key), keeping the sections of other corpora."""
    start, end = f"<!-- bench:{key} -->", f"<!-- /bench:{key} -->"
    block = f"{start}\n{text}{end}\n"
    current = report.read_text() if report.exists() else INTRO + "\n## Results\n\n"
    if start in current and end in current:
        before, rest = current.split(start, 1)
        after = rest.split(end, 1)[1].lstrip("\n")
        current = before + block + ("\n" + after if after else "")
    else:
        current = current.rstrip("\n") + "\n\n" + block
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text(current)


def corpus_size(db_file: Path) -> int:
    with contextlib.closing(sqlite3.connect(f"file:{db_file}?mode=ro", uri=True)) as db:
        return db.execute("select count(*) from claim").fetchone()[0]
