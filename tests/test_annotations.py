"""The quality of the seed annotations, checked rather than promised."""

import re
import shutil
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from app.cli import cli
from app.seeds.assemble import SeedSet
from app.seeds.coverage import assertive_sentences, coverage, split_sentences
from app.seeds.parse import read_seeds
from app.sources.provenance import Span
from tests.conftest import SEEDS

PRONOUNS = {
    "it", "its", "they", "their", "them", "this", "that", "these", "those",
    "he", "his", "him", "she", "her", "we", "our", "i", "you", "there",
}  # fmt: skip


@pytest.fixture(scope="module")
def seed_set() -> SeedSet:
    return read_seeds(SEEDS)


def test_every_article_is_at_least_90_percent_covered(seed_set: SeedSet) -> None:
    report = coverage(seed_set)
    assert len(report) == 4
    for source in report:
        assert len(source.sentences) >= 10, source.source_id
        assert source.share >= 0.9, (source.source_id, [s.text for s in source.uncovered])


def test_no_span_touches_page_furniture(seed_set: SeedSet) -> None:
    for table in ("stance", "mention"):
        for row in seed_set.rows[table]:
            span = Span(row["start"], row["end"])
            assert not any(span.overlaps(f) for f in seed_set.furniture[row["source_id"]]), row


def test_claim_texts_are_self_contained(seed_set: SeedSet) -> None:
    for claim in seed_set.rows["claim"]:
        first = re.split(r"\W+", claim["text"], maxsplit=1)[0].lower()
        assert first not in PRONOUNS, claim["id"]
        assert claim["text"][0].isupper() or claim["text"][0].isdigit(), claim["id"]
        assert claim["text"].endswith("."), claim["id"]


def test_every_actor_is_mentioned_or_holds_a_stance(seed_set: SeedSet) -> None:
    present = {m["actor_id"] for m in seed_set.rows["mention"]}
    present |= {s["holder_id"] for s in seed_set.rows["stance"] if s["holder_id"]}
    missing = {a["id"] for a in seed_set.rows["actor"]} - present
    assert not missing


def test_every_claim_has_a_stance_and_contested_claims_exist(seed_set: SeedSet) -> None:
    labels: dict[str, set[str]] = {}
    sources: dict[str, set[str]] = {}
    for stance in seed_set.rows["stance"]:
        labels.setdefault(stance["claim_id"], set()).add(stance["label"])
        sources.setdefault(stance["claim_id"], set()).add(stance["source_id"])
    assert {c["id"] for c in seed_set.rows["claim"]} == set(labels)
    contested = [c for c, found in labels.items() if {"supports", "opposes"} <= found]
    shared = [c for c, found in sources.items() if len(found) > 1]
    assert len(contested) >= 5
    assert len(shared) >= 20


def test_ambiguous_kim_is_resolved_by_context(seed_set: SeedSet) -> None:
    texts = {s["id"]: s["text"] for s in seed_set.rows["source"]}
    resolved: dict[str, set[str]] = {}
    for mention in seed_set.rows["mention"]:
        if mention["quote"] == "Kim":
            after = texts[mention["source_id"]][mention["end"] : mention["end"] + 12]
            resolved.setdefault(mention["actor_id"], set()).add(after)
    assert set(resolved) == {"kim-jong-un"}  # in these texts a bare "Kim" is always Kim Jong Un
    grandfather = [m for m in seed_set.rows["mention"] if m["quote"] == "Kim Il Sung"]
    assert grandfather
    assert {m["actor_id"] for m in grandfather} == {"kim-il-sung"}


def test_hedged_stances_are_not_certain(seed_set: SeedSet) -> None:
    # these qualify the whole statement they introduce ("may" or "could" can hedge one part)
    hedges = re.compile(r"\b(reportedly|apparently|reports suggest|signs indicate|likely)\b", re.I)
    hedged = [s for s in seed_set.rows["stance"] if hedges.search(s["quote"])]
    assert len(hedged) >= 5
    for stance in hedged:
        assert stance["certainty"] != "certain", stance["quote"]


def test_sentence_splitting() -> None:
    line = "The U.S. has taken notice. Washington has “warned.” Is it so? 3 more follow."
    assert [line[a:b] for a, b in split_sentences(line)] == [
        "The U.S. has taken notice.",
        "Washington has “warned.”",
        "Is it so?",
        "3 more follow.",
    ]
    text = "Title Line\n\nA Heading\n\nOne claim. A question? Filler here.\nAd\n"
    filler = [Span(text.index("Filler"), text.index("Filler") + len("Filler here."))]
    furniture = [Span(text.index("Ad"), text.index("Ad") + 2)]
    found = assertive_sentences(text, furniture=furniture, filler=filler)
    assert [s.text for s in found] == ["One claim."]


def test_coverage_report_names_uncovered_sentences(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    path = seeds / "annotations" / "putin-kim-unity-pyongyang.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    lankov = [s for s in data["stances"] if s.get("holder") == "andrei-lankov"]
    data["stances"] = [s for s in data["stances"] if s.get("holder") != "andrei-lankov"]
    claims_left = {s["claim"] for s in data["stances"]}
    data["claims"] = [
        c
        for c in data["claims"]
        if c["id"] in claims_left or c["id"] not in {s["claim"] for s in lankov}
    ]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")

    result = CliRunner().invoke(
        cli, ["report", "coverage", "--seeds-dir", str(seeds), "--min", "1"]
    )
    assert "putin-kim-unity-pyongyang: " in result.output
    assert "uncovered" in result.output
    assert "Andrei Lankov, director of NK News, doubts" in result.output
    assert result.exit_code == 1

    passing = CliRunner().invoke(cli, ["report", "coverage", "--seeds-dir", str(SEEDS)])
    assert passing.exit_code == 0
    assert passing.output.count("(100.0%)") == 4
