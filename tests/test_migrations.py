"""Alembic: one head, up from empty, down to base and up again, and no drift from the models."""

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError
from sqlmodel import SQLModel

from app import read_model
from app.core.db import (
    alembic_config,
    current_revision,
    downgrade,
    head_revision,
    make_engine,
)
from app.search.engine import include_name
from tests.support import rebuild_read_model

TABLES = ("source", "actor", "claim", "stance", "mention", "passage", "claim_topic")


def test_single_head() -> None:
    script = ScriptDirectory.from_config(alembic_config(make_engine("sqlite://")))
    assert len(script.get_heads()) == 1


def test_upgrade_downgrade_upgrade(empty_database_url: str) -> None:
    engine = make_engine(empty_database_url)
    read_model.migrate(engine)
    assert current_revision(engine) == head_revision()
    tables = set(inspect(engine).get_table_names())
    assert set(SQLModel.metadata.tables) <= tables

    downgrade(engine, "base")
    assert current_revision(engine) is None
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}

    read_model.migrate(engine)
    assert current_revision(engine) == head_revision()
    engine.dispose()


def test_models_match_migrations(empty_database_url: str) -> None:
    engine = make_engine(empty_database_url)
    read_model.migrate(engine)
    with engine.connect() as connection:
        # the search indexes live outside the models (migration 0002)
        opts = {"compare_type": True, "include_name": include_name}
        context = MigrationContext.configure(connection, opts=opts)
        assert compare_metadata(context, SQLModel.metadata) == []
    engine.dispose()


def test_constraints_live_in_the_database(empty_database_url: str) -> None:
    engine = make_engine(empty_database_url)
    read_model.migrate(engine)
    inspector = inspect(engine)
    checks = {check["name"] for check in inspector.get_check_constraints("stance")}
    assert {
        "ck_stance_label_vocabulary",
        "ck_stance_attribution_vocabulary",
        "ck_stance_certainty_vocabulary",
        "ck_stance_span_order",
        "ck_stance_span_length",
    } <= checks
    foreign = {fk["referred_table"] for fk in inspector.get_foreign_keys("stance")}
    assert foreign == {"claim", "source", "actor"}
    engine.dispose()


def test_check_names_are_the_same_on_every_engine(empty_database_url: str) -> None:
    """Revision 0006: PostgreSQL once had ck_claim_ck_claim_... where SQLite had ck_claim_..."""
    engine = make_engine(empty_database_url)
    read_model.migrate(engine)
    inspector = inspect(engine)
    for table in ("source", "actor", "claim", "stance", "mention"):
        names = {check["name"] for check in inspector.get_check_constraints(table)}
        assert f"ck_{table}_version_positive" in names
        assert all(name.startswith(f"ck_{table}_") and "_ck_" not in name for name in names)
    engine.dispose()


def test_curation_downgrade_keeps_data_triggers_and_checks(database_url: str) -> None:
    engine = make_engine(database_url)
    inspector = inspect(engine)
    before = {t: inspector.get_check_constraints(t) for t in ("stance", "claim")}
    with engine.connect() as connection:
        counts = {t: connection.execute(text(f"SELECT count(*) FROM {t}")).scalar() for t in TABLES}
    downgrade(engine, "0002")
    assert "version" not in {c["name"] for c in inspect(engine).get_columns("claim")}
    with engine.connect() as connection:
        assert counts == {
            t: connection.execute(text(f"SELECT count(*) FROM {t}")).scalar() for t in TABLES
        }
    names = {c["name"] for c in inspect(engine).get_check_constraints("stance")}
    assert "ck_stance_label_vocabulary" in names
    assert "ck_stance_status_vocabulary" not in names
    read_model.migrate(engine)
    after = {t: inspect(engine).get_check_constraints(t) for t in ("stance", "claim")}
    assert {t: sorted(c["name"] for c in v) for t, v in after.items()} == {
        t: sorted(c["name"] for c in v) for t, v in before.items()
    }
    with engine.begin() as connection:  # the full-text triggers still follow the claims
        connection.execute(
            text(
                "UPDATE claim SET text = 'Zebras roam Pyongyang.' WHERE id = "
                "(SELECT min(id) FROM claim)"
            )
        )
    rebuild_read_model(engine)
    from fastapi.testclient import TestClient

    from app.config import Settings
    from app.main import create_app

    with TestClient(create_app(Settings(database_url=database_url))) as client:
        hits = client.get("/v1/search", params={"q": "zebras"}).json()["items"]
    assert [hit["kind"] for hit in hits] == ["claim"]
    engine.dispose()


REVIEWED = ("claim", "stance", "mention", "actor")


def test_review_keeps_what_people_wrote_accepted(database_url: str) -> None:
    """Revision 0009: every existing row stays accepted, with no pipeline and no confidence;
    the database itself refuses an unknown review status and a confidence outside 0..1."""
    engine = make_engine(database_url)
    with engine.connect() as connection:
        for table in REVIEWED:
            rows = connection.execute(
                text(f"SELECT review_status, extracted_by, confidence FROM {table}")
            ).all()
            assert rows, table
            assert set(rows) == {("accepted", None, None)}, table
    for table, assignment in [
        *((table, "review_status = 'maybe'") for table in REVIEWED),
        *((table, "confidence = 1.5") for table in REVIEWED),
        *((table, "confidence = -0.1") for table in REVIEWED),
    ]:
        with pytest.raises(IntegrityError), engine.begin() as connection:
            connection.execute(
                text(f"UPDATE {table} SET {assignment} WHERE id = (SELECT min(id) FROM {table})")
            )
    engine.dispose()


def test_review_downgrade_keeps_data_and_triggers(database_url: str) -> None:
    engine = make_engine(database_url)
    with engine.connect() as connection:
        counts = {t: connection.execute(text(f"SELECT count(*) FROM {t}")).scalar() for t in TABLES}
    downgrade(engine, "0008")
    inspector = inspect(engine)
    assert "confidence" not in {c["name"] for c in inspector.get_columns("claim")}
    assert "review_status" not in {c["name"] for c in inspector.get_columns("actor")}
    assert "suggested_claims" not in {c["name"] for c in inspector.get_columns("stance")}
    with engine.connect() as connection:
        assert counts == {
            t: connection.execute(text(f"SELECT count(*) FROM {t}")).scalar() for t in TABLES
        }
    read_model.migrate(engine)
    with engine.begin() as connection:  # the full-text triggers still follow the claims
        connection.execute(
            text(
                "UPDATE claim SET text = 'Zebras roam Pyongyang.', confidence = 0.5 "
                "WHERE id = (SELECT min(id) FROM claim)"
            )
        )
        hits = connection.execute(
            text(
                "SELECT count(*) FROM fts_claim WHERE fts_claim MATCH 'zebras'"
                if connection.dialect.name == "sqlite"
                else "SELECT count(*) FROM claim "
                "WHERE search_vector @@ to_tsquery('english', 'zebras')"
            )
        ).scalar()
    assert hits == 1
    rebuild_read_model(engine)
    engine.dispose()
