"""An article from a web page: main text, metadata, and pages with no article."""

from datetime import date

import pytest

from app.ingest import annotate
from app.ingest.evaluate import TEST_TEXTS, seed_database
from app.ingest.html import NoMainText, extract
from app.seeds.parse import read_seeds
from tests.conftest import SEEDS

PAGE = (TEST_TEXTS / "html" / "news-page.html").read_text(encoding="utf-8")


def test_main_text_without_the_page_chrome() -> None:
    page = extract(PAGE)
    assert "North Korea has shipped millions more artillery shells to Russia" in page.text
    assert "Analysts say the shipments may matter more" in page.text
    assert "👇" in page.text
    leftovers = [
        "Subscribe",
        "Advertisement",
        "All rights reserved",
        "Privacy policy",
        "Sign up for our Asia newsletter",
        "window.dataLayer",
        "Business",
        "Seoul correspondent",  # the byline
        "Getty Images",  # the image credit
    ]
    for chrome in leftovers:
        assert chrome not in page.text, chrome


def test_metadata_from_the_page() -> None:
    page = extract(PAGE)
    assert page.title == "Pyongyang sends more shells to Moscow"
    assert page.author == "Hana Lee"
    assert page.publisher == "The Example Herald"
    assert page.published_on == date(2024, 11, 14)
    assert page.date_precision == "day"
    assert page.language == "en-GB"


def test_bytes_and_a_url_are_accepted() -> None:
    page = extract(PAGE.encode("utf-8"), url="https://example.org/world/shells")
    assert page.url == "https://example.org/world/shells"
    assert page.title == "Pyongyang sends more shells to Moscow"


@pytest.mark.parametrize(
    ("html", "message"),
    [
        ("", "empty"),
        ("   \n ", "empty"),
        ("just some words, no markup at all, in a plain text string", "no HTML markup"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (
            "<html><body><nav><a href='/'>Home</a></nav><script>var x = 1;</script></body></html>",
            "no main text",
        ),
        ("<html><body><p>Too short.</p></body></html>", "no main text"),
    ],
)
def test_pages_with_no_article_are_refused_clearly(html: str | bytes, message: str) -> None:
    with pytest.raises(NoMainText, match=message):
        extract(html)


def test_the_extracted_text_is_what_the_annotation_counts_in() -> None:
    page = extract(PAGE)
    registry, claims = seed_database(read_seeds(SEEDS))
    proposals = annotate(text=page.text, title=page.title, registry=registry, claims=claims)
    assert proposals.on_topic
    assert proposals.stances
    for stance in proposals.stances:
        assert page.text[stance.start : stance.end] == stance.quote
    assert not any(s.quote.startswith("SEOUL") for s in proposals.stances)  # the dateline
