"""A statement time limit on both engines, reported as a clear problem, never a hang or a 500."""

import time

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from app.config import Settings
from app.core import db, deadline
from app.core.db import make_engine
from app.core.errors import is_timeout
from app.core.reader import reading
from app.main import create_app
from tests.support import assert_problem

RUNAWAY = {
    "sqlite": "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
    "SELECT count(*) FROM n",
    "postgresql": "SELECT pg_sleep(5)",
}


def test_a_runaway_statement_is_stopped(database_url: str) -> None:
    engine = make_engine(database_url, statement_timeout_ms=200)
    began = time.monotonic()
    with pytest.raises(OperationalError) as stopped, engine.connect() as connection:
        connection.execute(text(RUNAWAY[make_url(database_url).get_backend_name()]))
    assert is_timeout(stopped.value)
    assert time.monotonic() - began < 3
    with engine.connect() as connection:  # the connection is usable for the next statement
        assert connection.execute(text("SELECT 1")).scalar() == 1
    engine.dispose()


# statements of some tens of milliseconds: long enough for SQLite's progress handler to
# look at the clock (every PROGRESS_STEPS instructions), far below the limit on their own
SHORT = {
    "sqlite": "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
    "WHERE i < 100000) SELECT count(*) FROM n",
    "postgresql": "SELECT pg_sleep(0.03)",
}


def test_the_limit_is_per_statement(database_url: str) -> None:
    """Six short statements, a tenth of a second apart, on one connection: together they
    run past the limit, each alone far from it. A deadline set once per connection (or
    per transaction) stops the fourth."""
    engine = make_engine(database_url, statement_timeout_ms=300)
    statement = text(SHORT[make_url(database_url).get_backend_name()])
    began = time.monotonic()
    with engine.connect() as connection:
        for _ in range(3):
            connection.execute(statement)
            time.sleep(0.1)  # time between statements does not count
        with reading(engine) as db:  # the read path's own statements too
            for _ in range(3):
                db.all(statement)
                time.sleep(0.1)
    assert time.monotonic() - began > 0.6  # past the limit, all told
    engine.dispose()


def test_the_api_answers_503_problem_when_the_limit_trips(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if make_url(database_url).get_backend_name() != "sqlite":
        pytest.skip("PostgreSQL's own timer is tested above; no request here runs 1 ms long")
    # a clock that jumps a second each reading: every statement overruns at its first check
    ticks = iter(range(10**9))
    monkeypatch.setattr(db, "clock", lambda: float(next(ticks)))
    monkeypatch.setattr(db, "PROGRESS_STEPS", 50)
    settings = Settings(database_url=database_url, statement_timeout_ms=1)
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        slow = client.get("/v1/stances", params={"limit": 500})
    body = assert_problem(slow, 503)
    assert body["type"] == "urn:claimsdb:problem:query-timeout"
    assert slow.headers["retry-after"] == "1"


def test_a_request_out_of_time_answers_503_however_short_its_statements(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The request's own budget (CLAIMSDB_REQUEST_TIMEOUT_MS), not only each statement's:
    with no statement limit at all, a request whose time is up is stopped at its next
    statement or its next loop of Python work, on either engine."""
    ticks = iter(range(10**9))

    def tick() -> float:  # a second passes at each reading of the clock
        return float(next(ticks))

    monkeypatch.setattr(deadline, "clock", tick)
    monkeypatch.setattr(db, "clock", tick)
    settings = Settings(database_url=database_url, statement_timeout_ms=0, request_timeout_ms=500)
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        for path in ("/v1/analytics/agreement", "/v1/claims", "/v1/sources"):
            late = client.get(path)
            body = assert_problem(late, 503)
            assert body["type"] == "urn:claimsdb:problem:query-timeout"
            assert late.headers["retry-after"] == "1"
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        monkeypatch.setattr(deadline, "clock", time.monotonic)
        monkeypatch.setattr(db, "clock", time.monotonic)
        assert client.get("/v1/analytics/agreement").status_code == 200


def test_a_write_out_of_time_is_busy_and_stores_nothing(database_url: str) -> None:
    """A write stopped by the request's deadline says so as a write: nothing stored, send it
    again; not the read's advice to narrow a query with filters."""
    engine = make_engine(database_url)
    token = deadline.DEADLINE.set(deadline.clock() - 1)
    try:
        with pytest.raises(db.WriteBusy) as stopped:
            db.run_write(
                engine,
                lambda session: (
                    session.execute(text("UPDATE actor SET description = 'x' WHERE id = 'china'")),
                    deadline.check_deadline(),
                ),
            )
    finally:
        deadline.DEADLINE.reset(token)
    assert "nothing was stored" in stopped.value.detail
    assert "narrow" not in stopped.value.detail
    with engine.connect() as connection:
        described = connection.execute(text("SELECT description FROM actor WHERE id = 'china'"))
        assert described.scalar() != "x"
    engine.dispose()
