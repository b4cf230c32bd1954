"""The read model's tables: the JSON bodies of the busiest reads and the kept counts,
derived from app/models/tables.py and kept in step in each write's own transaction."""

from sqlalchemy import (
    Boolean,
    ForeignKey,
    Index,
    LargeBinary,
    String,
)
from sqlmodel import Field, SQLModel


class ClaimJson(SQLModel, table=True):
    """A claim's ClaimPublic body, as the claim lists and a claim by id answer it."""

    __tablename__ = "claim_json"
    __table_args__ = {"sqlite_with_rowid": False}

    claim_id: str = Field(
        sa_column_args=[ForeignKey("claim.id", ondelete="CASCADE")],
        sa_type=String(100),
        primary_key=True,
    )
    body: bytes = Field(sa_type=LargeBinary)


class AnnotationJson(SQLModel, table=True):
    """A live stance or mention span's AnnotationPublic body, keyed in a source's text order
    (start, end, kind, id): the order of ``/v1/sources/{id}/annotations``."""

    __tablename__ = "annotation_json"
    __table_args__ = (
        Index("ix_annotation_json_kind_id", "kind", "id", unique=True),
        {"sqlite_with_rowid": False},
    )

    source_id: str = Field(
        sa_column_args=[ForeignKey("source.id", ondelete="CASCADE")],
        sa_type=String(100),
        primary_key=True,
    )
    start: int = Field(primary_key=True)
    end: int = Field(primary_key=True)
    kind: str = Field(sa_type=String(8), primary_key=True)
    id: str = Field(sa_type=String(100), primary_key=True)
    body: bytes = Field(sa_type=LargeBinary)


class ReadModelFormat(SQLModel, table=True):
    """The format the stored bodies were built in; ``claimsdb migrate`` rebuilds them all
    when the code's differs, so that no migration needs to know how a body is made."""

    __tablename__ = "read_model_format"

    format: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})


class ClaimStats(SQLModel, table=True):
    """A claim's live stances counted: the key of ``sort=stance_count`` and ``contested``."""

    __tablename__ = "claim_stats"
    __table_args__ = (
        Index("ix_claim_stats_status_stance_count", "status", "stance_count"),
        Index("ix_claim_stats_contested_status", "contested", "status"),
        Index(
            "ix_claim_stats_contested_status_stance_count", "contested", "status", "stance_count"
        ),
        # the stance list's claim_id facet: the claims with most stances
        Index("ix_claim_stats_stance_count_claim_id", "stance_count", "claim_id"),
        {"sqlite_with_rowid": False},
    )

    claim_id: str = Field(
        sa_column_args=[ForeignKey("claim.id", ondelete="CASCADE")],
        sa_type=String(100),
        primary_key=True,
    )
    status: str = Field(sa_type=String(10))
    stance_count: int
    contested: bool = Field(sa_type=Boolean)


class FacetCount(SQLModel, table=True):
    """How many items of an unfiltered list carry each value of a facet: ``scope`` claim
    counts live claims (once per value), stance counts live stances. A value's count is
    the sum over its shards: a write adds to its claim's shard, so that concurrent writes
    on PostgreSQL seldom update one row (each such pair fails one of them, SERIALIZABLE)."""

    __tablename__ = "facet_count"
    __table_args__ = {"sqlite_with_rowid": False}

    scope: str = Field(sa_type=String(8), primary_key=True)
    facet: str = Field(sa_type=String(16), primary_key=True)
    value: str = Field(sa_type=String(100), primary_key=True)
    shard: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    count: int


class AgreementParty(SQLModel, table=True):
    """How many claims a source or holder (``kind``) addresses with a live stance."""

    __tablename__ = "agreement_party"
    __table_args__ = {"sqlite_with_rowid": False}

    kind: str = Field(sa_type=String(8), primary_key=True)
    party: str = Field(sa_type=String(110), primary_key=True)
    claims: int


class AgreementPair(SQLModel, table=True):
    """Two parties of one ``kind`` and the claims both address, stored in both orders so
    that one party's pairs are one range of the key."""

    __tablename__ = "agreement_pair"
    __table_args__ = {"sqlite_with_rowid": False}

    kind: str = Field(sa_type=String(8), primary_key=True)
    a: str = Field(sa_type=String(110), primary_key=True)
    b: str = Field(sa_type=String(110), primary_key=True)
    shared: int
    agree: int
    disagree: int
