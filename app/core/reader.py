"""The read path of the busiest endpoints: SQLAlchemy Core statements compiled once per
dialect, run on the driver's own cursor, rows turned into JSON by orjson.

Why not the ORM and response models there: building ORM objects, then pydantic models,
then validating them again cost ten times the queries themselves (docs/benchmarks.md).
The response models still document these endpoints, and tests check every body against
them.

These endpoints are ``async`` and run their short reads (a claim, a page of a list) on the
event loop itself (``read``): a read of a millisecond or two blocks the loop no longer than
handing it to a thread costs, and each hand-off between the loop and a thread is a turn of
the GIL, which on two cores waits for the other core at each turn. Unpinned, a claim by id
answered 20% more requests per second inline than through a thread, a source's claims 35%
more, and inline the speed no longer depends on pinning the process to one CPU
(docs/benchmarks.md). Reads that may run long go to a small thread pool of their own,
whose hop costs a third of what FastAPI's general-purpose pool charges a sync endpoint.
"""

import asyncio
import contextvars
import math
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from enum import Enum
from time import perf_counter
from typing import Any, TypeVar

import orjson
from fastapi import Request, Response
from psycopg import IsolationLevel
from psycopg.pq import TransactionStatus
from sqlalchemy import Connection, Engine, Executable
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.pool import PoolProxiedConnection
from sqlalchemy.sql import ClauseElement
from sqlmodel import Session

from app.core.caching import VERSION_HEADER
from app.core.db import limit_statement_to_request, start_statement_clock
from app.core.deadline import DEADLINE, check_deadline, clock
from app.core.errors import QueryTimeout, is_timeout
from app.core.metrics import DB_TIME, LOOP_READS_MOVED

Row = tuple[Any, ...]
T = TypeVar("T")
EXPANDING = "__[POSTCOMPILE_{}]"


class Compiled:
    """One statement's SQL for one dialect, with the order of its parameters."""

    def __init__(self, statement: ClauseElement, dialect: Dialect) -> None:
        compiled = statement.compile(dialect=dialect)
        self.sql = compiled.string
        self.positional = dialect.positional
        self.names: Sequence[str] = compiled.positiontup or ()
        # values written into the statement itself, such as ``status == Status.active``
        self.constants = {
            name: value.value if isinstance(value, Enum) else value
            for name, value in compiled.params.items()
            if value is not None
        }
        self.expanding = [name for name in compiled.binds if EXPANDING.format(name) in self.sql]

    def render(self, params: Mapping[str, Any]) -> tuple[str, Any]:
        """The SQL and driver parameters, with each list parameter spelled out in place."""
        sql = self.sql
        params = {**self.constants, **params}
        if not self.positional:
            values = dict(params)
            for name in self.expanding:
                items = values.pop(name)
                keys = [f"{name}_{i}" for i in range(len(items))]
                values.update(zip(keys, items, strict=True))
                sql = sql.replace(EXPANDING.format(name), ", ".join(f"%({key})s" for key in keys))
            return sql, values
        ordered: list[Any] = []
        for name in self.names:
            value = params[name]
            if name in self.expanding:
                ordered.extend(value)
            else:
                ordered.append(value)
        for name in self.expanding:
            sql = sql.replace(EXPANDING.format(name), ", ".join("?" * len(params[name])))
        return sql, ordered


COMPILED: dict[tuple[int, str], tuple[ClauseElement, Compiled]] = {}


def compiled(statement: ClauseElement, dialect: Dialect) -> Compiled:
    """Compile once per statement object and dialect; statements are module constants or
    come from cached builders, so the cache stays as small as the set of query shapes."""
    key = (id(statement), dialect.name)
    found = COMPILED.get(key)
    if found is None or found[0] is not statement:
        found = COMPILED[key] = (statement, Compiled(statement, dialect))
    return found[1]


class Reader:
    """Runs statements in one transaction of one connection.

    ``all`` takes a statement built once (a module constant or from a cached builder, as
    building and hashing a statement costs more than running it) and runs its SQL, compiled
    once, on the driver's cursor; ``rows`` takes one built for this request (a search query
    has too many shapes to cache) and lets SQLAlchemy compile it, from its own cache.
    """

    def __init__(
        self, engine: Engine, pooled: PoolProxiedConnection, connection: Connection | None = None
    ) -> None:
        self.engine = engine
        self.pooled = pooled
        self.dialect = engine.dialect
        self.postgres = engine.dialect.name == "postgresql"
        self.limit = math.inf  # this transaction's statement_timeout, once set from the budget
        self.dbapi_error = engine.dialect.loaded_dbapi.Error
        self._connection = connection

    @property
    def connection(self) -> Connection:
        """SQLAlchemy's connection over the same driver connection, made when first needed:
        ``rows`` and the services that build statements per request use it."""
        if self._connection is None:
            self._connection = Connection(self.engine, self.pooled)
        return self._connection

    def all(self, statement: ClauseElement, **params: Any) -> list[Row]:
        if any(isinstance(v, list | tuple | set) and not v for v in params.values()):
            return []  # IN () matches nothing; not every engine accepts it spelled out
        sql, values = compiled(statement, self.dialect).render(params)
        check_deadline()
        if self.postgres:
            self.limit = limit_statement_to_request(self.pooled.driver_connection, self.limit)
        else:
            start_statement_clock(self.pooled.info)
        spent = DB_TIME.get()  # the request's database time, when metrics are on
        started = perf_counter() if spent is not None else 0.0
        cursor = self.pooled.driver_connection.cursor()
        try:
            cursor.execute(sql, values)
            return cursor.fetchall()
        except self.dbapi_error as error:
            raise DBAPIError.instance(sql, values, error, self.dbapi_error) from error
        finally:
            cursor.close()
            if spent is not None:
                spent[0] += perf_counter() - started

    def first(self, statement: ClauseElement, **params: Any) -> Row | None:
        rows = self.all(statement, **params)
        return rows[0] if rows else None

    def rows(self, statement: Executable, **params: Any) -> list[Row]:
        return [tuple(row) for row in self.connection.execute(statement, params)]

    @classmethod
    def of(cls, session: Session) -> "Reader":
        """A reader inside a session's transaction, seeing what it has written so far."""
        session.flush()
        return cls.over(session.connection())

    @classmethod
    def over(cls, connection: Connection) -> "Reader":
        """A reader inside a connection's transaction."""
        return cls(connection.engine, connection.connection, connection)


def begin(pooled: PoolProxiedConnection, postgres: bool) -> None:
    driver = pooled.driver_connection
    if postgres:
        driver.isolation_level, driver.read_only = IsolationLevel.REPEATABLE_READ, True
    else:
        driver.execute("BEGIN")


def release(reader: "Reader") -> None:
    """End a reader's transaction and give its connection back to the pool as the pool
    lends it: on PostgreSQL COMMIT (it only read, so COMMIT ends it as ROLLBACK would; but
    after a ROLLBACK psycopg forgets the statements it prepared, and every read plans them
    again) and the server's defaults again, as writes may take it next; SQLite's is rolled
    back by the pool."""
    try:
        if reader.postgres:
            driver = reader.pooled.driver_connection
            driver.commit()
            driver.isolation_level, driver.read_only = None, None
    finally:
        # a Connection made for ``rows`` returns the driver connection when it closes
        (reader._connection or reader.pooled).close()


@contextmanager
def reading(engine: Engine) -> Iterator[Reader]:
    """A connection in one read transaction, so every statement sees the same data.

    The pool's connection itself, not SQLAlchemy's ``Connection`` around it, whose checkout,
    begin and commit cost a claim by id a tenth of its time. SQLite needs its BEGIN said,
    and its read transaction sees one snapshot. The PostgreSQL driver begins a transaction
    before the first statement, here REPEATABLE READ and READ ONLY, so that its statements
    see one snapshot too, and ends with COMMIT."""
    reader = Reader(engine, engine.raw_connection())
    try:
        begin(reader.pooled, reader.postgres)
        yield reader
    finally:
        release(reader)


class LongerThanASlice(Exception):
    """A read on the event loop outran the loop's slice while its request had time left."""


def timed_out(error: BaseException) -> bool:
    """Whether ``error`` is a deadline's: a statement stopped, or the request's Python work."""
    return isinstance(error, QueryTimeout) or (
        isinstance(error, OperationalError) and is_timeout(error)
    )


class LoopReads:
    """The event loop's own connection, for the short reads it runs itself (``read``).

    Those reads never overlap (each runs to its end without giving the loop back), so one
    connection serves them all, kept between them out of any transaction instead of taken
    from the pool and given back each time: the pool's checkout and return cost a claim by
    id 5% of its instructions (docs/benchmarks.md). A read that fails gives the connection
    back to the pool, and the next read takes another; one that failed because the
    database had closed the kept connection (a restart, an idle timeout: what the pool's
    pre-ping catches at checkout) runs again, once, on a connection from the pool.

    While a read runs on the loop no other request of the worker moves, so each gets a
    ``slice`` of time there (CLAIMSDB_LOOP_READ_MS): its deadline is the slice's end, or its
    request's if sooner, which SQLite's progress handler and PostgreSQL's statement_timeout
    enforce on each statement (set once on the loop's connection, reset when it goes back
    to the pool). A read that outruns its slice while its request has time left is stopped
    and raises ``LongerThanASlice``, for ``read`` to run it again on the read pool: a filter
    that must scan to find its few matches costs the other requests one slice at most,
    not the seconds of its request's budget."""

    def __init__(self, engine: Engine, slice_ms: int = 0) -> None:
        self.engine = engine
        self.kept: PoolProxiedConnection | None = None
        self.slice = slice_ms / 1000 if slice_ms else math.inf
        # PostgreSQL: the loop's connections keep the slice as their statement_timeout
        postgres = engine.dialect.name == "postgresql"
        self.slice_setting = str(slice_ms) if slice_ms and postgres else None

    def close(self) -> None:
        """Give the kept connection back to the pool (at shutdown, before it is emptied) as
        ``give_back`` does: no longer read-only, where a write may take it."""
        kept, self.kept = self.kept, None
        if kept is not None:
            with suppress(self.engine.dialect.loaded_dbapi.Error):  # a connection already gone
                self.give_back(Reader(self.engine, kept))

    def run(self, work: Callable[[Reader], T]) -> T:
        ends = DEADLINE.get()
        slice_ends = clock() + self.slice
        if slice_ends >= ends:  # the request's own deadline comes first: no slice to outrun
            return self.again_if_lost(work)
        token = DEADLINE.set(slice_ends)
        try:
            return self.again_if_lost(work)
        except Exception as error:
            if timed_out(error):
                raise LongerThanASlice() from error
            raise
        finally:
            DEADLINE.reset(token)

    def again_if_lost(self, work: Callable[[Reader], T]) -> T:
        # the driver's connection, looked at after the pool has taken it back
        kept = self.kept and self.kept.dbapi_connection
        try:
            return self.once(work)
        except Exception as error:
            if kept is None or not self.lost(error, kept):
                raise
        return self.once(work)

    def lost(self, error: Exception, driver: Any) -> bool:
        """Whether ``error`` came of ``driver``'s connection being gone."""
        dialect = self.engine.dialect
        cause = getattr(error, "orig", None) or error
        return isinstance(cause, dialect.loaded_dbapi.Error) and dialect.is_disconnect(
            cause, driver, None
        )

    def once(self, work: Callable[[Reader], T]) -> T:
        fresh = self.kept is None
        pooled, self.kept = self.kept or self.engine.raw_connection(), None
        reader = Reader(self.engine, pooled)
        try:
            begin(pooled, reader.postgres)
            if self.slice_setting is not None:
                reader.limit = self.slice  # the session's, so no request sets its own
                if fresh:
                    pooled.driver_connection.execute(
                        "SELECT set_config('statement_timeout', %s, false)", (self.slice_setting,)
                    )
            found = work(reader)
            if reader._connection is None:
                # the transaction ends (a read's COMMIT, as in ``release``; SQLite rolls
                # back) and the connection stays, read-only on PostgreSQL, for the next read
                driver = pooled.driver_connection
                driver.commit() if reader.postgres else driver.rollback()
                self.kept = pooled
                return found
        except BaseException:
            self.give_back(reader)
            raise
        # SQLAlchemy's Connection (``rows``) has the driver's connection: both go back to
        # the pool, where a write may take it next, so no longer read-only
        self.give_back(reader)
        return found

    def give_back(self, reader: Reader) -> None:
        """End the reader's transaction and give its connection to the pool as the pool
        lends it (``release``), with the server's statement_timeout again."""
        try:
            if self.slice_setting is not None:
                driver = reader.pooled.driver_connection
                if driver.info.transaction_status == TransactionStatus.INERROR:
                    driver.rollback()  # a statement failed: nothing more runs in it
                driver.execute("RESET statement_timeout")
        finally:
            release(reader)


async def read(request: Request, work: Callable[[Reader], T], *, heavy: bool = False) -> T:
    """Run ``work`` in one read transaction: on the event loop itself, or on the read pool
    when it is ``heavy`` (counts over a filtered list, full text, agreement), which could
    hold the loop for as long as its time budget, or when it outran its slice of the loop
    (``LoopReads``)."""
    if not heavy:
        try:
            return request.app.state.loop_reads.run(work)
        except LongerThanASlice:
            LOOP_READS_MOVED.inc()  # again on the read pool, with what is left of its time

    def run() -> T:
        with reading(request.app.state.engine) as db:
            return work(db)

    # in this request's context, so that the thread sees its deadline (app/core/deadline.py)
    context = contextvars.copy_context()
    return await asyncio.get_running_loop().run_in_executor(
        request.app.state.read_pool, context.run, run
    )


def json_column(value: Any) -> Any:
    """A JSON column's value as the driver's cursor gives it: text from SQLite, already
    parsed by psycopg."""
    return orjson.loads(value) if isinstance(value, str | bytes) else value


def json_response(
    content: Any, *, version: int | None = None, headers: Mapping[str, str] | None = None
) -> Response:
    """A 200 with ``content`` as JSON; ``version`` goes into the ETag (app/core/caching.py)."""
    response = Response(orjson.dumps(content), media_type="application/json", headers=headers)
    if version is not None:
        response.headers[VERSION_HEADER] = str(version)
    return response


def linked_data_response(content: Any, headers: Mapping[str, str] | None = None) -> Response:
    """A 200 with ``content`` as JSON-LD."""
    return Response(orjson.dumps(content), media_type="application/ld+json", headers=headers)
