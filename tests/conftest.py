"""Each test gets its own real database: SQLite, and PostgreSQL when TEST_DATABASE_URL is set.

Migrating and seeding run once per engine into a template; every test then gets a copy
(a file copy for SQLite, ``CREATE DATABASE ... TEMPLATE`` for PostgreSQL), so tests stay
independent without paying for migrations each time.
"""

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from app import read_model
from app.config import Settings, project_path
from app.core.db import current_revision, head_revision, make_engine
from app.main import create_app
from app.seeds.sync import seed
from tests.support import assert_read_model_fresh

SEEDS = project_path("seeds")
PG_URL = os.environ.get("TEST_DATABASE_URL")
ENGINES = [
    "sqlite",
    pytest.param(
        "postgresql",
        marks=[
            pytest.mark.postgres,
            pytest.mark.skipif(
                not PG_URL, reason="TEST_DATABASE_URL is not set: PostgreSQL tests skipped"
            ),
        ],
    ),
]


class Databases:
    """Creates throwaway databases of one engine, empty or copied from a seeded template."""

    def __init__(self, kind: str, workdir: Path) -> None:
        self.kind = kind
        self.workdir = workdir
        self.created: list[str] = []
        self.template: str | None = None
        if kind == "postgresql":
            self.admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")  # type: ignore[arg-type]

    def empty(self) -> str:
        if self.kind == "sqlite":
            return f"sqlite:///{self.workdir / f'{uuid.uuid4().hex}.db'}"
        name = f"claimsdb_test_{uuid.uuid4().hex[:12]}"
        with self.admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        self.created.append(name)
        return make_url(PG_URL).set(database=name).render_as_string(hide_password=False)

    def seeded(self) -> str:
        if self.template is None:
            self.template = self.empty()
            engine = make_engine(self.template)
            read_model.migrate(engine)
            seed(engine, SEEDS)
            engine.dispose()
        if self.kind == "sqlite":
            copy = self.workdir / f"{uuid.uuid4().hex}.db"
            shutil.copyfile(make_url(self.template).database, copy)  # type: ignore[arg-type]
            return f"sqlite:///{copy}"
        name = f"claimsdb_test_{uuid.uuid4().hex[:12]}"
        template = make_url(self.template).database
        with self.admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
        self.created.append(name)
        return make_url(PG_URL).set(database=name).render_as_string(hide_password=False)

    def drop_all(self) -> None:
        if self.kind != "postgresql":
            return
        with self.admin.connect() as connection:
            for name in reversed(self.created):
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        self.admin.dispose()


@pytest.fixture(scope="session", params=ENGINES)
def databases(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Databases]:
    factory = Databases(request.param, tmp_path_factory.mktemp(request.param))
    yield factory
    factory.drop_all()


@pytest.fixture
def database_url(databases: Databases) -> str:
    """A database of its own for this test, migrated and holding the real seed data."""
    return databases.seeded()


@pytest.fixture
def empty_database_url(databases: Databases) -> str:
    """A database of its own for this test, with no tables at all."""
    return databases.empty()


@pytest.fixture(autouse=True)
def read_model_stays_fresh(request: pytest.FixtureRequest) -> Iterator[None]:
    """After every test that had a seeded database, its read model is what a rebuild would
    store: a write that forgot to refresh a body fails the test that made it."""
    if "database_url" not in request.fixturenames:
        yield
        return
    url = request.getfixturevalue("database_url")  # set up first, so torn down after this
    yield
    engine = make_engine(url)
    try:
        if current_revision(engine) == head_revision():  # not a test that migrated down
            assert_read_model_fresh(engine)
    finally:
        engine.dispose()


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def client(database_url: str) -> Iterator[TestClient]:
    app = create_app(Settings(database_url=database_url, seeds_dir=SEEDS))
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture
def tokens(database_url: str) -> dict[str, str]:
    """A key of each scope in this test's database, by scope name."""
    from app.core.auth import create_key
    from app.core.db import run_write
    from app.models import Scope

    engine = make_engine(database_url)
    made = {
        scope.value: run_write(
            engine,
            lambda s, scope=scope: create_key(session=s, name=f"{scope.value}-key", scope=scope)[1],
        )
        for scope in Scope
    }
    engine.dispose()
    return made


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}
