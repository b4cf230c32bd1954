"""read model: the JSON bodies of the claim lists and of a source's annotations, stored

Building a page of claims or of a source's annotations from its tables read each row's
parts (topics, actors, claim text, holder) in seeks scattered over the file, and turned
every column into a Python object: more than the rest of the request. These tables hold
each body ready, keyed in the order the endpoints page through; SQLite keeps them as
clustered b-trees (WITHOUT ROWID). They are derived: this revision creates them empty,
and ``claimsdb migrate`` fills them (app/read_model/__init__.py), as it refills them
whenever the bodies' format changes.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 21:28:13.693909
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "read_model_format",
        sa.Column("format", sa.Integer(), autoincrement=False, nullable=False),
        sa.PrimaryKeyConstraint("format", name=op.f("pk_read_model_format")),
    )
    op.create_table(
        "claim_json",
        sa.Column("claim_id", sa.String(length=100), nullable=False),
        sa.Column("body", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claim.id"],
            name=op.f("fk_claim_json_claim_id_claim"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("claim_id", name=op.f("pk_claim_json")),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "annotation_json",
        sa.Column("source_id", sa.String(length=100), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("id", sa.String(length=100), nullable=False),
        sa.Column("body", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["source.id"],
            name=op.f("fk_annotation_json_source_id_source"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "source_id", "start", "end", "kind", "id", name=op.f("pk_annotation_json")
        ),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_annotation_json_kind_id", "annotation_json", ["kind", "id"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_annotation_json_kind_id", table_name="annotation_json")
    op.drop_table("annotation_json")
    op.drop_table("claim_json")
    op.drop_table("read_model_format")
