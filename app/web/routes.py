"""The web pages: server-rendered HTML beside /v1, read through the API's own functions
(app/web/reads.py), with plain CSS and a little JavaScript served from /static."""

import re
from collections import Counter
from collections.abc import Callable, Coroutine
from http import HTTPStatus
from pathlib import Path
from typing import Any

import orjson
from fastapi import Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, RedirectResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.core.errors import MovedPermanently, ProblemError, field_errors
from app.core.routing import ReadRoute, ResourceRouter
from app.web import reads, spans

HERE = Path(__file__).parent
STATIC = HERE / "static"
# scripts and styles from this server only, none inline; fetch() to this server's /v1 only
PAGE_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
LABELS = ("supports", "opposes", "questions", "neutral")
REVIEW_PAGE = 100  # candidates per review page
# what the reader's panel shows of a stance (app/web/static/reader.js)
PANEL = ("id", "claim", "label", "holder", "attribution", "certainty", "quote", "start", "end")

templates = Environment(
    loader=FileSystemLoader(HERE / "templates"),
    autoescape=select_autoescape(default=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
templates.globals |= {"labels": LABELS, "signs": spans.LABEL_SIGNS}


def embedded_json(value: Any) -> Markup:
    """JSON for a ``<script type="application/json">`` block: no ``<``, ``>`` or ``&`` left
    that could end the block or open a comment, whatever the texts hold."""
    raw = orjson.dumps(value).decode()
    return Markup(raw.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


templates.filters["embedded_json"] = embedded_json


def page(template: str, code: int = 200, **context: Any) -> HTMLResponse:
    html = templates.get_template(template).render(**context)
    return HTMLResponse(html, code, headers={"Content-Security-Policy": PAGE_POLICY})


def error_page(status: int, detail: str, errors: list[tuple[str, str]] | None = None) -> Response:
    title = HTTPStatus(status).phrase
    return page("error.html", status, title=title, status=status, detail=detail, errors=errors)


class PageRoute(ReadRoute):
    """A page: an error is answered as a page too, not as problem+json."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def as_page(request: Request) -> Response:
            try:
                return await handler(request)
            except reads.Invalid as error:
                return error_page(
                    422, "This page's address asks for something invalid.", error.errors
                )
            except RequestValidationError as error:
                found = [(e.field, e.message) for e in field_errors(error)]
                return error_page(422, "This page's address asks for something invalid.", found)
            except ProblemError as error:
                found = [(e.field, e.message) for e in getattr(error, "errors", None) or []]
                return error_page(error.status, error.detail, found or None)
            except StarletteHTTPException as error:
                return error_page(error.status_code, str(error.detail))

        return as_page


router = ResourceRouter(prefix="", tags=["pages"], route_class=PageRoute, include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
async def home(request: Request, cursor: str | None = None) -> Response:
    """The sources, the most contested claims, a search box."""
    listed = await reads.source_list(request, limit=100, cursor=cursor, sort="title")
    contested = await reads.claim_list(request, contested=True, sort="-stance_count", limit=20)
    return page("home.html", sources=listed, contested=contested["items"])


@router.get("/sources/{source_id}", response_class=HTMLResponse)
async def reader(request: Request, source_id: str, at: str | None = None) -> Response:
    """A source's text with every stance and mention highlighted, and its claims in order;
    ``at=<start>-<end>`` marks a passage (a search hit) and the page scrolls to it."""
    source, furniture = await reads.source(request, source_id)
    found, truncated = await reads.annotations(request, source_id)
    marks = spans.marks(found)
    if at is not None:
        marks.append(passage(at, len(source["text"])))
    stances = [item for item in found if item["kind"] == "stance"]
    claims: dict[str, dict[str, Any]] = {}
    for stance in stances:  # in text order: the article's claims as it makes them
        claims.setdefault(stance["claim"]["id"], {"claim": stance["claim"], "stances": []})
        claims[stance["claim"]["id"]]["stances"].append(stance)
    return page(
        "source.html",
        source=source,
        text=spans.highlighted(source["text"], marks, furniture),
        claims=list(claims.values()),
        stances={stance["id"]: {k: stance[k] for k in PANEL} for stance in stances},
        mention_count=len(found) - len(stances),
        truncated=truncated,
    )


def passage(at: str, length: int) -> spans.Mark:
    """The passage ``at`` names (``<start>-<end>``, code points) in a text of ``length``."""
    found = re.fullmatch(r"([0-9]{1,9})-([0-9]{1,9})", at)
    if found is None or not int(found[1]) < int(found[2]) <= length:
        raise reads.Invalid([("at", f"should be <start>-<end> within the text (0-{length})")])
    return spans.Mark("passage", "found", int(found[1]), int(found[2]))


@router.get("/claims/{claim_id}", response_class=HTMLResponse)
async def claim(request: Request, claim_id: str) -> Response:
    """A claim, its actors, and every stance on it across sources grouped by label."""
    found = await reads.contestation(request, claim_id)
    groups = {label: found[label] for label in LABELS}
    return page("claim.html", **found, groups=groups)


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
async def actor(request: Request, actor_id: str) -> Response:
    """An actor, its aliases, the claims it holds a stance on, and those it takes part in."""
    try:
        found = await reads.actor(request, actor_id)
    except MovedPermanently as error:
        return RedirectResponse(f"/actors/{reads.merged_into(error)}", 308)
    held = {
        label: await reads.claim_list(request, holder_id=actor_id, label=label, limit=20)
        for label in LABELS
    }
    involved = await reads.claim_list(request, actor_id=actor_id, limit=20)
    return page("actor.html", actor=found, held=held, involved=involved)


@router.get("/search", response_class=HTMLResponse)
async def search(
    request: Request, q: str | None = None, kind: str | None = None, cursor: str | None = None
) -> Response:
    """Search claims, passages and actors; each hit links into the pages."""
    hits = None
    if q is not None and q.strip():
        hits = await reads.search_hits(request, q=q, kind=kind, cursor=cursor)
    return page("search.html", q=q or "", kind=kind, hits=hits)


@router.get("/review", response_class=HTMLResponse)
async def review(request: Request, cursor: str | None = None) -> Response:
    """The sources, each with a link to the review of what was proposed in it."""
    listed = await reads.source_list(request, limit=100, cursor=cursor, sort="title")
    return page("review.html", sources=listed)


@router.get("/review/{source_id}", response_class=HTMLResponse)
async def review_source(request: Request, source_id: str, cursor: str | None = None) -> Response:
    """A source's review queue in text order: its candidate stances and mentions, and the
    candidate actors they name, each to accept, correct or reject."""
    source, _ = await reads.source(request, source_id)
    queue = await reads.review_queue(request, source_id, limit=REVIEW_PAGE, cursor=cursor)
    # the claims the candidates restate, candidates themselves or not: one list, bounded
    claims = await reads.claim_list(request, source_id=source_id, limit=500)
    cards = review_cards(queue["items"])
    return page(
        "review_source.html",
        source=source,
        cards=cards,
        counts=Counter(card["kind"] for card in cards),
        claims={claim["id"]: claim for claim in claims["items"]},
        next_cursor=queue["next_cursor"],
    )


def review_cards(proposals: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The queue's proposals, each candidate actor once as a card of its own, just before
    the first proposal naming it: what its mentions and stances stand on comes first."""
    cards: list[dict[str, Any]] = []
    seen: set[str] = set()
    for proposal in proposals:
        named = [actor["id"] for actor in proposal["actors"]]
        for actor in proposal["actors"]:
            if actor["id"] not in seen:
                seen.add(actor["id"])
                cards.append({"kind": "actor", "id": actor["id"], "actor": actor, "named": []})
        cards.append({**proposal, "named": named})
    return cards
