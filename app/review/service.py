"""Accept and reject: each a write like any other (If-Match, a version, an audit row in the
write's own transaction, the read model and kept counts moved with it).

What they keep true: an accepted record never stands on a proposal. Accepting a stance
accepts its claim and holder, a claim its actors, a mention its actor, so that what counts
(app/read_model/counts.py counts accepted stances) never shows a candidate. Rejecting a
claim rejects its candidate stances, an actor its candidate mentions and the candidate
stances it holds, so that nothing shown points at a rejected record; a rejection that
would leave an accepted record on a rejected one is refused (409).

Decided: accepting what is accepted, or rejecting what is rejected, is a 409 (as restoring
what is not retracted is), so that a reviewer learns someone was first. Rejecting what is
accepted is a 409 too: a person wrote or accepted it, and retraction (DELETE) is how that
is withdrawn, with a reason. A rejected proposal may still be accepted.
"""

from collections.abc import Callable, Iterable
from typing import Any

from sqlmodel import Session, col, select

from app.audit.service import fetch, record, snapshot
from app.core.caching import check_version
from app.core.errors import Conflict, Invalid
from app.models import Actor, Claim, ClaimActor, Mention, ReviewStatus, Stance

ACCEPTED, CANDIDATE, REJECTED = (s.value for s in ReviewStatus)
# a merge patch of corrections, applied to the version it is given
Corrections = Callable[[Session, int], object]


def review_unchanged(resource: str, row: Any, patch: Any) -> None:
    """A PATCH (or an accept's corrections) may repeat the review status it read, never
    change it: accept and reject carry what a decision means (the records it stands on, the
    proposals that show it, the change feed's ``accept`` or ``reject``), which a field
    written over would skip."""
    if "review_status" not in patch.model_fields_set or patch.review_status == row.review_status:
        return
    path = f"/v1/{resource}s/{row.id}"
    raise Invalid(
        "review_status",
        f"is {row.review_status} and changes only with POST {path}/accept or POST {path}/reject "
        "(which accept what the record stands on, or reject the proposals that show it); "
        "leave it out of the patch, or send the current value",
    )


def mark(session: Session, who: str, resource: str, row: Any, status: str) -> None:
    before = snapshot(session, resource, row)
    row.review_status, row.version = status, row.version + 1
    action = "accept" if status == ACCEPTED else "reject"
    record(session, who=who, action=action, resource=resource, row=row, before=before)


def stands_on(session: Session, resource: str, row: Any) -> Iterable[tuple[str, str]]:
    """The records this one shows, which must be accepted for it to be."""
    if resource == "stance":
        yield "claim", row.claim_id
        if row.holder_id is not None:
            yield "actor", row.holder_id
    elif resource == "mention":
        yield "actor", row.actor_id
    elif resource == "claim":
        # not a rejected actor: the claim no longer names it (app/read_model), and
        # accepting the claim must not undo the reviewer's rejection
        actors = (
            select(ClaimActor.actor_id)
            .join(Actor, col(Actor.id) == ClaimActor.actor_id)
            .where(ClaimActor.claim_id == row.id, Actor.review_status != REJECTED)
        )
        for actor_id in session.exec(actors).all():
            yield "actor", actor_id


def accept_row(session: Session, who: str, resource: str, row: Any) -> None:
    for needed, needed_id in list(stands_on(session, resource, row)):
        found = fetch(session, needed, needed_id)
        if found.review_status != ACCEPTED:
            accept_row(session, who, needed, found)
    mark(session, who, resource, row, ACCEPTED)


def accept(
    *,
    session: Session,
    who: str,
    resource: str,
    record_id: str,
    version: int | None,
    corrections: Corrections | None = None,
) -> Any:
    """Accept a candidate (or rejected) record, after ``corrections`` (a merge patch applied
    as PATCH would, given the version it changes) where there are some."""
    row = fetch(session, resource, record_id)
    check_version(version, row.version, f"{resource} {record_id!r}")
    if row.review_status == ACCEPTED:
        raise Conflict(f"{resource} {record_id!r} is accepted already")
    if corrections is not None:
        corrections(session, row.version)
    accept_row(session, who, resource, row)
    return row


# the proposals that show a record: rejected with it
DEPENDENTS: dict[str, list[tuple[str, Any, Any]]] = {
    "claim": [("stance", Stance, Stance.claim_id)],
    "actor": [("mention", Mention, Mention.actor_id), ("stance", Stance, Stance.holder_id)],
}


def reject(
    *, session: Session, who: str, resource: str, record_id: str, version: int | None
) -> Any:
    """Reject a candidate record and the candidates that show it."""
    row = fetch(session, resource, record_id)
    check_version(version, row.version, f"{resource} {record_id!r}")
    if row.review_status != CANDIDATE:
        hint = " (retract it with DELETE instead)" if row.review_status == ACCEPTED else ""
        raise Conflict(f"{resource} {record_id!r} is {row.review_status}, not a candidate{hint}")
    for kind, model, column in DEPENDENTS.get(resource, []):
        shown = session.exec(
            select(model).where(column == record_id, col(model.review_status) != REJECTED)
        ).all()
        if any(other.review_status == ACCEPTED for other in shown):
            raise Conflict(
                f"{resource} {record_id!r} is shown by an accepted {kind}: "
                f"reject or move that {kind} first"
            )
        for other in shown:
            mark(session, who, kind, other, REJECTED)
    if resource == "actor":
        roles = select(ClaimActor.claim_id).where(ClaimActor.actor_id == record_id)
        accepted_claim = session.exec(
            select(Claim.id)
            .where(col(Claim.id).in_(roles), Claim.review_status == ACCEPTED)
            .limit(1)
        ).first()
        if accepted_claim is not None:
            raise Conflict(
                f"actor {record_id!r} takes part in the accepted claim {accepted_claim!r}"
            )
    mark(session, who, resource, row, REJECTED)
    return row
