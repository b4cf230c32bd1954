"""The API documents itself completely, and its docs pages need no internet."""

import re

import pytest
from fastapi.testclient import TestClient

from app.main import create_app

LOCAL_REF = re.compile(r"""(?:src|href)\s*=\s*["']([^"']+)["']""")


@pytest.fixture(scope="module")
def docs_client() -> TestClient:
    # the docs need no database: an in-memory one is never touched
    from app.config import Settings

    return TestClient(create_app(Settings(database_url="sqlite://")))


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_docs_pages_load_only_local_assets(docs_client: TestClient, page: str) -> None:
    response = docs_client.get(page)
    assert response.status_code == 200
    html = response.text
    assert "http://" not in html
    assert "https://" not in html
    assert "//fonts." not in html
    assets = LOCAL_REF.findall(html)
    assert assets, html
    for asset in assets:
        assert asset.startswith("/"), asset
        fetched = docs_client.get(asset)
        assert fetched.status_code == 200, asset
        assert len(fetched.content) > 100


def test_openapi_is_3_1_and_documents_every_operation(docs_client: TestClient) -> None:
    schema = docs_client.get("/openapi.json").json()
    assert schema["openapi"].startswith("3.1")
    paths = set(schema["paths"])
    assert {
        "/v1/sources",
        "/v1/sources/{source_id}",
        "/v1/sources/{source_id}/annotations",
        "/v1/actors",
        "/v1/actors/{actor_id}",
        "/v1/claims",
        "/v1/claims/{claim_id}",
        "/v1/stances",
        "/v1/stances/{stance_id}",
        "/healthz",
        "/readyz",
    } <= paths
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            where = f"{method.upper()} {path}"
            assert operation.get("summary"), where
            assert operation.get("description"), where
            for status, response in operation["responses"].items():
                assert response.get("description"), f"{where} {status}"
                for media_type, media in response.get("content", {}).items():
                    assert "example" in media, f"{where} {status} {media_type}"
            for parameter in operation.get("parameters", []):
                if parameter["in"] == "query":
                    assert parameter["schema"].get("examples") or parameter.get("example"), (
                        f"{where} ?{parameter['name']}"
                    )


def test_errors_are_documented_as_problem_json(docs_client: TestClient) -> None:
    schema = docs_client.get("/openapi.json").json()
    claims = schema["paths"]["/v1/claims"]["get"]["responses"]
    assert set(claims) == {"200", "304", "401", "422", "429", "500", "503"}
    assert "application/problem+json" in claims["422"]["content"]
    detail = schema["paths"]["/v1/claims/{claim_id}"]["get"]["responses"]
    assert set(detail) == {"200", "304", "401", "404", "429", "500", "503"}
    assert "HTTPValidationError" not in schema["components"]["schemas"]


def test_writes_document_if_match(docs_client: TestClient) -> None:
    schema = docs_client.get("/openapi.json").json()
    patch = schema["paths"]["/v1/claims/{claim_id}"]["patch"]
    if_match = patch["parameters"][-1]
    assert (if_match["name"], if_match["in"], if_match["required"]) == ("If-Match", "header", True)
    assert "If-Match" not in str(schema["paths"]["/v1/claims"]["post"].get("parameters", []))
