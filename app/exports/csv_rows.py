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

A batch is written column by column: most columns hold one kind of value (ids, labels,
numbers), which a column-wide check in C clears at once, so that only the cells that need
it (a list, a formula-like text, a comma) cost a Python call each. The bytes are those
``csv.writer`` writes, RFC 4180 with CRLF (tests/test_export_csv.py holds it to that); the
speed is in docs/benchmarks.md, Exports.
"""

import csv
import io
import re
import types
from collections.abc import Iterable
from itertools import repeat
from typing import Any, Union, get_args, get_origin

import orjson
from pydantic import BaseModel

from app.models import ActorRef

PROVENANCE = ("source_id", "start", "end", "quote", "prefix", "suffix")
REFERENCE = ("id", "name", "kind")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
QUOTED = re.compile('[",\r\n]')  # what csv.writer quotes a cell for (QUOTE_MINIMAL, CRLF)

NONE = type(None)
TEXT = frozenset((str, NONE))
NUMBERS = frozenset((int, float))
EMPTY: dict[str, Any] = {}
get = dict.get


def is_reference(annotation: Any) -> bool:
    """``ActorRef`` or ``ActorRef | None``."""
    if get_origin(annotation) in (Union, types.UnionType):
        return any(is_reference(arg) for arg in get_args(annotation))
    return annotation is ActorRef


def columns(model: type[BaseModel]) -> list[tuple[str, str, str | None]]:
    """Each CSV column of ``model``'s items: its header, the item's field it reads, and
    the part of that field's object (or None for the field's own value)."""
    found: list[tuple[str, str, str | None]] = []
    for name, field in model.model_fields.items():
        if name == "provenance":
            found += [(part, name, part) for part in PROVENANCE]
        elif is_reference(field.annotation):
            found += [(f"{name}_{part}", name, part) for part in REFERENCE]
        else:
            found.append((name, name, None))
    return found


def neutral(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def listed(value: list[Any]) -> str:
    """A list's cell: its plain values joined by ``|``, or else the list as JSON."""
    if value and not isinstance(value[0], str):
        return orjson.dumps(value).decode()
    try:
        return neutral("|".join(value))  # only when every item is a str
    except TypeError:
        return orjson.dumps(value).decode()


def cell(value: Any) -> str:
    """One cell of any value, as the module's docstring says."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list):
        return listed(value)
    if isinstance(value, dict):
        return orjson.dumps(value).decode()
    return neutral(str(value))


def cells(values: list[Any]) -> list[str]:
    """A column's values as cells: those of one plain kind cleared in C at once."""
    kinds = set(map(type, values))
    if kinds <= TEXT:
        if NONE in kinds:
            values = ["" if value is None else value for value in values]
        if any(map(str.startswith, values, repeat(FORMULA_STARTS))):
            return list(map(neutral, values))
        return values
    if kinds <= NUMBERS:
        return list(map(str, values))
    if kinds == {list}:
        try:  # lists of plain values, joined in C
            return cells(list(map("|".join, values)))
        except TypeError:  # lists of objects, as JSON
            return list(map(listed, values))
    return list(map(cell, values))


def quoted(column: list[str]) -> list[str]:
    """A column's cells as csv.writer writes them: a cell holding a quote, a comma or a
    line break in double quotes, its quotes doubled."""
    if QUOTED.search("".join(column)) is None:
        return column
    needs = QUOTED.search
    return ['"' + text.replace('"', '""') + '"' if needs(text) else text for text in column]


class CsvWriter:
    """CSV text (RFC 4180: CRLF line ends, quotes where needed) for ``model``'s items."""

    def __init__(self, model: type[BaseModel]) -> None:
        self.columns = columns(model)

    def header(self) -> bytes:
        return self.lines([[name] for name in self.names])

    def rows(self, items: Iterable[dict[str, Any]]) -> bytes:
        items = list(items)
        if not items:
            return b""
        table: list[list[str]] = []
        objects: dict[str, list[Any]] = {}  # each object field's values, read once
        for _, field, part in self.columns:
            if part is None:
                table.append(cells(list(map(get, items, repeat(field)))))
                continue
            if field not in objects:
                objects[field] = [item.get(field) or EMPTY for item in items]
            table.append(cells(list(map(get, objects[field], repeat(part)))))
        return self.lines(table)

    @staticmethod
    def lines(table: list[list[str]]) -> bytes:
        """The rows of ``table``, given as its columns of cells."""
        if len(table) == 1:  # csv.writer's own rule: a row of one empty cell is ""
            buffer = io.StringIO()
            csv.writer(buffer, lineterminator="\r\n").writerows(zip(*table, strict=True))
            return buffer.getvalue().encode()
        rows = zip(*map(quoted, table), strict=True)
        return ("\r\n".join(map(",".join, rows)) + "\r\n").encode()

    @property
    def names(self) -> list[str]:
        return [name for name, _, _ in self.columns]
