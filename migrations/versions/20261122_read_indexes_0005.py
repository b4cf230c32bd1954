"""read indexes: the busiest reads answered from an index alone

The claims of a source, a holder's stance counts by label, and a holder's stances in id
order each read a few hundred stance rows scattered over the table, or (PostgreSQL) walked
the claim primary key to find the first page. Covering indexes make them index-only scans.
The index on holder_id alone is the prefix of two of them, so it goes; the one on
(source_id, start) gains status, so that a source's live spans in text order still come
from an index once another index on (source_id, status) could compete for them.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22 04:00:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = {
    "ix_stance_source_id_status_start": ["source_id", "status", "start"],
    "ix_stance_source_id_status_claim_id": ["source_id", "status", "claim_id"],
    "ix_stance_holder_id_status_label": ["holder_id", "status", "label"],
    "ix_stance_holder_id_status_id": ["holder_id", "status", "id"],
}


def upgrade() -> None:
    for name, columns in INDEXES.items():
        op.create_index(name, "stance", columns)
    op.drop_index("ix_stance_holder_id", table_name="stance")
    op.drop_index("ix_stance_source_id_start", table_name="stance")


def downgrade() -> None:
    op.create_index("ix_stance_holder_id", "stance", ["holder_id"])
    op.create_index("ix_stance_source_id_start", "stance", ["source_id", "start"])
    for name in INDEXES:
        op.drop_index(name, table_name="stance")
