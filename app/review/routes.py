"""A source's review queue: what the annotation pipeline proposed in it, in text order."""

from enum import StrEnum
from typing import Annotated, Any

from fastapi import Request, Response
from pydantic import BaseModel, ConfigDict
from sqlmodel import Session, col, select

from app.actors import queries as actor_queries
from app.claims import queries as claim_queries
from app.core.db import SessionDep
from app.core.errors import NotFound
from app.core.openapi import problems
from app.core.pagination import PageParams, decode_cursor, page
from app.core.query import QueryModel
from app.core.routing import ResourceRouter
from app.mentions import queries as mention_queries
from app.models import (
    EXAMPLE_STANCE,
    Actor,
    ActorPublic,
    Claim,
    ClaimActor,
    ClaimPublic,
    Mention,
    MentionPublic,
    Page,
    ReviewStatus,
    Source,
    Stance,
    StancePublic,
    Status,
)
from app.stances import queries as stance_queries

router = ResourceRouter(prefix="/v1/sources", tags=["review"])
CANDIDATE = ReviewStatus.candidate.value


class ProposalKind(StrEnum):
    stance = "stance"
    mention = "mention"


class Proposal(BaseModel):
    """One candidate span of a source: a stance with its claim, or a mention, and the
    candidate actors it names (accepting it accepts them too)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "kind": "stance",
                    "id": EXAMPLE_STANCE["id"],
                    "start": 3428,
                    "end": 3607,
                    "stance": {**EXAMPLE_STANCE, "review_status": "candidate"},
                    "mention": None,
                    "claim": None,
                    "actors": [],
                }
            ]
        }
    )

    kind: ProposalKind
    id: str
    start: int
    end: int
    stance: StancePublic | None = None
    claim: ClaimPublic | None = None
    mention: MentionPublic | None = None
    actors: list[ActorPublic]


class QueueParams(PageParams):
    pass


def candidate_spans(session: Session, source_id: str) -> list[tuple[int, str, str, int]]:
    """(start, kind, id, end) of every live candidate span of the source, in text order: a
    source's spans are bounded by its text, and its index serves them."""
    keys: list[tuple[int, str, str, int]] = []
    for kind, model in ((ProposalKind.stance, Stance), (ProposalKind.mention, Mention)):
        rows = session.exec(
            select(model.start, model.id, model.end).where(
                model.source_id == source_id,
                model.status == Status.active,
                model.review_status == CANDIDATE,
            )
        ).all()
        keys += [(start, kind.value, span_id, end) for start, span_id, end in rows]
    return sorted(keys)


def candidate_actors(session: Session, ids: set[str]) -> dict[str, ActorPublic]:
    found = session.exec(
        select(Actor).where(col(Actor.id).in_(ids), Actor.review_status == CANDIDATE)
    ).all()
    return {actor.id: actor for actor in actor_queries.present(session, found)}


@router.get(
    "/{source_id}/review",
    response_model=Page[Proposal],
    responses=problems(404, 422),
    summary="A source's review queue",
)
def review_queue(
    source_id: str,
    session: SessionDep,
    request: Request,
    response: Response,
    params: Annotated[QueueParams, QueryModel(QueueParams)],
) -> Page[Proposal]:
    """The candidates proposed in this source, in text order: each stance with its claim,
    each mention, and the candidate actors they name; accept or reject each with
    `POST /v1/{stances|mentions|claims|actors}/{id}/accept` or `/reject`."""
    if session.get(Source, source_id) is None:
        raise NotFound(f"no source with id {source_id!r}")
    keys = candidate_spans(session, source_id)
    if params.cursor is not None:
        after = tuple(decode_cursor(params.cursor, (int, str, str)))
        keys = [key for key in keys if key[:3] > after]
    chosen, cursor = page(keys[: params.limit + 1], params, lambda k: k[:3], request, response)
    wanted = {kind: [key[2] for key in chosen if key[1] == kind] for kind in ProposalKind}
    stances: dict[str, Any] = {
        body["id"]: body
        for body in stance_queries.present(
            session,
            session.exec(select(Stance).where(col(Stance.id).in_(wanted["stance"]))).all(),
        )
    }
    mentions = {
        body.id: body
        for body in mention_queries.present(
            session,
            session.exec(select(Mention).where(col(Mention.id).in_(wanted["mention"]))).all(),
        )
    }
    claim_ids = {body["claim_id"] for body in stances.values()}
    claims: dict[str, Any] = {
        body["id"]: body
        for body in claim_queries.present(
            session, session.exec(select(Claim).where(col(Claim.id).in_(claim_ids))).all()
        )
    }
    roles = session.exec(
        select(ClaimActor.claim_id, ClaimActor.actor_id).where(
            col(ClaimActor.claim_id).in_(claim_ids)
        )
    ).all()
    named = {
        *(body["holder"]["id"] for body in stances.values() if body["holder"]),
        *(body.actor.id for body in mentions.values()),
        *(actor_id for _, actor_id in roles),
    }
    actors = candidate_actors(session, named)

    def proposal(start: int, kind: str, span_id: str, end: int) -> Proposal:
        if kind == ProposalKind.mention:
            mention = mentions[span_id]
            shown = [mention.actor.id]
            return Proposal(
                kind=kind,
                id=span_id,
                start=start,
                end=end,
                mention=mention,
                actors=[actors[a] for a in shown if a in actors],
            )
        stance = stances[span_id]
        claim_id = stance["claim_id"]
        shown = [a for c, a in roles if c == claim_id]
        if stance["holder"]:
            shown.insert(0, stance["holder"]["id"])
        return Proposal(
            kind=kind,
            id=span_id,
            start=start,
            end=end,
            stance=stance,
            claim=claims[claim_id],
            actors=[actors[a] for a in dict.fromkeys(shown) if a in actors],
        )

    return Page(items=[proposal(*key) for key in chosen], next_cursor=cursor)
