"""The analyst views on the real seed data: contestation, positions, agreement, outlines,
and a claim's evidence as W3C Web Annotations."""

import json
from typing import Any

from fastapi.testclient import TestClient
from pyld import jsonld

from tests.support import ANNO_CONTEXT, all_items, assert_problem, keys_of, load_context

MASTERSTROKE = "nk-russia-alliance-strategic-masterstroke"
TECH_TRANSFER = "russia-will-transfer-military-tech-to-nk"
COUNTER_CHINA = "kim-alliance-counter-china"
TRANSACTIONAL = "putin-kim-unity-pyongyang"
OA = "http://www.w3.org/ns/oa#"


def test_contestation_lists_both_sides_with_quotes(client: TestClient) -> None:
    view = client.get(f"/v1/claims/{MASTERSTROKE}/contestation").json()
    assert view["contested"] is True
    assert view["claim"]["id"] == MASTERSTROKE
    (support,) = view["supports"]
    (opposition,) = view["opposes"]
    assert support["source"]["id"] == COUNTER_CHINA
    assert support["provenance"]["quote"] == "it is a strategic masterstroke"
    assert opposition["source"]["id"] == TRANSACTIONAL
    assert "primarily transactional" in opposition["provenance"]["quote"]
    assert view["counts"] == {"supports": 1, "opposes": 1, "questions": 0, "neutral": 0}


def test_contestation_shows_questioning_and_named_holders(client: TestClient) -> None:
    view = client.get(f"/v1/claims/{TECH_TRANSFER}/contestation").json()
    assert view["contested"] is True
    assert {p["holder"]["id"] for p in view["opposes"] if p["holder"]} == {"andrei-lankov"}
    assert view["questions"]
    assert all(p["source"]["id"] == TRANSACTIONAL for p in view["questions"])
    assert view["supports"]
    assert all(p["label"] == "supports" for p in view["supports"])


def test_an_uncontested_claim_says_so(client: TestClient) -> None:
    calm = all_items(client, "/v1/claims", contested="false")[0]["id"]
    view = client.get(f"/v1/claims/{calm}/contestation").json()
    assert view["contested"] is False
    assert not (view["supports"] and view["opposes"])


def test_actor_positions_group_claims_by_label(client: TestClient) -> None:
    lankov = client.get("/v1/actors/andrei-lankov/positions").json()
    assert [held["claim"]["id"] for held in lankov["opposes"]] == [TECH_TRANSFER]
    (stance,) = lankov["opposes"][0]["stances"]
    assert stance["source"]["id"] == TRANSACTIONAL
    assert lankov["counts"]["opposes"] == 1

    putin = client.get("/v1/actors/vladimir-putin/positions").json()
    supported = {held["claim"]["id"] for held in putin["supports"]}
    assert "russia-nk-firm-friendship" in supported

    china = client.get("/v1/actors/china/positions").json()
    assert len(china["takes_part_in"]) >= 10
    for entry in china["takes_part_in"]:
        claim = client.get(f"/v1/claims/{entry['claim']['id']}").json()
        assert {"id": "china", "name": "China", "role": entry["role"]} in claim["actors"]


def pair(pairs: list[dict[str, Any]], a: str, b: str) -> dict[str, Any]:
    return next(p for p in pairs if {p["a"]["id"], p["b"]["id"]} == {a, b})


def test_agreement_by_source_finds_the_masterstroke_dispute(client: TestClient) -> None:
    view = client.get("/v1/analytics/agreement", params={"by": "source", "claims": 100}).json()
    assert view["by"] == "source"
    assert len(view["pairs"]) == 6  # every pair of the four articles shares claims
    assert view["items"] == view["pairs"]  # the name before it was paged still answers
    dispute = pair(view["pairs"], COUNTER_CHINA, TRANSACTIONAL)
    assert MASTERSTROKE in dispute["disagree_claims"]
    assert "alliance-frees-nk-russia-from-china-dependence" in dispute["disagree_claims"]
    assert dispute["disagree"] == len(dispute["disagree_claims"]) >= 3
    assert dispute["shared"] >= dispute["agree"] + dispute["disagree"]
    for p in view["pairs"]:
        assert not set(p["agree_claims"]) & set(p["disagree_claims"])
        assert set(p["agree_claims"]) | set(p["disagree_claims"]) <= set(p["shared_claims"])


def test_agreement_by_holder_counts_the_authors_voice(client: TestClient) -> None:
    pairs = all_items(client, "/v1/analytics/agreement", by="holder")
    lankov = pair(pairs, "andrei-lankov", "author:russia-kim-whats-going-on")
    assert lankov["disagree_claims"] == [TECH_TRANSFER]
    assert lankov["b"]["name"].startswith("author of ") or lankov["a"]["name"].startswith(
        "author of "
    )
    fewer = all_items(client, "/v1/analytics/agreement", by="holder", min_shared=3)
    assert all(p["shared"] >= 3 for p in fewer)
    assert len(fewer) < len(pairs)
    assert_problem(client.get("/v1/analytics/agreement", params={"by": "topic"}), 422, field="by")


def test_source_outline_is_in_text_order(client: TestClient) -> None:
    entries = all_items(client, f"/v1/sources/{TRANSACTIONAL}/claims", limit=4)
    starts = [e["start"] for e in entries]
    assert starts == sorted(starts)
    assert len({e["claim"]["id"] for e in entries}) == len(entries)
    stated = {s["claim_id"] for s in all_items(client, "/v1/stances", source_id=TRANSACTIONAL)}
    assert {e["claim"]["id"] for e in entries} == stated
    for entry in entries:
        assert entry["start"] == min(s["provenance"]["start"] for s in entry["stances"])
        assert all(s["provenance"]["source_id"] == TRANSACTIONAL for s in entry["stances"])


def test_claim_provenance_is_a_web_annotation_collection_in_json_ld(client: TestClient) -> None:
    response = client.get(f"/v1/claims/{TECH_TRANSFER}/provenance")
    assert response.headers["content-type"].startswith("application/ld+json")
    document = response.json()
    assert document["type"] == "AnnotationCollection"
    assert document["total"] == len(document["first"]["items"]) == 4
    # every key is a term of the context: JSON-LD would silently drop any other
    assert keys_of(document) - {"@context"} <= set(ANNO_CONTEXT["@context"])

    expanded = jsonld.expand(document, {"documentLoader": load_context})
    flat = json.dumps(expanded)
    assert f"{OA}hasTarget" in flat
    assert f"{OA}TextQuoteSelector" in flat
    assert f"{OA}assessing" in flat
    graph = jsonld.flatten(document, None, {"documentLoader": load_context})
    annotations = [n for n in graph if f"{OA}Annotation" in n.get("@type", [])]
    assert len(annotations) == 4

    texts = {}
    for item in document["first"]["items"]:
        source_id = item["target"]["source"].rsplit("/", 1)[-1]
        texts.setdefault(source_id, client.get(f"/v1/sources/{source_id}").json()["text"])
        position, quote = item["target"]["selector"]
        assert texts[source_id][position["start"] : position["end"]] == quote["exact"]


def test_views_404_for_unknown_ids(client: TestClient) -> None:
    for path in (
        "/v1/claims/nope/contestation",
        "/v1/claims/nope/provenance",
        "/v1/actors/nope/positions",
        "/v1/sources/nope/claims",
    ):
        assert_problem(client.get(path), 404)
