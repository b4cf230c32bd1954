"""Long sources: their mentions are derived before the write takes the lock, bounded, and
stored (and kept in the read model) on both engines, however many there are."""

import orjson
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select
from sqlmodel import Session

from app.actors import service as actors_service
from app.audit import service as audit_service
from app.config import Settings
from app.core.db import run_write
from app.main import create_app
from app.models import ActorUpdate, AnnotationJson, Mention, SourceCreate
from app.sources import service as sources_service
from tests.conftest import SEEDS, bearer
from tests.support import all_items, assert_problem

# PostgreSQL takes at most 65,535 parameters in one statement
PARAMETER_LIMIT = 65_535


def source(source_id: str, text: str) -> dict[str, str]:
    return {"id": source_id, "title": source_id, "genre": "news", "language": "en", "text": text}


def test_a_source_naming_actors_too_often_is_refused_before_the_write(
    client: TestClient, tokens: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sources_service, "MAX_DERIVED_MENTIONS", 10)
    curator = bearer(tokens["curate"])
    refused = client.post("/v1/sources", json=source("china-11", "China. " * 11), headers=curator)
    body = assert_problem(refused, 422, field="text")
    assert "at most 10" in body["detail"]
    assert_problem(client.get("/v1/sources/china-11"), 404)
    made = client.post("/v1/sources", json=source("china-10", "China. " * 10), headers=curator)
    assert made.status_code == 201, made.text
    spans = client.get("/v1/sources/china-10/annotations").json()["items"]
    assert [span["actor"]["id"] for span in spans] == ["china"] * 10


def test_parts_prepared_before_an_actor_changed_are_derived_again(engine: Engine) -> None:
    """The mentions are worked out before the write; a rename in between must not leave
    the new source's spans showing the old name."""
    text = "China and PRC."
    data = SourceCreate(id="prc-news", title="PRC", genre="news", language="en", text=text)
    parts = sources_service.prepare_source(engine=engine, data=data)
    assert [m["quote"] for m in parts.mentions] == ["China"]
    run_write(
        engine,
        lambda s: actors_service.update_actor(
            session=s, who="test", actor_id="china", version=None, patch=ActorUpdate(name="PRC")
        ),
    )
    run_write(
        engine,
        lambda s: sources_service.create_source(session=s, who="test", data=data, parts=parts),
    )
    with Session(engine) as session:
        stored = session.exec(
            select(Mention.quote, AnnotationJson.body)
            .join(AnnotationJson, AnnotationJson.id == Mention.id)
            .where(Mention.source_id == "prc-news")
        ).all()
    assert [(quote, orjson.loads(body)["actor"]["name"]) for quote, body in stored] == [
        ("PRC", "PRC")
    ]


def test_an_actor_in_more_spans_than_a_statement_takes_parameters(
    engine: Engine, database_url: str, tokens: dict[str, str]
) -> None:
    """Two long sources name China 66,000 times; renaming China stores every span's body
    again, in statements PostgreSQL accepts. No request time limit: this is about the
    statements' parameters; a rename this large may pass the 5 s limit on a slow machine
    (then a 503 that stores nothing, tests/test_timeouts.py)."""
    settings = Settings(
        database_url=database_url, seeds_dir=SEEDS, request_timeout_ms=0, statement_timeout_ms=0
    )
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        rename_the_actor_of_many_spans(engine, client, tokens)


def rename_the_actor_of_many_spans(
    engine: Engine, client: TestClient, tokens: dict[str, str]
) -> None:
    curator = bearer(tokens["curate"])
    for number in range(2):
        made = client.post(
            "/v1/sources",
            json=source(f"china-{number}", "China. " * (PARAMETER_LIMIT // 2 + 500)),
            headers=curator,
        )
        assert made.status_code == 201, made.text
    renamed = client.patch(
        "/v1/actors/china", json={"name": "PRC"}, headers=curator | {"If-Match": "*"}
    )
    assert renamed.status_code == 200, renamed.text
    with Session(engine) as session:
        stored = session.exec(
            select(func.count()).select_from(AnnotationJson).where(AnnotationJson.kind == "mention")
        ).one()
    assert stored[0] > PARAMETER_LIMIT
    last = client.get("/v1/sources/china-1/annotations", params={"limit": 1}).json()["items"]
    assert last[0]["actor"] == {"id": "china", "name": "PRC", "kind": "state"}


def test_a_purged_source_takes_its_mentions_with_it_each_in_the_feed(
    engine: Engine, client: TestClient, tokens: dict[str, str]
) -> None:
    """Its mentions are deleted in a few statements, not one by one (the write lock), and
    each is still in the change feed with the record as it was."""
    made = client.post(
        "/v1/sources", json=source("china-30", "China. " * 30), headers=bearer(tokens["curate"])
    )
    assert made.status_code == 201, made.text
    with Session(engine) as session:
        expected = {
            mention.id: audit_service.snapshot(session, "mention", mention)
            for mention in session.exec(
                select(Mention).where(Mention.source_id == "china-30")
            ).scalars()
        }
    assert len(expected) == 30
    purged = client.delete(
        "/v1/sources/china-30?hard=true",
        headers=bearer(tokens["admin"]) | {"If-Match": made.headers["etag"]},
    )
    assert purged.status_code == 204, purged.text
    feed = all_items(client, "/v1/changes", limit=500)
    gone = {c["id"]: c["before"] for c in feed if c["action"] == "purge"}
    assert {key: gone[key] for key in expected} == expected
    assert "china-30" in gone
    assert_problem(client.get(f"/v1/mentions/{next(iter(expected))}"), 404)
    assert_problem(client.get("/v1/sources/china-30/annotations"), 404)


def test_a_merge_moves_every_mention_each_in_the_feed(
    client: TestClient, tokens: dict[str, str]
) -> None:
    curator = bearer(tokens["curate"])
    made = client.post(
        "/v1/actors", json={"id": "zed", "name": "Zed", "kind": "person"}, headers=curator
    )
    assert made.status_code == 201, made.text
    text = "Zed. " * 40
    assert (
        client.post("/v1/sources", json=source("zed-40", text), headers=curator).status_code == 201
    )
    moved = client.post(
        "/v1/actors/zed/merge", json={"into": "china"}, headers=curator | {"If-Match": "*"}
    )
    assert moved.status_code == 200, moved.text
    spans = all_items(client, "/v1/sources/zed-40/annotations")
    assert len(spans) == 40
    assert {span["actor"]["id"] for span in spans} == {"china"}
    updates = {
        c["id"]: c
        for c in all_items(client, "/v1/changes", limit=500)
        if c["resource"] == "mention" and c["action"] == "update"
    }
    for span in spans:
        change = updates[span["id"]]
        assert (change["before"]["actor_id"], change["after"]["actor_id"]) == ("zed", "china")
        assert change["version"] == change["before"]["version"] + 1 == 2
        assert client.get(f"/v1/mentions/{span['id']}").json()["version"] == 2
