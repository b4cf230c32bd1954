"""What the pages show, read through the JSON API's own endpoint functions: one read path.

Each function here calls the function that answers the matching ``/v1`` request, in this
process (never over HTTP), and hands back the body that request would return, as Python
data. A page therefore shows exactly what the API says, and costs what its JSON costs plus
rendering (docs/benchmarks.md, "Web pages"). The async endpoints run on the event loop as
they do for the API (app/reader.py); the sync ones, which read through a Session, go to the
thread pool, as FastAPI sends them there for the API.
"""

from collections.abc import Callable
from typing import Any, TypeVar

import orjson
from fastapi import Request, Response
from pydantic import BaseModel, ValidationError
from sqlmodel import Session
from starlette.concurrency import run_in_threadpool

from app.actors import routes as actors
from app.claims import routes as claims
from app.core.errors import MovedPermanently
from app.ingest.furniture import is_furniture
from app.review import routes as review
from app.search import routes as search
from app.sources import routes as sources
from app.sources import service as source_service
from app.stances import routes as stances

T = TypeVar("T")
M = TypeVar("M", bound=BaseModel)

# the reader reads a source's spans 500 at a time (the API's largest page); past this many
# pages it stops and says so, so that no page holds a worker for long (a seed has 300 spans)
MAX_SPAN_PAGES = 20


class Invalid(Exception):
    """A page's query string the API's own parameter model refuses; rendered as a 422 page."""

    def __init__(self, errors: list[tuple[str, str]]) -> None:
        super().__init__("; ".join(f"{field}: {message}" for field, message in errors))
        self.errors = errors


def params(model: type[M], **values: Any) -> M:
    """The API's parameter model for a list, from a page's values (None ones left out)."""
    try:
        return model.model_validate({k: v for k, v in values.items() if v is not None})
    except ValidationError as error:
        raise Invalid(
            [(".".join(map(str, e["loc"])) or "query", e["msg"]) for e in error.errors()]
        ) from None


def body(response: Response) -> Any:
    return orjson.loads(response.body)


async def in_session(request: Request, work: Callable[[Session], T]) -> T:
    """``work`` with a Session of the app's engine, on the thread pool (it blocks)."""

    def run() -> T:
        with Session(request.app.state.engine) as session:
            return work(session)

    return await run_in_threadpool(run)


def furniture(session: Session, source: Any, text: str) -> list[tuple[int, int]]:
    """Where page chrome lies in the text: what the source's seed file declares, and the
    whole lines the annotation pipeline takes for furniture (app/ingest/furniture.py)."""
    spans = [(span.start, span.end) for span in source_service.declared_furniture(session, source)]
    at = 0
    for line in text.split("\n"):
        if line.strip() and is_furniture(line):
            spans.append((at, at + len(line)))
        at += len(line) + 1
    return sorted(spans)


async def source(request: Request, source_id: str) -> tuple[dict[str, Any], list[tuple[int, int]]]:
    """``GET /v1/sources/{id}``, and where its furniture lies."""

    def work(session: Session) -> tuple[dict[str, Any], list[tuple[int, int]]]:
        row = sources.get_source(session, source_id)
        detail = sources.read_source(row, Response()).model_dump(mode="json")
        return detail, furniture(session, row, detail["text"])

    return await in_session(request, work)


async def annotations(request: Request, source_id: str) -> tuple[list[dict[str, Any]], bool]:
    """Every page of ``GET /v1/sources/{id}/annotations`` (up to ``MAX_SPAN_PAGES``), and
    whether there were more."""
    spans: list[dict[str, Any]] = []
    cursor = None
    for _ in range(MAX_SPAN_PAGES):
        chosen = sources.AnnotationParams(limit=500, cursor=cursor)
        found = body(await sources.list_annotations(source_id, request, Response(), chosen))
        spans += found["items"]
        cursor = found["next_cursor"]
        if cursor is None:
            return spans, False
    return spans, True


async def source_list(request: Request, **values: Any) -> dict[str, Any]:
    """``GET /v1/sources``."""
    chosen = params(sources.SourceFilters, **values)
    return body(await sources.list_sources(request, Response(), chosen))


async def claim_list(request: Request, **values: Any) -> dict[str, Any]:
    """``GET /v1/claims``."""
    chosen = params(claims.ClaimFilters, **values)
    return body(await claims.list_claims(request, Response(), chosen))


async def stance_list(request: Request, **values: Any) -> dict[str, Any]:
    """``GET /v1/stances``."""
    chosen = params(stances.StanceFilters, **values)
    return body(await stances.list_stances(request, Response(), chosen))


async def review_queue(request: Request, source_id: str, **values: Any) -> dict[str, Any]:
    """``GET /v1/sources/{id}/review``: the source's candidate stances and mentions in text
    order, each with the candidate actors it names."""
    chosen = params(review.QueueParams, **values)

    def work(session: Session) -> dict[str, Any]:
        found = review.review_queue(source_id, session, request, Response(), chosen)
        return found.model_dump(mode="json")

    return await in_session(request, work)


async def contestation(request: Request, claim_id: str) -> dict[str, Any]:
    """``GET /v1/claims/{id}/contestation``: the claim, and its stances grouped by label,
    each with its source."""

    def work(session: Session) -> dict[str, Any]:
        claim = claims.get_claim(session, claim_id)
        return claims.read_contestation(claim, session).model_dump(mode="json")

    return await in_session(request, work)


async def actor(request: Request, actor_id: str) -> dict[str, Any]:
    """``GET /v1/actors/{id}``; an actor merged into another raises ``MovedPermanently``."""

    def work(session: Session) -> dict[str, Any]:
        found = actors.get_actor(session, request, actor_id)
        return actors.read_actor(found, session, Response()).model_dump(mode="json")

    return await in_session(request, work)


async def search_hits(request: Request, **values: Any) -> dict[str, Any]:
    """``GET /v1/search``."""
    chosen = params(search.SearchParams, **values)
    return body(await search.search_all(request, Response(), chosen))


def merged_into(error: MovedPermanently) -> str:
    """The id an actor was merged into, from the Location the API would answer with."""
    location = (error.headers or {})["Location"]
    return location.split("?", 1)[0].rsplit("/", 1)[1]
