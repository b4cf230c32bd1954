"""``claimsdb dump FILE`` and ``claimsdb load FILE``: the whole database as gzip-compressed
NDJSON, which loads into either engine (``claimsdb backup`` copies one engine's own way).

The first line is a header: the format and its version, the schema revision the rows are
of, when and from which engine, and how many rows of each table follow. Then one line per
row, ``{"table": ..., "row": {...}}``, table by table in the order their keys allow
(a row's references come before it), each table in key order. Dates and times are ISO
8601 text.

Every table is dumped, audit history included, but for those derived from the others (the
read model's stored bodies and the counts it keeps), which a load rebuilds. API keys are
dumped without their secrets' digests: a loaded key has its name, scope, id and dates but
no secret, and answers no request until ``claimsdb keys rotate NAME`` gives it one.

A load goes only into a database migrated to the same revision and holding no records:
it never replaces or merges with data (restore a backup for that). It is one transaction:
all of the file, or nothing.
"""

import gzip
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import (
    Connection,
    Date,
    DateTime,
    Engine,
    Integer,
    Table,
    func,
    insert,
    select,
    text,
)
from sqlmodel import Session, SQLModel

from app import read_model
from app.core.db import current_revision, head_revision, run_write
from app.core.reader import Reader
from app.models import ApiKey

FORMAT, VERSION = "claimsdb-dump", 1
# rebuilt from the other tables by every load (app/read_model/)
DERIVED = {
    "claim_json",
    "annotation_json",
    "read_model_format",
    "claim_stats",
    "facet_count",
    "agreement_party",
    "agreement_pair",
}
# what a dump never holds
SECRETS = {ApiKey.__tablename__: {"secret_sha256"}}
# a key loaded without its secret: no token's digest is this, so it opens nothing
NO_SECRET = "-" * 64
BATCH = 1000


class DumpError(Exception):
    """The dump or load was refused or failed; nothing was changed."""


@dataclass
class Outcome:
    lines: list[str]


def dumped_tables() -> list[Table]:
    """Every table but the derived ones, each after the tables its rows refer to."""
    return [table for table in SQLModel.metadata.sorted_tables if table.name not in DERIVED]


def as_json(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date | datetime) else value


def table_rows(connection: Connection, table: Table) -> Iterator[dict[str, Any]]:
    """The rows of ``table`` in key order, a batch in memory at a time."""
    hidden = SECRETS.get(table.name, set())
    columns = [column for column in table.columns if column.name not in hidden]
    statement = select(*columns).order_by(*table.primary_key.columns)
    result = connection.execution_options(yield_per=BATCH).execute(statement)
    for row in result:
        # str(): SQLAlchemy's names are a str subclass, which orjson takes for no key
        yield {str(name): as_json(value) for name, value in row._mapping.items()}


def dump(*, engine: Engine, target: Path, force: bool = False) -> Outcome:
    """Write every record of the database at ``engine`` to ``target``, as one snapshot."""
    if target.exists() and not force:
        raise DumpError(f"{target} exists already: choose another file, or add --force")
    started = time.perf_counter()
    tables = dumped_tables()
    partial = target.with_name(target.name + ".partial")
    options: dict[str, Any] = {}
    if engine.dialect.name == "postgresql":
        # one snapshot for every table, while writes go on
        options = {"isolation_level": "REPEATABLE READ", "postgresql_readonly": True}
    with engine.connect().execution_options(**options) as connection, connection.begin():
        counts = {
            str(table.name): connection.execute(
                select(func.count()).select_from(table)
            ).scalar_one()
            for table in tables
        }
        header = {
            "format": FORMAT,
            "version": VERSION,
            "schema_revision": revision_of(connection),
            "engine": engine.dialect.name,
            "created_at": datetime.now(UTC).isoformat(),
            "counts": counts,
            "api_keys": "without their secrets' digests: `claimsdb keys rotate NAME` after a load",
        }
        try:
            with gzip.open(partial, "wb", compresslevel=6) as out:
                out.write(orjson.dumps(header) + b"\n")
                for table in tables:
                    name = str(table.name)
                    for row in table_rows(connection, table):
                        out.write(orjson.dumps({"table": name, "row": row}) + b"\n")
        except BaseException:
            partial.unlink(missing_ok=True)  # never a half-written dump
            raise
    os.replace(partial, target)
    seconds = time.perf_counter() - started
    size = target.stat().st_size
    return Outcome(
        [
            f"dumped {summary(counts)} at revision {header['schema_revision']}",
            f"wrote {target} ({size / 1e6:.1f} MB) in {seconds:.1f} s",
        ]
    )


def revision_of(connection: Connection) -> str | None:
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def summary(counts: dict[str, int]) -> str:
    held = [f"{count} {name}" for name, count in counts.items() if count]
    return ", ".join(held) or "no rows"


def read_header(source: Path) -> dict[str, Any]:
    try:
        with gzip.open(source, "rb") as lines:
            header = orjson.loads(lines.readline())
    except (OSError, EOFError, orjson.JSONDecodeError) as error:
        raise DumpError(f"{source} is not a claimsdb dump: {error}") from error
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise DumpError(f"{source} is not a claimsdb dump (its first line names no {FORMAT!r})")
    if header.get("version") != VERSION:
        raise DumpError(
            f"{source} is a dump of format version {header.get('version')}; this claimsdb "
            f"reads version {VERSION}"
        )
    return header


def typed(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    """A dumped row with its dates and times as the driver takes them."""
    for column in table.columns:
        value = row.get(column.name)
        if isinstance(value, str):
            if isinstance(column.type, DateTime):
                row[column.name] = datetime.fromisoformat(value)
            elif isinstance(column.type, Date):
                row[column.name] = date.fromisoformat(value)
    if table.name in SECRETS:
        row.update(dict.fromkeys(SECRETS[table.name], NO_SECRET))
    return row


def load(*, engine: Engine, source: Path) -> Outcome:
    """Load the dump ``source`` into the empty database at ``engine``, then rebuild its read
    model; refuse a database that holds records, or one at another schema revision."""
    if not source.is_file():
        raise DumpError(f"no dump at {source}")
    header = read_header(source)
    revision, head = current_revision(engine), head_revision()
    if header["schema_revision"] != revision:
        raise DumpError(
            f"{source} holds rows of schema revision {header['schema_revision']}; this "
            f"database is at {revision} (this claimsdb's newest is {head}). Migrate the "
            "database the dump came from (`claimsdb migrate`) and dump it again"
        )
    tables = {str(table.name): table for table in dumped_tables()}
    unknown = set(header["counts"]) - set(tables)
    if unknown:
        raise DumpError(f"{source} holds tables this claimsdb does not know: {sorted(unknown)}")
    started = time.perf_counter()

    def work(session: Session) -> dict[str, int]:
        connection = session.connection()
        held = {
            name: connection.execute(select(func.count()).select_from(table)).scalar_one()
            for name, table in tables.items()
        }
        if any(held.values()):
            raise DumpError(
                f"the database holds {summary(held)}: a dump loads only into an empty one, "
                "so that nothing is replaced or mixed. Create a new database (`claimsdb "
                "migrate` on an empty DATABASE_URL) and load into that"
            )
        loaded = dict.fromkeys(tables, 0)
        for name, rows in batches(source, tables):
            connection.execute(insert(tables[name]), rows)
            loaded[name] += len(rows)
        if loaded != {name: header["counts"].get(name, 0) for name in tables}:
            raise DumpError(f"{source} is cut short: its header counts {header['counts']}")
        if connection.dialect.name == "postgresql":
            continue_sequences(connection, tables.values())
        read_model.rebuild(Reader.over(connection))
        return loaded

    loaded = run_write(engine, work)
    seconds = time.perf_counter() - started
    return Outcome(
        [
            f"loaded {summary(loaded)} from {source} (dumped from {header['engine']} at "
            f"{header['created_at']}) in {seconds:.1f} s; the read model is rebuilt",
            "API keys came without secrets: `claimsdb keys rotate NAME` gives one a new token",
        ]
    )


def batches(source: Path, tables: dict[str, Table]) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """The dump's rows, up to ``BATCH`` of one table at a time, typed for the driver."""
    name, rows = None, []
    with gzip.open(source, "rb") as lines:
        lines.readline()
        for line in lines:
            entry = orjson.loads(line)
            if entry["table"] != name and rows:
                yield name, rows  # type: ignore[misc]
                rows = []
            name = entry["table"]
            rows.append(typed(tables[name], entry["row"]))
            if len(rows) == BATCH:
                yield name, rows
                rows = []
    if rows:
        yield name, rows  # type: ignore[misc]


def continue_sequences(connection: Connection, tables: Any) -> None:
    """PostgreSQL: rows loaded with their own integer keys leave each key's sequence where
    it was; the next insert would take a key in use. Move each past the largest loaded."""
    for table in tables:
        for column in table.primary_key.columns:
            if not isinstance(column.type, Integer):
                continue
            sequence = connection.execute(
                text("SELECT pg_get_serial_sequence(:table, :column)"),
                {"table": f'"{table.name}"', "column": column.name},
            ).scalar()
            if sequence:
                largest = connection.execute(select(func.max(column))).scalar() or 0
                connection.execute(
                    text("SELECT setval(:sequence, :next, false)"),
                    {"sequence": sequence, "next": largest + 1},
                )
