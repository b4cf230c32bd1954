"""The stored bodies of a source's live spans (``annotation_json``): which rows they are built
from and how, for the read model (app/read_model/__init__.py) and for a new source's
mentions (app/sources/service.py)."""

from collections.abc import Sequence
from typing import Any

import orjson
from sqlalchemy import bindparam, insert, literal, select
from sqlmodel import col

from app.core.reader import Reader, Row
from app.models import (
    Actor,
    AnnotationJson,
    AnnotationKind,
    Claim,
    Mention,
    ReviewStatus,
    Stance,
    Status,
    selector_json,
)


def span_columns(table: Any, kind: AnnotationKind) -> tuple[Any, ...]:
    """Where a span stands (its key in annotation_json), its text, and the actor it shows."""
    return (
        table.source_id,
        table.start,
        table.end,
        literal(kind.value),
        table.id,
        table.quote,
        table.prefix,
        table.suffix,
        Actor.id,
        Actor.name,
        Actor.kind,
    )


STANCE_SPANS = (
    select(
        *span_columns(Stance, AnnotationKind.stance),
        Stance.claim_id,
        Claim.text,
        Stance.label,
        Stance.attribution,
        Stance.certainty,
    )
    .join(Claim, col(Claim.id) == Stance.claim_id)
    .outerjoin(Actor, col(Actor.id) == Stance.holder_id)
    .where(Stance.status == Status.active, Stance.review_status != ReviewStatus.rejected)
)
MENTION_SPANS = (
    select(*span_columns(Mention, AnnotationKind.mention))
    .join(Actor, col(Actor.id) == Mention.actor_id)
    .where(Mention.status == Status.active, Mention.review_status != ReviewStatus.rejected)
)
SPANS = {
    AnnotationKind.stance: (Stance, STANCE_SPANS),
    AnnotationKind.mention: (Mention, MENTION_SPANS),
}
SPANS_BY_ID = {
    kind: spans.where(col(table.id).in_(bindparam("ids", expanding=True)))
    for kind, (table, spans) in SPANS.items()
}
SPANS_AFTER = {
    kind: spans.where(table.id > bindparam("after")).order_by(table.id).limit(bindparam("limit"))
    for kind, (table, spans) in SPANS.items()
}


def annotation_item(row: Row) -> dict[str, Any]:
    """An AnnotationPublic body from a row of ``STANCE_SPANS`` or ``MENTION_SPANS``."""
    _source_id, start, end, kind, span_id, quote, prefix, suffix, actor_id, name, actor_kind = row[
        :11
    ]
    actor = None if actor_id is None else {"id": actor_id, "name": name, "kind": actor_kind}
    body = {
        "kind": kind,
        "id": span_id,
        "start": start,
        "end": end,
        "quote": quote,
        "selector": selector_json(start, end, quote, prefix, suffix),
        "actor": None,
        "claim": None,
        "label": None,
        "holder": None,
        "attribution": None,
        "certainty": None,
    }
    if kind == AnnotationKind.stance:
        claim_id, claim_text, label, attribution, certainty = row[11:]
        body |= {
            "claim": {"id": claim_id, "text": claim_text},
            "label": label,
            "holder": actor,
            "attribution": attribution,
            "certainty": certainty,
        }
    else:
        body["actor"] = actor
    return body


def span_row(row: Row) -> dict[str, Any]:
    """The annotation_json row of a ``STANCE_SPANS`` or ``MENTION_SPANS`` row."""
    return {
        "source_id": row[0],
        "start": row[1],
        "end": row[2],
        "kind": row[3],
        "id": row[4],
        "body": orjson.dumps(annotation_item(row)),
    }


def mention_body(mention: dict[str, Any], actor_name: str, actor_kind: str) -> dict[str, Any]:
    """The annotation_json row of a new live mention, given as its ``Mention`` columns and
    its actor's name and kind: what a source stores for the mentions its text yields."""
    return span_row(
        (
            mention["source_id"],
            mention["start"],
            mention["end"],
            AnnotationKind.mention.value,
            mention["id"],
            mention["quote"],
            mention["prefix"],
            mention["suffix"],
            mention["actor_id"],
            actor_name,
            actor_kind,
        )
    )


def store_spans(db: Reader, rows: Sequence[Row]) -> None:
    if rows:
        db.connection.execute(insert(AnnotationJson), [span_row(row) for row in rows])
