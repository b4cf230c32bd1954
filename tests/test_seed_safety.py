"""Seeding never destroys what users wrote: `claimsdb seed` (run by `make serve` at every
start) only adds what is new in the seed files, `claimsdb reseed` replaces the database's
content only when told to, and both show in the change feed."""

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text
from typer.testing import CliRunner

from app import read_model
from app.cli import cli
from app.config import get_settings
from app.seeds.sync import ApiWritesKept, reseed, seed
from tests.conftest import SEEDS, bearer
from tests.support import changes_since, rebuild_read_model
from tests.test_curation import NEW_CLAIM, QUOTED_STANCE
from tests.test_export import DATA_TABLES, contents

SOURCE = "putin-kim-unity-pyongyang"
API_CLAIM = NEW_CLAIM
EDITED = "nk-russia-alliance-strategic-masterstroke"
PURGED = "nk-russia-mutual-defense-pact"
MERGED, MERGED_INTO = "russians", "russia"


def etag(client: TestClient, path: str) -> str:
    return client.get(path).headers["etag"]


def ok(response: Any, status: int = 200) -> Any:
    assert response.status_code == status, response.text
    return response.json() if response.content else None


@pytest.fixture
def curated(client: TestClient, tokens: dict[str, str]) -> dict[str, str]:
    """What curators do through the API to a seeded database: create, edit, retract,
    purge, merge. Returns the ids they touched."""
    curator, admin = bearer(tokens["curate"]), bearer(tokens["admin"])
    ok(client.post("/v1/claims", json=API_CLAIM, headers=curator), 201)
    stance = ok(client.post("/v1/stances", json=QUOTED_STANCE, headers=curator), 201)
    path = f"/v1/claims/{EDITED}"
    edit = {"claim_type": "prediction"}
    ok(client.patch(path, json=edit, headers=curator | {"If-Match": etag(client, path)}))
    retracted = client.get(f"/v1/claims/{EDITED}").json()["stances"][0]["id"]
    path = f"/v1/stances/{retracted}"
    ok(client.delete(path, headers=curator | {"If-Match": etag(client, path)}))
    path = f"/v1/claims/{PURGED}"
    ok(client.delete(f"{path}?hard=true", headers=admin | {"If-Match": etag(client, path)}), 204)
    path = f"/v1/actors/{MERGED}"
    merge = {"into": MERGED_INTO}
    ok(client.post(f"{path}/merge", json=merge, headers=curator | {"If-Match": etag(client, path)}))
    return {"stance": stance["id"], "retracted": retracted}


def assert_curation_kept(client: TestClient, curated: dict[str, str]) -> None:
    assert ok(client.get(f"/v1/claims/{API_CLAIM['id']}"))["text"] == API_CLAIM["text"]
    assert ok(client.get(f"/v1/stances/{curated['stance']}"))["claim_id"] == API_CLAIM["id"]
    assert ok(client.get(f"/v1/claims/{EDITED}"))["claim_type"] == "prediction"
    assert ok(client.get(f"/v1/stances/{curated['retracted']}"))["status"] == "retracted"
    assert client.get(f"/v1/claims/{PURGED}").status_code == 404
    assert client.get(f"/v1/actors/{MERGED}", follow_redirects=False).status_code == 308


def seeds_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "seeds"
    shutil.copytree(SEEDS, copy)
    return copy


def edit_source_file(seeds: Path, source_id: str, change: Any) -> None:
    path = seeds / "annotations" / f"{source_id}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def claim_with_stance(data: dict[str, Any], claim_id: str, text: str) -> None:
    """A new claim in a source file, stated at the span of the file's first stance."""
    data["claims"].append({"id": claim_id, "text": text, "claim_type": "factual"})
    anchor = {k: v for k, v in data["stances"][0].items() if k in ("quote", "prefix", "suffix")}
    data["stances"].append(
        {
            **anchor,
            "claim": claim_id,
            "label": "supports",
            "holder": None,
            "attribution": "author",
            "certainty": "possible",
        }
    )


# ---------------------------------------------------------------- seed: only adds


def test_curation_survives_a_second_seed(
    client: TestClient, engine: Engine, curated: dict[str, str]
) -> None:
    report = seed(engine, SEEDS)
    assert report.added == []
    assert_curation_kept(client, curated)
    left = dict(report.left)
    assert "edited through the API" in left["claim", EDITED]
    assert "--discard-api-writes" in left["claim", EDITED]
    assert "purged through the API" in left["claim", PURGED]
    assert "merged into another actor through the API" in left["actor", MERGED]
    assert "retracted through the API" in left["stance", curated["retracted"]]
    assert ("claim", API_CLAIM["id"]) not in left  # the user's own: nothing to say


def test_seed_adds_what_is_new_and_leaves_the_rest(
    client: TestClient, engine: Engine, curated: dict[str, str], tmp_path: Path
) -> None:
    seeds = seeds_copy(tmp_path)
    untouched = "kim-alliance-counter-china"

    def change(data: dict[str, Any]) -> None:
        data["claims"][0]["text"] = "Reworded in the seed file."
        claim_with_stance(data, "a-claim-new-in-the-files", "A claim new in the seed files.")
        claim_with_stance(data, API_CLAIM["id"], "The seed files' claim with the API's id.")

    edit_source_file(seeds, untouched, change)
    reworded = yaml.safe_load(
        (seeds / "annotations" / f"{untouched}.yaml").read_text(encoding="utf-8")
    )["claims"][0]["id"]
    before = ok(client.get(f"/v1/claims/{reworded}"))
    _, since = changes_since(client, None)

    report = seed(engine, seeds)

    assert ("claim", "a-claim-new-in-the-files") in report.added
    assert ok(client.get("/v1/claims/a-claim-new-in-the-files"))["stances"]
    assert ok(client.get(f"/v1/claims/{reworded}")) == before  # changed files change nothing
    assert_curation_kept(client, curated)
    left = dict(report.left)
    assert "the seed files change it (text)" in left["claim", reworded]
    assert "`claimsdb reseed` would update it" in left["claim", reworded]
    assert "created through the API" in left["claim", API_CLAIM["id"]]
    # what seeding added is in the feed, under its own name
    added, _ = changes_since(client, since)
    assert {(c["key"], c["action"], c["resource"]) for c in added} == {
        ("seed", "create", "claim"),
        ("seed", "create", "stance"),
    }
    assert "a-claim-new-in-the-files" in {c["id"] for c in added}
    assert not seed(engine, seeds).added  # and a third start adds nothing more


def test_a_new_record_that_refers_to_a_purged_one_is_not_added(
    client: TestClient, engine: Engine, curated: dict[str, str], tmp_path: Path
) -> None:
    seeds = seeds_copy(tmp_path)
    home = next(
        path.stem
        for path in (seeds / "annotations").glob("*.yaml")
        if PURGED in path.read_text(encoding="utf-8") and path.stem != "actors"
    )

    def new_stance_on_the_purged_claim(data: dict[str, Any]) -> None:
        claim_with_stance(data, "placeholder", "x")
        data["claims"].pop()
        data["stances"][-1]["claim"] = PURGED

    edit_source_file(seeds, home, new_stance_on_the_purged_claim)
    report = seed(engine, seeds)
    assert report.added == []
    assert any(
        resource == "stance" and f"refers to claim {PURGED}" in why
        for (resource, _), why in report.left
    )
    assert client.get(f"/v1/claims/{PURGED}").status_code == 404


def test_seed_files_first_loaded_into_an_empty_database_show_in_the_feed(
    client: TestClient,
) -> None:
    seeded, _ = changes_since(client, None)
    claims = client.get("/v1/claims", params={"limit": 500}).json()["items"]
    assert {c["id"] for c in claims} <= {c["id"] for c in seeded if c["resource"] == "claim"}
    assert {c["key"] for c in seeded} == {"seed"}


# ---------------------------------------------------------------- reseed: only when told


def test_reseed_plans_refuses_then_discards_when_told(
    client: TestClient, engine: Engine, curated: dict[str, str], empty_database_url: str
) -> None:
    before = contents(engine, DATA_TABLES)
    plan = reseed(engine, SEEDS, apply=False)
    planned = {(c.action, c.resource, c.id): c for c in plan.changes()}
    assert planned["update", "claim", EDITED].parts == ["claim_type"]
    assert planned["insert", "claim", PURGED].protected
    assert planned["delete", "claim", API_CLAIM["id"]].protected
    assert planned["insert", "actor", MERGED].protected
    assert contents(engine, DATA_TABLES) == before  # a plan changes nothing

    with pytest.raises(ApiWritesKept):
        reseed(engine, SEEDS, apply=True)
    assert contents(engine, DATA_TABLES) == before
    assert_curation_kept(client, curated)

    _, since = changes_since(client, None)
    reseed(engine, SEEDS, apply=True, discard_api_writes=True)
    fresh = make_seeded(empty_database_url)
    # a record the reseed wrote again has a new version: versions count writes
    assert contents(engine, DATA_TABLES, skip={"version"}) == contents(
        fresh, DATA_TABLES, skip={"version"}
    )
    fresh.dispose()
    assert ok(client.get(f"/v1/claims/{EDITED}"))["version"] == 3
    assert client.get(f"/v1/claims/{API_CLAIM['id']}").status_code == 404
    assert ok(client.get(f"/v1/claims/{PURGED}"))["stances"]
    done, _ = changes_since(client, since)
    assert {c["key"] for c in done} == {"seed"}
    by_record = {(c["resource"], c["id"]): c["action"] for c in done}
    assert by_record["claim", EDITED] == "update"
    assert by_record["claim", API_CLAIM["id"]] == "purge"
    assert by_record["stance", curated["stance"]] == "purge"
    assert by_record["claim", PURGED] == "create"
    history = ok(client.get(f"/v1/claims/{EDITED}/history"))["items"]
    assert [(h["key"], h["action"]) for h in history][-1] == ("seed", "update")
    assert history[-1]["after"]["claim_type"] != "prediction"
    assert reseed(engine, SEEDS, apply=False).changes() == []
    assert seed(engine, SEEDS).added == []


def make_seeded(url: str) -> Engine:
    from app.core.db import make_engine

    engine = make_engine(url)
    read_model.migrate(engine)
    seed(engine, SEEDS)
    return engine


def test_reseed_applies_seed_file_changes_without_asking_when_no_api_write_is_hit(
    client: TestClient, engine: Engine, tmp_path: Path
) -> None:
    seeds = seeds_copy(tmp_path)
    source = "kim-alliance-counter-china"
    edit_source_file(seeds, source, lambda d: d["claims"][0].update(text="Reworded."))
    claim = yaml.safe_load((seeds / "annotations" / f"{source}.yaml").read_text())["claims"][0]
    plan = reseed(engine, seeds, apply=True)
    assert [(c.action, c.id, c.parts) for c in plan.changes()] == [
        ("update", claim["id"], ["text"])
    ]
    body = ok(client.get(f"/v1/claims/{claim['id']}"))
    assert (body["text"], body["version"]) == ("Reworded.", 2)
    history = ok(client.get(f"/v1/claims/{claim['id']}/history"))["items"]
    assert [(h["key"], h["action"], h["version"]) for h in history] == [
        ("seed", "create", 1),
        ("seed", "update", 2),
    ]


# ---------------------------------------------------------------- the commands


@pytest.fixture
def runner(database_url: str, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("CLAIMSDB_SEEDS_DIR", str(SEEDS))
    get_settings.cache_clear()
    yield CliRunner()
    get_settings.cache_clear()


def test_reseed_command_is_a_dry_run_and_refuses_api_writes(
    runner: CliRunner, client: TestClient, curated: dict[str, str]
) -> None:
    dry = runner.invoke(cli, ["reseed"])
    assert dry.exit_code == 0, dry.output
    assert f"update claim {EDITED} (claim_type)  [edited through the API by curate-key]" in (
        dry.output
    )
    assert f"delete claim {API_CLAIM['id']}  [created through the API by curate-key]" in (
        dry.output
    )
    assert "a dry run: nothing changed" in dry.output
    refused = runner.invoke(cli, ["reseed", "--yes"])
    assert refused.exit_code == 1
    assert "refused, nothing changed" in refused.output
    assert "--discard-api-writes" in refused.output
    assert_curation_kept(client, curated)
    done = runner.invoke(cli, ["reseed", "--yes", "--discard-api-writes"])
    assert done.exit_code == 0, done.output
    assert "reseeded from" in done.output
    assert client.get(f"/v1/claims/{API_CLAIM['id']}").status_code == 404
    again = runner.invoke(cli, ["reseed"])
    assert "nothing to do" in again.output


def test_seed_command_says_what_it_left(
    runner: CliRunner, client: TestClient, curated: dict[str, str]
) -> None:
    result = runner.invoke(cli, ["seed"])
    assert result.exit_code == 0, result.output
    assert "nothing changed" in result.output
    assert f"claim {EDITED}: left as is: edited through the API by curate-key" in result.output
    assert_curation_kept(client, curated)


def test_no_key_may_take_the_name_of_seeding(
    runner: CliRunner, client: TestClient, tokens: dict[str, str]
) -> None:
    result = runner.invoke(cli, ["keys", "create", "seed"])
    assert result.exit_code == 1
    assert "choose another" in result.output
    made = client.post(
        "/v1/keys", json={"name": "seed", "scope": "curate"}, headers=bearer(tokens["admin"])
    )
    assert made.status_code == 409


def test_a_new_record_whose_unique_value_is_taken_is_not_added(
    client: TestClient, engine: Engine, tokens: dict[str, str], tmp_path: Path
) -> None:
    actor = {"id": "api-actor", "name": "Someone", "kind": "person", "wikidata_id": "Q4242"}
    ok(client.post("/v1/actors", json=actor, headers=bearer(tokens["curate"])), 201)
    seeds = seeds_copy(tmp_path)
    path = seeds / "annotations" / "actors.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["actors"].append(
        {"id": "seed-actor", "name": "Someone Else", "kind": "person", "wikidata_id": "Q4242"}
    )
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    report = seed(engine, seeds)
    assert report.added == []
    assert (
        "wikidata_id ('Q4242',) belongs to another record"
        in dict(report.left)["actor", "seed-actor"]
    )


def test_reseed_guards_records_written_around_the_api_too(
    client: TestClient, engine: Engine
) -> None:
    """A record with no history was not written by seeding (a program wrote the tables):
    a reseed deletes it only when told, and seed says nothing about it."""
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO claim (id, text, claim_type, status) "
                "VALUES ('direct', 'Direct.', 'factual', 'active')"
            )
        )
    rebuild_read_model(engine)
    planned = {(c.action, c.id): c for c in reseed(engine, SEEDS, apply=False).changes()}
    assert planned["delete", "direct"].protected
    assert "no history" in planned["delete", "direct"].describe()
    with pytest.raises(ApiWritesKept):
        reseed(engine, SEEDS, apply=True)
    assert ok(client.get("/v1/claims/direct"))["text"] == "Direct."
    assert seed(engine, SEEDS).left == []
