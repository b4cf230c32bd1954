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
import contextlib
import datetime as dt
import json
import os
import platform
import random
import re
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from urllib.parse import quote, urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.generate import TOPICAL_WORDS  # noqa: E402

BIN = Path(sys.executable).parent
REPORT = ROOT / "docs" / "benchmarks.md"
SAMPLE_SIZE = 1000
PYTHON_CLIENT_MAX_REQUESTS = 200_000
WARM_SECONDS = 15  # Datasette's searches at 200,000 claims: 119 words in about 12 s

# Datasette gets the SQL that returns what claimsdb returns, as near as one statement can.
TOPICS_SQL = (
    "(select json_group_array(topic) from (select topic from claim_topic "
    "where claim_id = c.id order by topic)) as topics"
)
ACTORS_SQL = (
    "(select json_group_array(json_object('id', a.id, 'name', a.name, 'role', ca.role)) "
    "from claim_actor ca join actor a on a.id = ca.actor_id where ca.claim_id = c.id) as actors"
)
CLAIM_COLUMNS = "c.id, c.text, c.claim_type, c.status, c.version, c.review_status"
ANNOTATION_LIMIT = 50
# bench/floor.py's constant endpoints, (path, title): the targets' floor, the cheapest route
FLOORS = {"floor": ("/", "constant JSON, sync def"), "floor-async": ("/async", "async def")}


@dataclass(frozen=True)
class Query:
    key: str
    title: str
    claimsdb: Callable[[str], str]  # sampled value -> path
    sql: str  # with :v for the sampled value
    sample: str  # which list of values: claim, source, word, holder


QUERIES = [
    Query(
        "a",
        "one claim by id, with its stances and provenance",
        lambda v: f"/v1/claims/{v}",
        f"select {CLAIM_COLUMNS}, {TOPICS_SQL}, {ACTORS_SQL}, s.id as stance_id, s.source_id, "
        "s.holder_id, h.name as holder_name, h.kind as holder_kind, s.label, s.attribution, "
        's.certainty, s.start, s."end", s.quote, s.prefix, s.suffix from claim c '
        "left join stance s on s.claim_id = c.id and s.status = 'active' "
        "left join actor h on h.id = s.holder_id where c.id = :v order by s.source_id, s.start",
        "claim",
    ),
    Query(
        "b",
        "claims of one source, page of 50",
        lambda v: f"/v1/claims?source_id={v}&limit=50",
        f"select {CLAIM_COLUMNS}, (select count(*) from stance where claim_id = c.id) "
        f"as stance_count, {TOPICS_SQL}, {ACTORS_SQL} from claim c where c.status = 'active' "
        "and c.id in (select s.claim_id from stance s where s.source_id = :v "
        "and s.status = 'active') order by c.id limit 50",
        "source",
    ),
    Query(
        "c",
        "full-text search for a word, top 50 claims",
        lambda v: f"/v1/search?q={v}&kind=claim&limit=50",
        "select f.id, highlight(fts_claim, 1, '<mark>', '</mark>') as text, "
        "-bm25(fts_claim) as score from fts_claim f where fts_claim match :v "
        "and f.id in (select id from claim where status = 'active') "
        "order by bm25(fts_claim), f.id limit 50",
        "word",
    ),
    Query(
        "d",
        "stance counts by label for one actor",
        # the stance list's label facet counts stances, as the SQL does; limit=1 keeps the
        # page itself small. /v1/actors/{id}/positions also lists every stance and claim.
        lambda v: f"/v1/stances?holder_id={v}&facets=label&limit=1",
        "select label, count(*) as n from stance where holder_id = :v and status = 'active' "
        "group by label order by label",
        "holder",
    ),
    Query(
        "e",
        "a source's annotations for highlighting, first 50",
        lambda v: f"/v1/sources/{v}/annotations?limit={ANNOTATION_LIMIT}",
        "select * from (select s.start, s.\"end\", 'stance' as kind, s.id, s.quote, s.prefix, "
        "s.suffix, s.label, s.attribution, s.certainty, s.claim_id, c.text as claim_text, "
        "s.holder_id as actor_id, a.name as actor_name, a.kind as actor_kind from stance s "
        "join claim c on c.id = s.claim_id left join actor a on a.id = s.holder_id "
        "where s.source_id = :v and s.status = 'active' union all "
        "select m.start, m.\"end\", 'mention', m.id, m.quote, m.prefix, m.suffix, null, null, "
        "null, null, null, m.actor_id, a.name, a.kind from mention m "
        "join actor a on a.id = m.actor_id where m.source_id = :v and m.status = 'active') "
        f'order by start, "end", kind, id limit {ANNOTATION_LIMIT}',
        "source",
    ),
]


def datasette_path(database: str, query: Query, value: str) -> str:
    return f"/{quote(database)}.json?" + urlencode(
        {"sql": query.sql, "_shape": "array", "v": value}
    )


def sample(db_file: Path, *, size: int = SAMPLE_SIZE, seed: int = 1) -> dict[str, list[str]]:
    """Values to request, drawn once from the file: the same for every server."""
    rng = random.Random(seed)
    with contextlib.closing(sqlite3.connect(f"file:{db_file}?mode=ro", uri=True)) as db:

        def ids(sql: str) -> list[str]:
            found = [row[0] for row in db.execute(sql)]
            return [rng.choice(found) for _ in range(size)] if found else []

        present = [
            word
            for word in TOPICAL_WORDS
            if db.execute("select 1 from fts_claim where fts_claim match ?", (word,)).fetchone()
        ]
        return {
            "claim": ids("select id from claim where status = 'active'"),
            "source": ids("select id from source where status = 'active'"),
            "holder": ids("select distinct holder_id from stance where holder_id is not null"),
            "word": [rng.choice(present) for _ in range(size)] if present else [],
        }


def paths(values: dict[str, list[str]], database: str) -> dict[str, dict[str, list[str]]]:
    """query key -> {"claimsdb": [...], "datasette": [...]}, in the same order."""
    return {
        q.key: {
            "claimsdb": [q.claimsdb(quote(v)) for v in values[q.sample]],
            "datasette": [datasette_path(database, q, v) for v in values[q.sample]],
        }
        for q in QUERIES
    }


# ---------------------------------------------------------------- servers


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    name: str
    command: list[str]
    ready_path: str
    env: dict[str, str] = field(default_factory=dict)
    port: int = 0
    process: subprocess.Popen | None = None
    peak_rss: int = 0
    tree: list = field(default_factory=list)  # psutil.Process of the server and its workers
    tree_at: float = -1e9  # time.monotonic() of the last lookup of the tree

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, log: Path) -> None:
        self.port = free_port()
        command = [part.replace("{port}", str(self.port)) for part in self.command]
        with log.open("ab") as out:
            self.process = subprocess.Popen(
                command,
                cwd=ROOT,
                env={**os.environ, **self.env},
                stdout=out,
                stderr=subprocess.STDOUT,
            )

    # Datasette counts every table of an immutable file before it answers: over a minute
    # for a million claims when the file has left the OS cache
    def wait_ready(self, timeout: float = 600) -> None:
        import httpx

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process is not None
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.process.returncode}")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(self.base + self.ready_path, timeout=2).status_code == 200:
                    return
            time.sleep(0.2)
        raise RuntimeError(f"{self.name} not ready after {timeout}s")

    def rss(self, tree_every: float = 1.0) -> int:
        import psutil

        try:
            if not self.tree or time.monotonic() - self.tree_at >= tree_every:
                # finding the children reads every process in /proc: 6 ms of CPU for the
                # five servers, which every 50 ms took an eighth of a core from the servers
                root = psutil.Process(self.process.pid)  # type: ignore[union-attr]
                self.tree = [root, *root.children(recursive=True)]
                self.tree_at = time.monotonic()
            return sum(p.memory_info().rss for p in self.tree)
        except psutil.Error:
            self.tree = []
            return 0

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()


def servers(db_file: Path, database_url: str | None, workers: list[int]) -> list[Server]:
    uvicorn = [str(BIN / "uvicorn"), "--host", "127.0.0.1", "--port", "{port}"]
    quiet = ["--no-access-log", "--log-level", "warning"]
    url = database_url or f"sqlite:///{db_file.resolve()}"
    address = ["--host", "127.0.0.1", "--port", "{port}"]
    # claimsdb as its users start it: `claimsdb serve`, which runs its own workers
    found = [
        Server(
            f"claimsdb-{n}w",
            [str(BIN / "claimsdb"), "serve", *address, "--workers", str(n)],
            "/readyz",
            {"DATABASE_URL": url, "CLAIMSDB_LOG_LEVEL": "warning"},
        )
        for n in workers
    ]
    found.append(
        Server(
            "datasette",
            [
                str(BIN / "datasette"),
                "serve",
                "-i",
                str(db_file),
                "--host",
                "127.0.0.1",
                "--port",
                "{port}",
                "--setting",
                "default_page_size",
                "50",
            ],
            "/-/versions.json",
        )
    )
    found.append(
        Server(
            "floor", [*uvicorn, "floor:app", "--app-dir", "bench", "--workers", "1", *quiet], "/"
        )
    )
    return found


@contextlib.contextmanager
def running(found: list[Server], log: Path) -> Iterator[None]:
    try:
        for server in found:
            server.start(log)
        for server in found:
            server.wait_ready()
        yield
    finally:
        for server in found:
            server.stop()


@contextlib.contextmanager
def sampling_rss(found: list[Server], every: float = 0.05) -> Iterator[None]:
    stop = threading.Event()

    def sample_forever() -> None:
        while not stop.is_set():
            for server in found:
                server.peak_rss = max(server.peak_rss, server.rss())
            stop.wait(every)

    thread = threading.Thread(target=sample_forever, daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


# ---------------------------------------------------------------- load


@dataclass
class Result:
    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    errors: int

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


WRK_SCRIPT = """
-- each request is formatted once, in init, so the load generator's own CPU per
-- request (taken from the same two cores as the servers) is a table lookup
local requests = {}
local counter = 0
init = function(args)
  for line in io.lines(args[1]) do requests[#requests + 1] = wrk.format("GET", line) end
end
request = function()
  counter = counter + 1
  return requests[(counter % #requests) + 1]
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRKJSON {"requests": %d, "duration_us": %d, "p50_us": %d, "p99_us": %d, "errors": %d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.status + e.timeout))
end
"""


def run_wrk(base: str, urls: list[str], seconds: float, concurrency: int, work: Path) -> Result:
    script = work / "paths.lua"
    script.write_text(WRK_SCRIPT)
    listing = work / "paths.txt"
    listing.write_text("\n".join(urls) + "\n")
    command = [
        "wrk",
        "-t",
        "1",
        "-c",
        str(concurrency),
        "-d",
        f"{max(1, round(seconds))}s",
        "--latency",
    ]
    command += ["--timeout", "10s", "-s", str(script), base, "--", str(listing)]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    found = re.search(r"WRKJSON (\{.*\})", output)
    if not found:
        raise RuntimeError(f"wrk said:\n{output}")
    data = json.loads(found.group(1))
    return Result(
        data["requests"],
        data["duration_us"] / 1e6,
        data["p50_us"] / 1000,
        data["p99_us"] / 1000,
        data["errors"],
    )


def run_python(
    base: str,
    urls: list[str],
    seconds: float,
    concurrency: int,
    max_requests: int = PYTHON_CLIENT_MAX_REQUESTS,
) -> Result:
    """A bounded closed-loop client: ``concurrency`` threads, until time or count runs out."""
    import httpx

    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    counter = iter(range(max_requests))
    began = time.perf_counter()
    deadline = began + seconds

    def worker() -> None:
        nonlocal errors
        with httpx.Client(base_url=base, timeout=10) as client:
            while time.perf_counter() < deadline:
                with lock:
                    number = next(counter, None)
                if number is None:
                    return
                sent = time.perf_counter()
                try:
                    ok = client.get(urls[number % len(urls)]).status_code < 400
                except httpx.HTTPError:
                    ok = False
                elapsed = time.perf_counter() - sent
                with lock:
                    latencies.append(elapsed)
                    errors += not ok

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    took = time.perf_counter() - began
    if not latencies:
        return Result(0, took, 0.0, 0.0, errors)
    if len(latencies) == 1:  # a slow server on a busy machine: no quantiles to cut
        return Result(1, took, latencies[0] * 1000, latencies[0] * 1000, errors)
    cuts = statistics.quantiles(latencies, n=100, method="inclusive")
    return Result(len(latencies), took, cuts[49] * 1000, cuts[98] * 1000, errors)


def check(base: str, urls: list[str]) -> None:
    """Fail before measuring when a server does not answer a query with 200 and JSON."""
    import httpx

    for url in urls[:3]:
        response = httpx.get(base + url, timeout=30)
        if response.status_code == 400 and "took too long" in response.text:
            # Datasette's own time limit (1 s): the SQL is right, and the run counts these
            print(f"{base}{url[:80]}...: over Datasette's time limit", file=sys.stderr)
            continue
        if response.status_code != 200:
            raise RuntimeError(
                f"{base}{url[:120]} -> {response.status_code}: {response.text[:300]}"
            )
        response.json()


def warm(base: str, urls: list[str], concurrency: int, limit: float = WARM_SECONDS) -> None:
    """Ask once for every distinct request the measurement will make (up to ``limit``
    seconds), so that it starts with their pages in the OS cache: this machine's kernel
    (DAMON, proactive reclaim) pages out file pages left unread for a minute, and a round
    leaves each query's pages unread for longer than that."""
    distinct = list(dict.fromkeys(urls))
    run_python(base, distinct, limit, concurrency, max_requests=len(distinct))


def drain(base: str, url: str) -> None:
    """Wait (up to a minute) until the server answers one request: whatever it still had
    queued from the last measurement is done."""
    import httpx

    with contextlib.suppress(httpx.HTTPError):
        httpx.get(base + url, timeout=60)


# ---------------------------------------------------------------- report


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
returning the same fields; see `QUERIES` in `bench/run.py`):

- **a**: `GET /v1/claims/{id}`: one claim with its topics, actors and stances with provenance.
- **b**: `GET /v1/claims?source_id=...&limit=50`: the claims of one source, first page.
- **c**: `GET /v1/search?q=word&kind=claim&limit=50`: ranked (bm25), highlighted claims,
  as Datasette's `fts_claim MATCH` with `highlight()` and `bm25()`.
- **d**: `GET /v1/stances?holder_id=...&facets=label&limit=1`: stance counts by label for
  one actor (the label facet counts stances, like `GROUP BY label`;
  `/v1/actors/{id}/positions` also returns every stance, which is a different question).
- **e**: `GET /v1/sources/{id}/annotations?limit=50`: stance and mention spans in text order.

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
    parser.add_argument("--queries", default="abcde")
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
    found = servers(db_file, args.database_url, workers)
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
