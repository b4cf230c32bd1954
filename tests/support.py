"""Assertions shared by the tests: one helper for the one error shape, one for the read
model."""

import json
import re
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import orjson
import uvicorn
from fastapi import FastAPI
from sqlalchemy import Engine, text

from app import read_model
from app.core.reader import Reader

# the W3C anno.jsonld terms this API uses, mapped to the Web Annotation Vocabulary's IRIs,
# so that JSON-LD processing runs offline
ANNO_CONTEXT = json.loads((Path(__file__).parent / "data" / "anno-context.jsonld").read_text())
ANNO_CONTEXT_URL = "http://www.w3.org/ns/anno.jsonld"

# a seeded record for the path parameters of each resource, so that a request reaches past
# its lookup
RECORD_IDS = {
    "claims": "nk-russia-alliance-strategic-masterstroke",
    "stances": "st-f0b734bc890fa704",
    "sources": "putin-kim-unity-pyongyang",
    "actors": "china",
    "mentions": "mn-unknown",
    "keys": "read-key",
}


def concrete(path: str) -> str:
    """An OpenAPI path with each ``{parameter}`` replaced by a seeded id of its resource."""
    resource = path.split("/")[2] if path.startswith("/v1/") else ""
    return re.sub(r"\{[a-z_]+\}", RECORD_IDS.get(resource, "any-id"), path)


def assert_problem(
    response: httpx.Response, status: int, *, field: str | None = None
) -> dict[str, Any]:
    """The response is RFC 9457 problem+json with this status, naming ``field`` if given."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert {"type", "title", "status", "detail"} <= body.keys()
    assert body["status"] == status
    assert "Traceback" not in response.text
    if field is not None:
        assert field in {error["field"] for error in body["errors"]}, body
        assert field in body["detail"]
    return body


def all_items(client: Any, path: str, **params: Any) -> list[dict[str, Any]]:
    """Every item of a list, following next_cursor."""
    items: list[dict[str, Any]] = []
    cursor = None
    while True:
        query = {**params, **({"cursor": cursor} if cursor else {})}
        response = client.get(path, params=query)
        assert response.status_code == 200, response.text
        body = response.json()
        items += body["items"]
        cursor = body["next_cursor"]
        if cursor is None:
            return items


def changes_since(client: Any, since: str | None) -> tuple[list[dict[str, Any]], str | None]:
    """Every change of the feed after ``since`` (all with None), and the ``since`` to ask
    with next: what a mirror following ``/v1/changes`` would do."""
    changes: list[dict[str, Any]] = []
    while True:
        params = {"limit": 500, **({"since": since} if since else {})}
        response = client.get("/v1/changes", params=params)
        assert response.status_code == 200, response.text
        feed = response.json()
        if not feed["items"]:
            return changes, since
        changes += feed["items"]
        since = feed["since"]


def stored_bodies(connection: Any) -> dict[str, dict[tuple[Any, ...], Any]]:
    """The read model's rows, each body parsed: its bytes differ by engine, not its data."""
    return {
        table: {
            tuple(row[:-1]): orjson.loads(row[-1])
            for row in connection.execute(text(f"SELECT {columns}, body FROM {table}"))
        }
        for table, columns in (
            ("claim_json", "claim_id"),
            ("annotation_json", 'source_id, start, "end", kind, id'),
        )
    }


COUNTS = {
    "claim_stats": ("claim_id", "status, stance_count, contested"),
    "facet_count": ("scope, facet, value", "sum(count)"),  # summed over its shards
    "agreement_party": ("kind, party", "claims"),
    "agreement_pair": ("kind, a, b", "shared, agree, disagree"),
}


def stored_counts(connection: Any) -> dict[str, dict[tuple[Any, ...], Any]]:
    """The counts kept beside the read model (app/read_model/counts.py, agreement.py)."""
    found = {}
    for table, (key, values) in COUNTS.items():
        width = key.count(",") + 1
        rows = connection.execute(text(f"SELECT {key}, {values} FROM {table} GROUP BY {key}"))
        found[table] = {tuple(row[:width]): tuple(row[width:]) for row in rows if row[width]}
    return found


def assert_read_model_fresh(engine: Engine) -> None:
    """The stored bodies and counts are what a rebuild from the tables would store now."""
    with engine.connect() as connection:
        stored = stored_bodies(connection) | stored_counts(connection)
        read_model.rebuild(Reader.over(connection))
        rebuilt = stored_bodies(connection) | stored_counts(connection)
        connection.rollback()
    for table, rows in rebuilt.items():
        stale = {
            key
            for key in rows.keys() | stored[table].keys()
            if rows.get(key) != stored[table].get(key)
        }
        assert not stale, f"{table}: stale or missing bodies for {sorted(stale)[:5]}"


def rebuild_read_model(engine: Engine) -> None:
    """After a test wrote the tables directly, where the app's services would have kept the
    read model in step."""
    read_model.rebuild_all(engine)


@contextmanager
def serving(app: FastAPI) -> Iterator[str]:
    """``app`` served by uvicorn on a free port of this machine, for a real browser."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def load_context(url: str, options: Any = None) -> dict[str, Any]:
    """pyld's document loader, offline: the one remote context this API names."""
    assert url == ANNO_CONTEXT_URL, url
    return {"contextUrl": None, "documentUrl": url, "document": ANNO_CONTEXT}


def keys_of(node: Any) -> set[str]:
    if isinstance(node, dict):
        return set(node) | {k for value in node.values() for k in keys_of(value)}
    if isinstance(node, list):
        return {k for value in node for k in keys_of(value)}
    return set()
