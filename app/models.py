"""Tables and their request/response models.

Per entity: a table model (``table=True``, never a request body or a response), a
``...Create`` model that every write goes through (the seed loader included), and
``...Public`` models that responses are built from.
"""

from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Annotated, Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, StringConstraints, model_validator
from pydantic import Field as PydanticField
from sqlalchemy import JSON, CheckConstraint, Column, DateTime, ForeignKey, Index, String, Text
from sqlmodel import Field, SQLModel

SQLModel.metadata.naming_convention = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# column lengths, shared by the tables and the models that validate writes, so that a
# value too long is a 422 naming its field on every engine (SQLite would store it anyway)
NAME_LENGTH = 200
TITLE_LENGTH = 500
NOTE_LENGTH = 1000
TEXT_LENGTH = 2000

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, min_length=1, max_length=100)]
Topic = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=50)]
# PostgreSQL text cannot hold NUL, so no string that enters the API may carry one
NO_NUL = r"^[^\x00]*$"


def text_type(max_length: int | None = None, *, min_length: int = 0) -> Any:
    """A string type for anything a client or a seed file writes: bounded, without NUL."""
    constraints = StringConstraints(min_length=min_length, max_length=max_length, pattern=NO_NUL)
    return Annotated[str, constraints]


Name = text_type(NAME_LENGTH, min_length=1)
Note = text_type(NOTE_LENGTH)
Title = text_type(TITLE_LENGTH, min_length=1)
Url = text_type(TEXT_LENGTH)
ClaimText = text_type(TEXT_LENGTH, min_length=1)
Language = Annotated[  # BCP-47
    str, StringConstraints(pattern=r"^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$", max_length=35)
]
WikidataId = Annotated[str, StringConstraints(pattern=r"^Q[1-9][0-9]*$", max_length=20)]
Country = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]  # ISO 3166-1 alpha-3


# ---------------------------------------------------------------- vocabularies


class Genre(StrEnum):
    news = "news"
    analysis = "analysis"
    opinion = "opinion"
    blog = "blog"
    forum = "forum"
    reference = "reference"


class DatePrecision(StrEnum):
    day = "day"
    month = "month"
    year = "year"


class ActorKind(StrEnum):
    person = "person"
    state = "state"
    organization = "organization"
    media = "media"
    group = "group"
    other = "other"


class AliasKind(StrEnum):
    name = "name"
    abbreviation = "abbreviation"
    metonym = "metonym"
    transliteration = "transliteration"


class ClaimType(StrEnum):
    factual = "factual"
    historical = "historical"
    causal = "causal"
    prediction = "prediction"
    evaluation = "evaluation"
    recommendation = "recommendation"


class Status(StrEnum):
    active = "active"
    retracted = "retracted"


class ReviewStatus(StrEnum):
    accepted = "accepted"
    candidate = "candidate"
    rejected = "rejected"


class Scope(StrEnum):
    """What an API key may do; each scope includes the ones before it."""

    read = "read"
    curate = "curate"
    admin = "admin"


class MentionOrigin(StrEnum):
    derived = "derived"  # found by matching names and aliases
    curated = "curated"  # declared by an annotator or a curator


class Role(StrEnum):
    subject = "subject"
    object = "object"
    mentioned = "mentioned"


class Label(StrEnum):
    supports = "supports"
    opposes = "opposes"
    questions = "questions"
    neutral = "neutral"


class Attribution(StrEnum):
    author = "author"
    quoted = "quoted"
    paraphrased = "paraphrased"
    reported = "reported"
    anonymous = "anonymous"


class Certainty(StrEnum):
    certain = "certain"
    probable = "probable"
    possible = "possible"


def fold(name: str) -> str:
    """A name as actor search compares it: ignoring case, hyphens and extra spaces."""
    return " ".join(name.casefold().replace("-", " ").split())


def one_of(column: str, vocabulary: type[StrEnum]) -> CheckConstraint:
    """A CHECK constraint that keeps ``column`` inside a closed vocabulary."""
    allowed = ", ".join(f"'{member.value}'" for member in vocabulary)
    return CheckConstraint(f"{column} IN ({allowed})", name=f"{column}_vocabulary")


def span_checks() -> tuple[CheckConstraint, ...]:
    return (
        CheckConstraint('start >= 0 AND start < "end"', name="span_order"),
        CheckConstraint('length(quote) = "end" - start', name="span_length"),
    )


def id_column(**kwargs: Any) -> Any:
    return Field(sa_type=String(100), primary_key=True, **kwargs)


def ref(target: str, *, nullable: bool = False, index: bool = True) -> Any:
    """A foreign key to ``target`` (``table.column``), indexed for the joins that follow it."""
    return Field(
        default=None if nullable else ...,
        sa_column_args=[ForeignKey(target, ondelete="RESTRICT")],
        sa_type=String(100),
        nullable=nullable,
        index=index,
    )


# ---------------------------------------------------------------- tables


class Curated(SQLModel):
    """What every curated resource carries: a version that each write increments, checked
    by If-Match so no update is lost, and a status, so that a delete is a retraction."""

    version: int = Field(default=1, sa_column_kwargs={"server_default": "1"})
    status: str = Field(
        default=Status.active, sa_type=String(10), sa_column_kwargs={"server_default": "active"}
    )
    status_reason: str | None = Field(default=None, sa_type=String(NOTE_LENGTH))


def curated_checks() -> tuple[CheckConstraint, ...]:
    return (
        one_of("status", Status),
        CheckConstraint("version >= 1", name="version_positive"),
    )


class Source(Curated, table=True):
    __table_args__ = (
        *curated_checks(),
        one_of("genre", Genre),
        one_of("date_precision", DatePrecision),
        CheckConstraint("length(text_sha256) = 64", name="sha256_length"),
    )

    id: str = id_column()
    title: str = Field(sa_type=String(TITLE_LENGTH))
    publisher: str | None = Field(default=None, sa_type=String(NAME_LENGTH), index=True)
    author: str | None = Field(default=None, sa_type=String(NAME_LENGTH))
    url: str | None = Field(default=None, sa_type=String(TEXT_LENGTH))
    published_on: date | None = None
    date_precision: str | None = Field(default=None, sa_type=String(5))
    date_note: str | None = Field(default=None, sa_type=String(NOTE_LENGTH))
    genre: str = Field(sa_type=String(10), index=True)
    language: str = Field(sa_type=String(35))
    text: str = Field(sa_column=Column(Text, nullable=False))
    text_sha256: str = Field(sa_type=String(64))


class Actor(Curated, table=True):
    __table_args__ = (
        *curated_checks(),
        one_of("kind", ActorKind),
        CheckConstraint("length(country) = 3", name="country_alpha3"),
    )

    id: str = id_column()
    name: str = Field(sa_type=String(NAME_LENGTH))
    # name folded for matching: lower case, hyphens as spaces, single spaces
    name_key: str = Field(sa_type=String(NAME_LENGTH), index=True)
    kind: str = Field(sa_type=String(12), index=True)
    description: str | None = Field(default=None, sa_type=String(NOTE_LENGTH))
    wikidata_id: str | None = Field(default=None, sa_type=String(20), unique=True)
    country: str | None = Field(default=None, sa_type=String(3))


class ActorAlias(SQLModel, table=True):
    __tablename__ = "actor_alias"
    __table_args__ = (one_of("kind", AliasKind),)

    actor_id: str = Field(
        sa_column_args=[ForeignKey("actor.id", ondelete="CASCADE")],
        sa_type=String(100),
        primary_key=True,
    )
    label: str = Field(sa_type=String(NAME_LENGTH), primary_key=True)
    label_key: str = Field(sa_type=String(NAME_LENGTH), index=True)
    kind: str = Field(sa_type=String(16))
    # false for labels too ambiguous to turn into mentions by plain matching
    auto_mention: bool = True


class Claim(Curated, table=True):
    __table_args__ = (
        *curated_checks(),
        one_of("claim_type", ClaimType),
        one_of("review_status", ReviewStatus),
    )

    id: str = id_column()
    text: str = Field(sa_type=String(TEXT_LENGTH))
    claim_type: str = Field(sa_type=String(16), index=True)
    review_status: str = Field(
        default=ReviewStatus.accepted,
        sa_type=String(10),
        sa_column_kwargs={"server_default": "accepted"},
    )


class ClaimTopic(SQLModel, table=True):
    __tablename__ = "claim_topic"

    claim_id: str = Field(
        sa_column_args=[ForeignKey("claim.id", ondelete="CASCADE")],
        sa_type=String(100),
        primary_key=True,
    )
    topic: str = Field(sa_type=String(50), primary_key=True, index=True)


class ClaimActor(SQLModel, table=True):
    __tablename__ = "claim_actor"
    __table_args__ = (one_of("role", Role),)

    claim_id: str = Field(
        sa_column_args=[ForeignKey("claim.id", ondelete="CASCADE")],
        sa_type=String(100),
        primary_key=True,
    )
    actor_id: str = Field(
        sa_column_args=[ForeignKey("actor.id", ondelete="RESTRICT")],
        sa_type=String(100),
        primary_key=True,
        index=True,
    )
    role: str = Field(sa_type=String(10))


class Stance(Curated, table=True):
    __table_args__ = (
        *curated_checks(),
        one_of("review_status", ReviewStatus),
        one_of("label", Label),
        one_of("attribution", Attribution),
        one_of("certainty", Certainty),
        *span_checks(),
        Index("ix_stance_source_id_start", "source_id", "start"),
    )

    id: str = id_column()
    claim_id: str = ref("claim.id")
    source_id: str = ref("source.id", index=False)  # ix_stance_source_id_start covers it
    holder_id: str | None = ref("actor.id", nullable=True)
    label: str = Field(sa_type=String(10), index=True)
    attribution: str = Field(sa_type=String(12))
    certainty: str = Field(sa_type=String(10))
    review_status: str = Field(
        default=ReviewStatus.accepted,
        sa_type=String(10),
        sa_column_kwargs={"server_default": "accepted"},
    )
    start: int
    end: int
    quote: str = Field(sa_column=Column(Text, nullable=False))
    prefix: str = Field(sa_type=String(32))
    suffix: str = Field(sa_type=String(32))


class Mention(Curated, table=True):
    __table_args__ = (
        *curated_checks(),
        one_of("origin", MentionOrigin),
        *span_checks(),
        Index("ix_mention_source_id_start", "source_id", "start"),
    )

    id: str = id_column()
    source_id: str = ref("source.id", index=False)  # ix_mention_source_id_start covers it
    actor_id: str = ref("actor.id")
    origin: str = Field(
        default=MentionOrigin.derived,
        sa_type=String(8),
        sa_column_kwargs={"server_default": "derived"},
    )
    start: int
    end: int
    quote: str = Field(sa_type=String(NAME_LENGTH))
    prefix: str = Field(sa_type=String(32))
    suffix: str = Field(sa_type=String(32))


class ActorRedirect(SQLModel, table=True):
    """An actor merged into another: its old id keeps answering, with a redirect."""

    __tablename__ = "actor_redirect"

    old_id: str = Field(sa_type=String(100), primary_key=True)
    actor_id: str = ref("actor.id")


class ApiKey(SQLModel, table=True):
    """A key's public id, name and scope; of its secret only a SHA-256 digest is kept."""

    __tablename__ = "api_key"
    __table_args__ = (one_of("scope", Scope),)

    id: str = Field(sa_type=String(32), primary_key=True)
    name: str = Field(sa_type=String(NAME_LENGTH), unique=True)
    scope: str = Field(sa_type=String(8))
    secret_sha256: str = Field(sa_type=String(64))
    created_at: datetime = Field(sa_type=DateTime(timezone=True))
    revoked_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))


class Change(SQLModel, table=True):
    """The audit log, one row per write, appended in the write's own transaction; its
    sequence number is the cursor a mirror follows."""

    __table_args__ = (Index("ix_change_resource_resource_id", "resource", "resource_id"),)

    seq: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(sa_type=DateTime(timezone=True))
    key_name: str = Field(sa_type=String(NAME_LENGTH))
    action: str = Field(sa_type=String(10))
    resource: str = Field(sa_type=String(10))
    resource_id: str = Field(sa_type=String(100))
    version: int | None = None
    before: dict[str, Any] | None = Field(default=None, sa_type=JSON)
    after: dict[str, Any] | None = Field(default=None, sa_type=JSON)


# ---------------------------------------------------------------- writes


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SourceCreate(Strict):
    id: Slug
    title: Title
    publisher: Name | None = None
    author: Name | None = None
    url: Url | None = None
    published_on: date | None = None
    date_precision: DatePrecision | None = None
    date_note: Note | None = None
    genre: Genre
    language: Language
    text: text_type(min_length=1)


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
    aliases: list[AliasCreate] = []


class ClaimActorCreate(Strict):
    actor: Slug
    role: Role


class ClaimCreate(Strict):
    id: Slug
    text: ClaimText
    claim_type: ClaimType
    topics: list[Topic] = []
    actors: list[ClaimActorCreate] = []
    status: Status = Status.active
    status_reason: Note | None = None
    review_status: ReviewStatus = ReviewStatus.accepted


class Anchor(Strict):
    """Where a span is: the exact quote, made unique by prefix, suffix or occurrence."""

    quote: text_type(min_length=1)
    prefix: text_type() | None = None
    suffix: text_type() | None = None
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
    published_on: date | None = None
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
    aliases: list[AliasCreate] | None = None


class ClaimUpdate(Strict):
    text: ClaimText | None = None
    claim_type: ClaimType | None = None
    topics: list[Topic] | None = None
    actors: list[ClaimActorCreate] | None = None
    review_status: ReviewStatus | None = None


class SpanInput(Strict):
    """Where a new stance or mention is: an exact quote (made unique by prefix, suffix or
    occurrence) or code point offsets; the server checks either against the text."""

    source_id: Slug
    quote: text_type(min_length=1) | None = None
    prefix: text_type() | None = None
    suffix: text_type() | None = None
    occurrence: Annotated[int, PydanticField(ge=1)] | None = None
    start: Annotated[int, PydanticField(ge=0)] | None = None
    end: Annotated[int, PydanticField(ge=1)] | None = None

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


# ---------------------------------------------------------------- responses


class ChangePublic(BaseModel):
    """One write, as the audit log keeps it."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "seq": 42,
                    "at": "2026-11-22T10:15:00Z",
                    "key": "analyst-anna",
                    "action": "update",
                    "resource": "claim",
                    "id": "nk-supplies-artillery-to-russia",
                    "version": 2,
                    "before": {"text": "North Korea supplies artillery shells to Russia."},
                    "after": {
                        "text": "North Korea supplies artillery shells and rockets to Russia."
                    },
                }
            ]
        }
    )

    seq: int
    at: datetime
    key: str
    action: str
    resource: str
    id: str
    version: int | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None

    @classmethod
    def of(cls, change: "Change") -> "ChangePublic":
        return cls(
            seq=change.seq or 0,
            # SQLite keeps no time zone; every change is written in UTC
            at=change.at if change.at.tzinfo else change.at.replace(tzinfo=UTC),
            key=change.key_name,
            action=change.action,
            resource=change.resource,
            id=change.resource_id,
            version=change.version,
            before=change.before,
            after=change.after,
        )


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


class ActorRef(BaseModel):
    id: str
    name: str
    kind: ActorKind


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
    "review_status": "accepted",
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
                    "review_status": "accepted",
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


class AnnotationKind(StrEnum):
    stance = "stance"
    mention = "mention"


class AnnotationPublic(BaseModel):
    """One highlightable span: a stance (with its claim) or a mention (with its actor)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "kind": "mention",
                    "id": "mn-0c3a4f5e6d7b8a91",
                    "start": 206,
                    "end": 211,
                    "quote": "China",
                    "selector": [
                        {"type": "TextPositionSelector", "start": 206, "end": 211},
                        {
                            "type": "TextQuoteSelector",
                            "exact": "China",
                            "prefix": "a calculated move to counter ",
                            "suffix": "\u2019s strategy, disrupt Beijing\u2019s do",
                        },
                    ],
                    "actor": {"id": "china", "name": "China", "kind": "state"},
                    "claim": None,
                    "label": None,
                    "holder": None,
                    "attribution": None,
                    "certainty": None,
                }
            ]
        }
    )

    kind: AnnotationKind
    id: str
    start: int
    end: int
    quote: str
    selector: list[Selector]
    actor: ActorRef | None = None
    claim: "ClaimRef | None" = None
    label: Label | None = None
    holder: ActorRef | None = None
    attribution: Attribution | None = None
    certainty: Certainty | None = None


class ClaimRef(BaseModel):
    id: str
    text: str


AnnotationPublic.model_rebuild()


class SourceRef(BaseModel):
    id: str
    title: str


class PositionPublic(StancePublic):
    """A stance together with the source it stands in."""

    source: SourceRef


class LabelCounts(BaseModel):
    supports: int = 0
    opposes: int = 0
    questions: int = 0
    neutral: int = 0


EXAMPLE_POSITION = {
    **EXAMPLE_STANCE,
    "source": {
        "id": "putin-kim-unity-pyongyang",
        "title": "Putin and Kim Jong Un's Show of Unity in Pyongyang",
    },
}
EXAMPLE_CLAIM = {
    "id": "russia-will-transfer-military-tech-to-nk",
    "text": "Russia will give North Korea advanced military technology in exchange for munitions.",
    "claim_type": "prediction",
    "topics": ["military-technology"],
    "status": "active",
    "status_reason": None,
    "actors": [{"id": "russia", "name": "Russia", "role": "subject"}],
    "version": 1,
    "review_status": "accepted",
}


class Contestation(BaseModel):
    """Who supports, opposes, questions or stays neutral on one claim, with their quotes."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "claim": EXAMPLE_CLAIM,
                    "contested": True,
                    "counts": {"supports": 3, "opposes": 1, "questions": 1, "neutral": 0},
                    "supports": [],
                    "opposes": [EXAMPLE_POSITION],
                    "questions": [],
                    "neutral": [],
                }
            ]
        }
    )

    claim: ClaimPublic
    contested: bool
    counts: LabelCounts
    supports: list[PositionPublic]
    opposes: list[PositionPublic]
    questions: list[PositionPublic]
    neutral: list[PositionPublic]


class HeldClaim(BaseModel):
    claim: ClaimRef
    stances: list[PositionPublic]


class ClaimRole(BaseModel):
    claim: ClaimRef
    role: Role


class ActorPositions(BaseModel):
    """The claims an actor holds a stance on, grouped by label, and those it takes part in."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "actor": {"id": "andrei-lankov", "name": "Andrei Lankov", "kind": "person"},
                    "counts": {"supports": 0, "opposes": 1, "questions": 0, "neutral": 0},
                    "supports": [],
                    "opposes": [
                        {
                            "claim": {"id": EXAMPLE_CLAIM["id"], "text": EXAMPLE_CLAIM["text"]},
                            "stances": [EXAMPLE_POSITION],
                        }
                    ],
                    "questions": [],
                    "neutral": [],
                    "takes_part_in": [],
                }
            ]
        }
    )

    actor: ActorRef
    counts: LabelCounts
    supports: list[HeldClaim]
    opposes: list[HeldClaim]
    questions: list[HeldClaim]
    neutral: list[HeldClaim]
    takes_part_in: list[ClaimRole]


class OutlineEntry(BaseModel):
    """A claim as one source states it: where it first appears and every stance there."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"start": 3428, "claim": EXAMPLE_CLAIM, "stances": [EXAMPLE_STANCE]}]
        }
    )

    start: int
    claim: ClaimPublic
    stances: list[StancePublic]


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


# ---- search
# Tables that full-text search needs beside the ones above (see app/services/search.py).
# The search indexes themselves (SQLite FTS5 tables, PostgreSQL tsvector columns) live
# outside this metadata, in migration 0002.


class Passage(SQLModel, table=True):
    """A paragraph of a source's text: the unit search finds in sources. Derived from the
    text by ``app.services.search.passage_rows`` whenever a source is stored."""

    __table_args__ = (
        CheckConstraint('start >= 0 AND start < "end"', name="span_order"),
        CheckConstraint('length(text) = "end" - start', name="span_length"),
        Index("ix_passage_source_id_start", "source_id", "start", unique=True),
    )

    id: str = id_column()
    source_id: str = Field(
        # derived rows: they go with their source
        sa_column_args=[ForeignKey("source.id", ondelete="CASCADE")],
        sa_type=String(100),
    )
    start: int
    end: int
    text: str = Field(sa_column=Column(Text, nullable=False))


# ---- end search


# ---- seed metadata
# What the seed files say beyond the rows above, kept so that `claimsdb export
# --annotations` writes the files back as they were (app/services/export.py): each
# source's file name, its furniture, filler and not_mentions entries as declared, the
# anchors and notes annotators wrote for stances and mentions, and which file defines
# each claim. New tables rather than new columns: SQLite would have to rebuild the base
# tables, dropping the full-text triggers of migration 0002.


class AnchorKind(StrEnum):
    furniture = "furniture"  # page chrome: never annotated, never a mention
    filler = "filler"  # assertive-looking text with no proposition
    not_mention = "not_mention"  # a name that does not refer to its actor here


def owned_by(target: str, *, primary_key: bool = False) -> Any:
    """A key to the record this metadata describes: it goes when that record goes."""
    return Field(
        sa_column_args=[ForeignKey(target, ondelete="CASCADE")],
        sa_type=String(100),
        primary_key=primary_key,
        index=not primary_key,
    )


def declared_anchor_checks() -> tuple[CheckConstraint, ...]:
    return (CheckConstraint("occurrence >= 1", name="occurrence_positive"),)


class SourceFile(SQLModel, table=True):
    """The name of a source's text under seeds/sources/."""

    __tablename__ = "source_file"

    source_id: str = owned_by("source.id", primary_key=True)
    file_name: str = Field(sa_type=String(255), unique=True)


class SourceAnchor(SQLModel, table=True):
    """A furniture, filler or not_mentions entry of a source, as written, in file order."""

    __tablename__ = "source_anchor"
    __table_args__ = (
        one_of("kind", AnchorKind),
        *declared_anchor_checks(),
        CheckConstraint("ordinal >= 0", name="ordinal_positive"),
        # `occurrence: all` is for repeated page chrome only
        CheckConstraint(
            "NOT all_occurrences OR (kind = 'furniture' AND occurrence IS NULL)",
            name="all_occurrences_furniture",
        ),
    )

    source_id: str = owned_by("source.id", primary_key=True)
    kind: str = Field(sa_type=String(12), primary_key=True)
    ordinal: int = Field(primary_key=True)
    quote: str = Field(sa_column=Column(Text, nullable=False))
    prefix: str | None = Field(default=None, sa_type=Text)
    suffix: str | None = Field(default=None, sa_type=Text)
    occurrence: int | None = None
    all_occurrences: bool = False
    note: str | None = Field(default=None, sa_type=String(NOTE_LENGTH))


class StanceAnchor(SQLModel, table=True):
    """The prefix, suffix or occurrence an annotator wrote to make a stance's quote unique."""

    __tablename__ = "stance_anchor"
    __table_args__ = declared_anchor_checks()

    stance_id: str = owned_by("stance.id", primary_key=True)
    prefix: str | None = Field(default=None, sa_type=Text)
    suffix: str | None = Field(default=None, sa_type=Text)
    occurrence: int | None = None


class MentionAnchor(SQLModel, table=True):
    """The anchor and note an annotator wrote for a declared mention."""

    __tablename__ = "mention_anchor"
    __table_args__ = declared_anchor_checks()

    mention_id: str = owned_by("mention.id", primary_key=True)
    prefix: str | None = Field(default=None, sa_type=Text)
    suffix: str | None = Field(default=None, sa_type=Text)
    occurrence: int | None = None
    note: str | None = Field(default=None, sa_type=String(NOTE_LENGTH))


class ClaimOrigin(SQLModel, table=True):
    """The source whose file defines a claim (the others only add stances to it)."""

    __tablename__ = "claim_origin"

    claim_id: str = owned_by("claim.id", primary_key=True)
    source_id: str = owned_by("source.id")


# ---- end seed metadata
