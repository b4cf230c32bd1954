"""``GET /v1/exports/{sources|actors|claims|stances|mentions}.{csv|ndjson}``: a whole list,
with the list's own filters and sort, streamed. Each room adds its list's export here
(``add_export``); app/exports/routes.py is the router's name among the endpoint modules.

An export reads the list's pages as the list does (each list's ``*_page`` function), in
batches of ``BATCH`` items, each batch a short read transaction of its own on the read
pool, bounded by the request timeout as a page of the list is. Between batches it holds
no connection and no thread, only the batch it is sending: memory stays flat whatever the
size, and a client that reads slowly holds nothing but its socket. A client that takes
no data for ``SEND_TIMEOUT`` seconds, or an export past CLAIMSDB_EXPORT_TIMEOUT_MS, is cut
off: the connection closes before the end of the body, so no client takes a cut export
for a whole one. Batches are separate reads: rows written during an export may or may not
be in it, as when paging through a list (``claimsdb dump`` is the consistent copy). A
worker streams at most CLAIMSDB_EXPORTS_PER_WORKER exports at once (app/exports/slots.py).

Its ETag is known before its body: a hash of what was asked and of the data's state (the
audit log's last entry, each table's size, the read model's format), which every
write and every seeding changes. It is weak, as rows may change during the stream.
"""

import asyncio
import contextvars
import hashlib
import math
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from http import HTTPStatus
from typing import Annotated, Any

import anyio
import orjson
from fastapi import FastAPI, Path, Request, Response
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, ConfigDict, create_model
from sqlalchemy import func, literal_column, select
from starlette.types import Receive, Scope, Send

from app.core.caching import cache_control, etag_matches
from app.core.deadline import DEADLINE, clock
from app.core.errors import ProblemError
from app.core.http_methods import HEAD
from app.core.openapi import problem_doc, problems
from app.core.pagination import PageParams
from app.core.query import QueryModel
from app.core.reader import Reader, read, reading
from app.core.routing import ResourceRouter
from app.exports.csv_rows import CsvWriter
from app.exports.slots import RETRY_AFTER, ExportsBusy, Slot, export_slots
from app.models import (
    Actor,
    Change,
    Claim,
    Mention,
    ReadModelFormat,
    Source,
    Stance,
)

router = ResourceRouter(prefix="/v1/exports", tags=["exports"])

BATCH = 500  # items per read: the lists' largest page, whose reads are measured bounded
SEND_TIMEOUT = 60  # seconds a client may take no data before it is cut off
FORMAT_VERSION = 1  # of the export files: part of every ETag
PAGING = ("limit", "cursor", "facets")

PageWork = Callable[[Reader], dict[str, Any]]


class ExportFormat(StrEnum):
    csv = "csv"
    ndjson = "ndjson"


MEDIA_TYPES = {
    ExportFormat.csv: "text/csv; charset=utf-8; header=present",
    ExportFormat.ndjson: "application/x-ndjson",
}


@dataclass(frozen=True)
class Resource:
    name: str
    filters: type[PageParams]  # the list's
    item: type[BaseModel]  # the list's items, whose fields are the CSV's columns
    page: Callable[[Any, bool], PageWork]  # (list filters, on PostgreSQL) -> a page's read


REGISTERED: dict[str, "Resource"] = {}  # by name, as each room adds its export


@cache
def stamp(dialect: str) -> Any:
    """What every write and every seeding changes: a new audit entry, or a table's size.
    On SQLite a table's largest rowid, read off the end of its b-tree where a count reads
    every page (a second at a million claims): each insert raises it, seeding only
    inserts, and a delete is audited."""

    def size(table: Any) -> Any:
        counted = func.max(literal_column("rowid")) if dialect == "sqlite" else func.count()
        return select(counted).select_from(table).scalar_subquery()

    return select(
        select(func.max(Change.seq)).scalar_subquery(),
        *(size(table) for table in (Source, Actor, Claim, Stance, Mention)),
        select(func.max(ReadModelFormat.format)).scalar_subquery(),
    )


def export_filters(model: type[PageParams]) -> type[BaseModel]:
    """The list's filters and sort, without its paging and facets."""
    fields: Any = {
        name: (info.annotation, info)
        for name, info in model.model_fields.items()
        if name not in PAGING
    }
    name = model.__name__.removesuffix("Filters") + "ExportFilters"
    return create_model(name, __config__=ConfigDict(extra="forbid"), **fields)


class ExportResponse(StreamingResponse):
    """A streamed body whose client must take each part within ``SEND_TIMEOUT``, and which
    holds its export's slot until it ends, whichever way."""

    def __init__(self, content: AsyncIterator[bytes], slot: Slot, **kwargs: Any) -> None:
        super().__init__(content, **kwargs)
        self.slot = slot

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await super().__call__(scope, receive, send)
        finally:
            self.slot.release()

    async def stream_response(self, send: Send) -> None:
        start = {"type": "http.response.start", "status": self.status_code}
        await send({**start, "headers": self.raw_headers})
        async for chunk in self.body_iterator:
            with anyio.fail_after(SEND_TIMEOUT):
                await send({"type": "http.response.body", "body": chunk, "more_body": True})
        await send({"type": "http.response.body", "body": b"", "more_body": False})


class ExportTooLong(Exception):
    """An export past CLAIMSDB_EXPORT_TIMEOUT_MS: its connection is closed mid-body."""


def encoder(resource: Resource, fmt: ExportFormat) -> Callable[[list[Any]], bytes]:
    """Items of a page (stored bodies as bytes, or dicts) as lines of ``fmt``."""
    if fmt is ExportFormat.ndjson:
        return lambda items: b"".join(
            (item if isinstance(item, bytes) else orjson.dumps(item)) + b"\n" for item in items
        )
    writer = CsvWriter(resource.item)
    return lambda items: writer.rows(
        orjson.loads(item) if isinstance(item, bytes) else item for item in items
    )


async def export(
    request: Request, resource: Resource, fmt: ExportFormat, filters: BaseModel
) -> Response:
    app = request.app
    settings = app.state.settings
    state = await read(request, lambda db: db.first(stamp(db.dialect.name)), heavy=True)
    asked = orjson.dumps([FORMAT_VERSION, resource.name, fmt, filters.model_dump(mode="json")])
    etag = 'W/"' + hashlib.sha256(asked + orjson.dumps(state)).hexdigest()[:32] + '"'
    headers = {
        "ETag": etag,
        "Cache-Control": cache_control(request.scope).decode(),
        "Content-Disposition": f'attachment; filename="claimsdb-{resource.name}.{fmt}"',
    }
    if_none_match = request.headers.get("if-none-match")
    if if_none_match and etag_matches(if_none_match, etag.removeprefix("W/")):
        return Response(status_code=304, headers=headers)
    if request.scope.get(HEAD):
        return Response(headers=headers, media_type=MEDIA_TYPES[fmt])

    slot = export_slots(app, settings.exports_per_worker).take()  # or 503, before any read
    try:
        return await streamed(app, resource, fmt, filters, slot, headers)
    except BaseException:
        slot.release()  # the response that would have released it will not be sent
        raise


async def streamed(
    app: FastAPI,
    resource: Resource,
    fmt: ExportFormat,
    filters: BaseModel,
    slot: Slot,
    headers: dict[str, str],
) -> Response:
    settings, engine = app.state.settings, app.state.engine
    postgres = engine.dialect.name == "postgresql"
    first = resource.filters.model_construct(**filters.model_dump(), limit=BATCH, cursor=None)
    encode = encoder(resource, fmt)
    seconds = settings.request_timeout_ms / 1000 or math.inf
    ends = clock() + (settings.export_timeout_ms / 1000 or math.inf)

    async def batch(cursor: str | None) -> tuple[bytes, str | None]:
        work = resource.page(first.model_copy(update={"cursor": cursor}), postgres)

        def run() -> tuple[bytes, str | None]:
            # each batch has the time a request has, as a page of the list does
            DEADLINE.set(clock() + seconds)
            with reading(engine) as db:
                found = work(db)
            return encode(found["items"]), found["next_cursor"]

        # in a context of its own, so that its deadline is its own; the slot knows it is
        # reading, as a client that leaves does not stop the thread
        slot.reading = app.state.read_pool.submit(contextvars.copy_context().run, run)
        return await asyncio.wrap_future(slot.reading)

    # the first batch before the first byte: a bad query is still a 422, a timeout a 503
    head = CsvWriter(resource.item).header() if fmt is ExportFormat.csv else b""
    body, cursor = await batch(None)

    async def rest() -> AsyncIterator[bytes]:
        nonlocal cursor
        yield head + body
        while cursor is not None:
            if clock() > ends:
                limit = settings.export_timeout_ms
                raise ExportTooLong(f"export of {resource.name} past {limit} ms")
            chunk, cursor = await batch(cursor)
            yield chunk

    return ExportResponse(rest(), slot, headers=headers, media_type=MEDIA_TYPES[fmt])


def problem_example(error: ProblemError) -> dict[str, Any]:
    title = HTTPStatus(error.status).phrase
    return {"type": error.type, "title": title, "status": error.status, "detail": error.detail}


CSV_EXAMPLE = (
    "id,text,claim_type,topics,status,status_reason,actors,version,review_status\r\n"
    "nk-supplies-artillery-shells,North Korea supplies artillery shells to Russia for its "
    'war in Ukraine.,factual,munitions|ukraine-war,active,,"[{""id"":""north-korea"",'
    '""name"":""North Korea"",""role"":""subject""}]",1,accepted\r\n'
)
NDJSON_EXAMPLE = (
    '{"id":"nk-supplies-artillery-shells","text":"North Korea supplies artillery shells to '
    'Russia for its war in Ukraine.","claim_type":"factual","topics":["munitions",'
    '"ukraine-war"],"status":"active","status_reason":null,"actors":[{"id":"north-korea",'
    '"name":"North Korea","role":"subject"}],"version":1,"review_status":"accepted"}\n'
)
RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "Every item of the list, one per line: CSV with a header row, or "
        "NDJSON (one JSON object per line, as the list's items). The example is a claim.",
        "content": {
            MEDIA_TYPES[ExportFormat.csv]: {"example": CSV_EXAMPLE},
            MEDIA_TYPES[ExportFormat.ndjson]: {"example": NDJSON_EXAMPLE},
        },
    },
    304: {"description": "Not modified: the data is as it was for the If-None-Match ETag."},
    **problems(422),
    503: problem_doc(
        "Exports are busy: this server process streams as many at once as it "
        "may (CLAIMSDB_EXPORTS_PER_WORKER), or the first batch's read hit the time limit "
        "(type `urn:claimsdb:problem:query-timeout`). Nothing was sent: try again after "
        "Retry-After.",
        problem_example(ExportsBusy(2)),
        headers={
            "Retry-After": {
                "description": "Seconds to wait before asking again.",
                "schema": {"type": "integer", "example": RETRY_AFTER},
            }
        },
    ),
}


def add_export(resource: Resource) -> None:
    """Serve ``resource``'s export: each room adds its own, beside its list, so that this
    module needs none of them (endpoint modules never import each other)."""
    REGISTERED[resource.name] = resource
    filters_model = export_filters(resource.filters)

    async def export_resource(
        fmt: Annotated[ExportFormat, Path(alias="format", description="`csv` or `ndjson`.")],
        request: Request,
        filters: Annotated[filters_model, QueryModel(filters_model)],  # type: ignore[valid-type]
    ) -> Response:
        return await export(request, resource, fmt, filters)

    export_resource.__doc__ = (
        f"Every item of `GET /v1/{resource.name}` meeting the same filters, in the same "
        "order, streamed in constant memory as CSV (a header row, then one row per item; "
        "list-valued fields `|`-joined or as JSON, formula-like cells quoted with `'`) or "
        "NDJSON (each line an item exactly as the list gives it)."
    )
    router.add_api_route(
        f"/{resource.name}.{{format}}",
        export_resource,
        methods=["GET"],
        response_class=Response,
        responses=RESPONSES,
        summary=f"Export {resource.name} (CSV or NDJSON)",
        name=f"export_{resource.name}",
    )
