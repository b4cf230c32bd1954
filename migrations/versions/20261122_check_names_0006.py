"""check names: the CHECK constraints of revision 0003 named alike on both engines

On PostgreSQL, revision 0003 passed names that already carried the ``ck_<table>_`` prefix
to ``create_check_constraint``, and the naming convention added it again:
``ck_claim_ck_claim_review_status_vocabulary`` where SQLite has
``ck_claim_review_status_vocabulary``. This renames them; SQLite has nothing to do.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22 04:30:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CHECKS = {
    "source": ["version_positive", "status_vocabulary"],
    "actor": ["version_positive", "status_vocabulary"],
    "claim": ["version_positive", "review_status_vocabulary"],
    "stance": ["version_positive", "status_vocabulary", "review_status_vocabulary"],
    "mention": ["version_positive", "status_vocabulary", "origin_vocabulary"],
}


def rename(*, doubled_to_single: bool) -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, checks in CHECKS.items():
        for check in checks:
            single, doubled = f"ck_{table}_{check}", f"ck_{table}_ck_{table}_{check}"
            old, new = (doubled, single) if doubled_to_single else (single, doubled)
            op.execute(f'ALTER TABLE "{table}" RENAME CONSTRAINT "{old}" TO "{new}"')


def upgrade() -> None:
    rename(doubled_to_single=True)


def downgrade() -> None:
    rename(doubled_to_single=False)
