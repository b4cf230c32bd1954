"""What keeps review honest beyond accept and reject themselves (issue 22's leftovers):
PATCH does not decide a review, and counts that cannot count candidates say so."""

from typing import Any

from fastapi.testclient import TestClient

from app.models import ReviewStatus
from app.review.filters import SHOWN
from tests import test_review
from tests.support import all_items, assert_problem, changes_since
from tests.test_review import CLAIM, HOLDER, SOURCE, created, etag_of, review

# the fixtures of a curator's key and of the pipeline's proposals for one passage
curator, proposed = test_review.curator, test_review.proposed

PATCH = {"Content-Type": "application/merge-patch+json"}


def patch(client: TestClient, curator: dict[str, str], path: str, body: dict[str, Any]) -> Any:
    headers = curator | PATCH | {"If-Match": etag_of(client, path)}
    return client.patch(path, headers=headers, json=body)


def paths(proposed: dict[str, str]) -> dict[str, str]:
    return {
        "claim": f"/v1/claims/{CLAIM}",
        "stance": f"/v1/stances/{proposed['stance']}",
        "mention": f"/v1/mentions/{proposed['mention']}",
        "actor": f"/v1/actors/{HOLDER}",
    }


def test_patch_does_not_accept_or_reject(
    client: TestClient,
    curator: dict[str, str],
    proposed: dict[str, str],
) -> None:
    _, since = changes_since(client, None)
    for resource, path in paths(proposed).items():
        for status in ("accepted", "rejected", None):
            answer = patch(client, curator, path, {"review_status": status})
            body = assert_problem(answer, 422, field="review_status")
            assert f"{path}/accept" in body["detail"], (resource, body)
            assert f"{path}/reject" in body["detail"], (resource, body)
        assert client.get(path).json()["review_status"] == "candidate", resource
    # nothing was written: no accept without its cascade, no reject without its own
    assert changes_since(client, since)[0] == []


def test_a_patch_may_repeat_the_review_status_it_read(
    client: TestClient,
    curator: dict[str, str],
    proposed: dict[str, str],
) -> None:
    """A client that sends back what it read, corrected, is not refused for it."""
    corrections = {
        "claim": {"claim_type": "prediction"},
        "stance": {"label": "opposes"},
        "mention": {"actor": HOLDER},
        "actor": {"description": "A holder made up for the tests."},
    }
    for resource, path in paths(proposed).items():
        body = {**corrections[resource], "review_status": "candidate"}
        answer = patch(client, curator, path, body)
        assert answer.status_code == 200, (resource, answer.text)
        assert answer.json()["review_status"] == "candidate", resource
        for name, value in corrections[resource].items():
            shown = answer.json()[name]
            assert (shown["id"] if isinstance(shown, dict) else shown) == value, resource
    # and accepting, which does decide, may carry it too: the cascade happens
    stance = paths(proposed)["stance"]
    body = {"review_status": "candidate", "certainty": "possible"}
    accepted = review(client, curator, stance, "accept", json=body)
    assert accepted.status_code == 200, accepted.text
    assert client.get(f"/v1/claims/{CLAIM}").json()["review_status"] == "accepted"
    assert client.get(f"/v1/actors/{HOLDER}").json()["review_status"] == "accepted"


def test_an_accept_does_not_smuggle_a_rejection(
    client: TestClient,
    curator: dict[str, str],
    proposed: dict[str, str],
) -> None:
    path = paths(proposed)["stance"]
    answer = review(client, curator, path, "accept", json={"review_status": "rejected"})
    assert_problem(answer, 422, field="review_status")
    assert client.get(path).json()["review_status"] == "candidate"


def agreement(client: TestClient, **params: Any) -> list[dict[str, Any]]:
    return all_items(client, "/v1/analytics/agreement", limit=7, claims=100, **params)


VIEWS = [
    {"by": "source"},
    {"by": "holder"},
    {"by": "holder", "min_shared": 2},
    {"by": "holder", "party": "china"},
    {"by": "holder", "party": "zed-two"},
    {"by": "source", "party": test_review.SOURCE},
]


def test_agreement_counts_candidates_when_asked(
    client: TestClient, curator: dict[str, str]
) -> None:
    """Candidate stances move existing pairs (China opposing a claim others support) and
    make new ones (a holder with no accepted stance yet); asked to include them, the view
    is what it will be once they are accepted, paged the same way."""
    before = {str(view): agreement(client, **view) for view in VIEWS}
    claim_id = test_review.one_sided_claim(client)
    created(
        client.post(
            "/v1/actors",
            json={"id": "zed-two", "name": "Zed Two", "kind": "person"},
            headers=curator,
        )
    )
    stances = [
        created(
            client.post(
                "/v1/stances",
                json={
                    "claim": claim_id,
                    "source_id": source_id,
                    "quote": quote,
                    "label": label,
                    "holder": holder,
                    "attribution": "paraphrased",
                    "certainty": "possible",
                    "review_status": "candidate",
                },
                headers=curator,
            )
        )["id"]
        for holder, label, source_id, quote in (
            ("china", "opposes", test_review.SOURCE, "doubts Russia will provide"),
            ("zed-two", "supports", "kim-alliance-counter-china", "strategic masterstroke"),
        )
    ]
    with_candidates = {
        str(view): agreement(client, include_candidates="true", **view) for view in VIEWS
    }
    for view in VIEWS:  # by default only accepted stances count
        assert agreement(client, **view) == before[str(view)], view
        assert agreement(client, include_candidates="false", **view) == before[str(view)], view
    assert with_candidates != before
    assert with_candidates[str(VIEWS[4])], "the new holder has pairs"
    for stance_id in stances:
        assert review(client, curator, f"/v1/stances/{stance_id}", "accept").status_code == 200
    for view in VIEWS:
        assert agreement(client, **view) == with_candidates[str(view)], view


def test_sort_by_stance_count_does_not_count_candidates(client: TestClient) -> None:
    """The order comes from each claim's count of accepted stances, kept by the writes:
    counting candidates too would count every claim's stances on each request."""
    asked = {"sort": "-stance_count", "include_candidates": "true"}
    for path in ("/v1/claims", "/v1/exports/claims.ndjson"):
        answer = client.get(path, params=asked)
        body = assert_problem(answer, 422, field="include_candidates")
        assert "stance_count" in body["detail"], path
        assert client.get(path, params={"sort": "-stance_count"}).status_code == 200
        assert client.get(path, params={"include_candidates": "true"}).status_code == 200


def test_the_shown_review_statuses_sort_before_rejected() -> None:
    """A source's or a holder's claims find their stances as the range of review statuses
    below ``rejected`` (app/review/filters.py, ``seeks_shown``): a new status must keep that
    true, or the range say otherwise."""
    assert set(SHOWN) == set(ReviewStatus) - {ReviewStatus.rejected}
    assert all(status < ReviewStatus.rejected.value for status in SHOWN)


def test_a_rejected_stance_takes_its_claim_off_its_sources_and_holders_lists(
    client: TestClient, curator: dict[str, str], proposed: dict[str, str]
) -> None:
    lists = [
        {"source_id": SOURCE},
        {"holder_id": HOLDER},
        {"source_id": SOURCE, "label": "supports"},
    ]

    def listed(filters: dict[str, str]) -> set[str]:
        return {claim["id"] for claim in all_items(client, "/v1/claims", **filters)}

    for filters in lists:  # a candidate stance shows its claim
        assert CLAIM in listed(filters), filters
    path = f"/v1/stances/{proposed['stance']}"
    assert review(client, curator, path, "reject").status_code == 200
    for filters in lists:
        assert CLAIM not in listed(filters), filters
    assert client.get(f"/v1/claims/{CLAIM}").status_code == 200  # the claim itself stays


def test_a_rejected_actor_leaves_the_candidate_claims_it_was_proposed_in(
    client: TestClient, curator: dict[str, str], proposed: dict[str, str]
) -> None:
    """The pipeline proposed Zed Holder as the subject of a candidate claim; a reviewer
    rejects Zed. The claim no longer names Zed, and accepting the claim afterwards does not
    accept Zed again behind the reviewer's back."""

    def actors_of(claim: dict[str, Any]) -> list[str]:
        return [actor["id"] for actor in claim["actors"]]

    path = f"/v1/claims/{CLAIM}"
    assert actors_of(client.get(path).json()) == [HOLDER]
    assert review(client, curator, f"/v1/actors/{HOLDER}", "reject").status_code == 200
    assert actors_of(client.get(path).json()) == []
    listed = all_items(client, "/v1/claims", review_status="candidate")
    assert [actors_of(claim) for claim in listed if claim["id"] == CLAIM] == [[]]
    assert review(client, curator, path, "accept").status_code == 200
    assert client.get(f"/v1/actors/{HOLDER}").json()["review_status"] == "rejected"
    assert actors_of(client.get(path).json()) == []
    # a rejected proposal may still be accepted: the claim names Zed again
    assert review(client, curator, f"/v1/actors/{HOLDER}", "accept").status_code == 200
    assert actors_of(client.get(path).json()) == [HOLDER]
