"""The web pages as a client gets them: every seed stance highlighted exactly, texts escaped,
a policy that runs no inline script, errors as pages. (tests/test_web_browser.py checks the
same in Chromium, with the panel and the review flow.)"""

from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient

from app.web.spans import Mark, highlighted
from tests.conftest import bearer
from tests.support import all_items

SEED_SOURCES = [
    "kim-alliance-counter-china",
    "nk-russia-alliance-worry-china",
    "putin-kim-unity-pyongyang",
    "russia-kim-whats-going-on",
]
VOID = {"br", "img", "input", "link", "meta", "hr"}


class Highlights(HTMLParser):
    """The text of the reader's ``#text`` element, and each stance's pieces joined."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, str | None, bool]] = []  # tag, stance id, inside #text
        self.text: list[str] = []
        self.stances: dict[str, str] = {}
        self.anchors: set[str] = set()
        self.scripts: list[dict[str, str | None]] = []
        self.attributes: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.attributes |= found.keys()
        if tag == "script":
            self.scripts.append(found)
        if tag in VOID:
            return
        inside = found.get("id") == "text" or bool(self.stack and self.stack[-1][2])
        stance = found.get("data-stance-id")
        if stance and found.get("id") == f"s-{stance}":
            self.anchors.add(stance)
        self.stack.append((tag, stance, inside))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        opened, _, _ = self.stack.pop()
        assert opened == tag, f"</{tag}> closes <{opened}>"

    def handle_data(self, data: str) -> None:
        if not self.stack or not self.stack[-1][2]:
            return
        self.text.append(data)
        for _, stance, _ in self.stack:
            if stance is not None:
                self.stances[stance] = self.stances.get(stance, "") + data


def parsed(html: str) -> Highlights:
    parser = Highlights()
    parser.feed(html)
    parser.close()
    return parser


@pytest.mark.parametrize("source_id", SEED_SOURCES)
def test_every_seed_stance_is_highlighted_exactly(client: TestClient, source_id: str) -> None:
    response = client.get(f"/sources/{source_id}")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    page = parsed(response.text)
    source = client.get(f"/v1/sources/{source_id}").json()
    assert "".join(page.text) == source["text"]
    spans = all_items(client, f"/v1/sources/{source_id}/annotations")
    stances = {span["id"]: span["quote"] for span in spans if span["kind"] == "stance"}
    assert stances
    assert page.stances == stances
    assert page.anchors == set(stances)  # each has its #s-<id>


def test_the_spans_after_an_emoji_are_not_shifted(client: TestClient) -> None:
    """👇 is one code point and two UTF-16 units: cut anywhere but in Python, every span
    after it would be off by one."""
    source = client.get("/v1/sources/kim-alliance-counter-china").json()
    emoji = source["text"].index("👇")
    spans = all_items(client, "/v1/sources/kim-alliance-counter-china/annotations")
    after = [s for s in spans if s["kind"] == "stance" and s["start"] > emoji]
    assert after
    page = parsed(client.get("/sources/kim-alliance-counter-china").text)
    for span in after:
        assert page.stances[span["id"]] == source["text"][span["start"] : span["end"]]


def test_overlapping_and_nested_stances_all_stay_visible() -> None:
    text = "ab👇cdefgh[ad]"
    marks = [
        Mark("stance", "outer", 0, 9, "supports"),
        Mark("stance", "inner", 3, 5, "opposes"),
        Mark("stance", "cross", 4, 7, "questions"),
        Mark("mention", "m1", 1, 4, title="<Kim>"),
    ]
    page = parsed(f'<div id="text">{highlighted(text, marks, [(9, 13)])}</div>')
    assert "".join(page.text) == text
    assert page.stances == {"outer": text[0:9], "inner": text[3:5], "cross": text[4:7]}
    assert page.anchors == {"outer", "inner", "cross"}
    html = str(highlighted(text, marks, [(9, 13)]))
    assert 'title="&lt;Kim&gt;"' in html
    assert '<span class="furniture" title="page furniture">[ad]</span>' in html


HOSTILE = '<script>alert("x")</script> and "onmouseover=alert(1) x=" and </script><!--'


def test_texts_are_escaped_everywhere(client: TestClient, tokens: dict[str, str]) -> None:
    curator = bearer(tokens["curate"])
    text = f"A hostile text: {HOSTILE}. It ends here.\n"
    source = {
        "id": "hostile-text",
        "title": f"Title {HOSTILE}",
        "url": "javascript:alert(3)",
        "genre": "blog",
        "language": "en",
        "text": text,
    }
    assert client.post("/v1/sources", json=source, headers=curator).status_code == 201
    claim = {
        "id": "hostile-claim",
        "text": f"The claim {HOSTILE}",
        "claim_type": "factual",
        "topics": [],
        "actors": [],
    }
    assert client.post("/v1/claims", json=claim, headers=curator).status_code == 201
    stance = {
        "claim": "hostile-claim",
        "source_id": "hostile-text",
        "quote": HOSTILE,
        "label": "opposes",
        "holder": None,
        "attribution": "author",
        "certainty": "possible",
    }
    assert client.post("/v1/stances", json=stance, headers=curator).status_code == 201
    for path in ("/sources/hostile-text", "/claims/hostile-claim", "/", "/search?q=hostile"):
        html = client.get(path).text
        assert '<script>alert("x")' not in html, path
        assert "<!--" not in html, path
        page = parsed(html)
        assert not {name for name in page.attributes if name.startswith("on")}, path
        assert all(script.get("src") or script.get("type") for script in page.scripts), path
    reader = client.get("/sources/hostile-text").text
    assert 'href="javascript:' not in reader
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in reader
    page = parsed(reader)
    assert "".join(page.text) == text
    assert list(page.stances.values()) == [HOSTILE]
    # the stances' data block ends where the page means it to, whatever the texts hold
    assert reader.count("</script>") == len(page.scripts)


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/sources/putin-kim-unity-pyongyang",
        "/claims/nk-russia-alliance-strategic-masterstroke",
        "/actors/china",
        "/search?q=artillery",
        "/sources/nope",
    ],
)
def test_pages_run_scripts_from_this_server_only(client: TestClient, path: str) -> None:
    response = client.get(path)
    policy = dict(
        part.split(" ", 1) for part in response.headers["content-security-policy"].split("; ")
    )
    assert policy["default-src"] == "'none'"
    assert policy["script-src"] == "'self'"
    assert "http" not in response.headers["content-security-policy"]
    assert len(response.headers.get_list("content-security-policy")) == 1
    assert response.headers["x-frame-options"] == "DENY"
    for script in parsed(response.text).scripts:  # a file of this server, or inert data
        assert script.get("src", "").startswith("/static/") or (
            script.get("type") == "application/json"
        ), script


@pytest.mark.parametrize(
    ("path", "status", "words"),
    [
        ("/sources/no-such-source", 404, "no source with id"),
        ("/claims/no-such-claim", 404, "no claim with id"),
        ("/actors/no-such-actor", 404, "no actor with id"),
        ("/search?q=%22unbalanced", 422, "q"),
        ("/search?q=artillery&kind=sideways", 422, "kind"),
        ("/sources/putin-kim-unity-pyongyang?at=9-x", 422, "at"),
        ("/?cursor=%21%21", 422, "cursor"),
    ],
)
def test_errors_are_pages(client: TestClient, path: str, status: int, words: str) -> None:
    response = client.get(path)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
    assert words in response.text
    assert "Traceback" not in response.text


def test_home_lists_sources_and_contested_claims(client: TestClient) -> None:
    html = client.get("/").text
    for source_id in SEED_SOURCES:
        assert f'href="/sources/{source_id}"' in html
    contested = all_items(client, "/v1/claims", contested="true")
    assert contested
    for claim in contested[:20]:
        assert f'href="/claims/{claim["id"]}"' in html
    assert 'action="/search"' in html
    assert 'href="/docs"' in html


def test_claim_page_groups_every_stance_by_label(client: TestClient) -> None:
    claim_id = "nk-russia-alliance-strategic-masterstroke"
    html = client.get(f"/claims/{claim_id}").text
    contestation = client.get(f"/v1/claims/{claim_id}/contestation").json()
    assert contestation["contested"]
    assert "Contested" in html
    for label in ("supports", "opposes"):
        assert contestation[label]
        for stance in contestation[label]:
            link = f"/sources/{stance['source']['id']}#s-{stance['id']}"
            assert link in html


def test_actor_page_shows_positions_and_aliases(client: TestClient) -> None:
    html = client.get("/actors/andrei-lankov").text
    assert "Andrei Lankov" in html
    assert 'href="/claims/russia-will-transfer-military-tech-to-nk"' in html
    china = client.get("/actors/china").text
    assert "Beijing" in china  # an alias


def test_search_links_passages_into_the_reader(client: TestClient) -> None:
    html = client.get("/search", params={"q": '"strategic masterstroke"'}).text
    hit = client.get("/v1/search", params={"q": '"strategic masterstroke"', "kind": "passage"})
    passage = hit.json()["items"][0]
    link = f"/sources/{passage['source_id']}?at={passage['start']}-{passage['end']}#found"
    assert link in html
    # the phrase is highlighted as the engine marks it: one <mark> (SQLite) or one a word
    assert "<mark>strategic" in html
    assert "masterstroke</mark>" in html
    reader = client.get(link.split("#")[0]).text
    assert 'id="found"' in reader


def test_a_page_revalidated_keeps_its_policy(client: TestClient) -> None:
    """A browser takes a 304's headers for its cached copy: with the API's policy there, a
    page seen again would lose its stylesheet and script."""
    first = client.get("/sources/putin-kim-unity-pyongyang")
    again = client.get(
        "/sources/putin-kim-unity-pyongyang", headers={"If-None-Match": first.headers["etag"]}
    )
    assert again.status_code == 304
    assert again.headers.get_list("content-security-policy") == [
        first.headers["content-security-policy"]
    ]


def test_review_lists_a_sources_candidates_in_text_order(
    client: TestClient, tokens: dict[str, str]
) -> None:
    curator = bearer(tokens["curate"])
    source_id = "putin-kim-unity-pyongyang"
    for quote in ("doubts Russia will provide", "Andrei Lankov, director"):
        proposed = {
            "claim": "russia-will-transfer-military-tech-to-nk",
            "source_id": source_id,
            "quote": quote,
            "label": "questions",
            "holder": "andrei-lankov",
            "attribution": "reported",
            "certainty": "possible",
            "review_status": "candidate",
        }
        made = client.post("/v1/stances", json=proposed, headers=curator)
        assert made.status_code == 201, made.text
    html = client.get(f"/review/{source_id}").text
    stances = all_items(client, "/v1/stances", source_id=source_id, sort="position")
    candidates = [s["id"] for s in stances if s["review_status"] == "candidate"]
    assert len(candidates) == 2
    shown = [part.split('"', 1)[0] for part in html.split('data-stance-id="')[1:]]
    assert shown == candidates  # text order, and no accepted stance among them
    assert 'src="/static/review.js"' in html
    assert f'href="/review/{source_id}"' in client.get("/review").text
