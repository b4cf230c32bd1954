"""Facet counts over a filtered list, for a client's filter panel.

Each facet counts the items of the whole filtered list (not just the page) per value,
most frequent first. Claims are counted once per value however many stances carry it.
"""

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, Select, func
from sqlmodel import Session, col, select

from app.models import Claim, ClaimTopic, Stance, Status

CLAIM_FACETS = ("claim_type", "topic", "source_id", "label", "holder_id")
STANCE_FACETS = ("claim_id", "source_id", "holder_id", "label", "attribution", "certainty")


def facet_pattern(names: Sequence[str]) -> str:
    """A comma-separated list of facet names, as a regular expression."""
    one = "|".join(names)
    return rf"^({one})(,({one}))*$"


Facets = dict[str, list[dict[str, Any]]]


def counted(rows: Iterable[Sequence[Any]]) -> list[dict[str, Any]]:
    """FacetValue bodies from (value, count) rows, most frequent first."""
    ordered = sorted(
        ((str(value), count) for value, count in rows if value is not None),
        key=lambda row: (-row[1], row[0]),
    )
    return [{"value": value, "count": count} for value, count in ordered]


def claim_facets(
    db: Session | Connection,
    claim_ids: Select[Any],
    names: str,
    stance_conditions: Sequence[Any] = (),
    params: dict[str, Any] | None = None,
) -> Facets:
    """Counts of distinct claims among ``claim_ids`` per value of each facet in ``names``.

    ``names`` is the comma-separated ``facets`` parameter. Stance facets (source, label,
    holder) count only stances that also meet ``stance_conditions``, as the claim filters
    on those fields apply to one stance. ``params`` are the values of the statements'
    bind parameters.
    """
    ids = claim_ids.subquery()
    in_list = col(Claim.id).in_(select(ids.c.id))
    facets = {}
    for name in dict.fromkeys(names.split(",")):
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
        facets[name] = counted(db.execute(statement, params or {}).all())
    return facets
