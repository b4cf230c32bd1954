"""Writes of sources: a new source with its passages and the mentions its text names
(app/actors/labels.py), metadata changes, and where a span lies in a source's text."""

import hashlib
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, insert, select
from sqlmodel import Session, col

from app.actors.labels import stored_labels
from app.audit.service import INSERT_BATCH, fetch, fresh_id, record, snapshot
from app.core.caching import check_version
from app.core.errors import Invalid
from app.models import (
    Actor,
    AnchorKind,
    AnnotationJson,
    Mention,
    MentionOrigin,
    Passage,
    Source,
    SourceAnchor,
    SourceCreate,
    SourceUpdate,
    SpanInput,
)
from app.read_model import spans
from app.search.passages import passage_rows
from app.seeds.assemble import Problems
from app.seeds.entries import anchor_entries
from app.seeds.parse import anchor_spans
from app.sources.provenance import (
    AnchorError,
    Span,
    context,
    locate,
    match_labels,
    mention_id,
)

# a source's mentions found by name: each is a row and a stored body, written while the
# write lock is held; past this a text is a corpus to split, not a source
MAX_DERIVED_MENTIONS = 50_000


@dataclass(frozen=True)
class SourceParts:
    """What storing a source derives from its text: its passages, the mentions of every
    actor named in it and their read-model bodies. ``prepare_source`` works them out before
    the write begins, so that the write lock is held for the inserts alone; ``labels`` and
    ``shown`` are what they were derived from, which the write checks is still stored."""

    labels: dict[str, str]
    shown: dict[str, tuple[str, str]]  # each actor found: its name and kind, for the bodies
    passages: list[dict[str, Any]]
    mentions: list[dict[str, Any]]
    bodies: list[dict[str, Any]]


def shown_actors(session: Session, actor_ids: set[str]) -> dict[str, tuple[str, str]]:
    """The name and kind of each of these actors, as a mention's body shows them."""
    found = select(Actor.id, Actor.name, Actor.kind).where(col(Actor.id).in_(actor_ids))
    return {actor_id: (name, kind) for actor_id, name, kind in session.exec(found).all()}


def source_parts(session: Session, source_id: str, text: str) -> SourceParts:
    labels = stored_labels(session.connection())
    matched = match_labels(text, labels)
    if len(matched) > MAX_DERIVED_MENTIONS:
        raise Invalid(
            "text",
            f"names known actors {len(matched)} times; a source may have at most "
            f"{MAX_DERIVED_MENTIONS} mentions found by name: split it into parts",
        )
    shown = shown_actors(session, {actor_id for actor_id, _ in matched})
    mentions, bodies = [], []
    for actor_id, span in matched:
        prefix, suffix = context(text, span)
        mention = {
            "id": mention_id(
                source_id=source_id, actor_id=actor_id, start=span.start, end=span.end
            ),
            "source_id": source_id,
            "actor_id": actor_id,
            "origin": MentionOrigin.derived.value,
            "start": span.start,
            "end": span.end,
            "quote": text[span.start : span.end],
            "prefix": prefix,
            "suffix": suffix,
        }
        mentions.append(mention)
        bodies.append(spans.mention_body(mention, *shown[actor_id]))
    passages = passage_rows(source_id=source_id, text=text)
    return SourceParts(labels, shown, passages, mentions, bodies)


def prepare_source(*, engine: Engine, data: SourceCreate) -> SourceParts:
    """``SourceParts`` for a new source, from what is stored now, outside any write."""
    with Session(engine) as session:
        return source_parts(session, data.id, data.text)


def create_source(
    *, session: Session, who: str, data: SourceCreate, parts: SourceParts | None = None
) -> Source:
    """Store a new source with its passages and derived mentions: ``parts`` if it is still
    what the actors stored now give (``prepare_source``), else derived here."""
    source = Source(
        **data.model_dump(exclude={"id"}),
        id=fresh_id(session, "source", data.id),
        text_sha256=hashlib.sha256(data.text.encode("utf-8")).hexdigest(),
    )
    if (  # an actor changed since it was prepared
        parts is None
        or parts.labels != stored_labels(session.connection())
        or parts.shown != shown_actors(session, set(parts.shown))
    ):
        parts = source_parts(session, source.id, source.text)
    session.add(source)
    session.flush()
    connection = session.connection()
    for table, rows in (
        (Passage, parts.passages),
        (Mention, parts.mentions),
        (AnnotationJson, parts.bodies),
    ):
        for at in range(0, len(rows), INSERT_BATCH):
            connection.execute(insert(table), rows[at : at + INSERT_BATCH])
    # its derived mentions are not recorded one by one, and their bodies are stored above
    record(
        session, who=who, action="create", resource="source", row=source, before=None, refresh=False
    )
    return source


def update_source(
    *, session: Session, who: str, source_id: str, version: int | None, patch: SourceUpdate
) -> Source:
    source = fetch(session, "source", source_id)
    check_version(version, source.version, f"source {source_id!r}")
    before = snapshot(session, "source", source)
    changes = patch.model_dump(exclude_unset=True)
    for required in ("title", "genre", "language"):
        if required in changes and changes[required] is None:
            raise Invalid(required, "cannot be removed")
    for name, value in changes.items():
        setattr(source, name, value)
    source.version += 1
    record(session, who=who, action="update", resource="source", row=source, before=before)
    return source


def place_span(session: Session, data: SpanInput) -> tuple[Source, Span]:
    """The span the input names, checked against the source text."""
    source = session.get(Source, data.source_id)
    if source is None:
        raise Invalid("source_id", f"no source with id {data.source_id!r}")
    if data.quote is not None:
        try:
            span = locate(
                source.text,
                data.quote,
                prefix=data.prefix,
                suffix=data.suffix,
                occurrence=data.occurrence,
            )
        except AnchorError as error:
            raise Invalid("quote", str(error)) from None
        return source, outside_furniture(session, source, span, "quote")
    assert data.start is not None
    assert data.end is not None
    if not data.start < data.end <= len(source.text):
        raise Invalid(
            "end", f"span {data.start}-{data.end} is not inside the text (0-{len(source.text)})"
        )
    return source, outside_furniture(session, source, Span(data.start, data.end), "start")


def declared_furniture(session: Session, source: Source) -> list[Span]:
    """Where the page chrome the source's seed file declares lies in its text."""
    rows = session.exec(
        select(SourceAnchor).where(
            SourceAnchor.source_id == source.id, SourceAnchor.kind == AnchorKind.furniture
        )
    ).scalars()
    entries = anchor_entries([row.model_dump() for row in rows])["furniture"]
    return anchor_spans(source.text, entries, "furniture", source.id, Problems(), [])


def outside_furniture(session: Session, source: Source, span: Span, field: str) -> Span:
    """The span, unless it lies in page chrome the seed files declare: that is never
    annotated (seeds/README.md), and the seed files could not say it."""
    chrome = declared_furniture(session, source)
    if any(span.overlaps(piece) for piece in chrome):
        raise Invalid(field, f"span {span.start}-{span.end} lies in page furniture")
    return span
