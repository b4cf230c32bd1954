"""review: proposals of the annotation pipeline beside what people wrote

Claims, stances, mentions and actors carry a ``review_status`` (claims and stances since
0003): every existing row is accepted, so data people wrote reads as before. A proposal says
what made it (``extracted_by``, "<pipeline>@<version>") and how sure it was (``confidence``,
0 to 1); a proposed stance keeps the existing claims it may restate (``suggested_claims``).
The audit log's ``resource`` grows to fit any resource's name.

SQLite adds each column with ALTER TABLE and an inline named CHECK, so that no curated table
is rebuilt (a rebuild would drop the full-text triggers of revision 0002); only the audit
log, which has no triggers, is rebuilt to widen its column.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06 03:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

REVIEWED = ("claim", "stance", "mention", "actor")
REVIEW = "review_status IN ('accepted', 'candidate', 'rejected')"
CONFIDENCE = "confidence >= 0 AND confidence <= 1"

# (table, column, SQLAlchemy type, SQLite declaration, CHECK name or None, CHECK expression)
COLUMNS = [
    *(
        (
            table,
            "review_status",
            sa.String(10),
            "VARCHAR(10) NOT NULL DEFAULT 'accepted'",
            "review_status_vocabulary",
            REVIEW,
        )
        for table in ("mention", "actor")
    ),
    *(
        column
        for table in REVIEWED
        for column in (
            (table, "extracted_by", sa.String(200), "VARCHAR(200)", None, None),
            (table, "confidence", sa.Float(), "FLOAT", "confidence_range", CONFIDENCE),
        )
    ),
    ("stance", "suggested_claims", sa.JSON(), "JSON", None, None),
]


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table, column, type_, declaration, check, expression in COLUMNS:
        if sqlite:
            constraint = f" CONSTRAINT ck_{table}_{check} CHECK ({expression})" if check else ""
            op.execute(f"ALTER TABLE {table} ADD COLUMN {column} {declaration}{constraint}")
            continue
        not_null = column == "review_status"
        op.add_column(
            table,
            sa.Column(
                column,
                type_,
                nullable=not not_null,
                server_default=sa.text("'accepted'") if not_null else None,
            ),
        )
        if check is not None:
            op.create_check_constraint(op.f(f"ck_{table}_{check}"), table, expression)
    for table in REVIEWED:
        op.create_index(f"ix_{table}_review_status_id", table, ["review_status", "id"])
    with op.batch_alter_table("change") as batch:
        batch.alter_column(
            "resource", existing_type=sa.String(10), type_=sa.String(40), existing_nullable=False
        )


def downgrade() -> None:
    with op.batch_alter_table("change") as batch:
        # fails, rather than cut, where a resource's name is longer than the old column
        batch.alter_column(
            "resource", existing_type=sa.String(40), type_=sa.String(10), existing_nullable=False
        )
    for table in REVIEWED:
        op.drop_index(f"ix_{table}_review_status_id", table_name=table)
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table, column, _type, _declaration, check, _expression in reversed(COLUMNS):
        if sqlite:
            # SQLite (3.35 and later) drops a column whose only CHECK is its own in place,
            # keeping the table's triggers
            op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
            continue
        if check is not None:
            op.drop_constraint(op.f(f"ck_{table}_{check}"), table, type_="check")
        op.drop_column(table, column)
