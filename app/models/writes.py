"""What a write sends: the ``...Create`` models every write goes through (the seed loader
included), the ``...Update`` merge patches, and the span inputs of stances and mentions."""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, model_validator
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


class SourceCreate(Strict):
    id: Slug
    title: Title
    publisher: Name | None = None
    author: Name | None = None
    url: Url | None = None
    published_on: IsoDate | None = None
    date_precision: DatePrecision | None = None
    date_note: Note | None = None
    genre: Genre
    language: Language
    text: SourceText


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


class ClaimUpdate(Strict):
    text: ClaimText | None = None
    claim_type: ClaimType | None = None
    topics: Topics | None = None
    actors: ClaimActors | None = None
    review_status: ReviewStatus | None = None


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
    review_status: ReviewStatus | None = None


class MentionInput(SpanInput):
    actor: Slug


class MentionUpdate(Strict):
    actor: Slug | None = None


class Merge(Strict):
    into: Slug
