"""One label -> actor map for every way a source enters (app/actors/labels.py): the names
and matchable aliases of live actors only. An actor retracted through the API is no longer
found in new sources, whether they come through the API or from the seed files."""

import shutil
from pathlib import Path

import yaml
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text
from sqlmodel import Session

from app.actors.labels import stored_labels
from app.ingest import Alias, RegistryActor
from app.seeds.sync import seed
from app.sources.known import registry
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


def label_map_and_registry(engine: Engine) -> tuple[dict[str, str], dict[str, RegistryActor]]:
    """What a new source's mentions are derived from, and whom the pipeline links names to."""
    with Session(engine) as session:
        return stored_labels(session.connection()), {a.id: a for a in registry(session)}


def test_the_label_map_and_the_pipelines_registry_agree_on_who_is_live(
    client: TestClient, tokens: dict[str, str]
) -> None:
    """The two read the same live actors (app/actors/labels.py): one retracted through the
    API, one the pipeline proposed, one merged away are in neither; an alias not marked to
    match is in the registry with its kind and match=False, and names nothing in the map."""
    curator = bearer(tokens["curate"])
    retract_north_korea(client, tokens)
    for actor in (
        {"id": "park-ji-hoon", "name": "Park Ji-hoon", "kind": "person"},
        {"id": "hwasong-works", "name": "Hwasong Works", "kind": "organization"},
        {
            "id": "kpa-navy",
            "name": "Korean People's Army Navy",
            "kind": "organization",
            "aliases": [
                {"label": "KPA Navy", "kind": "abbreviation"},
                {"label": "the Navy", "kind": "name", "auto_mention": False},
            ],
        },
    ):
        made = client.post("/v1/actors", json=actor, headers=curator)
        assert made.status_code == 201, made.text
    engine: Engine = client.app.state.engine
    with engine.begin() as connection:
        connection.execute(
            text("UPDATE actor SET review_status = 'candidate' WHERE id = 'park-ji-hoon'")
        )
    path = "/v1/actors/hwasong-works"
    merged = client.post(
        f"{path}/merge",
        json={"into": "russia"},
        headers=curator | {"If-Match": client.get(path).headers["etag"]},
    )
    assert merged.status_code == 200, merged.text

    labels, known = label_map_and_registry(engine)
    for gone in ("north-korea", "park-ji-hoon", "hwasong-works"):
        assert gone not in labels.values()
        assert gone not in known
    assert {"North Korea", "Pyongyang", "Park Ji-hoon"}.isdisjoint(labels)
    # the merged actor's name lives on as an alias of the actor it was merged into
    assert labels["Hwasong Works"] == "russia"
    assert Alias("Hwasong Works", "name") in known["russia"].aliases
    navy = known["kpa-navy"]
    assert (navy.kind, navy.name) == ("organization", "Korean People's Army Navy")
    assert set(navy.aliases) == {
        Alias("KPA Navy", "abbreviation"),
        Alias("the Navy", "name", match=False),
    }
    assert "the Navy" not in labels
    # in general: the same actors, and each label of the map is a name or matching alias
    assert set(labels.values()) == set(known)
    matching = {
        (label, actor.id)
        for actor in known.values()
        for label in (actor.name, *(a.label for a in actor.aliases if a.match))
    }
    assert set(labels.items()) <= matching
    assert {label for label, _ in matching} == set(labels)
