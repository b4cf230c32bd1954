"""curation: versions, retraction and review status, mention origin, actor redirects,
API keys and the audit log

SQLite adds each column with ALTER TABLE and an inline named CHECK, so no table is
rebuilt: a rebuild would drop the full-text triggers of revision 0002.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 01:50:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CURATED = ("source", "actor", "claim", "stance", "mention")
STATUS = "'active', 'retracted'"
REVIEW = "'accepted', 'candidate', 'rejected'"

# (table, column, SQL type, NOT NULL default or None, check name, check expression)
COLUMNS = [
    *(
        column
        for table in CURATED
        for column in (
            (table, "version", "INTEGER", "1", "version_positive", "version >= 1"),
            (
                table,
                "status",
                "VARCHAR(10)",
                "'active'",
                "status_vocabulary",
                f"status IN ({STATUS})",
            ),
            (table, "status_reason", "VARCHAR(1000)", None, None, None),
        )
        if not (table == "claim" and column[1] in ("status", "status_reason"))
    ),
    (
        "claim",
        "review_status",
        "VARCHAR(10)",
        "'accepted'",
        "review_status_vocabulary",
        f"review_status IN ({REVIEW})",
    ),
    (
        "stance",
        "review_status",
        "VARCHAR(10)",
        "'accepted'",
        "review_status_vocabulary",
        f"review_status IN ({REVIEW})",
    ),
    (
        "mention",
        "origin",
        "VARCHAR(8)",
        "'derived'",
        "origin_vocabulary",
        "origin IN ('derived', 'curated')",
    ),
]


def column_sql(
    column: str, type_: str, default: str | None, constraint: str, check: str | None
) -> str:
    sql = f"{column} {type_}"
    if default is not None:
        sql += f" NOT NULL DEFAULT {default}"
    if check is not None:
        sql += f" CONSTRAINT {constraint} CHECK ({check})"
    return sql


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table, column, type_, default, check, expression in COLUMNS:
        constraint = f"ck_{table}_{check}"
        if sqlite:
            definition = column_sql(column, type_, default, constraint, expression)
            op.execute(f"ALTER TABLE {table} ADD COLUMN {definition}")
            continue
        op.add_column(
            table,
            sa.Column(
                column,
                sa.Integer() if type_ == "INTEGER" else sa.String(int(type_[8:-1])),
                nullable=default is None,
                server_default=sa.text(default) if default is not None else None,
            ),
        )
        if check is not None:
            op.create_check_constraint(constraint, table, expression)

    op.create_table(
        "actor_redirect",
        sa.Column("old_id", sa.String(length=100), nullable=False),
        sa.Column("actor_id", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["actor.id"],
            name=op.f("fk_actor_redirect_actor_id_actor"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("old_id", name=op.f("pk_actor_redirect")),
    )
    op.create_index(op.f("ix_actor_redirect_actor_id"), "actor_redirect", ["actor_id"])
    op.create_table(
        "api_key",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("scope", sa.String(length=8), nullable=False),
        sa.Column("secret_sha256", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "scope IN ('read', 'curate', 'admin')", name=op.f("ck_api_key_scope_vocabulary")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_key")),
        sa.UniqueConstraint("name", name=op.f("uq_api_key_name")),
    )
    op.create_table(
        "change",
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("key_name", sa.String(length=200), nullable=False),
        sa.Column("action", sa.String(length=10), nullable=False),
        sa.Column("resource", sa.String(length=10), nullable=False),
        sa.Column("resource_id", sa.String(length=100), nullable=False),
        sa.Column("version", sa.Integer(), nullable=True),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_change")),
    )
    op.create_index("ix_change_resource_resource_id", "change", ["resource", "resource_id"])


def downgrade() -> None:
    op.drop_index("ix_change_resource_resource_id", table_name="change")
    op.drop_table("change")
    op.drop_table("api_key")
    op.drop_index(op.f("ix_actor_redirect_actor_id"), table_name="actor_redirect")
    op.drop_table("actor_redirect")
    if op.get_bind().dialect.name == "sqlite":
        for table in CURATED:
            added = [c for c in COLUMNS if c[0] == table]
            rebuild_sqlite_table(table, added)
        return
    for table, column, _type, _default, check, _expression in reversed(COLUMNS):
        if check is not None:
            op.drop_constraint(f"ck_{table}_{check}", table, type_="check")
        op.drop_column(table, column)


def rebuild_sqlite_table(table: str, added: list[tuple]) -> None:
    """Remove columns SQLite cannot drop (a CHECK names them): rebuild the table from its
    own CREATE statement less what ADD COLUMN appended, keeping its other constraints,
    indexes and triggers (the full-text ones among them). Foreign keys are off during
    migrations (migrations/env.py), so dropping the old table cascades nothing."""
    connection = op.get_bind()
    create = connection.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
    ).scalar_one()
    for _table, column, type_, default, check, expression in added:
        definition = column_sql(column, type_, default, f"ck_{table}_{check}", expression)
        assert f", {definition}" in create, (table, definition)
        create = create.replace(f", {definition}", "")
    dropped = {column for _table, column, *_rest in added}
    kept = [
        row[1]
        for row in connection.exec_driver_sql(f"PRAGMA table_info({table})")
        if row[1] not in dropped
    ]
    dependents = [
        row[0]
        for row in connection.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') "
            "AND sql IS NOT NULL",
            (table,),
        )
    ]
    columns = ", ".join(f'"{name}"' for name in kept)
    prefix = f"CREATE TABLE {table} "
    assert create.startswith(prefix), create
    op.execute(f"CREATE TABLE _rebuild_{table} {create[len(prefix) :]}")
    op.execute(f"INSERT INTO _rebuild_{table} ({columns}) SELECT {columns} FROM {table}")
    op.execute(f"DROP TABLE {table}")
    op.execute(f"ALTER TABLE _rebuild_{table} RENAME TO {table}")
    for sql in dependents:
        op.execute(sql)
