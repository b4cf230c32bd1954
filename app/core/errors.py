"""One error shape: RFC 9457 problem details (``application/problem+json``), one handler each."""

import logging
from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from psycopg.errors import QueryCanceled
from pydantic import BaseModel
from sqlalchemy.exc import IntegrityError, OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.core.http_methods import allowed_methods
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


class Invalid(ProblemError):
    """One field with a value the API cannot use: a malformed cursor, a quote not in the
    text, an id that names nothing. A 422 naming the field."""

    status = 422
    type = "urn:claimsdb:problem:invalid-request"

    def __init__(
        self, field: str, message: str, *, location: str = "body", kind: str = "value_error"
    ) -> None:
        where = "body field" if location == "body" else f"{location} parameter"
        super().__init__(f"{where} {field!r}: {message}")
        self.errors = [FieldError(field=field, location=location, message=message, type=kind)]


class SearchSyntaxError(Invalid):
    """``q`` is not valid search syntax."""

    def __init__(self, message: str) -> None:
        super().__init__("q", message, location="query", kind="search_syntax")


class Unauthorized(ProblemError):
    status = 401
    type = "urn:claimsdb:problem:unauthorized"

    def __init__(self, detail: str) -> None:
        super().__init__(detail, headers={"WWW-Authenticate": 'Bearer realm="claimsdb"'})


class Forbidden(ProblemError):
    status = 403
    type = "urn:claimsdb:problem:forbidden"


class MovedPermanently(ProblemError):
    """An actor merged into another: the old id answers with a redirect to the new one."""

    status = 308
    type = "urn:claimsdb:problem:merged"


class Conflict(ProblemError):
    status = 409
    type = "urn:claimsdb:problem:conflict"

    def __init__(self, detail: str, *, field: str | None = None) -> None:
        super().__init__(detail)
        if field is not None:
            self.errors = [
                FieldError(field=field, location="body", message=detail, type="conflict")
            ]


class PreconditionFailed(ProblemError):
    status = 412
    type = "urn:claimsdb:problem:stale-version"


class PreconditionRequired(ProblemError):
    status = 428
    type = "urn:claimsdb:problem:if-match-required"


class TooManyRequests(ProblemError):
    status = 429
    type = "urn:claimsdb:problem:rate-limited"


class ServiceUnavailable(ProblemError):
    status = 503


RETRY_AFTER = 1  # seconds a client should wait before sending a busy write again


class WriteBusy(ProblemError):
    """A write that could not take its turn: the lock stayed taken, or every attempt lost
    a conflict. Nothing of it was stored, so the client may send it again."""

    status = 503
    type = "urn:claimsdb:problem:busy"

    def __init__(self, detail: str) -> None:
        super().__init__(detail, headers={"Retry-After": str(RETRY_AFTER)})


class QueryTimeout(ProblemError):
    status = 503
    type = "urn:claimsdb:problem:query-timeout"

    def __init__(self) -> None:
        super().__init__(
            "the query took longer than this server allows and was stopped; "
            "narrow it with filters or a smaller limit",
            headers={"Retry-After": str(RETRY_AFTER)},
        )


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
        return await handle_problem(request, QueryTimeout())
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
