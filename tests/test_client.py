"""The Python client (clients/python): generated from the API's own OpenAPI document, in
step with it, and working against a live server."""

import re
import sys
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from app.config import Settings
from app.main import create_app
from tests.live import ROOT, live_server

sys.path.insert(0, str(ROOT / "clients"))
sys.path.insert(0, str(ROOT / "clients" / "python"))

import generate
from claimsdb_client import AuthenticatedClient, Client
from claimsdb_client.api.claims import get_claim, list_claims, update_claim
from claimsdb_client.models import ClaimDetail, ClaimPublic, ClaimUpdate, Problem

CLAIM = "nk-russia-alliance-strategic-masterstroke"


def test_every_operation_has_a_readable_stable_id() -> None:
    spec = TestClient(create_app(Settings(database_url="sqlite://"))).get("/openapi.json")
    ids = {
        f"{method.upper()} {path}": operation["operationId"]
        for path, operations in spec.json()["paths"].items()
        for method, operation in operations.items()
    }
    assert len(set(ids.values())) == len(ids)
    for name in ids.values():
        assert re.fullmatch(r"[a-z]+(_[a-z]+)*", name), name
    assert {
        ids["GET /v1/claims"],
        ids["GET /v1/claims/{claim_id}"],
        ids["PATCH /v1/claims/{claim_id}"],
        ids["POST /v1/claims/{claim_id}/restore"],
        ids["GET /v1/sources/{source_id}/annotations"],
        ids["GET /v1/search"],
        ids["GET /healthz"],
    } == {
        "list_claims",
        "get_claim",
        "update_claim",
        "restore_claim",
        "get_source_annotations",
        "search",
        "get_healthz",
    }


def tree(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts and ".ruff_cache" not in path.parts
    }


@pytest.mark.skipif(
    not generate.GENERATOR.exists(),
    reason="openapi-python-client is not installed (pip install -e '.[dev]')",
)
def test_the_checked_in_client_is_what_the_api_generates(tmp_path: Path) -> None:
    fresh = tmp_path / "python"
    generate.generate(fresh)
    checked_in, regenerated = tree(generate.OUTPUT), tree(fresh)
    changed = sorted(
        name
        for name in checked_in.keys() | regenerated.keys()
        if checked_in.get(name) != regenerated.get(name)
    )
    assert not changed, f"clients/python is out of step with the API (run `make client`): {changed}"


def test_a_live_server_through_the_client(
    database_url: str, tokens: dict[str, str], tmp_path: Path
) -> None:
    with live_server(database_url, tmp_path / "server.log") as base:
        reader = Client(base_url=base, raise_on_unexpected_status=True)
        # a list, page by page through the cursor, is the whole list once
        whole = list_claims.sync(client=reader, limit=500)
        seen: list[str] = []
        cursor = None
        while True:
            page = list_claims.sync(client=reader, limit=7, cursor=cursor)
            assert len(page.items) <= 7
            seen += [claim.id for claim in page.items]
            cursor = page.next_cursor
            if cursor is None:
                break
        assert len(seen) > 7
        assert seen == [claim.id for claim in whole.items]

        claim = get_claim.sync_detailed(CLAIM, client=reader)
        assert isinstance(claim.parsed, ClaimDetail)
        assert claim.parsed.stances  # each with its provenance
        assert claim.parsed.id == CLAIM
        # the client's model holds the whole body, as the server sent it
        assert claim.parsed.to_dict() == httpx.get(f"{base}/v1/claims/{CLAIM}").json()

        curator = AuthenticatedClient(base_url=base, token=tokens["curate"])
        change = ClaimUpdate(topics=["alliance-motives", "china-influence"])
        etag = claim.headers["etag"]
        updated = update_claim.sync_detailed(CLAIM, client=curator, body=change, if_match=etag)
        assert updated.status_code == 200, updated.content
        assert isinstance(updated.parsed, ClaimPublic)
        assert updated.parsed.topics == ["alliance-motives", "china-influence"]
        assert updated.parsed.version == claim.parsed.version + 1
        # the same ETag again is stale now: the write is refused, nothing changes
        stale = update_claim.sync_detailed(
            CLAIM, client=curator, body=ClaimUpdate(topics=["other"]), if_match=etag
        )
        assert stale.status_code == 412
        assert isinstance(stale.parsed, Problem)
        assert stale.parsed.status == 412
        assert get_claim.sync(CLAIM, client=reader).topics == [
            "alliance-motives",
            "china-influence",
        ]
