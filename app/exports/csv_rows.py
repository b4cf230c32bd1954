"""A list item as one CSV row: its columns follow the response model's fields, so that a
field the API gains is exported too.

- ``provenance`` becomes ``source_id, start, end, quote, prefix, suffix`` (its selectors
  say the same again);
- an actor reference (``holder``, ``actor``) becomes ``<field>_id, <field>_name,
  <field>_kind``;
- a list of plain values (``topics``) is joined by ``|``, which no slug holds; a list of
  objects (``actors``, ``aliases``) is a JSON array; no value is an empty cell; booleans
  are ``true`` and ``false``.

A cell a spreadsheet would read as a formula (one that starts with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return) starts with an apostrophe instead, as OWASP advises:
a source's text is anyone's, and "=HYPERLINK(...)" must stay text.
"""

import csv
import io
import types
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Union, get_args, get_origin

import orjson
from pydantic import BaseModel

from app.models import ActorRef

PROVENANCE = ("source_id", "start", "end", "quote", "prefix", "suffix")
REFERENCE = ("id", "name", "kind")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

Cell = Callable[[dict[str, Any]], Any]


def is_reference(annotation: Any) -> bool:
    """``ActorRef`` or ``ActorRef | None``."""
    if get_origin(annotation) in (Union, types.UnionType):
        return any(is_reference(arg) for arg in get_args(annotation))
    return annotation is ActorRef


def nested(field: str, name: str) -> Cell:
    return lambda item: (item.get(field) or {}).get(name)


def flat(field: str) -> Cell:
    return lambda item: item.get(field)


def columns(model: type[BaseModel]) -> list[tuple[str, Cell]]:
    """Each CSV column of ``model``'s items: its header and how to read its cell."""
    found: list[tuple[str, Cell]] = []
    for name, field in model.model_fields.items():
        if name == "provenance":
            found += [(part, nested(name, part)) for part in PROVENANCE]
        elif is_reference(field.annotation):
            found += [(f"{name}_{part}", nested(name, part)) for part in REFERENCE]
        else:
            found.append((name, flat(name)))
    return found


def cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list):
        if all(isinstance(v, str) for v in value):
            value = "|".join(value)
        else:
            return orjson.dumps(value).decode()
    elif isinstance(value, dict):
        return orjson.dumps(value).decode()
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class CsvWriter:
    """CSV text (RFC 4180: CRLF line ends, quotes where needed) for ``model``'s items."""

    def __init__(self, model: type[BaseModel]) -> None:
        self.columns = columns(model)
        self.buffer = io.StringIO()
        self.writer = csv.writer(self.buffer, lineterminator="\r\n")

    def header(self) -> bytes:
        return self.rows([], header=True)

    def rows(self, items: Iterable[dict[str, Any]], *, header: bool = False) -> bytes:
        if header:
            self.writer.writerow([name for name, _ in self.columns])
        self.writer.writerows([cell(read(item)) for _, read in self.columns] for item in items)
        text = self.buffer.getvalue()
        self.buffer.seek(0)
        self.buffer.truncate()
        return text.encode()

    @property
    def names(self) -> Sequence[str]:
        return [name for name, _ in self.columns]
