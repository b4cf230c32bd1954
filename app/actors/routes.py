"""Actors: people, states, organisations and groups that hold positions or are named."""

from collections import defaultdict
from collections.abc import Callable
from functools import cache
from typing import Annotated, Any

from fastapi import Depends, Request, Response
from pydantic import Field
from sqlalchemy import bindparam, func, or_, union
from sqlmodel import Session, col, select

from app.actors import service
from app.actors.queries import present
from app.audit.lifecycle import CREATE_ERRORS, WRITE_ERRORS, add_lifecycle, created, write
from app.core.auth import Curator
from app.core.caching import expected_version, tag_version
from app.core.db import SessionDep
from app.core.errors import MovedPermanently, NotFound
from app.core.openapi import problems
from app.core.pagination import (
    PageParams,
    keyset_shape,
    keyset_values,
    next_page_link,
    sort_key,
    sort_type,
    trim,
)
from app.core.query import QueryModel
from app.core.reader import Reader, json_response, read
from app.core.routing import ResourceRouter
from app.core.urls import absolute, this_path
from app.exports.stream import Resource, add_export
from app.models import (
    NO_NUL,
    Actor,
    ActorAlias,
    ActorCounts,
    ActorCreate,
    ActorDetail,
    ActorKind,
    ActorPositions,
    ActorPublic,
    ActorRedirect,
    ActorRef,
    ActorUpdate,
    Claim,
    ClaimActor,
    ClaimRef,
    ClaimRole,
    HeldClaim,
    Label,
    LabelCounts,
    Mention,
    Merge,
    Page,
    Stance,
    Status,
    fold,
)
from app.review.filters import IncludeCandidatesQuery, ReviewFilter, counted, shown
from app.review.lifecycle import add_review
from app.stances import queries as stances

router = ResourceRouter(prefix="/v1/actors", tags=["actors"])


def get_actor(session: SessionDep, request: Request, actor_id: str) -> Actor:
    actor = session.get(Actor, actor_id)
    if actor is None:
        redirect = session.get(ActorRedirect, actor_id)
        if redirect is not None and request.method == "GET":
            path = this_path(request).replace(
                f"/v1/actors/{actor_id}", f"/v1/actors/{redirect.actor_id}", 1
            )
            query = request.scope["query_string"].decode("latin-1")
            target = absolute(request, path) + (f"?{query}" if query else "")
            raise MovedPermanently(
                f"actor {actor_id!r} was merged into {redirect.actor_id!r}",
                headers={"Location": target},
            )
        raise NotFound(f"no actor with id {actor_id!r}")
    return actor


ActorDep = Annotated[Actor, Depends(get_actor)]


class ActorFilters(PageParams):
    include_retracted: Annotated[
        bool, Field(description="Show retracted records too.", examples=[True])
    ] = False
    q: Annotated[
        str | None,
        Field(
            min_length=1,
            max_length=200,
            pattern=NO_NUL,
            description="Part of a name or alias, ignoring case, hyphens and extra spaces.",
            examples=["kim jong-un"],
        ),
    ] = None
    kind: Annotated[ActorKind | None, Field(examples=["person"])] = None
    review_status: ReviewFilter = None
    sort: sort_type(("id", "name", "kind")) = "id"


ACTOR_COLUMNS = (
    Actor.id,
    Actor.name,
    Actor.kind,
    Actor.description,
    Actor.wikidata_id,
    Actor.country,
    Actor.version,
    Actor.status,
    Actor.status_reason,
    Actor.review_status,
    Actor.extracted_by,
    Actor.confidence,
)
ALIASES_OF = (
    select(ActorAlias.actor_id, ActorAlias.label, ActorAlias.kind)
    .where(col(ActorAlias.actor_id).in_(bindparam("ids", expanding=True)))
    .order_by(ActorAlias.actor_id, ActorAlias.label)
)


ACTOR_NAMES = [column.name for column in ACTOR_COLUMNS]


@cache
def actors_statement(
    searched: bool,
    kind: bool,
    active_only: bool,
    review_status: str | None,
    sort: str,
    descending: bool,
    after: bool,
) -> Any:
    """A page of actors for this shape of request, built once: the listed columns, then
    the sort key. ``needle`` is the folded ``q``, its LIKE wildcards escaped with ``/``."""
    statement = select(*ACTOR_COLUMNS)
    if searched:
        by_alias = select(ActorAlias.actor_id).where(
            col(ActorAlias.label_key).contains(bindparam("needle"), escape="/")
        )
        statement = statement.where(
            or_(
                col(Actor.name_key).contains(bindparam("needle"), escape="/"),
                col(Actor.id).in_(by_alias),
            )
        )
    if kind:
        statement = statement.where(Actor.kind == bindparam("kind"))
    if active_only:
        statement = statement.where(Actor.status == Status.active)
    statement = statement.where(shown(Actor.review_status, review_status))
    key = actor_key(sort)
    return keyset_shape(statement.add_columns(*key), key, after=after, descending=descending)


def actor_key(sort: str) -> list[Any]:
    return [col(Actor.id)] if sort == "id" else [col(getattr(Actor, sort)), col(Actor.id)]


def like_escaped(text: str) -> str:
    return text.replace("/", "//").replace("%", "/%").replace("_", "/_")


def actors_page(filters: ActorFilters) -> Callable[[Reader], dict[str, Any]]:
    """How to read one page of the actors list: the list and the actors export
    (app/exports/) read it the same way."""
    needle = fold(filters.q) if filters.q is not None else ""
    field, descending = sort_key(filters.sort)
    key_size = 1 if field == "id" else 2
    statement = actors_statement(
        bool(needle),
        filters.kind is not None,
        not filters.include_retracted,
        filters.review_status,
        field,
        descending,
        filters.cursor is not None,
    )
    values = {"needle": like_escaped(needle), "kind": filters.kind} | keyset_values(
        filters, actor_key(field)
    )

    def work(db: Reader) -> dict[str, Any]:
        rows, cursor = trim(db.all(statement, **values), filters, lambda row: row[-key_size:])
        aliases: dict[str, list[dict[str, str]]] = defaultdict(list)
        for actor_id, label, kind in db.all(ALIASES_OF, ids=[row[0] for row in rows]):
            aliases[actor_id].append({"label": label, "kind": kind})
        items = [
            dict(zip(ACTOR_NAMES, row, strict=False)) | {"aliases": aliases[row[0]]} for row in rows
        ]
        return {"items": items, "next_cursor": cursor}

    return work


@router.get("", response_model=Page[ActorPublic], responses=problems(422), summary="List actors")
async def list_actors(
    request: Request,
    response: Response,
    filters: Annotated[ActorFilters, QueryModel(ActorFilters)],
) -> Response:
    """Actors in `sort` order (id by default); `q` finds a name or alias ("kim jong-un"
    finds Kim Jong Un)."""
    # rows straight to JSON on the read path (app/core/reader.py): through the ORM and the
    # response model the list answered slower than Datasette (docs/benchmarks.md)
    found = await read(request, actors_page(filters))
    next_page_link(request, response, found["next_cursor"])
    return json_response(found, headers=response.headers)


def present_one(session: Session, actor: Actor) -> ActorPublic:
    return present(session, [actor])[0]


@router.post("", status_code=201, responses=CREATE_ERRORS, summary="Add an actor")
def create_actor(
    body: ActorCreate, request: Request, response: Response, who: Curator
) -> ActorPublic:
    """A new actor with its aliases; names of actors become mentions in sources added later."""
    created(response, f"/v1/actors/{body.id}")
    return write(
        request,
        response,
        lambda s: (
            a := service.create_actor(session=s, who=who.name, data=body),
            present_one(s, a),
        ),
    )


@router.patch("/{actor_id}", responses=WRITE_ERRORS, summary="Change an actor (JSON merge patch)")
def patch_actor(
    actor_id: str, body: ActorUpdate, request: Request, response: Response, who: Curator
) -> ActorPublic:
    """Fields given replace the actor's (`aliases` as a whole list). Needs If-Match."""
    version = expected_version(request)
    return write(
        request,
        response,
        lambda s: (
            a := service.update_actor(
                session=s, who=who.name, actor_id=actor_id, version=version, patch=body
            ),
            present_one(s, a),
        ),
    )


@router.post(
    "/{actor_id}/merge", responses=WRITE_ERRORS, summary="Merge a duplicate actor into another"
)
def merge_actor(
    actor_id: str, body: Merge, request: Request, response: Response, who: Curator
) -> ActorPublic:
    """Fold this actor into `into`: its name and aliases become the target's aliases, its
    mentions, stances and claim roles move, and its id redirects (308) to the target.
    Needs If-Match with this actor's ETag."""
    version = expected_version(request)
    return write(
        request,
        response,
        lambda s: (
            a := service.merge_actors(
                session=s, who=who.name, actor_id=actor_id, version=version, into=body.into
            ),
            present_one(s, a),
        ),
    )


@router.get("/{actor_id}", responses=problems(308, 404, 422), summary="Get an actor")
def read_actor(
    actor: ActorDep,
    session: SessionDep,
    response: Response,
    include_candidates: IncludeCandidatesQuery = False,
) -> ActorDetail:
    """The actor with its aliases and how often it is mentioned, takes part in claims and
    holds stances (accepted ones, or candidates too)."""
    # the ORM row, read once and shown as this resource's writes show it (present_one):
    # not among the hot paths docs/benchmarks.md measures, so not worth a second idiom
    live_stance = (
        Stance.holder_id == actor.id,
        Stance.status == Status.active,
        counted(Stance.review_status, include_candidates),
    )
    claims = union(
        select(ClaimActor.claim_id)
        .join(Claim, col(Claim.id) == ClaimActor.claim_id)
        .where(ClaimActor.actor_id == actor.id, counted(Claim.review_status, include_candidates)),
        select(Stance.claim_id).where(*live_stance),
    ).subquery()
    counts = ActorCounts(
        mentions=session.exec(
            select(func.count())
            .select_from(Mention)
            .where(
                Mention.actor_id == actor.id,
                Mention.status == Status.active,
                counted(Mention.review_status, include_candidates),
            )
        ).one(),
        claims=session.exec(select(func.count()).select_from(claims)).one(),
        stances=session.exec(select(func.count()).select_from(Stance).where(*live_stance)).one(),
    )
    (public,) = present(session, [actor])
    tag_version(response, actor.version)
    return ActorDetail(**public.model_dump(), counts=counts)


@router.get(
    "/{actor_id}/positions",
    responses=problems(308, 404),
    summary="An actor's positions, and the claims it takes part in",
)
def read_positions(actor: ActorDep, session: SessionDep) -> ActorPositions:
    """The claims this actor holds a stance on, grouped by label with every stance and
    quote, then the claims it takes part in as subject, object or mentioned."""
    held = session.exec(
        select(Stance)
        .where(
            Stance.holder_id == actor.id,
            Stance.status == Status.active,
            shown(Stance.review_status),
        )
        .order_by(Stance.claim_id, Stance.start)
    ).all()
    claim_ids = {stance.claim_id for stance in held}
    roles = session.exec(
        select(ClaimActor.claim_id, ClaimActor.role)
        .where(ClaimActor.actor_id == actor.id)
        .order_by(ClaimActor.claim_id)
    ).all()
    texts = dict(
        session.exec(
            select(Claim.id, Claim.text).where(
                col(Claim.id).in_(claim_ids | {claim_id for claim_id, _ in roles})
            )
        ).all()
    )
    grouped: dict[str, dict[str, HeldClaim]] = {label.value: {} for label in Label}
    for position in stances.present_positions(session, held):
        claim = ClaimRef(id=position.claim_id, text=texts[position.claim_id])
        entry = grouped[position.label].setdefault(claim.id, HeldClaim(claim=claim, stances=[]))
        entry.stances.append(position)
    return ActorPositions(
        actor=ActorRef(id=actor.id, name=actor.name, kind=actor.kind),
        counts=LabelCounts(**{label: len(claims) for label, claims in grouped.items()}),
        **{label: list(claims.values()) for label, claims in grouped.items()},
        takes_part_in=[
            ClaimRole(claim=ClaimRef(id=claim_id, text=texts[claim_id]), role=role)
            for claim_id, role in roles
        ],
    )


add_lifecycle(router, "actor", present_one, ActorPublic)
add_review(router, "actor", present_one, ActorPublic, ActorUpdate, service.update_actor)

add_export(
    Resource("actors", ActorFilters, ActorPublic, lambda filters, _postgres: actors_page(filters))
)
