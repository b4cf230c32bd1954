"""Linked data: a claim as schema.org JSON-LD and a source's annotations as a W3C
AnnotationPage, both chosen by Accept, both expanded offline by a JSON-LD processor."""

from typing import Any

import pytest
from fastapi.testclient import TestClient
from pyld import jsonld

from tests.support import ANNO_CONTEXT, all_items, assert_problem, keys_of, load_context

SCHEMA = "https://schema.org/"
OA = "http://www.w3.org/ns/oa#"
AS = "http://www.w3.org/ns/activitystreams#"
LD = {"Accept": "application/ld+json"}
TECH_TRANSFER = "russia-will-transfer-military-tech-to-nk"
PYONGYANG = "putin-kim-unity-pyongyang"


def no_remote_contexts(url: str, options: Any = None) -> dict[str, Any]:
    raise AssertionError(f"the document asked for a remote context: {url}")


def nodes(graph: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [node for node in graph if kind in node.get("@type", [])]


def value(node: dict[str, Any], term: str) -> Any:
    (found,) = node[SCHEMA + term]
    return found.get("@value", found.get("@id"))


def test_a_claim_is_a_schema_org_claim_with_its_appearances(client: TestClient) -> None:
    response = client.get(f"/v1/claims/{TECH_TRANSFER}", headers=LD)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/ld+json"
    assert "Accept" in response.headers["vary"].split(", ")
    document = response.json()
    claim = client.get(f"/v1/claims/{TECH_TRANSFER}").json()

    # the context is inline: expansion needs no network at all
    graph = jsonld.flatten(document, None, {"documentLoader": no_remote_contexts})
    (node,) = nodes(graph, SCHEMA + "Claim")
    assert node["@id"].endswith(f"/v1/claims/{TECH_TRANSFER}")
    assert value(node, "text") == claim["text"]
    assert {k["@value"] for k in node[SCHEMA + "keywords"]} == set(claim["topics"])

    # every stance an appearance: a quotation of its quote, part of its source
    appearances = {a["@id"]: a for a in nodes(graph, SCHEMA + "Quotation")}
    assert {ref["@id"] for ref in node[SCHEMA + "appearance"]} == set(appearances)
    assert {i.rsplit("/", 1)[1] for i in appearances} == {s["id"] for s in claim["stances"]}
    for stance in claim["stances"]:
        quotation = appearances[next(i for i in appearances if i.endswith(stance["id"]))]
        assert value(quotation, "text") == stance["provenance"]["quote"]
        source = value(quotation, "isPartOf")
        assert source.endswith(f"/v1/sources/{stance['provenance']['source_id']}")

    # the first appearance is the earliest dated source's
    first = value(node, "firstAppearance")
    dates = {n["@id"]: value(n, "datePublished") for n in graph if SCHEMA + "datePublished" in n}
    first_source = value(next(a for i, a in appearances.items() if i == first), "isPartOf")
    assert dates[first_source] == min(dates.values())


def test_a_claims_author_is_whoever_holds_it(client: TestClient) -> None:
    """A claim's authors are the actors with a stance that supports it; an actor who
    opposes or questions it appears, but not as its author."""
    told_apart = 0
    for listed in all_items(client, "/v1/claims", limit=500):
        claim = client.get(f"/v1/claims/{listed['id']}").json()
        document = client.get(f"/v1/claims/{listed['id']}", headers=LD).json()
        graph = jsonld.flatten(document, None, {"documentLoader": no_remote_contexts})
        (node,) = nodes(graph, SCHEMA + "Claim")
        authors = {ref["@id"].rsplit("/", 1)[1] for ref in node.get(SCHEMA + "author", [])}
        holders = {s["holder"]["id"] for s in claim["stances"] if s["holder"]}
        supporters = {
            s["holder"]["id"] for s in claim["stances"] if s["holder"] and s["label"] == "supports"
        }
        assert authors == supporters, claim["id"]
        people = nodes(graph, SCHEMA + "Person") + nodes(graph, SCHEMA + "Organization")
        actors = {n["@id"].rsplit("/", 1)[1] for n in people if "/v1/actors/" in n["@id"]}
        assert holders <= actors
        told_apart += holders != supporters
    assert told_apart, "the seeds have named holders who do not support a claim"


def test_a_sources_annotations_are_a_w3c_annotation_page(client: TestClient) -> None:
    spans = all_items(client, f"/v1/sources/{PYONGYANG}/annotations", limit=500)
    seen: list[dict[str, Any]] = []
    url: str | None = f"/v1/sources/{PYONGYANG}/annotations?limit=40"
    first = True
    while url:
        response = client.get(url, headers=LD)
        assert response.status_code == 200, response.text
        assert response.headers["content-type"] == "application/ld+json"
        assert "Accept" in response.headers["vary"].split(", ")
        page = response.json()
        assert page["type"] == "AnnotationPage"
        assert page["@context"] == "http://www.w3.org/ns/anno.jsonld"
        assert ("startIndex" in page) is first
        # every key is a term of the context: JSON-LD would silently drop any other
        assert keys_of(page) - {"@context"} <= set(ANNO_CONTEXT["@context"])
        expanded = jsonld.expand(page, {"documentLoader": load_context})
        (node,) = expanded
        assert node["@type"] == [AS + "OrderedCollectionPage"]
        assert node[AS + "partOf"][0]["@id"].endswith(f"/v1/sources/{PYONGYANG}/annotations")
        items = node[AS + "items"][0]["@list"]
        assert [i["@type"] for i in items] == [[OA + "Annotation"]] * len(page["items"])
        seen += page["items"]
        url = page.get("next", "").removeprefix("http://127.0.0.1:8000") or None
        first = False

    # the same spans, in the same order, as the JSON list
    assert [item["id"].rsplit("/", 1)[1] for item in seen] == [span["id"] for span in spans]
    for item, span in zip(seen, spans, strict=True):
        motivation = "assessing" if span["kind"] == "stance" else "identifying"
        assert item["motivation"] == motivation
        assert item["target"]["source"].endswith(f"/v1/sources/{PYONGYANG}")
        position, quote = item["target"]["selector"]
        assert (position["start"], position["end"], quote["exact"]) == (
            span["start"],
            span["end"],
            span["quote"],
        )


@pytest.mark.parametrize(
    "path", [f"/v1/claims/{TECH_TRANSFER}", f"/v1/sources/{PYONGYANG}/annotations"]
)
def test_accept_chooses_the_form_and_json_stays_the_default(client: TestClient, path: str) -> None:
    for accept in (None, "*/*", "application/json", "text/html,application/xhtml+xml,*/*;q=0.8"):
        headers = {"Accept": accept} if accept else {}
        response = client.get(path, headers=headers)
        assert response.headers["content-type"] == "application/json", accept
        assert "Accept" in response.headers["vary"].split(", ")
    for accept in (
        "application/ld+json",
        'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
        "application/json;q=0.5, application/ld+json",
        "application/ld+json, application/json",
        "application/ld+json, */*",
    ):
        response = client.get(path, headers={"Accept": accept})
        assert response.headers["content-type"] == "application/ld+json", accept
    preferred = client.get(path, headers={"Accept": "application/ld+json;q=0.4, application/json"})
    assert preferred.headers["content-type"] == "application/json"
    # the two forms are two representations: each its own ETag
    plain, linked = client.get(path), client.get(path, headers=LD)
    assert plain.headers["etag"] != linked.headers["etag"]
    assert (
        client.get(path, headers={**LD, "If-None-Match": linked.headers["etag"]}).status_code == 304
    )

    for accept in ("text/html", "application/xml", "application/json;q=0, text/csv"):
        assert_problem(client.get(path, headers={"Accept": accept}), 406)


def test_linked_data_of_what_is_not_there_is_404(client: TestClient) -> None:
    assert_problem(client.get("/v1/claims/no-such-claim", headers=LD), 404)
    assert_problem(client.get("/v1/sources/no-such-source/annotations", headers=LD), 404)
