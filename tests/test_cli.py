"""The claimsdb command as `make serve` runs it: migrate, seed (twice), and refusals."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from app.cli import cli
from app.config import get_settings
from tests.conftest import SEEDS


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
