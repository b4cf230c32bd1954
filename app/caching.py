"""HTTP caching for reads: a strong ETag on every successful GET, 304 for a matching
``If-None-Match``, and a Cache-Control that makes caches revalidate.

The data changes only on writes, at moments no client can predict, so a cache may keep
a response but must ask again each time (``no-cache``); the ETag, a hash of the exact
body, makes that question cheap to answer with a 304.
"""

import hashlib

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CACHE_CONTROL = "public, no-cache"


def strong_etag(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def etag_matches(if_none_match: str, etag: str) -> bool:
    """RFC 9110 weak comparison, as If-None-Match uses: W/ prefixes do not matter."""
    if if_none_match.strip() == "*":
        return True
    candidates = (tag.strip().removeprefix("W/") for tag in if_none_match.split(","))
    return etag in candidates


class ETagMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        start: Message | None = None
        chunks: list[bytes] = []

        async def buffer(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
                return
            if message["type"] != "http.response.body":
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body"):
                return
            assert start is not None
            await self.finish(scope, start, b"".join(chunks), send)

        await self.app(scope, receive, buffer)

    async def finish(self, scope: Scope, start: Message, body: bytes, send: Send) -> None:
        headers = MutableHeaders(raw=list(start["headers"]))
        if start["status"] == 200 and "etag" not in headers:
            etag = strong_etag(body)
            headers["ETag"] = etag
            headers.setdefault("Cache-Control", CACHE_CONTROL)
            if_none_match = Headers(scope=scope).get("if-none-match")
            if if_none_match and etag_matches(if_none_match, etag):
                not_modified = MutableHeaders()
                for name in ("etag", "cache-control", "vary", "link"):
                    if name in headers:
                        not_modified[name] = headers[name]
                await send(
                    {"type": "http.response.start", "status": 304, "headers": not_modified.raw}
                )
                await send({"type": "http.response.body", "body": b""})
                return
        start = {**start, "headers": headers.raw}
        await send(start)
        await send({"type": "http.response.body", "body": body})
