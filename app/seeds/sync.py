"""The two ways seed files enter a database (app/seeds/plan.py says what differs).

``seed``, what `make serve` and the Docker image run at every start, loads the seed files
into an empty database and later only adds the records the seed files hold and the
database never did: it never changes or deletes a record, so nothing written through the
API is lost, and a record purged or merged away through the API does not come back.
``reseed`` makes the database hold exactly the seed files, and refuses to overwrite or
delete a record last written through the API unless told to discard those writes.

Both run in one write transaction and append every record they insert, update or delete
to the change log as ``SEED_WRITER``, through the same ``curation.record`` as the API's
writes, so that ``/v1/changes`` and each record's history show them and the read model
follows.
"""

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Connection, Engine, Table, and_, delete, insert, select, update
from sqlmodel import Session, col

from app import read_model
from app.actors.labels import stored_actors
from app.audit.service import MODELS, record, snapshot
from app.core.auth import SEED_WRITER
from app.core.db import run_write
from app.core.reader import Reader
from app.models import Source
from app.read_model import counts
from app.seeds.assemble import Destination
from app.seeds.parse import read_seeds
from app.seeds.plan import (
    OWNER,
    RESOURCES,
    Plan,
    RecordChange,
    RecordKey,
    Row,
    chunks,
    plan,
    seeded_tables,
    unique_columns,
)

ACTIONS = {"insert": "create", "update": "update", "delete": "purge"}  # in the change log
# the tables other records' rows refer to: their rows go last when a reseed deletes them
REFERENCED = {"source", "actor", "claim"}
TABLES_BY_NAME = {table.name: table for table in seeded_tables()}


class ApiWritesKept(Exception):
    """A reseed would overwrite or delete records last written through the API (or
    around it: ``RecordChange.protected``)."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        super().__init__(f"{len(plan.protected)} records were written through the API")


@dataclass
class SeedReport:
    """What ``seed`` added, and each record of the seed files it left as the database has it."""

    added: list[RecordKey] = field(default_factory=list)
    left: list[tuple[RecordKey, str]] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.added)

    def lines(self, limit: int = 30) -> list[str]:
        counts = Counter(resource for resource, _ in self.added)
        summary = ", ".join(f"{counts[r]} {r}{'s' if counts[r] != 1 else ''}" for r in counts)
        lines = [
            f"seeded: added {summary}"
            if counts
            else "nothing new in the seed files: nothing changed"
        ]
        lines += [f"  {resource} {record_id}: {why}" for (resource, record_id), why in self.left]
        if len(lines) > limit + 1:
            rest = len(lines) - limit - 1
            lines = [*lines[: limit + 1], f"  ... and {rest} more: `claimsdb reseed` lists them"]
        return lines


def stored_source_ids(connection: Connection, ids: list[str]) -> set[str]:
    """Which of these sources the database holds."""
    held: set[str] = set()
    for part in chunks(ids):
        held.update(connection.execute(select(Source.id).where(col(Source.id).in_(part))).scalars())
    return held


def seed(engine: Engine, seeds_dir: Path) -> SeedReport:
    """Validate ``seeds_dir`` and add what is new in it, in one transaction."""
    seed_set = read_seeds(seeds_dir)
    with engine.connect() as connection:
        actors = stored_actors(connection)
        files_hold = [row["id"] for row in seed_set.rows.get("source", [])]
        held = stored_source_ids(connection, files_hold)
    if actors and len(held) < len(files_hold):  # new sources name the actors live here
        seed_set = read_seeds(seeds_dir, into=Destination(frozenset(held), actors))

    def work(session: Session) -> SeedReport:
        the_plan = plan(session.connection(), seed_set, whole=False)
        adding, report = additions(the_plan)
        connection, rows = session.connection(), the_plan.rows_of(adding)
        # the claims whose kept counts the new stances and claims move (app/read_model/counts.py)
        touched = {row["claim_id"] for row in rows["stance"]} | {row["id"] for row in rows["claim"]}
        counted_before = counts.claim_states(Reader.of(session), touched)
        for table in seeded_tables():  # parents first
            if rows[table.name]:
                connection.execute(insert(table), rows[table.name])
        session.expire_all()
        for change in the_plan.changes():
            if (change.resource, change.id) in adding:
                row = session.get(MODELS[change.resource], change.id)
                record(
                    session,
                    who=SEED_WRITER,
                    action="create",
                    resource=change.resource,
                    row=row,
                    before=None,
                    refresh=False,
                )
                report.added.append((change.resource, change.id))
        added = {resource: [i for r, i in report.added if r == resource] for resource in RESOURCES}
        # a new record shows in no body but its own: a claim's body has no stances
        read_model.refresh(
            Reader.of(session),
            claims=added["claim"],
            stances=added["stance"],
            mentions=added["mention"],
        )
        read_model.refresh_claim_counts(Reader.of(session), counted_before)
        return report

    return run_write(engine, work)


def additions(the_plan: Plan) -> tuple[set[RecordKey], SeedReport]:
    """The records ``seed`` may add: new to the database, not deleted through the API, and
    with every record they refer to there; and why every other record is left."""
    report = SeedReport()
    adding = {
        key
        for key, change in the_plan.records.items()
        if change.action == "insert" and not change.protected
    }
    for change in the_plan.changes():
        if why := left_because(change):
            report.left.append(((change.resource, change.id), why))
    blocked: dict[RecordKey, str] = {}
    stated = {row["claim_id"] for row in the_plan.wanted["stance"].values()}
    while True:  # a record left out may leave out those that refer to it
        stanced = {row["claim_id"] for row in the_plan.rows_of(adding)["stance"]}
        stanced |= {row["claim_id"] for row in the_plan.existing["stance"].values()}
        unstated = stated - stanced  # claims none of whose stances is there or added
        found = {
            key: why
            for key in sorted(adding)
            if (why := cannot_add(the_plan, key, adding, unstated))
        }
        if not found:
            break
        blocked |= found
        adding -= found.keys()
    report.left += [(key, f"not added: {why}") for key, why in sorted(blocked.items())]
    return adding, report


def left_because(change: RecordChange) -> str | None:
    """Why ``seed`` leaves a record the seed files would change, or None for one it adds
    or one the seed files have nothing to say about."""
    if change.action == "delete":
        if change.protected:
            return None  # not in the seed files, not seeding's: the user's own
        return "left as is: no longer in the seed files; `claimsdb reseed` would delete it"
    if not change.protected:
        if change.action == "update":
            return (
                f"left as is: the seed files change it ({', '.join(change.parts)}); "
                "`claimsdb reseed` would update it"
            )
        return None
    if change.action == "insert":
        return (
            f"not added: {change.why_protected}; `claimsdb reseed --discard-api-writes` "
            "would bring it back"
        )
    return (
        f"left as is: {change.why_protected}, and the seed files differ "
        f"({', '.join(change.parts)}); `claimsdb reseed --discard-api-writes` would replace it"
    )


def cannot_add(the_plan: Plan, key: RecordKey, adding: set[RecordKey], unstated: set[str]) -> str:
    """Why a new record cannot be added as the seed files have it, or ''. ``unstated``:
    the claims with stances in the seed files none of which is stored or added (a claim of
    CLAIMS_FILE has none, and needs none yet)."""
    if key[0] == "claim" and key[1] in unstated:
        return "not added: none of its stances can be added, and a claim needs one"
    for table_name, rows in the_plan.wanted_by_record.get(key, {}).items():
        table = TABLES_BY_NAME[table_name]
        for row in rows:
            if why := missing_reference(the_plan, table, row, adding) or taken(
                the_plan, table, row
            ):
                return why
    return ""


def missing_reference(the_plan: Plan, table: Table, row: Row, adding: set[RecordKey]) -> str:
    for foreign_key in table.foreign_keys:
        target, value = foreign_key.column.table.name, row[foreign_key.parent.name]
        if (
            target not in RESOURCES
            or value is None
            or foreign_key.parent.name == OWNER[table.name][1]
        ):
            continue
        if (target, value) in adding:
            continue
        stored = the_plan.existing[target].get((value,))
        if stored is None:
            return f"not added: it refers to {target} {value}, which the database does not hold"
        wanted = the_plan.wanted[target].get((value,))
        if target == "source" and wanted and stored["text_sha256"] != wanted["text_sha256"]:
            return f"not added: source {value} in the database holds another text"
    return ""


def taken(the_plan: Plan, table: Table, row: Row) -> str:
    """A key or unique value of the row that another record holds in the database."""
    for columns in unique_columns(table):
        values = tuple(row[name] for name in columns)
        if None not in values and values in the_plan.stored_values(table.name, columns):
            return f"not added: its {', '.join(columns)} {values} belongs to another record"
    return ""


# ---------------------------------------------------------------- reseed


def reseed(
    engine: Engine, seeds_dir: Path, *, apply: bool, discard_api_writes: bool = False
) -> Plan:
    """What making the database hold exactly ``seeds_dir`` takes; with ``apply``, do it.
    Raise ``ApiWritesKept``, changing nothing, where that would overwrite or delete a
    record written through the API (or around it) and ``discard_api_writes`` is not set."""
    seed_set = read_seeds(seeds_dir)
    if not apply:
        with engine.connect() as connection:
            return plan(connection, seed_set)

    def work(session: Session) -> Plan:
        the_plan = plan(session.connection(), seed_set)
        if the_plan.protected and not discard_api_writes:
            raise ApiWritesKept(the_plan)
        changes = the_plan.changes()
        before = {
            (c.resource, c.id): snapshot(session, c.resource, session.get(MODELS[c.resource], c.id))
            for c in changes
            if c.action != "insert"
        }
        replace(session.connection(), the_plan)
        session.expire_all()
        for change in changes:
            row: Any = (
                SimpleNamespace(id=change.id)
                if change.action == "delete"
                else session.get(MODELS[change.resource], change.id)
            )
            record(
                session,
                who=SEED_WRITER,
                action=ACTIONS[change.action],
                resource=change.resource,
                row=row,
                before=before.get((change.resource, change.id)),
                refresh=False,
            )
        read_model.rebuild(Reader.of(session))
        return the_plan

    return run_write(engine, work)


def replace(connection: Connection, the_plan: Plan) -> None:
    """Make the seeded tables hold exactly the plan's wanted rows; every updated record
    gets a new version. Deletes go first, but for the rows other records refer to, which
    go last, once no row refers to them: a stance moved to another claim through the API
    and moved back by the seed files must stop referring to that claim before it goes."""
    tables = seeded_tables()
    updated = {key for key, change in the_plan.records.items() if change.action == "update"}
    gone = {
        name: [key for key in rows if key not in the_plan.wanted[name]]
        for name, rows in the_plan.existing.items()
    }
    for table in reversed(tables):
        if table.name not in REFERENCED:
            delete_rows(connection, table, gone[table.name])
    for table in (t for t in tables if t.name in REFERENCED):
        # a unique value a departing record holds may pass to another (a wikidata_id)
        for (name,) in (c for c in unique_columns(table) if len(c) == 1):
            if table.c[name].nullable and not table.c[name].primary_key:
                for key in gone[table.name]:
                    connection.execute(update(table).where(match(table, key)).values({name: None}))
    for table in tables:
        fresh = []
        for key, row in the_plan.wanted[table.name].items():
            old = the_plan.existing[table.name].get(key)
            if old is None:
                fresh.append(row)
                continue
            if (table.name, key[0]) in updated:
                row = {**row, "version": old["version"] + 1}
            if any(old[name] != value for name, value in row.items()):
                connection.execute(update(table).where(match(table, key)).values(row))
        if fresh:
            connection.execute(insert(table), fresh)
    for table in reversed(tables):
        if table.name in REFERENCED:
            delete_rows(connection, table, gone[table.name])


def delete_rows(connection: Connection, table: Table, keys: list[tuple[Any, ...]]) -> None:
    (first, *more) = table.primary_key.columns
    if more:
        for key in keys:
            connection.execute(delete(table).where(match(table, key)))
        return
    for chunk in chunks(key[0] for key in keys):
        connection.execute(delete(table).where(first.in_(chunk)))


def match(table: Table, key: tuple[Any, ...]) -> Any:
    return and_(
        *(column == value for column, value in zip(table.primary_key.columns, key, strict=True))
    )
