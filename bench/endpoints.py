"""Every read endpoint, one request at a time: the latency a user waits for each.

    python bench/endpoints.py bench/data/bench-200000.db
    python bench/endpoints.py bench/data/bench-200000.db --only agreement

Starts `claimsdb serve` (1 worker, default settings) on the file and asks each case in
``CASES`` (every GET under /v1, with its heavy parameter combinations) ``--requests``
times, with ids drawn from the corpus, after one uncounted pass over the same requests,
never two at once. Reports p50, p99 and the slowest per case, against the targets of
issue 20 (p50 under 100 ms and none over 1 s at 200,000 claims, within 3 times that at a
million), into docs/benchmarks.md.
"""

import argparse
import contextlib
import datetime as dt
import random
import sqlite3
import statistics
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
TARGET_P50_MS, TARGET_MAX_MS = 100.0, 1000.0
# a million claims may take this many times the targets at 200,000
LARGE, LARGE_FACTOR = 1_000_000, 3
ALL_CLAIM_FACETS = "claim_type,topic,source_id,label,holder_id"


@dataclass(frozen=True)
class Case:
    name: str
    path: str  # with {claim}, {source}, ... for values drawn from the corpus


CASES = [
    # claims
    Case("claims", "/v1/claims"),
    Case("claims, 500", "/v1/claims?limit=500"),
    Case("claims, every facet", f"/v1/claims?facets={ALL_CLAIM_FACETS}"),
    Case("claims, facets type/topic/label", "/v1/claims?facets=claim_type,topic,label"),
    Case("claims contested, by stance count", "/v1/claims?contested=true&sort=-stance_count"),
    Case("claims by stance count", "/v1/claims?sort=-stance_count"),
    Case("claims not contested", "/v1/claims?contested=false"),
    Case("claims by text", "/v1/claims?sort=text"),
    Case("claims q", "/v1/claims?q={word}"),
    Case("claims source_id", "/v1/claims?source_id={source}"),
    Case("claims actor_id", "/v1/claims?actor_id={actor}&limit=50"),
    Case("claims holder_id", "/v1/claims?holder_id={holder}"),
    Case("claims label", "/v1/claims?label=opposes"),
    Case("claims claim_type", "/v1/claims?claim_type={claim_type}"),
    Case("claims topic", "/v1/claims?topic={topic}"),
    # a topic no claim has (a typo; real topics are mostly rare), and filters each common
    # whose conjunction is rare: their few matches are found at the end of a long walk
    Case("claims topic none has, by text", "/v1/claims?topic=no-such-topic&sort=-text"),
    Case(
        "walk: claims type + label + contested, by text",
        "/v1/claims?claim_type=recommendation&label=questions&contested=true&sort=-text",
    ),
    Case("claims holder_id + label", "/v1/claims?holder_id={holder}&label=supports"),
    Case("claims source_id + facets", f"/v1/claims?source_id={{source}}&facets={ALL_CLAIM_FACETS}"),
    Case("claims actor_id + contested", "/v1/claims?actor_id={actor}&contested=true"),
    # facets over a broad filter: counted per request, over a sixth to a half of the claims
    Case(
        "broad: claims contested + every facet",
        f"/v1/claims?contested=true&facets={ALL_CLAIM_FACETS}",
    ),
    Case(
        "broad: claims of a type + every facet",
        f"/v1/claims?claim_type={{claim_type}}&facets={ALL_CLAIM_FACETS}",
    ),
    Case(
        "broad: claims retracted too + every facet",
        f"/v1/claims?include_retracted=true&facets={ALL_CLAIM_FACETS}",
    ),
    Case(
        "broad: stances of a label + holder, source facets",
        "/v1/stances?label=supports&facets=holder_id,source_id",
    ),
    Case("claim", "/v1/claims/{claim}"),
    Case("claim contestation", "/v1/claims/{claim}/contestation"),
    Case("claim provenance", "/v1/claims/{claim}/provenance"),
    Case("claim history", "/v1/claims/{claim}/history"),
    # stances
    Case("stances", "/v1/stances"),
    Case(
        "stances, facets label/attribution/holder", "/v1/stances?facets=label,attribution,holder_id"
    ),
    Case(
        "stances, facets claim/source/certainty", "/v1/stances?facets=claim_id,source_id,certainty"
    ),
    Case("stances claim_id", "/v1/stances?claim_id={claim}"),
    Case("stances source_id", "/v1/stances?source_id={source}"),
    Case("stances holder_id", "/v1/stances?holder_id={holder}"),
    Case("stances label", "/v1/stances?label=questions"),
    Case("stances holder_id, label facet", "/v1/stances?holder_id={holder}&facets=label&limit=1"),
    Case("stances by position", "/v1/stances?sort=position"),
    Case("stance", "/v1/stances/{stance}"),
    # sources
    Case("sources", "/v1/sources"),
    Case("sources publisher", "/v1/sources?publisher={publisher}"),
    Case("sources genre", "/v1/sources?genre={genre}"),
    Case("sources q", "/v1/sources?q={word}"),
    Case("source", "/v1/sources/{source}"),
    Case("source annotations", "/v1/sources/{source}/annotations?limit=50"),
    Case("source annotations, 500", "/v1/sources/{source}/annotations"),
    Case("source claims", "/v1/sources/{source}/claims"),
    # actors
    Case("actors", "/v1/actors"),
    Case("actors q", "/v1/actors?q={actor_word}"),
    Case("actors kind", "/v1/actors?kind=person"),
    Case("actor", "/v1/actors/{actor}"),
    Case("actor positions", "/v1/actors/{holder}/positions"),
    # mentions, search, changes
    Case("mentions", "/v1/mentions"),
    Case("mentions source_id", "/v1/mentions?source_id={source}"),
    Case("mentions actor_id", "/v1/mentions?actor_id={actor}"),
    Case("search", "/v1/search?q={word}"),
    Case("search claims", "/v1/search?q={word}&kind=claim&limit=50"),
    Case("changes", "/v1/changes"),
    # analytics
    Case("agreement by source", "/v1/analytics/agreement?by=source"),
    Case("agreement by holder", "/v1/analytics/agreement?by=holder"),
    Case("agreement by holder, min_shared 5", "/v1/analytics/agreement?by=holder&min_shared=5"),
    Case("agreement of one source", "/v1/analytics/agreement?by=source&party={source}"),
    Case("agreement of one holder", "/v1/analytics/agreement?by=holder&party={holder}"),
    Case("agreement, 500 pairs", "/v1/analytics/agreement?by=holder&limit=500&claims=0"),
    # no pair shares this many: the whole range of pairs read to find none
    Case("agreement, min_shared none reach", "/v1/analytics/agreement?by=holder&min_shared=10000"),
]


def values(db_file: Path, count: int, seed: int = 3) -> list[dict[str, str]]:
    """``count`` sets of values, one per request, drawn from the corpus."""
    rng = random.Random(seed)
    with contextlib.closing(sqlite3.connect(f"file:{db_file}?mode=ro", uri=True)) as db:

        def column(sql: str) -> list[str]:
            return [row[0] for row in db.execute(sql)]

        pools = {
            "claim": column("select id from claim where status = 'active' limit 100000"),
            "stance": column("select id from stance limit 100000"),
            "source": column("select id from source"),
            "actor": column("select id from actor"),
            "holder": column("select distinct holder_id from stance where holder_id is not null"),
            "publisher": column(
                "select distinct publisher from source where publisher is not null"
            ),
            "genre": column("select distinct genre from source"),
            "topic": column("select distinct topic from claim_topic"),
            "claim_type": column("select distinct claim_type from claim"),
            "word": TOPICAL_WORDS,
            "actor_word": [name.split()[0].lower() for name in column("select name from actor")],
        }
    return [{key: rng.choice(pool) for key, pool in pools.items() if pool} for _ in range(count)]


@dataclass
class Timing:
    p50_ms: float
    p99_ms: float
    max_ms: float
    statuses: dict[int, int]


def measure(base: str, urls: list[str]) -> Timing:
    import httpx

    with httpx.Client(base_url=base, timeout=60) as client:
        for url in urls:  # warm: every request once, not counted
            client.get(url)
        took, statuses = [], {}
        for url in urls:
            began = time.perf_counter()
            status = client.get(url).status_code
            took.append((time.perf_counter() - began) * 1000)
            statuses[status] = statuses.get(status, 0) + 1
    cuts = statistics.quantiles(took, n=100, method="inclusive")
    return Timing(statistics.median(took), cuts[98], max(took), statuses)


def verdict(timing: Timing, factor: int) -> str:
    ok = timing.p50_ms < TARGET_P50_MS * factor and timing.max_ms < TARGET_MAX_MS * factor
    return "met" if ok and set(timing.statuses) == {200} else "**missed**"


def table(results: dict[Case, Timing], factor: int) -> str:
    lines = [
        "| endpoint | path | p50 ms | p99 ms | max ms | statuses | target |",
        "|---|---|--:|--:|--:|---|---|",
    ]
    for case, timing in results.items():
        statuses = ", ".join(f"{n} x {code}" for code, n in sorted(timing.statuses.items()))
        lines.append(
            f"| {case.name} | `{case.path}` | {timing.p50_ms:.1f} | {timing.p99_ms:.1f} "
            f"| {timing.max_ms:.1f} | {statuses} | {verdict(timing, factor)} |"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db_file", type=Path, help="a SQLite file from bench/generate.py")
    parser.add_argument("--requests", type=int, default=REQUESTS, help="per endpoint")
    parser.add_argument("--only", default="", help="only the cases whose name contains this")
    parser.add_argument("--report", type=Path, default=REPORT)
    args = parser.parse_args()

    db_file = args.db_file.resolve()
    cases = [case for case in CASES if args.only in case.name]
    drawn = values(db_file, args.requests)
    (server,) = [s for s in servers(db_file, None, [1]) if s.name == "claimsdb-1w"]
    log = Path(tempfile.mkdtemp(prefix="claimsdb-endpoints-")) / "server.log"
    began = dt.datetime.now(dt.UTC)
    results: dict[Case, Timing] = {}
    with running([server], log):
        for case in cases:
            urls = [case.path.format(**{k: quote(v) for k, v in d.items()}) for d in drawn]
            results[case] = timing = measure(server.base, urls)
            print(
                f"{case.name}: p50 {timing.p50_ms:.1f} ms, max {timing.max_ms:.1f} ms, "
                f"{timing.statuses}",
                file=sys.stderr,
            )
    claims = corpus_size(db_file)
    factor = LARGE_FACTOR if claims >= LARGE else 1
    command = " ".join(["python", "bench/endpoints.py", *sys.argv[1:]])
    meta = {
        "corpus": f"{claims:,} claims, `{args.db_file}` ({db_file.stat().st_size / 2**20:,.0f} MB)",
        "date": began.strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(),
        "versions": versions(),
        "load": f"one request at a time, {args.requests} per endpoint after one uncounted pass, "
        "`claimsdb serve` with 1 worker and default settings",
        "target": f"p50 < {TARGET_P50_MS * factor:.0f} ms, max < {TARGET_MAX_MS * factor:.0f} ms",
        "rerun": f"`python bench/generate.py --claims {claims}` then `{command}`",
    }
    text = "\n".join(
        [
            f"### Every read endpoint, one request at a time: {claims:,} claims",
            "",
            *(f"- {name}: {value}" for name, value in meta.items()),
            "",
            table(results, factor),
        ]
    )
    write_report(f"endpoints-{claims}", text, args.report)
    print(text)


if __name__ == "__main__":
    main()
