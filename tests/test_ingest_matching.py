"""Claim matching that survives paraphrase: stems, the domain's synonyms, governments' seats,
one best claim per clause. Each against the real seed database."""

from functools import cache

from app.ingest import ExistingClaim, RegistryActor, annotate
from app.ingest.evaluate import seed_database
from app.ingest.matching import terms
from app.seeds.parse import read_seeds


@cache
def database() -> tuple[list[RegistryActor], list[ExistingClaim]]:
    from app.config import get_settings

    return seed_database(read_seeds(get_settings().seeds_dir))


def suggested(text: str) -> list[list[str]]:
    registry, claims = database()
    proposals = annotate(text=text, registry=registry, claims=claims)
    return [[s.id for s in stance.suggested_claims] for stance in proposals.stances]


def test_stems_meet_across_derivations() -> None:
    assert terms("transactional") == terms("transaction")
    assert terms("dependence") == terms("dependent")


def test_synonyms_of_the_domain_read_as_one_concept() -> None:
    assert terms("shells") == terms("ammunition") == terms("munitions")
    assert terms("shipped") == terms("supplies")
    assert terms("soldiers") == terms("troops")
    # a word with another common sense in news is not merged: "last year" is no "lasting"
    assert terms("last") != terms("lasting")


def test_a_paraphrase_with_a_government_seat_finds_the_claim() -> None:
    [first] = suggested(
        "Pyongyang has shipped huge quantities of ammunition to the Kremlin since last summer."
    )
    assert "nk-supplies-artillery-to-russia" in first


def test_speech_verbs_do_not_dilute_a_restatement() -> None:
    registry, claims = database()
    proposals = annotate(
        text="North Korea supplies artillery shells to Russia, Pyongyang's envoy said.",
        registry=registry,
        claims=claims,
    )
    [stance] = proposals.stances
    assert stance.suggested_claims[0].id == "nk-supplies-artillery-to-russia"
    assert stance.suggested_claims[0].score >= 0.5
