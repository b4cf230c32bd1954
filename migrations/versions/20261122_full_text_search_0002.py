"""full-text search: passages, and their search indexes with claims and actor labels

SQLite: FTS5 tables (``fts_*``) kept in sync with the base tables by triggers.
PostgreSQL: generated tsvector columns (``search_vector``) with GIN indexes.
Neither is in the models: app.search.engine.include_name keeps them out of comparisons.

A later batch migration that recreates claim, passage, actor or actor_alias on SQLite
drops their triggers with the old table, and must create them again (SQLITE_TRIGGERS).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 01:25:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from app.search.passages import passage_rows

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TOKENIZE = "tokenize = 'porter unicode61 remove_diacritics 2'"
SQLITE_TABLES = {
    "fts_claim": "id UNINDEXED, text",
    "fts_passage": "id UNINDEXED, source_id UNINDEXED, text",
    # one row per actor name ('name') and per alias ('alias')
    "fts_actor_label": "actor_id UNINDEXED, field UNINDEXED, label",
}
# trigger name -> (event on table, body)
SQLITE_TRIGGERS = {
    "fts_claim_insert": (
        "AFTER INSERT ON claim",
        "INSERT INTO fts_claim (id, text) VALUES (new.id, new.text);",
    ),
    "fts_claim_update": (
        "AFTER UPDATE OF id, text ON claim",
        "UPDATE fts_claim SET id = new.id, text = new.text WHERE id = old.id;",
    ),
    "fts_claim_delete": ("AFTER DELETE ON claim", "DELETE FROM fts_claim WHERE id = old.id;"),
    "fts_passage_insert": (
        "AFTER INSERT ON passage",
        "INSERT INTO fts_passage (id, source_id, text) VALUES (new.id, new.source_id, new.text);",
    ),
    "fts_passage_update": (
        "AFTER UPDATE OF id, source_id, text ON passage",
        "UPDATE fts_passage SET id = new.id, source_id = new.source_id, text = new.text "
        "WHERE id = old.id;",
    ),
    "fts_passage_delete": (
        "AFTER DELETE ON passage",
        "DELETE FROM fts_passage WHERE id = old.id;",
    ),
    "fts_actor_insert": (
        "AFTER INSERT ON actor",
        "INSERT INTO fts_actor_label (actor_id, field, label) VALUES (new.id, 'name', new.name);",
    ),
    "fts_actor_update": (
        "AFTER UPDATE OF id, name ON actor",
        "UPDATE fts_actor_label SET actor_id = new.id, label = new.name "
        "WHERE actor_id = old.id AND field = 'name';",
    ),
    "fts_actor_delete": (
        "AFTER DELETE ON actor",
        "DELETE FROM fts_actor_label WHERE actor_id = old.id AND field = 'name';",
    ),
    "fts_actor_alias_insert": (
        "AFTER INSERT ON actor_alias",
        "INSERT INTO fts_actor_label (actor_id, field, label) "
        "VALUES (new.actor_id, 'alias', new.label);",
    ),
    "fts_actor_alias_update": (
        "AFTER UPDATE OF actor_id, label ON actor_alias",
        "UPDATE fts_actor_label SET actor_id = new.actor_id, label = new.label "
        "WHERE actor_id = old.actor_id AND field = 'alias' AND label = old.label;",
    ),
    "fts_actor_alias_delete": (
        "AFTER DELETE ON actor_alias",
        "DELETE FROM fts_actor_label "
        "WHERE actor_id = old.actor_id AND field = 'alias' AND label = old.label;",
    ),
}
SQLITE_BACKFILL = [
    "INSERT INTO fts_claim (id, text) SELECT id, text FROM claim",
    "INSERT INTO fts_actor_label (actor_id, field, label) SELECT id, 'name', name FROM actor",
    "INSERT INTO fts_actor_label (actor_id, field, label) "
    "SELECT actor_id, 'alias', label FROM actor_alias",
]
# table -> the text its tsvector is generated from
POSTGRESQL_VECTORS = {"claim": "text", "passage": "text", "actor": "name", "actor_alias": "label"}


def upgrade() -> None:
    op.create_table(
        "passage",
        sa.Column("id", sa.String(length=100), nullable=False),
        sa.Column("source_id", sa.String(length=100), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.CheckConstraint('length(text) = "end" - start', name=op.f("ck_passage_span_length")),
        sa.CheckConstraint('start >= 0 AND start < "end"', name=op.f("ck_passage_span_order")),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["source.id"],
            name=op.f("fk_passage_source_id_source"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_passage")),
    )
    with op.batch_alter_table("passage", schema=None) as batch_op:
        batch_op.create_index("ix_passage_source_id_start", ["source_id", "start"], unique=True)

    if op.get_context().dialect.name == "sqlite":
        for name, columns in SQLITE_TABLES.items():
            op.execute(f"CREATE VIRTUAL TABLE {name} USING fts5({columns}, {TOKENIZE})")
        for name, (event, body) in SQLITE_TRIGGERS.items():
            op.execute(f"CREATE TRIGGER {name} {event} BEGIN {body} END")
        for statement in SQLITE_BACKFILL:
            op.execute(statement)
    else:
        for name, source in POSTGRESQL_VECTORS.items():
            op.execute(
                f"ALTER TABLE {name} ADD COLUMN search_vector tsvector "
                f"GENERATED ALWAYS AS (to_tsvector('english'::regconfig, {source})) STORED"
            )
            op.execute(f"CREATE INDEX ix_{name}_search_vector ON {name} USING gin (search_vector)")

    if not op.get_context().as_sql:
        # the sources already stored get their passages (and, by the triggers, their index);
        # offline (--sql), `claimsdb seed` fills them instead
        bind = op.get_bind()
        sources = bind.execute(sa.text("SELECT id, text FROM source ORDER BY id")).all()
        rows = [row for id_, text in sources for row in passage_rows(source_id=id_, text=text)]
        if rows:
            columns = ("id", "source_id", "start", "end", "text")
            op.bulk_insert(sa.table("passage", *map(sa.column, columns)), rows)


def downgrade() -> None:
    if op.get_context().dialect.name == "sqlite":
        for name in SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER {name}")
        for name in SQLITE_TABLES:
            op.execute(f"DROP TABLE {name}")
    else:
        for name in POSTGRESQL_VECTORS:
            op.execute(f"DROP INDEX ix_{name}_search_vector")
            op.execute(f"ALTER TABLE {name} DROP COLUMN search_vector")

    with op.batch_alter_table("passage", schema=None) as batch_op:
        batch_op.drop_index("ix_passage_source_id_start")

    op.drop_table("passage")
