"""The tables: each a SQLModel ``table=True``, never a request body or a response."""

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    String,
    Text,
)
from sqlmodel import Field, SQLModel

from app.models.common import (
    NAME_LENGTH,
    NOTE_LENGTH,
    TEXT_LENGTH,
    TITLE_LENGTH,
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
    Scope,
    Status,
    id_column,
    one_of,
    ref,
    span_checks,
)


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


class Reviewed(SQLModel):
    """What a resource the annotation pipeline can propose carries (migration 0009): a
    review status (what people wrote is accepted; a proposal is a candidate until a person
    accepts or rejects it), and for a proposal, what made it and how sure it was."""

    review_status: str = Field(
        default=ReviewStatus.accepted,
        sa_type=String(10),
        sa_column_kwargs={"server_default": "accepted"},
    )
    # "<pipeline>@<version>", null for what people wrote
    extracted_by: str | None = Field(default=None, sa_type=String(NAME_LENGTH))
    confidence: float | None = Field(default=None, sa_type=Float)


def reviewed_checks(table: str) -> tuple[CheckConstraint | Index, ...]:
    return (
        one_of("review_status", ReviewStatus),
        CheckConstraint("confidence >= 0 AND confidence <= 1", name="confidence_range"),
        # the lists' review_status filter, in their default (id) order: candidates and
        # rejections are few beside what people wrote
        Index(f"ix_{table}_review_status_id", "review_status", "id"),
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


class Actor(Curated, Reviewed, table=True):
    __table_args__ = (
        *curated_checks(),
        *reviewed_checks("actor"),
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


class Claim(Curated, Reviewed, table=True):
    __table_args__ = (
        *curated_checks(),
        *reviewed_checks("claim"),
        one_of("claim_type", ClaimType),
        # the claims list's sort orders, whole, so that a page reads only its rows (0008)
        Index("ix_claim_claim_type_id", "claim_type", "id"),
        Index("ix_claim_text_id", "text", "id"),
    )

    id: str = id_column()
    text: str = Field(sa_type=String(TEXT_LENGTH))
    claim_type: str = Field(sa_type=String(16))


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


class Stance(Curated, Reviewed, table=True):
    __table_args__ = (
        *curated_checks(),
        *reviewed_checks("stance"),
        one_of("label", Label),
        one_of("attribution", Attribution),
        one_of("certainty", Certainty),
        *span_checks(),
        # the busiest reads, from an index alone where they can (migration 0005): a source's
        # spans in text order, its claims, a holder's stances by label and in id order
        Index("ix_stance_source_id_status_start", "source_id", "status", "start"),
        Index(  # with review_status since the lists leave rejected stances out (0010)
            "ix_stance_source_id_status_review_status_claim_id",
            "source_id",
            "status",
            "review_status",
            "claim_id",
        ),
        Index("ix_stance_holder_id_status_label", "holder_id", "status", "label"),
        Index("ix_stance_holder_id_status_id", "holder_id", "status", "id"),
        # an actor's claims, a holder's side in agreement (migration 0008)
        Index("ix_stance_holder_id_status_claim_id", "holder_id", "status", "claim_id"),
    )

    id: str = id_column()
    claim_id: str = ref("claim.id")
    source_id: str = ref("source.id", index=False)  # the source indexes cover it
    holder_id: str | None = ref("actor.id", nullable=True, index=False)  # the holder indexes
    label: str = Field(sa_type=String(10), index=True)
    attribution: str = Field(sa_type=String(12))
    certainty: str = Field(sa_type=String(10))
    # up to three existing claims a proposed stance may restate: [{"id": ..., "score": ...}]
    # (none_as_null: a stance with no suggestions holds SQL NULL whichever way it was written)
    suggested_claims: list[dict[str, Any]] | None = Field(
        default=None, sa_type=JSON(none_as_null=True)
    )
    start: int
    end: int
    quote: str = Field(sa_column=Column(Text, nullable=False))
    prefix: str = Field(sa_type=String(32))
    suffix: str = Field(sa_type=String(32))


class Mention(Curated, Reviewed, table=True):
    __table_args__ = (
        *curated_checks(),
        *reviewed_checks("mention"),
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


# room for any resource's name in the audit log (0009 widened it from 10)
RESOURCE_LENGTH = 40


class Change(SQLModel, table=True):
    """The audit log, one row per write, appended in the write's own transaction; its
    sequence number is the cursor a mirror follows."""

    __table_args__ = (Index("ix_change_resource_resource_id", "resource", "resource_id"),)

    seq: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(sa_type=DateTime(timezone=True))
    key_name: str = Field(sa_type=String(NAME_LENGTH))
    action: str = Field(sa_type=String(10))
    resource: str = Field(sa_type=String(RESOURCE_LENGTH))
    resource_id: str = Field(sa_type=String(100))
    version: int | None = None
    before: dict[str, Any] | None = Field(default=None, sa_type=JSON)
    after: dict[str, Any] | None = Field(default=None, sa_type=JSON)


# ---- search
# Tables that full-text search needs beside the ones above (see app/search/engine.py).
# The search indexes themselves (SQLite FTS5 tables, PostgreSQL tsvector columns) live
# outside this metadata, in migration 0002.


class Passage(SQLModel, table=True):
    """A paragraph of a source's text: the unit search finds in sources. Derived from the
    text by ``app.search.passages.passage_rows`` whenever a source is stored."""

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


# ---- read model
# The JSON bodies of the busiest reads, derived from the tables above and kept in step with
# them in each write's own transaction by app/read_model/__init__.py (migration 0007).
# SQLite stores each as a clustered b-tree (WITHOUT ROWID), so that its key orders the rows
# on disk: a page of a source's annotations is one short range of the file.


# ---- counts
# What whole-list reads would otherwise count over every row (migration 0008), kept in step
# by each write's own transaction (app/read_model/counts.py, app/read_model/agreement.py) and
# rebuilt with the read model.
