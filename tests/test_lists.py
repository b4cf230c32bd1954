"""What every list endpoint shares: pages, cursors, Link headers, limits, unknown parameters."""

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from starlette.routing import Match
from starlette.types import Scope

from tests.support import all_items, assert_problem

LISTS = ["/v1/sources", "/v1/actors", "/v1/claims", "/v1/stances"]


@pytest.mark.parametrize("path", LISTS)
def test_pages_cover_the_list_once_in_a_stable_order(client: TestClient, path: str) -> None:
    whole = client.get(path, params={"limit": 500}).json()["items"]
    paged = all_items(client, path, limit=3)
    assert [item["id"] for item in paged] == [item["id"] for item in whole]
    assert len({item["id"] for item in paged}) == len(paged)
    assert client.get(path, params={"limit": 500}).json()["items"] == whole


@pytest.mark.parametrize("path", LISTS)
def test_link_header_points_at_the_next_page(client: TestClient, path: str) -> None:
    first = client.get(path, params={"limit": 1})
    body = first.json()
    assert body["next_cursor"]
    link = first.headers["link"]
    assert link.endswith('>; rel="next"')
    assert f"cursor={body['next_cursor']}" in link
    following = client.get(link[1 : link.index(">")])
    assert following.status_code == 200
    assert following.json()["items"][0]["id"] != body["items"][0]["id"]


@pytest.mark.parametrize("spelled", ["cursor", "%63ursor"])
def test_link_header_keeps_the_query_and_replaces_only_the_cursor(
    client: TestClient, spelled: str
) -> None:
    first = client.get("/v1/stances", params={"limit": 1, "sort": "position"}).json()
    second = client.get(f"/v1/stances?sort=position&limit=1&{spelled}={first['next_cursor']}")
    link = second.headers["link"]
    query = link[link.index("?") + 1 : link.index(">")]
    assert query == f"sort=position&limit=1&cursor={second.json()['next_cursor']}"


@pytest.mark.parametrize("path", LISTS)
def test_last_page_has_no_cursor_and_no_link(client: TestClient, path: str) -> None:
    response = client.get(path, params={"limit": 500})
    assert response.json()["next_cursor"] is None
    assert "link" not in response.headers


@pytest.mark.parametrize("path", LISTS)
@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"limit": 501}, "limit"),
        ({"limit": 0}, "limit"),
        ({"limit": "many"}, "limit"),
        ({"cursor": "not-a-cursor"}, "cursor"),
        ({"sort_by": "id"}, "sort_by"),
        ({"cursor": "\x00"}, "cursor"),
    ],
)
def test_bad_paging_and_unknown_parameters_are_422(
    client: TestClient, path: str, params: dict[str, object], field: str
) -> None:
    assert_problem(client.get(path, params=params), 422, field=field)


@pytest.mark.parametrize("path", LISTS)
def test_a_repeated_parameter_is_422(client: TestClient, path: str) -> None:
    response = client.get(f"{path}?limit=2&limit=3")
    assert_problem(response, 422, field="limit")


def test_default_page_size_is_50(client: TestClient) -> None:
    stances = client.get("/v1/stances").json()
    assert len(stances["items"]) == min(50, len(all_items(client, "/v1/stances", limit=500)))


@pytest.mark.parametrize(
    "path",
    [
        "/v1/sources/nope",
        "/v1/actors/nope",
        "/v1/claims/nope",
        "/v1/stances/nope",
        "/v1/sources/nope/annotations",
        "/v1/no-such-endpoint",
    ],
)
def test_unknown_resources_are_404_problems(client: TestClient, path: str) -> None:
    assert_problem(client.get(path), 404)


def test_wrong_method_is_a_405_problem(client: TestClient) -> None:
    assert_problem(client.delete("/v1/claims"), 405)


@pytest.mark.parametrize(
    "path",
    [
        "/v1/claims/nk-deployed-troops-for-russia",
        "/v1/stances?holder_id=andrei-lankov",
        "/v1/sources/putin-kim-unity-pyongyang/annotations",
        "/v1/search?q=russia",
    ],
)
def test_a_request_tries_only_its_own_resources_routes(
    client: TestClient, path: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each router is passed in one comparison by a path outside its prefix, not by trying
    its routes one by one (app/core/routing.py)."""
    tried: list[str] = []
    matches = APIRoute.matches

    def recording(route: APIRoute, scope: Scope) -> tuple[Match, Scope]:
        tried.append(route.path)
        return matches(route, scope)

    monkeypatch.setattr(APIRoute, "matches", recording)
    assert client.get(path).status_code == 200
    prefix = "/".join(path.split("?")[0].split("/")[:3])
    api = [p for p in tried if p.startswith("/v1/")]  # not the app's own /docs and /redoc
    assert api
    assert all(p.startswith(prefix) for p in api), api
