"""Actors through the HTTP API: name and alias search, kinds, counts."""

import pytest
from fastapi.testclient import TestClient

from tests.support import all_items, assert_problem


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kim jong-un", "kim-jong-un"),
        ("Kim Jong Un", "kim-jong-un"),
        ("  KIM   jong-UN ", "kim-jong-un"),
        ("kim-jong un", "kim-jong-un"),
        ("pyongyang", "north-korea"),
        ("DPRK", "north-korea"),
        ("beijing", "china"),
        ("lankov", "andrei-lankov"),
    ],
)
def test_q_matches_names_and_aliases_loosely(client: TestClient, query: str, expected: str) -> None:
    found = {actor["id"] for actor in all_items(client, "/v1/actors", q=query)}
    assert expected in found


def test_q_that_matches_nothing_is_an_empty_page(client: TestClient) -> None:
    assert client.get("/v1/actors", params={"q": "atlantis"}).json() == {
        "items": [],
        "next_cursor": None,
    }


def test_q_wildcards_are_taken_literally(client: TestClient) -> None:
    assert all_items(client, "/v1/actors", q="%") == []
    assert all_items(client, "/v1/actors", q="_") == []


def test_a_nul_character_is_422_not_a_database_error(client: TestClient) -> None:
    assert_problem(client.get("/v1/actors", params={"q": "kim\x00"}), 422, field="q")
    assert_problem(client.get("/v1/sources", params={"publisher": "\x00"}), 422, field="publisher")


def test_kind_filter(client: TestClient) -> None:
    people = all_items(client, "/v1/actors", kind="person")
    assert {"kim-jong-un", "vladimir-putin", "xi-jinping", "andrei-lankov"} <= {
        a["id"] for a in people
    }
    assert all(actor["kind"] == "person" for actor in people)
    assert_problem(client.get("/v1/actors", params={"kind": "planet"}), 422, field="kind")


def test_actor_detail_counts_agree_with_the_lists(client: TestClient) -> None:
    actor = client.get("/v1/actors/andrei-lankov").json()
    assert actor["name"] == "Andrei Lankov"
    counts = actor["counts"]
    assert counts["stances"] == len(all_items(client, "/v1/stances", holder_id="andrei-lankov"))
    assert counts["claims"] == len(all_items(client, "/v1/claims", actor_id="andrei-lankov"))
    mentions = sum(
        1
        for source in all_items(client, "/v1/sources")
        for span in all_items(client, f"/v1/sources/{source['id']}/annotations")
        if span["kind"] == "mention" and span["actor"]["id"] == "andrei-lankov"
    )
    assert counts["mentions"] == mentions >= 1


def test_aliases_carry_their_kind(client: TestClient) -> None:
    korea = client.get("/v1/actors/north-korea").json()
    aliases = {alias["label"]: alias["kind"] for alias in korea["aliases"]}
    assert aliases["Pyongyang"] == "metonym"
    assert aliases["DPRK"] == "abbreviation"
    kim = client.get("/v1/actors/kim-jong-un").json()
    assert {"label": "Kim Jong-un", "kind": "transliteration"} in kim["aliases"]
