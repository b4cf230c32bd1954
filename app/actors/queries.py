"""How actors read: rows presented with their aliases."""

from collections import defaultdict
from collections.abc import Sequence

from sqlmodel import Session, col, select

from app.models import (
    Actor,
    ActorAlias,
    ActorPublic,
    AliasPublic,
)


def present(session: Session, actors: Sequence[Actor]) -> list[ActorPublic]:
    """Actors with their aliases, in two queries whatever the page size."""
    aliases: dict[str, list[AliasPublic]] = defaultdict(list)
    statement = (
        select(ActorAlias)
        .where(col(ActorAlias.actor_id).in_([actor.id for actor in actors]))
        .order_by(ActorAlias.actor_id, ActorAlias.label)
    )
    for alias in session.exec(statement):
        aliases[alias.actor_id].append(AliasPublic(label=alias.label, kind=alias.kind))
    return [
        ActorPublic(
            id=actor.id,
            name=actor.name,
            kind=actor.kind,
            description=actor.description,
            wikidata_id=actor.wikidata_id,
            country=actor.country,
            aliases=aliases[actor.id],
            version=actor.version,
            status=actor.status,
            status_reason=actor.status_reason,
            review_status=actor.review_status,
            extracted_by=actor.extracted_by,
            confidence=actor.confidence,
        )
        for actor in actors
    ]
