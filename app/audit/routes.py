"""The change feed: every write, in order, for mirrors to follow."""

from typing import Annotated

from fastapi import Request, Response
from pydantic import Field
from sqlmodel import col, select

from app.core.db import SessionDep
from app.core.errors import Invalid
from app.core.openapi import problems
from app.core.pagination import PageParams, decode_cursor, encode_cursor, keyset, page
from app.core.query import QueryModel
from app.core.routing import ResourceRouter
from app.models import Change, ChangePublic, Page

router = ResourceRouter(prefix="/v1/changes", tags=["changes"])


class ChangeFeed(Page[ChangePublic]):
    """A page of changes; ``since`` is where to ask next, even when there is nothing new."""

    since: str | None


class ChangeParams(PageParams):
    since: Annotated[
        str | None,
        Field(
            max_length=200,
            description="`since` from the last response: only changes after it. Omit to "
            "start from the first change.",
            examples=["WzQyXQ"],
        ),
    ] = None


@router.get("", responses=problems(422), summary="Follow every write")
def list_changes(
    session: SessionDep,
    request: Request,
    response: Response,
    params: Annotated[ChangeParams, QueryModel(ChangeParams)],
) -> ChangeFeed:
    """Writes in the order they were committed, each with who, when, what and the record
    before and after. Keep the `since` of each response and ask again to stay in sync."""
    if params.since is not None:
        try:
            decode_cursor(params.since, (int,))
        except Invalid:
            raise Invalid("since", "not a `since` this feed returned", location="query") from None
    cursor_params = PageParams(limit=params.limit, cursor=params.since or params.cursor)
    statement = keyset(select(Change), [col(Change.seq)], cursor_params)
    changes = session.exec(statement).all()
    changes, cursor = page(changes, cursor_params, lambda c: [c.seq], request, response)
    last = changes[-1].seq if changes else None
    since = encode_cursor([last]) if last is not None else (params.since or params.cursor)
    return ChangeFeed(items=[ChangePublic.of(c) for c in changes], next_cursor=cursor, since=since)
