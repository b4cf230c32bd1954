"""Writes of actors: create, change, and merge one into another (its mentions move)."""

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, exists, insert, select, update
from sqlalchemy.orm import aliased
from sqlmodel import Session, col

from app import read_model
from app.audit.service import INSERT_BATCH, fetch, fresh_id, record, snapshot
from app.core.caching import check_version
from app.core.errors import Conflict, Invalid
from app.core.reader import Reader
from app.models import (
    Actor,
    ActorAlias,
    ActorCreate,
    ActorRedirect,
    ActorUpdate,
    Change,
    Claim,
    ClaimActor,
    Mention,
    MentionOrigin,
    Proposed,
    Stance,
    fold,
)
from app.review.service import review_unchanged


def set_aliases(session: Session, actor: Actor, aliases: list[Any]) -> None:
    session.exec(delete(ActorAlias).where(ActorAlias.actor_id == actor.id))
    seen: set[str] = set()
    for alias in aliases:
        if alias.label in seen:
            raise Invalid("aliases", f"alias {alias.label!r} is listed twice")
        seen.add(alias.label)
        session.add(
            ActorAlias(
                actor_id=actor.id,
                label=alias.label,
                label_key=fold(alias.label),
                kind=alias.kind,
                auto_mention=alias.auto_mention,
            )
        )


def wikidata_free(session: Session, actor_id: str, wikidata_id: str | None) -> None:
    """One Wikidata item names one actor: another actor's is a conflict, named."""
    if wikidata_id is None:
        return
    holder = session.exec(
        select(Actor.id).where(Actor.wikidata_id == wikidata_id, Actor.id != actor_id)
    ).first()
    if holder is not None:
        raise Conflict(
            f"body field 'wikidata_id': actor {holder[0]!r} has {wikidata_id!r} already; "
            "one Wikidata item names one actor (merge the two if they are the same)",
            field="wikidata_id",
        )


def create_actor(
    *, session: Session, who: str, data: ActorCreate, proposed: Proposed | None = None
) -> Actor:
    wikidata_free(session, data.id, data.wikidata_id)
    actor = Actor(
        **data.model_dump(exclude={"id", "aliases"}),
        id=fresh_id(session, "actor", data.id),
        name_key=fold(data.name),
    )
    if session.get(ActorRedirect, data.id) is not None:
        raise Conflict(f"{data.id!r} names an actor merged into another; choose a new id")
    if proposed:
        proposed.mark(actor)
    session.add(actor)
    session.flush()
    set_aliases(session, actor, data.aliases)
    record(session, who=who, action="create", resource="actor", row=actor, before=None)
    return actor


def update_actor(
    *, session: Session, who: str, actor_id: str, version: int | None, patch: ActorUpdate
) -> Actor:
    actor = fetch(session, "actor", actor_id)
    check_version(version, actor.version, f"actor {actor_id!r}")
    review_unchanged("actor", actor, patch)
    before = snapshot(session, "actor", actor)
    changes = patch.model_dump(exclude_unset=True, exclude={"aliases", "review_status"})
    for required in ("name", "kind"):
        if required in changes and changes[required] is None:
            raise Invalid(required, "cannot be removed")
    wikidata_free(session, actor_id, changes.get("wikidata_id"))
    for name, value in changes.items():
        setattr(actor, name, value)
    actor.name_key = fold(actor.name)
    if "aliases" in patch.model_fields_set:
        set_aliases(session, actor, patch.aliases or [])
    actor.version += 1
    record(session, who=who, action="update", resource="actor", row=actor, before=before)
    return actor


def merge_actors(
    *, session: Session, who: str, actor_id: str, version: int | None, into: str
) -> Actor:
    """Fold ``actor_id`` into ``into``: its name and aliases become aliases of the target;
    its mentions, stances and claim roles move; its id redirects to the target."""
    if into == actor_id:
        raise Invalid("into", "an actor cannot be merged into itself")
    old = fetch(session, "actor", actor_id)
    check_version(version, old.version, f"actor {actor_id!r}")
    target = session.get(Actor, into)
    if target is None:
        raise Invalid("into", f"no actor with id {into!r}")
    before_old, before_target = snapshot(session, "actor", old), snapshot(session, "actor", target)
    labels = {
        a.label
        for a in session.exec(select(ActorAlias).where(ActorAlias.actor_id == into)).scalars()
    }
    moving = session.exec(select(ActorAlias).where(ActorAlias.actor_id == actor_id)).scalars().all()
    kept = [(a.label, a.kind, a.auto_mention) for a in moving]
    session.exec(delete(ActorAlias).where(ActorAlias.actor_id == actor_id))
    for label, kind, auto in [(old.name, "name", True), *kept]:
        if label not in labels and label != target.name:
            labels.add(label)
            session.add(
                ActorAlias(
                    actor_id=into, label=label, label_key=fold(label), kind=kind, auto_mention=auto
                )
            )
    for stance in session.exec(select(Stance).where(Stance.holder_id == actor_id)).scalars():
        stance_before = snapshot(session, "stance", stance)
        stance.holder_id, stance.version = into, stance.version + 1
        record(
            session, who=who, action="update", resource="stance", row=stance, before=stance_before
        )
    move_mentions(session, who, actor_id, into)
    for role in (
        session.exec(select(ClaimActor).where(ClaimActor.actor_id == actor_id)).scalars().all()
    ):
        has_role = session.get(ClaimActor, (role.claim_id, into))
        claim = session.get(Claim, role.claim_id)
        claim_before = snapshot(session, "claim", claim)
        session.delete(role)
        session.flush()
        if has_role is None:
            session.add(ClaimActor(claim_id=role.claim_id, actor_id=into, role=role.role))
        claim.version += 1
        record(session, who=who, action="update", resource="claim", row=claim, before=claim_before)
    for redirect in session.exec(
        select(ActorRedirect).where(ActorRedirect.actor_id == actor_id)
    ).scalars():
        redirect.actor_id = into
    session.flush()
    session.delete(old)
    session.flush()
    session.add(ActorRedirect(old_id=actor_id, actor_id=into))
    record(session, who=who, action="merge", resource="actor", row=old, before=before_old)
    target.version += 1
    record(session, who=who, action="update", resource="actor", row=target, before=before_target)
    return target


def move_mentions(session: Session, who: str, actor_id: str, into: str) -> None:
    """Make every mention of ``actor_id`` name ``into``, each recorded in the audit log as
    ``record`` would. Those at a span where ``into`` is named already fold into that one
    (``move_mention``); the others, tens of thousands for a name in a long text, move in a
    few statements, not one by one under the write lock."""
    same_span = aliased(Mention)
    folded = select(Mention).where(
        Mention.actor_id == actor_id,
        exists().where(
            same_span.source_id == Mention.source_id,
            same_span.actor_id == into,
            same_span.start == Mention.start,
            same_span.end == Mention.end,
        ),
    )
    for mention in session.exec(folded).scalars().all():
        move_mention(session, who, mention, into)
    session.flush()
    rows = session.exec(select(Mention.__table__).where(Mention.actor_id == actor_id)).all()
    if not rows:
        return
    now = datetime.now(UTC)
    changes = []
    for row in rows:
        before = dict(row._mapping)
        after = {**before, "actor_id": into, "version": before["version"] + 1}
        changes.append(
            {
                "at": now,
                "key_name": who,
                "action": "update",
                "resource": "mention",
                "resource_id": row.id,
                "version": after["version"],
                "before": before,
                "after": after,
            }
        )
    connection = session.connection()
    ids = [change["resource_id"] for change in changes]
    for chunk in read_model.chunks(ids):
        connection.execute(
            update(Mention)
            .where(col(Mention.id).in_(chunk))
            .values(actor_id=into, version=Mention.version + 1)
        )
    for at in range(0, len(changes), INSERT_BATCH):
        connection.execute(insert(Change), changes[at : at + INSERT_BATCH])
    read_model.refresh(Reader.over(connection), mentions=ids)


def move_mention(session: Session, who: str, mention: Mention, into: str) -> None:
    """Make ``mention`` name the actor ``into``; where ``into`` is named at that span
    already, the span keeps that one mention (curated, if either was) and this one goes."""
    kept = (
        session.exec(
            select(Mention).where(
                Mention.source_id == mention.source_id,
                Mention.actor_id == into,
                Mention.start == mention.start,
                Mention.end == mention.end,
            )
        )
        .scalars()
        .first()
    )
    if kept is None:
        before = snapshot(session, "mention", mention)
        mention.actor_id, mention.version = into, mention.version + 1
        record(session, who=who, action="update", resource="mention", row=mention, before=before)
        return
    if mention.origin == MentionOrigin.curated and kept.origin != MentionOrigin.curated:
        before = snapshot(session, "mention", kept)
        kept.origin, kept.version = MentionOrigin.curated, kept.version + 1
        record(session, who=who, action="update", resource="mention", row=kept, before=before)
    before = snapshot(session, "mention", mention)
    session.delete(mention)
    record(session, who=who, action="purge", resource="mention", row=mention, before=before)
