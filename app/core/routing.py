"""One router per resource; ``ResourceRouter`` is the APIRouter they are made from."""

from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.routing import APIRoute
from starlette.routing import Match, get_route_path
from starlette.types import Scope

from app.core.auth import reads


class ReadRoute(APIRoute):
    """A route that checks who is reading (``app.core.auth.reads``) before its endpoint runs.

    Not a router dependency: FastAPI solves a dependency's own dependencies on every
    request, which cost a claim by id a tenth of its throughput; this is one call.
    """

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def checked(request: Request) -> Response:
            await reads(request)
            return await handler(request)

        return checked


class ResourceRouter(APIRouter):
    """An APIRouter whose routes check readers (``ReadRoute``, unless it is given another
    route class) and that a request outside its prefix passes in one comparison.

    FastAPI matches an included router by trying each of its routes in turn (and the
    chosen router's routes again to pick one), a few microseconds each: the annotations
    of a source went through 55 such tries, 5% of its instructions.
    """

    def __init__(self, *, route_class: type[APIRoute] = ReadRoute, **options: Any) -> None:
        super().__init__(route_class=route_class, **options)

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        if "path" in scope:
            path = get_route_path(scope)
            # no record's id holds a NUL (PostgreSQL text cannot): such a path names nothing
            if not path.startswith(self.prefix) or "\x00" in path:
                return Match.NONE, {}
        return super().matches(scope)
