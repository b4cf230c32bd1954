"""Which words name which actor in a text: the one label -> actor map that every way a
source enters (the API, the seed files, the annotation pipeline) derives mentions from,
and that the export assumes when it leaves derived mentions out of the files.

Only live actors are found, and this module is the one place that says which are:
accepted (``stored_actors``: a candidate the annotation pipeline proposed names nothing
until a reviewer accepts it) and active (``is_live``: an actor retracted through the API
or in the seed files, or merged away, names nothing in a new source, and neither do its
aliases). The label map and the pipeline's registry (app/sources/known.py, through
``live_actors``) both read the actors here."""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import Connection, select

from app.models.common import ReviewStatus, Status
from app.models.tables import Actor, ActorAlias


@dataclass(frozen=True)
class Labelled:
    """An actor as the map sees it: its name, whether it is live, its matchable aliases."""

    id: str
    name: str
    status: str
    aliases: tuple[str, ...]  # only those marked to match (``auto_mention``)


class StoredAlias(NamedTuple):
    label: str
    kind: str
    auto_mention: bool


@dataclass(frozen=True)
class StoredActor:
    """An accepted actor as stored, with every alias (the pipeline wants them all)."""

    id: str
    name: str
    kind: str
    status: str
    aliases: tuple[StoredAlias, ...]

    def labelled(self) -> Labelled:
        matchable = tuple(alias.label for alias in self.aliases if alias.auto_mention)
        return Labelled(self.id, self.name, self.status, matchable)


def is_live(actor: Labelled | StoredActor) -> bool:
    """Whether a known actor names anything: it is active (not retracted)."""
    return actor.status == Status.active


def live_labels(actors: Iterable[Labelled]) -> dict[str, str]:
    """Label -> actor id for the name and matchable aliases of every live actor. A name
    wins over another actor's alias; otherwise the first actor to claim a label keeps it
    (the seed files refuse such a clash, the API's unique names prevent most)."""
    live = [actor for actor in actors if is_live(actor)]
    labels = {actor.name: actor.id for actor in live}
    for actor in live:
        for alias in actor.aliases:
            labels.setdefault(alias, actor.id)
    return labels


def accepted_actors(connection: Connection) -> list[StoredActor]:
    """Every accepted actor as stored now, retracted ones too (seeding compares the seed
    files' actors with them), each with all its aliases."""
    aliases: dict[str, list[StoredAlias]] = {}
    for actor_id, label, kind, auto_mention in connection.execute(
        select(
            ActorAlias.actor_id, ActorAlias.label, ActorAlias.kind, ActorAlias.auto_mention
        ).order_by(ActorAlias.actor_id, ActorAlias.label)
    ):
        aliases.setdefault(actor_id, []).append(StoredAlias(label, kind, auto_mention))
    return [
        StoredActor(actor_id, name, kind, status, tuple(aliases.get(actor_id, ())))
        for actor_id, name, kind, status in connection.execute(
            select(Actor.id, Actor.name, Actor.kind, Actor.status)
            .where(Actor.review_status == ReviewStatus.accepted)
            .order_by(Actor.id)
        )
    ]


def stored_actors(connection: Connection) -> list[Labelled]:
    """Every accepted actor as stored now, as the map sees it."""
    return [actor.labelled() for actor in accepted_actors(connection)]


def live_actors(connection: Connection) -> list[StoredActor]:
    """The live actors as stored now, with all their aliases: whom names may link to."""
    return [actor for actor in accepted_actors(connection) if is_live(actor)]


def stored_labels(connection: Connection) -> dict[str, str]:
    """``live_labels`` of the actors as stored now."""
    return live_labels(stored_actors(connection))
