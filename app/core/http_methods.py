"""HEAD for every GET, OPTIONS for every path, and the ``Allow`` header that names what a
path takes (on a 405 and on OPTIONS).

HEAD runs the GET, so that its status and headers (ETag, Content-Length) are the GET's,
and sends no body. OPTIONS answers 204 with Allow; cross-origin requests (CORS) will be
answered here too.
"""

from collections.abc import Sequence

from starlette.routing import BaseRoute, Match, Mount
from starlette.types import ASGIApp, Message, Receive, Scope, Send

PROBED = ("GET", "POST", "PUT", "PATCH", "DELETE")
# set in the scope of a GET that answers a HEAD: a streamed export need not read its rows
HEAD = "claimsdb.head"


def allowed_methods(routes: Sequence[BaseRoute], scope: Scope) -> list[str]:
    """Every method some route takes at this scope's path, HEAD and OPTIONS included."""
    allowed = []
    # from the app's root, also when asked inside a mount (whose root_path is its own)
    root = {**scope, "root_path": scope.get("app_root_path", scope.get("root_path", ""))}
    for method in PROBED:
        probe = {**root, "method": method}
        for route in routes:
            # a mount matches every method; its static files answer GET only
            if isinstance(route, Mount) and method != "GET":
                continue
            if route.matches(probe)[0] is Match.FULL:
                allowed.append(method)
                break
    if "GET" in allowed:
        allowed.insert(1, "HEAD")
    return [*allowed, "OPTIONS"] if allowed else []


class Methods:
    def __init__(self, app: ASGIApp, *, routes: Sequence[BaseRoute]) -> None:
        self.app = app
        self.routes = routes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            if scope["method"] == "HEAD":
                await self.app({**scope, "method": "GET", HEAD: True}, receive, without_body(send))
                return
            if scope["method"] == "OPTIONS":
                allowed = allowed_methods(self.routes, scope)
                if allowed:  # else the router answers its 404
                    await options(allowed, send)
                    return
        await self.app(scope, receive, send)


def without_body(send: Send) -> Send:
    async def headers_only(message: Message) -> None:
        if message["type"] == "http.response.body":
            message = {**message, "body": b""}
        await send(message)

    return headers_only


async def options(allowed: list[str], send: Send) -> None:
    headers = [(b"allow", ", ".join(allowed).encode())]
    await send({"type": "http.response.start", "status": 204, "headers": headers})
    await send({"type": "http.response.body", "body": b""})
