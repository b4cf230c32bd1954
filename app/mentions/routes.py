"""Mentions: an actor named at a span of a source."""

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Depends, Request, Response
from pydantic import Field
from sqlmodel import Session, col, select

from app.audit.lifecycle import CREATE_ERRORS, WRITE_ERRORS, add_lifecycle, created, write
from app.core.auth import Curator
from app.core.caching import expected_version, tag_version
from app.core.db import SessionDep
from app.core.errors import NotFound
from app.core.openapi import problems
from app.core.pagination import PageParams, keyset, next_page_link, trim
from app.core.query import QueryModel
from app.core.reader import Reader
from app.core.routing import ResourceRouter
from app.exports.stream import Resource, add_export
from app.mentions import service
from app.mentions.queries import present
from app.models import (
    Mention,
    MentionInput,
    MentionOrigin,
    MentionPublic,
    MentionUpdate,
    Page,
    Slug,
    Status,
)
from app.review.filters import ReviewFilter, shown
from app.review.lifecycle import add_review

router = ResourceRouter(prefix="/v1/mentions", tags=["mentions"])


def get_mention(session: SessionDep, mention_id: str) -> Mention:
    mention = session.get(Mention, mention_id)
    if mention is None:
        raise NotFound(f"no mention with id {mention_id!r}")
    return mention


MentionDep = Annotated[Mention, Depends(get_mention)]


class MentionFilters(PageParams):
    source_id: Annotated[Slug | None, Field(examples=["putin-kim-unity-pyongyang"])] = None
    actor_id: Annotated[Slug | None, Field(examples=["kim-jong-un"])] = None
    origin: Annotated[MentionOrigin | None, Field(examples=["curated"])] = None
    include_retracted: Annotated[
        bool, Field(description="Show retracted mentions too.", examples=[True])
    ] = False
    review_status: ReviewFilter = None


def present_one(session: Session, mention: Mention) -> MentionPublic:
    return present(session, [mention])[0]


def mentions_page(
    session: Session, filters: MentionFilters
) -> tuple[list[MentionPublic], str | None]:
    """One page of the mentions list and the next cursor: the list and the mentions export
    (app/exports/) read it the same way."""
    statement = select(Mention)
    for name in ("source_id", "actor_id", "origin"):
        value = getattr(filters, name)
        if value is not None:
            statement = statement.where(getattr(Mention, name) == value)
    if not filters.include_retracted:
        statement = statement.where(Mention.status == Status.active)
    statement = statement.where(shown(Mention.review_status, filters.review_status))
    mentions = session.exec(keyset(statement, [col(Mention.id)], filters)).all()
    mentions, cursor = trim(mentions, filters, lambda m: [m.id])
    return present(session, mentions), cursor


@router.get("", responses=problems(422), summary="List mentions")
def list_mentions(
    session: SessionDep,
    request: Request,
    response: Response,
    filters: Annotated[MentionFilters, QueryModel(MentionFilters)],
) -> Page[MentionPublic]:
    """Mentions in id order; filters combine with AND."""
    items, cursor = mentions_page(session, filters)
    next_page_link(request, response, cursor)
    return Page(items=items, next_cursor=cursor)


@router.get("/{mention_id}", responses=problems(404), summary="Get a mention")
def read_mention(mention: MentionDep, session: SessionDep, response: Response) -> MentionPublic:
    """One mention with its actor and provenance."""
    # the ORM row, read once and shown as this resource's writes show it (present_one):
    # not among the hot paths docs/benchmarks.md measures, so not worth a second idiom
    tag_version(response, mention.version)
    return present_one(session, mention)


@router.post("", status_code=201, responses=CREATE_ERRORS, summary="Declare a mention")
def create_mention(
    body: MentionInput, request: Request, response: Response, who: Curator
) -> MentionPublic:
    """An actor named at a span, by exact `quote` (with `prefix`, `suffix` or `occurrence`)
    or by `start`/`end`; checked against the text. Its origin is `curated`."""
    public = write(
        request,
        response,
        lambda s: (
            m := service.create_mention(session=s, who=who.name, data=body),
            present_one(s, m),
        ),
    )
    created(response, f"/v1/mentions/{public.id}")
    return public


@router.patch("/{mention_id}", responses=WRITE_ERRORS, summary="Change whom a mention names")
def patch_mention(
    mention_id: str, body: MentionUpdate, request: Request, response: Response, who: Curator
) -> MentionPublic:
    """Point the mention at another actor (an ambiguous "Kim", say). Needs If-Match."""
    version = expected_version(request)
    return write(
        request,
        response,
        lambda s: (
            m := service.update_mention(
                session=s, who=who.name, mention_id=mention_id, version=version, patch=body
            ),
            present_one(s, m),
        ),
    )


add_lifecycle(router, "mention", present_one, MentionPublic)
add_review(router, "mention", present_one, MentionPublic, MentionUpdate, service.update_mention)


def export_page(filters: MentionFilters, _postgres: bool) -> Callable[[Reader], dict[str, Any]]:
    """A page of the mentions list as the export reads it: in the export's read transaction."""

    def work(db: Reader) -> dict[str, Any]:
        items, cursor = mentions_page(Session(bind=db.connection), filters)
        return {"items": [item.model_dump(mode="json") for item in items], "next_cursor": cursor}

    return work


add_export(Resource("mentions", MentionFilters, MentionPublic, export_page))
