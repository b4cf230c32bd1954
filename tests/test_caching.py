"""HTTP caching: strong ETags on every successful GET, 304 on If-None-Match."""

import hashlib

import pytest
from fastapi.testclient import TestClient
from starlette.types import Receive, Scope, Send

from app.core.caching import GIL_KEEPING_PIECE, ETagMiddleware
from tests.conftest import bearer

READS = [
    "/v1/sources",
    "/v1/sources/putin-kim-unity-pyongyang",
    "/v1/sources/putin-kim-unity-pyongyang/annotations",
    "/v1/actors?q=kim",
    "/v1/actors/china",
    "/v1/claims?contested=true",
    "/v1/claims/nk-russia-alliance-strategic-masterstroke",
    "/v1/stances?holder_id=andrei-lankov",
    "/openapi.json",
]


@pytest.mark.parametrize("path", READS)
def test_every_read_has_a_strong_etag_and_revalidates(client: TestClient, path: str) -> None:
    first = client.get(path)
    assert first.status_code == 200
    etag = first.headers["etag"]
    assert etag.startswith('"')  # strong: no W/ prefix
    assert first.headers["cache-control"] == "public, no-cache"
    assert client.get(path).headers["etag"] == etag

    again = client.get(path, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == etag


def test_if_none_match_lists_weak_tags_and_star(client: TestClient) -> None:
    etag = client.get("/v1/actors/china").headers["etag"]
    listed = client.get("/v1/actors/china", headers={"If-None-Match": f'"nope", W/{etag}'})
    assert listed.status_code == 304
    assert client.get("/v1/actors/china", headers={"If-None-Match": "*"}).status_code == 304
    stale = client.get("/v1/actors/china", headers={"If-None-Match": '"stale"'})
    assert stale.status_code == 200
    assert stale.json()["id"] == "china"


def test_different_representations_have_different_etags(client: TestClient) -> None:
    tags = {client.get(path).headers["etag"] for path in READS}
    assert len(tags) == len(READS)
    page = client.get("/v1/claims", params={"limit": 2})
    assert page.headers["etag"] != client.get("/v1/claims", params={"limit": 3}).headers["etag"]


def test_errors_carry_no_etag(client: TestClient) -> None:
    missing = client.get("/v1/claims/no-such-claim")
    assert missing.status_code == 404
    assert "etag" not in missing.headers


def test_the_etag_hashes_the_whole_body(client: TestClient) -> None:
    """Hashed in pieces (app/core/caching.py), a long body still gets the SHA-256 of all of it
    (of the bytes sent: uncompressed here)."""
    source = client.get(
        "/v1/sources/putin-kim-unity-pyongyang", headers={"Accept-Encoding": "identity"}
    )
    assert len(source.content) > 3 * GIL_KEEPING_PIECE
    version = source.json()["version"]
    digest = hashlib.sha256(source.content).hexdigest()[:32]
    assert source.headers["etag"] == f'"{version}.{digest}"'


def test_a_compressed_body_has_its_own_etag_and_revalidates(client: TestClient) -> None:
    """gzip is another representation: a strong ETag of its own (the plain body's, marked
    ``-gzip``), and a 304 for it."""
    path = "/v1/claims/nk-russia-alliance-strategic-masterstroke"
    plain = client.get(path, headers={"Accept-Encoding": "identity"})
    packed = client.get(path, headers={"Accept-Encoding": "gzip"})
    assert "content-encoding" not in plain.headers
    assert packed.headers["content-encoding"] == "gzip"
    assert "Accept-Encoding" in packed.headers["vary"]
    assert packed.json() == plain.json()
    assert packed.headers["etag"] != plain.headers["etag"]
    assert packed.headers["etag"].split(".")[0] == plain.headers["etag"].split(".")[0]
    again = client.get(
        path, headers={"Accept-Encoding": "gzip", "If-None-Match": packed.headers["etag"]}
    )
    assert again.status_code == 304
    assert again.headers["etag"] == packed.headers["etag"]
    # the identity ETag does not revalidate the compressed body, nor the other way round
    crossed = client.get(
        path, headers={"Accept-Encoding": "identity", "If-None-Match": packed.headers["etag"]}
    )
    assert crossed.status_code == 200


def test_if_match_takes_the_compressed_bodys_etag(
    client: TestClient, tokens: dict[str, str]
) -> None:
    """Both representations name the same version: a curator whose client asked for gzip
    writes with the ETag it was given."""
    path = "/v1/claims/nk-russia-alliance-strategic-masterstroke"
    curator = bearer(tokens["curate"])
    packed = client.get(path, headers={"Accept-Encoding": "gzip"})
    assert packed.headers["etag"].endswith('-gzip"')
    changed = client.patch(
        path, json={"claim_type": "causal"}, headers=curator | {"If-Match": packed.headers["etag"]}
    )
    assert changed.status_code == 200, changed.text
    stale = client.patch(
        path, json={"claim_type": "factual"}, headers=curator | {"If-Match": packed.headers["etag"]}
    )
    assert stale.status_code == 412


@pytest.mark.parametrize("refusal", ["gzip;q=0", "gzip; q=0.0, br", "identity", "br"])
def test_a_client_that_refuses_gzip_gets_the_plain_body(client: TestClient, refusal: str) -> None:
    plain = client.get(
        "/v1/claims/nk-russia-alliance-strategic-masterstroke", headers={"Accept-Encoding": refusal}
    )
    assert "content-encoding" not in plain.headers
    assert not plain.headers["etag"].endswith('-gzip"')
    # a cache must keep the two apart: the answer depended on Accept-Encoding
    assert "Accept-Encoding" in plain.headers["vary"]


@pytest.mark.parametrize("asked", ["gzip", "deflate, gzip;q=0.5", "GZIP"])
def test_gzip_is_taken_however_it_is_asked(client: TestClient, asked: str) -> None:
    packed = client.get(
        "/v1/claims/nk-russia-alliance-strategic-masterstroke", headers={"Accept-Encoding": asked}
    )
    assert packed.headers["content-encoding"] == "gzip"
    # the length is the compressed body's, which is what crossed the wire
    assert int(packed.headers["content-length"]) == packed.num_bytes_downloaded


def test_a_streamed_strong_etag_turns_weak_when_compressed() -> None:
    """A response that streams under its own strong ETag names its plain bytes: gzipped,
    the bytes differ, so the tag may only say the content is the same."""
    body = b'{"line": "the same words again and again"}\n' * 200

    async def streams(scope: Scope, receive: Receive, send: Send) -> None:
        headers = [(b"content-type", b"application/x-ndjson"), (b"etag", b'"abc"')]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        for start in range(0, len(body), 1000):
            part = body[start : start + 1000]
            await send({"type": "http.response.body", "body": part, "more_body": True})
        await send({"type": "http.response.body", "body": b""})

    client = TestClient(ETagMiddleware(streams, compress_from=1024))
    packed = client.get("/", headers={"Accept-Encoding": "gzip"})
    assert packed.headers["etag"] == 'W/"abc"'
    assert packed.content == body
    assert client.get("/", headers={"Accept-Encoding": "identity"}).headers["etag"] == '"abc"'
