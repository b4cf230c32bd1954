"""How stances read: their columns, the JSON items of a list or of a claim, positions."""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import bindparam
from sqlmodel import Session, col, select

from app.core.reader import Reader, Row, json_column
from app.models import (
    Actor,
    Label,
    PositionPublic,
    ReviewStatus,
    Source,
    SourceRef,
    Stance,
    Status,
    provenance,
)

STANCE_COLUMNS = (
    Stance.id,
    Stance.claim_id,
    Stance.label,
    Stance.holder_id,
    Actor.name,
    Actor.kind,
    Stance.attribution,
    Stance.certainty,
    Stance.source_id,
    Stance.start,
    Stance.end,
    Stance.quote,
    Stance.prefix,
    Stance.suffix,
    Stance.version,
    Stance.status,
    Stance.status_reason,
    Stance.review_status,
    Stance.extracted_by,
    Stance.confidence,
    Stance.suggested_claims,
)


def stance_rows() -> Any:
    """``STANCE_COLUMNS``: each stance with its holder's name and kind."""
    return select(*STANCE_COLUMNS).outerjoin(Actor, col(Actor.id) == Stance.holder_id)


OF_CLAIM = (
    stance_rows()
    .where(
        Stance.claim_id == bindparam("claim_id"),
        Stance.status == Status.active,
        Stance.review_status != ReviewStatus.rejected,
    )
    .order_by(Stance.source_id, Stance.start)
)


BY_ID = stance_rows().where(col(Stance.id).in_(bindparam("ids", expanding=True)))


def stance_items(db: Reader, rows: Sequence[Row]) -> list[dict[str, Any]]:
    """StancePublic bodies from ``STANCE_COLUMNS`` rows."""
    return [
        {
            "id": stance_id,
            "claim_id": claim_id,
            "label": label,
            "holder": None if holder_id is None else {"id": holder_id, "name": name, "kind": kind},
            "attribution": attribution,
            "certainty": certainty,
            "provenance": provenance(source_id, start, end, quote, prefix, suffix),
            "version": version,
            "status": status,
            "status_reason": status_reason,
            "review_status": review_status,
            "extracted_by": extracted_by,
            "confidence": confidence,
            "suggested_claims": json_column(suggested_claims) or [],
        }
        for (
            stance_id,
            claim_id,
            label,
            holder_id,
            name,
            kind,
            attribution,
            certainty,
            source_id,
            start,
            end,
            quote,
            prefix,
            suffix,
            version,
            status,
            status_reason,
            review_status,
            extracted_by,
            confidence,
            suggested_claims,
        ) in rows
    ]


def present(session: Session, stances: Sequence[Stance]) -> list[dict[str, Any]]:
    """The stances as StancePublic bodies, in the given order."""
    db = Reader.of(session)
    found = {row[0]: row for row in db.all(BY_ID, ids=[stance.id for stance in stances])}
    return stance_items(db, [found[stance.id] for stance in stances])


def present_positions(session: Session, stances: Sequence[Stance]) -> list[PositionPublic]:
    """Stances with the title of the source each stands in, in one more query."""
    titles = dict(
        session.exec(
            select(Source.id, Source.title).where(
                col(Source.id).in_({stance.source_id for stance in stances})
            )
        ).all()
    )
    return [
        PositionPublic(
            **public,
            source=SourceRef(id=stance.source_id, title=titles[stance.source_id]),
        )
        for stance, public in zip(stances, present(session, stances), strict=True)
    ]


def by_label(positions: Sequence[PositionPublic]) -> dict[str, list[PositionPublic]]:
    grouped: dict[str, list[PositionPublic]] = {label.value: [] for label in Label}
    for position in positions:
        grouped[position.label].append(position)
    return grouped
