"""What responses are built from: the ``...Public`` models, provenance with its W3C
selectors, pages."""

from datetime import UTC, date, datetime
from typing import Annotated, Any, Generic, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict
from pydantic import Field as PydanticField

from app.models.common import (
    ActorKind,
    AliasKind,
    Attribution,
    Certainty,
    ClaimType,
    DatePrecision,
    Genre,
    Label,
    MentionOrigin,
    ReviewStatus,
    Role,
    Status,
)
from app.models.provenance import Provenance


def in_utc(moment: datetime) -> datetime:
    # SQLite keeps no time zone, and every moment the app stores is in UTC
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


Timestamp = Annotated[datetime, AfterValidator(in_utc)]
"""A moment as the API shows it: RFC 3339 with its offset (``Z``), on every engine."""


ExtractedBy = Annotated[
    str | None,
    PydanticField(
        description='What proposed it, "<pipeline>@<version>"; null for what people wrote.'
    ),
]
Confidence = Annotated[
    float | None,
    PydanticField(ge=0, le=1, description="How sure the pipeline was, 0 to 1; null for people."),
]
# the review fields of what people wrote, for the examples
ACCEPTED: dict[str, Any] = {"review_status": "accepted", "extracted_by": None, "confidence": None}


class SuggestedClaim(BaseModel):
    """An existing claim that a proposed stance may restate, with the matcher's score."""

    id: str
    score: float


class ActorRef(BaseModel):
    id: str
    name: str
    kind: ActorKind


class ClaimRef(BaseModel):
    id: str
    text: str


class AliasPublic(BaseModel):
    label: str
    kind: AliasKind


class SourcePublic(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "putin-kim-unity-pyongyang",
                    "title": "Putin and Kim Jong Un's Show of Unity in Pyongyang",
                    "publisher": "Tekedia",
                    "author": None,
                    "url": None,
                    "published_on": "2024-06-01",
                    "date_precision": "month",
                    "date_note": "Reports Putin's June 2024 visit to Pyongyang as recent.",
                    "genre": "forum",
                    "language": "en",
                    "text_sha256": "4e505d27161a5558db3412af777a7922"
                    "b4943648372c0c32de86dd826499f4c8",
                    "length": 6667,
                    "version": 1,
                    "status": "active",
                    "status_reason": None,
                }
            ]
        }
    )

    id: str
    title: str
    publisher: str | None
    author: str | None
    url: str | None
    published_on: date | None
    date_precision: DatePrecision | None
    date_note: str | None
    genre: Genre
    language: str
    text_sha256: str
    length: int
    version: int
    status: Status
    status_reason: str | None


class SourceDetail(SourcePublic):
    text: str


class AnnotationSummary(BaseModel):
    """What the annotation pipeline proposed for a new source: rows stored as candidates."""

    extracted_by: str = PydanticField(description='"<pipeline>@<version>"')
    relevance: float | None = PydanticField(
        description="How much the article is about what the database holds (0 to 1); under "
        "0.5 it is off topic and nothing is proposed; null in an empty database."
    )
    on_topic: bool
    actors: int = PydanticField(description="Candidate actors stored (names NER found).")
    mentions: int = PydanticField(
        description="Candidate mentions stored (beyond those every source gets by name)."
    )
    claims: int = PydanticField(description="Candidate claims stored.")
    stances: int = PydanticField(description="Candidate stances stored.")
    stances_on_existing_claims: int = PydanticField(
        description="Of those stances, how many attach to a claim the database held."
    )
    seconds: float = PydanticField(description="Time the pipeline took.")


class SourceCreated(SourceDetail):
    annotation: AnnotationSummary | None = PydanticField(
        default=None, description="With `annotate`: what was proposed. Else null."
    )


class ActorPublic(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "kim-jong-un",
                    "name": "Kim Jong Un",
                    "kind": "person",
                    "description": "Supreme Leader of North Korea since 2011.",
                    "wikidata_id": "Q56226",
                    "country": "PRK",
                    "aliases": [{"label": "Kim Jong-un", "kind": "transliteration"}],
                    "version": 1,
                    "status": "active",
                    "status_reason": None,
                    **ACCEPTED,
                }
            ]
        }
    )

    id: str
    name: str
    kind: ActorKind
    description: str | None
    wikidata_id: str | None
    country: str | None
    aliases: list[AliasPublic]
    version: int
    status: Status
    status_reason: str | None
    review_status: ReviewStatus
    extracted_by: ExtractedBy
    confidence: Confidence


class ActorCounts(BaseModel):
    mentions: int
    claims: int
    stances: int


class ActorDetail(ActorPublic):
    counts: ActorCounts


class ClaimActorPublic(BaseModel):
    id: str
    name: str
    role: Role


LANKOV_QUOTE = (
    "Andrei Lankov, director of NK News, doubts Russia will provide North Korea with "
    "substantial military technology, suggesting it offers little benefit and potential "
    "future problems."
)
EXAMPLE_STANCE = {
    "id": "st-f0b734bc890fa704",
    "claim_id": "russia-will-transfer-military-tech-to-nk",
    "label": "opposes",
    "holder": {"id": "andrei-lankov", "name": "Andrei Lankov", "kind": "person"},
    "attribution": "reported",
    "certainty": "probable",
    "provenance": {
        "source_id": "putin-kim-unity-pyongyang",
        "start": 3428,
        "end": 3607,
        "quote": LANKOV_QUOTE,
        "prefix": "significant concern for the US. ",
        "suffix": " While North Korean artillery co",
        "selector": [
            {"type": "TextPositionSelector", "start": 3428, "end": 3607},
            {
                "type": "TextQuoteSelector",
                "exact": LANKOV_QUOTE,
                "prefix": "significant concern for the US. ",
                "suffix": " While North Korean artillery co",
            },
        ],
    },
    "version": 1,
    "status": "active",
    "status_reason": None,
    **ACCEPTED,
    "suggested_claims": [],
}


class StancePublic(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [EXAMPLE_STANCE]})

    id: str
    claim_id: str
    label: Label
    holder: ActorRef | None
    attribution: Attribution
    certainty: Certainty
    provenance: Provenance
    version: int
    status: Status
    status_reason: str | None
    review_status: ReviewStatus
    extracted_by: ExtractedBy
    confidence: Confidence
    suggested_claims: Annotated[
        list[SuggestedClaim],
        PydanticField(description="Up to three existing claims a proposal may restate."),
    ]


class ClaimPublic(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "nk-supplies-munitions-to-russia",
                    "text": "North Korea supplies Russia with ammunition for its war in Ukraine.",
                    "claim_type": "factual",
                    "topics": ["munitions", "ukraine-war"],
                    "status": "active",
                    "status_reason": None,
                    "actors": [{"id": "north-korea", "name": "North Korea", "role": "subject"}],
                    "version": 1,
                    **ACCEPTED,
                }
            ]
        }
    )

    id: str
    text: str
    claim_type: ClaimType
    topics: list[str]
    status: Status
    status_reason: str | None
    actors: list[ClaimActorPublic]
    version: int
    review_status: ReviewStatus
    extracted_by: ExtractedBy
    confidence: Confidence


class ClaimDetail(ClaimPublic):
    stances: list[StancePublic]


class MentionPublic(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "mn-0c3a4f5e6d7b8a91",
                    "actor": {"id": "andrei-lankov", "name": "Andrei Lankov", "kind": "person"},
                    "surface": "Andrei Lankov",
                    "provenance": {
                        "source_id": "putin-kim-unity-pyongyang",
                        "start": 3428,
                        "end": 3441,
                        "quote": "Andrei Lankov",
                        "prefix": "significant concern for the US. ",
                        "suffix": ", director of NK News, doubts Ru",
                        "selector": [
                            {"type": "TextPositionSelector", "start": 3428, "end": 3441},
                            {
                                "type": "TextQuoteSelector",
                                "exact": "Andrei Lankov",
                                "prefix": "significant concern for the US. ",
                                "suffix": ", director of NK News, doubts Ru",
                            },
                        ],
                    },
                    "origin": "derived",
                    "version": 1,
                    "status": "active",
                    "status_reason": None,
                    **ACCEPTED,
                }
            ]
        }
    )

    id: str
    actor: ActorRef
    surface: str
    provenance: Provenance
    origin: MentionOrigin
    version: int
    status: Status
    status_reason: str | None
    review_status: ReviewStatus
    extracted_by: ExtractedBy
    confidence: Confidence


T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """One page of a list: follow ``next_cursor`` (or the ``Link: rel="next"`` header)."""

    items: list[T]
    next_cursor: str | None


class FacetValue(BaseModel):
    value: str
    count: int


class FacetedPage(Page[T], Generic[T]):
    """A page, and facet counts over the whole filtered list (empty unless asked for)."""

    facets: dict[str, list[FacetValue]]
