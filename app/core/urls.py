"""Absolute URLs (Link, Location, JSON-LD ids) start from CLAIMSDB_BASE_URL, the address
clients reach the server at: never from the Host header, which any client may set to
anything, and which caches and mirrors would then repeat to others."""

from urllib.parse import quote

from fastapi import Request
from starlette.routing import get_route_path


def base_url(request: Request) -> str:
    """The configured base URL, without a trailing slash."""
    return request.app.state.settings.base_url


def absolute(request: Request, path: str) -> str:
    """``path`` (from the app's root, ``/v1/...``) as an absolute URL."""
    return base_url(request) + path


def this_path(request: Request) -> str:
    """The request's path within the app, as it appears in a URL."""
    return quote(get_route_path(request.scope), safe="/:@!$&'()*+,;=-._~")
