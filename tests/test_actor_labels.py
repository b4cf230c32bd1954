"""One label -> actor map for every way a source enters (app/actors/labels.py): the names
and matchable aliases of live actors only. An actor retracted through the API is no longer
found in new sources, whether they come through the API or from the seed files."""

import shutil
from pathlib import Path

import yaml
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text

from app.seeds.sync import seed
from tests.conftest import SEEDS, bearer
from tests.support import all_items

TEXT = "Pyongyang and Moscow signed a treaty, and the DPRK praised it.\n"


def retract_north_korea(client: TestClient, tokens: dict[str, str]) -> None:
    path = "/v1/actors/north-korea"
    etag = client.get(path).headers["etag"]
    retracted = client.delete(
        f"{path}?reason=test", headers=bearer(tokens["curate"]) | {"If-Match": etag}
    )
    assert retracted.status_code == 200, retracted.text


def named_actors(client: TestClient, source_id: str) -> set[tuple[str, str]]:
    spans = all_items(client, f"/v1/sources/{source_id}/annotations")
    return {(s["quote"], s["actor"]["id"]) for s in spans if s["kind"] == "mention"}


def test_a_source_posted_after_a_retraction_does_not_name_the_retracted_actor(
    client: TestClient, tokens: dict[str, str]
) -> None:
    retract_north_korea(client, tokens)
    made = client.post(
        "/v1/sources",
        json={
            "id": "treaty-note",
            "title": "A note",
            "genre": "news",
            "language": "en",
            "text": TEXT,
        },
        headers=bearer(tokens["curate"]),
    )
    assert made.status_code == 201, made.text
    assert named_actors(client, "treaty-note") == {("Moscow", "russia")}


def test_a_source_seeded_after_a_retraction_does_not_name_the_retracted_actor(
    client: TestClient, engine: Engine, tokens: dict[str, str], tmp_path: Path
) -> None:
    retract_north_korea(client, tokens)
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    (seeds / "sources" / "treaty-note.txt").write_text(TEXT, encoding="utf-8")
    annotations = {
        "source": {
            "id": "treaty-note",
            "file": "treaty-note.txt",
            "title": "A note",
            "genre": "news",
            "language": "en",
        },
        "claims": [],
        "stances": [],
    }
    (seeds / "annotations" / "treaty-note.yaml").write_text(
        yaml.safe_dump(annotations, sort_keys=False), encoding="utf-8"
    )
    report = seed(engine, seeds)
    assert ("source", "treaty-note") in report.added
    assert named_actors(client, "treaty-note") == {("Moscow", "russia")}


def test_a_candidate_or_rejected_actor_names_nothing_in_a_new_source(
    client: TestClient, tokens: dict[str, str]
) -> None:
    """Only accepted actors are in the map: a name the pipeline proposed is a question for a
    reviewer, not a fact every later source is marked with."""
    curator = bearer(tokens["curate"])
    proposed = client.post(
        "/v1/actors",
        json={"id": "park-ji-hoon", "name": "Park Ji-hoon", "kind": "person"},
        headers=curator,
    )
    assert proposed.status_code == 201, proposed.text
    engine: Engine = client.app.state.engine
    with engine.begin() as connection:
        connection.execute(
            text("UPDATE actor SET review_status = 'candidate' WHERE id = 'park-ji-hoon'")
        )
    made = client.post(
        "/v1/sources",
        json={
            "id": "spokesman-note",
            "title": "A note",
            "genre": "news",
            "language": "en",
            "text": "Park Ji-hoon said Moscow signed a treaty.\n",
        },
        headers=curator,
    )
    assert made.status_code == 201, made.text
    assert named_actors(client, "spokesman-note") == {("Moscow", "russia")}
