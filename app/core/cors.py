"""Cross-origin requests from the origins in CLAIMSDB_CORS_ORIGINS (README, "Compression
and CORS"): Starlette's CORSMiddleware, its busiest case done on the raw headers.

Starlette's middleware parses every request's headers into an object, and every response
to another origin's page into another, which cost a claim by id 7.6% of its instructions
(docs/benchmarks.md, "Operations"). Here a request without ``Origin`` passes straight
through, and a simple request from an origin adds the headers Starlette would add, as
byte pairs made once; preflights, and the allow-every-origin ``*`` configuration, are
left to Starlette as they are.
"""

from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.core.asgi import request_header

Headers = list[tuple[bytes, bytes]]


class AllowedOrigins(CORSMiddleware):
    def __init__(self, app: ASGIApp, **options: object) -> None:
        super().__init__(app, **options)  # type: ignore[arg-type]
        self.origins = frozenset(origin.encode("latin-1") for origin in self.allow_origins)
        self.simple: Headers = [
            (name.lower().encode("latin-1"), value.encode("latin-1"))
            for name, value in self.simple_headers.items()
        ]
        # Starlette's own handling where it does more than name the origin back
        self.starlette_only = self.allow_all_origins or self.allow_origin_regex is not None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.starlette_only:
            await super().__call__(scope, receive, send)
            return
        origin = request_header(scope, b"origin")
        if origin is None:
            await self.app(scope, receive, send)
            return
        if scope["method"] == "OPTIONS" and request_header(scope, b"access-control-request-method"):
            await super().__call__(scope, receive, send)
            return
        added = self.simple
        if origin in self.origins:
            added = [*added, (b"access-control-allow-origin", origin), (b"vary", b"Origin")]

        async def with_cors(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", ()), *added]
            await send(message)

        await self.app(scope, receive, with_cors)
