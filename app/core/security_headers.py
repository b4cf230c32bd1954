"""The security headers every response carries: no MIME sniffing, no framing, no referrer,
and a Content-Security-Policy that lets a JSON response do nothing at all, the self-hosted
/docs and /redoc run their own scripts, and the web pages run theirs, from this server
only."""

import base64
import gzip
import hashlib
import re

from starlette.routing import get_route_path
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.core.asgi import buffered

Headers = list[tuple[bytes, bytes]]

COMMON: Headers = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
]
CSP = b"content-security-policy"
API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
API_HEADERS: Headers = [*COMMON, (CSP, API_POLICY.encode())]
# Swagger UI and ReDoc set styles inline, and ReDoc searches in a worker made from a blob;
# their one inline script each is allowed by its hash, taken from the page as served
DOCS_POLICY = (
    "default-src 'none'; script-src 'self' {scripts}; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
    "worker-src 'self' blob:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
)
INLINE_SCRIPT = re.compile(rb"<script>(.*?)</script>", re.DOTALL)


def docs_policy(page: bytes) -> bytes:
    hashes = [
        "'sha256-" + base64.b64encode(hashlib.sha256(script).digest()).decode() + "'"
        for script in INLINE_SCRIPT.findall(page)
    ]
    return DOCS_POLICY.format(scripts=" ".join(hashes)).encode()


class SecurityHeaders:
    def __init__(self, app: ASGIApp, *, docs_pages: frozenset[str]) -> None:
        self.app = app
        self.docs_pages = docs_pages

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        # the request's path within the app: a root_path (behind a proxy) is not part of it
        path = get_route_path(scope) if scope.get("root_path") else scope["path"]
        if path in self.docs_pages:
            await self.docs(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                # the message is this response's own: changed in place, not copied, as every
                # response of the read path comes through here. A web page sets its own
                # policy (app/web/routes.py), which lets it run its scripts from here
                headers = message["headers"]
                own = any(name == CSP for name, _ in headers)
                message["headers"] = [*headers, *(COMMON if own else API_HEADERS)]
            await send(message)

        await self.app(scope, receive, with_headers)

    async def docs(self, scope: Scope, receive: Receive, send: Send) -> None:
        """A docs page, held back until its body is known, for the hashes of its scripts."""

        async def finish(start: Message, body: bytes) -> None:
            # compressed on its way in (app/main.py): the scripts are in the page unpacked
            packed = (b"content-encoding", b"gzip") in start["headers"]
            policy = (
                b"content-security-policy",
                docs_policy(gzip.decompress(body) if packed else body),
            )
            await send({**start, "headers": [*start["headers"], *COMMON, policy]})
            await send({"type": "http.response.body", "body": body})

        await self.app(scope, receive, buffered(send, finish))
