"""Absolute URLs come from CLAIMSDB_BASE_URL, never from the Host header a client sends."""

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.config import Settings
from app.main import create_app
from tests.conftest import SEEDS, bearer

BASE = "https://claims.example.org/db"
EVIL = {"Host": "evil.example", "X-Forwarded-Host": "evil.example"}


@pytest.fixture
def based(database_url: str) -> Iterator[TestClient]:
    settings = Settings(database_url=database_url, seeds_dir=SEEDS, base_url=f"{BASE}/")
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        yield client


def test_the_next_page_link(based: TestClient) -> None:
    link = based.get("/v1/claims?limit=1&sort=-id", headers=EVIL).headers["link"]
    assert link.startswith(f"<{BASE}/v1/claims?limit=1&sort=-id&cursor="), link


def test_a_merged_actors_redirect(based: TestClient, tokens: dict[str, str]) -> None:
    curator = bearer(tokens["curate"])
    made = based.post(
        "/v1/actors", json={"id": "prc", "name": "PRC", "kind": "state"}, headers=curator
    )
    assert made.status_code == 201, made.text
    merged = based.post(
        "/v1/actors/prc/merge", json={"into": "china"}, headers=curator | {"If-Match": "*"}
    )
    assert merged.status_code == 200, merged.text
    moved = based.get("/v1/actors/prc?x=1", headers=EVIL, follow_redirects=False)
    assert moved.status_code == 308
    assert moved.headers["location"] == f"{BASE}/v1/actors/china?x=1"


def test_json_ld_ids(based: TestClient) -> None:
    claim = "russia-will-transfer-military-tech-to-nk"
    body = based.get(f"/v1/claims/{claim}/provenance", headers=EVIL).json()
    assert body["id"] == f"{BASE}/v1/claims/{claim}/provenance"
    for item in body["first"]["items"]:
        assert item["id"].startswith(f"{BASE}/v1/stances/")
        assert item["target"]["source"].startswith(f"{BASE}/v1/sources/")
    assert "evil" not in based.get(f"/v1/claims/{claim}/provenance", headers=EVIL).text


def test_the_default_is_the_address_the_server_listens_on(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HOST", "PORT", "CLAIMSDB_HOST", "CLAIMSDB_PORT", "CLAIMSDB_BASE_URL"):
        monkeypatch.delenv(name, raising=False)  # `make test` exports HOST and PORT
    assert Settings().base_url == "http://127.0.0.1:8000"
    assert Settings(host="0.0.0.0", port=9000).base_url == "http://localhost:9000"
    with pytest.raises(ValueError, match="http"):
        Settings(base_url="ftp://claims.example.org")
