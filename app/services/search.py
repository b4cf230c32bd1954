"""Full-text search over claims, source passages and actors: SQLite FTS5 or PostgreSQL.

One interface for both engines: ``parse`` a query (app/services/search_query.py has the
language), then filter by ``matching_claim_ids`` / ``matching_source_ids`` or rank hits
with ``search``. Migration 0002 creates the indexes and what keeps them in sync with the
tables: FTS5 tables and triggers on SQLite, generated tsvector columns on PostgreSQL.
"""

import html
import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, NamedTuple

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    column,
    func,
    literal_column,
    select,
    table,
    union_all,
)
from sqlmodel import Session, col

from app.models import Actor, Claim, Passage, Source, Status
from app.services.provenance import span_id
from app.services.search_query import Query, SearchSyntaxError, fts5_expression, parse, tsquery

__all__ = [
    "Hit",
    "Kind",
    "Query",
    "SearchSyntaxError",
    "include_name",
    "matching_claim_ids",
    "matching_source_ids",
    "parse",
    "passage_rows",
    "search",
]

# PostgreSQL cannot index a document of more than 1 MB, and a hit should be readable
MAX_PASSAGE_LENGTH = 2000
SNIPPET_LENGTH = 240
# private-use characters the engines wrap matches in, before we escape the rest as HTML
OPEN, CLOSE = "\ue000", "\ue001"
FTS_PREFIX = "fts_"
SEARCH_VECTOR = "search_vector"
SENTENCE_END = re.compile(r"""[.!?\u2026]["'\u201d\u2019)\]]*\s+""")


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


def _ranked(dialect: str, kind: Kind, query: Query) -> Select[Any]:
    """(key, label, score) of every match of one kind, best first. The score is bm25 on
    SQLite (negated, so that higher is better), ts_rank_cd on PostgreSQL. Actors match by
    their name or an alias: ``label`` is the best one of each actor."""
    if dialect == "sqlite":
        fts = FTS[kind]
        score = -func.bm25(literal_column(fts.name))
        key, label = (fts.c.actor_id, fts.c.label) if kind is Kind.actor else (fts.c.id, None)
        where = _fts_match(kind, query)
    else:
        if kind is Kind.actor:
            indexed = _actor_labels()
            key, label = indexed.c.actor_id, indexed.c.label
        else:
            indexed = _indexed(kind.value, "id")
            key, label = indexed.c.id, None
        # normalization 1 divides by the log of the length, as bm25 weighs length
        score = func.ts_rank_cd(indexed.c.search_vector, tsquery(query), 1)
        where = _ts_match(indexed, query)
    where = and_(where, key.in_(_live(kind)))  # retracted records are hidden, as in lists
    if label is None:
        found = select(key.label("key"), score.label("score")).where(where).subquery("found")
        return select(found.c.key, found.c.score).order_by(found.c.score.desc(), found.c.key)
    matches = select(key.label("key"), label.label("label"), score.label("score")).where(where)
    found = matches.subquery("found")
    best = func.row_number().over(
        partition_by=found.c.key, order_by=(found.c.score.desc(), found.c.label)
    )
    ranked = select(found, best.label("n")).subquery("ranked")
    return (
        select(ranked.c.key, ranked.c.label, ranked.c.score)
        .where(ranked.c.n == 1)
        .order_by(ranked.c.score.desc(), ranked.c.key)
    )


def _live(kind: Kind) -> Select[Any]:
    """Ids of the records of ``kind`` that are not retracted (passages: of live sources)."""
    if kind is Kind.claim:
        return select(Claim.id).where(Claim.status == Status.active)
    if kind is Kind.actor:
        return select(Actor.id).where(Actor.status == Status.active)
    return (
        select(Passage.id)
        .join(Source, Source.id == Passage.source_id)
        .where(Source.status == Status.active)
    )


def _actor_labels() -> Any:
    """Every actor's name and aliases with their tsvectors (PostgreSQL)."""
    actor = table("actor", column("id"), column("name"), column(SEARCH_VECTOR))
    alias = table("actor_alias", column("actor_id"), column("label"), column(SEARCH_VECTOR))
    return union_all(
        select(actor.c.id.label("actor_id"), actor.c.name.label("label"), actor.c.search_vector),
        select(alias.c.actor_id, alias.c.label, alias.c.search_vector),
    ).subquery("actor_label")


def _highlighted(
    session: Session, dialect: str, kind: Kind, query: Query, keys: list[str]
) -> dict[tuple[str, str], str]:
    """For each hit, (key, plain text) -> the text with matches between OPEN and CLOSE."""
    if dialect == "sqlite":
        fts = FTS[kind]
        key, text = (fts.c.actor_id, fts.c.label) if kind is Kind.actor else (fts.c.id, fts.c.text)
        marked = func.highlight(literal_column(fts.name), FTS_TEXT_COLUMN[kind], OPEN, CLOSE)
        statement = select(key, text, marked).where(_fts_match(kind, query), key.in_(keys))
    else:
        if kind is Kind.actor:
            labels = _actor_labels()
            key, text = labels.c.actor_id, labels.c.label
        else:
            model = Claim if kind is Kind.claim else Passage
            key, text = col(model.id), col(model.text)
        marked = func.ts_headline("english", text, tsquery(query), HEADLINE_OPTIONS)
        statement = select(key, text, marked).where(key.in_(keys))
    return {(key, text): marked for key, text, marked in session.execute(statement)}


# ---------------------------------------------------------------- ranked hits


class Ranked(NamedTuple):
    score: float
    kind: Kind
    key: str  # the claim's, passage's or actor's id
    label: str | None  # the actor's name or alias that matched best


@dataclass(frozen=True)
class Hit:
    """One hit. ``snippet`` is HTML: the text escaped, its matches in ``<mark>``."""

    kind: Kind
    id: str
    score: float
    text: str
    snippet: str
    title: str | None = None
    source_id: str | None = None
    start: int | None = None
    end: int | None = None


def search(
    *, session: Session, query: Query, kinds: Collection[Kind], limit: int, offset: int = 0
) -> list[Hit]:
    """The best ``limit`` hits of ``kinds`` after the first ``offset``, best first, ties
    in (kind, id) order. Scores rank hits within one answer; they mean nothing across
    engines."""
    dialect = session.get_bind().dialect.name
    ranked: list[Ranked] = []
    for kind in kinds:
        rows = session.execute(_ranked(dialect, kind, query).limit(offset + limit))
        ranked += [
            Ranked(float(row.score), kind, row.key, getattr(row, "label", None)) for row in rows
        ]
    ranked.sort(key=lambda hit: (-hit.score, hit.kind, hit.key))
    ranked = ranked[offset : offset + limit]
    hits = []
    for kind in kinds:
        found = {hit.key: hit for hit in ranked if hit.kind is kind}
        if found:
            marked = _highlighted(session, dialect, kind, query, list(found))
            hits += _hits(session, kind, found, marked)
    order = {(hit.kind, hit.key): at for at, hit in enumerate(ranked)}
    return sorted(hits, key=lambda hit: order[hit.kind, hit.id])


def _hits(
    session: Session, kind: Kind, found: dict[str, Ranked], marked: dict[tuple[str, str], str]
) -> list[Hit]:
    """The hits of one kind, with what a reader sees of them."""
    if kind is Kind.claim:
        rows = session.execute(select(Claim.id, Claim.text).where(col(Claim.id).in_(found)))
        return [
            Hit(
                kind=kind,
                id=id_,
                score=found[id_].score,
                text=text,
                snippet=snippet(text, marked.get((id_, text))),
            )
            for id_, text in rows
        ]
    if kind is Kind.actor:
        rows = session.execute(select(Actor.id, Actor.name).where(col(Actor.id).in_(found)))
        return [
            Hit(
                kind=kind,
                id=id_,
                score=found[id_].score,
                title=name,
                text=(label := found[id_].label or name),
                snippet=snippet(label, marked.get((id_, label))),
            )
            for id_, name in rows
        ]
    statement = (
        select(Passage, Source.title)
        .join(Source, col(Source.id) == Passage.source_id)
        .where(col(Passage.id).in_(found))
    )
    return [
        Hit(
            kind=kind,
            id=passage.id,
            score=found[passage.id].score,
            title=title,
            text=passage.text,
            snippet=snippet(passage.text, marked.get((passage.id, passage.text))),
            source_id=passage.source_id,
            start=passage.start,
            end=passage.end,
        )
        for passage, title in session.execute(statement)
    ]


def snippet(text: str, marked: str | None) -> str:
    """HTML for a hit: up to ``SNIPPET_LENGTH`` code points of ``text`` around its first
    match, escaped, with each match in ``<mark>``; ``marked`` is the text as an engine
    highlighted it (None, or a text that differs from ``text``: no marks)."""
    plain, marks = _unmarked(marked or "")
    if plain != text:
        marks = []
    begin, end = _window(text, marks)
    parts = ["…"] if begin > 0 else []
    at = begin
    for start, stop in marks:
        start, stop = max(start, at), min(stop, end)
        if start < stop:
            parts += [html.escape(text[at:start], quote=False), "<mark>"]
            parts += [html.escape(text[start:stop], quote=False), "</mark>"]
            at = stop
    parts.append(html.escape(text[at:end], quote=False))
    if end < len(text):
        parts.append("…")
    return "".join(parts)


def _unmarked(marked: str) -> tuple[str, list[tuple[int, int]]]:
    """The text without OPEN and CLOSE, and the spans they enclosed."""
    plain: list[str] = []
    marks: list[tuple[int, int]] = []
    length, opened = 0, None
    for piece in re.split(f"([{OPEN}{CLOSE}])", marked):
        if piece == OPEN:
            opened = length if opened is None else opened
        elif piece == CLOSE:
            if opened is not None and opened < length:
                marks.append((opened, length))
            opened = None
        else:
            plain.append(piece)
            length += len(piece)
    return "".join(plain), marks


def _window(text: str, marks: list[tuple[int, int]]) -> tuple[int, int]:
    """Where the snippet begins and ends: around the first match, cut at spaces."""
    if len(text) <= SNIPPET_LENGTH:
        return 0, len(text)
    first, first_end = marks[0] if marks else (0, 0)
    begin = max(0, first - SNIPPET_LENGTH // 4)
    end = min(len(text), begin + SNIPPET_LENGTH)
    begin = max(0, end - SNIPPET_LENGTH)
    if begin > 0 and (space := text.find(" ", begin, first)) != -1:
        begin = space + 1
    if end < len(text) and (space := text.rfind(" ", max(begin, first_end), end)) != -1:
        end = space
    return begin, end


# ---------------------------------------------------------------- what is indexed


def passage_rows(*, source_id: str, text: str) -> list[dict[str, Any]]:
    """The passage rows of a source: its paragraphs (one per line, trimmed), with a
    paragraph longer than ``MAX_PASSAGE_LENGTH`` cut after a sentence. Every writer of
    sources stores these, so that search finds the text."""
    return [
        {
            "id": span_id("ps", source_id, start, end),
            "source_id": source_id,
            "start": start,
            "end": end,
            "text": text[start:end],
        }
        for start, end in _paragraphs(text)
    ]


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    for line in re.finditer(r"\S(?:[^\n\r]*\S)?", text):
        start, end = line.span()
        while end - start > MAX_PASSAGE_LENGTH:
            cut = start + MAX_PASSAGE_LENGTH
            breaks = [m.end() for m in SENTENCE_END.finditer(text, start, cut)]
            if not breaks:
                breaks = [m.end() for m in re.finditer(r"\s+", text[start:cut])]
                breaks = [start + at for at in breaks]
            cut = breaks[-1] if breaks else cut
            stop = cut
            while stop > start and text[stop - 1].isspace():
                stop -= 1
            yield start, stop
            start = cut
            while text[start].isspace():
                start += 1
        yield start, end


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
