"""Who may do what: the authorization matrix over every write route, bad and revoked keys,
keys that never show again, reads behind a key when configured, and the rate limit."""

import re
from datetime import datetime, timedelta

import httpx
import pytest
from fastapi.testclient import TestClient

from app.config import Settings
from app.main import create_app
from tests.conftest import SEEDS, bearer
from tests.support import assert_problem

CLAIM = "nk-russia-alliance-strategic-masterstroke"
STANCE = "st-f0b734bc890fa704"
# (method, path): every write route, with a body that would fail validation if it got
# that far, and no If-Match: auth must answer before either is looked at. A permitted
# caller goes past the key and gets what it should next: its body refused (422), its
# missing If-Match asked for (428), or the admin's key routes answered (200)
PERMITTED = {
    ("POST", "/v1/sources"): 422,
    ("PATCH", "/v1/sources/putin-kim-unity-pyongyang"): 422,
    ("DELETE", "/v1/sources/putin-kim-unity-pyongyang"): 428,
    ("POST", "/v1/sources/putin-kim-unity-pyongyang/restore"): 428,
    ("POST", "/v1/actors"): 422,
    ("PATCH", "/v1/actors/china"): 422,
    ("DELETE", "/v1/actors/china"): 428,
    ("POST", "/v1/actors/china/restore"): 428,
    ("POST", "/v1/actors/china/merge"): 422,
    ("POST", "/v1/claims"): 422,
    ("PATCH", f"/v1/claims/{CLAIM}"): 422,
    ("DELETE", f"/v1/claims/{CLAIM}"): 428,
    ("POST", f"/v1/claims/{CLAIM}/restore"): 428,
    ("POST", "/v1/stances"): 422,
    ("PATCH", f"/v1/stances/{STANCE}"): 422,
    ("DELETE", f"/v1/stances/{STANCE}"): 428,
    ("POST", f"/v1/stances/{STANCE}/restore"): 428,
    ("POST", "/v1/mentions"): 422,
    ("PATCH", "/v1/mentions/mn-unknown"): 422,
    ("DELETE", "/v1/mentions/mn-unknown"): 428,
    ("POST", "/v1/mentions/mn-unknown/restore"): 428,
    **{
        # accept validates its corrections first; reject takes no body, so wants If-Match
        ("POST", f"/v1/{resource}/{decide}"): 422 if decide == "accept" else 428
        for resource in (
            f"claims/{CLAIM}",
            f"stances/{STANCE}",
            "mentions/mn-unknown",
            "actors/china",
        )
        for decide in ("accept", "reject")
    },
    ("GET", "/v1/keys"): 200,
    ("POST", "/v1/keys"): 422,
    ("DELETE", "/v1/keys/read-key"): 200,
    ("DELETE", f"/v1/claims/{CLAIM}?hard=true"): 428,
}
ADMIN_ONLY = [
    ("GET", "/v1/keys"),
    ("POST", "/v1/keys"),
    ("DELETE", "/v1/keys/read-key"),
    ("DELETE", f"/v1/claims/{CLAIM}?hard=true"),
]
ROUTES = list(PERMITTED)


def send(client: TestClient, method: str, path: str, headers: dict[str, str]) -> object:
    body = None if method in ("GET", "DELETE") else {"unexpected": True}
    return client.request(method, path, json=body, headers=headers)


def test_the_matrix_covers_every_write_route(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    documented = {
        (method.upper(), path)
        for path, operations in schema["paths"].items()
        for method in operations
        if method in ("post", "patch", "delete") or path == "/v1/keys"
    }
    covered = {(m, p.split("?")[0]) for m, p in ROUTES}
    normalized = set()
    for method, path in documented:
        for concrete_method, concrete in covered:
            parts, template = concrete.split("/"), path.split("/")
            if (
                method == concrete_method
                and len(parts) == len(template)
                and all(t.startswith("{") or t == c for t, c in zip(template, parts, strict=True))
            ):
                normalized.add((method, path))
    assert normalized == documented


@pytest.mark.parametrize(("method", "path"), ROUTES)
def test_anonymous_gets_401_with_a_challenge(client: TestClient, method: str, path: str) -> None:
    response = send(client, method, path, {})
    assert_problem(response, 401)
    assert response.headers["www-authenticate"].startswith("Bearer")


@pytest.mark.parametrize(("method", "path"), ROUTES)
def test_a_read_key_gets_403(
    client: TestClient, tokens: dict[str, str], method: str, path: str
) -> None:
    assert_problem(send(client, method, path, bearer(tokens["read"])), 403)


def assert_permitted(response: httpx.Response, method: str, path: str) -> None:
    """The caller got past the key check to the answer a permitted caller gets: exactly
    that, so that a 500 (which is neither 401 nor 403) fails the test."""
    expected = PERMITTED[(method, path)]
    if expected < 400:
        assert response.status_code == expected, response.text
    else:
        assert_problem(response, expected)


@pytest.mark.parametrize(("method", "path"), ROUTES)
def test_a_curate_key_may_write_but_not_administer(
    client: TestClient, tokens: dict[str, str], method: str, path: str
) -> None:
    response = send(client, method, path, bearer(tokens["curate"]))
    if (method, path) in ADMIN_ONLY and "hard=true" not in path:
        assert_problem(response, 403)
    else:  # a hard delete checks If-Match first, then the scope
        assert_permitted(response, method, path)


@pytest.mark.parametrize(("method", "path"), ROUTES)
def test_an_admin_key_may_do_everything(
    client: TestClient, tokens: dict[str, str], method: str, path: str
) -> None:
    assert_permitted(send(client, method, path, bearer(tokens["admin"])), method, path)


def test_hard_delete_needs_admin_even_with_a_current_version(
    client: TestClient, tokens: dict[str, str]
) -> None:
    etag = client.get(f"/v1/claims/{CLAIM}").headers["etag"]
    headers = {"If-Match": etag}
    refused = client.delete(
        f"/v1/claims/{CLAIM}?hard=true", headers=headers | bearer(tokens["curate"])
    )
    assert_problem(refused, 403)
    done = client.delete(f"/v1/claims/{CLAIM}?hard=true", headers=headers | bearer(tokens["admin"]))
    assert done.status_code == 204
    assert_problem(client.get(f"/v1/claims/{CLAIM}"), 404)


@pytest.mark.parametrize(
    "token",
    ["nonsense", "cdb_000000000000_wrong", "Basic abc", ""],
    ids=["junk", "unknown", "basic", "empty"],
)
def test_bad_keys_are_401(client: TestClient, token: str) -> None:
    response = client.post("/v1/claims", json={}, headers={"Authorization": f"Bearer {token}"})
    assert_problem(response, 401)


def test_a_tampered_secret_is_401(client: TestClient, tokens: dict[str, str]) -> None:
    token = tokens["curate"]
    assert_problem(client.post("/v1/claims", json={}, headers=bearer(token[:-1] + "x")), 401)


def test_revoked_keys_stop_working_at_once(client: TestClient, tokens: dict[str, str]) -> None:
    admin = bearer(tokens["admin"])
    assert client.post("/v1/claims", json={}, headers=bearer(tokens["curate"])).status_code == 422
    revoked = client.delete("/v1/keys/curate-key", headers=admin)
    assert revoked.status_code == 200
    assert revoked.json()["revoked_at"]
    assert_problem(client.post("/v1/claims", json={}, headers=bearer(tokens["curate"])), 401)


def test_keys_show_their_secret_once(client: TestClient, tokens: dict[str, str]) -> None:
    admin = bearer(tokens["admin"])
    made = client.post("/v1/keys", json={"name": "new-analyst", "scope": "curate"}, headers=admin)
    assert made.status_code == 201
    token = made.json()["token"]
    assert token.startswith("cdb_")
    listed = client.get("/v1/keys", headers=admin)
    assert "new-analyst" in listed.text
    for key in (token, *tokens.values()):
        # cdb_<id>_<secret>: the secret itself may hold underscores (URL-safe base64)
        secret = key.split("_", 2)[2]
        assert len(secret) >= 40
        assert secret not in listed.text
    assert client.post("/v1/claims", json={}, headers=bearer(token)).status_code == 422
    assert_problem(
        client.post("/v1/keys", json={"name": "new-analyst", "scope": "read"}, headers=admin), 409
    )


def test_reads_can_require_a_key(database_url: str, tokens: dict[str, str]) -> None:
    settings = Settings(database_url=database_url, seeds_dir=SEEDS, require_key_for_reads=True)
    with TestClient(create_app(settings)) as client:
        assert_problem(client.get("/v1/claims"), 401)
        assert client.get("/v1/claims", headers=bearer(tokens["read"])).status_code == 200
        assert client.get("/healthz").status_code == 200
        assert client.get("/openapi.json").status_code == 200


def test_every_data_read_asks_for_the_key_when_reads_need_one(
    database_url: str, tokens: dict[str, str]
) -> None:
    """Every GET under /v1 but the admin's keys is checked, whatever router it is on: the
    check is in each route (``ReadRoute``), so a new router must not lose it."""
    settings = Settings(database_url=database_url, seeds_dir=SEEDS, require_key_for_reads=True)
    app = create_app(settings)
    # any id will do: the key is asked for before the record is looked up
    paths = [
        re.sub(r"\{[a-z_]+\}", "any-id", path)
        for path, operations in app.openapi()["paths"].items()
        if "get" in operations and path.startswith("/v1/") and not path.startswith("/v1/keys")
    ]
    assert len(paths) > 20
    with TestClient(app) as client:
        for path in paths:
            assert_problem(client.get(path), 401)
        assert client.get(f"/v1/claims/{CLAIM}", headers=bearer(tokens["read"])).status_code == 200


def test_a_bad_key_on_an_open_read_is_refused_not_ignored(client: TestClient) -> None:
    assert_problem(client.get(f"/v1/claims/{CLAIM}", headers=bearer("cdb_nope_nope")), 401)
    assert_problem(client.get("/v1/claims", headers={"Authorization": "Basic eDp5"}), 401)
    assert client.get("/healthz", headers=bearer("cdb_nope_nope")).status_code == 200


def test_the_rate_limit_answers_429_with_retry_after(
    database_url: str, tokens: dict[str, str]
) -> None:
    settings = Settings(database_url=database_url, seeds_dir=SEEDS, rate_limit_per_minute=3)
    with TestClient(create_app(settings)) as client:
        reader = bearer(tokens["read"])
        assert [client.get("/v1/sources", headers=reader).status_code for _ in range(3)] == [
            200
        ] * 3
        limited = client.get("/v1/sources", headers=reader)
        assert_problem(limited, 429)
        assert int(limited.headers["retry-after"]) >= 1
        # another key has its own allowance; anonymous reads are not limited per key
        assert client.get("/v1/sources", headers=bearer(tokens["curate"])).status_code == 200
        assert client.get("/v1/sources").status_code == 200


def test_a_write_spends_one_token_of_its_keys_allowance(
    database_url: str, tokens: dict[str, str]
) -> None:
    """A write on a data router passes two checks of its key (reads open? may it curate?);
    the key is looked up and rate-limited once a request, not once a check."""
    settings = Settings(database_url=database_url, seeds_dir=SEEDS, rate_limit_per_minute=3)
    with TestClient(create_app(settings)) as client:
        curator = bearer(tokens["curate"])
        writes = [client.post("/v1/claims", json={}, headers=curator) for _ in range(3)]
        assert [response.status_code for response in writes] == [422] * 3
        assert_problem(client.post("/v1/claims", json={}, headers=curator), 429)


def test_every_moment_shown_carries_its_time_zone(
    client: TestClient, tokens: dict[str, str]
) -> None:
    """The schema says date-time (RFC 3339, with an offset); SQLite stores none."""
    admin = bearer(tokens["admin"])
    assert client.delete("/v1/keys/read-key", headers=admin).status_code == 200
    made = client.post("/v1/keys", json={"name": "zoned", "scope": "read"}, headers=admin)
    moments = [made.json()["created_at"]]
    for key in client.get("/v1/keys", headers=admin).json():
        moments += [key["created_at"], *([key["revoked_at"]] if key["revoked_at"] else [])]
    assert len(moments) == 6
    client.patch(
        f"/v1/claims/{CLAIM}", json={"topics": ["zoned"]}, headers=admin | {"If-Match": "*"}
    )
    moments += [change["at"] for change in client.get("/v1/changes").json()["items"]]
    moments += [c["at"] for c in client.get(f"/v1/claims/{CLAIM}/history").json()["items"]]
    for moment in moments:
        assert datetime.fromisoformat(moment).utcoffset() == timedelta(0), moment


def test_a_403_names_the_scopes_in_words(client: TestClient, tokens: dict[str, str]) -> None:
    body = assert_problem(client.post("/v1/claims", json={}, headers=bearer(tokens["read"])), 403)
    assert body["detail"] == (
        "key 'read-key' has the 'read' scope; this needs a key with the 'curate' scope or higher"
    )
    body = assert_problem(client.get("/v1/keys", headers=bearer(tokens["curate"])), 403)
    assert "the 'admin' scope" in body["detail"]
    assert "<" not in body["detail"]


def client_at(app: object, address: str) -> TestClient:
    return TestClient(app, client=(address, 50000))  # type: ignore[arg-type]


def test_requests_without_a_key_are_limited_per_address(database_url: str) -> None:
    settings = Settings(
        database_url=database_url, seeds_dir=SEEDS, anonymous_rate_limit_per_minute=3
    )
    app = create_app(settings)
    with client_at(app, "203.0.113.7") as one, client_at(app, "198.51.100.1") as other:
        assert [one.get("/v1/sources").status_code for _ in range(3)] == [200] * 3
        limited = one.get("/v1/claims")
        body = assert_problem(limited, 429)
        assert "without an API key" in body["detail"]
        assert int(limited.headers["retry-after"]) >= 1
        assert other.get("/v1/sources").status_code == 200  # an allowance of its own
        assert one.get("/healthz").status_code == 200  # probes are not data requests
    with client_at(app, "127.0.0.1") as local:  # this machine's: exempt by default
        assert {local.get("/v1/sources").status_code for _ in range(6)} == {200}


def test_an_ipv6_subscriber_is_one_address(database_url: str) -> None:
    settings = Settings(
        database_url=database_url, seeds_dir=SEEDS, anonymous_rate_limit_per_minute=2
    )
    app = create_app(settings)
    with client_at(app, "2001:db8:0:1::1") as first, client_at(app, "2001:db8:0:1::2") as second:
        assert first.get("/v1/sources").status_code == 200
        assert second.get("/v1/sources").status_code == 200
        assert_problem(second.get("/v1/sources"), 429)
    with client_at(app, "2001:db8:0:2::1") as elsewhere:
        assert elsewhere.get("/v1/sources").status_code == 200


def test_wrong_keys_are_limited_per_address(database_url: str, tokens: dict[str, str]) -> None:
    settings = Settings(database_url=database_url, seeds_dir=SEEDS, failed_key_limit_per_minute=3)
    app = create_app(settings)
    right = bearer(tokens["curate"])
    with client_at(app, "203.0.113.7") as guesser, client_at(app, "198.51.100.1") as other:
        for guess in range(3):
            assert_problem(guesser.get("/v1/sources", headers=bearer(f"cdb_x_{guess}")), 401)
        assert_problem(guesser.get("/v1/sources", headers={"Authorization": "Basic eDp5"}), 429)
        # no more tries from there for a while, not even a right one
        blocked = assert_problem(guesser.get("/v1/sources", headers=right), 429)
        assert "wrong API key" in blocked["detail"]
        assert guesser.get("/v1/sources").status_code == 200  # reading without one still works
        assert other.get("/v1/sources", headers=right).status_code == 200


def test_zero_turns_a_limit_off(database_url: str) -> None:
    settings = Settings(
        database_url=database_url,
        seeds_dir=SEEDS,
        anonymous_rate_limit_per_minute=0,
        failed_key_limit_per_minute=0,
    )
    with client_at(create_app(settings), "203.0.113.7") as client:
        assert {client.get("/v1/sources").status_code for _ in range(20)} == {200}
        assert {client.get("/v1/sources", headers=bearer("x")).status_code for _ in range(20)} == {
            401
        }
