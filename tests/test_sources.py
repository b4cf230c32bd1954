"""Sources through the HTTP API: metadata, verbatim text, and annotations for highlighting."""

import hashlib

from fastapi.testclient import TestClient

from tests.conftest import SEEDS
from tests.support import all_items, assert_problem


def test_four_articles_without_text_in_the_list(client: TestClient) -> None:
    sources = all_items(client, "/v1/sources")
    assert len(sources) == 4
    assert all("text" not in source for source in sources)
    assert {s["genre"] for s in sources} <= {
        "news",
        "analysis",
        "opinion",
        "blog",
        "forum",
        "reference",
    }


def test_filters(client: TestClient) -> None:
    forum = all_items(client, "/v1/sources", genre="forum")
    assert [s["id"] for s in forum] == ["putin-kim-unity-pyongyang"]
    assert [s["id"] for s in all_items(client, "/v1/sources", publisher="Tekedia")] == [
        "putin-kim-unity-pyongyang"
    ]
    assert_problem(client.get("/v1/sources", params={"genre": "tabloid"}), 422, field="genre")


def test_detail_text_is_the_file_verbatim(client: TestClient) -> None:
    files = {
        hashlib.sha256(path.read_bytes()).hexdigest(): path.read_bytes()
        for path in (SEEDS / "sources").glob("*.txt")
    }
    for listed in all_items(client, "/v1/sources"):
        source = client.get(f"/v1/sources/{listed['id']}").json()
        raw = source["text"].encode("utf-8")
        assert files[source["text_sha256"]] == raw
        assert source["length"] == len(source["text"]) == listed["length"]


def test_annotations_are_in_text_order_and_quote_the_text(client: TestClient) -> None:
    source_id = "putin-kim-unity-pyongyang"
    text = client.get(f"/v1/sources/{source_id}").json()["text"]
    spans = all_items(client, f"/v1/sources/{source_id}/annotations", limit=7)
    assert spans == client.get(f"/v1/sources/{source_id}/annotations").json()["items"]
    keys = [(s["start"], s["end"], s["kind"], s["id"]) for s in spans]
    assert keys == sorted(keys)
    assert len(set(keys)) == len(keys)
    for span in spans:
        assert text[span["start"] : span["end"]] == span["quote"]
    stances = [s for s in spans if s["kind"] == "stance"]
    mentions = [s for s in spans if s["kind"] == "mention"]
    assert len(stances) == len(all_items(client, "/v1/stances", source_id=source_id))
    assert all(s["claim"]["id"] and s["label"] for s in stances)
    assert all(m["actor"]["id"] for m in mentions)
    assert "Andrei Lankov" in {m["quote"] for m in mentions}


def test_mentions_resolve_short_and_variant_names(client: TestClient) -> None:
    spans = all_items(client, "/v1/sources/putin-kim-unity-pyongyang/annotations")
    by_surface: dict[str, set[str]] = {}
    for span in spans:
        if span["kind"] == "mention":
            by_surface.setdefault(span["quote"], set()).add(span["actor"]["id"])
    assert by_surface["Pyongyang"] == {"north-korea"}
    assert by_surface["Beijing"] == {"china"}
    assert by_surface["Kim"] == {"kim-jong-un"}
    first = all_items(client, "/v1/sources/kim-alliance-counter-china/annotations")
    assert any(
        s["kind"] == "mention" and s["quote"] == "Kim Jong-un" and s["actor"]["id"] == "kim-jong-un"
        for s in first
    )


def test_annotations_carry_the_w3c_selector_pair(client: TestClient) -> None:
    text = client.get("/v1/sources/russia-kim-whats-going-on").json()["text"]
    for span in all_items(client, "/v1/sources/russia-kim-whats-going-on/annotations"):
        position, quote = span["selector"]
        assert (position["start"], position["end"]) == (span["start"], span["end"])
        assert quote["exact"] == text[position["start"] : position["end"]]
        assert text[: position["start"]].endswith(quote["prefix"])
        assert text[position["end"] :].startswith(quote["suffix"])
