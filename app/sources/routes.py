"""Sources: the documents, their verbatim text, and every span annotated in them."""

from collections.abc import Callable
from datetime import date
from functools import cache
from typing import Annotated, Any

import orjson
from fastapi import Depends, Request, Response
from pydantic import Field
from sqlalchemy import Date, bindparam, func, literal
from sqlmodel import Session, col, select

from app.audit.lifecycle import CREATE_ERRORS, WRITE_ERRORS, add_lifecycle, created, write
from app.claims import queries as claim_queries
from app.core.auth import Curator
from app.core.caching import expected_version, tag_version
from app.core.db import SessionDep
from app.core.errors import NotFound
from app.core.negotiation import JSON_LD, VARY, wants_linked_data
from app.core.openapi import problems
from app.core.pagination import (
    PageParams,
    decode_cursor,
    keyset_shape,
    keyset_values,
    next_page_link,
    next_page_url,
    page,
    sort_key,
    sort_type,
    trim,
)
from app.core.query import QueryModel
from app.core.reader import Reader, json_response, linked_data_response, read
from app.core.routing import ResourceRouter
from app.core.urls import absolute, base_url, this_path
from app.exports.stream import Resource, add_export
from app.models import (
    AnnotationJson,
    AnnotationPublic,
    Claim,
    Genre,
    Name,
    OutlineEntry,
    Page,
    Source,
    SourceCreated,
    SourceDetail,
    SourcePublic,
    SourceSubmit,
    SourceUpdate,
    Stance,
    Status,
)
from app.review.filters import shown
from app.search import engine as search
from app.search.language import TextQuery
from app.sources import ingest, service, webannotation
from app.stances import queries as stance_queries

router = ResourceRouter(prefix="/v1/sources", tags=["sources"])

LISTED = [column for column in Source.__table__.columns if column.name != "text"]  # type: ignore[attr-defined]


def get_source(session: SessionDep, source_id: str) -> Source:
    source = session.get(Source, source_id)
    if source is None:
        raise NotFound(f"no source with id {source_id!r}")
    return source


SourceDep = Annotated[Source, Depends(get_source)]


SOURCE_SORTS = ("id", "title", "published_on")


class SourceFilters(PageParams):
    include_retracted: Annotated[
        bool, Field(description="Show retracted records too.", examples=[True])
    ] = False
    q: TextQuery = None
    publisher: Annotated[Name | None, Field(examples=["Tekedia"])] = None
    genre: Annotated[Genre | None, Field(examples=["opinion"])] = None
    sort: sort_type(SOURCE_SORTS) = "id"


@cache  # built per request it took a twelfth of a publisher= list's CPU (py-spy)
def source_sort(sort: str) -> tuple[tuple[Any, ...], Any, bool]:
    """Key columns, how to read the key off a row, and the direction for ``sort``."""
    field, descending = sort_key(sort)
    # undated sources sort first ascending, last descending; keyset needs no NULLs
    published = func.coalesce(Source.published_on, literal(date.min, Date))
    columns = {"id": [], "title": [Source.title], "published_on": [published]}[field]
    read = {
        "id": lambda row: [row.id],
        "title": lambda row: [row.title, row.id],
        "published_on": lambda row: [row.published_on or date.min, row.id],
    }[field]
    return (*columns, Source.id), read, descending


LISTED_NAMES = [*(column.name for column in LISTED), "length"]


@cache
def sources_statement(
    filters: tuple[str, ...], active_only: bool, sort: str, after: bool, searched: bool = False
) -> Any:
    """A page of sources for this shape of request, built once (but with ``searched``, whose
    full-text condition each request adds): each row the listed columns, then the sort key."""
    key, _, descending = source_sort(sort)
    statement = select(*LISTED, func.length(Source.text).label("length"), *key)
    for name in filters:
        statement = statement.where(getattr(Source, name) == bindparam(name))
    if active_only:
        statement = statement.where(Source.status == Status.active)
    return keyset_shape(statement, key, after=after, descending=descending)


def sources_page(filters: SourceFilters) -> tuple[Callable[[Reader], dict[str, Any]], bool]:
    """How to read one page of the sources list, and whether that read is heavy (``read``):
    the list and the sources export (app/exports/) read it the same way."""
    values: dict[str, Any] = {
        name: getattr(filters, name) for name in ("publisher", "genre") if getattr(filters, name)
    }
    shape = (tuple(values), not filters.include_retracted, filters.sort)
    key = source_sort(filters.sort)[0]
    key_size = len(key)
    values |= keyset_values(filters, key)
    after = filters.cursor is not None

    def work(db: Reader) -> dict[str, Any]:
        if filters.q is None:
            rows = db.all(sources_statement(*shape, after), **values)
        else:  # a query's shapes are too many to build once
            query = search.parse(q=filters.q)
            matching = search.matching_source_ids(dialect=db.dialect.name, query=query)
            statement = sources_statement(*shape, after, searched=True)
            rows = db.rows(statement.where(col(Source.id).in_(matching)), **values)
        rows, cursor = trim(rows, filters, lambda row: row[-key_size:])
        items = [dict(zip(LISTED_NAMES, row, strict=False)) for row in rows]
        return {"items": items, "next_cursor": cursor}

    return work, filters.q is not None


@router.get("", response_model=Page[SourcePublic], responses=problems(422), summary="List sources")
async def list_sources(
    request: Request,
    response: Response,
    filters: Annotated[SourceFilters, QueryModel(SourceFilters)],
) -> Response:
    """Sources without their text, in `sort` order (id by default); filter by exact
    `publisher` or `genre`."""
    # rows straight to JSON on the read path (app/reader.py): through the ORM and the
    # response model the list answered no faster than Datasette (docs/benchmarks.md)
    work, heavy = sources_page(filters)
    found = await read(request, work, heavy=heavy)
    next_page_link(request, response, found["next_cursor"])
    return json_response(found, headers=response.headers)


def present_one(_session: Session, source: Source) -> SourceDetail:
    return SourceDetail.model_validate({**source.model_dump(), "length": len(source.text)})


@router.get("/{source_id}", responses=problems(404), summary="Get a source with its text")
def read_source(source: SourceDep, response: Response) -> SourceDetail:
    """The source's metadata and its full `text`, verbatim: offsets index into it."""
    # the ORM row, read once and shown as this resource's writes show it (present_one):
    # not among the hot paths docs/benchmarks.md measures, so not worth a second idiom
    tag_version(response, source.version)
    return present_one(None, source)  # type: ignore[arg-type]


class AnnotationParams(PageParams):
    limit: Annotated[
        int, Field(ge=1, le=500, description="Spans per page (1 to 500).", examples=[100])
    ] = 500


SOURCE_EXISTS = select(Source.id).where(Source.id == bindparam("source_id"))


ANNOTATION_KEY = [
    col(AnnotationJson.start),
    col(AnnotationJson.end),
    col(AnnotationJson.kind),
    col(AnnotationJson.id),
]


@cache
def annotation_page(after: bool) -> Any:
    """One page of a source's stored span bodies in text order (their key), built once."""
    statement = select(AnnotationJson.body, *ANNOTATION_KEY).where(
        AnnotationJson.source_id == bindparam("source_id")
    )
    return keyset_shape(statement, ANNOTATION_KEY, after=after)


@router.get(
    "/{source_id}/annotations",
    response_model=Page[AnnotationPublic],
    responses={
        200: {
            "description": "A page of spans; with `Accept: application/ld+json`, a W3C "
            "AnnotationPage.",
            "content": {JSON_LD: {"example": webannotation.PAGE_EXAMPLE}},
        },
        **problems(404, 406, 422),
    },
    summary="Every annotated span of a source, in text order",
)
async def list_annotations(
    source_id: str,
    request: Request,
    response: Response,
    params: Annotated[AnnotationParams, QueryModel(AnnotationParams)],
) -> Response:
    """Stance and mention spans ordered by `start` (then `end`, kind, id): what a reader
    needs to highlight the text; as a W3C Web Annotation `AnnotationPage` (JSON-LD) with
    `Accept: application/ld+json`."""
    values = {"source_id": source_id, **keyset_values(params, ANNOTATION_KEY)}
    after = params.cursor is not None
    linked = wants_linked_data(request)

    def work(db: Reader) -> dict[str, Any]:
        rows = db.all(annotation_page(after), **values)
        # spans found name their source; only an empty page asks whether it exists
        if not rows and db.first(SOURCE_EXISTS, source_id=source_id) is None:
            raise NotFound(f"no source with id {source_id!r}")
        rows, cursor = page(rows, params, lambda row: row[1:], request, response)
        return {"items": [row[0] for row in rows], "next_cursor": cursor}

    found = await read(request, work)
    response.headers.update(VARY)
    if linked:
        cursor = found["next_cursor"]
        query = request.scope["query_string"].decode("latin-1")
        document = webannotation.source_page(
            base_url=base_url(request),
            source_id=source_id,
            spans=[orjson.loads(body) for body in found["items"]],
            page_url=absolute(request, this_path(request)) + (f"?{query}" if query else ""),
            next_url=None if cursor is None else next_page_url(request, cursor),
            first=not after,
        )
        page_document = document.model_dump(exclude_none=True)
        context = {"@context": page_document.pop("@context")}  # first, where readers look
        return linked_data_response(context | page_document, response.headers)
    found["items"] = [orjson.Fragment(body) for body in found["items"]]
    return json_response(found, headers=response.headers)


@router.post(
    "",
    status_code=201,
    responses={**CREATE_ERRORS, **problems(503)},
    summary="Add a source (and have it annotated)",
)
def create_source(
    body: SourceSubmit, request: Request, response: Response, who: Curator
) -> SourceCreated:
    """A new document with its full text (or a web page's main text, from `html`), stored
    verbatim and never changed; its passages are indexed and the names of known actors in
    it become mentions. With `annotate`, the annotation pipeline's proposals are stored as
    candidates in the same transaction and summed up in `annotation`."""
    settings = request.app.state.settings
    # the text is extracted, its mentions derived and the pipeline run before the write,
    # which then holds the write lock (on SQLite, every other writer waits) for the inserts
    prepared = ingest.prepare(engine=request.app.state.engine, submission=body, settings=settings)
    created(response, f"/v1/sources/{prepared.data.id}")

    def work(session: Session) -> tuple[Source, SourceCreated]:
        stored = ingest.store(session=session, who=who.name, prepared=prepared)
        public = present_one(session, stored.source).model_dump()
        return stored.source, SourceCreated(**public, annotation=stored.summary)

    return write(request, response, work)


@router.patch("/{source_id}", responses=WRITE_ERRORS, summary="Change a source's metadata")
def patch_source(
    source_id: str, body: SourceUpdate, request: Request, response: Response, who: Curator
) -> SourceDetail:
    """A JSON merge patch of the metadata; the text is immutable (a corrected text is a new
    source). Needs If-Match."""
    version = expected_version(request)
    return write(
        request,
        response,
        lambda s: (
            src := service.update_source(
                session=s, who=who.name, source_id=source_id, version=version, patch=body
            ),
            present_one(s, src),
        ),
    )


class OutlineParams(PageParams):
    pass


@router.get(
    "/{source_id}/claims",
    responses=problems(404, 422),
    summary="A source's claims in text order",
)
def list_source_claims(
    source: SourceDep,
    session: SessionDep,
    request: Request,
    response: Response,
    params: Annotated[OutlineParams, QueryModel(OutlineParams)],
) -> Page[OutlineEntry]:
    """The claims this source states, ordered by where each first appears, each with the
    source's stances on it: the article's argument as an outline."""
    found = session.exec(
        select(Stance)
        .where(
            Stance.source_id == source.id,
            Stance.status == Status.active,
            shown(Stance.review_status),
        )
        .order_by(Stance.start, Stance.id)
    ).all()
    by_claim: dict[str, list[Stance]] = {}
    for stance in found:
        by_claim.setdefault(stance.claim_id, []).append(stance)
    order = [(spans[0].start, claim_id) for claim_id, spans in by_claim.items()]
    if params.cursor is not None:
        after = tuple(decode_cursor(params.cursor, (int, str)))
        order = [key for key in order if key > after]
    chosen, cursor = page(order[: params.limit + 1], params, list, request, response)
    claims = {
        claim["id"]: claim
        for claim in claim_queries.present(
            session,
            session.exec(select(Claim).where(col(Claim.id).in_([c for _, c in chosen]))).all(),
        )
    }
    return Page(
        items=[
            OutlineEntry(
                start=start,
                claim=claims[claim_id],
                stances=stance_queries.present(session, by_claim[claim_id]),
            )
            for start, claim_id in chosen
        ],
        next_cursor=cursor,
    )


add_lifecycle(router, "source", present_one, SourceDetail)

add_export(
    Resource(
        "sources", SourceFilters, SourcePublic, lambda filters, _postgres: sources_page(filters)[0]
    )
)
