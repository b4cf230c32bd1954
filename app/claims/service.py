"""Writes of claims: create and change, with their topics and actors."""

from typing import Any

from sqlalchemy import delete
from sqlmodel import Session

from app.audit.service import fetch, fresh_id, must_exist, record, snapshot
from app.core.caching import check_version
from app.core.errors import Invalid
from app.models import (
    Actor,
    Claim,
    ClaimActor,
    ClaimCreate,
    ClaimTopic,
    ClaimUpdate,
    Proposed,
)
from app.review.service import review_unchanged


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


def create_claim(
    *, session: Session, who: str, data: ClaimCreate, proposed: Proposed | None = None
) -> Claim:
    claim = Claim(
        **data.model_dump(exclude={"id", "topics", "actors"}),
        id=fresh_id(session, "claim", data.id),
    )
    if proposed:
        proposed.mark(claim)
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
    review_unchanged("claim", claim, patch)
    before = snapshot(session, "claim", claim)
    changes = patch.model_dump(exclude_unset=True, exclude={"topics", "actors", "review_status"})
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
