"""Holders as wire copy writes them: an unnamed official of a state, "He added", and a
quotation that goes on in a sentence of its own. Against the real seed database."""

from functools import cache

from app.config import get_settings
from app.ingest import ExistingClaim, ProposedStance, RegistryActor, annotate
from app.ingest.evaluate import seed_database
from app.seeds.parse import read_seeds


@cache
def database() -> tuple[list[RegistryActor], list[ExistingClaim]]:
    return seed_database(read_seeds(get_settings().seeds_dir))


def stances(text: str) -> list[ProposedStance]:
    registry, claims = database()
    return annotate(text=text, registry=registry, claims=claims).stances


def test_a_states_unnamed_official_speaks_for_the_state_and_he_goes_on() -> None:
    first, second = stances(
        "Japan's chief cabinet secretary said Tokyo was watching the new treaty between "
        "Russia and North Korea with grave concern. He said Japan would coordinate closely "
        "with the United States and South Korea."
    )
    assert (first.holder_id, first.attribution) == ("japan", "reported")
    assert (second.holder_id, second.attribution) == ("japan", "reported")


def test_a_quotation_in_a_sentence_of_its_own_keeps_its_speaker() -> None:
    first, second = stances(
        "\u201cNorth Korea has its own army to feed, and a front line with South Korea to "
        "hold,\u201d said Vladimir Putin, speaking of Russia. \u201cAt some point Pyongyang "
        "will have to choose.\u201d"
    )
    assert first.holder_id == "vladimir-putin"
    assert (second.holder_id, second.attribution) == ("vladimir-putin", "quoted")
