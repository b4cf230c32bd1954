"""The web pages against the JSON they are built from, one request at a time.

    python bench/web.py                                # the seed data (a fresh copy)
    python bench/web.py bench/data/bench-200000.db     # a corpus from bench/generate.py

Starts `claimsdb serve` (1 worker, default settings) and, for each page, asks the page and
then, right after, the /v1 requests it reads (app/web/reads.py calls the same functions in
process), ``--requests`` times with ids drawn from the database, after one uncounted pass.
A page's cost beside its JSON's is the rendering (and the HTTP round trips the page saves).
Reports p50 and the slowest of each, into docs/benchmarks.md ("Web pages").
"""

import argparse
import contextlib
import datetime as dt
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.generate import TOPICAL_WORDS  # noqa: E402
from bench.report import REPORT, corpus_size, machine, versions, write_report  # noqa: E402
from bench.servers import running, servers  # noqa: E402

REQUESTS = 30
# the target for the reader of the longest seed article, on the server
READER_TARGET_MS = 50.0
LONGEST_SEED = "russia-kim-whats-going-on"
LABELS = ("supports", "opposes", "questions", "neutral")


@dataclass(frozen=True)
class Case:
    name: str
    page: str
    json: tuple[str, ...]  # what the page reads, as /v1 requests


CASES = [
    Case(
        "home",
        "/",
        (
            "/v1/sources?limit=100&sort=title",
            "/v1/claims?contested=true&sort=-stance_count&limit=20",
        ),
    ),
    Case(
        "reader",
        "/sources/{source}",
        ("/v1/sources/{source}", "/v1/sources/{source}/annotations?limit=500"),
    ),
    Case("claim", "/claims/{claim}", ("/v1/claims/{claim}/contestation",)),
    Case(
        "actor",
        "/actors/{holder}",
        (
            "/v1/actors/{holder}",
            *(f"/v1/claims?holder_id={{holder}}&label={label}&limit=20" for label in LABELS),
            "/v1/claims?actor_id={holder}&limit=20",
        ),
    ),
    Case("search", "/search?q={word}", ("/v1/search?q={word}",)),
    Case(
        "review",
        "/review/{source}",
        (
            "/v1/sources/{source}",
            "/v1/stances?source_id={source}&review_status=candidate&sort=position&limit=100",
            "/v1/claims?source_id={source}&limit=500",
        ),
    ),
]


def values(db_file: Path, count: int, seed: int = 5) -> list[dict[str, str]]:
    rng = random.Random(seed)
    with contextlib.closing(sqlite3.connect(f"file:{db_file}?mode=ro", uri=True)) as db:

        def column(sql: str) -> list[str]:
            return [row[0] for row in db.execute(sql)]

        pools = {
            "claim": column("select id from claim where status = 'active' limit 100000"),
            "source": column("select id from source"),
            "holder": column(
                "select distinct holder_id from stance where holder_id is not null limit 10000"
            ),
            "word": TOPICAL_WORDS,
        }
    return [{key: rng.choice(pool) for key, pool in pools.items()} for _ in range(count)]


@dataclass
class Timing:
    page_p50: float
    page_max: float
    json_p50: float
    json_max: float
    statuses: set[int]


def clock(client: object, url: str, statuses: set[int]) -> float:
    began = time.perf_counter()
    response = client.get(url)  # type: ignore[attr-defined]
    statuses.add(response.status_code)
    return (time.perf_counter() - began) * 1000


def measure(base: str, case: Case, drawn: list[dict[str, str]]) -> Timing:
    import httpx

    def filled(path: str, chosen: dict[str, str]) -> str:
        return path.format(**{key: quote(value) for key, value in chosen.items()})

    pages, jsons, statuses = [], [], set()
    with httpx.Client(base_url=base, timeout=60) as client:
        for counted in (False, True):  # a pass to warm, then the counted one
            for chosen in drawn:
                page = clock(client, filled(case.page, chosen), statuses)
                json = sum(clock(client, filled(path, chosen), statuses) for path in case.json)
                if counted:
                    pages.append(page)
                    jsons.append(json)
    return Timing(
        statistics.median(pages), max(pages), statistics.median(jsons), max(jsons), statuses
    )


def seeded_copy() -> Path:
    """The seed data in a fresh SQLite file of its own, made as `make serve` makes it."""
    db_file = Path(tempfile.mkdtemp(prefix="claimsdb-web-")) / "seeds.db"
    environment = {**os.environ, "DATABASE_URL": f"sqlite:///{db_file}"}
    claimsdb = str(Path(sys.executable).parent / "claimsdb")
    for command in ("migrate", "seed"):
        subprocess.run([claimsdb, command], env=environment, check=True, capture_output=True)
    return db_file


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db_file", type=Path, nargs="?", help="a SQLite file; the seeds if none")
    parser.add_argument("--requests", type=int, default=REQUESTS, help="per page")
    parser.add_argument("--report", type=Path, default=REPORT)
    args = parser.parse_args()

    db_file = (args.db_file or seeded_copy()).resolve()
    drawn = values(db_file, args.requests)
    if args.db_file is None:  # the seeds: the reader of the longest article, as the issue asks
        drawn = [{**chosen, "source": LONGEST_SEED} for chosen in drawn]
    (server,) = [s for s in servers(db_file, None, [1]) if s.name == "claimsdb-1w"]
    log = Path(tempfile.mkdtemp(prefix="claimsdb-web-")) / "server.log"
    began, load = dt.datetime.now(dt.UTC), os.getloadavg()[0]
    results: dict[Case, Timing] = {}
    with running([server], log):
        for case in CASES:
            results[case] = timing = measure(server.base, case, drawn)
            print(
                f"{case.name}: page p50 {timing.page_p50:.1f} ms, its JSON p50 "
                f"{timing.json_p50:.1f} ms, {sorted(timing.statuses)}",
                file=sys.stderr,
            )
    claims = corpus_size(db_file)
    corpus = (
        f"the seed data ({claims} claims), every source page the longest article `{LONGEST_SEED}`"
        if args.db_file is None
        else f"{claims:,} claims, `{args.db_file}`"
    )
    lines = [
        f"### Web pages against their JSON: {corpus}",
        "",
        f"- date: {began.strftime('%Y-%m-%d %H:%M UTC')}",
        f"- machine: {machine()}; load average {load:.1f} at the start (2 CPUs shared)",
        f"- versions: {versions()}",
        f"- load: one request at a time, {args.requests} per page after one uncounted pass, "
        "each page followed by the /v1 requests it reads; `claimsdb serve`, 1 worker",
        f"- rerun: `python bench/web.py{' ' + str(args.db_file) if args.db_file else ''}`",
        "",
        "| page | path | page p50 ms | page max ms | its JSON p50 ms | its JSON max ms "
        "| page / JSON | statuses |",
        "|---|---|--:|--:|--:|--:|--:|---|",
    ]
    for case, t in results.items():
        lines.append(
            f"| {case.name} | `{case.page}` | {t.page_p50:.1f} | {t.page_max:.1f} "
            f"| {t.json_p50:.1f} | {t.json_max:.1f} | {t.page_p50 / t.json_p50:.2f} "
            f"| {', '.join(map(str, sorted(t.statuses)))} |"
        )
    if args.db_file is None:
        reader = results[CASES[1]].page_p50
        verdict = "met" if reader < READER_TARGET_MS else "**missed**"
        lines += [
            "",
            f"Reader of `{LONGEST_SEED}`: p50 {reader:.1f} ms, target "
            f"< {READER_TARGET_MS:.0f} ms: {verdict}.",
        ]
    text = "\n".join(lines) + "\n"
    write_report(f"web-{claims}", text, args.report)
    print(text)


if __name__ == "__main__":
    main()
