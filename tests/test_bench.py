"""The benchmark keeps working: a tiny corpus has the promised shapes, and every benchmark
query answers on claimsdb and on Datasette. Not a timed test (docs/benchmarks.md is)."""

import asyncio
import contextlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app import read_model
from app.config import Settings
from app.core.db import make_engine
from app.main import create_app
from app.models import ActorCreate, ClaimCreate, MentionCreate, SourceCreate, StanceCreate
from app.search.passages import passage_rows
from bench.generate import CLAIMS_PER_SOURCE, MENTIONS_PER_SOURCE, generate
from bench.queries import FILTER_QUERIES
from bench.run import QUERIES, Result, Server, paths, sample, section

CLAIMS = 400
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bench") / "bench.db"
    generate(database_url=f"sqlite:///{path}", claims=CLAIMS, seed=7, quiet=True)
    return path


@pytest.fixture
def db(corpus: Path):
    with contextlib.closing(sqlite3.connect(corpus)) as connection:
        yield connection


def count(db: sqlite3.Connection, sql: str) -> int:
    return db.execute(sql).fetchone()[0]


def test_row_counts_keep_their_ratios(db: sqlite3.Connection) -> None:
    sources = CLAIMS // CLAIMS_PER_SOURCE
    assert count(db, "select count(*) from claim") == CLAIMS
    assert count(db, "select count(*) from source") == sources
    assert count(db, "select count(*) from actor") == CLAIMS // 100
    assert count(db, "select count(*) from stance") == 2 * CLAIMS
    aliases = count(db, "select count(*) from actor_alias")
    assert CLAIMS // 100 <= aliases <= 2 * CLAIMS // 100
    assert CLAIMS <= count(db, "select count(*) from claim_topic") <= 3 * CLAIMS
    assert CLAIMS <= count(db, "select count(*) from claim_actor") <= 2 * CLAIMS
    assert 0 < count(db, "select count(*) from mention") <= MENTIONS_PER_SOURCE * sources
    for source_id, text in db.execute("select id, text from source"):
        assert 15_000 <= len(text) <= 26_000
        expected = len(passage_rows(source_id=source_id, text=text))
        stored = count(db, f"select count(*) from passage where source_id = '{source_id}'")
        assert stored == expected
    assert db.execute("pragma foreign_key_check").fetchall() == []


def test_every_span_is_real_provenance(db: sqlite3.Connection) -> None:
    texts = dict(db.execute("select id, text from source"))
    for table in ("stance", "mention"):
        rows = db.execute(f'select source_id, start, "end", quote, prefix, suffix from {table}')
        for source_id, start, end, quote, prefix, suffix in rows:
            text = texts[source_id]
            assert text[start:end] == quote
            assert text[max(0, start - 32) : start] == prefix
            assert text[end : end + 32] == suffix


def test_full_text_indexes_and_triggers_are_as_the_migration_makes_them(
    db: sqlite3.Connection, tmp_path: Path
) -> None:
    for table, base in (("fts_claim", "claim"), ("fts_passage", "passage")):
        assert count(db, f"select count(*) from {table}") == count(
            db, f"select count(*) from {base}"
        )
    assert count(db, "select count(*) from fts_claim where fts_claim match 'alliance'") > 0
    assert count(db, "select count(*) from fts_passage where fts_passage match 'alliance'") > 0

    fresh = tmp_path / "fresh.db"
    read_model.migrate(make_engine(f"sqlite:///{fresh}"))
    triggers = "select name, sql from sqlite_master where type = 'trigger' order by name"
    with contextlib.closing(sqlite3.connect(fresh)) as migrated:
        assert db.execute(triggers).fetchall() == migrated.execute(triggers).fetchall()


def test_every_query_answers_on_claimsdb(corpus: Path) -> None:
    urls = paths(sample(corpus, size=3), corpus.stem)
    app = create_app(Settings(database_url=f"sqlite:///{corpus}"))
    with TestClient(app) as client:
        for query in QUERIES:
            for url in urls[query.key]["claimsdb"]:
                response = client.get(url)
                assert response.status_code == 200, (url, response.text)


def test_every_query_answers_on_datasette(corpus: Path) -> None:
    datasette = pytest.importorskip("datasette.app", reason="the bench extra is not installed")
    instance = datasette.Datasette(immutables=[str(corpus)])
    urls = paths(sample(corpus, size=3), corpus.stem)

    async def fetch_all() -> None:
        for query in QUERIES:
            for url in urls[query.key]["datasette"]:
                response = await instance.client.get(url)
                assert response.status_code == 200, (url, response.text)
                assert isinstance(response.json(), list)

    asyncio.run(fetch_all())


def test_a_tiny_run_measures_every_server_and_writes_the_report(
    corpus: Path, tmp_path: Path
) -> None:
    """bench/run.py end to end, for a few seconds: servers up, load, medians, report."""
    pytest.importorskip("datasette", reason="the bench extra is not installed")
    report = tmp_path / "benchmarks.md"
    command = [sys.executable, "bench/run.py", str(corpus), "--rounds", "1", "--seconds", "1"]
    command += ["--workers", "1", "--queries", "ae", "--client", "python", "--report", str(report)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-2000:]
    text = report.read_text()
    assert f"<!-- bench:{CLAIMS}-sqlite -->" in text
    for server in ("claimsdb-1w", "datasette", "floor", "floor-async"):
        assert f"| {server} |" in text
    assert "| e: a source's annotations" in text


def test_a_server_that_answered_nothing_keeps_the_table_whole() -> None:
    """Datasette answers no search within its 1 s limit at a million claims: its row still
    has every column, and claimsdb's ratio to it says why it is missing."""
    found = [Server(name, [], "/") for name in ("claimsdb-1w", "datasette", "floor")]

    def rounds(rps: int, errors: int = 0) -> list[Result]:
        return [Result(rps * 5, 5.0, 1.5, 4.0, errors)] * 3

    results = {("floor", "floor"): rounds(2000), ("floor", "floor-async"): rounds(6000)}
    for query in QUERIES:
        results[("claimsdb-1w", query.key)] = rounds(1000)
        results[("datasette", query.key)] = rounds(0, 40) if query.key == "c" else rounds(250)
    table = [line for line in section("t", results, found, {}).splitlines() if "|" in line]
    assert {line.count("|") for line in table} == {12}
    (nothing,) = [line for line in table if "| datasette | 0 |" in line]
    assert "| 120 |" in nothing
    assert nothing.endswith("| none answered | |")
    assert "n/a (Datasette answered none)" in next(line for line in table if "| c: " in line)


def test_datasette_is_asked_the_same_question_as_claimsdb(corpus: Path) -> None:
    """Each list filter's SQL returns the rows claimsdb's first page returns, in order."""
    datasette = pytest.importorskip("datasette.app", reason="the bench extra is not installed")
    instance = datasette.Datasette(immutables=[str(corpus)])
    urls = paths(sample(corpus, size=3), corpus.stem)
    app = create_app(Settings(database_url=f"sqlite:///{corpus}"))
    answers: dict[str, list[list[str]]] = {}

    async def fetch_all() -> None:
        for query in FILTER_QUERIES:
            for url in urls[query.key]["datasette"]:
                rows = (await instance.client.get(url)).json()
                answers.setdefault(query.key, []).append([row["id"] for row in rows])

    asyncio.run(fetch_all())
    with TestClient(app) as client:
        for query in FILTER_QUERIES:
            mine = [
                [item["id"] for item in client.get(url).json()["items"]]
                for url in urls[query.key]["claimsdb"]
            ]
            assert mine == answers[query.key], query.title
            assert any(mine), query.title  # a question with answers


def test_a_sample_of_generated_rows_passes_the_apis_validation(db: sqlite3.Connection) -> None:
    """bench/generate.py bulk-loads for speed, around the entry path; its rows must still be
    rows the API would have accepted (issue 21): every 20th of each kind, through the API's
    own input models."""
    db.row_factory = sqlite3.Row
    for row in db.execute("select * from source where rowid % 20 = 1"):
        SourceCreate.model_validate({key: row[key] for key in SourceCreate.model_fields})
    for row in db.execute("select * from actor where rowid % 20 = 1"):
        aliases = db.execute(
            "select label, kind, auto_mention from actor_alias where actor_id = ?", (row["id"],)
        )
        ActorCreate.model_validate(
            {key: row[key] for key in ActorCreate.model_fields if key != "aliases"}
            | {"aliases": [dict(alias) for alias in aliases]}
        )
    for row in db.execute("select * from claim where rowid % 20 = 1"):
        topics = [
            t
            for (t,) in db.execute("select topic from claim_topic where claim_id = ?", (row["id"],))
        ]
        actors = db.execute(
            "select actor_id as actor, role from claim_actor where claim_id = ?", (row["id"],)
        )
        ClaimCreate.model_validate(
            {key: row[key] for key in ("id", "text", "claim_type", "status", "status_reason")}
            | {"topics": topics, "actors": [dict(actor) for actor in actors]}
        )
    for row in db.execute("select * from stance where rowid % 20 = 1"):
        StanceCreate.model_validate(
            {key: row[key] for key in ("id", "quote", "prefix", "suffix", "label")}
            | {"claim": row["claim_id"], "holder": row["holder_id"]}
            | {key: row[key] for key in ("attribution", "certainty")}
        )
    for row in db.execute("select * from mention where rowid % 20 = 1"):
        MentionCreate.model_validate(
            {key: row[key] for key in ("quote", "prefix", "suffix")} | {"actor": row["actor_id"]}
        )
