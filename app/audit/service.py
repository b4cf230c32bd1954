"""The audit side of every write: each write the API makes is a function run inside
``run_write`` that checks the version the caller saw (If-Match), changes the record,
increments its version and appends a ``Change`` with the record before and after, in the
same transaction: the audit log can never miss an acknowledged write. The same call stores
again the read model's bodies that show the record (app/read_model/__init__.py).
Nothing is deleted but by ``purge``, an admin's act; ``retract`` and ``restore`` only flip
the status."""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, insert, select
from sqlmodel import Session, SQLModel, col

from app import read_model
from app.core.caching import check_version
from app.core.errors import Conflict, Invalid, NotFound
from app.core.reader import Reader
from app.models import (
    Actor,
    ActorAlias,
    AnnotationJson,
    Change,
    Claim,
    ClaimActor,
    ClaimTopic,
    Mention,
    Passage,
    Source,
    Stance,
    Status,
)
from app.read_model import counts

# rows per INSERT: PostgreSQL takes at most 65,535 parameters in one statement
INSERT_BATCH = 5000


MODELS: dict[str, type[SQLModel]] = {
    "source": Source,
    "actor": Actor,
    "claim": Claim,
    "stance": Stance,
    "mention": Mention,
}


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
    if refresh and not session.info.get(DEFERRED):
        read_model.refresh_record(session, resource, row.id, before)


DEFERRED = "claimsdb.read_model_deferred"


@contextmanager
def read_model_deferred(session: Session) -> Iterator[None]:
    """Within it, ``record`` leaves the read model to the caller, who stores the bodies and
    counts once for the many records it writes (an annotated source's proposals): one by
    one, they cost more than the rows themselves."""
    session.info[DEFERRED] = True
    try:
        yield
    finally:
        session.info.pop(DEFERRED, None)


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
    # the stances purged with it move their claims' kept counts (app/read_model/counts.py),
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
