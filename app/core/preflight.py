"""Checks a command runs before it touches the database, so that a user who points it at
the wrong place hears what to do instead of a traceback, and no empty file is left behind.

Only the checks open the database here: with a plain engine, not ``make_engine``, which
would create a missing SQLite file's folder and switch the file to WAL.
"""

import os
from dataclasses import dataclass
from pathlib import Path

import typer
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

from app.config import Settings, get_settings, project_path
from app.core.db import head_revision, make_engine

URL_VARIABLES = ("DATABASE_URL", "CLAIMSDB_DATABASE_URL")
MIGRATE_FIRST = "run `claimsdb migrate` first (it creates the tables), or"


@dataclass
class DatabaseProblem:
    """What is wrong with the configured database, and what to do about it."""

    problem: str
    remedy: str

    def __str__(self) -> str:
        return f"{self.problem}\n{self.remedy}"


def shown(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)


def where(settings: Settings) -> str:
    """Where the database setting comes from, as a user would check it."""
    for name in URL_VARIABLES:
        if os.environ.get(name):
            return f"{name} is {shown(settings.database_url)}"
    return (
        f"DATABASE_URL is not set, so the default {shown(settings.database_url)} is used, "
        f"relative to the current folder {Path.cwd()}"
    )


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL; None for another engine or an in-memory database."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database).resolve()


def is_known(revision: str) -> bool:
    scripts = ScriptDirectory(str(project_path("migrations")))
    try:
        return scripts.get_revision(revision) is not None
    except CommandError:
        return False


def database_problem(settings: Settings, *, need: str = "head") -> DatabaseProblem | None:
    """Why the configured database cannot serve a command, or None; creates nothing.

    ``need``: ``head`` for a command that reads or writes records (the newest schema),
    ``any`` for one that copies a claimsdb database of any revision (a backup),
    ``create`` for one that may create the tables (``claimsdb migrate``)."""
    url = settings.database_url
    point_at = f"set DATABASE_URL to the database the server uses ({where(settings)})"
    path = sqlite_path(url)
    if path is not None and not path.exists():
        if need == "create":
            return None
        return DatabaseProblem(f"no database at {path}", f"{MIGRATE_FIRST} {point_at}")
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as connection:
            revision = MigrationContext.configure(connection).get_current_revision()
    except SQLAlchemyError as error:
        reason = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
        return DatabaseProblem(f"cannot read the database at {shown(url)}: {reason}", point_at)
    finally:
        engine.dispose()
    if revision is None:
        if need == "create":
            return None
        return DatabaseProblem(
            f"the database at {shown(url)} holds no claimsdb tables", f"{MIGRATE_FIRST} {point_at}"
        )
    if need == "any":
        return None
    head = head_revision()
    if not is_known(revision):
        return DatabaseProblem(
            f"the database at {shown(url)} is at revision {revision}, which this claimsdb "
            "does not know: a newer version of claimsdb migrated it",
            "run the newer claimsdb, or restore a backup made before that upgrade",
        )
    if need == "head" and revision != head:
        return DatabaseProblem(
            f"the database at {shown(url)} is at revision {revision}, not the newest ({head})",
            "run `claimsdb migrate` first (`claimsdb backup FILE` keeps a copy of it as it is)",
        )
    return None


def fail(message: object) -> typer.Exit:
    typer.echo(str(message), err=True)
    return typer.Exit(1)


def open_database(need: str = "head") -> Engine:
    """The engine of the configured database, once ``database_problem`` found it fit for a
    command that needs ``need``; else say what to do and exit 1."""
    settings = get_settings()
    if problem := database_problem(settings, need=need):
        raise fail(problem)
    return make_engine(settings.database_url)
