"""Sorting on every list, keyset pages that hold under any sort, and facet counts that
agree with the filters they stand for."""

import pytest
from fastapi.testclient import TestClient

from tests.conftest import bearer
from tests.support import all_items, assert_problem

TOP_CLAIM = "russia-will-transfer-military-tech-to-nk"  # four stances: the most

SORTS = {
    "/v1/sources": ["id", "title", "published_on"],
    "/v1/actors": ["id", "name", "kind"],
    "/v1/claims": ["id", "text", "claim_type", "stance_count"],
    "/v1/stances": ["id", "position", "claim_id"],
}
CASES = [
    (path, sign + field) for path, fields in SORTS.items() for field in fields for sign in ("", "-")
]


@pytest.mark.parametrize(("path", "sort"), CASES)
def test_pages_follow_the_sort(client: TestClient, path: str, sort: str) -> None:
    whole = client.get(path, params={"sort": sort, "limit": 500}).json()["items"]
    paged = all_items(client, path, sort=sort, limit=2 if path == "/v1/sources" else 37)
    assert [item["id"] for item in paged] == [item["id"] for item in whole]
    reverse = sort[1:] if sort.startswith("-") else f"-{sort}"
    backwards = client.get(path, params={"sort": reverse, "limit": 500}).json()["items"]
    assert [item["id"] for item in backwards] == [item["id"] for item in reversed(whole)]


def test_claims_by_stance_count_and_sources_by_date(client: TestClient) -> None:
    claims = all_items(client, "/v1/claims", sort="-stance_count", limit=500)
    counts = [len(client.get(f"/v1/claims/{c['id']}").json()["stances"]) for c in claims[:10]]
    assert counts == sorted(counts, reverse=True)
    assert counts[0] > 1
    dates = [s["published_on"] for s in all_items(client, "/v1/sources", sort="published_on")]
    assert dates == sorted(dates)


def test_stances_in_position_order_read_each_source_in_order(client: TestClient) -> None:
    stances = all_items(client, "/v1/stances", sort="position", limit=500)
    keys = [(s["provenance"]["source_id"], s["provenance"]["start"]) for s in stances]
    sources = [source for source, _ in keys]
    assert sources == sorted(sources, key=sources.index)  # each source's stances together
    for source in set(sources):
        starts = [start for s, start in keys if s == source]
        assert starts == sorted(starts)


def test_unknown_sort_is_422(client: TestClient) -> None:
    assert_problem(client.get("/v1/claims", params={"sort": "colour"}), 422, field="sort")


@pytest.mark.parametrize(
    "filters", [{}, {"contested": "true"}, {"source_id": "putin-kim-unity-pyongyang"}]
)
def test_claim_facets_agree_with_the_filters(client: TestClient, filters: dict[str, str]) -> None:
    body = client.get(
        "/v1/claims",
        params={**filters, "facets": "claim_type,topic,source_id,label,holder_id", "limit": 1},
    ).json()
    assert len(body["items"]) == 1  # facets count the whole list, not the page
    total = len(all_items(client, "/v1/claims", **filters))
    facets = body["facets"]
    assert sum(v["count"] for v in facets["claim_type"]) == total
    for name in ("claim_type", "topic", "source_id", "label", "holder_id"):
        assert facets[name], name
        counts = [v["count"] for v in facets[name]]
        assert counts == sorted(counts, reverse=True)
        if name in filters:
            continue  # narrowing again by the same parameter would replace, not combine
        for value in facets[name][:3]:
            narrowed = all_items(client, "/v1/claims", **filters, **{name: value["value"]})
            assert len(narrowed) == value["count"], (name, value)


def test_stance_facets_agree_with_the_filters(client: TestClient) -> None:
    body = client.get(
        "/v1/stances",
        params={"facets": "label,attribution,holder_id", "source_id": "putin-kim-unity-pyongyang"},
    ).json()
    for name in ("label", "attribution", "holder_id"):
        for value in body["facets"][name]:
            narrowed = all_items(
                client,
                "/v1/stances",
                source_id="putin-kim-unity-pyongyang",
                **{name: value["value"]},
            )
            assert len(narrowed) == value["count"]


def test_facets_are_empty_unless_asked_for_and_names_are_checked(client: TestClient) -> None:
    assert client.get("/v1/claims").json()["facets"] == {}
    assert_problem(
        client.get("/v1/claims", params={"facets": "claim_type,colour"}), 422, field="facets"
    )
    assert_problem(client.get("/v1/stances", params={"facets": "topic"}), 422, field="facets")


def test_the_unfiltered_stance_facets_kept_by_the_writes_agree_with_the_filters(
    client: TestClient, tokens: dict[str, str]
) -> None:
    """The whole list's facets come from counts the writes keep (app/read_model/counts.py):
    each value's count is what the list narrowed by that value holds, before and after a
    curator retracts a stance."""
    names = ("label", "attribution", "certainty", "holder_id", "source_id", "claim_id")

    def check() -> None:
        facets = client.get("/v1/stances", params={"facets": ",".join(names)}).json()["facets"]
        for name in names:
            counts = [v["count"] for v in facets[name]]
            assert counts == sorted(counts, reverse=True)
            for value in facets[name][:4]:
                narrowed = all_items(client, "/v1/stances", **{name: value["value"]})
                assert len(narrowed) == value["count"], (name, value)

    check()
    stance = client.get("/v1/stances", params={"claim_id": TOP_CLAIM}).json()["items"][0]
    retracted = client.delete(
        f"/v1/stances/{stance['id']}",
        headers={
            **bearer(tokens["curate"]),
            "If-Match": client.get(f"/v1/stances/{stance['id']}").headers["etag"],
        },
    )
    assert retracted.status_code == 200, retracted.text
    check()
