"""One error shape: RFC 9457 problem details (``application/problem+json``), one handler each."""

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from psycopg.errors import QueryCanceled
from pydantic import BaseModel
from sqlalchemy.exc import IntegrityError, OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.http_methods import allowed_methods
from app.models.common import (
    COUNTRY_PATTERN,
    LANGUAGE_PATTERN,
    NO_NUL,
    SLUG_PATTERN,
    WIKIDATA_PATTERN,
)

PROBLEM_JSON = "application/problem+json"
logger = logging.getLogger("claimsdb")


class FieldError(BaseModel):
    field: str
    location: str
    message: str
    type: str


class Problem(BaseModel):
    type: str = "about:blank"
    title: str
    status: int
    detail: str
    errors: list[FieldError] | None = None


class ProblemError(Exception):
    """Base of every error the API reports on purpose; rendered as problem+json."""

    status = 500
    type = "about:blank"

    def __init__(self, detail: str, *, headers: dict[str, str] | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.headers = headers


class NotFound(ProblemError):
    status = 404


class BadRequestField(ProblemError):
    """A single request field with a value the API cannot use (a malformed cursor, say)."""

    status = 422
    type = "urn:claimsdb:problem:invalid-request"

    def __init__(self, field: str, location: str, message: str) -> None:
        super().__init__(f"{location} parameter {field!r}: {message}")
        self.errors = [
            FieldError(field=field, location=location, message=message, type="value_error")
        ]


class ServiceUnavailable(ProblemError):
    status = 503


def problem_response(
    status: int,
    detail: str,
    *,
    type_: str = "about:blank",
    errors: list[FieldError] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    problem = Problem(
        type=type_, title=HTTPStatus(status).phrase, status=status, detail=detail, errors=errors
    )
    return JSONResponse(
        problem.model_dump(exclude_none=True),
        status_code=status,
        media_type=PROBLEM_JSON,
        headers=headers,
    )


# what a value must look like, in words, for the patterns of app/models/common.py
PATTERN_WORDS = {
    SLUG_PATTERN: "should be lower-case letters and digits in words joined by hyphens, "
    "such as 'north-korea'",
    NO_NUL: "should not contain the NUL character",
    LANGUAGE_PATTERN: "should be a BCP-47 language tag, such as 'en' or 'pt-BR'",
    WIKIDATA_PATTERN: "should be a Wikidata item id: Q and digits, such as 'Q148'",
    COUNTRY_PATTERN: "should be an ISO 3166-1 alpha-3 code, such as 'CHN'",
}
WHOLE_BODY = {
    "missing": "the request needs a JSON object as its body",
    "model_attributes_type": "the body should be a JSON object",
    "dict_type": "the body should be a JSON object",
}


def field_errors(error: RequestValidationError) -> list[FieldError]:
    found = []
    for item in error.errors():
        location, *path = item["loc"] or ("request",)
        field = ".".join(str(part) for part in path) or str(location)
        message = item["msg"]
        if item["type"] == "json_invalid":
            # its place is the character the parser stopped at, not a field named "1"
            reason = (item.get("ctx") or {}).get("error", "not JSON")
            field, message = "body", f"not valid JSON: {reason} (at character {path[0]})"
        elif location == "body" and field == "body" and item["type"] in WHOLE_BODY:
            message = WHOLE_BODY[item["type"]]
        elif item["type"] == "string_pattern_mismatch":
            message = PATTERN_WORDS.get((item.get("ctx") or {}).get("pattern"), message)
        elif item["type"] == "extra_forbidden":
            what = "parameter" if location == "query" else "field"
            message = f"unknown {what}: this request takes no {what} of that name"
        found.append(
            FieldError(field=field, location=str(location), message=message, type=item["type"])
        )
    return found


async def handle_problem(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, ProblemError)
    return problem_response(
        error.status,
        error.detail,
        type_=error.type,
        errors=getattr(error, "errors", None),
        headers=error.headers,
    )


async def handle_validation(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)
    errors = field_errors(error)
    named = "; ".join(
        f"the body: {e.message}"
        if (e.location, e.field) == ("body", "body")
        else f"{e.location} {e.field!r}: {e.message}"
        for e in errors
    )
    return problem_response(
        422,
        f"invalid request: {named}",
        type_="urn:claimsdb:problem:invalid-request",
        errors=errors,
    )


async def handle_http(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, StarletteHTTPException)
    headers = dict(getattr(error, "headers", None) or {})
    detail = str(error.detail)
    if error.status_code == 405:
        headers["Allow"] = ", ".join(allowed_methods(request.app.router.routes, request.scope))
        detail = f"{request.method} is not allowed here; this path takes {headers['Allow']}"
    elif error.status_code == 404 and detail == "Not Found":
        detail = f"nothing at {request.url.path}: see /docs for the paths of this API"
    return problem_response(error.status_code, detail, headers=headers or None)


def is_timeout(error: OperationalError) -> bool:
    """A statement stopped by the time limit: SQLite's interrupt, PostgreSQL's cancel."""
    return isinstance(error.orig, QueryCanceled) or "interrupted" in str(error.orig)


async def handle_database(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, OperationalError)
    if is_timeout(error):
        logger.warning("statement time limit hit on %s %s", request.method, request.url.path)
        return problem_response(
            503,
            "the query took longer than this server allows and was stopped; "
            "narrow it with filters or a smaller limit",
            type_="urn:claimsdb:problem:query-timeout",
            headers={"Retry-After": "1"},
        )
    return await handle_unexpected(request, error)


async def handle_integrity(request: Request, error: Exception) -> JSONResponse:
    """A write the data refuses (a unique value taken between the check and the insert,
    say): the services name such conflicts themselves; this is the net under them."""
    logger.warning("constraint refused %s %s: %s", request.method, request.url.path, error)
    return problem_response(
        409,
        "the write conflicts with what is stored (a value that must be unique is taken, or "
        "a record it refers to is gone); GET what it changes and try again",
        type_="urn:claimsdb:problem:conflict",
    )


async def handle_unexpected(request: Request, error: Exception) -> JSONResponse:
    logger.exception("unhandled error on %s %s", request.method, request.url.path)
    return problem_response(500, "the server failed to answer this request; it has been logged")


def install(app: FastAPI) -> None:
    app.add_exception_handler(ProblemError, handle_problem)
    app.add_exception_handler(RequestValidationError, handle_validation)
    app.add_exception_handler(StarletteHTTPException, handle_http)
    app.add_exception_handler(OperationalError, handle_database)
    app.add_exception_handler(IntegrityError, handle_integrity)
    app.add_exception_handler(Exception, handle_unexpected)


EXAMPLES: dict[int, dict[str, Any]] = {
    308: {
        "type": "urn:claimsdb:problem:merged",
        "title": "Permanent Redirect",
        "status": 308,
        "detail": "actor 'dprk' was merged into 'north-korea'",
    },
    404: {"title": "Not Found", "status": 404, "detail": "no claim with id 'no-such-claim'"},
    422: {
        "type": "urn:claimsdb:problem:invalid-request",
        "title": "Unprocessable Content",
        "status": 422,
        "detail": "invalid request: query 'limit': Input should be less than or equal to 500",
        "errors": [
            {
                "field": "limit",
                "location": "query",
                "message": "Input should be less than or equal to 500",
                "type": "less_than_equal",
            }
        ],
    },
    400: {
        "title": "Bad Request",
        "status": 400,
        "detail": "There was an error parsing the body",
    },
    401: {
        "type": "urn:claimsdb:problem:unauthorized",
        "title": "Unauthorized",
        "status": 401,
        "detail": "this needs an API key with the 'curate' scope",
    },
    403: {
        "type": "urn:claimsdb:problem:forbidden",
        "title": "Forbidden",
        "status": 403,
        "detail": "key 'reader' has the 'read' scope; this needs a key with the 'curate' "
        "scope or higher",
    },
    406: {
        "type": "urn:claimsdb:problem:not-acceptable",
        "title": "Not Acceptable",
        "status": 406,
        "detail": "this resource is application/json or application/ld+json; Accept allows neither",
    },
    409: {
        "type": "urn:claimsdb:problem:conflict",
        "title": "Conflict",
        "status": 409,
        "detail": "a claim with id 'nk-supplies-artillery-to-russia' exists already",
    },
    412: {
        "type": "urn:claimsdb:problem:stale-version",
        "title": "Precondition Failed",
        "status": 412,
        "detail": "claim 'nk-supplies-artillery-to-russia' is at version 3, not 2: someone "
        "changed it; GET it again and reapply your change",
    },
    428: {
        "type": "urn:claimsdb:problem:if-match-required",
        "title": "Precondition Required",
        "status": 428,
        "detail": "this write needs If-Match with the ETag of the version it changes "
        "(GET it first)",
    },
    429: {
        "type": "urn:claimsdb:problem:rate-limited",
        "title": "Too Many Requests",
        "status": 429,
        "detail": "key 'analyst-anna' is over its rate limit",
    },
    413: {
        "title": "Content Too Large",
        "status": 413,
        "detail": "the request body is larger than 2000000 bytes",
    },
    503: {
        "title": "Service Unavailable",
        "status": 503,
        "detail": "database is at revision None, not at head 0002",
    },
}
DESCRIPTIONS = {
    308: "The actor was merged into another; Location is the same request for that one.",
    400: "The body is not JSON.",
    401: "No API key where one is needed, or one that is not valid; see WWW-Authenticate.",
    403: "The API key's scope does not allow this.",
    406: "Accept allows neither JSON nor JSON-LD, the two forms of this resource.",
    409: "It conflicts with what is stored (an id in use, a state it is not in).",
    412: "If-Match names a version that is no longer current.",
    413: "The request body is too large.",
    428: "This write needs If-Match.",
    429: "Over a rate limit: the API key's, or this address's for requests without a key or "
    "with a wrong one; see Retry-After.",
    404: "No such resource.",
    422: "A parameter is invalid or unknown; `errors` names each one.",
    503: "Not ready.",
}


def problems(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` for these error statuses, each with a problem+json example."""
    return {
        status: {
            "description": DESCRIPTIONS[status],
            "content": {
                PROBLEM_JSON: {
                    "schema": {"$ref": "#/components/schemas/Problem"},
                    "example": {"type": "about:blank", **EXAMPLES[status]},
                }
            },
        }
        for status in statuses
    }
