"""Provenance as responses show it: the span, its quote and context, and the W3C Web
Annotation selectors that say the same."""

from typing import Annotated, Any, Literal

from pydantic import BaseModel
from pydantic import Field as PydanticField

from app.models.tables import Mention, Stance


class TextPositionSelector(BaseModel):
    """W3C Web Annotation: the span by code point offsets, ``end`` exclusive."""

    type: Literal["TextPositionSelector"] = "TextPositionSelector"
    start: int
    end: int


class TextQuoteSelector(BaseModel):
    """W3C Web Annotation: the span by its exact text and what stands either side."""

    type: Literal["TextQuoteSelector"] = "TextQuoteSelector"
    exact: str
    prefix: str
    suffix: str


Selector = Annotated[TextPositionSelector | TextQuoteSelector, PydanticField(discriminator="type")]


def selectors(start: int, end: int, quote: str, prefix: str, suffix: str) -> list[Selector]:
    """The pair of W3C selectors for a span, so a reader can anchor it either way."""
    return [
        TextPositionSelector(start=start, end=end),
        TextQuoteSelector(exact=quote, prefix=prefix, suffix=suffix),
    ]


def selector_json(start: int, end: int, quote: str, prefix: str, suffix: str) -> list[Any]:
    """``selectors`` as plain data, for the read paths that skip the models."""
    return [
        {"type": "TextPositionSelector", "start": start, "end": end},
        {"type": "TextQuoteSelector", "exact": quote, "prefix": prefix, "suffix": suffix},
    ]


def provenance(
    source_id: str, start: int, end: int, quote: str, prefix: str, suffix: str
) -> dict[str, Any]:
    """A Provenance body as plain data, for the read paths that skip the models."""
    return {
        "source_id": source_id,
        "start": start,
        "end": end,
        "quote": quote,
        "prefix": prefix,
        "suffix": suffix,
        "selector": selector_json(start, end, quote, prefix, suffix),
    }


class Provenance(BaseModel):
    source_id: str
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    selector: list[Selector]

    @classmethod
    def of(cls, span: "Stance | Mention") -> "Provenance":
        return cls(
            source_id=span.source_id,
            start=span.start,
            end=span.end,
            quote=span.quote,
            prefix=span.prefix,
            suffix=span.suffix,
            selector=selectors(span.start, span.end, span.quote, span.prefix, span.suffix),
        )
