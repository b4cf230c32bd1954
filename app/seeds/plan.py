"""What the seed files would change in a database, record by record, and who wrote each
of those records last.

A record is a source, actor, claim, stance or mention with the rows that belong to it
(a claim's topics and actors, an actor's aliases, a source's passages, the seed metadata).
Who wrote it last comes from the change log: every write through the API appends a
``Change`` under its key's name, seeding appends its own under ``SEED_WRITER``, and a
record with no change at all was loaded by a seeding older than the change log.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from sqlalchemy import Connection, Table, UniqueConstraint, func, select

from app.audit.service import MODELS
from app.core.auth import SEED_WRITER
from app.models import Change
from app.seeds.assemble import TABLES, SeedSet
from app.seeds.parse import SeedError

RESOURCES = list(MODELS)  # parents before children
# the record each seeded table's rows belong to: its resource, and the column of its id
OWNER: dict[str, tuple[str, str]] = {
    "source": ("source", "id"),
    "source_file": ("source", "source_id"),
    "source_anchor": ("source", "source_id"),
    "passage": ("source", "source_id"),
    "actor": ("actor", "id"),
    "actor_alias": ("actor", "actor_id"),
    "actor_redirect": ("actor", "actor_id"),
    "claim": ("claim", "id"),
    "claim_origin": ("claim", "claim_id"),
    "claim_topic": ("claim", "claim_id"),
    "claim_actor": ("claim", "claim_id"),
    "stance": ("stance", "id"),
    "stance_anchor": ("stance", "stance_id"),
    "mention": ("mention", "id"),
    "mention_anchor": ("mention", "mention_id"),
}
# how a plan names a record's parts kept in tables of their own
PART_NAMES = {
    "source_file": "file",
    "source_anchor": "furniture, filler or not_mentions",
    "passage": "passages",
    "actor_alias": "aliases",
    "actor_redirect": "merged_from",
    "claim_origin": "defining file",
    "claim_topic": "topics",
    "claim_actor": "actors",
    "stance_anchor": "anchor",
    "mention_anchor": "anchor or note",
}
DONE_BY_API = {
    "create": "created",
    "update": "edited",
    "retract": "retracted",
    "restore": "restored",
    "purge": "purged",
    "merge": "merged into another actor",
}

Key = tuple[Any, ...]
Row = dict[str, Any]
RecordKey = tuple[str, str]  # (resource, id)


@dataclass(frozen=True)
class LastWrite:
    who: str
    action: str

    @property
    def through_api(self) -> bool:
        return self.who != SEED_WRITER

    def __str__(self) -> str:
        return f"{DONE_BY_API.get(self.action, self.action)} through the API by {self.who}"


@dataclass
class RecordChange:
    """What replacing the database's content with the seed files would do to one record."""

    resource: str
    id: str
    action: str  # insert, update or delete
    parts: list[str]  # for an update: the columns and parts that differ
    last: LastWrite | None

    @property
    def protected(self) -> bool:
        """Whether only --discard-api-writes may change it: the record as the database
        holds it (or its absence) is a write through the API; or, for a record the seed
        files do not hold, one with no history, which seeding did not write (a program
        wrote it around the API)."""
        if self.last is None:
            return self.action == "delete"
        return self.last.through_api

    @property
    def why_protected(self) -> str:
        return str(self.last) if self.last else "written around the API: it has no history"

    def describe(self) -> str:
        what = f"{self.action} {self.resource} {self.id}"
        if self.action == "update":
            what += f" ({', '.join(self.parts)})"
        return what + (f"  [{self.why_protected}]" if self.protected else "")


@dataclass
class Plan:
    """Every record the seed files and the database disagree on, with the rows of both."""

    existing: dict[str, dict[Key, Row]]
    wanted: dict[str, dict[Key, Row]]
    records: dict[RecordKey, RecordChange] = field(default_factory=dict)
    value_sets: dict[tuple[str, tuple[str, ...]], set[tuple[Any, ...]]] = field(
        default_factory=dict
    )

    def changes(self) -> list[RecordChange]:
        """Inserts and updates parents first, then deletes children first: an order a
        mirror following the change feed can apply one by one."""
        order = {resource: at for at, resource in enumerate(RESOURCES)}
        phase = {"insert": 0, "update": 1, "delete": 2}
        return sorted(
            self.records.values(),
            key=lambda r: (
                phase[r.action],
                -order[r.resource] if r.action == "delete" else order[r.resource],
                r.id,
            ),
        )

    @property
    def protected(self) -> list[RecordChange]:
        return [change for change in self.changes() if change.protected]

    @cached_property
    def wanted_by_record(self) -> dict[RecordKey, dict[str, list[Row]]]:
        found: dict[RecordKey, dict[str, list[Row]]] = defaultdict(lambda: defaultdict(list))
        for table, rows in self.wanted.items():
            resource, column = OWNER[table]
            for row in rows.values():
                found[resource, row[column]][table].append(row)
        return found

    def rows_of(self, keys: Iterable[RecordKey]) -> dict[str, list[Row]]:
        """The seed files' rows of these records, by table."""
        found: dict[str, list[Row]] = {table: [] for table in self.wanted}
        for key in keys:
            for table, rows in self.wanted_by_record.get(key, {}).items():
                found[table] += rows
        return found

    def stored_values(self, table: str, columns: tuple[str, ...]) -> set[tuple[Any, ...]]:
        """The values the database's rows of ``table`` hold in ``columns``."""
        if (table, columns) not in self.value_sets:
            self.value_sets[table, columns] = {
                tuple(row[name] for name in columns) for row in self.existing[table].values()
            }
        return self.value_sets[table, columns]


def seeded_tables() -> list[Table]:
    return [model.__table__ for model in TABLES]  # type: ignore[attr-defined]


def primary_key(table: Table, row: Row) -> Key:
    return tuple(row[column.name] for column in table.primary_key.columns)


def chunks(values: Iterable[Any], size: int = 500) -> Iterable[list[Any]]:
    """``values`` in lists short enough for an IN (...) on every engine."""
    ordered = sorted(values)
    for at in range(0, len(ordered), size):
        yield ordered[at : at + size]


def last_writes(
    connection: Connection, ids: Iterable[str] | None = None
) -> dict[RecordKey, LastWrite]:
    """Who wrote each record last, and how: every record the change log names, or those
    with one of ``ids``."""
    change = Change.__table__  # type: ignore[attr-defined]
    found = {}
    for chunk in [None] if ids is None else chunks(set(ids)):
        latest = select(func.max(change.c.seq).label("seq"))
        if chunk is not None:
            latest = latest.where(change.c.resource_id.in_(chunk))
        latest = latest.group_by(change.c.resource, change.c.resource_id).subquery()
        rows = connection.execute(
            select(change.c.resource, change.c.resource_id, change.c.key_name, change.c.action)
            .join(latest, latest.c.seq == change.c.seq)
        )  # fmt: skip
        found |= {(resource, rid): LastWrite(who, action) for resource, rid, who, action in rows}
    return found


def unique_columns(table: Table) -> list[tuple[str, ...]]:
    """The column sets whose values no two rows of ``table`` share, its key included."""
    found = {tuple(c.name for c in table.primary_key.columns)}
    found |= {tuple(c.name for c in index.columns) for index in table.indexes if index.unique}
    found |= {
        tuple(c.name for c in constraint.columns)  # type: ignore[attr-defined]
        for constraint in table.constraints
        if isinstance(constraint, UniqueConstraint)
    }
    found |= {(c.name,) for c in table.columns if c.unique}
    return sorted(found)


def stored_rows(
    connection: Connection, table: Table, wanted: dict[str, dict[Key, Row]], whole: bool
) -> dict[Key, Row]:
    """The table's rows: all of them, or those of the records the seed files hold."""
    if whole:
        statements = [select(table)]
    else:
        resource, column = OWNER[table.name]
        ids = (key[0] for key in wanted[resource])
        statements = [select(table).where(table.c[column].in_(chunk)) for chunk in chunks(ids)]
    return {
        primary_key(table, row): dict(row)
        for statement in statements
        for row in connection.execute(statement).mappings()
    }


def values_held(
    connection: Connection, table: Table, columns: tuple[str, ...], rows: Iterable[Row]
) -> set[tuple[Any, ...]]:
    """The values any stored row of ``table`` holds in ``columns`` among those of ``rows``."""
    first = table.c[columns[0]]
    statements = [
        select(*(table.c[name] for name in columns)).where(first.in_(chunk))
        for chunk in chunks({row[columns[0]] for row in rows if row[columns[0]] is not None})
    ]
    return {tuple(row) for statement in statements for row in connection.execute(statement)}


def plan(connection: Connection, seed_set: SeedSet, *, whole: bool = True) -> Plan:
    """Compare the seeded tables with the seed files' rows, record by record: every row
    (``whole``), or only those of the records the seed files hold, as ``seed`` needs: it
    adds, so what the files do not hold is none of its business, and a large database is
    not read whole at every start."""
    tables = seeded_tables()
    wanted = {
        table.name: {primary_key(table, row): row for row in seed_set.rows.get(table.name, [])}
        for table in tables
    }
    result = Plan(
        existing={table.name: stored_rows(connection, table, wanted, whole) for table in tables},
        wanted=wanted,
    )
    if not whole:  # a unique value may be held by a record the files do not hold
        result.value_sets = {
            (table.name, columns): values_held(
                connection, table, columns, wanted[table.name].values()
            )
            for table in tables
            for columns in unique_columns(table)
        }
    parts: dict[RecordKey, list[str]] = defaultdict(list)
    for table in tables:
        resource, column = OWNER[table.name]
        old_rows, new_rows = result.existing[table.name], result.wanted[table.name]
        for key in old_rows.keys() | new_rows.keys():
            old, new = old_rows.get(key), new_rows.get(key)
            differing: list[str] = []
            if old is not None and new is not None:
                differing = [name for name, value in new.items() if old[name] != value]
                if not differing:
                    continue
            if table.name != resource:
                differing = [PART_NAMES[table.name]]
            record = parts[resource, (new or old)[column]]  # type: ignore[index]
            record += [part for part in differing if part not in record]
    writes = last_writes(connection, None if whole else (record_id for _, record_id in parts))
    for (resource, record_id), differing in parts.items():
        had = (record_id,) in result.existing[resource]
        wants = (record_id,) in result.wanted[resource]
        action = "update" if had and wants else "insert" if wants else "delete"
        result.records[resource, record_id] = RecordChange(
            resource, record_id, action, sorted(differing), writes.get((resource, record_id))
        )
    texts_changed = [
        f"source {change.id}: its text differs from the stored one; a source's text never "
        "changes once stored, so give the corrected text a new source id"
        for change in result.records.values()
        if change.resource == "source" and "text" in change.parts and not change.protected
    ]
    if texts_changed:
        raise SeedError(texts_changed)
    return result
