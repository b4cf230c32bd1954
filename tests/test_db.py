"""Storage: SQLite pragmas on every connection, and integrity the database itself enforces."""

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text
from sqlalchemy.exc import IntegrityError

from app.config import Settings
from app.core.db import downgrade, make_engine
from app.main import create_app
from tests.support import assert_problem, rebuild_read_model


def test_sqlite_connections_get_foreign_keys_wal_and_busy_timeout(tmp_path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'pragmas.db'}", busy_timeout_ms=1234)
    for _ in range(2):  # a second pooled connection too
        with engine.connect() as connection:
            assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert connection.execute(text("PRAGMA busy_timeout")).scalar() == 1234
    engine.dispose()


def test_in_memory_sqlite_is_one_shared_database() -> None:
    engine = make_engine("sqlite://")
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE t (x INTEGER)"))
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM t")).scalar() == 0
    engine.dispose()


STANCE = (
    "INSERT INTO stance (id, claim_id, source_id, holder_id, label, attribution, certainty,"
    ' start, "end", quote, prefix, suffix) VALUES'
    " ('st-x', :claim, :source, NULL, :label, 'author', 'certain', :start, :end, :quote, '', '')"
)
GOOD = {"claim": None, "source": None, "label": "supports", "start": 0, "end": 3, "quote": "abc"}


def existing_ids(engine: Engine) -> dict[str, str]:
    with engine.connect() as connection:
        claim = connection.execute(text("SELECT id FROM claim LIMIT 1")).scalar()
        source = connection.execute(text("SELECT id FROM source LIMIT 1")).scalar()
    return {"claim": claim, "source": source}


@pytest.mark.parametrize(
    "bad",
    [
        {"source": "no-such-source"},
        {"claim": "no-such-claim"},
        {"label": "endorses"},
        {"start": 5, "end": 5, "quote": ""},
        {"start": 0, "end": 4, "quote": "abc"},
    ],
    ids=["dangling source", "dangling claim", "label vocabulary", "empty span", "quote length"],
)
def test_the_database_refuses_broken_stances(engine: Engine, bad: dict[str, object]) -> None:
    values = {**GOOD, **existing_ids(engine), **bad}
    with pytest.raises(IntegrityError), engine.begin() as connection:
        connection.execute(text(STANCE), values)


def test_a_valid_stance_row_is_accepted(engine: Engine) -> None:
    with engine.begin() as connection:
        connection.execute(text(STANCE), {**GOOD, **existing_ids(engine)})
    rebuild_read_model(engine)


def test_an_unexpected_failure_is_a_500_problem_without_a_trace(database_url: str) -> None:
    engine = make_engine(database_url)
    downgrade(engine, "base")  # the tables vanish under the running app
    engine.dispose()
    with TestClient(
        create_app(Settings(database_url=database_url)), raise_server_exceptions=False
    ) as client:
        body = assert_problem(client.get("/v1/claims"), 500)
    assert "sqlite" not in body["detail"].lower()
    assert "select" not in body["detail"].lower()
