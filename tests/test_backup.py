"""`claimsdb backup` while the server runs and writes go on, and `claimsdb restore`: the
restored database is sound and holds every write acknowledged before the backup began."""

import shutil
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from typer.testing import CliRunner, Result

from app.cli import cli
from app.config import get_settings
from app.core.db import current_revision, head_revision, make_engine, upgrade
from tests.conftest import Databases
from tests.support import assert_read_model_fresh
from tests.test_durability import claim, curator_key, make_serve


def run(url: str, *args: str) -> Result:
    """A claimsdb command with DATABASE_URL set to ``url``."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DATABASE_URL", url)
        get_settings.cache_clear()
        try:
            return CliRunner().invoke(cli, list(args))
        finally:
            get_settings.cache_clear()


def needs_pg_tools(databases: Databases) -> None:
    if databases.kind == "postgresql" and not (shutil.which("pg_dump") and shutil.which("psql")):
        pytest.skip("pg_dump, pg_restore and psql are not on the PATH")


def claims(url: str, column: str = "id") -> set[str]:
    """One column of every claim the database at ``url`` holds."""
    engine = make_engine(url)
    with engine.connect() as connection:
        found = set(connection.execute(text(f"SELECT {column} FROM claim")).scalars())
    engine.dispose()
    return found


@pytest.fixture
def writes_going_on(empty_database_url: str) -> Iterator[tuple[list[str], threading.Event]]:
    """A real server (`make serve`'s start) and a curator writing claims to it without a
    pause; yields the ids acknowledged so far (a list that grows) and the stop switch."""
    acknowledged: list[str] = []
    stop = threading.Event()
    with make_serve(empty_database_url) as (base, _server):
        key = curator_key(empty_database_url)

        def write() -> None:
            with httpx.Client(base_url=base, headers=key, timeout=30) as http:
                n = 0
                while not stop.is_set():
                    claim_id = f"during-backup-{n}"
                    if http.post("/v1/claims", json=claim(claim_id)).status_code == 201:
                        acknowledged.append(claim_id)
                    n += 1

        writer = threading.Thread(target=write)
        writer.start()
        try:
            yield acknowledged, stop
        finally:
            stop.set()
            writer.join()


def test_a_backup_under_write_load_restores_every_acknowledged_write(
    databases: Databases,
    empty_database_url: str,
    writes_going_on: tuple[list[str], threading.Event],
    tmp_path: Path,
) -> None:
    needs_pg_tools(databases)
    acknowledged, stop = writes_going_on
    deadline = time.monotonic() + 30
    while len(acknowledged) < 50 and time.monotonic() < deadline:
        time.sleep(0.01)
    before = list(acknowledged)  # acknowledged before the backup began
    copy = tmp_path / "claimsdb.backup"
    made = run(empty_database_url, "backup", str(copy))
    after = len(acknowledged)
    time.sleep(0.2)
    assert len(acknowledged) > after  # the writes went on
    stop.set()
    assert made.exit_code == 0, made.output
    assert f"wrote {copy}" in made.output
    assert len(before) >= 50

    target = (
        f"sqlite:///{tmp_path / 'restored.db'}" if databases.kind == "sqlite" else databases.empty()
    )
    restored = run(target, "restore", str(copy))
    assert restored.exit_code == 0, restored.output
    assert "the database now holds" in restored.output
    if databases.kind == "sqlite":
        for path in (copy, tmp_path / "restored.db"):
            with sqlite3.connect(path) as check:
                assert check.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert set(before) <= claims(target)
    engine = make_engine(target)
    with engine.connect() as connection:  # one commit's state: every claim has its change
        unlogged = connection.execute(
            text(
                "SELECT count(*) FROM claim WHERE NOT EXISTS (SELECT 1 FROM change "
                "WHERE resource = 'claim' AND resource_id = claim.id)"
            )
        ).scalar_one()
    assert unlogged == 0
    assert current_revision(engine) == head_revision()
    assert_read_model_fresh(engine)
    engine.dispose()


def test_restore_refuses_a_database_that_holds_data_unless_forced(
    databases: Databases, database_url: str, tmp_path: Path
) -> None:
    needs_pg_tools(databases)
    copy = tmp_path / "seeded.backup"
    assert run(database_url, "backup", str(copy)).exit_code == 0
    engine = make_engine(database_url)
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM api_key"))  # something to see come back
        connection.execute(text("UPDATE claim SET text = 'changed since the backup'"))
    engine.dispose()
    refused = run(database_url, "restore", str(copy))
    assert refused.exit_code == 1
    assert "149 claims" in refused.output
    assert "--force" in refused.output
    assert "changed since the backup" in claims(database_url, "text")
    forced = run(database_url, "restore", str(copy), "--force")
    assert forced.exit_code == 0, forced.output
    assert "changed since the backup" not in claims(database_url, "text")
    engine = make_engine(database_url)
    assert_read_model_fresh(engine)
    engine.dispose()


def test_a_backup_of_an_old_revision_is_restored_and_migrated(
    databases: Databases, tmp_path: Path
) -> None:
    needs_pg_tools(databases)
    old = databases.empty()
    engine = make_engine(old)
    upgrade(engine, "0006")
    engine.dispose()
    copy = tmp_path / "old.backup"
    assert run(old, "backup", str(copy)).exit_code == 0
    target = databases.empty()
    restored = run(target, "restore", str(copy))
    assert restored.exit_code == 0, restored.output
    assert f"migrated it from revision 0006 to {head_revision()}" in restored.output
    engine = make_engine(target)
    assert current_revision(engine) == head_revision()
    engine.dispose()


def test_backup_does_not_overwrite_a_file(database_url: str, tmp_path: Path) -> None:
    copy = tmp_path / "taken"
    copy.write_text("keep me")
    refused = run(database_url, "backup", str(copy))
    assert refused.exit_code == 1
    assert "exists already" in refused.output
    assert copy.read_text() == "keep me"


def test_restore_refuses_what_is_not_a_claimsdb_backup(
    databases: Databases, database_url: str, tmp_path: Path
) -> None:
    target = databases.empty()
    words = tmp_path / "notes.txt"
    words.write_text("not a database")
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE t (x)")
    newer = tmp_path / "newer.db"
    if databases.kind == "sqlite":
        shutil.copyfile(make_url(database_url).database, newer)  # type: ignore[arg-type]
        with sqlite3.connect(newer) as connection:
            connection.execute("UPDATE alembic_version SET version_num = '9999'")
        connection.close()
    for path, reason in (
        (words, "neither a SQLite database nor a pg_dump archive"),
        (tmp_path / "missing.db", "no backup at"),
        *(
            [(other, "not a claimsdb one"), (newer, "revision 9999, which this claimsdb")]
            if databases.kind == "sqlite"
            else [(other, "DATABASE_URL (postgresql")]
        ),
    ):
        refused = run(target, "restore", str(path))
        assert refused.exit_code == 1, (path, refused.output)
        assert reason in refused.output, refused.output


def test_backup_on_postgresql_says_what_to_do_without_pg_dump(
    databases: Databases, database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if databases.kind != "postgresql":
        pytest.skip("SQLite needs no tool of its own")
    monkeypatch.setenv("PATH", str(tmp_path))  # no pg_dump there
    refused = run(database_url, "backup", str(tmp_path / "claimsdb.dump"))
    assert refused.exit_code == 1
    assert "pg_dump is not on the PATH" in refused.output
    assert "postgresql-client" in refused.output
    assert not (tmp_path / "claimsdb.dump").exists()
