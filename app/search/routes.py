"""Search: one query language over claims, source passages and actors, ranked."""

from typing import Annotated

from fastapi import Request, Response
from pydantic import BaseModel, ConfigDict, Field

from app.core.errors import Invalid
from app.core.openapi import problems
from app.core.pagination import MAX_LIMIT, PageParams, decode_cursor, page
from app.core.query import QueryModel
from app.core.reader import json_response, read
from app.core.routing import ResourceRouter
from app.models import NO_NUL, Page
from app.search import engine as search
from app.search.engine import Kind
from app.search.language import Q_LENGTH, SYNTAX

router = ResourceRouter(prefix="/v1/search", tags=["search"])

# ranking deeper than this is never what a reader wants, and costs every engine: a page
# ends there, whatever its limit, so no request ranks more than this many hits a kind
MAX_DEPTH = 1000


class SearchParams(PageParams):
    q: Annotated[
        str,
        Field(
            min_length=1,
            max_length=Q_LENGTH,
            pattern=NO_NUL,
            description=SYNTAX,
            examples=["artillery -ukraine", '"strategic masterstroke"', "sanction*"],
        ),
    ]
    kind: Annotated[
        Kind | None,
        Field(description="Only hits of this kind; all kinds when absent.", examples=["passage"]),
    ] = None
    limit: Annotated[
        int,
        Field(ge=1, le=MAX_LIMIT, description=f"Hits per page (1 to {MAX_LIMIT}).", examples=[20]),
    ] = 20


class SearchHit(BaseModel):
    """A claim, a passage of a source, or an actor (by its name or an alias)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "kind": "passage",
                    "id": "ps-93bb342a43aa3f7c",
                    "score": 4.0627,
                    "title": "Why Kim Jong-un Formed a Military Alliance with Russia",
                    "text": "Kim Jong-un\u2019s alliance with Russia is more than symbolic\u2014it "
                    "is a strategic masterstroke. It undercuts China\u2019s \u201cdivide and "
                    "conquer\u201d playbook, gives North Korea a second patron, and opens legal "
                    "and military pathways to resist Chinese intervention. It\u2019s a move that "
                    "shows Kim\u2019s awareness of historical patterns, current vulnerabilities, "
                    "and future alignments.",
                    "snippet": "\u2026alliance with Russia is more than symbolic\u2014it is a "
                    "<mark>strategic masterstroke</mark>. It undercuts China\u2019s \u201cdivide "
                    "and conquer\u201d playbook, gives North Korea a second patron, and opens "
                    "legal and military pathways to resist Chinese\u2026",
                    "source_id": "kim-alliance-counter-china",
                    "start": 4324,
                    "end": 4680,
                }
            ]
        }
    )

    kind: Kind
    id: str = Field(description="The claim's, the passage's or the actor's id.")
    score: float = Field(
        description="Relevance, higher is better: bm25 on SQLite, ts_rank_cd on PostgreSQL. "
        "It orders the hits of one search; it is not comparable across engines."
    )
    title: str | None = Field(
        description="The source's title for a passage, the actor's name for an actor; "
        "null for a claim."
    )
    text: str = Field(
        description="What matched, as plain text: the claim, the passage, or the actor's "
        "name or alias."
    )
    snippet: str = Field(
        description="HTML: up to 240 characters of `text` around the first match, escaped, "
        "each match in `<mark>`; `…` where the text is cut."
    )
    source_id: str | None = Field(description="A passage's source; null for other kinds.")
    start: int | None = Field(
        description="Where a passage starts in its source's text (code points); "
        "`text == source.text[start:end]`."
    )
    end: int | None = Field(description="Where a passage ends (exclusive).")


def offset_of(params: SearchParams) -> int:
    if params.cursor is None:
        return 0
    (offset,) = decode_cursor(params.cursor, (int,))
    if not 0 < offset < MAX_DEPTH:
        raise Invalid("cursor", "not a cursor this search returned", location="query")
    return offset


@router.get(
    "",
    response_model=Page[SearchHit],
    responses=problems(422),
    summary="Search claims, passages and actors",
)
async def search_all(
    request: Request, response: Response, params: Annotated[SearchParams, QueryModel(SearchParams)]
) -> Response:
    """Ranked hits across claims, source passages and actors, each with a highlighted snippet."""
    query = search.parse(q=params.q)
    offset = offset_of(params)
    limit = min(params.limit, MAX_DEPTH - offset)
    kinds = [params.kind] if params.kind else list(Kind)
    # a hot path: Core statements on one read connection, hits written by orjson as they are
    hits = await read(
        request,
        lambda db: search.search(db=db, query=query, kinds=kinds, limit=limit + 1, offset=offset),
        heavy=True,  # a common word ranks every claim that has it
    )
    if offset + limit >= MAX_DEPTH:
        hits = hits[:limit]
    hits, cursor = page(hits, params, lambda _: [offset + limit], request, response)
    return json_response({"items": hits, "next_cursor": cursor}, headers=response.headers)
