"""A time budget per request (CLAIMSDB_REQUEST_TIMEOUT_MS), covering its Python work as
well as its SQL.

The statement time limit (app/core/db.py) stops one statement; a request that runs many short
statements, or spends its time in Python between them, never trips it. Here each request
gets a deadline when it arrives: every statement's own limit ends no later (SQLite's
progress handler, PostgreSQL's ``statement_timeout`` set from what is left), and the loops
that do work per row call ``check_deadline``. Past it the request answers the 503
query-timeout problem with Retry-After, as a statement stopped by its own limit does.
"""

import math
import time
from contextvars import ContextVar

from starlette.types import ASGIApp, Receive, Scope, Send

from app.core.errors import QueryTimeout

clock = time.monotonic
DEADLINE: ContextVar[float] = ContextVar("claimsdb_deadline", default=math.inf)


def deadline() -> float:
    """When this request's time is up (``clock`` time; infinite outside a request)."""
    return DEADLINE.get()


def remaining() -> float:
    """Seconds this request has left."""
    return deadline() - clock()


def extend_deadline(seconds: float) -> None:
    """Give this request ``seconds`` more: for work done once per process on its behalf
    (loading the annotation models), which no later request pays."""
    DEADLINE.set(DEADLINE.get() + seconds)


def check_deadline() -> None:
    """Stop the request with the query-timeout problem if its time is up."""
    if clock() > DEADLINE.get():
        raise QueryTimeout()


class RequestDeadline:
    """Sets each request's deadline as it arrives (pure ASGI: nothing else per request)."""

    def __init__(self, app: ASGIApp, *, timeout_ms: int) -> None:
        self.app = app
        self.seconds = timeout_ms / 1000 if timeout_ms else math.inf

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        token = DEADLINE.set(clock() + self.seconds)
        try:
            await self.app(scope, receive, send)
        finally:
            DEADLINE.reset(token)
