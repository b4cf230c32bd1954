"""Builds the app: lifespan, routers, error handlers, docs served from local assets."""

import gc
import logging
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline

from app.actors import routes as actors
from app.analytics import routes as analytics
from app.audit import routes as changes
from app.claims import routes as claims
from app.config import Settings, comma_list, get_settings
from app.core import errors, metrics, openapi, telemetry
from app.core.auth import Limits, TokenBuckets
from app.core.caching import ETagMiddleware
from app.core.cors import AllowedOrigins
from app.core.db import make_engine
from app.core.deadline import RequestDeadline
from app.core.http_methods import Methods
from app.core.limits import BodySizeLimit
from app.core.reader import LoopReads
from app.core.security_headers import SecurityHeaders
from app.core.shared_limits import RedisBuckets, RedisState
from app.core.workers import pin_to_a_free_cpu
from app.exports import routes as exports
from app.health import routes as health
from app.ingest import warm_up
from app.ingest.nlp import ModelUnavailable
from app.keys import routes as keys
from app.mentions import routes as mentions
from app.review import routes as review
from app.search import routes as search
from app.sources import routes as sources
from app.stances import routes as stances
from app.web import routes as web

TAGS = [
    {"name": "sources", "description": "Documents, stored verbatim, and their annotations."},
    {"name": "actors", "description": "People, states, organisations and groups."},
    {"name": "claims", "description": "Propositions with their actors and stances."},
    {"name": "stances", "description": "Positions on claims at exact spans of sources."},
    {"name": "analytics", "description": "Who agrees with whom, across the dataset."},
    {"name": "search", "description": "Full-text search across claims, passages and actors."},
    {"name": "mentions", "description": "Actors named at spans of sources."},
    {"name": "changes", "description": "The audit log as a feed that mirrors follow."},
    {"name": "exports", "description": "Whole lists as CSV or NDJSON, streamed."},
    {"name": "keys", "description": "API keys (admin)."},
    {"name": "health", "description": "Liveness and readiness probes."},
]

DOCS, REDOC = "/docs", "/redoc"


def warm_up_pipeline(settings: Settings) -> None:
    """Load the annotation models now; a server without them still serves everything else
    (a request that annotates answers 503, saying why)."""
    try:
        warm_up(settings)
    except ModelUnavailable as error:
        logging.getLogger("claimsdb").warning("annotation unavailable: %s", error)


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    engine = make_engine(
        settings.database_url,
        busy_timeout_ms=settings.sqlite_busy_timeout_ms,
        statement_timeout_ms=settings.statement_timeout_ms,
    )
    # rate limits every worker shares (app/core/shared_limits.py), else each its own
    redis = settings.redis_url and RedisState(settings.redis_url, settings.redis_key_prefix)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # the app's own objects live as long as the process: out of the collector's sight,
        # a full collection takes microseconds instead of 60 ms, which was every p99
        gc.freeze()
        claim = pin_to_a_free_cpu() if settings.pin_cpu else None
        if settings.annotate_warm_up:
            warm_up_pipeline(settings)
        yield
        if claim:
            claim.release()
        read_pool.shutdown()
        loop_reads.close()
        engine.dispose()
        if redis:
            await redis.close()

    app = FastAPIOffline(
        title="claimsdb",
        version="0.1.0",
        summary="Who claims what, where exactly it is written, who agrees and who disagrees.",
        openapi_tags=TAGS,
        lifespan=lifespan,
        docs_url=DOCS,
        redoc_url=REDOC,
        swagger_ui_parameters={"validatorUrl": None},
    )
    # and gzip, for the clients that ask (app/core/compression.py)
    app.add_middleware(ETagMiddleware, compress_from=settings.gzip_min_bytes)
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(RequestDeadline, timeout_ms=settings.request_timeout_ms)
    app.add_middleware(Methods, routes=app.router.routes)
    if origins := comma_list(settings.cors_origins):
        # outside Methods, which would refuse a preflight's OPTIONS
        app.add_middleware(
            AllowedOrigins,
            allow_origins=origins,
            allow_methods=["GET", "HEAD", "POST", "PATCH", "DELETE"],
            allow_headers=["Authorization", "Content-Type", "If-Match", "If-None-Match"],
            expose_headers=["ETag", "Link", "Location", "Retry-After", "X-Request-ID"],
            max_age=600,
        )
    docs_pages = frozenset((DOCS, REDOC, app.swagger_ui_oauth2_redirect_url or DOCS))
    app.add_middleware(SecurityHeaders, docs_pages=docs_pages)
    if settings.log_format == "json":
        telemetry.json_logs(settings.log_level)
    # the access line is at level info: a server at warning writes none
    access_lines = (
        settings.log_format == "json"
        and logging.getLevelName(settings.log_level.upper()) <= logging.INFO
    )
    if access_lines or settings.metrics:
        app.add_middleware(telemetry.Telemetry, log=access_lines, count=settings.metrics)
    app.add_middleware(telemetry.RequestIds)
    app.state.engine = engine
    app.state.loop_reads = loop_reads = LoopReads(engine, settings.loop_read_ms)
    read_pool = ThreadPoolExecutor(settings.read_threads, thread_name_prefix="claimsdb-read")
    app.state.read_pool = read_pool
    app.state.settings = settings
    errors.install(app)
    # routes match in order, one by one: the busiest first
    for module in (
        claims,
        stances,
        sources,
        search,
        actors,
        mentions,
        analytics,
        changes,
        exports,
        keys,
        review,
    ):
        app.include_router(module.router)
    app.include_router(health.router)
    if settings.metrics:
        metrics.time_statements(engine)
        app.add_route("/metrics", metrics.exposition, methods=["GET"], include_in_schema=False)
    # the web pages last: /v1 and the probes are matched before them
    app.include_router(web.router)
    app.mount("/static", StaticFiles(directory=web.STATIC), name="static")
    app.state.limits = Limits(
        **{
            name: RedisBuckets(redis, name, per_minute) if redis else TokenBuckets(per_minute)
            for name, per_minute in (
                ("keys", settings.rate_limit_per_minute),
                ("anonymous", settings.anonymous_rate_limit_per_minute),
                ("failures", settings.failed_key_limit_per_minute),
            )
        },
        exempt=frozenset(comma_list(settings.rate_limit_exempt)),
    )
    app.openapi = lambda: openapi.build(app)  # type: ignore[method-assign]
    return app
