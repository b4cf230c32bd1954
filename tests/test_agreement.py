"""Agreement from the stored pair counts: what pairing every party's stances from scratch
gives, paged, one party at a time, and still right after curators change stances."""

from collections import defaultdict
from itertools import combinations
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.conftest import bearer
from tests.support import all_items, assert_problem
from tests.test_curation import etag_of

SIDES = {"supports", "opposes"}


def from_scratch(client: TestClient, by: str) -> dict[tuple[str, str], dict[str, list[str]]]:
    """Every pair (a < b) with the claims it shares, agrees and disagrees on, computed from
    the live stances as the view defines agreement."""
    labels: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for stance in all_items(client, "/v1/stances", limit=500):
        source_id = stance["provenance"]["source_id"]
        holder = stance["holder"]["id"] if stance["holder"] else f"author:{source_id}"
        party = source_id if by == "source" else holder
        labels[party][stance["claim_id"]].add(stance["label"])
    pairs = {}
    for a, b in combinations(sorted(labels), 2):
        found: dict[str, list[str]] = {"shared": [], "agree": [], "disagree": []}
        for claim_id in sorted(labels[a].keys() & labels[b].keys()):
            found["shared"].append(claim_id)
            side_a, side_b = (labels[p][claim_id] & SIDES for p in (a, b))
            if len(side_a) == 1 and len(side_b) == 1:
                found["agree" if side_a == side_b else "disagree"].append(claim_id)
        if found["shared"]:
            pairs[(a, b)] = found
    return pairs


def as_found(pair: dict[str, Any]) -> dict[str, list[str]]:
    return {what: pair[f"{what}_claims"] for what in ("shared", "agree", "disagree")}


@pytest.mark.parametrize("by", ["source", "holder"])
def test_the_pages_hold_every_pair_as_counted_from_scratch(client: TestClient, by: str) -> None:
    expected = from_scratch(client, by)
    paged = all_items(client, "/v1/analytics/agreement", by=by, limit=7, claims=100)
    assert [(p["a"]["id"], p["b"]["id"]) for p in paged] == sorted(expected)
    for pair in paged:
        found = expected[(pair["a"]["id"], pair["b"]["id"])]
        assert as_found(pair) == found
        assert [pair[what] for what in found] == [len(claims) for claims in found.values()]


def test_one_partys_pairs_put_it_first(client: TestClient) -> None:
    expected = from_scratch(client, "holder")
    party = "andrei-lankov"
    mine = all_items(client, "/v1/analytics/agreement", by="holder", party=party, limit=2)
    assert {p["a"]["id"] for p in mine} == {party}
    others = sorted({a if b == party else b for a, b in expected if party in (a, b)})
    assert [p["b"]["id"] for p in mine] == others
    assert mine[0]["a"]["name"] == "Andrei Lankov"
    voice = "author:russia-kim-whats-going-on"
    theirs = client.get("/v1/analytics/agreement", params={"by": "holder", "party": voice})
    assert theirs.json()["items"][0]["a"]["name"].startswith("author of ")


def test_claim_lists_are_capped_and_counts_stay_exact(client: TestClient) -> None:
    full = all_items(client, "/v1/analytics/agreement", by="source", claims=100)
    short = all_items(client, "/v1/analytics/agreement", by="source", claims=1)
    for whole, capped in zip(full, short, strict=True):
        for what in ("shared", "agree", "disagree"):
            assert capped[what] == whole[what]
            assert capped[f"{what}_claims"] == whole[f"{what}_claims"][:1]
    assert_problem(
        client.get("/v1/analytics/agreement", params={"claims": 101}), 422, field="claims"
    )
    assert_problem(client.get("/v1/analytics/agreement", params={"cursor": "x"}), 422)


def test_a_curators_changes_move_the_pairs(client: TestClient, tokens: dict[str, str]) -> None:
    curator = bearer(tokens["curate"])
    stance = next(
        s
        for s in all_items(client, "/v1/stances", limit=500)
        if s["holder"] and s["holder"]["id"] == "andrei-lankov" and s["label"] == "opposes"
    )
    flipped = client.patch(
        f"/v1/stances/{stance['id']}",
        json={"label": "supports"},
        headers={**curator, "If-Match": etag_of(client, f"/v1/stances/{stance['id']}")},
    )
    assert flipped.status_code == 200, flipped.text
    other = next(
        s
        for s in all_items(client, "/v1/stances", limit=500)
        if s["holder"] is None and s["label"] in ("supports", "opposes")
    )
    retracted = client.delete(
        f"/v1/stances/{other['id']}",
        params={"reason": "misread"},
        headers={**curator, "If-Match": etag_of(client, f"/v1/stances/{other['id']}")},
    )
    assert retracted.status_code == 200, retracted.text
    for by in ("source", "holder"):
        expected = from_scratch(client, by)
        paged = all_items(client, "/v1/analytics/agreement", by=by, limit=500, claims=100)
        assert {(p["a"]["id"], p["b"]["id"]): as_found(p) for p in paged} == expected
