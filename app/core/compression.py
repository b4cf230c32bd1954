"""gzip for the clients that ask (CLAIMSDB_GZIP_MIN_BYTES), done where the ETags are made
(app/core/caching.py) rather than in a middleware of its own.

A whole body is already held there for its ETag, so compressing it costs one call, and a
request that does not ask costs a header check, not a layer of middleware (which cost a
claim by id 7%: docs/benchmarks.md, "Operations"). The compressed body's ETag is the
identity body's with ``-gzip`` added, as Apache's mod_deflate names it, so a revalidation
is answered from the hash alone, before anything is compressed.
"""

import anyio.to_thread

try:
    # ISA-L's deflate: at level 1 zlib's size in a third of its time (a claim's body 15
    # against 42 us); the cost of gzip is in docs/benchmarks.md, "Operations"
    from isal.isal_zlib import DEFLATED, Z_FINISH, Z_SYNC_FLUSH, compressobj
    from isal.isal_zlib import compress as deflate
except ImportError:  # a platform isal has no wheel for: the same bytes' worth from zlib
    from zlib import DEFLATED, Z_FINISH, Z_SYNC_FLUSH, compressobj
    from zlib import compress as deflate
from starlette.types import Message, Send

GZIP_WBITS = 31  # a gzip header and trailer around the deflate stream, mtime 0
LEVEL = 1  # as nginx: most of what JSON gives up, for the least time
# deflate lets go of the GIL for long inputs: past this a body is compressed on a thread, so
# that a page of 500 records does not hold the event loop for milliseconds
THREAD_FROM = 128 * 1024
SUFFIX = "-gzip"
# what compresses: the API's JSON in all its kinds, the pages, their scripts and styles
COMPRESSIBLE = (b"application/json", b"application/problem+json", b"application/ld+json")
COMPRESSIBLE_PREFIXES = (b"text/", b"application/x-ndjson", b"application/javascript")


def compressible(content_type: bytes) -> bool:
    media = content_type.split(b";", 1)[0].strip().lower()
    return media in COMPRESSIBLE or media.startswith(COMPRESSIBLE_PREFIXES)


def accepts_gzip(accept_encoding: bytes | None) -> bool:
    """Whether ``Accept-Encoding`` takes gzip (``gzip;q=0`` refuses it)."""
    if not accept_encoding:
        return False
    for part in accept_encoding.lower().split(b","):
        coding, _, params = part.partition(b";")
        if coding.strip() in (b"gzip", b"x-gzip"):
            weight = params.strip().removeprefix(b"q=")
            return not (weight and weight.strip(b"0.") == b"")
    return False


def gzip_etag(etag: str) -> str:
    """The ETag of the gzip representation of the body tagged ``etag``."""
    return etag[:-1] + SUFFIX + '"'


async def compress(body: bytes) -> bytes:
    if len(body) < THREAD_FROM:
        return deflate(body, LEVEL, GZIP_WBITS)
    return await anyio.to_thread.run_sync(deflate, body, LEVEL, GZIP_WBITS)


def compressing(start: Message, send: Send) -> Send:
    """A ``send`` that gzips a streamed response (an export, a static file) as it goes:
    each part is flushed, so that the client gets what is ready. A strong ETag the
    response carries becomes weak, as it names the uncompressed bytes."""
    stream = compressobj(LEVEL, DEFLATED, GZIP_WBITS)
    headers = [(b"content-encoding", b"gzip"), (b"vary", b"Accept-Encoding")]
    for name, value in start["headers"]:
        lowered = name.lower()
        if lowered == b"content-length":
            continue
        if lowered == b"etag" and not value.startswith(b"W/"):
            value = b"W/" + value
        headers.append((name, value))
    started = False

    async def send_compressed(message: Message) -> None:
        nonlocal started
        if message["type"] != "http.response.body":
            await send(message)
            return
        if not started:
            started = True
            await send({**start, "headers": headers})
        more = message.get("more_body", False)
        body = stream.compress(message.get("body", b""))
        body += stream.flush(Z_SYNC_FLUSH if more else Z_FINISH)
        await send({"type": "http.response.body", "body": body, "more_body": more})

    return send_compressed
