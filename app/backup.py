"""Backups: a consistent copy of a database while the server runs and writes go on, and
putting one back.

SQLite: SQLite's online backup API, copying every page in one step, inside one read
transaction: the copy is the database as of one commit, and in WAL mode writers go on
meanwhile (``bench/backup.py`` measured it against ``VACUUM INTO``: see README.md).
PostgreSQL: ``pg_dump`` and ``pg_restore``, in their custom format, when they are on the
PATH. A restore checks that the file is a claimsdb database at a revision this code can
migrate, refuses to overwrite a database that holds data unless forced, and migrates it.
"""

import os
import shutil
import sqlite3
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, func, inspect, select
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool
from sqlmodel import SQLModel

from app import read_model
from app.core.db import current_revision, head_revision, make_engine
from app.core.preflight import is_known, shown, sqlite_path
from app.models import Actor, ApiKey, Change, Claim, Mention, Source, Stance

SQLITE_HEADER = b"SQLite format 3\x00"
PG_DUMP_HEADER = b"PGDMP"
# what a claimsdb database holds that a user would not want to lose, by how it is named
COUNTED = {
    "source": Source,
    "actor": Actor,
    "claim": Claim,
    "stance": Stance,
    "mention": Mention,
    "API key": ApiKey,
    "change": Change,
}


class BackupError(Exception):
    """The backup or restore was refused or failed; nothing was overwritten."""


@dataclass
class Outcome:
    """What a backup or restore did, in words."""

    lines: list[str]


def counts(engine: Engine) -> dict[str, int]:
    """How many records of each kind the database holds, for those it has tables for."""
    with engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
        return {
            name: connection.execute(select(func.count()).select_from(model)).scalar_one()
            for name, model in COUNTED.items()
            if model.__tablename__ in tables  # type: ignore[attr-defined]
        }


def summary(found: dict[str, int]) -> str:
    held = [f"{count} {name}{'' if count == 1 else 's'}" for name, count in found.items() if count]
    return ", ".join(held) or "no records"


# ---------------------------------------------------------------- backup


def backup(*, url: str, target: Path, force: bool = False) -> Outcome:
    """Copy the database at ``url`` to ``target``, consistently, while it is in use."""
    if target.exists() and not force:
        raise BackupError(f"{target} exists already: choose another file, or add --force")
    target.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    if sqlite_path(url) is None:
        lines = pg_dump(url, target)
    else:
        lines = sqlite_backup(sqlite_path(url), target)  # type: ignore[arg-type]
    seconds = time.perf_counter() - started
    size = target.stat().st_size
    return Outcome([*lines, f"wrote {target} ({size / 1e6:.1f} MB) in {seconds:.1f} s"])


def sqlite_backup(source: Path, target: Path) -> list[str]:
    # written beside the target and renamed at the end: never a half-written backup
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    source_db = sqlite3.connect(source)
    copy = sqlite3.connect(partial)
    try:
        source_db.execute("PRAGMA busy_timeout = 10000")
        source_db.backup(copy)  # one step: one read transaction, one commit's state
        copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        (result,) = copy.execute("PRAGMA quick_check").fetchone()
    finally:
        copy.close()
        source_db.close()
    if result != "ok":
        partial.unlink(missing_ok=True)
        raise BackupError(f"the copy of {source} failed its check: {result}")
    os.replace(partial, target)
    engine = make_engine(f"sqlite:///{target}")
    try:
        return [
            f"copied {source} at revision {current_revision(engine)}: {summary(counts(engine))}"
        ]
    finally:
        engine.dispose()


def libpq(url: str) -> tuple[str, dict[str, str]]:
    """A URL pg_dump and pg_restore understand, and the environment with its password
    (so that it shows in no process list)."""
    parsed = make_url(url)
    env = dict(os.environ)
    if parsed.password:
        env["PGPASSWORD"] = str(parsed.password)
    plain = parsed.set(drivername="postgresql", password=None)
    return plain.render_as_string(hide_password=False), env


def pg_tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupError(
            f"{name} is not on the PATH: install PostgreSQL's client tools (Debian: "
            f"apt-get install postgresql-client), or run {name} where they are installed "
            "(README.md, Backups, says how)"
        )
    return found


def pg_dump(url: str, target: Path) -> list[str]:
    dump = pg_tool("pg_dump")
    address, env = libpq(url)
    partial = target.with_name(target.name + ".partial")
    # pg_dump reads one snapshot of the database: consistent while writes go on
    command = [dump, "--format=custom", "--no-owner", f"--file={partial}", address]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        partial.unlink(missing_ok=True)
        raise BackupError(f"pg_dump failed: {done.stderr.strip()}")
    os.replace(partial, target)
    return [f"dumped {shown(url)} with pg_dump (custom format)"]


# ---------------------------------------------------------------- restore


def restore(*, url: str, source: Path, force: bool = False) -> Outcome:
    """Put the backup ``source`` into the database at ``url`` and migrate it to the newest
    revision; refuse if that database holds data, unless ``force``."""
    if not source.is_file():
        raise BackupError(f"no backup at {source}")
    header = source.read_bytes()[:16] if source.stat().st_size else b""
    target_is_sqlite = sqlite_path(url) is not None
    if header.startswith(SQLITE_HEADER):
        if not target_is_sqlite:
            raise BackupError(
                f"{source} is a SQLite backup; DATABASE_URL ({shown(url)}) is not SQLite"
            )
        revision, found = check_sqlite_backup(source)
    elif header.startswith(PG_DUMP_HEADER):
        if target_is_sqlite:
            raise BackupError(f"{source} is a pg_dump archive; DATABASE_URL is SQLite")
        revision, found = None, {}
    else:
        raise BackupError(f"{source} is neither a SQLite database nor a pg_dump archive")
    held = existing(url)
    if any(held.values()) and not force:
        raise BackupError(
            f"the database at {shown(url)} holds {summary(held)}: restoring would replace "
            "them. Keep a copy (`claimsdb backup FILE`), then add --force"
        )
    if target_is_sqlite:
        sqlite_restore(source, sqlite_path(url))  # type: ignore[arg-type]
        lines = [f"restored {source} (revision {revision}: {summary(found)}) into {shown(url)}"]
    else:
        lines = pg_restore(source, url)
    engine = make_engine(url)
    try:
        restored = current_revision(engine)
        if restored is None or not is_known(restored):
            raise BackupError(f"{source} holds no claimsdb database this version can migrate")
        read_model.migrate(engine)
        if restored != head_revision():
            lines.append(f"migrated it from revision {restored} to {head_revision()}")
        lines.append(f"the database now holds {summary(counts(engine))}")
    finally:
        engine.dispose()
    return Outcome(lines)


def read_only(path: Path) -> sqlite3.Connection:
    """A connection that can neither change the file nor leave a journal beside it."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)


def check_sqlite_backup(source: Path) -> tuple[str, dict[str, int]]:
    """The backup's revision and counts, if it is a sound claimsdb database this code can
    migrate. Read-only and immutable: the check leaves the file as it was."""
    check = read_only(source)
    try:
        (result,) = check.execute("PRAGMA quick_check").fetchone()
        if result != "ok":
            raise BackupError(f"{source} is damaged: {result}")
        tables = {row[0] for row in check.execute("SELECT name FROM sqlite_master")}
        if not {"alembic_version", "claim", "source"} <= tables:
            raise BackupError(f"{source} is a SQLite database, but not a claimsdb one")
        (revision,) = check.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{source} cannot be read as a SQLite database: {error}") from error
    finally:
        check.close()
    if not is_known(revision):
        raise BackupError(
            f"{source} is at revision {revision}, which this claimsdb does not know: "
            "restore it with the newer claimsdb that made it"
        )
    engine = create_engine("sqlite://", creator=lambda: read_only(source), poolclass=NullPool)
    try:
        return revision, counts(engine)
    finally:
        engine.dispose()


def existing(url: str) -> dict[str, int]:
    """What the target database holds now: nothing if it does not exist yet."""
    path = sqlite_path(url)
    if path is not None and not path.exists():
        return {}
    engine = create_engine(url, poolclass=NullPool)
    try:
        found = counts(engine)
        if engine.dialect.name == "postgresql":  # its schema is emptied before a restore
            known = {*SQLModel.metadata.tables, "alembic_version"}
            others = [t for t in inspect(engine).get_table_names() if t not in known]
            found["table of something else"] = len(others)
        return found
    finally:
        engine.dispose()


def sqlite_restore(source: Path, target: Path) -> None:
    """Copy the backup's pages into the target through SQLite itself, in one transaction:
    unlike a file copy, this is safe with the target's WAL and its other connections."""
    target.parent.mkdir(parents=True, exist_ok=True)
    backup_db = read_only(source)
    database = sqlite3.connect(target)
    try:
        database.execute("PRAGMA busy_timeout = 10000")
        backup_db.backup(database)
        database.execute("PRAGMA journal_mode = WAL")
    finally:
        database.close()
        backup_db.close()


def pg_restore(source: Path, url: str) -> list[str]:
    """Restore through psql in one transaction, so that a failure leaves the database as
    it was. It first empties the schema: tables of a revision newer than the archive's
    would otherwise stay and stop the migration."""
    restore_tool, psql = pg_tool("pg_restore"), pg_tool("psql")
    address, env = libpq(url)
    listing = subprocess.run(
        [restore_tool, "--list", str(source)], env=env, capture_output=True, text=True, check=False
    )
    if listing.returncode != 0 or " TABLE public alembic_version " not in listing.stdout:
        raise BackupError(f"{source} is not a pg_dump archive of a claimsdb database")
    script = subprocess.Popen(
        [restore_tool, "--no-owner", "--file=-", str(source)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    with tempfile.TemporaryFile() as errors:
        options = ["--no-psqlrc", "--quiet", "--single-transaction", "--set=ON_ERROR_STOP=1"]
        apply = subprocess.Popen(
            [psql, *options, f"--dbname={address}", "--file=-"],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=errors,
        )
        assert script.stdout is not None
        assert apply.stdin is not None
        apply.stdin.write(b"DROP SCHEMA public CASCADE;\nCREATE SCHEMA public;\n")
        shutil.copyfileobj(script.stdout, apply.stdin)
        apply.stdin.close()
        script.wait()
        apply.wait()
        errors.seek(0)
        message = errors.read().decode(errors="replace").strip()
    if script.returncode != 0 or apply.returncode != 0:
        raise BackupError(f"restoring with pg_restore and psql failed: {message}")
    return [f"restored {source} into {shown(url)} with pg_restore and psql"]
