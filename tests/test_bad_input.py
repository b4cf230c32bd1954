"""Whatever a client sends, the answer is never a 5xx: hand-picked inputs that once failed
the server on one engine or the other (the property-based probe over every operation is
tests/test_schema_fuzz.py)."""

import base64
import re
from typing import Any

import orjson
import pytest
from fastapi.testclient import TestClient

from app.actors import service as actors_service
from app.config import Settings
from app.main import create_app
from tests.conftest import SEEDS
from tests.support import RECORD_IDS, assert_problem, concrete

REQUIRED = {"/v1/search": {"q": "russia"}}  # the parameters an operation cannot go without


def operations(client: TestClient, *, having: str | None = None) -> list[tuple[str, str]]:
    """(method, path template) of every operation, or of those with a ``having`` parameter."""
    found = []
    for path, methods in client.get("/openapi.json").json()["paths"].items():
        for method, operation in methods.items():
            names = {parameter["name"] for parameter in operation.get("parameters", [])}
            if having is None or having in names:
                found.append((method.upper(), path))
    return found


def cursor(key: list[Any]) -> str:
    return base64.urlsafe_b64encode(orjson.dumps(key)).rstrip(b"=").decode()


# keys of every arity a list uses (1 to 4), each with parts of a type no list's key has
# there, or that no engine takes: `[1]` is the `WzFd` that failed PostgreSQL
WRONG_KEYS = [
    [part] * arity
    for arity in range(1, 5)
    for part in (1, "a", True, None, 1.5, "\x00", 2**64 - 1, [1], {"a": 1}, "2026-13-45")
]


def test_a_cursor_of_the_wrong_types_is_a_422_on_every_list(client: TestClient) -> None:
    listed = [path for method, path in operations(client, having="cursor") if method == "GET"]
    assert len(listed) >= 12
    refused = 0
    for path in listed:
        for key in WRONG_KEYS:
            query = {**REQUIRED.get(path, {}), "cursor": cursor(key)}
            response = client.get(concrete(path), params=query)
            assert response.status_code < 500, (path, key, response.text)
            if response.status_code != 200:  # a key of the right types is still a key
                assert_problem(response, 422, field="cursor")
                refused += 1
    # every list refused all but the few keys of its own types
    assert refused >= len(listed) * (len(WRONG_KEYS) - 3)


@pytest.mark.parametrize(
    ("path", "key"),
    [
        ("/v1/claims", [1]),
        ("/v1/claims?sort=stance_count", ["many", "a"]),
        ("/v1/sources?sort=published_on", ["yesterday", "a"]),
        ("/v1/sources/putin-kim-unity-pyongyang/claims", ["a", "b"]),
        ("/v1/sources/putin-kim-unity-pyongyang/annotations", ["a", "b", "c", "d"]),
        ("/v1/changes", ["a"]),
        ("/v1/claims/nk-russia-alliance-strategic-masterstroke/history", [True]),
        ("/v1/stances?sort=position", ["a", "1", "b"]),
        ("/v1/search?q=russia", [2**64 - 1]),
    ],
)
def test_these_cursors_once_failed_the_server(
    client: TestClient, path: str, key: list[Any]
) -> None:
    separator = "&" if "?" in path else "?"
    assert_problem(client.get(f"{path}{separator}cursor={cursor(key)}"), 422, field="cursor")


def test_a_nul_in_a_path_names_nothing(client: TestClient, tokens: dict[str, str]) -> None:
    """PostgreSQL text cannot hold a NUL: such an id is no record's, on any engine."""
    headers = {"Authorization": f"Bearer {tokens['admin']}", "If-Match": "*"}
    checked = 0
    for method, path in operations(client):
        if "{" not in path:
            continue
        nul_path = re.sub(r"\{[a-z_]+\}", "a%00b", path, count=1)
        body = {} if method in ("POST", "PATCH") else None
        response = client.request(method, concrete(nul_path), json=body, headers=headers)
        assert_problem(response, 404)
        checked += 1
    assert checked > 30


def test_a_wikidata_id_another_actor_has_is_a_409(
    client: TestClient, tokens: dict[str, str]
) -> None:
    curator = {"Authorization": f"Bearer {tokens['curate']}"}
    taken = client.get("/v1/actors/russia").json()["wikidata_id"]
    assert taken
    patched = client.patch(
        "/v1/actors/china", json={"wikidata_id": taken}, headers=curator | {"If-Match": "*"}
    )
    assert_problem(patched, 409, field="wikidata_id")
    made = client.post(
        "/v1/actors",
        json={"id": "russia-again", "name": "Russia again", "kind": "state", "wikidata_id": taken},
        headers=curator,
    )
    assert_problem(made, 409, field="wikidata_id")
    assert client.get("/v1/actors/russia-again").status_code == 404
    # its own id again is no conflict
    own = client.patch(
        "/v1/actors/russia", json={"wikidata_id": taken}, headers=curator | {"If-Match": "*"}
    )
    assert own.status_code == 200, own.text


def test_a_unique_value_taken_past_the_checks_is_still_a_409(
    client: TestClient, tokens: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """As when another write takes the value between a service's check and its insert:
    the database's own constraint refuses it, and the client hears a conflict."""
    monkeypatch.setattr(actors_service, "wikidata_free", lambda *_args: None)
    taken = client.get("/v1/actors/russia").json()["wikidata_id"]
    patched = client.patch(
        "/v1/actors/china",
        json={"wikidata_id": taken},
        headers={"Authorization": f"Bearer {tokens['curate']}", "If-Match": "*"},
    )
    body = assert_problem(patched, 409)
    assert body["type"] == "urn:claimsdb:problem:conflict"
    assert "UNIQUE" not in patched.text


def unbounded(schema: dict[str, Any], components: dict[str, Any], where: str) -> list[str]:
    """Where in ``schema`` a string has no maxLength (nor enum) or a list no maxItems."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return unbounded(components[name], components, f"{where}<{name}>")
    found = []
    for key in ("anyOf", "oneOf", "allOf"):
        for option in schema.get(key, []):
            found += unbounded(option, components, where)
    bounded = {"maxLength", "enum", "const"} & schema.keys() or schema.get("format") == "date"
    if schema.get("type") == "string" and not bounded:
        found.append(where)
    if schema.get("type") == "array":
        if "maxItems" not in schema:
            found.append(where)
        found += unbounded(schema.get("items", {}), components, f"{where}[]")
    for name, field in schema.get("properties", {}).items():
        found += unbounded(field, components, f"{where}.{name}")
    return found


def test_every_string_and_list_a_client_sends_is_bounded_in_the_schema(
    client: TestClient,
) -> None:
    document = client.get("/openapi.json").json()
    components = document["components"]["schemas"]
    found = []
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            where = f"{method.upper()} {path}"
            # a path names a record (one too long for any is a 404, like any unknown one)
            for parameter in operation.get("parameters", []):
                if parameter["in"] == "query":
                    name = f"{where} {parameter['name']}"
                    found += unbounded(parameter["schema"], components, name)
            for content in operation.get("requestBody", {}).get("content", {}).values():
                found += unbounded(content["schema"], components, f"{where} body")
    assert found == []


CLAIM = {"id": "a-new-claim", "text": "A new claim.", "claim_type": "factual"}
SOURCE = {"id": "a-new-source", "title": "New", "genre": "news", "language": "en", "text": "Hi."}
SPAN = {
    "claim": RECORD_IDS["claims"],
    "source_id": RECORD_IDS["sources"],
    "label": "supports",
    "attribution": "author",
    "certainty": "certain",
}
ALIASES = [{"label": f"Alias {n}", "kind": "name"} for n in range(101)]


@pytest.mark.parametrize(
    ("method", "path", "body", "field"),
    [
        ("POST", "/v1/claims", CLAIM | {"topics": [f"t{n}" for n in range(101)]}, "topics"),
        ("PATCH", "/v1/claims/{claims}", {"topics": [f"t{n}" for n in range(101)]}, "topics"),
        (
            "POST",
            "/v1/claims",
            CLAIM | {"actors": [{"actor": f"a{n}", "role": "subject"} for n in range(101)]},
            "actors",
        ),
        ("POST", "/v1/claims", CLAIM | {"text": "x" * 2001}, "text"),
        (
            "POST",
            "/v1/actors",
            {"id": "a", "name": "A", "kind": "group", "aliases": ALIASES},
            "aliases",
        ),
        ("PATCH", "/v1/actors/{actors}", {"aliases": ALIASES}, "aliases"),
        ("POST", "/v1/stances", SPAN | {"quote": "x" * 10_001}, "quote"),
        ("POST", "/v1/stances", SPAN | {"quote": "Kim", "prefix": "x" * 1001}, "prefix"),
        ("POST", "/v1/stances", SPAN | {"start": 0, "end": 2**70}, "end"),
        ("POST", "/v1/sources", SOURCE | {"published_on": 0}, "published_on"),
        ("POST", "/v1/sources", SOURCE | {"published_on": "0"}, "published_on"),
        ("POST", "/v1/sources", SOURCE | {"published_on": "2026-11-22T10:00:00"}, "published_on"),
        ("PATCH", "/v1/sources/{sources}", {"published_on": 1700000000}, "published_on"),
        (
            "POST",
            "/v1/actors",
            {"id": "a", "name": "A", "kind": "state", "country": "CHNA"},
            "country",
        ),
    ],
)
def test_what_is_over_a_limit_is_a_422_naming_the_field(
    client: TestClient,
    tokens: dict[str, str],
    method: str,
    path: str,
    body: dict[str, Any],
    field: str,
) -> None:
    headers = {"Authorization": f"Bearer {tokens['curate']}", "If-Match": "*"}
    response = client.request(method, path.format(**RECORD_IDS), json=body, headers=headers)
    assert_problem(response, 422, field=field)


def test_a_source_text_is_bounded_whatever_the_body_limit(
    database_url: str, tokens: dict[str, str]
) -> None:
    settings = Settings(database_url=database_url, seeds_dir=SEEDS, max_body_bytes=3_000_000)
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        response = client.post(
            "/v1/sources",
            json=SOURCE | {"text": "x" * 2_000_001},
            headers={"Authorization": f"Bearer {tokens['curate']}"},
        )
    assert_problem(response, 422, field="text")


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"{bad", "not valid JSON"),
        (b"", "needs a JSON object"),
        (b"[1, 2]", "should be a JSON object"),
    ],
)
def test_a_body_that_is_not_a_json_object_is_named_as_the_body(
    client: TestClient, tokens: dict[str, str], content: bytes, words: str
) -> None:
    response = client.post(
        "/v1/claims",
        content=content,
        headers={"Authorization": f"Bearer {tokens['curate']}", "Content-Type": "application/json"},
    )
    body = assert_problem(response, 422, field="body")
    assert [error["field"] for error in body["errors"]] == ["body"]
    assert words in body["errors"][0]["message"]
    assert words in body["detail"]


def test_messages_say_in_words_what_a_value_should_be(
    client: TestClient, tokens: dict[str, str]
) -> None:
    made = client.post(
        "/v1/actors",
        json={"id": "North Korea", "name": "N", "kind": "state", "country": "nk", "shape": 1},
        headers={"Authorization": f"Bearer {tokens['curate']}"},
    )
    body = assert_problem(made, 422, field="id")
    messages = {error["field"]: error["message"] for error in body["errors"]}
    assert "hyphens" in messages["id"]
    assert "ISO 3166-1" in messages["country"]
    assert "unknown field" in messages["shape"]
    assert "^" not in body["detail"]  # no regular expression
    listed = assert_problem(client.get("/v1/claims?topic=Not+A+Slug&colour=red"), 422)
    assert "hyphens" in listed["detail"]
    assert "unknown parameter" in listed["detail"]
