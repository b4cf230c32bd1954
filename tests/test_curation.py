"""The curation flow through the HTTP API: writes, optimistic concurrency, retraction,
history, the change feed, merging actors, and new sources."""

import pytest
from fastapi.testclient import TestClient

from tests.conftest import bearer
from tests.support import all_items, assert_problem, changes_since

SOURCE = "putin-kim-unity-pyongyang"
NEW_CLAIM = {
    "id": "lankov-is-skeptical-of-tech-transfer",
    "text": "Andrei Lankov doubts that Russia will give North Korea substantial military "
    "technology.",
    "claim_type": "evaluation",
    "topics": ["military-technology"],
    "actors": [
        {"actor": "andrei-lankov", "role": "subject"},
        {"actor": "russia", "role": "mentioned"},
    ],
}

# a stance on NEW_CLAIM, placed by its quote
QUOTED_STANCE = {
    "claim": NEW_CLAIM["id"],
    "source_id": SOURCE,
    "quote": "doubts Russia will provide",
    "label": "supports",
    "holder": None,
    "attribution": "author",
    "certainty": "certain",
}


@pytest.fixture
def curator(tokens: dict[str, str]) -> dict[str, str]:
    return bearer(tokens["curate"])


def etag_of(client: TestClient, path: str) -> str:
    return client.get(path).headers["etag"]


def test_create_a_claim_and_attach_stances_by_quote_and_by_offsets(
    client: TestClient, curator: dict[str, str]
) -> None:
    made = client.post("/v1/claims", json=NEW_CLAIM, headers=curator)
    assert made.status_code == 201, made.text
    assert made.headers["location"] == f"/v1/claims/{NEW_CLAIM['id']}"
    assert made.headers["etag"].startswith('"1.')
    assert made.json()["review_status"] == "accepted"

    by_quote = client.post("/v1/stances", json=QUOTED_STANCE, headers=curator)
    assert by_quote.status_code == 201, by_quote.text
    provenance = by_quote.json()["provenance"]
    text = client.get(f"/v1/sources/{SOURCE}").json()["text"]
    assert text[provenance["start"] : provenance["end"]] == "doubts Russia will provide"
    assert provenance["prefix"] == text[provenance["start"] - 32 : provenance["start"]]

    start = text.index("Andrei Lankov, director")
    by_offsets = client.post(
        "/v1/stances",
        json={
            "claim": NEW_CLAIM["id"],
            "source_id": SOURCE,
            "start": start,
            "end": start + 13,
            "label": "supports",
            "holder": "andrei-lankov",
            "attribution": "reported",
            "certainty": "probable",
            "review_status": "candidate",
        },
        headers=curator,
    )
    assert by_offsets.status_code == 201, by_offsets.text
    assert by_offsets.json()["provenance"]["quote"] == "Andrei Lankov"
    assert by_offsets.json()["review_status"] == "candidate"
    detail = client.get(f"/v1/claims/{NEW_CLAIM['id']}").json()
    assert len(detail["stances"]) == 2


@pytest.mark.parametrize(
    ("span", "field", "words"),
    [
        ({"quote": "words no article contains"}, "quote", "not found"),
        ({"quote": "Putin"}, "quote", "ambiguous"),
        ({"quote": "Putin", "occurrence": 99}, "quote", "occurrence"),
        ({"start": 10, "end": 10**6}, "end", "not inside the text"),
        ({"source_id": "no-such-source", "quote": "Putin"}, "source_id", "no source"),
    ],
)
def test_a_span_that_does_not_match_is_422_naming_the_problem(
    client: TestClient, curator: dict[str, str], span: dict[str, object], field: str, words: str
) -> None:
    body = {
        "claim": "nk-russia-alliance-strategic-masterstroke",
        "source_id": SOURCE,
        "label": "supports",
        "holder": None,
        "attribution": "author",
        "certainty": "certain",
        **span,
    }
    problem = assert_problem(
        client.post("/v1/stances", json=body, headers=curator), 422, field=field
    )
    assert words in problem["detail"]


def test_input_models_refuse_unknown_and_server_owned_fields(
    client: TestClient, curator: dict[str, str]
) -> None:
    assert_problem(
        client.post("/v1/claims", json={**NEW_CLAIM, "version": 7}, headers=curator),
        422,
        field="version",
    )
    etag = {"If-Match": etag_of(client, "/v1/claims/nk-russia-alliance-strategic-masterstroke")}
    path = "/v1/claims/nk-russia-alliance-strategic-masterstroke"
    assert_problem(
        client.patch(path, json={"id": "renamed"}, headers=curator | etag), 422, field="id"
    )
    source = f"/v1/sources/{SOURCE}"
    source_etag = {"If-Match": etag_of(client, source)}
    assert_problem(
        client.patch(source, json={"text": "rewritten"}, headers=curator | source_etag),
        422,
        field="text",
    )
    assert_problem(
        client.patch(source, json={"text_sha256": "0" * 64}, headers=curator | source_etag),
        422,
        field="text_sha256",
    )
    assert_problem(
        client.post(
            "/v1/claims",
            json=NEW_CLAIM | {"id": "nk-russia-alliance-strategic-masterstroke"},
            headers=curator,
        ),
        409,
    )


def test_two_curators_cannot_overwrite_each_other(
    client: TestClient, curator: dict[str, str]
) -> None:
    path = "/v1/claims/nk-russia-alliance-strategic-masterstroke"
    assert_problem(client.patch(path, json={"claim_type": "causal"}, headers=curator), 428)
    seen = etag_of(client, path)  # both curators read the same version
    first = client.patch(
        path,
        json={"topics": ["alliance-motives", "china-influence"]},
        headers=curator | {"If-Match": seen},
    )
    assert first.status_code == 200, first.text
    assert first.json()["version"] == 2
    assert first.headers["etag"].startswith('"2.')
    second = client.patch(path, json={"claim_type": "causal"}, headers=curator | {"If-Match": seen})
    problem = assert_problem(second, 412)
    assert "version 2, not 1" in problem["detail"]
    claim = client.get(path).json()
    assert claim["topics"] == ["alliance-motives", "china-influence"]
    assert claim["claim_type"] == "evaluation"  # the stale write changed nothing
    fresh = client.patch(
        path, json={"claim_type": "causal"}, headers=curator | {"If-Match": etag_of(client, path)}
    )
    assert fresh.json()["claim_type"] == "causal"
    assert fresh.json()["topics"] == ["alliance-motives", "china-influence"]


def test_retract_hides_restore_brings_back(client: TestClient, curator: dict[str, str]) -> None:
    path = "/v1/claims/nk-russia-alliance-strategic-masterstroke"
    retracted = client.delete(
        f"{path}?reason=duplicate of another claim",
        headers=curator | {"If-Match": etag_of(client, path)},
    )
    assert retracted.status_code == 200
    assert retracted.json()["status"] == "retracted"
    assert retracted.json()["status_reason"] == "duplicate of another claim"
    listed = {c["id"] for c in all_items(client, "/v1/claims", limit=500)}
    assert "nk-russia-alliance-strategic-masterstroke" not in listed
    everything = {
        c["id"] for c in all_items(client, "/v1/claims", limit=500, include_retracted="true")
    }
    assert "nk-russia-alliance-strategic-masterstroke" in everything
    assert client.get(path).json()["status"] == "retracted"  # the record itself still answers

    restored = client.post(f"{path}/restore", headers=curator | {"If-Match": etag_of(client, path)})
    assert restored.status_code == 200
    assert restored.json()["status"] == "active"
    assert "nk-russia-alliance-strategic-masterstroke" in {
        c["id"] for c in all_items(client, "/v1/claims", limit=500)
    }
    assert_problem(
        client.post(f"{path}/restore", headers=curator | {"If-Match": etag_of(client, path)}), 409
    )


def test_a_retracted_stance_leaves_the_views(client: TestClient, curator: dict[str, str]) -> None:
    lankov = "/v1/stances/st-f0b734bc890fa704"
    client.delete(lankov, headers=curator | {"If-Match": etag_of(client, lankov)})
    claim = "russia-will-transfer-military-tech-to-nk"
    assert all(
        s["id"] != "st-f0b734bc890fa704"
        for s in client.get(f"/v1/claims/{claim}").json()["stances"]
    )
    assert client.get("/v1/actors/andrei-lankov").json()["counts"]["stances"] == 0
    assert all_items(client, "/v1/claims", holder_id="andrei-lankov") == []
    assert (
        len(all_items(client, "/v1/stances", holder_id="andrei-lankov", include_retracted="true"))
        == 1
    )


def test_history_and_the_change_feed_record_every_write(
    client: TestClient, curator: dict[str, str]
) -> None:
    seeded, since = changes_since(client, None)  # seeding's own, when it loaded the seeds
    assert {(c["key"], c["action"]) for c in seeded} == {("seed", "create")}
    path = "/v1/claims/nk-russia-alliance-strategic-masterstroke"
    for claim_type in ("causal", "evaluation"):
        client.patch(
            path,
            json={"claim_type": claim_type},
            headers=curator | {"If-Match": etag_of(client, path)},
        )
    client.post("/v1/claims", json=NEW_CLAIM, headers=curator)

    history = client.get(f"{path}/history").json()["items"]
    assert [(h["key"], h["version"], h["after"]["claim_type"]) for h in history] == [
        ("seed", 1, "evaluation"),
        ("curate-key", 2, "causal"),
        ("curate-key", 3, "evaluation"),
    ]
    assert history[1]["before"]["claim_type"] == "evaluation"
    assert all(h["at"].endswith(("Z", "+00:00")) for h in history)

    changes = client.get("/v1/changes", params={"since": since} if since else {}).json()
    assert [(c["action"], c["id"]) for c in changes["items"]] == [
        ("update", "nk-russia-alliance-strategic-masterstroke"),
        ("update", "nk-russia-alliance-strategic-masterstroke"),
        ("create", NEW_CLAIM["id"]),
    ]
    caught_up = client.get("/v1/changes", params={"since": changes["since"]}).json()
    assert caught_up["items"] == []
    assert caught_up["since"] == changes["since"]


def test_merge_folds_a_duplicate_actor_into_another(
    client: TestClient, curator: dict[str, str]
) -> None:
    duplicate = {
        "id": "kim-jong-un-dup",
        "name": "Marshal Kim",
        "kind": "person",
        "aliases": [{"label": "Supreme Leader", "kind": "name"}],
    }
    assert client.post("/v1/actors", json=duplicate, headers=curator).status_code == 201
    stance_path = "/v1/stances/st-f0b734bc890fa704"
    client.patch(
        stance_path,
        json={"holder": "kim-jong-un-dup"},
        headers=curator | {"If-Match": etag_of(client, stance_path)},
    )
    mention = client.post(
        "/v1/mentions",
        json={
            "actor": "kim-jong-un-dup",
            "source_id": SOURCE,
            # a span where kim-jong-un is not named already (see the next test)
            "quote": "Putin and Kim",
            "suffix": ", meeting on",
        },
        headers=curator,
    )
    assert mention.status_code == 201, mention.text
    assert mention.json()["origin"] == "curated"

    merged = client.post(
        "/v1/actors/kim-jong-un-dup/merge",
        json={"into": "kim-jong-un"},
        headers=curator | {"If-Match": etag_of(client, "/v1/actors/kim-jong-un-dup")},
    )
    assert merged.status_code == 200, merged.text
    labels = {a["label"] for a in merged.json()["aliases"]}
    assert {"Marshal Kim", "Supreme Leader", "Kim Jong-un"} <= labels
    moved = client.get(f"/v1/mentions/{mention.json()['id']}").json()
    assert moved["actor"]["id"] == "kim-jong-un"
    assert client.get(stance_path).json()["holder"]["id"] == "kim-jong-un"
    redirect = client.get("/v1/actors/kim-jong-un-dup", follow_redirects=False)
    assert redirect.status_code == 308
    assert redirect.headers["location"].endswith("/v1/actors/kim-jong-un")
    assert client.get("/v1/actors/kim-jong-un-dup").json()["id"] == "kim-jong-un"
    assert "merge" in [c["action"] for c in changes_since(client, None)[0]]


def test_a_merge_leaves_one_mention_of_an_actor_on_a_span(
    client: TestClient, curator: dict[str, str]
) -> None:
    """A curator marked "North Korea" as a mention of a duplicate actor, where the text's
    own mention of north-korea stands: merged, the span has one mention of north-korea,
    vouched for by the curator, and the other is gone, in the feed too."""
    (kept,) = client.get(
        "/v1/mentions", params={"source_id": SOURCE, "actor_id": "north-korea", "limit": 1}
    ).json()["items"]
    span = {key: kept["provenance"][key] for key in ("source_id", "start", "end")}
    duplicate = {"id": "dprk", "name": "DPRK", "kind": "state"}
    assert client.post("/v1/actors", json=duplicate, headers=curator).status_code == 201
    marked = client.post("/v1/mentions", json={"actor": "dprk", **span}, headers=curator)
    assert marked.status_code == 201, marked.text

    merged = client.post(
        "/v1/actors/dprk/merge",
        json={"into": "north-korea"},
        headers=curator | {"If-Match": etag_of(client, "/v1/actors/dprk")},
    )
    assert merged.status_code == 200, merged.text
    on_span = [
        item
        for item in all_items(
            client, "/v1/mentions", source_id=SOURCE, actor_id="north-korea", include_retracted=True
        )
        if (item["provenance"]["start"], item["provenance"]["end"]) == (span["start"], span["end"])
    ]
    assert [(m["id"], m["origin"]) for m in on_span] == [(kept["id"], "curated")]
    assert_problem(client.get(f"/v1/mentions/{marked.json()['id']}"), 404)
    spans = client.get(f"/v1/sources/{SOURCE}/annotations").json()["items"]
    assert [a["id"] for a in spans if a["start"] == span["start"] and a["kind"] == "mention"] == [
        kept["id"]
    ]
    feed = all_items(client, "/v1/changes", limit=500)
    assert ("purge", marked.json()["id"]) in {(c["action"], c["id"]) for c in feed}


def test_a_new_source_is_indexed_and_its_names_become_mentions(
    client: TestClient, curator: dict[str, str]
) -> None:
    text = "Pyongyang and Moscow signed a treaty. Kim Jong Un praised the zebra-striped accord.\n"
    made = client.post(
        "/v1/sources",
        json={
            "id": "treaty-note",
            "title": "A note on the treaty",
            "genre": "news",
            "language": "en",
            "text": text,
        },
        headers=curator,
    )
    assert made.status_code == 201, made.text
    assert made.json()["text"] == text
    spans = all_items(client, "/v1/sources/treaty-note/annotations")
    assert {(s["quote"], s["actor"]["id"]) for s in spans} == {
        ("Pyongyang", "north-korea"),
        ("Moscow", "russia"),
        ("Kim Jong Un", "kim-jong-un"),
    }
    hits = client.get("/v1/search", params={"q": "zebra*"}).json()["items"]
    assert [(h["kind"], h["source_id"]) for h in hits] == [("passage", "treaty-note")]
    path = "/v1/sources/treaty-note"
    patched = client.patch(
        path,
        json={"publisher": "Wire", "author": None},
        headers=curator | {"If-Match": etag_of(client, path)},
    )
    assert patched.json()["publisher"] == "Wire"
    assert_problem(
        client.patch(
            path, json={"title": None}, headers=curator | {"If-Match": etag_of(client, path)}
        ),
        422,
        field="title",
    )


def test_a_source_with_no_spans_has_an_empty_annotations_page(
    client: TestClient, curator: dict[str, str]
) -> None:
    """Found spans prove their source exists; an empty page must still tell a source with
    nothing annotated yet from one that does not exist."""
    made = client.post(
        "/v1/sources",
        json={
            "id": "unannotated-note",
            "title": "A note naming nobody",
            "genre": "blog",
            "language": "en",
            "text": "Nothing here names anyone the database knows.\n",
        },
        headers=curator,
    )
    assert made.status_code == 201, made.text
    response = client.get("/v1/sources/unannotated-note/annotations")
    assert response.status_code == 200, response.text
    assert response.json() == {"items": [], "next_cursor": None}
    assert_problem(client.get("/v1/sources/unannotated-notes/annotations"), 404)


def test_actor_patch_replaces_aliases_as_a_whole(
    client: TestClient, curator: dict[str, str]
) -> None:
    path = "/v1/actors/nk-news"
    before = client.get(path).json()
    patched = client.patch(
        path,
        json={"aliases": [{"label": "NK News", "kind": "name"}], "description": None},
        headers=curator | {"If-Match": before and etag_of(client, path)},
    )
    assert patched.status_code == 200, patched.text
    assert patched.json()["aliases"] == [{"label": "NK News", "kind": "name"}]
    assert patched.json()["description"] is None
    assert patched.json()["name"] == before["name"]


def test_search_hides_retracted_records(client: TestClient, curator: dict[str, str]) -> None:
    def kinds(q: str) -> set[tuple[str, str]]:
        return {
            (h["kind"], h["id"]) for h in client.get("/v1/search", params={"q": q}).json()["items"]
        }

    assert ("actor", "andrei-lankov") in kinds("lankov")
    path = "/v1/actors/andrei-lankov"
    client.delete(path, headers=curator | {"If-Match": etag_of(client, path)})
    assert ("actor", "andrei-lankov") not in kinds("lankov")
    claim = "/v1/claims/nk-russia-alliance-strategic-masterstroke"
    assert ("claim", "nk-russia-alliance-strategic-masterstroke") in kinds("masterstroke")
    client.delete(claim, headers=curator | {"If-Match": etag_of(client, claim)})
    assert ("claim", "nk-russia-alliance-strategic-masterstroke") not in kinds("masterstroke")
    source = "/v1/sources/kim-alliance-counter-china"
    client.delete(source, headers=curator | {"If-Match": etag_of(client, source)})
    assert not kinds("masterstroke")


def test_a_span_in_page_furniture_is_refused(client: TestClient, curator: dict[str, str]) -> None:
    """Furniture the seed files declare is never annotated: the seed files could not hold
    such a stance or mention, so `claimsdb export` could not write it back."""
    source = "nk-russia-alliance-worry-china"
    stance = {
        "claim": "nk-russia-mutual-defense-pact",
        "source_id": source,
        "quote": "Advertisement",
        "occurrence": 1,
        "label": "supports",
        "holder": None,
        "attribution": "author",
        "certainty": "certain",
    }
    assert_problem(client.post("/v1/stances", json=stance, headers=curator), 422, field="quote")
    text = client.get(f"/v1/sources/{source}").json()["text"]
    at = text.index("Read More")
    mention = {"actor": "china", "source_id": source, "start": at, "end": at + 4}
    assert_problem(client.post("/v1/mentions", json=mention, headers=curator), 422, field="start")
    elsewhere = {**mention, "start": text.index("China"), "end": text.index("China") + 5}
    assert client.post("/v1/mentions", json=elsewhere, headers=curator).status_code != 422
