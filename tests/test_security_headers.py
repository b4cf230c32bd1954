"""Every response carries the usual security headers; what a key reads is never `public`."""

import pytest
from fastapi.testclient import TestClient

from app.config import Settings
from app.main import create_app
from tests.conftest import SEEDS, bearer

USUAL = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
}


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/v1/claims", 200),
        ("GET", "/v1/claims/nk-russia-alliance-strategic-masterstroke", 200),
        ("GET", "/v1/sources/putin-kim-unity-pyongyang/annotations", 200),
        ("GET", "/v1/claims/no-such-claim", 404),
        ("GET", "/v1/claims?limit=0", 422),
        ("POST", "/v1/claims", 401),
        ("GET", "/openapi.json", 200),
        ("GET", "/healthz", 200),
        ("GET", "/static-offline-docs/swagger-ui.css", 200),
    ],
)
def test_every_response_has_them(client: TestClient, method: str, path: str, status: int) -> None:
    response = client.request(method, path)
    assert response.status_code == status
    for name, value in USUAL.items():
        assert response.headers[name] == value
    policy = response.headers["content-security-policy"]
    assert "default-src 'none'" in policy
    assert "frame-ancestors 'none'" in policy


def test_a_refused_large_body_has_them_too(database_url: str) -> None:
    settings = Settings(database_url=database_url, seeds_dir=SEEDS, max_body_bytes=10)
    with TestClient(create_app(settings)) as client:
        response = client.post("/v1/claims", content=b"x" * 100)
    assert response.status_code == 413
    assert response.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("page", ["/docs", "/redoc", "/docs/oauth2-redirect"])
def test_the_docs_may_run_their_own_scripts_only(client: TestClient, page: str) -> None:
    response = client.get(page)
    policy = response.headers["content-security-policy"]
    assert response.headers["x-frame-options"] == "DENY"
    scripts = next(p for p in policy.split("; ") if p.startswith("script-src"))
    assert "'unsafe-inline'" not in scripts
    assert "'self'" in scripts
    assert ("'sha256-" in scripts) == ("<script>" in response.text)
    assert "http" not in policy  # no other origin


def test_what_a_key_reads_is_private(client: TestClient, tokens: dict[str, str]) -> None:
    keys = client.get("/v1/keys", headers=bearer(tokens["admin"]))
    assert keys.status_code == 200
    assert keys.headers["cache-control"] == "private, no-cache"
    keyed = client.get("/v1/claims", headers=bearer(tokens["read"]))
    assert keyed.headers["cache-control"] == "private, no-cache"
    assert client.get("/v1/claims").headers["cache-control"] == "public, no-cache"


def test_nothing_is_public_where_reads_need_a_key(
    database_url: str, tokens: dict[str, str]
) -> None:
    settings = Settings(database_url=database_url, seeds_dir=SEEDS, require_key_for_reads=True)
    with TestClient(create_app(settings)) as client:
        for path in ("/v1/claims", "/v1/sources/putin-kim-unity-pyongyang", "/v1/actors/china"):
            response = client.get(path, headers=bearer(tokens["read"]))
            assert response.status_code == 200
            assert "public" not in response.headers["cache-control"]
