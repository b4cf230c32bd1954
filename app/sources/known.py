"""What the annotation pipeline is told the database knows: the live actors with their
labels (the actors of the label map, app/actors/labels.py), and the existing claims a
proposed stance may restate."""

from collections.abc import Sequence

from sqlmodel import Session, col, select

from app.actors.labels import live_actors
from app.ingest import Alias, ExistingClaim, RegistryActor
from app.models import (
    Claim,
    ClaimActor,
    ClaimTopic,
    ReviewStatus,
    Stance,
    Status,
)

# past this many claims the pipeline matches against those of the actors the article names
# (at most this many), not the whole database: building the lexical index is per request
MATCH_ALL_CLAIMS_UP_TO = 5000


# a claim is matched by its wording and by how its stances quote it: a few quotes suffice
QUOTES_PER_CLAIM = 5


MAX_NAMED = 500  # actors whose claims are matched, of those an article names


def registry(session: Session) -> list[RegistryActor]:
    """The live actors with all their aliases (app/actors/labels.py says which are live):
    whom the pipeline links names to; an alias not marked to match (``auto_mention``) it
    links only to an actor the article has already named in full."""
    return [
        RegistryActor(
            actor.id,
            actor.name,
            actor.kind,
            tuple(Alias(a.label, a.kind, a.auto_mention) for a in actor.aliases),
        )
        for actor in live_actors(session.connection())
    ]


def existing_claims(session: Session, *, named: Sequence[str]) -> list[ExistingClaim]:
    """The accepted live claims a new article's sentences are matched against, each with
    how its stances quote it: all of them in a database of up to MATCH_ALL_CLAIMS_UP_TO,
    else those of the actors the article ``named`` (bounded, so a request stays short)."""
    live = select(Claim.id).where(
        Claim.status == Status.active, Claim.review_status == ReviewStatus.accepted
    )
    ids = set(session.exec(live.limit(MATCH_ALL_CLAIMS_UP_TO + 1)).all())
    if len(ids) > MATCH_ALL_CLAIMS_UP_TO:
        of_named = (
            live.join(ClaimActor, col(ClaimActor.claim_id) == Claim.id)
            .where(col(ClaimActor.actor_id).in_(list(named)[:MAX_NAMED]))
            .distinct()
            .limit(MATCH_ALL_CLAIMS_UP_TO)
        )
        ids = set(session.exec(of_named).all())
    if not ids:
        return []
    rows = session.exec(
        select(Claim.id, Claim.text, Claim.claim_type).where(col(Claim.id).in_(ids))
    ).all()
    topics: dict[str, list[str]] = {}
    for claim_id, topic in session.exec(
        select(ClaimTopic.claim_id, ClaimTopic.topic).where(col(ClaimTopic.claim_id).in_(ids))
    ).all():
        topics.setdefault(claim_id, []).append(topic)
    quotes: dict[str, list[str]] = {}
    for claim_id, quote in session.exec(
        select(Stance.claim_id, Stance.quote)
        .where(
            col(Stance.claim_id).in_(ids),
            Stance.status == Status.active,
            Stance.review_status == ReviewStatus.accepted,
        )
        .order_by(Stance.claim_id, Stance.id)
    ).all():
        kept = quotes.setdefault(claim_id, [])
        if len(kept) < QUOTES_PER_CLAIM:
            kept.append(quote)
    return [
        ExistingClaim(
            claim_id,
            text,
            claim_type,
            tuple(sorted(topics.get(claim_id, ()))),
            tuple(quotes.get(claim_id, ())),
        )
        for claim_id, text, claim_type in sorted(rows)
    ]
