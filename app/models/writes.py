"""What a write sends: the ``...Create`` models every write goes through (the seed loader
included), the ``...Update`` merge patches, and the span inputs of stances and mentions."""

import re
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, model_validator
from pydantic import Field as PydanticField
from sqlmodel import Field

from app.models.common import (
    MAX_ALIASES,
    MAX_CLAIM_ACTORS,
    MAX_TOPICS,
    NOTE_LENGTH,
    QUOTE_LENGTH,
    SOURCE_TEXT_LENGTH,
    ActorKind,
    AliasKind,
    Attribution,
    Certainty,
    ClaimText,
    ClaimType,
    Country,
    DatePrecision,
    Genre,
    IsoDate,
    Label,
    Language,
    Name,
    Note,
    ReviewStatus,
    Role,
    Slug,
    Status,
    Title,
    Topic,
    Url,
    WikidataId,
    text_type,
)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


SourceText = text_type(SOURCE_TEXT_LENGTH, min_length=1)
Quote = text_type(QUOTE_LENGTH, min_length=1)
# a prefix or suffix that makes a quote unique: the 32 code points stored, or more
Context = text_type(NOTE_LENGTH)
Topics = Annotated[list[Topic], PydanticField(max_length=MAX_TOPICS)]


@dataclass(frozen=True)
class Proposed:
    """What marks a row as the annotation pipeline's proposal (app/sources/ingest.py): a
    candidate until a person reviews it, with what made it and how sure it was. The
    entities' create functions take it beside their input."""

    extracted_by: str
    confidence: float
    suggested_claims: list[dict[str, Any]] | None = None  # a stance's alone

    def mark(self, row: Any) -> None:
        row.review_status = ReviewStatus.candidate
        row.extracted_by = self.extracted_by
        row.confidence = round(min(max(self.confidence, 0.0), 1.0), 3)
        if self.suggested_claims is not None:
            row.suggested_claims = self.suggested_claims


class SourceMetadata(Strict):
    """What a source may say about itself beyond its id, title, genre, language and text."""

    publisher: Name | None = None
    author: Name | None = None
    url: Url | None = None
    published_on: IsoDate | None = None
    date_precision: DatePrecision | None = None
    date_note: Note | None = None


class SourceCreate(SourceMetadata):
    id: Slug
    title: Title
    genre: Genre
    language: Language
    text: SourceText


# page source a client may send instead of text: its markup is most of it
HtmlText = text_type(SOURCE_TEXT_LENGTH, min_length=1)
# C0 control characters other than tab, newline, carriage return and form feed: a text
# holding them is binary data (a PDF, an image, a zip) sent as a string
BINARY = re.compile(r"[\x00-\x08\x0e-\x1f]")


def textual(value: str | None) -> str | None:
    """A text a person could read: neither blank nor binary data."""
    if value is None:
        return None
    if not value.strip():
        raise ValueError("is empty: there is nothing to store")
    if BINARY.search(value):
        raise ValueError("holds control characters: binary data, not text")
    return value


class SourceSubmit(SourceMetadata):
    """A new source as a client sends it: its ``text``, or a web page's ``html`` to take
    the main text and what the page says about it from; ``annotate`` runs the pipeline."""

    id: Slug | None = PydanticField(
        default=None, description="Default: made from the title, unique ('-2' and on)."
    )
    title: Title | None = PydanticField(
        default=None, description="Required unless the page (`html`) gives one."
    )
    genre: Genre
    language: Language | None = PydanticField(
        default=None, description="Required unless the page (`html`) declares one."
    )
    text: Annotated[SourceText | None, AfterValidator(textual)] = PydanticField(
        default=None, description="The document's full text, stored verbatim; or send `html`."
    )
    html: Annotated[HtmlText | None, AfterValidator(textual)] = PydanticField(
        default=None,
        description="A web page instead of `text`: its main text is extracted and stored "
        "(offsets count in it); title, author, publisher and date come from the page where "
        "the body does not give them.",
    )
    annotate: bool = PydanticField(
        default=False,
        description="Run the annotation pipeline on the new source in the same request: "
        "its proposals are stored as candidates (review_status: candidate).",
    )


class AliasCreate(Strict):
    label: Name
    kind: AliasKind
    auto_mention: bool = True


class ActorCreate(Strict):
    id: Slug
    name: Name
    kind: ActorKind
    description: Note | None = None
    wikidata_id: WikidataId | None = None
    country: Country | None = None
    aliases: Annotated[list[AliasCreate], PydanticField(max_length=MAX_ALIASES)] = []


class ClaimActorCreate(Strict):
    actor: Slug
    role: Role


ClaimActors = Annotated[list[ClaimActorCreate], PydanticField(max_length=MAX_CLAIM_ACTORS)]


class ClaimCreate(Strict):
    id: Slug
    text: ClaimText
    claim_type: ClaimType
    topics: Topics = []
    actors: ClaimActors = []
    status: Status = Status.active
    status_reason: Note | None = None
    review_status: ReviewStatus = ReviewStatus.accepted


class Anchor(Strict):
    """Where a span is: the exact quote, made unique by prefix, suffix or occurrence."""

    quote: Quote
    prefix: Context | None = None
    suffix: Context | None = None
    occurrence: Annotated[int, Field(ge=1)] | None = None


class StanceCreate(Anchor):
    id: Slug | None = None
    claim: Slug
    label: Label
    holder: Slug | None
    attribution: Attribution
    certainty: Certainty


class MentionCreate(Anchor):
    quote: Name
    actor: Slug


# a patch may send back the review status it read; accept and reject change it
ReviewStatusAsRead = Annotated[
    ReviewStatus | None,
    PydanticField(
        description="Only the record's current value: a review status changes with "
        "`POST .../accept` or `POST .../reject` (a different value is a 422).",
    ),
]


class SourceUpdate(Strict):
    """A JSON merge patch of a source's metadata; its text never changes."""

    title: Title | None = None
    publisher: Name | None = None
    author: Name | None = None
    url: Url | None = None
    published_on: IsoDate | None = None
    date_precision: DatePrecision | None = None
    date_note: Note | None = None
    genre: Genre | None = None
    language: Language | None = None


class ActorUpdate(Strict):
    name: Name | None = None
    kind: ActorKind | None = None
    description: Note | None = None
    wikidata_id: WikidataId | None = None
    country: Country | None = None
    aliases: Annotated[list[AliasCreate], PydanticField(max_length=MAX_ALIASES)] | None = None
    review_status: ReviewStatusAsRead = None


class ClaimUpdate(Strict):
    text: ClaimText | None = None
    claim_type: ClaimType | None = None
    topics: Topics | None = None
    actors: ClaimActors | None = None
    review_status: ReviewStatusAsRead = None


class SpanInput(Strict):
    """Where a new stance or mention is: an exact quote (made unique by prefix, suffix or
    occurrence) or code point offsets; the server checks either against the text."""

    source_id: Slug
    quote: Quote | None = None
    prefix: Context | None = None
    suffix: Context | None = None
    occurrence: Annotated[int, PydanticField(ge=1, le=SOURCE_TEXT_LENGTH)] | None = None
    start: Annotated[int, PydanticField(ge=0, le=SOURCE_TEXT_LENGTH)] | None = None
    end: Annotated[int, PydanticField(ge=1, le=SOURCE_TEXT_LENGTH)] | None = None

    @model_validator(mode="after")
    def one_way(self) -> "SpanInput":
        offsets = self.start is not None or self.end is not None
        if offsets and (self.start is None or self.end is None):
            raise ValueError("give both start and end")
        if offsets == (self.quote is not None):
            raise ValueError("give either a quote or start and end, not both or neither")
        return self


class StanceInput(SpanInput):
    id: Slug | None = None
    claim: Slug
    label: Label
    holder: Slug | None = None
    attribution: Attribution
    certainty: Certainty
    review_status: ReviewStatus = ReviewStatus.accepted


class StanceUpdate(Strict):
    claim: Slug | None = None
    label: Label | None = None
    holder: Slug | None = None
    attribution: Attribution | None = None
    certainty: Certainty | None = None
    review_status: ReviewStatusAsRead = None


class MentionInput(SpanInput):
    actor: Slug


class MentionUpdate(Strict):
    actor: Slug | None = None
    review_status: ReviewStatusAsRead = None


class Merge(Strict):
    into: Slug
