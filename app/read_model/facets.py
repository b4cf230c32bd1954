"""Facet counts over a filtered list, for a client's filter panel.

Each facet counts the items of the whole filtered list (not just the page) per value,
most frequent first, up to ``FACET_VALUES`` values. Claims are counted once per value
however many stances carry it. The unfiltered lists' counts are kept by the writes
(``stored_facets``); a filtered list's are counted per request, within its time budget.
"""

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, Select, bindparam, func
from sqlmodel import Session, col, select

from app.core.reader import Reader
from app.models import Claim, ClaimStats, ClaimTopic, FacetCount, Stance, Status
from app.read_model.counts import STANCE_SCOPE

# values listed per facet, the most frequent: a facet of ids can have as many as the list
FACET_VALUES = 100
CLAIM_FACETS = ("claim_type", "topic", "source_id", "label", "holder_id")
STANCE_FACETS = ("claim_id", "source_id", "holder_id", "label", "attribution", "certainty")


def facet_pattern(names: Sequence[str]) -> str:
    """A comma-separated list of facet names, as a regular expression."""
    one = "|".join(names)
    return rf"^({one})(,({one}))*$"


Facets = dict[str, list[dict[str, Any]]]


def counted(rows: Iterable[Sequence[Any]]) -> list[dict[str, Any]]:
    """FacetValue bodies from (value, count) rows, the ``FACET_VALUES`` most frequent."""
    ordered = sorted(
        ((str(value), count) for value, count in rows if value is not None),
        key=lambda row: (-row[1], row[0]),
    )
    return [{"value": value, "count": count} for value, count in ordered[:FACET_VALUES]]


TOTAL = func.sum(FacetCount.count)
STORED = (
    select(FacetCount.value, TOTAL)
    .where(FacetCount.scope == bindparam("scope"), FacetCount.facet == bindparam("facet"))
    .group_by(FacetCount.value)
    .having(TOTAL > 0)
    .order_by(TOTAL.desc(), FacetCount.value)
    .limit(FACET_VALUES)
)
# the stance list's claim_id facet: the claims with most live stances, ties in id order
MOST_STANCES = (
    select(ClaimStats.stance_count)
    .where(ClaimStats.stance_count > 0)
    .order_by(col(ClaimStats.stance_count).desc())
    .offset(FACET_VALUES - 1)
    .limit(1)
)
MORE_STANCES = select(ClaimStats.claim_id, ClaimStats.stance_count).where(
    ClaimStats.stance_count > bindparam("least")
)
AS_MANY_STANCES = (
    select(ClaimStats.claim_id, ClaimStats.stance_count)
    .where(ClaimStats.stance_count == bindparam("least"))
    .order_by(ClaimStats.claim_id)
    .limit(bindparam("limit"))
)


def stored_facets(db: Reader, scope: str, names: str) -> Facets:
    """The facets of a whole unfiltered list, from the counts the writes keep
    (app/read_model/counts.py): a few index ranges instead of counting every row."""
    facets = {}
    for name in dict.fromkeys(names.split(",")):
        if scope == STANCE_SCOPE and name == "claim_id":
            least = db.first(MOST_STANCES)
            rows = db.all(MORE_STANCES, least=least[0]) if least else []
            if least:  # the 100th value's ties, in value order
                rows += db.all(AS_MANY_STANCES, least=least[0], limit=FACET_VALUES - len(rows))
        else:
            rows = db.all(STORED, scope=scope, facet=name)
        facets[name] = counted(rows)
    return facets


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
