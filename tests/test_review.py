"""Review: what the annotation pipeline proposes, beside what people wrote (issue 22)."""

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select, update
from sqlmodel import SQLModel

from app.models import Actor, Claim, Mention, Stance
from tests.conftest import bearer
from tests.support import all_items, assert_problem, changes_since, rebuild_read_model

PIPELINE = "claimsdb-ingest@1.0+test"
SUGGESTED = [{"id": "nk-supplies-munitions-to-russia", "score": 0.82}]


def mark_proposed(engine: Engine, table: type[SQLModel], **values: Any) -> str:
    """Turn the first row of ``table`` into a proposal, as the pipeline would have stored it."""
    with engine.begin() as connection:
        row_id = connection.execute(select(func.min(table.id))).scalar_one()  # type: ignore[attr-defined]
        connection.execute(
            update(table)
            .where(table.id == row_id)  # type: ignore[attr-defined]
            .values(review_status="candidate", extracted_by=PIPELINE, confidence=0.75, **values)
        )
    return row_id


def test_responses_show_the_review_fields(client: TestClient, engine: Engine) -> None:
    ids = {
        "claims": mark_proposed(engine, Claim),
        "stances": mark_proposed(engine, Stance, suggested_claims=SUGGESTED),
        "mentions": mark_proposed(engine, Mention),
        "actors": mark_proposed(engine, Actor),
    }
    rebuild_read_model(engine)
    proposed = {"review_status": "candidate", "extracted_by": PIPELINE, "confidence": 0.75}
    for resource, resource_id in ids.items():
        body = client.get(f"/v1/{resource}/{resource_id}").json()
        assert {key: body[key] for key in proposed} == proposed, resource
    stance = client.get(f"/v1/stances/{ids['stances']}").json()
    assert stance["suggested_claims"] == SUGGESTED
    listed = client.get("/v1/stances", params={"claim_id": stance["claim_id"]}).json()["items"]
    assert [s for s in listed if s["id"] == stance["id"]] == [stance]

    # what people wrote is accepted, made by no pipeline, and suggests nothing
    other = client.get("/v1/stances", params={"limit": 2}).json()["items"]
    written = next(s for s in other if s["id"] != stance["id"])
    assert (written["review_status"], written["extracted_by"], written["confidence"]) == (
        "accepted",
        None,
        None,
    )
    assert written["suggested_claims"] == []


SOURCE = "putin-kim-unity-pyongyang"
HOLDER = "zed-holder"
CLAIM = "zed-doubts-tech-transfer"


@pytest.fixture
def curator(tokens: dict[str, str]) -> dict[str, str]:
    return bearer(tokens["curate"])


def etag_of(client: TestClient, path: str) -> str:
    return client.get(path).headers["etag"]


def created(response: Any) -> dict[str, Any]:
    assert response.status_code == 201, response.text
    return response.json()


@pytest.fixture
def proposed(client: TestClient, curator: dict[str, str], engine: Engine) -> dict[str, str]:
    """What the pipeline proposes for a passage: a candidate actor (named-entity
    recognition), a candidate claim it takes part in, the candidate stance it holds on it,
    and a candidate mention of it."""
    created(
        client.post(
            "/v1/actors",
            json={"id": HOLDER, "name": "Zed Holder", "kind": "person"},
            headers=curator,
        )
    )
    created(
        client.post(
            "/v1/claims",
            json={
                "id": CLAIM,
                "text": "Zed Holder doubts Russia will give North Korea military technology.",
                "claim_type": "evaluation",
                "actors": [{"actor": HOLDER, "role": "subject"}],
                "review_status": "candidate",
            },
            headers=curator,
        )
    )
    stance = created(
        client.post(
            "/v1/stances",
            json={
                "claim": CLAIM,
                "source_id": SOURCE,
                "quote": "doubts Russia will provide",
                "label": "supports",
                "holder": HOLDER,
                "attribution": "paraphrased",
                "certainty": "certain",
                "review_status": "candidate",
            },
            headers=curator,
        )
    )
    mention = created(
        client.post(
            "/v1/mentions",
            json={"actor": HOLDER, "source_id": SOURCE, "quote": "Andrei Lankov"},
            headers=curator,
        )
    )
    # the API's own writes make no candidate actors or mentions: as the pipeline stores them
    for table, row_id in ((Actor, HOLDER), (Mention, mention["id"])):
        with engine.begin() as connection:
            connection.execute(
                update(table)
                .where(table.id == row_id)  # type: ignore[attr-defined]
                .values(review_status="candidate", extracted_by=PIPELINE, confidence=0.6)
            )
    return {"stance": stance["id"], "mention": mention["id"]}


def review(
    client: TestClient, curator: dict[str, str], path: str, action: str, **kwargs: Any
) -> Any:
    return client.post(
        f"{path}/{action}", headers=curator | {"If-Match": etag_of(client, path)}, **kwargs
    )


def test_accept_with_corrections_accepts_what_the_stance_stands_on(
    client: TestClient, curator: dict[str, str], proposed: dict[str, str]
) -> None:
    _, since = changes_since(client, None)
    path = f"/v1/stances/{proposed['stance']}"
    answer = review(client, curator, path, "accept", json={"label": "opposes"})
    assert answer.status_code == 200, answer.text
    stance = answer.json()
    assert (stance["review_status"], stance["label"]) == ("accepted", "opposes")
    assert answer.headers["etag"] == etag_of(client, path)
    assert client.get(f"/v1/claims/{CLAIM}").json()["review_status"] == "accepted"
    assert client.get(f"/v1/actors/{HOLDER}").json()["review_status"] == "accepted"
    # the mention was not needed: it stays a candidate
    mention = client.get(f"/v1/mentions/{proposed['mention']}").json()
    assert mention["review_status"] == "candidate"

    feed, _ = changes_since(client, since)
    assert [(c["action"], c["resource"], c["id"]) for c in feed] == [
        ("update", "stance", proposed["stance"]),
        ("accept", "actor", HOLDER),
        ("accept", "claim", CLAIM),
        ("accept", "stance", proposed["stance"]),
    ]
    assert feed[-1]["before"]["review_status"] == "candidate"
    assert feed[-1]["after"]["review_status"] == "accepted"


def test_corrections_are_validated_like_a_patch(
    client: TestClient, curator: dict[str, str], proposed: dict[str, str]
) -> None:
    path = f"/v1/stances/{proposed['stance']}"
    bad = review(client, curator, path, "accept", json={"label": "maybe"})
    assert_problem(bad, 422, field="label")
    unknown = review(client, curator, path, "accept", json={"holder": "nobody-at-all"})
    assert_problem(unknown, 422, field="holder")
    assert client.get(path).json()["review_status"] == "candidate"  # nothing stored


def test_reject_a_claim_rejects_its_candidate_stances(
    client: TestClient, curator: dict[str, str], proposed: dict[str, str]
) -> None:
    _, since = changes_since(client, None)
    answer = review(client, curator, f"/v1/claims/{CLAIM}", "reject")
    assert answer.status_code == 200, answer.text
    assert answer.json()["review_status"] == "rejected"
    stance = client.get(f"/v1/stances/{proposed['stance']}").json()
    assert stance["review_status"] == "rejected"
    feed, _ = changes_since(client, since)
    assert [(c["action"], c["resource"], c["id"]) for c in feed] == [
        ("reject", "stance", proposed["stance"]),
        ("reject", "claim", CLAIM),
    ]
    history = client.get(f"/v1/stances/{proposed['stance']}/history").json()["items"]
    assert [h["action"] for h in history] == ["create", "reject"]

    # a rejected proposal may still be accepted; rejecting it again is a conflict
    again = review(client, curator, f"/v1/claims/{CLAIM}", "reject")
    assert_problem(again, 409)
    assert review(client, curator, f"/v1/claims/{CLAIM}", "accept").json()["review_status"] == (
        "accepted"
    )


def test_reject_an_actor_rejects_its_candidate_mentions_and_stances(
    client: TestClient, curator: dict[str, str], proposed: dict[str, str]
) -> None:
    # it takes part in a candidate claim only: the claim stays, for its own review
    answer = review(client, curator, f"/v1/actors/{HOLDER}", "reject")
    assert answer.status_code == 200, answer.text
    for resource in ("stance", "mention"):
        body = client.get(f"/v1/{resource}s/{proposed[resource]}").json()
        assert body["review_status"] == "rejected", resource


def test_what_people_wrote_is_not_rejected(
    client: TestClient, curator: dict[str, str], proposed: dict[str, str]
) -> None:
    accepted = "/v1/claims/nk-russia-alliance-strategic-masterstroke"
    assert_problem(review(client, curator, accepted, "reject"), 409)
    assert_problem(review(client, curator, accepted, "accept"), 409)
    # an accepted stance on a candidate actor keeps the actor from rejection
    path = f"/v1/stances/{proposed['stance']}"
    assert review(client, curator, path, "accept").status_code == 200
    assert_problem(review(client, curator, f"/v1/actors/{HOLDER}", "reject"), 409)


def test_review_needs_if_match_and_the_current_version(
    client: TestClient, curator: dict[str, str], proposed: dict[str, str]
) -> None:
    path = f"/v1/stances/{proposed['stance']}"
    for action in ("accept", "reject"):
        assert_problem(client.post(f"{path}/{action}", headers=curator), 428)
        stale = curator | {"If-Match": '"0.0"'}
        assert_problem(client.post(f"{path}/{action}", headers=stale), 412)
        assert_problem(client.post(f"{path}/{action}"), 401)
    assert client.get(path).json()["review_status"] == "candidate"


LISTS = {"claims": CLAIM, "actors": HOLDER}


def listed_ids(client: TestClient, path: str, **params: Any) -> list[str]:
    return [item["id"] for item in all_items(client, path, **params)]


def test_lists_show_candidates_filter_them_and_hide_rejections(
    client: TestClient, curator: dict[str, str], proposed: dict[str, str]
) -> None:
    ids = {**LISTS, "stances": proposed["stance"], "mentions": proposed["mention"]}
    for resource, record_id in ids.items():
        path = f"/v1/{resource}"
        assert record_id in listed_ids(client, path), resource
        assert listed_ids(client, path, review_status="candidate") == [record_id], resource
        assert record_id not in listed_ids(client, path, review_status="accepted"), resource
        assert listed_ids(client, path, review_status="rejected") == [], resource
        bad = client.get(path, params={"review_status": "maybe"})
        assert_problem(bad, 422, field="review_status")

    def found(q: str) -> set[str]:
        return {hit["id"] for hit in client.get("/v1/search", params={"q": q}).json()["items"]}

    assert {CLAIM, HOLDER} <= found("zed holder")
    assert review(client, curator, f"/v1/actors/{HOLDER}", "reject").status_code == 200
    assert review(client, curator, f"/v1/claims/{CLAIM}", "reject").status_code == 200
    assert not {CLAIM, HOLDER} & found("zed holder")
    for resource, record_id in ids.items():
        path = f"/v1/{resource}"
        assert record_id not in listed_ids(client, path), resource
        assert listed_ids(client, path, review_status="rejected") == [record_id], resource
    # and from the views: a source's annotations, the claim's stances
    spans = all_items(client, f"/v1/sources/{SOURCE}/annotations")
    assert not {proposed["stance"], proposed["mention"]} & {span["id"] for span in spans}
    # but never from its history
    history = client.get(f"/v1/claims/{CLAIM}/history").json()["items"]
    assert [h["action"] for h in history] == ["create", "reject"]


def one_sided_claim(client: TestClient) -> str:
    """A seeded claim every stance of which supports it."""
    for claim in all_items(client, "/v1/claims", source_id=SOURCE, contested="false"):
        counts = client.get(f"/v1/claims/{claim['id']}/contestation").json()["counts"]
        if counts["supports"] and not counts["opposes"]:
            return claim["id"]
    raise AssertionError("no one-sided claim in the seeds")


def test_counts_count_accepted_stances_unless_candidates_are_included(
    client: TestClient, curator: dict[str, str]
) -> None:
    claim_id = one_sided_claim(client)
    holder = "china"
    before = {
        "contested": listed_ids(client, "/v1/claims", contested="true"),
        "labels": client.get("/v1/stances", params={"facets": "label"}).json()["facets"],
        "china": client.get(f"/v1/actors/{holder}").json()["counts"],
    }
    stance = created(
        client.post(
            "/v1/stances",
            json={
                "claim": claim_id,
                "source_id": SOURCE,
                "quote": "doubts Russia will provide",
                "label": "opposes",
                "holder": holder,
                "attribution": "paraphrased",
                "certainty": "possible",
                "review_status": "candidate",
            },
            headers=curator,
        )
    )

    def counts(**params: Any) -> dict[str, Any]:
        contestation = client.get(f"/v1/claims/{claim_id}/contestation", params=params).json()
        return {
            "contested": listed_ids(client, "/v1/claims", contested="true", **params),
            "labels": client.get("/v1/stances", params={"facets": "label", **params}).json()[
                "facets"
            ],
            "china": client.get(f"/v1/actors/{holder}", params=params).json()["counts"],
            "opposes": contestation["counts"]["opposes"],
            "is_contested": contestation["contested"],
        }

    def opposes(labels: dict[str, Any]) -> int:
        return next((v["count"] for v in labels["label"] if v["value"] == "opposes"), 0)

    accepted_only = counts()
    assert accepted_only == {**before, "opposes": 0, "is_contested": False}
    with_candidates = counts(include_candidates="true")
    assert claim_id in with_candidates["contested"]
    assert sorted(with_candidates["contested"]) == sorted([*before["contested"], claim_id])
    assert opposes(with_candidates["labels"]) == opposes(before["labels"]) + 1
    assert with_candidates["china"]["stances"] == before["china"]["stances"] + 1
    assert (with_candidates["opposes"], with_candidates["is_contested"]) == (1, True)

    # accepted, it counts everywhere: the kept counts moved with the write
    assert review(client, curator, f"/v1/stances/{stance['id']}", "accept").status_code == 200
    assert counts() == with_candidates
    assert counts(include_candidates="true") == with_candidates


def test_a_sources_review_queue_lists_its_candidates_in_text_order(
    client: TestClient, curator: dict[str, str], proposed: dict[str, str]
) -> None:
    queue = all_items(client, f"/v1/sources/{SOURCE}/review", limit=1)
    assert [(p["kind"], p["id"]) for p in queue] == [
        ("mention", proposed["mention"]),  # "Andrei Lankov" comes before "doubts Russia..."
        ("stance", proposed["stance"]),
    ]
    assert [p["start"] for p in queue] == sorted(p["start"] for p in queue)
    stance = queue[1]
    assert stance["claim"]["id"] == CLAIM
    assert stance["claim"]["review_status"] == "candidate"
    assert [a["id"] for a in stance["actors"]] == [HOLDER]
    assert queue[0]["mention"]["actor"]["id"] == HOLDER

    # reviewed, a proposal leaves the queue
    assert review(client, curator, f"/v1/mentions/{proposed['mention']}", "reject").status_code == (
        200
    )
    queue = all_items(client, f"/v1/sources/{SOURCE}/review")
    assert [p["id"] for p in queue] == [proposed["stance"]]
    assert review(client, curator, f"/v1/stances/{proposed['stance']}", "accept").status_code == (
        200
    )
    assert all_items(client, f"/v1/sources/{SOURCE}/review") == []
    assert_problem(client.get("/v1/sources/no-such-source/review"), 404)
    assert_problem(client.get(f"/v1/sources/{SOURCE}/review", params={"sort": "x"}), 422)
