"""Pairwise agreement between sources or holders: which claims both address, and whether
they take the same side.

A party's side on a claim is ``supports`` or ``opposes`` when all its stances there that
take a side agree; a party that both supports and opposes a claim, or only questions or
stays neutral on it, has no side. Two parties agree on a claim when both have the same
side, disagree when they have opposite sides; every claim both address is ``shared``.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import combinations

from app.models import Label

SIDES = {Label.supports.value, Label.opposes.value}


class By(StrEnum):
    source = "source"
    holder = "holder"


@dataclass(frozen=True)
class StanceFact:
    """What agreement needs from a stance: which party, which claim, which label."""

    party: str
    claim_id: str
    label: str


@dataclass
class PairAgreement:
    a: str
    b: str
    shared: list[str] = field(default_factory=list)
    agree: list[str] = field(default_factory=list)
    disagree: list[str] = field(default_factory=list)


def side(labels: set[str]) -> str | None:
    taken = labels & SIDES
    return taken.pop() if len(taken) == 1 else None


def agreement(facts: Iterable[StanceFact]) -> list[PairAgreement]:
    """Every pair of parties that address at least one common claim, ordered by pair."""
    labels: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for fact in facts:
        labels[fact.party][fact.claim_id].add(fact.label)
    pairs = []
    for a, b in combinations(sorted(labels), 2):
        pair = PairAgreement(a, b)
        for claim_id in sorted(labels[a].keys() & labels[b].keys()):
            pair.shared.append(claim_id)
            side_a, side_b = side(labels[a][claim_id]), side(labels[b][claim_id])
            if side_a and side_b:
                (pair.agree if side_a == side_b else pair.disagree).append(claim_id)
        if pair.shared:
            pairs.append(pair)
    return pairs
