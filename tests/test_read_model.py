"""The read model (app/read_model/__init__.py): the stored bodies follow every write that
shows in them, and ``claimsdb migrate`` rebuilds them when their format changes.

Every test with a seeded database also ends with ``assert_read_model_fresh`` (conftest),
so each write the other tests make is checked too; these name the writes whose effect
reaches bodies of other records."""

import orjson
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

from app import read_model
from app.actors import service as actors_service
from app.claims import service as claims_service
from app.config import Settings
from app.core.db import is_conflict, run_write, writer
from app.main import create_app
from app.models import ActorUpdate, ClaimActorCreate, ClaimUpdate
from tests.conftest import SEEDS, bearer
from tests.support import (
    all_items,
    assert_problem,
    assert_read_model_fresh,
    rebuild_read_model,
    stored_bodies,
)

SOURCE = "putin-kim-unity-pyongyang"


@pytest.fixture
def curator(tokens: dict[str, str]) -> dict[str, str]:
    return bearer(tokens["curate"])


def if_match(client: TestClient, path: str) -> dict[str, str]:
    return {"If-Match": client.get(path).headers["etag"]}


def test_an_actor_renamed_is_renamed_in_every_body_that_shows_it(
    client: TestClient, curator: dict[str, str]
) -> None:
    path = "/v1/actors/china"
    renamed = client.patch(
        path, json={"name": "People's Republic of China"}, headers=curator | if_match(client, path)
    )
    assert renamed.status_code == 200, renamed.text
    names = {
        actor["name"]
        for claim in all_items(client, "/v1/claims", actor_id="china")
        for actor in claim["actors"]
        if actor["id"] == "china"
    }
    assert names == {"People's Republic of China"}
    spans = all_items(client, f"/v1/sources/{SOURCE}/annotations")
    shown = [span["actor"] or span["holder"] for span in spans]
    assert {a["name"] for a in shown if a and a["id"] == "china"} == {"People's Republic of China"}
    assert any(span["holder"] and span["holder"]["id"] == "china" for span in spans)
    assert any(span["actor"] and span["actor"]["id"] == "china" for span in spans)


def test_a_claim_reworded_is_reworded_in_its_stances_annotations(
    client: TestClient, curator: dict[str, str]
) -> None:
    stance = all_items(client, f"/v1/sources/{SOURCE}/annotations")[-1]
    claim_id = stance["claim"]["id"]
    path = f"/v1/claims/{claim_id}"
    reworded = "A claim, reworded by a curator."
    patched = client.patch(path, json={"text": reworded}, headers=curator | if_match(client, path))
    assert patched.status_code == 200, patched.text
    spans = all_items(client, f"/v1/sources/{SOURCE}/annotations")
    assert {s["claim"]["text"] for s in spans if s["claim"] and s["claim"]["id"] == claim_id} == {
        reworded
    }
    listed = {c["id"]: c for c in all_items(client, "/v1/claims", source_id=SOURCE)}
    assert listed[claim_id]["text"] == reworded
    assert listed[claim_id]["version"] == patched.json()["version"]


def test_a_retracted_span_leaves_the_annotations_and_a_restored_one_comes_back(
    client: TestClient, curator: dict[str, str]
) -> None:
    before = all_items(client, f"/v1/sources/{SOURCE}/annotations")
    stance = next(span for span in before if span["kind"] == "stance")
    path = f"/v1/stances/{stance['id']}"
    client.delete(f"{path}?reason=misread", headers=curator | if_match(client, path))
    during = all_items(client, f"/v1/sources/{SOURCE}/annotations")
    assert stance["id"] not in {span["id"] for span in during}
    assert len(during) == len(before) - 1
    client.post(f"{path}/restore", headers=curator | if_match(client, path))
    assert all_items(client, f"/v1/sources/{SOURCE}/annotations") == before


def test_a_purged_source_takes_its_spans_bodies_along(
    client: TestClient, engine: Engine, tokens: dict[str, str]
) -> None:
    path = f"/v1/sources/{SOURCE}"
    purged = client.delete(
        f"{path}?hard=true", headers=bearer(tokens["admin"]) | if_match(client, path)
    )
    assert purged.status_code == 204, purged.text
    assert_problem(client.get(f"{path}/annotations"), 404)
    with engine.connect() as connection:
        sources = {key[0] for key in stored_bodies(connection)["annotation_json"]}
    assert SOURCE not in sources
    assert sources  # the other sources keep theirs


def test_a_body_left_stale_is_caught(engine: Engine) -> None:
    """The check every test ends with can fail: a claim written behind the app's back."""
    with engine.begin() as connection:
        connection.execute(
            text("UPDATE claim SET text = 'Changed behind its back.' WHERE id = :id"),
            {"id": "nk-russia-mutual-defense-pact"},
        )
    with pytest.raises(AssertionError, match="nk-russia-mutual-defense-pact"):
        assert_read_model_fresh(engine)
    rebuild_read_model(engine)
    assert_read_model_fresh(engine)


def test_migrate_rebuilds_bodies_of_another_format(database_url: str, engine: Engine) -> None:
    with engine.begin() as connection:
        expected = stored_bodies(connection)
        connection.execute(text("DELETE FROM claim_json"))
        connection.execute(text("UPDATE read_model_format SET format = format - 1"))
    app = create_app(Settings(database_url=database_url, seeds_dir=SEEDS))
    with TestClient(app, raise_server_exceptions=False) as client:
        body = assert_problem(client.get("/readyz"), 503)
        assert "claimsdb migrate" in body["detail"]
        read_model.migrate(engine)
        assert client.get("/readyz").status_code == 200
    assert read_model.stored_format(engine) == read_model.FORMAT
    with engine.connect() as connection:
        assert stored_bodies(connection) == expected
    assert read_model.ensure_current(engine) is False  # current: nothing rebuilt


def test_overlapping_writes_never_leave_a_body_stale(engine: Engine) -> None:
    """An actor renamed while a claim gains that actor, each write's snapshot taken before
    the other commits: each alone would store the claim's body with the other's change
    missing. On PostgreSQL (SERIALIZABLE) one of the two fails to commit and is run again,
    as run_write does; SQLite runs one write at a time."""
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite's writes take the write lock first: they never overlap")
    claim_id = "alliance-changes-regional-balance"
    works = {
        "rename": lambda s: actors_service.update_actor(
            session=s, who="test", actor_id="china", version=None, patch=ActorUpdate(name="PRC")
        ),
        "join": lambda s: claims_service.update_claim(
            session=s,
            who="test",
            claim_id=claim_id,
            version=None,
            patch=ClaimUpdate(actors=[ClaimActorCreate(actor="china", role="mentioned")]),
        ),
    }
    sessions = {name: Session(writer(engine), expire_on_commit=False) for name in works}
    for name, work in works.items():  # both run before either commits
        work(sessions[name])
    errors = {}
    for name, session in sessions.items():
        try:
            session.commit()
        except DBAPIError as error:
            errors[name] = error
        finally:
            session.close()
    failed = list(errors)
    assert len(failed) == 1, "SERIALIZABLE lets only one of the two commit"
    assert is_conflict(errors[failed[0]]), errors
    run_write(engine, works[failed[0]])
    assert_read_model_fresh(engine)
    with engine.connect() as connection:
        (body,) = connection.execute(
            text("SELECT body FROM claim_json WHERE claim_id = :id"), {"id": claim_id}
        ).one()
    assert orjson.loads(body)["actors"] == [{"id": "china", "name": "PRC", "role": "mentioned"}]
