"""`claimsdb ingest` (files and folders, a report per file, a rerun skips what is stored)
and `claimsdb evaluate`."""

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlmodel import Session
from typer.testing import CliRunner

from app.cli import cli
from app.config import get_settings
from app.ingest.evaluate import TEST_TEXTS
from app.models import Change, Source, Stance
from tests.conftest import SEEDS
from tests.test_ingest_api import ARTICLE


@pytest.fixture
def runner(database_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[CliRunner]:
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("CLAIMSDB_SEEDS_DIR", str(SEEDS))
    get_settings.cache_clear()
    yield CliRunner()
    get_settings.cache_clear()


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    """A folder as an analyst keeps one: text, Markdown, a saved page, and two bad files."""
    folder = tmp_path / "articles"
    (folder / "march").mkdir(parents=True)
    (folder / "march" / "shells-by-train.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "kursk.md").write_text(
        "# North Korean troops in Kursk\n\n"
        + (TEST_TEXTS / "on_topic" / "kursk-troops-report.txt").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    shutil.copy(TEST_TEXTS / "html" / "news-page.html", folder / "herald.html")
    (folder / "scan.txt").write_bytes(b"%PDF-1.7\x00\x01\x02 binary")
    (folder / "empty.md").write_text("  \n", encoding="utf-8")
    (folder / "notes.csv").write_text("not, an, article", encoding="utf-8")  # not taken
    return folder


def sources(engine: Engine) -> dict[str, Source]:
    with Session(engine) as session:
        return {s.id: s for s in session.exec(select(Source)).scalars()}


def test_ingest_a_folder_reports_each_file_and_skips_on_rerun(
    runner: CliRunner, articles: Path, engine: Engine
) -> None:
    before = set(sources(engine))
    first = runner.invoke(cli, ["ingest", str(articles), "--genre", "news"])
    assert first.exit_code == 1, first.output  # two files failed
    out = first.output
    train = "north-korean-shells-keep-russia-s-guns-firing"  # from its first line
    assert f"stored  {articles / 'march' / 'shells-by-train.txt'} as {train}" in out
    assert f"stored  {articles / 'kursk.md'} as north-korean-troops-in-kursk" in out
    assert f"stored  {articles / 'herald.html'} as pyongyang-sends-more-shells-to-moscow" in out
    assert f"failed {articles / 'scan.txt'}: binary data, not text" in out
    assert f"failed {articles / 'empty.md'}: text: is empty" in out
    assert "notes.csv" not in out
    assert "3 stored, 0 skipped, 2 failed" in out
    assert "ingesting" in out
    assert "5/5" in out  # the progress bar, as it ends

    stored = sources(engine)
    assert set(stored) - before == {
        train,
        "north-korean-troops-in-kursk",
        "pyongyang-sends-more-shells-to-moscow",
    }
    assert stored[train].text == ARTICLE
    assert stored[train].title == "North Korean shells keep Russia's guns firing 👇"
    assert stored["pyongyang-sends-more-shells-to-moscow"].publisher == "The Example Herald"
    with Session(engine) as session:
        proposed = session.exec(select(Stance).where(Stance.source_id == train)).scalars().all()
        assert proposed
        assert all(s.review_status == "candidate" for s in proposed)
        writers = session.exec(select(Change.key_name).where(Change.resource_id == train)).scalars()
        assert set(writers) == {"ingest"}

    again = runner.invoke(cli, ["ingest", str(articles), "--genre", "news"])
    assert again.exit_code == 1
    assert "0 stored, 3 skipped, 2 failed" in again.output
    assert (
        f"skipped {articles / 'herald.html'}: the same text is stored already as "
        "pyongyang-sends-more-shells-to-moscow"
    ) in again.output
    assert set(sources(engine)) == set(stored)


def test_ingest_files_with_options_and_without_annotate(
    runner: CliRunner, articles: Path, engine: Engine
) -> None:
    article = articles / "march" / "shells-by-train.txt"
    result = runner.invoke(
        cli,
        ["ingest", str(article), "--genre", "analysis", "--publisher", "Example Wire",
         "--author", "A. Writer", "--no-annotate"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "1 stored, 0 skipped, 0 failed" in result.output
    source = sources(engine)["north-korean-shells-keep-russia-s-guns-firing"]
    assert (source.genre, source.publisher, source.author) == (
        "analysis",
        "Example Wire",
        "A. Writer",
    )
    with Session(engine) as session:
        assert not session.exec(select(Stance).where(Stance.source_id == source.id)).first()


def test_ingest_of_nothing_fails(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["ingest", str(tmp_path)])
    assert result.exit_code == 1
    assert "no article files found" in result.output


def test_evaluate_prints_the_leave_one_out_figures() -> None:
    result = CliRunner().invoke(cli, ["evaluate"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "## Leave-one-out on the seed articles" in out
    for seed in ("kim-alliance-counter-china", "putin-kim-unity-pyongyang"):
        assert seed in out
    assert "| spans exact |" in out
    assert "| match@3 |" in out
    assert "## Off-topic texts" in out
