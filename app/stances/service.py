"""Writes of stances: attach one to a claim at a span of a source, change it."""

from sqlmodel import Session

from app.audit.service import fetch, fresh_id, must_exist, record, snapshot
from app.core.caching import check_version
from app.core.errors import Invalid
from app.models import (
    Actor,
    Claim,
    Proposed,
    Stance,
    StanceInput,
    StanceUpdate,
)
from app.review.service import review_unchanged
from app.sources.provenance import (
    context,
    stance_id,
)
from app.sources.service import place_span


def create_stance(
    *, session: Session, who: str, data: StanceInput, proposed: Proposed | None = None
) -> Stance:
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
    if proposed:
        proposed.mark(stance)
    session.add(stance)
    record(session, who=who, action="create", resource="stance", row=stance, before=None)
    return stance


def update_stance(
    *, session: Session, who: str, stance_id: str, version: int | None, patch: StanceUpdate
) -> Stance:
    stance = fetch(session, "stance", stance_id)
    check_version(version, stance.version, f"stance {stance_id!r}")
    review_unchanged("stance", stance, patch)
    before = snapshot(session, "stance", stance)
    changes = patch.model_dump(exclude_unset=True, exclude={"review_status"})
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
