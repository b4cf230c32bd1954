"""The fast read path (app/core/reader.py): bodies built without the response models must still
be exactly what the models say, and no endpoint may run more SQL for a longer page (N+1).

Statements are counted by the driver itself: SQLite's trace callback, a counting psycopg
cursor; whatever the application layer does, every statement the database runs is seen.
"""

import time
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest
from fastapi.testclient import TestClient
from pydantic import BaseModel
from sqlalchemy import Engine, event, select, text, update
from sqlalchemy.exc import OperationalError

from app.config import Settings
from app.core.deadline import DEADLINE
from app.core.errors import QueryTimeout
from app.core.reader import LongerThanASlice, LoopReads, Reader, Row, reading, timed_out
from app.main import create_app
from app.models import (
    ActorPublic,
    AnnotationPublic,
    Claim,
    ClaimDetail,
    ClaimPublic,
    FacetedPage,
    Page,
    SourcePublic,
    StancePublic,
)
from app.search.routes import SearchHit
from tests.conftest import SEEDS, bearer

CLAIM = "russia-will-transfer-military-tech-to-nk"
SOURCE = "putin-kim-unity-pyongyang"
HOLDER = "andrei-lankov"
# (path with {limit}, response model, most statements it may run)
HOT: dict[str, tuple[str, type[BaseModel], int]] = {
    # the claim's stored body, then its stances
    "claim": (f"/v1/claims/{CLAIM}", ClaimDetail, 2),
    # one statement: the page of stored bodies
    "claims of a source": (
        f"/v1/claims?source_id={SOURCE}&limit={{limit}}",
        FacetedPage[ClaimPublic],
        1,
    ),
    "stances of a holder, by label": (
        "/v1/stances?source_id=kim-alliance-counter-china&facets=label,holder_id&limit={limit}",
        FacetedPage[StancePublic],
        3,
    ),
    "search": ("/v1/search?q=russia&kind=claim&limit={limit}", Page[SearchHit], 3),
    "annotations": (
        f"/v1/sources/{SOURCE}/annotations?limit={{limit}}",
        Page[AnnotationPublic],
        1,
    ),
    "sources": ("/v1/sources?sort=-published_on&limit={limit}", Page[SourcePublic], 1),
    # the page, then its actors' aliases
    "actors": ("/v1/actors?kind=person&limit={limit}", Page[ActorPublic], 2),
}
CONTROL = (
    "begin",
    "commit",
    "rollback",
    "pragma",
    "select 1",
    "savepoint",
    "release",
    "select set_config",  # PostgreSQL: the request's time budget, once per transaction
)


@pytest.fixture
def counted(database_url: str) -> Iterator[tuple[TestClient, list[str]]]:
    """A client whose every SQL statement, as the driver saw it, lands in the list."""
    app = create_app(Settings(database_url=database_url, seeds_dir=SEEDS))
    seen: list[str] = []

    class CountingCursor(psycopg.Cursor):  # type: ignore[type-arg]
        def execute(self, query: Any, *args: Any, **kwargs: Any) -> Any:
            seen.append(str(query))
            return super().execute(query, *args, **kwargs)

    @event.listens_for(app.state.engine, "connect")
    def _count(dbapi_connection: Any, _record: Any) -> None:
        if app.state.engine.dialect.name == "sqlite":
            dbapi_connection.set_trace_callback(seen.append)
        else:
            dbapi_connection.cursor_factory = CountingCursor

    with TestClient(app, raise_server_exceptions=False) as client:
        yield client, seen


def queries(seen: list[str]) -> list[str]:
    """The statements the application sent to read data: not transaction control, nor the
    pool's ping (";"), nor what SQLite's full-text tables run inside (traced as "-- ...")."""
    return [
        sql
        for sql in seen
        if sql.strip(" ;\n")
        and not sql.startswith("--")
        and not sql.strip().lower().startswith(CONTROL)
    ]


@pytest.mark.parametrize("name", HOT)
def test_a_longer_page_runs_no_more_statements(
    counted: tuple[TestClient, list[str]], name: str
) -> None:
    client, seen = counted
    path, _, most = HOT[name]
    runs = []
    for limit in (1, 50):
        client.get(path.format(limit=limit))  # connections opened, dialect initialised
        seen.clear()
        response = client.get(path.format(limit=limit))
        assert response.status_code == 200, response.text
        runs.append(queries(seen))
    short, long = runs
    assert 1 <= len(short) == len(long) <= most, long


def test_a_claim_with_more_stances_runs_no_more_statements(
    counted: tuple[TestClient, list[str]],
) -> None:
    client, seen = counted
    counts = []
    for claim in ("nk-deployed-troops-for-russia", "nk-russia-ties-long-standing"):
        client.get(f"/v1/claims/{claim}")
        seen.clear()
        body = client.get(f"/v1/claims/{claim}").json()
        counts.append((len(body["stances"]), len(queries(seen))))
    assert counts[0][0] != counts[1][0], "pick claims with different numbers of stances"
    assert 1 <= counts[0][1] == counts[1][1]


@pytest.mark.parametrize("name", HOT)
def test_bodies_are_exactly_what_the_response_models_say(client: TestClient, name: str) -> None:
    """Every field present, none extra, every value of the declared type: validating the
    body and dumping it again changes nothing."""
    path, model, _ = HOT[name]
    for limit in (1, 50):
        response = client.get(path.format(limit=limit))
        assert response.status_code == 200, response.text
        assert response.headers["content-type"] == "application/json"
        body = response.json()
        assert model.model_validate(body).model_dump(mode="json") == body
        if "items" in body:
            assert body["items"], "the seed data should fill this page"


def test_a_missing_claim_is_a_problem_on_the_fast_path(client: TestClient) -> None:
    response = client.get("/v1/claims/no-such-claim")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"


def test_the_fast_path_keeps_link_and_etag(client: TestClient) -> None:
    response = client.get(f"/v1/claims?source_id={SOURCE}&limit=2")
    assert response.headers["link"].endswith('>; rel="next"')
    assert "content-length" in response.headers
    etag = response.headers["etag"]
    again = client.get(f"/v1/claims?source_id={SOURCE}&limit=2", headers={"If-None-Match": etag})
    assert again.status_code == 304
    detail = client.get(f"/v1/claims/{CLAIM}")
    assert detail.headers["etag"].startswith('"1.')  # the claim's version leads its ETag


def test_a_read_sees_one_snapshot_and_gives_its_connection_back(engine: Engine) -> None:
    text_of = select(Claim.text).where(Claim.id == CLAIM)
    with reading(engine) as db:
        before = db.first(text_of)
        with engine.begin() as writer:  # another connection commits in the middle of the read
            writer.execute(update(Claim).where(Claim.id == CLAIM).values(text="Rewritten."))
        assert db.first(text_of) == before  # the driver's cursor
        assert db.rows(text_of) == [before]  # SQLAlchemy's Connection over the same one
    assert engine.pool.checkedout() == 0
    with reading(engine) as db:
        assert db.first(text_of) == ("Rewritten.",)
    with engine.begin() as writer:  # and the pool's connections write as before
        writer.execute(update(Claim).where(Claim.id == CLAIM).values(text=before[0]))


def test_postgresql_keeps_the_statements_it_prepared_across_reads(engine: Engine) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL's prepared statements; SQLite's driver caches its own")
    text_of = select(Claim.text).where(Claim.id == CLAIM)
    for _ in range(8):  # psycopg prepares a statement on its fifth run
        with reading(engine) as db:
            db.first(text_of)
    with reading(engine) as db:
        cursor = db.pooled.driver_connection.cursor()
        cursor.execute("SELECT count(*) FROM pg_prepared_statements")
        # a read ending in ROLLBACK made psycopg deallocate them all: 0, and 0.4 ms a claim
        assert cursor.fetchone()[0] >= 1


def idle(driver: Any) -> bool:
    """Whether a driver connection is outside any transaction."""
    if isinstance(driver, psycopg.Connection):
        return driver.info.transaction_status == psycopg.pq.TransactionStatus.IDLE
    return not driver.in_transaction


def test_the_loops_reads_share_one_connection_left_outside_a_transaction(
    client: TestClient,
) -> None:
    """The event loop's short reads keep one connection between them (LoopReads), and
    leave it with no transaction open: a SQLite read transaction held between requests
    would stop WAL checkpoints, a PostgreSQL one would hold its snapshot."""
    loop_reads = client.app.state.loop_reads  # type: ignore[attr-defined]
    assert client.get(f"/v1/claims/{CLAIM}").status_code == 200
    kept = loop_reads.kept
    assert kept is not None
    assert idle(kept.driver_connection)
    assert client.get(f"/v1/claims?source_id={SOURCE}").status_code == 200
    assert loop_reads.kept is kept


def test_a_failed_read_gives_its_connection_back_fit_for_writes(
    client: TestClient, tokens: dict[str, str]
) -> None:
    """A read that fails returns its connection to the pool, out of its transaction and
    (PostgreSQL) no longer read-only, where a write may take it next."""
    loop_reads = client.app.state.loop_reads  # type: ignore[attr-defined]
    engine = client.app.state.engine  # type: ignore[attr-defined]
    assert client.get(f"/v1/claims/{CLAIM}").status_code == 200
    driver = loop_reads.kept.driver_connection
    assert client.get("/v1/claims/no-such-claim").status_code == 404
    assert loop_reads.kept is None
    assert idle(driver)
    if isinstance(driver, psycopg.Connection):
        assert driver.read_only is None
        assert driver.isolation_level is None
    path = f"/v1/claims/{CLAIM}"
    changed = client.patch(
        path,
        json={"claim_type": "causal"},
        headers=bearer(tokens["curate"]) | {"If-Match": client.get(path).headers["etag"]},
    )
    assert changed.status_code == 200, changed.text
    assert engine.pool.checkedout() == (1 if loop_reads.kept else 0)


def fit_for_writes(driver: Any) -> bool:
    """Whether a driver connection given back to the pool would take a write: outside any
    transaction and (PostgreSQL) no longer read-only nor REPEATABLE READ."""
    if isinstance(driver, psycopg.Connection) and (
        driver.read_only is not None or driver.isolation_level is not None
    ):
        return False
    return idle(driver)


def test_a_loop_read_through_sqlalchemy_gives_its_connection_back_fit_for_writes(
    engine: Engine,
) -> None:
    """A loop read that used SQLAlchemy's Connection (``rows``) gives its connection back to
    the pool; so does the kept one at shutdown. A read-only connection back in the pool
    failed the next write that took it (CI: "cannot execute INSERT in a read-only
    transaction")."""
    loop_reads = LoopReads(engine)
    text_of = select(Claim.text).where(Claim.id == CLAIM)
    driver, rows = loop_reads.run(lambda db: (db.pooled.driver_connection, db.rows(text_of)))
    assert rows
    assert loop_reads.kept is None
    assert fit_for_writes(driver)
    driver, _ = loop_reads.run(lambda db: (db.pooled.driver_connection, db.first(text_of)))
    assert loop_reads.kept is not None  # the driver's cursor only: the loop keeps it
    loop_reads.close()
    assert fit_for_writes(driver)
    assert engine.pool.checkedout() == 0
    with engine.begin() as writer:
        writer.execute(update(Claim).where(Claim.id == CLAIM).values(text=rows[0][0]))


def test_a_kept_connection_the_database_closed_is_replaced(
    client: TestClient, database_url: str
) -> None:
    """A PostgreSQL restart or idle timeout closes the loop's kept connection behind its
    back; the next read must still answer, as the pool's pre-ping made it before."""
    if not database_url.startswith("postgresql"):
        pytest.skip("SQLite's connections are files: the server cannot close them")
    path = f"/v1/claims/{CLAIM}"
    assert client.get(path).status_code == 200
    kept = client.app.state.loop_reads.kept  # type: ignore[attr-defined]
    with psycopg.connect(database_url.replace("+psycopg", ""), autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (kept.driver_connection.info.backend_pid,))
    again = client.get(path)
    assert again.status_code == 200, again.text
    assert client.app.state.loop_reads.kept is not kept  # type: ignore[attr-defined]


# counts to a hundred million: tens of seconds on either engine
SLOW = text(
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000000) "
    "SELECT count(*) FROM n"
)


def statement_timeout(driver: Any) -> str:
    """PostgreSQL: the statement_timeout a driver connection's next transaction has."""
    found = driver.execute("SHOW statement_timeout").fetchone()[0]
    driver.rollback()
    return found


@pytest.mark.parametrize("through", ["driver", "sqlalchemy"])
def test_a_loop_read_past_its_slice_is_stopped_for_the_read_pool(
    engine: Engine, through: str
) -> None:
    """A read that would hold the event loop (and every other request of its worker) for
    seconds is stopped at the end of its slice, for ``read`` to run it on the read pool;
    its connection goes back to the pool fit for writes, with the server's own
    statement_timeout, and the next loop read runs as before."""
    postgres = engine.dialect.name == "postgresql"
    if postgres:
        with engine.connect() as connection:
            default = connection.exec_driver_sql("SHOW statement_timeout").scalar()
    loop_reads = LoopReads(engine, slice_ms=20)
    used: list[Any] = []
    text_of = select(Claim.text).where(Claim.id == CLAIM)
    assert loop_reads.run(lambda db: db.first(text_of)) is not None  # the loop keeps it

    def slow(db: Reader) -> list[Row]:
        used.append(db.pooled.driver_connection)
        return db.all(SLOW) if through == "driver" else db.rows(SLOW)

    started = time.monotonic()
    with pytest.raises(LongerThanASlice):
        loop_reads.run(slow)
    assert time.monotonic() - started < 1
    assert loop_reads.kept is None
    assert fit_for_writes(used[0])
    if postgres:
        assert statement_timeout(used[0]) == default
    assert loop_reads.run(lambda db: db.first(text_of)) is not None
    loop_reads.close()
    assert engine.pool.checkedout() == 0


def test_a_read_out_of_its_requests_time_is_not_run_again(engine: Engine) -> None:
    """Past its request's own deadline a read answers the 503 (a timeout), whatever the slice."""
    loop_reads = LoopReads(engine, slice_ms=60_000)
    token = DEADLINE.set(time.monotonic() + 0.02)
    try:
        with pytest.raises((OperationalError, QueryTimeout)) as raised:
            loop_reads.run(lambda db: db.all(SLOW))
    finally:
        DEADLINE.reset(token)
    assert timed_out(raised.value)
    assert not isinstance(raised.value, LongerThanASlice)
    loop_reads.close()
