"""Seed metadata tables (see the comment below)."""

from enum import StrEnum
from typing import Any

from sqlalchemy import CheckConstraint, Column, ForeignKey, String, Text
from sqlmodel import Field, SQLModel

from app.models.common import (
    NOTE_LENGTH,
    one_of,
)

# ---- seed metadata
# What the seed files say beyond the rows above, kept so that `claimsdb export
# --annotations` writes the files back as they were (app/seeds/export.py): each
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
