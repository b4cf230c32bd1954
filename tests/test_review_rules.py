"""What keeps review honest beyond accept and reject themselves (issue 22's leftovers):
PATCH does not decide a review, and counts that cannot count candidates say so."""

from typing import Any

from fastapi.testclient import TestClient

from tests import test_review
from tests.support import assert_problem, changes_since
from tests.test_review import CLAIM, HOLDER, etag_of, review

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
