"""Alembic: one head, up from empty, down to base and up again, and no drift from the models."""

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text
from sqlmodel import SQLModel

from app.core.db import (
    alembic_config,
    current_revision,
    downgrade,
    head_revision,
    make_engine,
)
from app.services import read_model
from app.services.search import include_name
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
