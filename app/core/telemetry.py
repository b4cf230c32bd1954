"""What each request leaves behind for the operator: its request id, returned in
``X-Request-ID``; one JSON log line (CLAIMSDB_LOG_FORMAT=json); its metrics
(CLAIMSDB_METRICS, app/core/metrics.py).

The request id is the client's (or a proxy's) ``X-Request-ID`` when it is a plain token,
else a new one, and every log line written during the request carries it. Ours, not
asgi-correlation-id's: its middleware parsed every request's headers into objects and cost
a claim by id 6%, for what takes a dozen lines (docs/benchmarks.md, "Operations").

The access line names the route template (``/v1/claims/{claim_id}``), never the query
string, and the key by its name, never its secret.
"""

import logging
import logging.config
import os
import re
import sys
import time
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

import orjson
import structlog
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.core import metrics
from app.core.asgi import request_header
from app.core.auth import CALLER

REQUEST_ID_HEADER = b"x-request-id"
# what a proxy or client sends as its request id (a UUID, nginx's $request_id, a trace id);
# anything else is replaced rather than echoed into headers and logs
REQUEST_ID = re.compile(r"[A-Za-z0-9._:@/+=-]{1,128}")
LONGEST_LOGGED_PATH = 200
METHODS = frozenset(("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"))


def valid_request_id(value: str) -> bool:
    return REQUEST_ID.fullmatch(value) is not None


REQUEST_ID_NOW: ContextVar[str | None] = ContextVar("claimsdb_request_id", default=None)


class RequestIds:
    """Take ``X-Request-ID`` from the request, or make one; return it on the response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        given = request_header(scope, REQUEST_ID_HEADER)
        request_id = given.decode("latin-1") if given else ""
        if not valid_request_id(request_id):
            # 128 random bits as 32 hex digits, as uuid4().hex looks, in a sixth of its time
            request_id = os.urandom(16).hex()
        header = (REQUEST_ID_HEADER, request_id.encode("latin-1"))

        async def with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message["headers"], header]
            await send(message)

        token = REQUEST_ID_NOW.set(request_id)
        try:
            await self.app(scope, receive, with_id)
        finally:
            REQUEST_ID_NOW.reset(token)


def add_request_id(_logger: Any, _method: str, event: dict[str, Any]) -> dict[str, Any]:
    if (request_id := REQUEST_ID_NOW.get()) is not None:
        event.setdefault("request_id", request_id)
    return event


def rename_event(_logger: Any, _method: str, event: dict[str, Any]) -> dict[str, Any]:
    event["message"] = event.pop("event", "")
    return event


JSON_CHAIN = [
    structlog.processors.add_log_level,
    structlog.processors.TimeStamper(fmt="iso", utc=True, key="time"),
    add_request_id,
]


def logging_config(level: str) -> dict[str, Any]:
    """The ``logging`` configuration of a server with JSON logs: every record, uvicorn's
    and the app's, one JSON line on stdout with its request id; no uvicorn access line
    (the app writes its own)."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "json": {
                "()": structlog.stdlib.ProcessorFormatter,
                "foreign_pre_chain": [structlog.stdlib.add_logger_name, *JSON_CHAIN],
                "processors": [
                    structlog.stdlib.ProcessorFormatter.remove_processors_meta,
                    structlog.processors.format_exc_info,
                    rename_event,
                    structlog.processors.JSONRenderer(),
                ],
            }
        },
        "handlers": {
            "stdout": {"class": "logging.StreamHandler", "formatter": "json", "stream": sys.stdout}
        },
        "root": {"handlers": ["stdout"], "level": level.upper()},
        "loggers": {
            "uvicorn": {"handlers": [], "propagate": True},
            "uvicorn.error": {"handlers": [], "propagate": True},
            "uvicorn.access": {"handlers": [], "propagate": False, "level": "CRITICAL"},
        },
    }


def json_logs(level: str) -> None:
    """Switch this process's ``logging`` to JSON lines (uvicorn's and the app's); the
    access lines are written by ``Telemetry`` itself."""
    logging.config.dictConfig(logging_config(level))


def write_access_line(fields: dict[str, Any]) -> None:
    """One access line on standard output. Written here, not through structlog's chain of
    processors, which cost a claim by id 6% of its instructions where this costs 2%
    (docs/benchmarks.md, "Operations"); the line has the same fields as every other."""
    fields["level"] = "info"
    fields["time"] = datetime.now(UTC).isoformat().replace("+00:00", "Z")
    if (request_id := REQUEST_ID_NOW.get()) is not None:
        fields["request_id"] = request_id
    fields["message"] = "request"
    out = sys.stdout.buffer
    out.write(orjson.dumps(fields, option=orjson.OPT_APPEND_NEWLINE))
    out.flush()


class Telemetry:
    """Times each request and, once it is answered, writes its access line (``log``)
    and counts it in the metrics (``count``). Pure ASGI, outside every other middleware
    but the request id's, so that its time is the client's wait."""

    def __init__(self, app: ASGIApp, *, log: bool, count: bool) -> None:
        self.app = app
        self.log = log
        self.count = count
        # prometheus-client's labels() takes a lock and builds a key each call: a child per
        # (method, route, status) is looked up once
        self.children: dict[tuple[str, str, int], tuple[Any, Any, Any]] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500  # what the client gets when the app fails before it answers
        spent = [0.0]
        token = metrics.DB_TIME.set(spent) if self.count else None

        async def observed(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, observed)
        finally:
            seconds = time.perf_counter() - started
            if token is not None:
                metrics.DB_TIME.reset(token)
            route = scope.get("route")
            template = getattr(route, "path", None)
            if self.count:
                # labels from a closed set: a client inventing paths or methods must not
                # make the metrics grow without end
                method = scope["method"] if scope["method"] in METHODS else "other"
                key = (method, template or metrics.UNMATCHED, status)
                counted, latency, database = self.children.get(key) or self.child(*key)
                counted.inc()
                latency.observe(seconds)
                database.observe(spent[0])
            if self.log:
                caller = scope.get(CALLER)
                write_access_line(
                    {
                        "method": scope["method"],
                        "path": template or scope["path"][:LONGEST_LOGGED_PATH],
                        "status": status,
                        "duration_ms": round(seconds * 1000, 3),
                        "key": caller.name if caller is not None else None,
                        "client": scope["client"][0] if scope.get("client") else None,
                    }
                )

    def child(self, method: str, route: str, status: int) -> tuple[Any, Any, Any]:
        found = self.children[(method, route, status)] = (
            metrics.REQUESTS.labels(method, route, str(status)),
            metrics.LATENCY.labels(method, route),
            metrics.DATABASE.labels(method, route),
        )
        return found
