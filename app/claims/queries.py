"""How claims read: a page of claim rows presented with their actors and stances."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from sqlalchemy import and_, bindparam, exists, func, not_, union
from sqlmodel import Session, col, select

from app import read_model
from app.core.errors import Invalid
from app.core.pagination import keyset_shape, keyset_values, sort_key, trim
from app.core.reader import Reader
from app.models import (
    Claim,
    ClaimActor,
    ClaimJson,
    ClaimStats,
    ClaimTopic,
    FacetCount,
    Label,
    Stance,
    Status,
)
from app.read_model.counts import CLAIM_SCOPE
from app.read_model.facets import claim_facets, stored_facets
from app.review.filters import counted, seeks_shown, shown
from app.search import engine as search


def present(session: Session, claims: Sequence[Claim]) -> list[dict[str, Any]]:
    return read_model.stored_claims(Reader.of(session), [claim.id for claim in claims])


def live_stance_claims(*conditions: object) -> Any:
    """Ids of the claims with a live stance meeting ``conditions`` (a source's or a holder's,
    whose indexes hold the review status after them)."""
    return select(Stance.claim_id).where(
        Stance.status == Status.active, seeks_shown(Stance.review_status), *conditions
    )


def has_stance(*conditions: object) -> object:
    """A live (not retracted, not rejected) stance on the claim meeting ``conditions``."""
    return exists().where(
        Stance.claim_id == Claim.id,
        Stance.status == Status.active,
        shown(Stance.review_status),
        *conditions,
    )


FILTERS = ("source_id", "holder_id", "label", "actor_id", "claim_type", "topic")
# a claim is contested when it has stances on both of these sides
SIDES = (Label.supports.value, Label.opposes.value)
STANCE_FILTERS = ("source_id", "holder_id", "label")


@dataclass(frozen=True)
class Shape:
    """What a claims list's SQL depends on, beyond the values bound into it."""

    names: tuple[str, ...]  # the filters given; their values are bind parameters
    active_only: bool
    contested: bool | None
    join_chosen: bool  # join the claims of a source or holder (PostgreSQL), or use IN
    counted: bool  # sorted by stance count: the claim's counts (claim_stats) are joined
    review: str | None = None  # the review_status filter
    # contested counts candidate stances too: from the stances, not the kept counts
    include_candidates: bool = False
    few_tagged: bool = False  # the topic asked for has few claims (``tagged_few``)

    @property
    def with_stats(self) -> bool:
        return self.counted or (self.contested is not None and not self.include_candidates)


def stance_conditions(names: Sequence[str]) -> list[Any]:
    """The filters that one stance of the claim must meet together."""
    return [getattr(Stance, name) == bindparam(name) for name in STANCE_FILTERS if name in names]


def sort_columns(field: str, with_stats: bool = False) -> list[Any]:
    """The sort key; with the counts joined, the id is theirs, so that one of their indexes
    gives the order whole (the planner does not know the two ids are equal)."""
    claim_id = col(ClaimStats.claim_id) if with_stats else col(Claim.id)
    return {
        "id": [claim_id],
        "text": [col(Claim.text), claim_id],
        "claim_type": [col(Claim.claim_type), claim_id],
        "stance_count": [col(ClaimStats.stance_count), claim_id],
    }[field]


TAGGED = select(ClaimTopic.claim_id).where(ClaimTopic.topic == bindparam("topic"))
# a topic of at most this many claims is read from the topic index, its claims then sorted;
# a commoner one is met by walking the claims in the list's order, where its claims come
# soon. Topics are free tags, mostly rare: walked, a topic of 3 claims (or of none: a typo)
# meant every claim; read from the index, a common topic's claims were all read and sorted
# for a page of 50 (docs/benchmarks.md, "Reads that walk every claim")
FEW_TAGGED = 1000
# how many accepted, live claims have the topic, as the writes keep count of them
# (app/read_model/counts.py): enough to choose by, and a lookup by key
TAGGED_COUNT = select(func.coalesce(func.sum(FacetCount.count), 0)).where(
    FacetCount.scope == CLAIM_SCOPE,
    FacetCount.facet == "topic",
    FacetCount.value == bindparam("topic"),
)


def tagged_few(db: Reader, topic: str) -> bool:
    """Whether ``topic`` has at most FEW_TAGGED claims."""
    found = db.first(TAGGED_COUNT, topic=topic)
    return found is None or found[0] <= FEW_TAGGED


@cache
def filtered(shape: Shape) -> Any:
    """The ids of the claims meeting the filters of this shape, built once per shape."""
    statement = select(Claim.id)
    on_stance = stance_conditions(shape.names)
    if "source_id" in shape.names or "holder_id" in shape.names:
        # selective: start from the stance index, not from every claim in id order. The
        # plans differ: SQLite walks the few ids of an IN list in order, while PostgreSQL
        # merge-joins an IN against the whole claim key but nests a loop over a join
        chosen = live_stance_claims(*on_stance)
        if shape.join_chosen:
            found = chosen.distinct().subquery()
            statement = statement.join(found, found.c.claim_id == Claim.id)
        else:
            statement = statement.where(col(Claim.id).in_(chosen))
    elif on_stance:
        statement = statement.where(has_stance(*on_stance))
    if "actor_id" in shape.names:
        # from the actor's two indexes, not a test of every claim in id order: a rare
        # actor's claims took 0.2-0.4 s to find at 200,000 claims
        takes_part = select(ClaimActor.claim_id).where(ClaimActor.actor_id == bindparam("actor_id"))
        holds = live_stance_claims(Stance.holder_id == bindparam("actor_id"))
        statement = statement.where(col(Claim.id).in_(union(takes_part, holds)))
    if shape.with_stats:
        # the counts kept by the writes (app/read_model/counts.py), whose indexes give the
        # contested claims, and the claims by stance count, in order
        statement = statement.join(ClaimStats, col(ClaimStats.claim_id) == Claim.id)
        if shape.active_only:
            statement = statement.where(ClaimStats.status == Status.active)
    elif shape.active_only:
        statement = statement.where(Claim.status == Status.active)
    if "claim_type" in shape.names:
        statement = statement.where(Claim.claim_type == bindparam("claim_type"))
    if "topic" in shape.names and shape.few_tagged:
        statement = statement.where(col(Claim.id).in_(TAGGED))
    elif "topic" in shape.names:
        statement = statement.where(
            exists().where(ClaimTopic.claim_id == Claim.id, ClaimTopic.topic == bindparam("topic"))
        )
    statement = statement.where(shown(Claim.review_status, shape.review))
    if shape.contested is not None and shape.include_candidates:
        both = and_(*(has_stance(Stance.label == label) for label in SIDES))
        statement = statement.where(both if shape.contested else not_(both))
    elif shape.contested is not None:
        statement = statement.where(ClaimStats.contested == shape.contested)
    return statement


def page_of(statement: Any, sort: str, descending: bool, after: bool, with_stats: bool) -> Any:
    """A page of the claims of ``statement``: each row the claim's stored body, then its
    sort key."""
    key = sort_columns(sort, with_stats)
    with_bodies = statement.with_only_columns(ClaimJson.body, *key).join(
        ClaimJson, col(ClaimJson.claim_id) == Claim.id
    )
    return keyset_shape(with_bodies, key, after=after, descending=descending)


@cache
def page_statement(shape: Shape, sort: str, descending: bool, after: bool) -> Any:
    """One page of the claims of this shape, built once."""
    return page_of(filtered(shape), sort, descending, after, shape.with_stats)


def claims_page(filters: Any, *, postgres: bool) -> tuple[Callable[[Reader], dict[str, Any]], bool]:
    """How to read one page of the claims list (``filters``: its ClaimFilters), and whether
    that read is heavy (``read``): the list and the claims export (app/exports/) read it the
    same way. Items are the stored ClaimPublic bodies, as bytes."""
    if filters.include_candidates and filters.sort.endswith("stance_count"):
        raise Invalid(
            "include_candidates",
            "cannot be combined with sort=stance_count: that order comes from each claim's "
            "count of accepted stances, kept by every write, and counting candidates too "
            "would count every claim's stances on each request; sort by another field, or "
            "leave include_candidates out",
            location="query",
            kind="unsupported_combination",
        )
    values = {name: getattr(filters, name) for name in FILTERS if getattr(filters, name)}
    asked = Shape(
        names=tuple(values),
        active_only=not filters.include_retracted,
        contested=filters.contested,
        join_chosen=postgres,
        counted=filters.sort.endswith("stance_count"),
        review=filters.review_status,
        include_candidates=filters.include_candidates,
    )
    field, descending = sort_key(filters.sort)
    # the whole list as a client first sees it: its facets are counted by the writes
    unfiltered = (
        not values
        and filters.q is None
        and asked.active_only
        and asked.contested is None
        and asked.review in (None, "accepted")
        and not asked.include_candidates
    )
    values |= keyset_values(filters, sort_columns(field))
    after = filters.cursor is not None

    def work(db: Reader) -> dict[str, Any]:
        facets = {}
        shape = asked
        if "topic" in values:
            shape = replace(asked, few_tagged=tagged_few(db, values["topic"]))
        if filters.q is None and not filters.facets:
            rows = db.all(page_statement(shape, field, descending, after), **values)
        else:  # too many shapes to build once: SQLAlchemy compiles these, from its cache
            statement = filtered(shape)
            if filters.q is not None:
                query = search.parse(q=filters.q)
                matching = search.matching_claim_ids(dialect=db.dialect.name, query=query)
                statement = statement.where(col(Claim.id).in_(matching))
            if filters.facets and unfiltered:
                facets = stored_facets(db, CLAIM_SCOPE, filters.facets)
            elif filters.facets:
                # facets count what counts: accepted records, or candidates too if asked
                ids = statement.with_only_columns(Claim.id).where(
                    counted(Claim.review_status, shape.include_candidates)
                )
                on_stance = [
                    *stance_conditions(shape.names),
                    counted(Stance.review_status, shape.include_candidates),
                ]
                facets = claim_facets(db.connection, ids, filters.facets, on_stance, values)
            page_rows = page_of(statement, field, descending, after, shape.with_stats)
            rows = db.rows(page_rows, **values)
        rows, cursor = trim(rows, filters, lambda row: row[1:])
        return {"items": [row[0] for row in rows], "next_cursor": cursor, "facets": facets}

    # facets count the whole filtered list: short when one source's, holder's or actor's
    # claims are counted, or the unfiltered counts read (kept by the writes)
    narrow = unfiltered or bool({"source_id", "holder_id", "actor_id"} & values.keys())
    heavy = filters.q is not None or (filters.facets is not None and not narrow)
    return work, heavy
