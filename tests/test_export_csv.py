"""CSV exports byte for byte: every kind of cell as README's Exports section says, checked
against a plain reading of those rules (``reference_csv``), so that a faster writer
cannot change a byte of what it writes."""

import csv
import datetime as dt
import io
from enum import StrEnum
from typing import Any

import orjson
import pytest
from fastapi.testclient import TestClient
from pydantic import BaseModel

from app.exports import stream as export_routes
from app.exports.csv_rows import CsvWriter
from app.models import ActorRef
from app.models.provenance import Provenance

RESOURCES = ["sources", "actors", "claims", "stances", "mentions"]


def reference_cell(value: Any) -> str:
    """One cell by the README's rules, spelled out as plainly as they read."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        text = "|".join(value)
    elif isinstance(value, list | dict):
        return orjson.dumps(value).decode()
    else:
        text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def reference_csv(model: type[BaseModel], items: list[dict[str, Any]]) -> bytes:
    header: list[str] = []
    reads: list[Any] = []
    for name, field in model.model_fields.items():
        if name == "provenance":
            parts = ["source_id", "start", "end", "quote", "prefix", "suffix"]
            header += parts
            reads += [lambda item, n=name, p=p: (item.get(n) or {}).get(p) for p in parts]
        elif field.annotation in (ActorRef, ActorRef | None):
            header += [f"{name}_{part}" for part in ("id", "name", "kind")]
            reads += [
                lambda item, n=name, p=p: (item.get(n) or {}).get(p) for p in ("id", "name", "kind")
            ]
        else:
            header.append(name)
            reads.append(lambda item, n=name: item.get(n))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for item in items:
        writer.writerow([reference_cell(read(item)) for read in reads])
    return out.getvalue().encode()


@pytest.mark.parametrize("resource", RESOURCES)
def test_every_csv_export_is_its_ndjson_by_the_rules_byte_for_byte(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, resource: str
) -> None:
    monkeypatch.setattr(export_routes, "BATCH", 3)  # several batches, each encoded apart
    items = [
        orjson.loads(line)
        for line in client.get(f"/v1/exports/{resource}.ndjson").content.splitlines()
    ]
    assert len(items) > 3
    exported = client.get(f"/v1/exports/{resource}.csv").content
    assert exported == reference_csv(export_routes.REGISTERED[resource].item, items)


class Colour(StrEnum):
    red = "red"


class Part(BaseModel):
    id: str


class EveryKind(BaseModel):
    """A field of each kind a list item has, or might have."""

    id: str
    note: str | None
    count: int
    share: float | None
    flag: bool
    colour: Colour
    when: dt.date | None
    tags: list[str]
    parts: list[Part]
    extra: dict[str, Any]
    holder: ActorRef | None
    provenance: Provenance


ITEMS: list[dict[str, Any]] = [
    {  # as the read model stores it: JSON's own types
        "id": "plain",
        "note": 'a "quoted", comma\nand a line',
        "count": 0,
        "share": 0.25,
        "flag": True,
        "colour": "red",
        "when": "2024-06-19",
        "tags": ["munitions", "ukraine-war"],
        "parts": [{"id": "north-korea"}, {"id": "russia"}],
        "extra": {"a": [1, None], "b": "ü"},
        "holder": {"id": "kim-jong-un", "name": "Kim Jong Un", "kind": "person"},
        "provenance": {
            "source_id": "s",
            "start": 3,
            "end": 10,
            "quote": "=1+1",
            "prefix": "-",
            "suffix": "",
        },
    },
    {  # nothing where it may be nothing, and every formula start
        "id": "@empty",
        "note": None,
        "count": -3,
        "share": None,
        "flag": False,
        "colour": "+red",
        "when": None,
        "tags": [],
        "parts": [],
        "extra": {},
        "holder": None,
        "provenance": {
            "source_id": "\tt",
            "start": 0,
            "end": 1,
            "quote": "\rq",
            "prefix": "'",
            "suffix": "=",
        },
    },
    {  # Python's own types, as a list assembled from columns might hold them
        "id": "python",
        "note": "",
        "count": 10**20,
        "share": 1e-7,
        "flag": True,
        "colour": Colour.red,
        "when": dt.date(2024, 6, 19),
        "tags": ["-first", "second"],
        "parts": [{"id": "x"}, "y"],
        "extra": {"n": 1.5},
        "holder": {"id": "h"},
    },
    {"id": "bare"},  # fields missing altogether
]

EXPECTED = (
    "id,note,count,share,flag,colour,when,tags,parts,extra,holder_id,holder_name,holder_kind,"
    "source_id,start,end,quote,prefix,suffix\r\n"
    'plain,"a ""quoted"", comma\nand a line",0,0.25,true,red,2024-06-19,munitions|ukraine-war,'
    '"[{""id"":""north-korea""},{""id"":""russia""}]","{""a"":[1,null],""b"":""ü""}",'
    "kim-jong-un,Kim Jong Un,person,s,3,10,'=1+1,'-,\r\n"
    "'@empty,,-3,,false,'+red,,,,{},,,,'\tt,0,1,\"'\rq\",','=\r\n"
    "python,,100000000000000000000,1e-07,true,red,2024-06-19,'-first|second,"
    '"[{""id"":""x""},""y""]","{""n"":1.5}",h,,,,,,,,\r\n'
    "bare,,,,,,,,,,,,,,,,,,\r\n"
).encode()


def test_every_kind_of_cell_byte_for_byte() -> None:
    writer = CsvWriter(EveryKind)
    assert reference_csv(EveryKind, ITEMS) == EXPECTED
    assert writer.header() + writer.rows(ITEMS) == EXPECTED
    # row by row, as batches of one, the same bytes
    assert writer.header() + b"".join(writer.rows([item]) for item in ITEMS) == EXPECTED
    # batches whose columns each hold one kind of value (all text, all lists) are the same
    for batch in (ITEMS[:2], ITEMS[:3], ITEMS[1:3], ITEMS[1:2]):
        assert writer.header() + writer.rows(batch) == reference_csv(EveryKind, batch)
    assert writer.rows([]) == b""


class OneField(BaseModel):
    note: str | None


def test_a_single_column_is_written_as_csv_writes_it() -> None:
    """A row of one empty cell is ``""``, not an empty line."""
    items = [{"note": None}, {"note": 'a, "b"'}, {"note": "=c"}, {"note": ""}]
    writer = CsvWriter(OneField)
    assert writer.header() + writer.rows(items) == reference_csv(OneField, items)
    assert writer.rows(items) == b'""\r\n"a, ""b"""\r\n\'=c\r\n""\r\n'
