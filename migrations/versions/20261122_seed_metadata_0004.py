"""seed metadata: what the seed files say beyond the data, so that an export writes them back

Each source's file name, its furniture, filler and not_mentions entries as declared, the
anchors and notes annotators wrote for stances and mentions, and the source file that
defines each claim. Only new tables: on SQLite, adding columns with CHECKs to the base
tables would mean rebuilding them, which drops the full-text triggers of revision 0002.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 03:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def owned_by(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}"), ondelete="CASCADE"
    )


def anchor_columns() -> list[sa.Column]:
    return [
        sa.Column("prefix", sa.Text(), nullable=True),
        sa.Column("suffix", sa.Text(), nullable=True),
        sa.Column("occurrence", sa.Integer(), nullable=True),
    ]


def occurrence_check(table: str) -> sa.CheckConstraint:
    return sa.CheckConstraint("occurrence >= 1", name=op.f(f"ck_{table}_occurrence_positive"))


def upgrade() -> None:
    op.create_table(
        "source_file",
        sa.Column("source_id", sa.String(length=100), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        owned_by("source_file", "source_id", "source"),
        sa.PrimaryKeyConstraint("source_id", name=op.f("pk_source_file")),
        sa.UniqueConstraint("file_name", name=op.f("uq_source_file_file_name")),
    )
    op.create_table(
        "source_anchor",
        sa.Column("source_id", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("quote", sa.Text(), nullable=False),
        *anchor_columns(),
        sa.Column("all_occurrences", sa.Boolean(), nullable=False),
        sa.Column("note", sa.String(length=1000), nullable=True),
        sa.CheckConstraint(
            "kind IN ('furniture', 'filler', 'not_mention')",
            name=op.f("ck_source_anchor_kind_vocabulary"),
        ),
        occurrence_check("source_anchor"),
        sa.CheckConstraint("ordinal >= 0", name=op.f("ck_source_anchor_ordinal_positive")),
        sa.CheckConstraint(
            "NOT all_occurrences OR (kind = 'furniture' AND occurrence IS NULL)",
            name=op.f("ck_source_anchor_all_occurrences_furniture"),
        ),
        owned_by("source_anchor", "source_id", "source"),
        sa.PrimaryKeyConstraint("source_id", "kind", "ordinal", name=op.f("pk_source_anchor")),
    )
    op.create_table(
        "stance_anchor",
        sa.Column("stance_id", sa.String(length=100), nullable=False),
        *anchor_columns(),
        occurrence_check("stance_anchor"),
        owned_by("stance_anchor", "stance_id", "stance"),
        sa.PrimaryKeyConstraint("stance_id", name=op.f("pk_stance_anchor")),
    )
    op.create_table(
        "mention_anchor",
        sa.Column("mention_id", sa.String(length=100), nullable=False),
        *anchor_columns(),
        sa.Column("note", sa.String(length=1000), nullable=True),
        occurrence_check("mention_anchor"),
        owned_by("mention_anchor", "mention_id", "mention"),
        sa.PrimaryKeyConstraint("mention_id", name=op.f("pk_mention_anchor")),
    )
    op.create_table(
        "claim_origin",
        sa.Column("claim_id", sa.String(length=100), nullable=False),
        sa.Column("source_id", sa.String(length=100), nullable=False),
        owned_by("claim_origin", "claim_id", "claim"),
        owned_by("claim_origin", "source_id", "source"),
        sa.PrimaryKeyConstraint("claim_id", name=op.f("pk_claim_origin")),
    )
    op.create_index(op.f("ix_claim_origin_source_id"), "claim_origin", ["source_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_claim_origin_source_id"), table_name="claim_origin")
    for table in (
        "claim_origin",
        "mention_anchor",
        "stance_anchor",
        "source_anchor",
        "source_file",
    ):
        op.drop_table(table)
