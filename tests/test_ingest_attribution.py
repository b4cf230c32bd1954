"""Holders as wire copy writes them: an unnamed official of a state, "He added", and a
quotation that goes on in a sentence of its own. Against the real seed database."""

from functools import cache

from app.config import get_settings
from app.ingest import ExistingClaim, Proposals, ProposedStance, RegistryActor, annotate
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


def proposals(text: str) -> Proposals:
    registry, claims = database()
    return annotate(text=text, registry=registry, claims=claims)


def holder_name(result: Proposals, stance: ProposedStance) -> str | None:
    if stance.holder_id:
        return stance.holder_id
    names = {actor.key: actor.name for actor in result.actors}
    return names.get(stance.holder_proposed_actor or "")


def test_a_name_in_apposition_speaks_not_the_body_before_it() -> None:
    result = proposals(
        "Russia's ambassador to the United Nations, Vassily Nebenzia, argued that the "
        "sanctions on North Korea had outlived their purpose. Japan's defence minister, "
        "Gen Nakatani, told reporters the cooperation between Moscow and Pyongyang was "
        "\u201ca grave concern\u201d for the region."
    )
    first, second = result.stances
    assert holder_name(result, first) == "Vassily Nebenzia"
    assert holder_name(result, second) == "Gen Nakatani"
    assert second.attribution == "quoted"


def test_honorifics_and_initials_lead_back_to_the_full_name() -> None:
    result = proposals(
        "\u201cMoscow will take every shell Pyongyang can spare,\u201d said Dr Maria Petrova, "
        "a historian at Lund University. South Korea's National Intelligence Service said "
        "North Korea had sent more troops to Russia. The NIS also warned that Russia could "
        "help North Korea build better missiles. \u201cThe deal cannot last,\u201d Dr Petrova "
        "says. Mr Putin described the pact as \u201ca breakthrough document\u201d."
    )
    holders = [holder_name(result, s) for s in result.stances]
    assert holders == [
        "Maria Petrova",
        "National Intelligence Service",
        "National Intelligence Service",
        "Maria Petrova",
        "vladimir-putin",
    ]


def test_the_opening_frame_holds_the_view_not_the_agency_that_relays_it() -> None:
    result = proposals(
        "North Korea has sent thousands of troops to Russia, South Korea's National "
        "Intelligence Service said on Monday. In a briefing to lawmakers, the agency said the "
        "soldiers had learned to use drones, the Yonhap news agency reported. Kim Jong Un last "
        "month praised the soldiers fighting for Russia, according to the state news agency KCNA."
    )
    _, relayed, praised = result.stances
    assert holder_name(result, relayed) == "National Intelligence Service"
    assert praised.holder_id == "kim-jong-un"


def test_unnamed_sources_and_worries_in_a_capital() -> None:
    unnamed, worried = stances(
        "A senior European official, who spoke on condition of anonymity, said Russia's "
        "stockpiles of shells were exhausted by late 2023. The deal has raised fears in Tokyo "
        "that Russia could help North Korea build better missiles."
    )
    assert (unnamed.holder_id, unnamed.attribution) == (None, "anonymous")
    assert (worried.holder_id, worried.attribution) == ("japan", "reported")


def test_an_interviews_answers_are_the_interviewees_words() -> None:
    result = proposals(
        "We put readers' questions to Dr Anna Berg, who studies Russian foreign policy.\n\n"
        "Q: Why is Russia buying from North Korea?\n\n"
        "A: Because Russia needs shells and North Korea needs money. Both are sanctioned and "
        "each has something the other lacks.\n"
    )
    answers = [s for s in result.stances if s.start > result.stances[0].end]
    assert len(answers) == 2
    for answer in answers:
        assert (holder_name(result, answer), answer.attribution) == ("Anna Berg", "quoted")
