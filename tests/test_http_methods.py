"""HEAD for every GET, OPTIONS on every path, and a correct Allow on every 405."""

from fastapi.testclient import TestClient

from tests.support import assert_problem, concrete

QUERIES = {"/v1/search": "?q=russia"}  # what a GET cannot go without
PAGES = ["/docs", "/redoc", "/openapi.json", "/static-offline-docs/swagger-ui.css"]


def documented(client: TestClient) -> dict[str, set[str]]:
    """Each concrete path of the API, with the methods its operations take."""
    paths: dict[str, set[str]] = {}
    for path, operations in client.get("/openapi.json").json()["paths"].items():
        paths.setdefault(concrete(path), set()).update(method.upper() for method in operations)
    return paths


def allow(methods: set[str]) -> set[str]:
    return methods | {"OPTIONS"} | ({"HEAD"} if "GET" in methods else set())


def test_head_answers_as_get_does_without_a_body(client: TestClient) -> None:
    gets = [p for p, methods in documented(client).items() if "GET" in methods]
    assert len(gets) > 20
    for path in [*gets, *PAGES]:
        url = path + QUERIES.get(path, "")
        got, head = client.get(url), client.head(url)
        assert head.status_code == got.status_code, path
        assert head.content == b"", path
        assert head.headers.get("etag") == got.headers.get("etag"), path
        assert head.headers["content-type"] == got.headers["content-type"], path


def test_options_names_what_each_path_takes(client: TestClient) -> None:
    for path, methods in documented(client).items():
        response = client.options(path)
        assert response.status_code == 204, path
        assert set(response.headers["allow"].split(", ")) == allow(methods), path
    assert_problem(client.options("/v1/no-such-thing"), 404)


def test_every_405_names_what_the_path_takes(client: TestClient) -> None:
    refused = 0
    for path, methods in documented(client).items():
        for method in {"GET", "POST", "PUT", "PATCH", "DELETE"} - methods:
            response = client.request(method, path)
            assert_problem(response, 405)
            assert set(response.headers["allow"].split(", ")) == allow(methods), (method, path)
            refused += 1
    assert refused > 50
