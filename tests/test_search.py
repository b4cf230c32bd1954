"""Full-text search: the query language, the indexes and GET /v1/search, on the seed data.

Every HTTP test runs on SQLite and on PostgreSQL (the ``client`` fixture): both engines
must find the same things for the same query.
"""

from itertools import pairwise
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, delete, select, update
from sqlmodel import Session

from app import read_model
from app.core.db import downgrade
from app.core.reader import reading
from app.models import Actor, ActorAlias, Claim, Page, Passage, Source
from app.search import engine as search
from app.search import routes as search_routes
from app.search.engine import Kind
from app.search.language import fts5_expression, parse
from app.search.passages import MAX_PASSAGE_LENGTH, passage_rows
from app.search.routes import SearchHit
from tests.support import all_items, assert_problem, rebuild_read_model


def hits(client: TestClient, q: str, **params: Any) -> list[dict[str, Any]]:
    response = client.get("/v1/search", params={"q": q, "limit": 100, **params})
    assert response.status_code == 200, response.text
    return response.json()["items"]


def ids(found: list[dict[str, Any]], kind: str) -> set[str]:
    return {hit["id"] for hit in found if hit["kind"] == kind}


def sources_of(found: list[dict[str, Any]]) -> set[str]:
    return {hit["source_id"] for hit in found if hit["kind"] == "passage"}


# ---------------------------------------------------------------- the query language


@pytest.mark.parametrize(
    ("q", "meaning", "fts5"),
    [
        ("artillery", "artillery", '("artillery")'),
        ("  Artillery   SHELLS ", "Artillery SHELLS", '("artillery") AND ("shells")'),
        ('"strategic  masterstroke"', '"strategic masterstroke"', '("strategic masterstroke")'),
        ("sanction*", "sanction*", '("sanction"*)'),
        ("kim jong-un", 'kim "jong-un"', '("kim") AND ("jong un")'),
        ("Korea's Kim\u2019s U.S.", 'Korea Kim "U.S."', '("korea") AND ("kim") AND ("u s")'),
        (
            "russia shells OR ammunition -ukraine",
            "russia shells OR ammunition -ukraine",
            '(("russia") AND ("shells" OR "ammunition")) NOT "ukraine"',
        ),
        ('alliance -"north korea"', 'alliance -"north korea"', '(("alliance")) NOT "north korea"'),
        # stop words are left out: PostgreSQL indexes none of them
        ("the artillery of a war", "artillery war", '("artillery") AND ("war")'),
        ("the OR artillery", "artillery", '("artillery")'),
        # FTS5 and tsquery operators are plain text to us: only their words are searched
        ("NEAR(shells, 2) ^russia col:x & !y", None, None),
    ],
)
def test_parse_and_render(q: str, meaning: str | None, fts5: str | None) -> None:
    query = parse(q=q)
    if meaning is not None:
        assert str(query) == meaning
    rendered = fts5_expression(query)
    if fts5 is not None:
        assert rendered == fts5
    # whatever the input, each FTS5 string holds only letters, digits and spaces
    strings = rendered.split('"')[1::2]
    assert all(part.replace(" ", "").isalnum() for part in strings), rendered


def test_parse_structure() -> None:
    query = parse(q='a1 b2 OR "c3 d4" OR e5* -f6 -"g7 h8"')
    assert [[(t.text, t.prefix) for t in group] for group in query.groups] == [
        [("a1", False)],
        [("b2", False), ("c3 d4", False), ("e5", True)],
    ]
    assert [term.text for term in query.excluded] == ["f6", "g7 h8"]


@pytest.mark.parametrize(
    "q",
    [
        '"unbalanced',
        'artillery "strategic',
        "*",
        "artillery *",
        "sanc*tion",
        "-",
        "artillery -",
        "-artillery",
        "OR",
        "artillery OR",
        "OR artillery",
        "artillery OR OR shells",
        "artillery OR -shells",
        "the",
        "!!! ...",
        '""',
        "x" * 65,
        " ".join(f"w{n}" for n in range(33)),
    ],
)
def test_invalid_syntax(q: str) -> None:
    with pytest.raises(search.SearchSyntaxError) as raised:
        parse(q=q)
    assert raised.value.status == 422
    assert [error.field for error in raised.value.errors] == ["q"]


@pytest.mark.parametrize("q", ['"unbalanced', "*", "-", "the", "artillery OR"])
def test_invalid_syntax_is_a_422_naming_q(client: TestClient, q: str) -> None:
    body = assert_problem(client.get("/v1/search", params={"q": q}), 422, field="q")
    (error,) = body["errors"]
    assert error == {"field": "q", "location": "query", "message": error["message"],
                     "type": "search_syntax"}  # fmt: skip


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({}, "q"),
        ({"q": ""}, "q"),
        ({"q": "artillery", "limit": 501}, "limit"),
        ({"q": "artillery", "limit": 0}, "limit"),
        ({"q": "artillery", "kind": "stance"}, "kind"),
        ({"q": "artillery", "colour": "red"}, "colour"),
        ({"q": "artillery", "cursor": "bm90IGEgY3Vyc29y"}, "cursor"),
    ],
)
def test_invalid_parameters(client: TestClient, params: dict[str, Any], field: str) -> None:
    assert_problem(client.get("/v1/search", params=params), 422, field=field)


# ---------------------------------------------------------------- answers on the seed data


def test_a_word_finds_claims_and_passages(client: TestClient) -> None:
    found = hits(client, "artillery")
    assert "nk-supplies-artillery-to-russia" in ids(found, "claim")
    assert sources_of(found) == {"putin-kim-unity-pyongyang", "russia-kim-whats-going-on"}
    for hit in found:
        assert "<mark>" in hit["snippet"]
        assert "artillery" in hit["text"].lower()


def test_a_phrase_finds_the_masterstroke(client: TestClient) -> None:
    found = hits(client, '"strategic masterstroke"')
    assert ids(found, "claim") == {"nk-russia-alliance-strategic-masterstroke"}
    assert sources_of(found) == {"kim-alliance-counter-china"}
    assert all("strategic masterstroke" in hit["text"] for hit in found)
    # the words apart are no phrase
    assert not hits(client, '"masterstroke strategic"')


def test_a_prefix_matches_every_ending(client: TestClient) -> None:
    found = hits(client, "sanction*")
    marked = " ".join(hit["snippet"] for hit in found).lower()
    assert "<mark>sanctions</mark>" in marked
    assert "<mark>sanctioned</mark>" in marked
    assert "russia-heavily-sanctioned" in ids(found, "claim")
    assert ids(found, "claim") >= ids(hits(client, "sanctions"), "claim")


def test_an_actor_by_name_and_by_alias(client: TestClient) -> None:
    found = hits(client, "Lankov")
    (actor,) = [hit for hit in found if hit["kind"] == "actor"]
    assert actor["id"] == "andrei-lankov"
    assert actor["title"] == "Andrei Lankov"
    assert actor["snippet"] == "Andrei <mark>Lankov</mark>"
    assert sources_of(found) == {"putin-kim-unity-pyongyang"}

    (korea,) = hits(client, "pyongyang", kind="actor")
    assert korea["id"] == "north-korea"
    assert korea["title"] == "North Korea"
    assert korea["text"] == "Pyongyang"
    assert korea["snippet"] == "<mark>Pyongyang</mark>"


def test_excluded_words(client: TestClient) -> None:
    found = hits(client, "artillery -ukraine")
    assert found
    assert "nk-supplies-artillery-to-russia" not in ids(found, "claim")
    assert "trading-missile-tech-for-artillery-bad-deal" in ids(found, "claim")
    assert all("ukrain" not in hit["text"].lower() for hit in found)
    assert len(found) < len(hits(client, "artillery"))


def test_or_finds_either_side_of_a_contested_claim(client: TestClient) -> None:
    found = hits(client, "masterstroke OR transactional", kind="claim")
    assert ids(found, "claim") == {
        "nk-russia-alliance-strategic-masterstroke",
        "nk-russia-partnership-transactional",
    }


def test_passage_offsets_slice_the_source_text(client: TestClient) -> None:
    found = hits(client, "china", kind="passage")
    assert len(found) > 10
    texts: dict[str, str] = {}
    for hit in found:
        source_id = hit["source_id"]
        if source_id not in texts:
            texts[source_id] = client.get(f"/v1/sources/{source_id}").json()["text"]
        assert texts[source_id][hit["start"] : hit["end"]] == hit["text"]
        assert hit["title"]


def test_snippets_are_escaped_html_around_the_match(client: TestClient) -> None:
    (title,) = hits(client, '"russia & kim jong un"', kind="passage")
    assert title["text"] == "Russia & Kim Jong Un: What's Really Going On?"
    assert "&amp;" in title["snippet"]
    assert " & " not in title["snippet"]
    long_ones = [hit for hit in hits(client, "burning", kind="passage") if len(hit["text"]) > 240]
    assert long_ones
    for hit in long_ones:
        shown = hit["snippet"].replace("<mark>", "").replace("</mark>", "")
        assert len(shown.strip("…")) <= 240
        assert "<mark>" in hit["snippet"]


def test_ranked_in_a_stable_order(client: TestClient) -> None:
    found = hits(client, "russia china")
    assert {hit["kind"] for hit in found} == {"claim", "passage"}
    keys = [(-hit["score"], hit["kind"], hit["id"]) for hit in found]
    assert keys == sorted(keys)
    assert hits(client, "russia china") == found


def test_kind_limit_and_paging(client: TestClient) -> None:
    everything = hits(client, "korea", kind="claim")
    assert {hit["kind"] for hit in everything} == {"claim"}
    seen, cursor = [], None
    while True:
        params = {"q": "korea", "kind": "claim", "limit": 7}
        response = client.get("/v1/search", params=params | ({"cursor": cursor} if cursor else {}))
        assert response.status_code == 200, response.text
        body = response.json()
        assert len(body["items"]) <= 7
        seen += body["items"]
        cursor = body["next_cursor"]
        if cursor is None:
            assert "link" not in response.headers
            break
        assert 'rel="next"' in response.headers["link"]
    assert seen == everything


def add_claims(engine: Engine, texts: dict[str, str], retracted: set[str]) -> None:
    with Session(engine) as session:
        for id_, text in texts.items():
            session.add(Claim(id=id_, text=text, claim_type="factual"))
        session.commit()
        session.exec(update(Claim).where(Claim.id.in_(retracted)).values(status="retracted"))  # type: ignore[attr-defined]
        session.commit()
    rebuild_read_model(engine)


def every_page(client: TestClient, q: str, limit: int) -> list[dict[str, Any]]:
    seen, cursor = [], None
    while True:
        params = {"q": q, "kind": "claim", "limit": limit} | ({"cursor": cursor} if cursor else {})
        body = client.get("/v1/search", params=params).json()
        seen += body["items"]
        if (cursor := body["next_cursor"]) is None:
            return seen


def test_ties_come_in_id_order_and_retracted_claims_never_show(
    client: TestClient, engine: Engine
) -> None:
    # 150 claims of one text rank alike, more than SQLite fetches at first; inserted out of
    # id order, so that the index's own order is not the ids'. 30 shorter ones rank first.
    tied = {f"tie-{n * 37 % 150:03d}": "Quokkas were counted on the island." for n in range(150)}
    better = {f"top-{n:02d}": "Quokkas counted." for n in range(30)}
    retracted = {f"top-{n:02d}" for n in range(20)} | {"tie-000", "tie-005"}
    add_claims(engine, better | tied, retracted)
    found = every_page(client, "quokkas", limit=50)
    expected = sorted(better.keys() - retracted) + sorted(tied.keys() - retracted)
    assert [hit["id"] for hit in found] == expected
    scores = [hit["score"] for hit in found]
    assert scores == sorted(scores, reverse=True)
    assert len(set(scores[10:])) == 1


def test_a_page_takes_up_to_500_hits_and_ends_at_the_ranking_depth(
    client: TestClient, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    # each claim one word longer than the one before, so ranked below it
    texts = {
        f"kiwi-{n:03d}": "Kiwis seen " + " ".join(f"zq{i}" for i in range(n)) for n in range(150)
    }
    add_claims(engine, texts, set())
    whole = client.get("/v1/search", params={"q": "kiwis", "kind": "claim", "limit": 500}).json()
    assert [hit["id"] for hit in whole["items"]] == sorted(texts)
    assert whole["next_cursor"] is None
    monkeypatch.setattr(search_routes, "MAX_DEPTH", 60)
    assert every_page(client, "kiwis", limit=500) == whole["items"][:60]
    assert every_page(client, "kiwis", limit=50) == whole["items"][:60]  # pages of 50 and 10


def test_retracted_claims_ranked_first_are_passed_over(client: TestClient, engine: Engine) -> None:
    # each claim one word longer than the one before, so ranked below it; the best 150
    # retracted, many more than SQLite fetches at first
    texts = {
        f"wombat-{n:03d}": "Wombats dig " + " ".join(f"zq{i}" for i in range(n)) for n in range(200)
    }
    add_claims(engine, texts, {f"wombat-{n:03d}" for n in range(150)})
    found = hits(client, "wombats", kind="claim", limit=20)
    assert [hit["id"] for hit in found] == [f"wombat-{n:03d}" for n in range(150, 170)]
    assert all(a["score"] > b["score"] for a, b in pairwise(found))


def test_claim_snippets_are_escaped_html(client: TestClient, engine: Engine) -> None:
    add_claims(engine, {"test-markup": 'Tariffs <b>&</b> "quotas" rose.'}, set())
    (hit,) = hits(client, "tariffs quotas", kind="claim")
    assert hit["text"] == 'Tariffs <b>&</b> "quotas" rose.'
    assert (
        hit["snippet"]
        == '<mark>Tariffs</mark> &lt;b&gt;&amp;&lt;/b&gt; "<mark>quotas</mark>" rose.'
    )


def test_the_body_is_the_documented_model(client: TestClient) -> None:
    response = client.get("/v1/search", params={"q": "kim OR artillery", "limit": 100})
    body = response.json()
    assert {hit["kind"] for hit in body["items"]} == {"claim", "passage", "actor"}
    assert Page[SearchHit].model_validate(body).model_dump(mode="json") == body
    schema = client.get("/openapi.json").json()["paths"]["/v1/search"]["get"]["responses"]
    assert "SearchHit" in str(schema["200"])


def test_q_filters_the_claim_and_source_lists(client: TestClient) -> None:
    claims = all_items(client, "/v1/claims", q='"primarily transactional"')
    assert [claim["id"] for claim in claims] == ["nk-russia-partnership-transactional"]
    artillery = {claim["id"] for claim in all_items(client, "/v1/claims", q="artillery")}
    assert "nk-supplies-artillery-to-russia" in artillery
    held = all_items(client, "/v1/claims", q="artillery", holder_id="andrei-lankov")
    assert {claim["id"] for claim in held} <= artillery
    sources = all_items(client, "/v1/sources", q="lankov artillery")
    assert [source["id"] for source in sources] == ["putin-kim-unity-pyongyang"]
    assert all_items(client, "/v1/sources", q="artillery -ukraine") == []
    assert_problem(client.get("/v1/claims", params={"q": '"unbalanced'}), 422, field="q")
    assert_problem(client.get("/v1/sources", params={"q": "*"}), 422, field="q")


# ---------------------------------------------------------------- the service and the indexes


def test_claim_and_source_filters(engine: Engine) -> None:
    dialect = engine.dialect.name

    def claims(q: str) -> set[str]:
        where = Claim.id.in_(search.matching_claim_ids(dialect=dialect, query=parse(q=q)))  # type: ignore[attr-defined]
        with Session(engine) as session:
            return set(session.exec(select(Claim.id).where(where)).scalars())

    def sources(q: str) -> set[str]:
        where = Source.id.in_(search.matching_source_ids(dialect=dialect, query=parse(q=q)))  # type: ignore[attr-defined]
        with Session(engine) as session:
            return set(session.exec(select(Source.id).where(where)).scalars())

    assert claims('"primarily transactional"') == {"nk-russia-partnership-transactional"}
    assert "nk-supplies-artillery-to-russia" in claims("artillery")
    assert "nk-supplies-artillery-to-russia" not in claims("artillery -ukraine")
    assert sources("artillery") == {"putin-kim-unity-pyongyang", "russia-kim-whats-going-on"}
    assert sources("masterstroke") == {"kim-alliance-counter-china"}
    # a source matches as a whole: its words may sit in different paragraphs
    assert sources("lankov artillery") == {"putin-kim-unity-pyongyang"}
    assert sources("artillery -ukraine") == set()  # both articles name Ukraine somewhere


def found_ids(engine: Engine, q: str, kind: Kind) -> list[str]:
    with reading(engine) as db:
        return [hit.id for hit in search.search(db=db, query=parse(q=q), kinds=[kind], limit=100)]


def test_the_indexes_follow_writes(engine: Engine) -> None:
    with Session(engine) as session:
        session.add(Claim(id="test-claim", text="Zanzibar exports cloves.", claim_type="factual"))
        session.add(Actor(id="test-actor", name="Quuxland", name_key="quuxland", kind="state"))
        session.commit()
        session.add(ActorAlias(actor_id="test-actor", label="Quuxia", label_key="quuxia",
                               kind="metonym"))  # fmt: skip
        session.commit()
    assert found_ids(engine, "zanzibar", Kind.claim) == ["test-claim"]
    assert found_ids(engine, "quuxia", Kind.actor) == ["test-actor"]

    with Session(engine) as session:
        session.exec(
            update(Claim).where(Claim.id == "test-claim").values(text="Pemba grows cloves.")
        )
        session.exec(update(ActorAlias).where(ActorAlias.label == "Quuxia").values(label="Quuxa"))
        session.commit()
    assert found_ids(engine, "zanzibar", Kind.claim) == []
    assert found_ids(engine, "pemba", Kind.claim) == ["test-claim"]
    assert found_ids(engine, "quuxia", Kind.actor) == []
    assert found_ids(engine, "quuxa", Kind.actor) == ["test-actor"]

    with Session(engine) as session:
        session.exec(delete(Claim).where(Claim.id == "test-claim"))
        session.exec(delete(Actor).where(Actor.id == "test-actor"))  # its aliases cascade
        session.commit()
    assert found_ids(engine, "pemba", Kind.claim) == []
    assert found_ids(engine, "quuxland OR quuxa", Kind.actor) == []


def test_passages_go_with_their_source(engine: Engine) -> None:
    text = "A first paragraph about Xylophones.\n\nA second one."
    with Session(engine) as session:
        session.add(Source(id="test-source", title="T", genre="news", language="en", text=text,
                           text_sha256="0" * 64))  # fmt: skip
        session.flush()
        for row in passage_rows(source_id="test-source", text=text):
            session.add(Passage(**row))
        session.commit()
    assert len(found_ids(engine, "xylophone", Kind.passage)) == 1
    with Session(engine) as session:
        session.exec(delete(Source).where(Source.id == "test-source"))
        session.commit()
    assert found_ids(engine, "xylophone", Kind.passage) == []


def test_migrating_down_and_up_rebuilds_the_indexes(engine: Engine) -> None:
    before = {kind: found_ids(engine, "kim OR artillery", kind) for kind in Kind}
    assert all(before.values())
    downgrade(engine, "0001")
    read_model.migrate(engine)
    assert {kind: found_ids(engine, "kim OR artillery", kind) for kind in Kind} == before


# ---------------------------------------------------------------- passages


def test_passages_are_the_paragraphs_of_the_text(engine: Engine) -> None:
    with Session(engine) as session:
        texts = dict(session.exec(select(Source.id, Source.text)).all())
        in_order = select(Passage).order_by(Passage.source_id, Passage.start)
        stored = session.exec(in_order).scalars().all()
    assert len(stored) > 4
    for source_id, text in texts.items():
        rows = passage_rows(source_id=source_id, text=text)
        assert [row["id"] for row in rows] == [p.id for p in stored if p.source_id == source_id]
        covered = 0
        for row in rows:
            assert row["text"] == text[row["start"] : row["end"]]
            assert row["text"] == row["text"].strip()
            assert "\n" not in row["text"]
            assert text[covered : row["start"]].strip() == ""  # only space between passages
            covered = row["end"]
        assert text[covered:].strip() == ""


def test_a_long_paragraph_is_cut_after_a_sentence() -> None:
    sentence = "Seoul watches the border closely. "
    text = "Title\n" + sentence * 150 + "\nEnd."
    rows = passage_rows(source_id="s", text=text)
    assert rows[0]["text"] == "Title"
    assert rows[-1]["text"] == "End."
    middle = rows[1:-1]
    assert len(middle) > 2
    for row in middle:
        assert len(row["text"]) <= MAX_PASSAGE_LENGTH
        assert row["text"].endswith("closely.")
        assert text[row["start"] : row["end"]] == row["text"]
