"""Full-text search over claims, source passages and actors: SQLite FTS5 or PostgreSQL.

One interface for both engines: ``parse`` a query (app/search/language.py has the
language), then filter by ``matching_claim_ids`` / ``matching_source_ids`` or rank hits
with ``search``. Migration 0002 creates the indexes and what keeps them in sync with the
tables: FTS5 tables and triggers on SQLite, generated tsvector columns on PostgreSQL.
"""

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, NamedTuple

from sqlalchemy import (
    ColumnElement,
    Select,
    bindparam,
    case,
    column,
    func,
    literal,
    literal_column,
    null,
    select,
    table,
    union_all,
)

from app.core.errors import SearchSyntaxError
from app.core.reader import Reader
from app.models import Actor, Claim, Passage, ReviewStatus, Source, Status
from app.search.language import Query, fts5_expression, parse, tsquery
from app.search.passages import CLOSE, OPEN, snippet

__all__ = [
    "Hit",
    "Kind",
    "Query",
    "SearchSyntaxError",
    "include_name",
    "matching_claim_ids",
    "matching_source_ids",
    "parse",
    "search",
]

FTS_PREFIX = "fts_"
SEARCH_VECTOR = "search_vector"


class Kind(StrEnum):
    actor = "actor"
    claim = "claim"
    passage = "passage"


# ---------------------------------------------------------------- the two engines


# SQLite: the FTS5 tables of migration 0002, and the column highlight() marks in each
FTS = {
    Kind.claim: table("fts_claim", column("id"), column("text")),
    Kind.passage: table("fts_passage", column("id"), column("source_id"), column("text")),
    Kind.actor: table("fts_actor_label", column("actor_id"), column("field"), column("label")),
}
FTS_TEXT_COLUMN = {Kind.claim: 1, Kind.passage: 2, Kind.actor: 2}
HEADLINE_OPTIONS = f"HighlightAll=true, StartSel={OPEN}, StopSel={CLOSE}"


def _fts_match(kind: Kind, query: Query) -> ColumnElement[bool]:
    return literal_column(FTS[kind].name).op("MATCH")(fts5_expression(query))


def _indexed(name: str, *names: str) -> Any:
    """A PostgreSQL table with its tsvector column, aliased so that a subquery never
    correlates with the same table in the statement around it."""
    return table(name, *(column(n) for n in (*names, SEARCH_VECTOR))).alias(f"{name}_found")


def _ts_match(indexed: Any, query: Query) -> ColumnElement[bool]:
    return indexed.c.search_vector.op("@@")(tsquery(query))


def matching_claim_ids(*, dialect: str, query: Query) -> Select[Any]:
    """Ids of the claims whose text matches ``query``: use as ``Claim.id.in_(...)``."""
    if dialect == "sqlite":
        return select(FTS[Kind.claim].c.id).where(_fts_match(Kind.claim, query))
    claim = _indexed("claim", "id")
    return select(claim.c.id).where(_ts_match(claim, query))


def matching_source_ids(*, dialect: str, query: Query) -> Select[Any]:
    """Ids of the sources whose text as a whole matches ``query`` (each group in some
    passage, no excluded term in any): use as ``Source.id.in_(...)``."""

    def having(part: Query) -> Select[Any]:
        if dialect == "sqlite":
            fts = FTS[Kind.passage]
            return select(fts.c.source_id).where(_fts_match(Kind.passage, part))
        passage = _indexed("passage", "source_id")
        return select(passage.c.source_id).where(_ts_match(passage, part))

    source = Source.__table__.alias("searched_source")  # type: ignore[attr-defined]
    return select(source.c.id).where(
        *(source.c.id.in_(having(Query(groups=(group,)))) for group in query.groups),
        *(source.c.id.not_in(having(Query(groups=((term,),)))) for term in query.excluded),
    )


def _actor_labels() -> Any:
    """Every actor's name and aliases with their tsvectors (PostgreSQL)."""
    actor = table("actor", column("id"), column("name"), column(SEARCH_VECTOR))
    alias = table("actor_alias", column("actor_id"), column("label"), column(SEARCH_VECTOR))
    return union_all(
        select(actor.c.id.label("actor_id"), actor.c.name.label("label"), actor.c.search_vector),
        select(alias.c.actor_id, alias.c.label, alias.c.search_vector),
    ).subquery("actor_label")


# ---------------------------------------------------------------- ranked hits


class Found(NamedTuple):
    """A match as the statements of ``_fts_top`` and ``_ts_top`` give it."""

    key: str  # the claim's, passage's or actor's id
    rank: float  # lower is better: bm25 on SQLite, minus ts_rank_cd on PostgreSQL
    status: str | None  # of the claim, the passage's source or the actor
    label: str | None  # the actor's name or alias that matched
    text: str | None
    marked: str | None  # ``text`` with its matches between OPEN and CLOSE
    title: str | None
    source_id: str | None
    start: int | None
    end: int | None


NO_DETAIL = (null().label("title"), null().label("source_id"))
NO_SPAN = (null().label("start"), null().label("end"))
CLAIM = Claim.__table__  # type: ignore[attr-defined]
PASSAGE = Passage.__table__  # type: ignore[attr-defined]
SOURCE = Source.__table__  # type: ignore[attr-defined]
ACTOR = Actor.__table__  # type: ignore[attr-defined]
ACTIVE = Status.active.value
REJECTED = ReviewStatus.rejected.value


def live_status(table: Any) -> Any:
    """A claim's or actor's status as search sees it: a rejected proposal is no more live
    than a retracted record."""
    return case((table.c.review_status == REJECTED, literal(REJECTED)), else_=table.c.status)


def _fts_top(kind: Kind, *, tied: bool = False) -> Select[Any]:
    """SQLite: the ``depth`` best matches of ``kind`` by bm25, retracted or not, for the
    bound FTS5 expression ``match``; ``tied``: the first ``depth`` by key of those whose
    bm25 is ``cut``. Built once: app/core/reader.py runs it compiled.

    Only bm25 is computed for every match: SQLite evaluates the other columns of an
    ``ORDER BY ... LIMIT`` only for a row that enters the top ``depth``, and joins the few
    rows kept to their table to know if they are live. Ordering by the id too, or keeping
    live ids only (``id IN (SELECT ... WHERE status = 'active')``, a set of every live id
    built on each request), cost several times the ranking itself."""
    fts = FTS[kind]
    name = literal_column(fts.name)
    bm25 = func.bm25(name)
    key, label = (fts.c.actor_id, fts.c.label) if kind is Kind.actor else (fts.c.id, null())
    marked = func.highlight(name, FTS_TEXT_COLUMN[kind], OPEN, CLOSE)
    top = select(
        key.label("key"), bm25.label("bm25"), label.label("label"), marked.label("marked")
    ).where(name.op("MATCH")(bindparam("match")))
    in_key_order = (key, label) if kind is Kind.actor else (key,)
    cut = bm25 == bindparam("cut")
    top = top.where(cut).order_by(*in_key_order) if tied else top.order_by(bm25)
    top = top.limit(bindparam("depth")).subquery("top")
    found = (top.c.key, top.c.bm25)
    if kind is Kind.claim:
        details = (live_status(CLAIM), top.c.label, CLAIM.c.text, top.c.marked, *NO_DETAIL)
        return select(*found, *details, *NO_SPAN).outerjoin_from(
            top, CLAIM, CLAIM.c.id == top.c.key
        )
    if kind is Kind.actor:
        details = (live_status(ACTOR), top.c.label, top.c.label, top.c.marked, ACTOR.c.name)
        return select(*found, *details, null(), *NO_SPAN).outerjoin_from(
            top, ACTOR, ACTOR.c.id == top.c.key
        )
    details = (SOURCE.c.status, top.c.label, PASSAGE.c.text, top.c.marked, SOURCE.c.title)
    span = (PASSAGE.c.source_id, PASSAGE.c.start, PASSAGE.c.end)
    return (
        select(*found, *details, *span)
        .select_from(top)
        .outerjoin(PASSAGE, PASSAGE.c.id == top.c.key)
        .outerjoin(SOURCE, SOURCE.c.id == PASSAGE.c.source_id)
    )


FTS_TOP = {kind: _fts_top(kind) for kind in Kind}
FTS_TIED = {kind: _fts_top(kind, tied=True) for kind in Kind}
# rows fetched on the first try, per row wanted: room for a group of ties at the cut (in
# the benchmark corpora, up to 76 claims of one length rank alike) and retracted rows,
# so that the query rarely runs again deeper; each row fetched costs ~20 µs at 200k claims
FIRST_DEPTH_FACTOR = 2
FIRST_DEPTH_MARGIN = 16


def _ts_top(kind: Kind, query: Query, depth: int) -> Select[Any]:
    """PostgreSQL: the ``depth`` best live matches of ``kind``, ranked in SQL by
    ts_rank_cd, with headlines (the costly part) for those rows only. The tsvector is a
    column of the claim, passage or actor itself, so its status is at hand."""
    if kind is Kind.actor:
        labels = _actor_labels()
        rank = -func.ts_rank_cd(labels.c.search_vector, tsquery(query), 1)
        best = func.row_number().over(
            partition_by=labels.c.actor_id, order_by=(rank, labels.c.label.collate("C"))
        )
        matches = (
            select(
                labels.c.actor_id.label("key"),
                rank.label("rank"),
                ACTOR.c.status,
                labels.c.label,
                labels.c.label.label("text"),
                ACTOR.c.name.label("title"),
                best.label("n"),
            )
            .join(ACTOR, ACTOR.c.id == labels.c.actor_id)
            .where(
                _ts_match(labels, query),
                ACTOR.c.status == ACTIVE,
                ACTOR.c.review_status != REJECTED,
            )
            .subquery("matches")
        )
        ranked = select(*(c for c in matches.c if c.name != "n"), null().label("source_id"))
        ranked = ranked.add_columns(*NO_SPAN).where(matches.c.n == 1)
        key, rank = matches.c.key, matches.c.rank
    elif kind is Kind.claim:
        claim = _indexed("claim", "id", "status", "review_status", "text")
        rank = -func.ts_rank_cd(claim.c.search_vector, tsquery(query), 1)
        ranked = select(claim.c.id.label("key"), rank.label("rank"), claim.c.status)
        ranked = ranked.add_columns(null().label("label"), claim.c.text, *NO_DETAIL, *NO_SPAN)
        ranked = ranked.where(
            _ts_match(claim, query), claim.c.status == ACTIVE, claim.c.review_status != REJECTED
        )
        key = claim.c.id
    else:
        passage = _indexed("passage", "id", "source_id", "start", "end", "text")
        rank = -func.ts_rank_cd(passage.c.search_vector, tsquery(query), 1)
        ranked = (
            select(passage.c.id.label("key"), rank.label("rank"), SOURCE.c.status)
            .add_columns(null().label("label"), passage.c.text, SOURCE.c.title)
            .add_columns(passage.c.source_id, passage.c.start, passage.c.end)
            .join(SOURCE, SOURCE.c.id == passage.c.source_id)
            .where(_ts_match(passage, query), SOURCE.c.status == ACTIVE)
        )
        key = passage.c.id
    # byte order, as Python sorts ids, whatever the database's collation
    top = ranked.order_by(rank, key.collate("C")).limit(depth).subquery("top")
    marked = func.ts_headline("english", top.c.text, tsquery(query), HEADLINE_OPTIONS)
    return select(*top.c[:5], marked, *top.c[5:])


def _best(db: Reader, kind: Kind, query: Query, wanted: int) -> list[Found]:
    """The ``wanted`` best live matches of ``kind``, in (rank, key) order."""
    if db.dialect.name != "sqlite":
        return _live_best(map(Found._make, db.rows(_ts_top(kind, query, wanted))), wanted)
    match = fts5_expression(query)
    depth = wanted * FIRST_DEPTH_FACTOR + FIRST_DEPTH_MARGIN
    while True:
        rows = [Found._make(row) for row in db.all(FTS_TOP[kind], match=match, depth=depth)]
        best = _live_best(rows, wanted)
        if len(rows) < depth:
            return best
        # a match not fetched ranks no better than the last one fetched (the cut), but
        # may tie with it and come first by its key: only hits ranked above it are certain
        cut = max(row.rank for row in rows)
        if len(best) == wanted and best[-1].rank < cut:
            return best
        if len(best) == wanted:
            # the page ends among ties at the cut: take them in key order, as far as needed
            above = [row for row in rows if row.rank < cut]
            tied = db.all(FTS_TIED[kind], match=match, cut=cut, depth=depth)
            best = _live_best([*above, *map(Found._make, tied)], wanted)
            if len(best) == wanted or len(tied) < depth:
                return best
        depth *= 4  # too many of them retracted


def _live_best(rows: Iterable[Found], wanted: int) -> list[Found]:
    """Of ``rows``, the live ones, each key once (an actor by its best label), best first."""
    best: dict[str, Found] = {}
    for row in rows:
        if row.status == ACTIVE:
            kept = best.get(row.key)
            if kept is None or (row.rank, row.label or "") < (kept.rank, kept.label or ""):
                best[row.key] = row
    return sorted(best.values(), key=lambda row: (row.rank, row.key))[:wanted]


@dataclass(frozen=True, slots=True)
class Hit:
    """One hit, in the fields and order of the API's SearchHit (orjson writes it as is).
    ``snippet`` is HTML: the text escaped, its matches in ``<mark>``."""

    kind: Kind
    id: str
    score: float
    title: str | None
    text: str
    snippet: str
    source_id: str | None
    start: int | None
    end: int | None


def search(
    *, db: Reader, query: Query, kinds: Collection[Kind], limit: int, offset: int = 0
) -> list[Hit]:
    """The best ``limit`` hits of ``kinds`` after the first ``offset``, best first, ties
    in (kind, id) order. Scores rank hits within one answer; they mean nothing across
    engines."""
    found = [(kind, row) for kind in kinds for row in _best(db, kind, query, offset + limit)]
    found.sort(key=lambda hit: (hit[1].rank, hit[0], hit[1].key))
    return [
        Hit(
            kind=kind,
            id=row.key,
            score=-row.rank,
            title=row.title,
            text=row.text or "",
            snippet=snippet(row.text or "", row.marked),
            source_id=row.source_id,
            start=row.start,
            end=row.end,
        )
        for kind, row in found[offset : offset + limit]
    ]


# ---------------------------------------------------------------- what is indexed


def include_name(name: str | None, type_: str, _parent_names: Any) -> bool:
    """Alembic's ``include_name`` hook: leave out of model comparison the search indexes,
    which no model describes (FTS5 tables, tsvector columns and their indexes)."""
    if name is None:
        return True
    if type_ == "table":
        return not name.startswith(FTS_PREFIX)
    if type_ in ("column", "index"):
        return SEARCH_VECTOR not in name
    return True
