"""Stances through the HTTP API: filters and one stance with its provenance."""

from fastapi.testclient import TestClient

from tests.support import all_items, assert_problem


def test_filters_combine(client: TestClient) -> None:
    every = all_items(client, "/v1/stances", limit=500)
    assert len(every) > 100
    chosen = all_items(
        client, "/v1/stances", source_id="putin-kim-unity-pyongyang", label="opposes"
    )
    expected = [
        s["id"]
        for s in every
        if s["provenance"]["source_id"] == "putin-kim-unity-pyongyang" and s["label"] == "opposes"
    ]
    assert [s["id"] for s in chosen] == expected
    assert expected


def test_author_voice_and_anonymous_reports(client: TestClient) -> None:
    authored = all_items(client, "/v1/stances", attribution="author")
    assert authored
    assert all(s["holder"] is None for s in authored)
    anonymous = all_items(client, "/v1/stances", attribution="anonymous")
    quotes = " ".join(s["provenance"]["quote"] for s in anonymous)
    assert "Beijing advised Putin against visiting Pyongyang" in quotes


def test_hedged_text_is_not_certain(client: TestClient) -> None:
    for stance in all_items(client, "/v1/stances", limit=500):
        quote = stance["provenance"]["quote"]
        if quote.startswith(("Reports suggest", "Some reports suggest")):
            assert stance["certainty"] != "certain", quote


def test_stance_detail_matches_the_list(client: TestClient) -> None:
    listed = client.get(
        "/v1/stances", params={"claim_id": "russia-will-transfer-military-tech-to-nk"}
    ).json()["items"]
    assert listed
    for stance in listed:
        assert client.get(f"/v1/stances/{stance['id']}").json() == stance


def test_bad_filters_are_422(client: TestClient) -> None:
    assert_problem(client.get("/v1/stances", params={"certainty": "sure"}), 422, field="certainty")
    assert_problem(client.get("/v1/stances", params={"holder": "china"}), 422, field="holder")


def test_the_documented_stance_example_is_a_real_answer(client: TestClient) -> None:
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    example = schemas["StancePublic"]["examples"][0]
    real = client.get(f"/v1/stances/{example['id']}").json()
    # FastAPI leaves null values out of the OpenAPI document
    assert {key: value for key, value in real.items() if value is not None} == example


def test_provenance_carries_the_w3c_selector_pair(client: TestClient) -> None:
    for stance in all_items(client, "/v1/stances", limit=500):
        p = stance["provenance"]
        position, quote = p["selector"]
        assert position == {"type": "TextPositionSelector", "start": p["start"], "end": p["end"]}
        assert quote == {
            "type": "TextQuoteSelector",
            "exact": p["quote"],
            "prefix": p["prefix"],
            "suffix": p["suffix"],
        }
