"""Which words name which actor in a text: the one label -> actor map that every way a
source enters (the API, the seed files, the annotation pipeline) derives mentions from,
and that the export assumes when it leaves derived mentions out of the files.

Only live, accepted actors are found: an actor retracted (through the API or in the seed
files) or merged away names nothing in a new source, and neither do its aliases; nor does an
actor the annotation pipeline proposed until a reviewer accepts it."""

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, select
from sqlmodel import col

from app.models.common import ReviewStatus, Status
from app.models.tables import Actor, ActorAlias


@dataclass(frozen=True)
class Labelled:
    """An actor as the map sees it: its name, whether it is live, its matchable aliases."""

    id: str
    name: str
    status: str
    aliases: tuple[str, ...]  # only those marked to match (``auto_mention``)


def live_labels(actors: Iterable[Labelled]) -> dict[str, str]:
    """Label -> actor id for the name and matchable aliases of every active actor. A name
    wins over another actor's alias; otherwise the first actor to claim a label keeps it
    (the seed files refuse such a clash, the API's unique names prevent most)."""
    live = [actor for actor in actors if actor.status == Status.active]
    labels = {actor.name: actor.id for actor in live}
    for actor in live:
        for alias in actor.aliases:
            labels.setdefault(alias, actor.id)
    return labels


def stored_actors(connection: Connection) -> list[Labelled]:
    """Every accepted actor as stored now, as the map sees it."""
    aliases: dict[str, list[str]] = {}
    for actor_id, label in connection.execute(
        select(ActorAlias.actor_id, ActorAlias.label)
        .where(col(ActorAlias.auto_mention))
        .order_by(ActorAlias.actor_id, ActorAlias.label)
    ):
        aliases.setdefault(actor_id, []).append(label)
    return [
        Labelled(actor_id, name, status, tuple(aliases.get(actor_id, ())))
        for actor_id, name, status in connection.execute(
            select(Actor.id, Actor.name, Actor.status)
            .where(Actor.review_status == ReviewStatus.accepted)
            .order_by(Actor.id)
        )
    ]


def stored_labels(connection: Connection) -> dict[str, str]:
    """``live_labels`` of the actors as stored now."""
    return live_labels(stored_actors(connection))
