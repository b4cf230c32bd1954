"""The web pages in a real headless Chromium (Debian's, driven by Playwright from PyPI through
``executable_path``: Playwright's own browser download is not used). Every seed stance is
highlighted exactly, a span opens its panel, hostile text runs nothing, no page breaks its
policy. With SCREENSHOTS=<folder> the tests save the README's screenshots there
(``SCREENSHOTS=docs/screenshots pytest tests/test_web_browser.py``)."""

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.config import Settings
from app.core.auth import create_key
from app.core.db import make_engine, run_write, upgrade
from app.main import create_app
from app.models import Scope
from app.seeds.sync import seed
from tests.conftest import SEEDS
from tests.support import serving

playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="chromium is not installed (apt-get install chromium): browser tests skipped",
)
SEED_SOURCES = [
    "kim-alliance-counter-china",
    "nk-russia-alliance-worry-china",
    "putin-kim-unity-pyongyang",
    "russia-kim-whats-going-on",
]
LONGEST = "russia-kim-whats-going-on"
LANKOV = "st-f0b734bc890fa704"  # Andrei Lankov opposes, in putin-kim-unity-pyongyang
SOURCE_UNDER_REVIEW = "putin-kim-unity-pyongyang"
TIMEOUT = 60  # seconds: a write waits its turn on a machine busy with other work
# each stance id's pieces in the reader's text, joined
JOINED = """() => {
  const joined = {};
  for (const piece of document.querySelectorAll("#text [data-stance-id]")) {
    const id = piece.dataset.stanceId;
    joined[id] = (joined[id] || "") + piece.textContent;
  }
  return joined;
}"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """A seeded database served on a free port, and a curator's key for it."""
    url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'web.db'}"
    engine = make_engine(url)
    upgrade(engine)
    seed(engine, SEEDS)
    key = run_write(engine, lambda s: create_key(session=s, name="web", scope=Scope.curate)[1])
    engine.dispose()
    with serving(create_app(Settings(database_url=url, seeds_dir=SEEDS))) as base:
        yield {"base": base, "key": key}


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright.sync_playwright() as driver:
        launched = driver.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh page whose console errors (a script error, a policy violation) fail the test."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    opened = context.new_page()
    problems: list[str] = []
    opened.on("pageerror", lambda error: problems.append(str(error)))
    opened.on("console", lambda message: problems.append(message.text) if broken(message) else 0)
    opened.on(
        "response",
        lambda response: (
            problems.append(f"{response.status} {response.url}")
            if response.status >= 400 and response.request.resource_type != "document"
            else 0
        ),
    )
    opened.on(
        "dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"), dialog.dismiss())
    )
    yield opened
    context.close()
    assert problems == []


def broken(message: Any) -> bool:
    """A console error, but for the one a page answering 404 logs (its subresources that
    fail are caught by their responses)."""
    return message.type == "error" and not message.text.startswith("Failed to load resource")


def screenshot(page: Any, name: str) -> None:
    folder = os.environ.get("SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"))


def api(site: dict[str, str], path: str, **params: Any) -> Any:
    response = httpx.get(site["base"] + path, params=params, timeout=TIMEOUT)
    response.raise_for_status()
    return response.json()


def stance_quotes(site: dict[str, str], source_id: str) -> dict[str, str]:
    spans, cursor = [], None
    while True:
        found = api(
            site, f"/v1/sources/{source_id}/annotations", **({"cursor": cursor} if cursor else {})
        )
        spans += found["items"]
        cursor = found["next_cursor"]
        if cursor is None:
            return {span["id"]: span["quote"] for span in spans if span["kind"] == "stance"}


@pytest.mark.parametrize("source_id", SEED_SOURCES)
def test_every_seed_stance_is_highlighted_exactly(
    site: dict[str, str], page: Any, source_id: str
) -> None:
    page.goto(f"{site['base']}/sources/{source_id}")
    assert page.evaluate(JOINED) == stance_quotes(site, source_id)
    text = api(site, f"/v1/sources/{source_id}")["text"]
    assert page.locator("#text").text_content() == text
    # every piece takes room on the page: none is hidden by another
    hidden = page.evaluate(
        """() => [...document.querySelectorAll("#text [data-stance-id]")]
            .filter((piece) => piece.getClientRects().length === 0).length"""
    )
    assert hidden == 0
    if source_id == "kim-alliance-counter-china":
        screenshot(page, "reader")


def test_the_spans_after_the_emoji_match_in_the_browser(site: dict[str, str], page: Any) -> None:
    source_id = "kim-alliance-counter-china"
    text = api(site, f"/v1/sources/{source_id}")["text"]
    emoji = text.index("👇")
    after = {
        span["id"]: span["quote"]
        for span in api(site, f"/v1/sources/{source_id}/annotations", limit=500)["items"]
        if span["kind"] == "stance" and span["start"] > emoji
    }
    assert after
    page.goto(f"{site['base']}/sources/{source_id}")
    joined = page.evaluate(JOINED)
    assert {stance_id: joined[stance_id] for stance_id in after} == after


def test_a_clicked_span_shows_its_stance_and_the_other_sources(
    site: dict[str, str], page: Any
) -> None:
    page.goto(f"{site['base']}/sources/putin-kim-unity-pyongyang")
    assert page.locator("#panel").is_hidden()
    page.locator(f"#s-{LANKOV}").click()
    panel = page.locator("#panel")
    assert panel.is_visible()
    claim = api(site, "/v1/claims/russia-will-transfer-military-tech-to-nk")
    lankov = next(s for s in claim["stances"] if s["id"] == LANKOV)
    for words in ("opposes", "Andrei Lankov", "reported", "probable", claim["text"]):
        assert words in panel.text_content()
    assert lankov["provenance"]["quote"] in panel.locator("blockquote").text_content()
    elsewhere = [
        s for s in claim["stances"] if s["provenance"]["source_id"] != "putin-kim-unity-pyongyang"
    ]
    others = page.locator("#panel-others li")
    others.first.wait_for()
    assert others.count() == len(elsewhere) > 0
    selected = page.locator(f'#text [data-stance-id="{LANKOV}"].selected')
    assert selected.count() == page.locator(f'#text [data-stance-id="{LANKOV}"]').count()
    screenshot(page, "reader-panel")


def test_keyboard_focus_and_a_span_link_open_the_panel(site: dict[str, str], page: Any) -> None:
    page.goto(f"{site['base']}/sources/putin-kim-unity-pyongyang")
    page.keyboard.press("Tab")  # the skip past the header's links and search box
    for _ in range(40):
        if page.evaluate("document.activeElement.dataset.stanceId") is not None:
            break
        page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.dataset.stanceId")
    assert focused is not None
    assert page.locator("#panel").is_visible()
    page.goto(f"{site['base']}/sources/putin-kim-unity-pyongyang#s-{LANKOV}")
    page.locator(f'[data-stance-id="{LANKOV}"].selected').first.wait_for()
    assert "Andrei Lankov" in page.locator("#panel").text_content()
    assert page.locator(f"#s-{LANKOV}").is_visible()
    box = page.locator(f"#s-{LANKOV}").bounding_box()
    assert 0 <= box["y"] < 900  # scrolled into view


def test_the_longest_article_is_usable_within_a_second(site: dict[str, str], page: Any) -> None:
    """From the request to the page loaded (styled, script run), then a click to its panel,
    as the browser clocks them: the best of three visits after a first (the server compiles
    its statements on that one), so that a machine busy with other work does not decide."""
    page.goto(f"{site['base']}/sources/{LONGEST}")
    visits = []
    for _ in range(3):
        page.goto(f"{site['base']}/sources/{LONGEST}")
        loaded = page.evaluate('performance.getEntriesByType("navigation")[0].loadEventEnd')
        clicked = page.evaluate(
            """() => {
                const started = performance.now();
                document.querySelector("#text [data-stance-id]").click();
                if (document.getElementById("panel").hidden) return null;
                return performance.now() - started;
            }"""
        )
        assert clicked is not None
        visits.append((loaded + clicked, loaded, clicked))
    assert len(page.evaluate(JOINED)) == 141
    usable, loaded, clicked = min(visits)
    assert usable < 1000, f"loaded in {loaded:.0f} ms, panel in {clicked:.0f} ms"
    print(f"reader of {LONGEST}: loaded in {loaded:.0f} ms, panel in {clicked:.1f} ms")


def test_hostile_text_runs_nothing(site: dict[str, str], page: Any) -> None:
    hostile = '<script>alert("x")</script> "onmouseover=alert(1) x=" <img src=x onerror=alert(2)>'
    body = {
        "id": "hostile-browser",
        "title": hostile,
        "genre": "blog",
        "language": "en",
        "text": f"Before. {hostile} After.\n",
    }
    made = httpx.post(
        f"{site['base']}/v1/sources",
        json=body,
        headers={"Authorization": f"Bearer {site['key']}"},
        timeout=TIMEOUT,
    )
    assert made.status_code == 201, made.text
    page.goto(f"{site['base']}/sources/hostile-browser")
    page.locator("#text").hover()
    assert page.locator("#text").text_content() == body["text"]
    assert page.locator("h1").text_content() == hostile
    assert page.locator("script").count() == 2  # the data block and reader.js
    assert page.locator("#text img").count() == 0


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("/", "home"),
        ("/claims/nk-russia-alliance-strategic-masterstroke", "claim"),
        ("/actors/andrei-lankov", "actor"),
        ("/search?q=artillery", "search"),
        ("/sources/no-such-source", None),
    ],
)
def test_each_page_renders_within_its_policy(
    site: dict[str, str], page: Any, path: str, name: str | None
) -> None:
    response = page.goto(f"{site['base']}{path}")
    assert response.status == (404 if name is None else 200)
    assert page.locator("h1").count() == 1
    if name:
        screenshot(page, name)


def propose(site: dict[str, str], quote: str) -> str:
    """A candidate stance in putin-kim-unity-pyongyang, as the pipeline would propose it."""
    proposed = {
        "claim": "russia-will-transfer-military-tech-to-nk",
        "source_id": "putin-kim-unity-pyongyang",
        "quote": quote,
        "label": "questions",
        "holder": "andrei-lankov",
        "attribution": "reported",
        "certainty": "possible",
        "review_status": "candidate",
    }
    made = httpx.post(
        f"{site['base']}/v1/stances",
        json=proposed,
        headers={"Authorization": f"Bearer {site['key']}"},
        timeout=TIMEOUT,
    )
    assert made.status_code == 201, made.text
    return made.json()["id"]


def test_review_accepts_corrects_and_rejects_through_the_api(
    site: dict[str, str], page: Any
) -> None:
    first = propose(site, "Andrei Lankov, director")
    second = propose(site, "doubts Russia will provide")
    third = propose(site, "substantial military technology")
    page.goto(f"{site['base']}/review/putin-kim-unity-pyongyang")
    cards = page.locator(".candidate")
    assert [cards.nth(i).get_attribute("data-stance-id") for i in range(3)] == [
        first,
        second,
        third,
    ]  # text order
    page.keyboard.press("a")  # no key yet: nothing is sent
    assert "API key" in cards.nth(0).locator(".result").text_content()
    page.fill("#key", site["key"])
    page.press("#key", "Enter")
    assert page.evaluate("sessionStorage.getItem('claimsdb.key')") == site["key"]
    assert page.locator("#key").input_value() == ""  # kept for the session, not on the page

    cards.nth(0).focus()
    page.keyboard.press("a")
    page.locator(f'.candidate.accepted[data-stance-id="{first}"]').wait_for()
    page.keyboard.press("r")  # the next one is current now
    page.locator(f'.candidate.rejected[data-stance-id="{second}"]').wait_for()
    page.keyboard.press("c")
    card = cards.nth(2)
    card.locator("select[name=label]").select_option("opposes")
    card.locator("select[name=certainty]").select_option("probable")
    card.locator("button[type=submit]").click()
    page.locator(f'.candidate.accepted[data-stance-id="{third}"]').wait_for()
    screenshot(page, "review")

    def stance(stance_id: str) -> dict[str, Any]:
        listed = api(site, "/v1/stances", review_status="rejected", source_id=SOURCE_UNDER_REVIEW)
        rejected = {s["id"]: s for s in listed["items"]}
        return rejected.get(stance_id) or api(site, f"/v1/stances/{stance_id}")

    assert stance(first)["review_status"] == "accepted"
    assert stance(second)["review_status"] == "rejected"
    corrected = stance(third)
    assert (corrected["review_status"], corrected["label"], corrected["certainty"]) == (
        "accepted",
        "opposes",
        "probable",
    )


def decide_after_a_change(
    site: dict[str, str], page: Any, path: str, change: dict[str, Any], card: Any
) -> None:
    """Change the record at ``path`` behind the open review page's back, then accept its
    card: the page must say it changed (its If-Match names the version it showed)."""
    changed = httpx.patch(
        site["base"] + path,
        json=change,
        headers={
            "Authorization": f"Bearer {site['key']}",
            "If-Match": httpx.get(site["base"] + path, timeout=TIMEOUT).headers["etag"],
        },
        timeout=TIMEOUT,
    )
    assert changed.status_code == 200, changed.text
    card.locator("button[data-action=accept]").click()
    page.wait_for_function(
        "(card) => card.querySelector('.result').textContent.startsWith('Changed')",
        arg=card.element_handle(),
    )
    assert api(site, path)["review_status"] == "candidate"


def test_review_refuses_a_decision_on_a_changed_stance(site: dict[str, str], page: Any) -> None:
    proposed = propose(site, "potential future problems")
    page.goto(f"{site['base']}/review/putin-kim-unity-pyongyang")
    page.evaluate(f"sessionStorage.setItem('claimsdb.key', {site['key']!r})")
    card = page.locator(f'.candidate[data-stance-id="{proposed}"]')
    decide_after_a_change(site, page, f"/v1/stances/{proposed}", {"certainty": "certain"}, card)
