"""What every model shares: column lengths, string types, the closed vocabularies, and the
helpers that turn them into columns and CHECK constraints."""

import re
from datetime import date
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BeforeValidator, StringConstraints
from sqlalchemy import CheckConstraint, ForeignKey, String
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
# what a write may send beyond the columns above (README, "Limits"): a stance's quote is a
# passage of its source, a source's text a document (the request body limit bounds it too)
QUOTE_LENGTH = 10_000
SOURCE_TEXT_LENGTH = 2_000_000
MAX_TOPICS = 100
MAX_CLAIM_ACTORS = 100
MAX_ALIASES = 100

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
LANGUAGE_PATTERN = r"^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$"  # BCP-47
WIKIDATA_PATTERN = r"^Q[1-9][0-9]*$"
COUNTRY_PATTERN = r"^[A-Z]{3}$"  # ISO 3166-1 alpha-3
Language = Annotated[str, StringConstraints(pattern=LANGUAGE_PATTERN, max_length=35)]
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def iso_date(value: Any) -> Any:
    """A date as JSON writes one, "YYYY-MM-DD": pydantic would also take a number as a Unix
    time (``0`` became 1970-01-01) and a date-time with its time dropped."""
    if isinstance(value, date) or (isinstance(value, str) and ISO_DATE.fullmatch(value)):
        return value
    raise ValueError("a date is a string YYYY-MM-DD")


IsoDate = Annotated[date, BeforeValidator(iso_date)]
WikidataId = Annotated[str, StringConstraints(pattern=WIKIDATA_PATTERN, max_length=20)]
Country = Annotated[
    str, StringConstraints(pattern=r"^[A-Z]{3}$", max_length=3)
]  # ISO 3166-1 alpha-3


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
