"""Conditional requests: a strong ETag on every successful GET, 304 for a matching
``If-None-Match``, a Cache-Control that makes caches revalidate, and the ``If-Match``
check that keeps curators from overwriting each other.

A versioned resource's ETag is ``"<version>.<body hash>"``: the version is what If-Match
checks (the record itself changed), the hash what If-None-Match checks (anything shown
changed, its stances say). Routes name the version with ``tag_version``.

The data changes only on writes, at moments no client can predict, so a cache may keep
a response but must ask again each time (``no-cache``); the ETag, a hash of the exact
body, makes that question cheap to answer with a 304. A response to a request that
carries a key is ``private``: only the client's own cache may keep it.
"""

import hashlib
import re

from fastapi import Request, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.core.asgi import buffered, request_header
from app.core.compression import accepts_gzip, compress, compressible, compressing, gzip_etag
from app.core.errors import PreconditionFailed, PreconditionRequired

CACHE_CONTROL = "public, no-cache"
VERSION_HEADER = "x-claimsdb-version"
VERSION_HEADER_RAW = VERSION_HEADER.encode()
CACHE_CONTROL_RAW = CACHE_CONTROL.encode()
PRIVATE_CACHE_CONTROL_RAW = b"private, no-cache"
NOT_MODIFIED_KEEPS = frozenset(
    (b"etag", b"cache-control", b"vary", b"link", b"content-security-policy")
)
# a version's ETag, of the plain body or of its gzip representation (app/core/compression.py)
VERSIONED_TAG = re.compile(r'^"(\d+)\.[0-9a-f]+(?:-gzip)?"$')


def tag_version(response: Response, version: int) -> None:
    """Make this response's ETag carry the record's version."""
    response.headers[VERSION_HEADER] = str(version)


def expected_version(request: Request) -> int | None:
    """The version an ``If-Match`` names (None for ``*``); 428 when there is none."""
    header = request.headers.get("if-match")
    if header is None:
        raise PreconditionRequired(
            "this write needs If-Match with the ETag of the version it changes (GET it first)"
        )
    if header.strip() == "*":
        return None
    for tag in header.split(","):
        match = VERSIONED_TAG.match(tag.strip())
        if match:
            return int(match.group(1))
    raise PreconditionFailed(f"If-Match {header!r} names no version of this record")


def check_version(expected: int | None, current: int, what: str) -> None:
    if expected is not None and expected != current:
        raise PreconditionFailed(
            f"{what} is at version {current}, not {expected}: someone changed it; "
            "GET it again and reapply your change"
        )


# hashlib lets go of the GIL to hash more than 2047 bytes at once; a body of a few KB takes
# microseconds to hash, less than handing the GIL to the read pool's threads and waiting for
# it back, which cost a claim by id 5% of its throughput
GIL_KEEPING_PIECE = 2047


def strong_etag(body: bytes) -> str:
    digest = hashlib.sha256()
    view = memoryview(body)
    for start in range(0, len(view), GIL_KEEPING_PIECE):
        digest.update(view[start : start + GIL_KEEPING_PIECE])
    return '"' + digest.hexdigest()[:32] + '"'


def etag_matches(if_none_match: str, etag: str) -> bool:
    """RFC 9110 weak comparison, as If-None-Match uses: W/ prefixes do not matter."""
    if if_none_match.strip() == "*":
        return True
    candidates = (tag.strip().removeprefix("W/") for tag in if_none_match.split(","))
    return etag in candidates


def cache_control(scope: Scope) -> bytes:
    """``public, no-cache``, or ``private, no-cache`` for a request that carries a key."""
    credentials = any(name == b"authorization" for name, _ in scope["headers"])
    return PRIVATE_CACHE_CONTROL_RAW if credentials else CACHE_CONTROL_RAW


class ETagMiddleware:
    """Tags every successful response with the hash of its body, held back until whole,
    and gzips it for clients that ask (app/core/compression.py; ``compress_from`` bytes and
    up, 0 never); a response that carries its own ETag (an export: app/exports/) streams
    through as it comes, and answers If-None-Match itself."""

    def __init__(self, app: ASGIApp, *, compress_from: int = 0) -> None:
        self.app = app
        self.compress_from = compress_from

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def finish(start: Message, body: bytes) -> None:
            await self.finish(scope, start, body, send)

        hold = buffered(send, finish)
        target = hold

        async def hold_or_stream(message: Message) -> None:
            nonlocal target
            if message["type"] == "http.response.start":
                headers = message["headers"]
                if any(name.lower() == b"etag" for name, _ in headers):
                    target = send
                    if self.compress_from and self.streams_compressed(scope, headers):
                        target = compressing(message, send)
                        return
            await target(message)

        await self.app(scope, receive, hold_or_stream)

    def streams_compressed(self, scope: Scope, headers: list[tuple[bytes, bytes]]) -> bool:
        found = {name.lower(): value for name, value in headers}
        length = found.get(b"content-length", b"")
        return (
            b"content-encoding" not in found
            and compressible(found.get(b"content-type", b""))
            and not (length.isdigit() and int(length) < self.compress_from)
            and accepts_gzip(request_header(scope, b"accept-encoding"))
        )

    async def finish(self, scope: Scope, start: Message, body: bytes, send: Send) -> None:
        # on the raw header lists: MutableHeaders and Headers cost a claim by id 2%
        raw: list[tuple[bytes, bytes]] = []
        version = None
        has_etag = has_cache_control = False
        content_type = b""
        encoded = False
        length_at = -1
        for name, value in start["headers"]:
            if name == VERSION_HEADER_RAW:
                version = value.decode("latin-1")
                continue
            lowered = name.lower()
            if lowered == b"content-length":
                length_at = len(raw)
            elif lowered == b"content-type":
                content_type = value
            elif lowered == b"etag":
                has_etag = True
            elif lowered == b"cache-control":
                has_cache_control = True
            elif lowered == b"content-encoding":
                encoded = True
            raw.append((name, value))
        # whether this body has a gzip representation, and whether this client takes it
        gzip = False
        if (
            self.compress_from
            and len(body) >= self.compress_from
            and not encoded
            and compressible(content_type)
        ):
            raw.append((b"vary", b"Accept-Encoding"))
            gzip = accepts_gzip(request_header(scope, b"accept-encoding"))
        if start["status"] in (200, 201) and not has_etag:
            etag = strong_etag(body)
            if version is not None:
                etag = f'"{version}.{etag[1:]}'
            if gzip:
                etag = gzip_etag(etag)
            raw.append((b"etag", etag.encode("latin-1")))
            if scope["method"] in ("GET", "HEAD"):
                if not has_cache_control:
                    # what a key may read (the admin's keys; every read, where reads need a
                    # key) is not for shared caches: they could hand it to someone without
                    raw.append((b"cache-control", cache_control(scope)))
                if_none_match = request_header(scope, b"if-none-match")
                if if_none_match and etag_matches(if_none_match.decode("latin-1"), etag):
                    await self.not_modified(raw, send)
                    return
        if gzip:
            body = await compress(body)
            raw.append((b"content-encoding", b"gzip"))
            if length_at >= 0:
                raw[length_at] = (raw[length_at][0], str(len(body)).encode("latin-1"))
        await send({**start, "headers": raw})
        await send({"type": "http.response.body", "body": body})

    @staticmethod
    async def not_modified(raw: list[tuple[bytes, bytes]], send: Send) -> None:
        # a browser takes a 304's headers for the copy it keeps: a web page's own policy
        # must come along, or the page would lose the right to its scripts and styles
        kept = [(name, value) for name, value in raw if name.lower() in NOT_MODIFIED_KEEPS]
        await send({"type": "http.response.start", "status": 304, "headers": kept})
        await send({"type": "http.response.body", "body": b""})
