"""Keyset pagination: an opaque cursor holds the sort key of the last item of a page."""

import base64
import binascii
from collections.abc import Sequence
from datetime import date
from typing import Annotated, Any, Literal
from urllib.parse import unquote_plus

import orjson
from fastapi import Request, Response
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import ColumnElement, Select, bindparam, tuple_

from app.core.errors import Invalid
from app.core.urls import absolute, this_path
from app.models.common import NO_NUL

DEFAULT_LIMIT = 50
MAX_LIMIT = 500


def sort_type(fields: Sequence[str]) -> Any:
    """A ``sort`` parameter's type: one of ``fields``, or ``-field`` for descending."""
    choices = (*fields, *(f"-{name}" for name in fields))
    return Annotated[
        Literal[choices],  # type: ignore[valid-type]
        Field(
            description="Sort by this field, `-field` for descending; ties fall back to id.",
            examples=[choices[-1]],
        ),
    ]


def sort_key(sort: str) -> tuple[str, bool]:
    """(field, descending) from a ``sort`` value."""
    return sort.removeprefix("-"), sort.startswith("-")


class PageParams(BaseModel):
    """``limit`` and ``cursor``; list filters extend it. Unknown parameters are refused."""

    model_config = ConfigDict(extra="forbid")

    limit: Annotated[
        int,
        Field(ge=1, le=MAX_LIMIT, description=f"Items per page (1 to {MAX_LIMIT}).", examples=[20]),
    ] = DEFAULT_LIMIT
    cursor: Annotated[
        str | None,
        Field(
            max_length=1000,
            pattern=NO_NUL,
            description="`next_cursor` from the previous page; omit for the first page.",
            examples=["WyJuay1zdXBwbGllcy1tdW5pdGlvbnMtdG8tcnVzc2lhIl0"],
        ),
    ] = None


def encode_cursor(key: Sequence[Any]) -> str:
    return base64.urlsafe_b64encode(orjson.dumps(list(key))).rstrip(b"=").decode()


def decode_cursor(cursor: str, kinds: Sequence[type]) -> list[Any]:
    """The key a cursor holds, each part of its column's type (``kinds``: int, str or date).

    A cursor is opaque, so one this list could not have returned is refused here, with a
    422, before its values reach SQL: PostgreSQL compares no string with an integer column
    and takes no NUL, SQLite no integer past 64 bits."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        key = orjson.loads(base64.urlsafe_b64decode(padded.encode()))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        key = None
    if not isinstance(key, list) or len(key) != len(kinds):
        raise not_a_cursor()
    return [cursor_part(part, kind) for part, kind in zip(key, kinds, strict=True)]


def cursor_part(part: Any, kind: type) -> Any:
    # type(), not isinstance: JSON true is a Python bool, and a bool is an int
    if kind is int and type(part) is int and -(2**63) <= part < 2**63:
        return part
    if kind is str and type(part) is str and "\x00" not in part:
        return part
    if kind is date and type(part) is str:
        try:
            return date.fromisoformat(part)
        except ValueError:
            pass
    raise not_a_cursor()


def not_a_cursor() -> Invalid:
    return Invalid("cursor", "not a cursor this list returned", location="query")


def key_kinds(key: Sequence[ColumnElement[Any]]) -> tuple[type, ...]:
    """The Python type of each column of a key, as ``decode_cursor`` checks a cursor's."""
    return tuple(column.type.python_type for column in key)


def keyset(
    statement: Select[Any],
    key: Sequence[ColumnElement[Any]],
    params: PageParams,
    *,
    order: Sequence[ColumnElement[Any]] | None = None,
    descending: bool = False,
) -> Select[Any]:
    """Rows after the cursor's ``key``, one past the page; ``order`` defaults to the key.

    ``descending`` walks the key from the largest down: the whole key, ties included,
    so that one row-value comparison stays valid.
    """
    values = None
    if params.cursor is not None:
        values = decode_cursor(params.cursor, key_kinds(key))
    return ordered_page(statement, key, values, params.limit + 1, order, descending)


def keyset_shape(
    statement: Select[Any],
    key: Sequence[ColumnElement[Any]],
    *,
    after: bool,
    order: Sequence[ColumnElement[Any]] | None = None,
    descending: bool = False,
) -> Select[Any]:
    """``keyset`` for a statement built once per shape of request and reused: the cursor's
    values are the bind parameters ``after_0``, ``after_1``... and the limit is ``limit``
    (``keyset_values`` gives them); ``order`` defaults to the key."""
    values = [bindparam(f"after_{i}") for i in range(len(key))] if after else None
    return ordered_page(statement, key, values, bindparam("limit"), order, descending)


def ordered_page(
    statement: Select[Any],
    key: Sequence[ColumnElement[Any]],
    after: Sequence[Any] | None,
    limit: Any,
    order: Sequence[ColumnElement[Any]] | None,
    descending: bool,
) -> Select[Any]:
    """``statement`` past the key values ``after`` (if any), in key order, ``limit`` rows."""
    if after is not None:
        beyond = tuple_(*key) < tuple_(*after) if descending else tuple_(*key) > tuple_(*after)
        statement = statement.where(beyond)
    columns = key if order is None else order
    return statement.order_by(*(c.desc() if descending else c for c in columns)).limit(limit)


def keyset_values(params: PageParams, key: Sequence[ColumnElement[Any]]) -> dict[str, Any]:
    """The bind parameters of a ``keyset_shape`` statement over ``key`` for this request."""
    values: dict[str, Any] = {"limit": params.limit + 1}
    if params.cursor is not None:
        decoded = decode_cursor(params.cursor, key_kinds(key))
        values |= {f"after_{i}": value for i, value in enumerate(decoded)}
    return values


def cursor_value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def next_page_url(request: Request, next_cursor: str) -> str:
    """This request's URL with ``next_cursor`` for its cursor."""
    # the query as the client sent it, less its cursor: parsing and encoding it again
    # took a tenth of a short page's time; a cursor is URL-safe base64, never escaped
    kept = [
        part
        for part in request.scope["query_string"].decode("latin-1").split("&")
        if part and unquote_plus(part.partition("=")[0]) != "cursor"
    ]
    query = "&".join([*kept, f"cursor={next_cursor}"])
    return f"{absolute(request, this_path(request))}?{query}"


def next_page_link(request: Request, response: Response, next_cursor: str | None) -> None:
    if next_cursor is not None:
        response.headers["Link"] = f'<{next_page_url(request, next_cursor)}>; rel="next"'


def trim(rows: Sequence[Any], params: PageParams, key: Any) -> tuple[Sequence[Any], str | None]:
    """Trim the extra row; return the rows and the next cursor (``key`` reads a row's)."""
    more = len(rows) > params.limit
    rows = rows[: params.limit]
    cursor = encode_cursor([cursor_value(v) for v in key(rows[-1])]) if more else None
    return rows, cursor


def page(
    rows: Sequence[Any], params: PageParams, key: Any, request: Request, response: Response
) -> tuple[Sequence[Any], str | None]:
    """Trim the extra row, set the ``Link`` header, return the rows and the next cursor."""
    rows, cursor = trim(rows, params, key)
    next_page_link(request, response, cursor)
    return rows, cursor
