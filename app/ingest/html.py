"""An article from a web page: its main text and what the page says about it.

trafilatura (a maintained extractor, used by research crawlers) drops navigation, ads,
footers, bylines and comment sections and keeps the article's paragraphs, one a line; the
title, author, publisher (the site's name) and publication date come from the page's
metadata (Open Graph, schema.org, <meta> and <title>). The text returned is what a source
stores, so it is what every offset of the annotation counts in.
"""

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

MIN_WORDS = 12  # fewer than this in the main text: a page with no article on it


class NoMainText(ValueError):
    """The page has no article text to extract (empty, chrome only, or not HTML)."""


@dataclass(frozen=True)
class Page:
    text: str
    title: str | None
    author: str | None
    publisher: str | None
    published_on: date | None
    date_precision: Literal["day"] | None
    date_note: str | None
    url: str | None
    language: str | None


def extract(html: str | bytes, *, url: str | None = None) -> Page:
    """The main text and metadata of an HTML page; ``NoMainText`` when it has none."""
    import trafilatura

    if isinstance(html, bytes):
        if b"\x00" in html[:4096]:
            raise NoMainText("the page is binary data, not HTML")
        html = html.decode("utf-8", errors="replace")
    if not html.strip():
        raise NoMainText("the page is empty")
    if not re.search(r"<\s*[a-zA-Z!]", html):
        raise NoMainText("the page has no HTML markup; send plain text as 'text'")
    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        # the date the page states, not one guessed from its text or its links
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = _clean(getattr(document, "text", None) or "")
    if len(text.split()) < MIN_WORDS:
        raise NoMainText(
            "no main text found in the page: it holds no article (navigation, ads or "
            "scripts only, or a text too short to annotate)"
        )
    published = _date(getattr(document, "date", None))
    return Page(
        text=text,
        title=_value(getattr(document, "title", None)),
        author=_value(getattr(document, "author", None)),
        publisher=_value(getattr(document, "sitename", None)),
        published_on=published,
        date_precision="day" if published else None,
        date_note="the publication date in the page's metadata" if published else None,
        url=_value(getattr(document, "url", None)) or url,
        language=_value(getattr(document, "language", None)) or _lang(html),
    )


def _clean(text: str) -> str:
    lines = [" ".join(line.split()) for line in text.replace("\r\n", "\n").split("\n")]
    return "\n".join(line for line in lines if line)


def _value(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _date(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _lang(html: str) -> str | None:
    found = re.search(r"<html[^>]*\blang=[\"']?([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)", html)
    return found.group(1) if found else None
