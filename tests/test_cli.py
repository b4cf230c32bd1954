"""The claimsdb command as `make serve` runs it: migrate, seed (twice), and refusals."""

import os
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from typer.testing import CliRunner

from app.cli import cli
from app.config import get_settings
from app.core.db import make_engine, upgrade
from tests.conftest import SEEDS, Databases
from tests.support import assert_read_model_fresh


@pytest.fixture
def runner(empty_database_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[CliRunner]:
    monkeypatch.setenv("DATABASE_URL", empty_database_url)
    monkeypatch.setenv("CLAIMSDB_SEEDS_DIR", str(SEEDS))
    get_settings.cache_clear()
    yield CliRunner()
    get_settings.cache_clear()


def test_seed_before_migrate_says_what_to_do(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["seed"])
    assert result.exit_code == 1
    assert "claimsdb migrate" in result.output


def test_migrate_can_rebuild_the_read_model(runner: CliRunner, empty_database_url: str) -> None:
    assert runner.invoke(cli, ["migrate"]).exit_code == 0
    assert runner.invoke(cli, ["seed"]).exit_code == 0
    engine = make_engine(empty_database_url)
    with engine.begin() as connection:  # a program that writes the tables directly
        connection.execute(text("UPDATE claim SET text = 'Reworded directly.'"))
    with pytest.raises(AssertionError):
        assert_read_model_fresh(engine)
    rebuilt = runner.invoke(cli, ["migrate", "--rebuild-read-model"])
    assert rebuilt.exit_code == 0, rebuilt.output
    assert "read model rebuilt" in rebuilt.output
    assert_read_model_fresh(engine)
    engine.dispose()


def test_migrate_then_seed_twice(runner: CliRunner) -> None:
    migrated = runner.invoke(cli, ["migrate"])
    assert migrated.exit_code == 0, migrated.output
    first = runner.invoke(cli, ["seed"])
    assert first.exit_code == 0, first.output
    assert "seeded" in first.output
    second = runner.invoke(cli, ["seed"])
    assert second.exit_code == 0, second.output
    assert "nothing changed" in second.output


def test_bad_seeds_exit_non_zero_naming_file_and_record(runner: CliRunner, tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    (seeds / "annotations").mkdir(parents=True)
    (seeds / "sources").symlink_to(SEEDS / "sources")
    (seeds / "annotations" / "actors.yaml").write_text(
        "actors:\n  - {id: china, name: China, kind: empire}\n", encoding="utf-8"
    )
    assert runner.invoke(cli, ["migrate"]).exit_code == 0
    result = runner.invoke(cli, ["seed", "--seeds-dir", str(seeds)])
    assert result.exit_code == 1
    assert "actors.yaml: actors[0] (id china): kind:" in result.output


def test_keys_create_list_revoke(runner: CliRunner) -> None:
    assert runner.invoke(cli, ["migrate"]).exit_code == 0
    created = runner.invoke(cli, ["keys", "create", "anna", "--scope", "curate"])
    assert created.exit_code == 0, created.output
    token = created.output.strip()
    assert token.startswith("cdb_")
    listed = runner.invoke(cli, ["keys", "list"])
    assert "anna\tcurate" in listed.output
    assert token.split("_")[-1] not in listed.output
    assert runner.invoke(cli, ["keys", "create", "anna"]).exit_code != 0
    assert runner.invoke(cli, ["keys", "revoke", "anna"]).exit_code == 0
    assert "revoked" in runner.invoke(cli, ["keys", "list"]).output
    assert runner.invoke(cli, ["keys", "revoke", "nobody"]).exit_code == 1


def test_serve_migrates_and_seeds_a_fresh_database(tmp_path: Path) -> None:
    """What `make serve` runs: one process that migrates, seeds and serves."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'fresh.db'}"}
    command = [sys.executable, "-m", "app.cli", "serve", "--migrate", "--seed", "--port", str(port)]
    server = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/v1/sources", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.05)
        else:
            pytest.fail("claimsdb serve --migrate --seed never answered")
        assert len(answer.json()["items"]) == 4
        assert httpx.get(f"http://127.0.0.1:{port}/readyz").json()["status"] == "ready"
    finally:
        server.terminate()
        output = server.communicate(timeout=10)[0].decode()
    assert "database migrated to revision" in output
    assert "seeded" in output


# ---------------------------------------------------------------- a database not ready

COMMANDS = {
    "seed": ["seed"],
    "reseed": ["reseed"],
    "export": ["export", "--annotations", "{tmp}/out/annotations"],
    "keys create": ["keys", "create", "anna"],
    "keys list": ["keys", "list"],
    "keys revoke": ["keys", "revoke", "anna"],
    "backup": ["backup", "{tmp}/copy.db"],
    "serve": ["serve", "--port", "9"],  # it must stop before it listens
}


def not_ready(state: str, databases: Databases, tmp_path: Path) -> str:
    """A database URL in ``state``: missing, empty (no tables) or at an old revision."""
    if state == "missing":
        if databases.kind == "sqlite":
            return f"sqlite:///{tmp_path / 'nowhere' / 'claimsdb.db'}"
        return (
            make_url(databases.empty())
            .set(database="claimsdb_no_such_database")
            .render_as_string(hide_password=False)
        )
    url = databases.empty()
    if databases.kind == "sqlite":
        sqlite3.connect(make_url(url).database).close()  # an empty file, as `touch` leaves
    if state == "old revision":
        engine = make_engine(url)
        upgrade(engine, "0006")
        engine.dispose()
    return url


@pytest.mark.parametrize("state", ["missing", "empty", "old revision"])
@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_says_what_to_do_with_a_database_not_ready(
    command: str,
    state: str,
    databases: Databases,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if (command, state) == ("backup", "old revision"):
        pytest.skip("a database of any revision can be backed up (tests/test_backup.py)")
    url = not_ready(state, databases, tmp_path)
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.chdir(tmp_path)
    get_settings.cache_clear()
    before = sorted(tmp_path.rglob("*"))
    try:
        result = CliRunner().invoke(cli, [a.format(tmp=tmp_path) for a in COMMANDS[command]])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    remedy = (
        "DATABASE_URL"
        if (databases.kind, state) == ("postgresql", "missing")
        else ("run `claimsdb migrate` first")
    )
    assert remedy in result.output
    assert sorted(tmp_path.rglob("*")) == before  # no file, no folder left behind


def test_the_default_database_is_named_when_none_is_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("DATABASE_URL", "CLAIMSDB_DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(cli, ["keys", "create", "anna"])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 1
    assert f"no database at {tmp_path / 'data' / 'claimsdb.db'}" in result.output
    assert "DATABASE_URL is not set, so the default sqlite:///./data/claimsdb.db is used" in (
        result.output
    )
    assert list(tmp_path.iterdir()) == []
