"""Alembic: one head, up from empty, down to base and up again, and no drift from the models."""

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from sqlmodel import SQLModel

from app.db import alembic_config, current_revision, downgrade, head_revision, make_engine, upgrade
from app.services.search import include_name


def test_single_head() -> None:
    script = ScriptDirectory.from_config(alembic_config(make_engine("sqlite://")))
    assert len(script.get_heads()) == 1


def test_upgrade_downgrade_upgrade(empty_database_url: str) -> None:
    engine = make_engine(empty_database_url)
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    tables = set(inspect(engine).get_table_names())
    assert set(SQLModel.metadata.tables) <= tables

    downgrade(engine, "base")
    assert current_revision(engine) is None
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}

    upgrade(engine)
    assert current_revision(engine) == head_revision()
    engine.dispose()


def test_models_match_migrations(empty_database_url: str) -> None:
    engine = make_engine(empty_database_url)
    upgrade(engine)
    with engine.connect() as connection:
        # the search indexes live outside the models (migration 0002)
        opts = {"compare_type": True, "include_name": include_name}
        context = MigrationContext.configure(connection, opts=opts)
        assert compare_metadata(context, SQLModel.metadata) == []
    engine.dispose()


def test_constraints_live_in_the_database(empty_database_url: str) -> None:
    engine = make_engine(empty_database_url)
    upgrade(engine)
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
