"""Curation: every write the API makes, each a function run inside ``run_write``.

Every write checks the version the caller saw (If-Match), changes the record, increments
its version and appends a ``Change`` with the record before and after, in the same
transaction: the audit log can never miss an acknowledged write. The same call stores
again the read model's bodies that show the record (app/services/read_model.py).
Nothing is deleted but by ``purge``, an admin's act; ``retract`` and ``restore`` only flip
the status.
"""

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, delete, exists, insert, select, update
from sqlalchemy.orm import aliased
from sqlmodel import Session, SQLModel, col

from app.core.caching import check_version
from app.core.errors import Conflict, Invalid, NotFound
from app.core.reader import Reader
from app.models import (
    Actor,
    ActorAlias,
    ActorCreate,
    ActorRedirect,
    ActorUpdate,
    AnchorKind,
    AnnotationJson,
    Change,
    Claim,
    ClaimActor,
    ClaimCreate,
    ClaimTopic,
    ClaimUpdate,
    Mention,
    MentionInput,
    MentionOrigin,
    MentionUpdate,
    Passage,
    Source,
    SourceAnchor,
    SourceCreate,
    SourceUpdate,
    SpanInput,
    Stance,
    StanceInput,
    StanceUpdate,
    Status,
    fold,
)
from app.services import counts, read_model, search
from app.services.export import anchor_entries
from app.services.provenance import (
    AnchorError,
    Span,
    context,
    locate,
    match_labels,
    mention_id,
    stance_id,
)
from app.services.seeding import Problems, anchor_spans

# a source's mentions found by name: each is a row and a stored body, written while the
# write lock is held; past this a text is a corpus to split, not a source
MAX_DERIVED_MENTIONS = 50_000
# rows per INSERT: PostgreSQL takes at most 65,535 parameters in one statement
INSERT_BATCH = 5000

MODELS: dict[str, type[SQLModel]] = {
    "source": Source,
    "actor": Actor,
    "claim": Claim,
    "stance": Stance,
    "mention": Mention,
}


# ---------------------------------------------------------------- audit


def snapshot(session: Session, resource: str, row: Any) -> dict[str, Any]:
    """The record as the audit log keeps it: its columns, and its parts where it has some."""
    data = row.model_dump(mode="json")
    if resource == "source":
        data.pop("text")  # immutable and long: the text_sha256 identifies it
    if resource == "actor":
        data["aliases"] = [
            {"label": a.label, "kind": a.kind, "auto_mention": a.auto_mention}
            for a in session.exec(
                select(ActorAlias).where(ActorAlias.actor_id == row.id).order_by(ActorAlias.label)
            ).scalars()
        ]
    if resource == "claim":
        data["topics"] = list(
            session.exec(
                select(ClaimTopic.topic)
                .where(ClaimTopic.claim_id == row.id)
                .order_by(ClaimTopic.topic)
            ).scalars()
        )
        data["actors"] = [
            {"actor": actor_id, "role": role}
            for actor_id, role in session.exec(
                select(ClaimActor.actor_id, ClaimActor.role)
                .where(ClaimActor.claim_id == row.id)
                .order_by(ClaimActor.actor_id)
            ).all()
        ]
    return data


def record(
    session: Session,
    *,
    who: str,
    action: str,
    resource: str,
    row: Any,
    before: dict[str, Any] | None,
    refresh: bool = True,
) -> None:
    """Append the write to the change log and, unless the caller stores the read model's
    bodies itself once for many records (seeding does), store those that show the record."""
    session.flush()
    after = snapshot(session, resource, row) if action != "purge" else None
    session.add(
        Change(
            at=datetime.now(UTC),
            key_name=who,
            action=action,
            resource=resource,
            resource_id=row.id,
            version=None if after is None else row.version,
            before=before,
            after=after,
        )
    )
    if refresh:
        read_model.refresh_record(session, resource, row.id, before)


def fetch(session: Session, resource: str, record_id: str) -> Any:
    row = session.get(MODELS[resource], record_id)
    if row is None:
        raise NotFound(f"no {resource} with id {record_id!r}")
    return row


def must_exist(session: Session, model: type[SQLModel], record_id: str, field: str) -> None:
    if session.get(model, record_id) is None:
        raise Invalid(field, f"no {model.__tablename__} with id {record_id!r}")


def fresh_id(session: Session, resource: str, record_id: str) -> str:
    if session.get(MODELS[resource], record_id) is not None:
        raise Conflict(f"a {resource} with id {record_id!r} exists already")
    return record_id


# ---------------------------------------------------------------- status


def retract(
    *, session: Session, who: str, resource: str, record_id: str, version: int | None, reason: str
) -> Any:
    row = fetch(session, resource, record_id)
    check_version(version, row.version, f"{resource} {record_id!r}")
    before = snapshot(session, resource, row)
    row.status, row.status_reason, row.version = Status.retracted, reason, row.version + 1
    record(session, who=who, action="retract", resource=resource, row=row, before=before)
    return row


def restore(
    *, session: Session, who: str, resource: str, record_id: str, version: int | None
) -> Any:
    row = fetch(session, resource, record_id)
    check_version(version, row.version, f"{resource} {record_id!r}")
    if row.status != Status.retracted:
        raise Conflict(f"{resource} {record_id!r} is not retracted")
    before = snapshot(session, resource, row)
    row.status, row.status_reason, row.version = Status.active, None, row.version + 1
    record(session, who=who, action="restore", resource=resource, row=row, before=before)
    return row


def purge(
    *, session: Session, who: str, resource: str, record_id: str, version: int | None
) -> None:
    """Delete a record for good, with what cannot stand without it (a claim's stances, a
    source's stances and mentions); an actor still referred to must be merged instead."""
    row = fetch(session, resource, record_id)
    check_version(version, row.version, f"{resource} {record_id!r}")
    if resource == "actor":
        used = (
            session.exec(select(Stance.id).where(Stance.holder_id == record_id).limit(1)).first()
            or session.exec(
                select(Mention.id).where(Mention.actor_id == record_id).limit(1)
            ).first()
            or session.exec(
                select(ClaimActor.claim_id).where(ClaimActor.actor_id == record_id).limit(1)
            ).first()
        )
        if used:
            raise Conflict(f"actor {record_id!r} is still referred to; merge it into another")
    # the stances purged with it move their claims' kept counts (app/services/counts.py),
    # which purge_all, writing in bulk, does not
    touched = {record_id} if resource == "claim" else set()
    if resource == "source":
        touched |= set(
            session.exec(select(Stance.claim_id).where(Stance.source_id == record_id)).scalars()
        )
    counted_before = counts.claim_states(Reader.of(session), touched)
    for kind, column in DEPENDENTS.get(resource, ()):
        purge_all(session, who, kind, column == record_id)
    read_model.refresh_claim_counts(Reader.of(session), counted_before)
    before = snapshot(session, resource, row)
    if resource == "source":
        session.exec(delete(Passage).where(Passage.source_id == record_id))
    session.delete(row)
    record(session, who=who, action="purge", resource=resource, row=row, before=before)


# what cannot stand without a record: purged with it
DEPENDENTS = {
    "claim": [("stance", Stance.claim_id)],
    "source": [("stance", Stance.source_id), ("mention", Mention.source_id)],
}


def purge_all(session: Session, who: str, resource: str, where: Any) -> None:
    """Delete every ``resource`` that ``where`` selects, each recorded in the audit log as
    ``record`` would: in a few statements, as a long source has tens of thousands of
    mentions, and one by one they held the write lock for seconds."""
    model: Any = MODELS[resource]
    # rows, not ORM objects: a stance's or a mention's snapshot is its columns, and tens of
    # thousands of objects took seconds to build
    rows = session.exec(select(model.__table__).where(where)).all()
    if not rows:
        return
    now = datetime.now(UTC)
    changes = [
        {
            "at": now,
            "key_name": who,
            "action": "purge",
            "resource": resource,
            "resource_id": row.id,
            "version": None,
            "before": dict(row._mapping),
            "after": None,
        }
        for row in rows
    ]
    session.exec(delete(model).where(where))
    connection = session.connection()
    for ids in read_model.chunks([change["resource_id"] for change in changes]):
        connection.execute(
            delete(AnnotationJson).where(
                AnnotationJson.kind == resource, col(AnnotationJson.id).in_(ids)
            )
        )
    for at in range(0, len(changes), INSERT_BATCH):
        connection.execute(insert(Change), changes[at : at + INSERT_BATCH])


# ---------------------------------------------------------------- sources


@dataclass(frozen=True)
class SourceParts:
    """What storing a source derives from its text: its passages, the mentions of every
    actor named in it and their read-model bodies. ``prepare_source`` works them out before
    the write begins, so that the write lock is held for the inserts alone; ``labels`` is
    what they were derived from, which the write checks is still what is stored."""

    labels: dict[str, tuple[str, str, str]]
    passages: list[dict[str, Any]]
    mentions: list[dict[str, Any]]
    bodies: list[dict[str, Any]]


def actor_labels(session: Session) -> dict[str, tuple[str, str, str]]:
    """Each name or matchable alias of a live actor: (actor id, its name, its kind)."""
    actors = {
        actor_id: (actor_id, name, kind)
        for actor_id, name, kind in session.exec(
            select(Actor.id, Actor.name, Actor.kind).where(Actor.status == Status.active)
        ).all()
    }
    labels = {shown[1]: shown for shown in actors.values()}
    for label, actor_id in session.exec(
        select(ActorAlias.label, ActorAlias.actor_id).where(col(ActorAlias.auto_mention))
    ).all():
        if actor_id in actors:
            labels.setdefault(label, actors[actor_id])
    return labels


def source_parts(source_id: str, text: str, labels: dict[str, tuple[str, str, str]]) -> SourceParts:
    matched = match_labels(text, {label: shown[0] for label, shown in labels.items()})
    if len(matched) > MAX_DERIVED_MENTIONS:
        raise Invalid(
            "text",
            f"names known actors {len(matched)} times; a source may have at most "
            f"{MAX_DERIVED_MENTIONS} mentions found by name: split it into parts",
        )
    shown = {actor_id: (name, kind) for actor_id, name, kind in labels.values()}
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
        bodies.append(read_model.mention_body(mention, *shown[actor_id]))
    return SourceParts(
        labels, search.passage_rows(source_id=source_id, text=text), mentions, bodies
    )


def prepare_source(*, engine: Engine, data: SourceCreate) -> SourceParts:
    """``SourceParts`` for a new source, from what is stored now, outside any write."""
    with Session(engine) as session:
        labels = actor_labels(session)
    return source_parts(data.id, data.text, labels)


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
    labels = actor_labels(session)
    if parts is None or parts.labels != labels:  # an actor changed since it was prepared
        parts = source_parts(source.id, source.text, labels)
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


def mention_row(source: Source, actor_id: str, span: Span, origin: MentionOrigin) -> Mention:
    prefix, suffix = context(source.text, span)
    return Mention(
        id=mention_id(source_id=source.id, actor_id=actor_id, start=span.start, end=span.end),
        source_id=source.id,
        actor_id=actor_id,
        origin=origin,
        start=span.start,
        end=span.end,
        quote=source.text[span.start : span.end],
        prefix=prefix,
        suffix=suffix,
    )


# ---------------------------------------------------------------- actors


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


def create_actor(*, session: Session, who: str, data: ActorCreate) -> Actor:
    wikidata_free(session, data.id, data.wikidata_id)
    actor = Actor(
        **data.model_dump(exclude={"id", "aliases"}),
        id=fresh_id(session, "actor", data.id),
        name_key=fold(data.name),
    )
    if session.get(ActorRedirect, data.id) is not None:
        raise Conflict(f"{data.id!r} names an actor merged into another; choose a new id")
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
    before = snapshot(session, "actor", actor)
    changes = patch.model_dump(exclude_unset=True, exclude={"aliases"})
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


# ---------------------------------------------------------------- claims


def set_claim_parts(
    session: Session, claim: Claim, topics: list[str] | None, actors: list[Any] | None
) -> None:
    if topics is not None:
        session.exec(delete(ClaimTopic).where(ClaimTopic.claim_id == claim.id))
        for topic in dict.fromkeys(topics):
            session.add(ClaimTopic(claim_id=claim.id, topic=topic))
    if actors is not None:
        session.exec(delete(ClaimActor).where(ClaimActor.claim_id == claim.id))
        roles: dict[str, str] = {}
        for member in actors:
            must_exist(session, Actor, member.actor, "actors")
            if roles.setdefault(member.actor, member.role) != member.role:
                raise Invalid("actors", f"actor {member.actor!r} is listed with two roles")
        for actor_id, role in roles.items():
            session.add(ClaimActor(claim_id=claim.id, actor_id=actor_id, role=role))


def create_claim(*, session: Session, who: str, data: ClaimCreate) -> Claim:
    claim = Claim(
        **data.model_dump(exclude={"id", "topics", "actors"}),
        id=fresh_id(session, "claim", data.id),
    )
    session.add(claim)
    session.flush()
    set_claim_parts(session, claim, data.topics, data.actors)
    record(session, who=who, action="create", resource="claim", row=claim, before=None)
    return claim


def update_claim(
    *, session: Session, who: str, claim_id: str, version: int | None, patch: ClaimUpdate
) -> Claim:
    claim = fetch(session, "claim", claim_id)
    check_version(version, claim.version, f"claim {claim_id!r}")
    before = snapshot(session, "claim", claim)
    changes = patch.model_dump(exclude_unset=True, exclude={"topics", "actors"})
    for name, value in changes.items():
        if value is None:
            raise Invalid(name, "cannot be removed")
        setattr(claim, name, value)
    set_claim_parts(
        session,
        claim,
        (patch.topics or []) if "topics" in patch.model_fields_set else None,
        (patch.actors or []) if "actors" in patch.model_fields_set else None,
    )
    claim.version += 1
    record(session, who=who, action="update", resource="claim", row=claim, before=before)
    return claim


# ---------------------------------------------------------------- stances and mentions


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


def outside_furniture(session: Session, source: Source, span: Span, field: str) -> Span:
    """The span, unless it lies in page chrome the seed files declare: that is never
    annotated (seeds/README.md), and the seed files could not say it."""
    rows = session.exec(
        select(SourceAnchor).where(
            SourceAnchor.source_id == source.id, SourceAnchor.kind == AnchorKind.furniture
        )
    ).scalars()
    entries = anchor_entries([row.model_dump() for row in rows])["furniture"]
    chrome = anchor_spans(source.text, entries, "furniture", source.id, Problems(), [])
    if any(span.overlaps(piece) for piece in chrome):
        raise Invalid(field, f"span {span.start}-{span.end} lies in page furniture")
    return span


def create_stance(*, session: Session, who: str, data: StanceInput) -> Stance:
    must_exist(session, Claim, data.claim, "claim")
    if data.holder is not None:
        must_exist(session, Actor, data.holder, "holder")
    source, span = place_span(session, data)
    prefix, suffix = context(source.text, span)
    derived = data.id or stance_id(
        source_id=source.id,
        claim_id=data.claim,
        holder_id=data.holder,
        start=span.start,
        end=span.end,
    )
    stance = Stance(
        id=fresh_id(session, "stance", derived),
        claim_id=data.claim,
        source_id=source.id,
        holder_id=data.holder,
        label=data.label,
        attribution=data.attribution,
        certainty=data.certainty,
        review_status=data.review_status,
        start=span.start,
        end=span.end,
        quote=source.text[span.start : span.end],
        prefix=prefix,
        suffix=suffix,
    )
    session.add(stance)
    record(session, who=who, action="create", resource="stance", row=stance, before=None)
    return stance


def update_stance(
    *, session: Session, who: str, stance_id: str, version: int | None, patch: StanceUpdate
) -> Stance:
    stance = fetch(session, "stance", stance_id)
    check_version(version, stance.version, f"stance {stance_id!r}")
    before = snapshot(session, "stance", stance)
    changes = patch.model_dump(exclude_unset=True)
    if changes.get("claim"):
        must_exist(session, Claim, changes["claim"], "claim")
        stance.claim_id = changes.pop("claim")
    if "holder" in changes:
        holder = changes.pop("holder")
        if holder is not None:
            must_exist(session, Actor, holder, "holder")
        stance.holder_id = holder
    for name, value in changes.items():
        if value is None:
            raise Invalid(name, "cannot be removed")
        setattr(stance, name, value)
    stance.version += 1
    record(session, who=who, action="update", resource="stance", row=stance, before=before)
    return stance


def create_mention(*, session: Session, who: str, data: MentionInput) -> Mention:
    must_exist(session, Actor, data.actor, "actor")
    source, span = place_span(session, data)
    mention = mention_row(source, data.actor, span, MentionOrigin.curated)
    fresh_id(session, "mention", mention.id)
    session.add(mention)
    record(session, who=who, action="create", resource="mention", row=mention, before=None)
    return mention


def update_mention(
    *, session: Session, who: str, mention_id: str, version: int | None, patch: MentionUpdate
) -> Mention:
    mention = fetch(session, "mention", mention_id)
    check_version(version, mention.version, f"mention {mention_id!r}")
    before = snapshot(session, "mention", mention)
    if patch.actor is not None:
        must_exist(session, Actor, patch.actor, "actor")
        mention.actor_id = patch.actor
    mention.origin = MentionOrigin.curated  # a curator has vouched for it now
    mention.version += 1
    record(session, who=who, action="update", resource="mention", row=mention, before=before)
    return mention
