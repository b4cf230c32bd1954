"""The seed loader: the real seeds load faithfully and idempotently; bad data is refused whole."""

import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy import Engine, func, select, text
from sqlmodel import Session

from app import read_model
from app.core.db import make_engine
from app.models import Claim, Mention, Source, Stance
from app.seeds.parse import SeedError, read_seeds
from app.seeds.sync import seed
from tests.conftest import SEEDS

Mutation = Callable[[dict[str, Any]], None]


def table_contents(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    tables = [
        "source",
        "actor",
        "actor_alias",
        "claim",
        "claim_topic",
        "claim_actor",
        "stance",
        "mention",
    ]
    with engine.connect() as connection:
        return {
            table: sorted(connection.execute(text(f"SELECT * FROM {table}")).all())
            for table in tables
        }


def test_real_seeds_load_and_reload_changes_nothing(engine: Engine) -> None:
    before = table_contents(engine)
    assert all(before[table] for table in ("source", "actor", "claim", "stance", "mention"))
    report = seed(engine, SEEDS)
    assert not report.changed
    assert table_contents(engine) == before


def test_sources_are_the_files_byte_for_byte(engine: Engine) -> None:
    files = {path.name: path.read_bytes() for path in (SEEDS / "sources").glob("*.txt")}
    assert len(files) == 4
    with Session(engine) as session:
        sources = session.exec(select(Source)).scalars().all()
    digests = {hashlib.sha256(raw).hexdigest(): raw for raw in files.values()}
    assert len(sources) == 4
    for source in sources:
        assert source.text_sha256 in digests
        assert source.text.encode("utf-8") == digests[source.text_sha256]


def test_every_span_quotes_its_source(engine: Engine) -> None:
    with Session(engine) as session:
        texts = {s.id: s.text for s in session.exec(select(Source)).scalars()}
        spans = [*session.exec(select(Stance)).scalars(), *session.exec(select(Mention)).scalars()]
        for span in spans:
            source_text = texts[span.source_id]
            assert span.quote == source_text[span.start : span.end]
            assert span.prefix == source_text[max(0, span.start - 32) : span.start]
            assert span.suffix == source_text[span.end : span.end + 32]
        claims_without_stance = session.exec(
            select(func.count())
            .select_from(Claim)
            .where(~select(Stance.id).where(Stance.claim_id == Claim.id).exists())
        ).one()
        assert claims_without_stance == (0,)


def test_ids_survive_a_fresh_install(tmp_path: Path) -> None:
    def ids(url: str) -> dict[str, list[str]]:
        engine = make_engine(url)
        read_model.migrate(engine)
        seed(engine, SEEDS)
        with engine.connect() as connection:
            found = {
                table: sorted(row[0] for row in connection.execute(text(f"SELECT id FROM {table}")))
                for table in ("source", "actor", "claim", "stance", "mention")
            }
        engine.dispose()
        return found

    assert ids(f"sqlite:///{tmp_path / 'a.db'}") == ids(f"sqlite:///{tmp_path / 'b.db'}")


# ---------------------------------------------------------------- refusals


def first_source_file(seeds: Path) -> Path:
    return sorted(p for p in (seeds / "annotations").glob("*.yaml") if p.name != "actors.yaml")[0]


def mutated_seeds(tmp_path: Path, mutate: Mutation, *, actors: bool = False) -> tuple[Path, Path]:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    path = seeds / "annotations" / "actors.yaml" if actors else first_source_file(seeds)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    mutate(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return seeds, path


def set_first_stance(**changes: Any) -> Mutation:
    def mutate(data: dict[str, Any]) -> None:
        data["stances"][0].update(changes)

    return mutate


def duplicate_first_claim(data: dict[str, Any]) -> None:
    data["claims"].append(dict(data["claims"][0]))


def add_claim_without_stance(data: dict[str, Any]) -> None:
    data["claims"].append(
        {"id": "claim-without-stance", "text": "Nobody states this.", "claim_type": "factual"}
    )


def ambiguous_quote(data: dict[str, Any]) -> None:
    # "the" stands many times in every article
    data["stances"][0].update(quote="the", prefix=None, suffix=None, occurrence=None)


def quote_in_furniture(data: dict[str, Any]) -> None:
    furniture = data["furniture"][-1]
    anchor = {"prefix": None, "suffix": None, "occurrence": None, **furniture}
    if anchor["occurrence"] == "all":
        anchor["occurrence"] = 1
    data["stances"][0].update(anchor)


REFUSALS = {
    "quote not found": (set_first_stance(quote="words no article contains"), "not found"),
    "ambiguous quote": (ambiguous_quote, "ambiguous"),
    "unknown claim": (set_first_stance(claim="no-such-claim"), "unknown claim 'no-such-claim'"),
    "unknown holder": (set_first_stance(holder="no-such-actor"), "unknown holder 'no-such-actor'"),
    "label outside vocabulary": (set_first_stance(label="endorses"), "label"),
    "duplicate claim id": (duplicate_first_claim, "duplicate claim id"),
    "claim without stance": (add_claim_without_stance, "claim has no stance"),
    "span in furniture": (quote_in_furniture, "furniture"),
}


@pytest.mark.parametrize("case", REFUSALS)
def test_bad_source_annotations_are_refused(case: str, tmp_path: Path, engine: Engine) -> None:
    mutate, expected = REFUSALS[case]
    seeds, path = mutated_seeds(tmp_path, mutate)
    before = table_contents(engine)
    with pytest.raises(SeedError) as refused:
        seed(engine, seeds)
    message = str(refused.value)
    assert str(path) in message
    assert expected in message
    assert table_contents(engine) == before


def test_unknown_actor_kind_is_refused(tmp_path: Path) -> None:
    def mutate(data: dict[str, Any]) -> None:
        data["actors"][0]["kind"] = "planet"

    seeds, path = mutated_seeds(tmp_path, mutate, actors=True)
    with pytest.raises(SeedError) as refused:
        read_seeds(seeds)
    first = yaml.safe_load(path.read_text(encoding="utf-8"))["actors"][0]["id"]
    assert f"{path}: actors[0] (id {first}): kind:" in str(refused.value)


def test_duplicate_actor_id_is_refused(tmp_path: Path) -> None:
    def mutate(data: dict[str, Any]) -> None:
        data["actors"].append({**data["actors"][0], "aliases": []})

    seeds, _ = mutated_seeds(tmp_path, mutate, actors=True)
    with pytest.raises(SeedError, match="duplicate actor id"):
        read_seeds(seeds)


def test_changed_source_text_is_refused(tmp_path: Path, engine: Engine) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    article = sorted((seeds / "sources").glob("*.txt"))[0]
    article.write_bytes(article.read_bytes() + b"\nA corrected paragraph.\n")
    with pytest.raises(SeedError, match="never changes once stored"):
        seed(engine, seeds)
