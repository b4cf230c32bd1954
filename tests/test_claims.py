"""Claims through the HTTP API, on the real seed data: who claims what, who disagrees."""

from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.claims import queries
from tests.support import all_items, assert_problem

MASTERSTROKE = "nk-russia-alliance-strategic-masterstroke"
TECH_TRANSFER = "russia-will-transfer-military-tech-to-nk"


def ids(items: list[dict]) -> set[str]:
    return {item["id"] for item in items}


def test_claim_detail_has_actors_and_stances_with_provenance(client: TestClient) -> None:
    claim = client.get(f"/v1/claims/{TECH_TRANSFER}").json()
    assert claim["claim_type"] == "prediction"
    assert claim["status"] == "active"
    assert {"north-korea", "russia"} <= {actor["id"] for actor in claim["actors"]}
    lankov = [s for s in claim["stances"] if s["holder"] and s["holder"]["id"] == "andrei-lankov"]
    assert len(lankov) == 1
    stance = lankov[0]
    assert stance["label"] == "opposes"
    assert stance["attribution"] == "reported"
    provenance = stance["provenance"]
    assert provenance["source_id"] == "putin-kim-unity-pyongyang"
    assert (
        "doubts Russia will provide North Korea with substantial military technology"
        in (provenance["quote"])
    )
    text = client.get(f"/v1/sources/{provenance['source_id']}").json()["text"]
    assert text[provenance["start"] : provenance["end"]] == provenance["quote"]
    supporters = {
        s["provenance"]["source_id"] for s in claim["stances"] if s["label"] == "supports"
    }
    assert "russia-kim-whats-going-on" in supporters


def test_every_stance_of_every_claim_quotes_its_source_exactly(client: TestClient) -> None:
    texts = {
        s["id"]: client.get(f"/v1/sources/{s['id']}").json()["text"]
        for s in all_items(client, "/v1/sources")
    }
    for claim in all_items(client, "/v1/claims", limit=500):
        detail = client.get(f"/v1/claims/{claim['id']}").json()
        assert detail["stances"], claim["id"]
        for stance in detail["stances"]:
            p = stance["provenance"]
            text = texts[p["source_id"]]
            assert text[p["start"] : p["end"]] == p["quote"]
            assert p["prefix"] == text[max(0, p["start"] - 32) : p["start"]]
            assert p["suffix"] == text[p["end"] : p["end"] + 32]


def test_masterstroke_versus_transactional_is_contested(client: TestClient) -> None:
    contested = all_items(client, "/v1/claims", contested="true")
    assert MASTERSTROKE in ids(contested)
    assert TECH_TRANSFER in ids(contested)
    stances = client.get(f"/v1/claims/{MASTERSTROKE}").json()["stances"]
    sides = {(s["label"], s["provenance"]["source_id"]) for s in stances}
    assert ("supports", "kim-alliance-counter-china") in sides
    assert ("opposes", "putin-kim-unity-pyongyang") in sides


def test_contested_and_uncontested_partition_the_claims(client: TestClient) -> None:
    everything = ids(all_items(client, "/v1/claims", limit=500))
    contested = ids(all_items(client, "/v1/claims", contested="true"))
    calm = ids(all_items(client, "/v1/claims", contested="false"))
    assert contested
    assert calm
    assert contested | calm == everything
    assert not contested & calm
    for claim_id in contested:
        labels = {s["label"] for s in client.get(f"/v1/claims/{claim_id}").json()["stances"]}
        assert {"supports", "opposes"} <= labels


def test_what_andrei_lankov_said_and_where(client: TestClient) -> None:
    claims = ids(all_items(client, "/v1/claims", holder_id="andrei-lankov"))
    assert TECH_TRANSFER in claims
    opposed = ids(all_items(client, "/v1/claims", holder_id="andrei-lankov", label="opposes"))
    assert TECH_TRANSFER in opposed
    # label and holder apply to the same stance: Lankov supports nothing he opposes here
    supported = ids(all_items(client, "/v1/claims", holder_id="andrei-lankov", label="supports"))
    assert TECH_TRANSFER not in supported
    assert TECH_TRANSFER in ids(all_items(client, "/v1/claims", label="supports"))


def test_source_filter_returns_claims_stated_in_that_source(client: TestClient) -> None:
    source = "nk-russia-alliance-worry-china"
    claims = all_items(client, "/v1/claims", source_id=source)
    assert len(claims) >= 10
    stated = {s["claim_id"] for s in all_items(client, "/v1/stances", source_id=source)}
    assert ids(claims) == stated


def test_actor_filter_covers_participants_and_holders(client: TestClient) -> None:
    about_china = ids(all_items(client, "/v1/claims", actor_id="china"))
    assert "alliance-frees-nk-russia-from-china-dependence" in about_china
    lankov = ids(all_items(client, "/v1/claims", actor_id="andrei-lankov"))
    assert TECH_TRANSFER in lankov  # he holds a stance on it without taking part in it


def test_type_and_topic_filters(client: TestClient) -> None:
    predictions = all_items(client, "/v1/claims", claim_type="prediction")
    assert predictions
    assert all(claim["claim_type"] == "prediction" for claim in predictions)
    munitions = all_items(client, "/v1/claims", topic="munitions")
    assert munitions
    assert all("munitions" in claim["topics"] for claim in munitions)
    both = all_items(client, "/v1/claims", topic="munitions", claim_type="prediction")
    assert ids(both) == ids(munitions) & ids(predictions)


TOPIC_LISTS = [
    {"topic": "munitions"},
    {"topic": "munitions", "sort": "-text"},
    {"topic": "munitions", "sort": "-id", "claim_type": "prediction"},
    {"topic": "munitions", "source_id": "putin-kim-unity-pyongyang"},
    {"topic": "munitions", "include_retracted": "true", "facets": "claim_type"},
    {"topic": "no-such-topic", "sort": "text"},
]


def test_a_topic_lists_the_same_read_from_its_index_or_met_on_the_walk(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A topic of few claims is read from the topic index, a common one met while walking
    the claims in order (app/claims/queries.py, ``tagged_few``): the seeds' topics are all
    few, so here every topic is made common too, and each list must come out the same."""

    def lists() -> list[list[dict[str, Any]]]:
        return [all_items(client, "/v1/claims", limit=2, **params) for params in TOPIC_LISTS]

    from_index = lists()
    assert all(from_index[:4])
    assert from_index[-1] == []
    monkeypatch.setattr(queries, "FEW_TAGGED", 0)
    assert lists() == from_index


def test_filters_with_values_outside_their_vocabulary_are_422(client: TestClient) -> None:
    assert_problem(client.get("/v1/claims", params={"label": "endorses"}), 422, field="label")
    assert_problem(
        client.get("/v1/claims", params={"claim_type": "gossip"}), 422, field="claim_type"
    )
    assert_problem(client.get("/v1/claims", params={"contested": "maybe"}), 422, field="contested")
    assert_problem(
        client.get("/v1/claims", params={"source_id": "Not A Slug"}), 422, field="source_id"
    )
