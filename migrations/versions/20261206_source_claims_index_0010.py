"""a source's claims from an index alone again, now that lists leave rejected stances out

Since 0009 the claims list's ``source_id`` filter asks for stances of the source that are
live and not rejected; ``ix_stance_source_id_status_claim_id`` does not hold
``review_status``, so SQLite read every such stance's row to test it (at 200,000 claims the
lookup took 0.35 ms instead of 0.13, and a source's page of claims lost half its speed
against Datasette: docs/benchmarks.md). The index gains ``review_status`` before
``claim_id`` and answers from the index alone again.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06 05:25:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD = "ix_stance_source_id_status_claim_id"
NEW = "ix_stance_source_id_status_review_status_claim_id"


def upgrade() -> None:
    op.create_index(NEW, "stance", ["source_id", "status", "review_status", "claim_id"])
    op.drop_index(OLD, table_name="stance")


def downgrade() -> None:
    op.create_index(OLD, "stance", ["source_id", "status", "claim_id"])
    op.drop_index(NEW, table_name="stance")
