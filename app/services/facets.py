"""Facet counts over a filtered list, for a client's filter panel.

Each facet counts the items of the whole filtered list (not just the page) per value,
most frequent first. Claims are counted once per value however many stances carry it.
"""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, func
from sqlmodel import Session, col, select

from app.models import Claim, ClaimTopic, FacetValue, Stance, Status

CLAIM_FACETS = ("claim_type", "topic", "source_id", "label", "holder_id")
STANCE_FACETS = ("claim_id", "source_id", "holder_id", "label", "attribution", "certainty")


def facet_pattern(names: Sequence[str]) -> str:
    """A comma-separated list of facet names, as a regular expression."""
    one = "|".join(names)
    return rf"^({one})(,({one}))*$"


def counted(session: Session, statement: Select[Any]) -> list[FacetValue]:
    rows = session.exec(statement).all()
    ordered = sorted(
        ((str(value), count) for value, count in rows if value is not None),
        key=lambda row: (-row[1], row[0]),
    )
    return [FacetValue(value=value, count=count) for value, count in ordered]


def claim_facets(
    session: Session,
    claim_ids: Select[Any],
    names: Sequence[str],
    stance_conditions: Sequence[Any] = (),
) -> dict[str, list[FacetValue]]:
    """Counts of distinct claims among ``claim_ids`` per value of each facet in ``names``.

    Stance facets (source, label, holder) count only stances that also meet
    ``stance_conditions``, as the claim filters on those fields apply to one stance.
    """
    ids = claim_ids.subquery()
    in_list = col(Claim.id).in_(select(ids.c.id))
    facets = {}
    for name in dict.fromkeys(names):
        if name == "claim_type":
            statement = (
                select(Claim.claim_type, func.count()).where(in_list).group_by(Claim.claim_type)
            )
        elif name == "topic":
            statement = (
                select(ClaimTopic.topic, func.count())
                .where(col(ClaimTopic.claim_id).in_(select(ids.c.id)))
                .group_by(ClaimTopic.topic)
            )
        else:
            column = getattr(Stance, name)
            statement = (
                select(column, func.count(func.distinct(Stance.claim_id)))
                .where(
                    col(Stance.claim_id).in_(select(ids.c.id)),
                    Stance.status == Status.active,
                    *stance_conditions,
                )
                .group_by(column)
            )
        facets[name] = counted(session, statement)
    return facets


def stance_facets(
    session: Session, stance_ids: Select[Any], names: Sequence[str]
) -> dict[str, list[FacetValue]]:
    """Counts of stances among ``stance_ids`` per value of each facet in ``names``."""
    ids = stance_ids.subquery()
    facets = {}
    for name in dict.fromkeys(names):
        column = getattr(Stance, name)
        statement = (
            select(column, func.count())
            .where(col(Stance.id).in_(select(ids.c.id)))
            .group_by(column)
        )
        facets[name] = counted(session, statement)
    return facets
