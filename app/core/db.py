"""Engine, per-connection pragmas, migrations and the session dependency."""

import math
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, TypeVar

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from fastapi import Depends, Request
from psycopg.errors import DeadlockDetected, LockNotAvailable, SerializationFailure
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.pool import StaticPool
from sqlmodel import Session

from app.config import project_path
from app.core.deadline import check_deadline, remaining
from app.core.deadline import deadline as request_deadline
from app.core.errors import QueryTimeout, WriteBusy, is_timeout

# SQLite calls the progress handler every this many virtual machine instructions
PROGRESS_STEPS = 10_000
clock = time.monotonic
T = TypeVar("T")
WRITE_OPTION = "claimsdb_write"
WRITE_ATTEMPTS = 5
STATEMENT_LIMIT = "claimsdb_statement_limit"  # PostgreSQL: the transaction's SET LOCAL


def make_engine(
    url: str, *, busy_timeout_ms: int = 5000, statement_timeout_ms: int | None = None
) -> Engine:
    """An engine for ``url``; SQLite connections get foreign keys, WAL and a busy timeout.

    With ``statement_timeout_ms`` no statement may run longer: PostgreSQL enforces its own
    ``statement_timeout``; on SQLite a progress handler interrupts a statement past its
    deadline. Either way the driver raises, and the API answers 503 (see app/core/errors.py).
    """
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        connect_args = {}
        if statement_timeout_ms:
            connect_args["options"] = f"-c statement_timeout={int(statement_timeout_ms)}"
        engine = create_engine(url, pool_pre_ping=True, connect_args=connect_args)

        @event.listens_for(engine, "begin")
        def _new_limit(connection: Any) -> None:
            connection.info[STATEMENT_LIMIT] = math.inf

        @event.listens_for(engine, "before_cursor_execute")
        def _request_limit(connection: Any, *_args: Any) -> None:
            connection.info[STATEMENT_LIMIT] = limit_statement_to_request(
                connection.connection.driver_connection,
                connection.info.get(STATEMENT_LIMIT, math.inf),
            )

        return engine

    in_memory = parsed.database in (None, "", ":memory:")
    if not in_memory:
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(
        url,
        connect_args={"check_same_thread": False},
        # one shared connection, or every session would see its own empty database
        poolclass=StaticPool if in_memory else None,
        # enough connections kept open for the thread pool's requests: an overflow
        # connection, closed after each use, makes the next request open one and parse
        # the schema again. Last in, first out: the connection just used is lent again,
        # with its page cache warm, instead of each in turn
        **({} if in_memory else {"pool_size": 20, "max_overflow": 20, "pool_use_lifo": True}),
    )

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        # SQLAlchemy, not the sqlite3 module, decides when transactions begin (below)
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        if not in_memory:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()
        # every statement ends at its own limit or at its request's deadline, the sooner
        deadline = _record.info.setdefault("deadline", [math.inf])
        _record.info["statement_timeout"] = (statement_timeout_ms or math.inf) / 1000
        dbapi_connection.set_progress_handler(lambda: int(clock() > deadline[0]), PROGRESS_STEPS)

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        # a write takes the write lock up front, so it waits (busy timeout) instead of
        # failing with "database is locked" when it upgrades from a read half-way through
        write = connection.get_execution_options().get(WRITE_OPTION)
        driver = connection.connection.driver_connection
        # a read (app/core/reader.py) may have begun before SQLAlchemy's Connection was made
        if not driver.in_transaction:
            # on the driver: SQLAlchemy's execute made a BEGIN cost as much as a query
            begin = "BEGIN IMMEDIATE" if write else "BEGIN"
            try:
                driver.execute(begin)
            except sqlite3.OperationalError as error:  # as SQLAlchemy's execute would raise it
                raise OperationalError(begin, None, error) from error

    @event.listens_for(engine, "before_cursor_execute")
    def _start_clock(connection: Any, *_args: Any) -> None:
        check_deadline()
        start_statement_clock(connection.connection.info)

    return engine


def start_statement_clock(info: dict[str, Any]) -> None:
    """Give the next SQLite statement on this connection its full time limit, or what is
    left of its request's (app/core/deadline.py), whichever ends first."""
    if "deadline" in info:
        info["deadline"][0] = min(clock() + info["statement_timeout"], request_deadline())


def limit_statement_to_request(driver: Any, limit: float = math.inf) -> float:
    """PostgreSQL: the next statement may run no longer than its request has left, a
    ``SET LOCAL`` that ends with the transaction; a request out of time stops here.

    ``limit`` is the limit this transaction already has: it is set again only once the
    request has less than half of it left, so that a request of a few short statements
    pays one round trip for it, and a statement still ends by twice what was left.
    Returns the limit now in force."""
    left = request_deadline() - clock()
    if left == math.inf or left > limit / 2:
        return limit
    check_deadline()
    # set_config, not SET: a SET takes no bind parameters
    driver.execute(
        "SELECT set_config('statement_timeout', %s, true)", (str(max(1, int(left * 1000))),)
    )
    return left


def alembic_config(engine: Engine) -> Config:
    config = Config(str(project_path("alembic.ini")))
    config.set_main_option("script_location", str(project_path("migrations")))
    config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate the schema to ``revision``. The stored bodies of the read model follow in
    ``app.read_model.migrate``, which is what a command calls: the core knows no
    resource."""
    command.upgrade(alembic_config(engine), revision)


def downgrade(engine: Engine, revision: str = "base") -> None:
    command.downgrade(alembic_config(engine), revision)


def head_revision() -> str | None:
    config = Config()
    config.set_main_option("script_location", str(project_path("migrations")))
    return ScriptDirectory.from_config(config).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def is_conflict(error: DBAPIError) -> bool:
    """A conflict another attempt can win: PostgreSQL's serialization failure or deadlock."""
    return isinstance(error.orig, SerializationFailure | DeadlockDetected)


def is_locked(error: DBAPIError) -> bool:
    """SQLite's write lock still held by another writer when the busy timeout ran out."""
    return "database is locked" in str(error.orig)


def writer(engine: Engine) -> Engine:
    """``engine`` as writes use it.

    SQLite: the transaction begins IMMEDIATE, taking the write lock before reading, so
    writes run one at a time. PostgreSQL: it runs SERIALIZABLE, so that two writes that
    overlap fail one of them with a serialization error rather than commit a result no
    order of the two would give: a concurrent update of the same row, but also the read
    model's write skew (an actor renamed while a claim gains that actor: each write's
    snapshot misses the other, and the claim's stored body would keep the old name).
    """
    options: dict[str, Any] = {WRITE_OPTION: True}
    if engine.dialect.name == "postgresql":
        options["isolation_level"] = "SERIALIZABLE"
    return engine.execution_options(**options)


# a write stopped by the request's deadline: a read's advice (narrow it) would be wrong here
OUT_OF_TIME = (
    "this write ran out of the time this server allows a request and was rolled back; "
    "nothing was stored: send it again"
)


def run_write(engine: Engine, work: Callable[[Session], T]) -> T:
    """Run ``work`` in one write transaction (``writer``) and commit; on a write conflict,
    run it again from the start, alone after any conflict but a lost row (``write_turn``).
    A write that cannot get SQLite's lock within the busy timeout, or its turn within
    ``TURN_WAIT``, or loses ``WRITE_ATTEMPTS`` conflicts in a row, is ``WriteBusy`` (a 503
    with Retry-After), having stored nothing."""
    write_engine = writer(engine)
    alone = False
    for attempt in range(1, WRITE_ATTEMPTS + 1):
        try:
            with write_turn(write_engine, alone=alone) as session:
                result = work(session)
                session.commit()
                return result
        except QueryTimeout as error:
            raise WriteBusy(OUT_OF_TIME) from error
        except DBAPIError as error:
            if isinstance(error, OperationalError) and is_timeout(error):
                raise WriteBusy(OUT_OF_TIME) from error
            # the busy timeout was the wait: trying again would make the client wait as long
            if is_locked(error):
                raise WriteBusy(
                    "the database is busy with another write and this one could not wait "
                    "longer; nothing was stored: send it again"
                ) from error
            if isinstance(error.orig, LockNotAvailable):
                raise WriteBusy(
                    "this write waited for others longer than it may and did not run; "
                    "nothing was stored: send it again"
                ) from error
            if not is_conflict(error):
                raise
            if attempt == WRITE_ATTEMPTS:
                raise WriteBusy(
                    f"this write conflicted with others {WRITE_ATTEMPTS} times in a row; "
                    "nothing was stored: send it again"
                ) from error
            # a row that another write changed and committed: a new snapshot sees it, so
            # the next attempt (a 412, or the change made on top) need not wait for a turn
            # alone, once; any other conflict, or a second, and it runs alone
            alone = alone or attempt > 1 or not lost_a_row(error)
    raise AssertionError("unreachable")


def lost_a_row(error: DBAPIError) -> bool:
    """PostgreSQL's "could not serialize access due to concurrent update" (or delete): a
    row this write meant to change was changed by a write that committed. Its other
    serialization failures, over what the transactions read, say why in a detail."""
    return isinstance(error.orig, SerializationFailure) and error.orig.diag.message_detail is None


# PostgreSQL advisory lock that orders writes: every write shares it, a retry holds it alone
WRITE_TURN = 0x636C_6169  # any constant no other lock of the database uses: "clai"
TURN_WAIT = 5.0  # seconds a write may wait for its turn


@contextmanager
def write_turn(write_engine: Engine, *, alone: bool) -> Iterator[Session]:
    """A session for one attempt at a write, in its turn.

    PostgreSQL: under SERIALIZABLE two writes that touch the same rows (or the same index
    page of a small table) fail one of them, and on a busy machine a retry could lose to
    fresh writes again and again. So every write shares ``WRITE_TURN``, and a retry
    (``alone``) takes it alone, waiting for the writes in flight to finish and holding
    off new ones: no other write of this database runs beside it, and it cannot lose
    again to one. A write that must wait for its turn (``TURN_WAIT`` at most) waits before
    its transaction begins, whose snapshot must see what the writes it waited for
    committed; one that need not wait (no retry holds or awaits the turn) takes it in its
    transaction, in one round trip. SQLite writes one at a time already (``writer``).
    """
    if write_engine.dialect.name != "postgresql":
        with Session(write_engine, expire_on_commit=False) as session:
            yield session
        return
    if not alone:
        with Session(write_engine, expire_on_commit=False) as session:
            if session.execute(TRY_TURN_SHARED, {"key": WRITE_TURN}).scalar():
                yield session
                return
    take, give_back = (TAKE_TURN_ALONE, GIVE_TURN_ALONE) if alone else (TAKE_TURN, GIVE_TURN)
    with write_engine.connect() as connection:
        wait = max(1, int(min(TURN_WAIT, remaining()) * 1000))
        connection.execute(LOCK_WAIT, {"ms": str(wait)})
        connection.execute(take, {"key": WRITE_TURN})
        connection.commit()  # the lock stays, held by the session until given back below
        try:
            with Session(bind=connection, expire_on_commit=False) as session:
                yield session
        finally:
            connection.rollback()  # whatever the work left undone, so that this runs
            connection.execute(give_back, {"key": WRITE_TURN})
            connection.commit()


TRY_TURN_SHARED = text("SELECT pg_try_advisory_xact_lock_shared(:key)")
TAKE_TURN = text("SELECT pg_advisory_lock_shared(:key)")
GIVE_TURN = text("SELECT pg_advisory_unlock_shared(:key)")
TAKE_TURN_ALONE = text("SELECT pg_advisory_lock(:key)")
GIVE_TURN_ALONE = text("SELECT pg_advisory_unlock(:key)")
LOCK_WAIT = text("SELECT set_config('lock_timeout', :ms, true)")


def get_session(request: Request) -> Iterator[Session]:
    with Session(request.app.state.engine) as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]
