"""bounded reads: counts kept by the writes, so that no read counts a whole table

At 200,000 claims the agreement view paired every party with every other in Python (35 s
and more), the unfiltered facets counted every stance (up to 1.2 s), and
``contested=true&sort=-stance_count`` counted each claim's stances per request. These tables
hold those counts, kept in step by each write and rebuilt with the read model
(``claimsdb migrate`` fills them); the index on a holder's claims serves ``actor_id=`` and a
holder's side in agreement; the claims' indexes on (claim_type, id) and (text, id) give
those sort orders whole, where the first took every claim of a type into a sort.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05 23:50:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index("ix_claim_claim_type", table_name="claim")
    op.create_index("ix_claim_claim_type_id", "claim", ["claim_type", "id"])
    op.create_index("ix_claim_text_id", "claim", ["text", "id"])
    op.create_index(
        "ix_stance_holder_id_status_claim_id", "stance", ["holder_id", "status", "claim_id"]
    )
    op.create_table(
        "claim_stats",
        sa.Column("claim_id", sa.String(length=100), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("stance_count", sa.Integer(), nullable=False),
        sa.Column("contested", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claim.id"],
            name=op.f("fk_claim_stats_claim_id_claim"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("claim_id", name=op.f("pk_claim_stats")),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_claim_stats_status_stance_count", "claim_stats", ["status", "stance_count"])
    op.create_index("ix_claim_stats_contested_status", "claim_stats", ["contested", "status"])
    op.create_index(
        "ix_claim_stats_contested_status_stance_count",
        "claim_stats",
        ["contested", "status", "stance_count"],
    )
    op.create_index(
        "ix_claim_stats_stance_count_claim_id", "claim_stats", ["stance_count", "claim_id"]
    )
    op.create_table(
        "facet_count",
        sa.Column("scope", sa.String(length=8), nullable=False),
        sa.Column("facet", sa.String(length=16), nullable=False),
        sa.Column("value", sa.String(length=100), nullable=False),
        sa.Column("shard", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("scope", "facet", "value", "shard", name=op.f("pk_facet_count")),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "agreement_party",
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("party", sa.String(length=110), nullable=False),
        sa.Column("claims", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("kind", "party", name=op.f("pk_agreement_party")),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "agreement_pair",
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("a", sa.String(length=110), nullable=False),
        sa.Column("b", sa.String(length=110), nullable=False),
        sa.Column("shared", sa.Integer(), nullable=False),
        sa.Column("agree", sa.Integer(), nullable=False),
        sa.Column("disagree", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("kind", "a", "b", name=op.f("pk_agreement_pair")),
        sqlite_with_rowid=False,
    )
    # the new tables are empty: `claimsdb migrate` rebuilds the read model, and them with it,
    # because app/read_model/__init__.py's FORMAT changed with this revision


def downgrade() -> None:
    op.drop_table("agreement_pair")
    op.drop_table("agreement_party")
    op.drop_table("facet_count")
    for name in (
        "ix_claim_stats_stance_count_claim_id",
        "ix_claim_stats_contested_status_stance_count",
        "ix_claim_stats_contested_status",
        "ix_claim_stats_status_stance_count",
    ):
        op.drop_index(name, table_name="claim_stats")
    op.drop_table("claim_stats")
    op.drop_index("ix_stance_holder_id_status_claim_id", table_name="stance")
    op.drop_index("ix_claim_text_id", table_name="claim")
    op.drop_index("ix_claim_claim_type_id", table_name="claim")
    op.create_index("ix_claim_claim_type", "claim", ["claim_type"])
