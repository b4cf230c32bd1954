"""Prometheus metrics, served at /metrics when CLAIMSDB_METRICS is on: requests and their
latency per route template, each request's time in the database, the annotation
pipeline's time per step, the read model's refreshes and rebuilds, and the reads moved off
the event loop.

With several worker processes each counts what it answers; prometheus-client's
multiprocess mode has each write its numbers to files in PROMETHEUS_MULTIPROC_DIR, which
/metrics adds up whichever worker answers. ``claimsdb serve --workers N`` makes that folder
(``multiprocess_dir``) before any worker starts: the client reads the variable when it is
first imported.
"""

import functools
import os
import tempfile
import time
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any, ParamSpec, TypeVar

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)
from sqlalchemy import Engine, event
from starlette.requests import Request
from starlette.responses import Response

MULTIPROCESS_DIR = "PROMETHEUS_MULTIPROC_DIR"
# from a claim by id (a millisecond) to a request at its time limit (5 s by default)
SECONDS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
PIPELINE_SECONDS = (0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)
UNMATCHED = "<unmatched>"  # a path no route has: its own label would let clients make many

REQUESTS = Counter(
    "claimsdb_http_requests",
    "HTTP requests answered, by method, route template and status",
    ["method", "route", "status"],
)
LATENCY = Histogram(
    "claimsdb_http_request_duration_seconds",
    "Time from a request's arrival to the end of its response, by route template",
    ["method", "route"],
    buckets=SECONDS,
)
DATABASE = Histogram(
    "claimsdb_http_request_database_seconds",
    "Time a request spent running database statements, by route template",
    ["method", "route"],
    buckets=SECONDS,
)
PIPELINE = Histogram(
    "claimsdb_pipeline_seconds",
    "Time the annotation pipeline took per source, by step and in all (step=total)",
    ["step"],
    buckets=PIPELINE_SECONDS,
)
READ_MODEL_BODIES = Counter(
    "claimsdb_read_model_bodies_refreshed",
    "Stored JSON bodies written again after a write, by kind of record",
    ["kind"],
)
READ_MODEL_REBUILDS = Histogram(
    "claimsdb_read_model_rebuild_seconds",
    "Full rebuilds of the read model (every stored body anew) and their time",
    buckets=PIPELINE_SECONDS,
)
LOOP_READS_MOVED = Counter(
    "claimsdb_loop_reads_moved",
    "Reads stopped at the end of their slice of the event loop (CLAIMSDB_LOOP_READ_MS) and "
    "run again on the read pool",
)

# the database time of the request in progress, [seconds]; None outside one or when off
DB_TIME: ContextVar[list[float] | None] = ContextVar("claimsdb_db_time", default=None)

P = ParamSpec("P")
T = TypeVar("T")


def multiprocess_dir() -> str:
    """The folder worker processes share their numbers through: the one the environment
    names, else a new one, named in the environment for the workers to inherit."""
    if not os.environ.get(MULTIPROCESS_DIR):
        os.environ[MULTIPROCESS_DIR] = tempfile.mkdtemp(prefix="claimsdb-metrics-")
    return os.environ[MULTIPROCESS_DIR]


def exposition(_request: Request) -> Response:
    """Every metric in Prometheus text format: this process's, or every worker's."""
    registry = REGISTRY
    if os.environ.get(MULTIPROCESS_DIR):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)


def time_statements(engine: Engine) -> None:
    """Count every statement SQLAlchemy runs on ``engine`` into its request's database time
    (the read path runs its own on the driver's cursor, and counts them itself)."""

    @event.listens_for(engine, "before_cursor_execute")
    def started(_conn: Any, _cursor: Any, _sql: str, _params: Any, context: Any, _many: bool):
        if context is not None:
            context._claimsdb_started = time.perf_counter()

    @event.listens_for(engine, "after_cursor_execute")
    def finished(_conn: Any, _cursor: Any, _sql: str, _params: Any, context: Any, _many: bool):
        spent = DB_TIME.get()
        began = getattr(context, "_claimsdb_started", None)
        if spent is not None and began is not None:
            spent[0] += time.perf_counter() - began


def timed_pipeline(annotate: Callable[P, T]) -> Callable[P, T]:
    """Record the annotation pipeline's time, in all and per step (its ``timings``)."""

    @functools.wraps(annotate)
    def timed(*args: P.args, **kwargs: P.kwargs) -> T:
        started = time.perf_counter()
        proposals = annotate(*args, **kwargs)
        PIPELINE.labels("total").observe(time.perf_counter() - started)
        for step, seconds in (getattr(proposals, "timings", None) or {}).items():
            PIPELINE.labels(step).observe(seconds)
        return proposals

    return timed
