"""POST /v1/sources with ``annotate`` and ``html``: the pipeline's proposals stored as
candidates in the request's own transaction, every span exact, bad input storing nothing."""

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select
from sqlmodel import Session

from app.config import Settings
from app.ingest.evaluate import TEST_TEXTS
from app.main import create_app
from app.models import Actor, Change, Claim, Mention, Source, Stance
from tests.conftest import SEEDS, bearer
from tests.support import all_items, assert_problem

# an article written for these tests, in a wire service's style: a restatement of a seed
# claim, a quoted holder, a hedge, and astral characters (emoji, flags) before,
# inside and after sentences, so that code points and UTF-16 units part ways
ARTICLE = (
    "North Korean shells keep Russia's guns firing 👇\n"
    "\n"
    "SEOUL, March 3 (Example Wire) - North Korean munitions help Russia sustain its war "
    "effort in Ukraine, South Korea's defence ministry said on Monday. 🇰🇵🚂🇷🇺\n"
    "\n"
    '"The trains now run almost every week 👇 and they carry shells," ministry spokesman '
    "Park Ji-hoon told reporters in Seoul. He added that Pyongyang was being paid in oil "
    "and food.\n"
    "\n"
    "Russia reportedly plans to transfer advanced military technology to North Korea, a "
    "step that would threaten regional security in Northeast Asia, analysts said. 🛰️ A senior "
    "Japanese official said Tokyo was watching the shipments closely.\n"
    "\n"
    "Kim Jong Un has not commented on the shipments. China, which remains North Korea's "
    "largest trading partner, may be uneasy about the alliance. 😬\n"
)

OFF_TOPIC = (TEST_TEXTS / "off_topic" / "recipe-blog.txt").read_text(encoding="utf-8")
PAGE = (TEST_TEXTS / "html" / "news-page.html").read_text(encoding="utf-8")


def submit(**fields: Any) -> dict[str, Any]:
    return {"title": "Shells by train", "genre": "news", "language": "en", **fields}


@pytest.fixture
def curator(tokens: dict[str, str]) -> dict[str, str]:
    return bearer(tokens["curate"])


def counts(engine: Engine) -> dict[str, int]:
    with Session(engine) as session:
        return {
            model.__name__: session.exec(select(func.count()).select_from(model)).one()[0]
            for model in (Source, Actor, Claim, Stance, Mention, Change)
        }


def proposed_rows(engine: Engine, source_id: str) -> dict[str, list[Any]]:
    """The candidate rows an annotated source brought, read from the tables themselves."""
    with Session(engine) as session:
        stances = session.exec(select(Stance).where(Stance.source_id == source_id)).scalars()
        stances = [s for s in stances if s.review_status == "candidate"]
        mentions = session.exec(select(Mention).where(Mention.source_id == source_id)).scalars()
        claims = session.exec(select(Claim).where(Claim.review_status == "candidate")).scalars()
        actors = session.exec(select(Actor).where(Actor.review_status == "candidate")).scalars()
        return {
            "stances": stances,
            "mentions": [m for m in mentions if m.review_status == "candidate"],
            "claims": list(claims),
            "actors": list(actors),
        }


def assert_exact(client: TestClient, source_id: str) -> str:
    """Every stored span of the source quotes its text exactly, with its 32 code points of
    context; returns the text."""
    text = client.get(f"/v1/sources/{source_id}").json()["text"]
    spans = all_items(client, f"/v1/sources/{source_id}/annotations")
    assert spans
    for span in spans:
        start, end = span["start"], span["end"]
        assert span["quote"] == text[start:end]
        quote_selector = span["selector"][1]
        assert quote_selector["exact"] == text[start:end]
        assert quote_selector["prefix"] == text[max(0, start - 32) : start]
        assert quote_selector["suffix"] == text[end : end + 32]
    return text


def test_annotate_stores_every_proposal_as_a_candidate(
    client: TestClient, curator: dict[str, str], engine: Engine
) -> None:
    made = client.post("/v1/sources", json=submit(text=ARTICLE, annotate=True), headers=curator)
    assert made.status_code == 201, made.text
    body = made.json()
    assert body["id"] == "shells-by-train"
    assert body["text"] == ARTICLE
    assert made.headers["location"].endswith("/v1/sources/shells-by-train")
    summary = body["annotation"]
    assert summary["extracted_by"].startswith("claimsdb-ingest@")
    assert summary["on_topic"] is True
    assert summary["seconds"] > 0

    rows = proposed_rows(engine, "shells-by-train")
    # the summary counts what was stored, kind by kind
    for kind in ("stances", "claims", "mentions", "actors"):
        assert summary[kind] == len(rows[kind]), kind
    assert summary["stances"] >= 5
    assert summary["claims"] >= 1
    existing = [s for s in rows["stances"] if s.claim_id not in {c.id for c in rows["claims"]}]
    assert summary["stances_on_existing_claims"] == len(existing) >= 1
    # "North Korean munitions help Russia sustain its war effort in Ukraine" restates a seed
    assert any(s.claim_id == "nk-munitions-aid-russia-war-effort" for s in existing)
    for row in [*rows["stances"], *rows["claims"], *rows["mentions"], *rows["actors"]]:
        assert row.extracted_by == summary["extracted_by"]
        assert 0 <= row.confidence <= 1
    for stance in rows["stances"]:
        assert len(stance.suggested_claims) <= 3
        assert all({"id", "score"} == set(s) for s in stance.suggested_claims)
    assert any(s.holder_id is not None and s.attribution != "author" for s in rows["stances"])
    assert any(s.certainty != "certain" for s in rows["stances"])

    text = assert_exact(client, "shells-by-train")
    for stance in rows["stances"]:
        shown = client.get(f"/v1/stances/{stance.id}").json()
        assert shown["review_status"] == "candidate"
        assert shown["provenance"]["quote"] == text[stance.start : stance.end] == stance.quote
    assert any("👇" in s.quote for s in rows["stances"])
    # where the pipeline put them: whole words, no offset slipped by a code unit
    for span in [*rows["stances"], *rows["mentions"]]:
        assert span.quote == span.quote.strip()
        assert span.start == 0 or not text[span.start - 1].isalnum(), span.quote
        assert span.end == len(text) or not text[span.end].isalnum(), span.quote
    # claims proposed are readable through the API with their stance on them
    for claim in rows["claims"]:
        shown = client.get(f"/v1/claims/{claim.id}").json()
        assert shown["review_status"] == "candidate"
        assert shown["stances"]


def test_annotate_in_an_empty_registry_names_candidate_actors(
    client: TestClient, curator: dict[str, str], engine: Engine
) -> None:
    made = client.post("/v1/sources", json=submit(text=ARTICLE, annotate=True), headers=curator)
    rows = proposed_rows(engine, made.json()["id"])
    names = {actor.name for actor in rows["actors"]}
    assert "Park Ji-hoon" in names  # a person the seeds do not know
    park = next(a for a in rows["actors"] if a.name == "Park Ji-hoon")
    assert park.kind == "person"
    assert any(m.actor_id == park.id for m in rows["mentions"])
    # a second article naming him again proposes no second actor
    again = client.post(
        "/v1/sources",
        json=submit(title="More trains", text=ARTICLE.replace("March 3", "March 4"), annotate=True),
        headers=curator,
    )
    assert again.status_code == 201, again.text
    with Session(engine) as session:
        parks = session.exec(select(Actor).where(Actor.name == "Park Ji-hoon")).scalars().all()
    assert len(parks) == 1


def test_html_is_extracted_annotated_and_exact(
    client: TestClient, curator: dict[str, str], engine: Engine
) -> None:
    made = client.post(
        "/v1/sources",
        json={"html": PAGE, "genre": "news", "annotate": True, "author": "H. Lee"},
        headers=curator,
    )
    assert made.status_code == 201, made.text
    body = made.json()
    assert body["id"] == "pyongyang-sends-more-shells-to-moscow"
    assert body["title"] == "Pyongyang sends more shells to Moscow"
    assert body["publisher"] == "The Example Herald"
    assert body["author"] == "H. Lee"  # what the body says wins over the page
    assert body["published_on"] == "2024-11-14"
    assert body["language"] == "en-GB"
    assert "Advertisement" not in body["text"]
    assert "👇" in body["text"]
    rows = proposed_rows(engine, body["id"])
    assert body["annotation"]["stances"] == len(rows["stances"]) >= 2
    assert_exact(client, body["id"])


def test_an_off_topic_article_gets_no_proposals(
    client: TestClient, curator: dict[str, str], engine: Engine
) -> None:
    made = client.post(
        "/v1/sources",
        json=submit(title="Lentil soup", genre="blog", text=OFF_TOPIC, annotate=True),
        headers=curator,
    )
    assert made.status_code == 201, made.text
    summary = made.json()["annotation"]
    assert summary["on_topic"] is False
    assert summary["stances"] == summary["claims"] == summary["mentions"] == 0
    assert proposed_rows(engine, "lentil-soup")["stances"] == []


def test_without_annotate_nothing_is_proposed(
    client: TestClient, curator: dict[str, str], engine: Engine
) -> None:
    made = client.post("/v1/sources", json=submit(text=ARTICLE), headers=curator)
    assert made.status_code == 201, made.text
    assert made.json()["annotation"] is None
    rows = proposed_rows(engine, "shells-by-train")
    assert rows["stances"] == rows["mentions"] == []


BAD = [
    (submit(text="   \n\t ", annotate=True), "text"),
    (submit(text="%PDF-1.7\x01\x02\x03binary", annotate=True), "text"),
    (submit(text="a NUL \x00 inside", annotate=True), "text"),
    (submit(annotate=True), "text"),
    (submit(text=ARTICLE, html=PAGE, annotate=True), "text"),
    ({"genre": "news", "annotate": True, "html": "<html><nav>Home</nav></html>"}, "html"),
    ({"genre": "news", "annotate": True, "html": "no markup, only words"}, "html"),
    ({"genre": "news", "annotate": True, "text": ARTICLE, "language": "en"}, "title"),
    (submit(text=ARTICLE, annotate="yes please"), "annotate"),
]


@pytest.mark.parametrize(("body", "field"), BAD)
def test_bad_input_is_a_problem_naming_the_field_and_stores_nothing(
    client: TestClient, curator: dict[str, str], engine: Engine, body: dict, field: str
) -> None:
    before = counts(engine)
    assert_problem(client.post("/v1/sources", json=body, headers=curator), 422, field=field)
    assert counts(engine) == before


@pytest.fixture
def small_client(database_url: str) -> Iterator[TestClient]:
    settings = Settings(database_url=database_url, seeds_dir=SEEDS, annotate_max_chars=500)
    with TestClient(create_app(settings), raise_server_exceptions=False) as test_client:
        yield test_client


def test_over_the_annotate_limit_is_413_and_stores_nothing(
    small_client: TestClient, curator: dict[str, str], engine: Engine
) -> None:
    before = counts(engine)
    refused = small_client.post(
        "/v1/sources", json=submit(text=ARTICLE, annotate=True), headers=curator
    )
    body = assert_problem(refused, 413, field="text")
    assert "CLAIMSDB_ANNOTATE_MAX_CHARS" in body["detail"]
    assert counts(engine) == before
    # the limit is the pipeline's: the same text is stored without annotate
    plain = small_client.post("/v1/sources", json=submit(text=ARTICLE), headers=curator)
    assert plain.status_code == 201, plain.text


def test_a_missing_model_is_503_and_stores_nothing(
    database_url: str, curator: dict[str, str], engine: Engine
) -> None:
    settings = Settings(database_url=database_url, seeds_dir=SEEDS, spacy_model="no_such_model")
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        before = counts(engine)
        refused = client.post(
            "/v1/sources", json=submit(text=ARTICLE, annotate=True), headers=curator
        )
        assert "no_such_model" in assert_problem(refused, 503)["detail"]
        assert counts(engine) == before
        # everything else still works
        assert (
            client.post("/v1/sources", json=submit(text=ARTICLE), headers=curator).status_code
            == 201
        )


def test_annotate_needs_a_curate_key(client: TestClient, tokens: dict[str, str]) -> None:
    body = submit(text=ARTICLE, annotate=True)
    assert_problem(client.post("/v1/sources", json=body), 401)
    assert_problem(client.post("/v1/sources", json=body, headers=bearer(tokens["read"])), 403)
