"""`claimsdb backup`, `restore`, `dump` and `load`: whole copies of the database. Backup and
restore keep the engine's own format; dump and load move between engines (README, Moving
to PostgreSQL)."""

from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer
from sqlalchemy.exc import SQLAlchemyError

from app.backup import BackupError, backup, restore
from app.config import get_settings
from app.core.preflight import database_problem, fail, open_database
from app.dump import DumpError, dump, load


def backup_command(
    file: Annotated[Path, typer.Argument(help="Where to write the copy.")],
    force: Annotated[bool, typer.Option("--force", help="Overwrite FILE if it exists.")] = False,
) -> None:
    """Copy the database to FILE, consistently, while the server runs and writes go on
    (SQLite: its online backup; PostgreSQL: pg_dump)."""
    open_database("any").dispose()
    try:
        outcome = backup(url=get_settings().database_url, target=file, force=force)
    except BackupError as error:
        raise fail(f"backup failed: {error}") from error
    for line in outcome.lines:
        typer.echo(line)


def restore_command(
    file: Annotated[Path, typer.Argument(help="A file `claimsdb backup` wrote.")],
    force: Annotated[
        bool, typer.Option("--force", help="Replace a database that holds data.")
    ] = False,
) -> None:
    """Put a backup back into the database at DATABASE_URL and migrate it to the newest
    revision. Stop the server first. Refuses a database that holds data without --force."""
    try:
        outcome = restore(url=get_settings().database_url, source=file, force=force)
    except BackupError as error:
        raise fail(f"restore refused: {error}") from error
    except SQLAlchemyError as error:
        raise fail(f"restore failed: {database_problem(get_settings()) or error}") from error
    for line in outcome.lines:
        typer.echo(line)


def dump_command(
    file: Annotated[Path, typer.Argument(help="Where to write the dump (gzip NDJSON).")],
    force: Annotated[bool, typer.Option("--force", help="Overwrite FILE if it exists.")] = False,
) -> None:
    """Write the whole database to FILE as gzip-compressed NDJSON, one snapshot, audit
    history and keys (never their secrets) included: `claimsdb load` reads it into either
    engine."""
    engine = open_database()
    try:
        outcome = dump(engine=engine, target=file, force=force)
    except DumpError as error:
        raise fail(f"dump refused: {error}") from error
    finally:
        engine.dispose()
    for line in outcome.lines:
        typer.echo(line)


def load_command(
    file: Annotated[Path, typer.Argument(help="A file `claimsdb dump` wrote.")],
) -> None:
    """Load a dump into the database at DATABASE_URL, which must be migrated (`claimsdb
    migrate`) and hold no records; then rebuild its read model. All of it, or nothing."""
    engine = open_database()
    try:
        outcome = load(engine=engine, source=file)
    except DumpError as error:
        raise fail(f"load refused: {error}") from error
    finally:
        engine.dispose()
    for line in outcome.lines:
        typer.echo(line)


COMMANDS: dict[str, Callable[..., None]] = {
    "backup": backup_command,
    "restore": restore_command,
    "dump": dump_command,
    "load": load_command,
}
