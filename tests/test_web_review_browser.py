"""The review page's candidate mentions and actors, in Chromium as tests/test_web_browser.py
drives it: each decided through the API with If-Match, by the same keys as stances, and
what a decision carries along (an accepted mention's actor, a rejected actor's mentions)
shown on the cards it decided."""

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from sqlalchemy import update

from app.config import Settings
from app.core.auth import create_key
from app.core.db import make_engine, run_write, upgrade
from app.main import create_app
from app.models import Actor, Mention, Scope
from app.seeds.sync import seed
from tests import test_web_browser as web
from tests.conftest import SEEDS
from tests.support import serving
from tests.test_web_browser import TIMEOUT, api, screenshot

# the browser, a page that fails the test on any console error, and the skip without Chromium
browser, page, pytestmark = web.browser, web.page, web.pytestmark

SOURCE = "putin-kim-unity-pyongyang"
# three actors the pipeline proposes, each named once in the source; Zed Holder also holds
# a candidate stance there
PROPOSED = {"zed-other": "Seoul", "zed-third": "Washington", "zed-holder": "Andrei Lankov"}


@pytest.fixture(scope="module")
def proposals(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """A seeded database with candidate actors, mentions and a stance, served, with a
    curator's key and the ids of what was proposed."""
    url = f"sqlite:///{tmp_path_factory.mktemp('review') / 'review.db'}"
    engine = make_engine(url)
    upgrade(engine)
    seed(engine, SEEDS)
    key = run_write(engine, lambda s: create_key(session=s, name="web", scope=Scope.curate)[1])
    engine.dispose()
    with serving(create_app(Settings(database_url=url, seeds_dir=SEEDS))) as base:
        made: dict[str, Any] = {"base": base, "key": key, "url": url}
        made["mentions"] = {
            actor_id: propose_mention(made, actor_id, quote) for actor_id, quote in PROPOSED.items()
        }
        stance = httpx.post(
            f"{base}/v1/stances",
            json={
                "claim": "russia-will-transfer-military-tech-to-nk",
                "source_id": SOURCE,
                "quote": "doubts Russia will provide",
                "label": "opposes",
                "holder": "zed-holder",
                "attribution": "paraphrased",
                "certainty": "probable",
                "review_status": "candidate",
            },
            headers={"Authorization": f"Bearer {key}"},
            timeout=TIMEOUT,
        )
        assert stance.status_code == 201, stance.text
        made["stance"] = stance.json()["id"]
        yield made


def propose_mention(proposals: dict[str, Any], actor_id: str, quote: str) -> str:
    """A candidate actor and its candidate mention at ``quote``, as the pipeline stores them."""
    curator = {"Authorization": f"Bearer {proposals['key']}"}
    base = proposals["base"]
    for path, body in (
        (
            "/v1/actors",
            {"id": actor_id, "name": actor_id.replace("-", " ").title(), "kind": "person"},
        ),
        ("/v1/mentions", {"actor": actor_id, "source_id": SOURCE, "quote": quote}),
    ):
        made = httpx.post(f"{base}{path}", json=body, headers=curator, timeout=TIMEOUT)
        assert made.status_code == 201, made.text
    mention_id: str = made.json()["id"]
    engine = make_engine(proposals["url"])
    with engine.begin() as connection:
        for table, record_id in ((Actor, actor_id), (Mention, mention_id)):
            connection.execute(
                update(table)
                .where(table.id == record_id)  # type: ignore[attr-defined]
                .values(review_status="candidate", extracted_by="test@1", confidence=0.6)
            )
    engine.dispose()
    return mention_id


def card_ids(shown: Any) -> list[tuple[str, str]]:
    found = shown.evaluate(
        "() => [...document.querySelectorAll('.candidate')]"
        ".map((card) => [card.dataset.kind, card.dataset.id])"
    )
    return [(kind, record_id) for kind, record_id in found]


def test_review_decides_mentions_and_actors_too(proposals: dict[str, Any], page: Any) -> None:
    mentions = proposals["mentions"]
    page.goto(f"{proposals['base']}/review/{SOURCE}")
    # text order, each candidate actor just before the first proposal naming it
    assert card_ids(page) == [
        ("actor", "zed-other"),
        ("mention", mentions["zed-other"]),
        ("actor", "zed-third"),
        ("mention", mentions["zed-third"]),
        ("actor", "zed-holder"),
        ("mention", mentions["zed-holder"]),
        ("stance", proposals["stance"]),
    ]
    page.fill("#key", proposals["key"])
    page.press("#key", "Enter")
    cards = page.locator(".candidate")

    def decided(kind: str, record_id: str, status: str) -> Any:
        card = page.locator(f'.candidate.{status}[data-kind="{kind}"][data-id="{record_id}"]')
        card.wait_for()
        return card

    # skip the actor, accept its mention: the actor is accepted with it, and shown so
    cards.nth(0).focus()
    page.keyboard.press("j")
    page.keyboard.press("a")
    decided("mention", mentions["zed-other"], "accepted")
    actor_card = decided("actor", "zed-other", "accepted")
    assert actor_card.locator(".result").text_content() == "accepted with the mention accepted"
    # the next open card is current: reject that actor, and its mention goes with it
    page.keyboard.press("r")
    decided("actor", "zed-third", "rejected")
    mention_card = decided("mention", mentions["zed-third"], "rejected")
    assert mention_card.locator(".result").text_content() == "rejected with the actor rejected"
    # correct an actor's name, then accept its mention and the stance it holds
    page.keyboard.press("c")
    card = cards.nth(4)
    card.locator("input[name=name]").fill("Zed Holder-Smith")
    card.locator("button[type=submit]").click()
    decided("actor", "zed-holder", "accepted")
    # every card naming the actor shows the corrected name (its mention, the stance it holds)
    for kind in ("mention", "stance"):
        named = page.locator(f'.candidate[data-kind="{kind}"] [data-actor-name="zed-holder"]')
        assert named.text_content() == "Zed Holder-Smith", kind
    page.keyboard.press("a")
    decided("mention", mentions["zed-holder"], "accepted")
    page.keyboard.press("a")
    decided("stance", proposals["stance"], "accepted")
    page.evaluate("window.scrollTo(0, 0)")
    screenshot(page, "review-mentions-actors")

    def status(path: str) -> str:
        return api(proposals, path)["review_status"]

    assert status("/v1/actors/zed-other") == "accepted"
    assert status(f"/v1/mentions/{mentions['zed-other']}") == "accepted"
    for rejected in ("/v1/actors/zed-third", f"/v1/mentions/{mentions['zed-third']}"):
        listed = api(proposals, rejected.rsplit("/", 1)[0], review_status="rejected")
        assert rejected.rsplit("/", 1)[1] in {item["id"] for item in listed["items"]}
    holder = api(proposals, "/v1/actors/zed-holder")
    assert (holder["review_status"], holder["name"]) == ("accepted", "Zed Holder-Smith")
    assert status(f"/v1/stances/{proposals['stance']}") == "accepted"
    # nothing left to review
    page.goto(f"{proposals['base']}/review/{SOURCE}")
    assert card_ids(page) == []


def test_a_changed_mention_is_not_decided_on(proposals: dict[str, Any], page: Any) -> None:
    """As with stances: If-Match carries the version the page showed."""
    mention = propose_mention(proposals, "zed-fourth", "NK News")
    page.goto(f"{proposals['base']}/review/{SOURCE}")
    page.evaluate(f"sessionStorage.setItem('claimsdb.key', {proposals['key']!r})")
    card = page.locator(f'.candidate[data-kind="mention"][data-id="{mention}"]')
    web.decide_after_a_change(
        proposals, page, f"/v1/mentions/{mention}", {"actor": "zed-holder"}, card
    )
