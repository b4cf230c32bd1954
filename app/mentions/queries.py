"""How mentions read: rows presented with their actors and provenance."""

from collections.abc import Sequence

from sqlmodel import Session, col, select

from app.models import Actor, ActorRef, Mention, MentionPublic, Provenance


def present(session: Session, mentions: Sequence[Mention]) -> list[MentionPublic]:
    actors = {
        a.id: ActorRef(id=a.id, name=a.name, kind=a.kind)
        for a in session.exec(
            select(Actor).where(col(Actor.id).in_({m.actor_id for m in mentions}))
        )
    }
    return [
        MentionPublic(
            id=m.id,
            actor=actors[m.actor_id],
            surface=m.quote,
            provenance=Provenance.of(m),
            origin=m.origin,
            version=m.version,
            status=m.status,
            status_reason=m.status_reason,
            review_status=m.review_status,
            extracted_by=m.extracted_by,
            confidence=m.confidence,
        )
        for m in mentions
    ]
