"""A synthetic claims corpus at a chosen size, with the real schema, for bench/run.py.

    python bench/generate.py --claims 10000
    python bench/generate.py --claims 10000 \
        --database-url postgresql+psycopg://postgres@127.0.0.1:5432/bench_10000

Without --database-url the corpus goes to bench/data/bench-<n>.db. A PostgreSQL database is
created when missing (the URL's user needs CREATEDB); one that already holds tables, like a
SQLite file that already exists, is only replaced with --force. The same seed gives the
same rows on either backend.

The schema comes from the project's migrations, run on an empty database; the rows go in
with the driver's executemany (SQLite) or COPY (PostgreSQL) in large batches, never through
the ORM. Then the read model's bodies are built by the app's own code
(app/read_model/__init__.py), as `claimsdb migrate` builds them. At the end SQLite gets
ANALYZE, PostgreSQL VACUUM (ANALYZE): statistics for the planner, and a visibility map so
that index-only scans need not visit the table.

Shapes: 1 source per 200 claims with an article-length text (15-25k characters of
English-like prose over a fixed vocabulary that names the actors), 1 actor per 100 claims
with 1-2 aliases, 2 stances per claim at real spans of the texts (quote == text[start:end]),
1-3 topics and 1-2 actors per claim, a few mentions per source, and the passages and
full-text indexes the app itself would store.
"""

import argparse
import datetime as dt
import hashlib
import random
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.pool import NullPool

from app import read_model
from app.core.db import make_engine, upgrade
from app.models import fold
from app.search.passages import passage_rows

CLAIMS_PER_SOURCE = 200
CLAIMS_PER_ACTOR = 100
CAST_PER_SOURCE = 8  # actors a source talks about
MENTIONS_PER_SOURCE = 5
CONTEXT = 32  # prefix/suffix length, as app/sources/provenance.py
SOURCES_PER_BATCH = 50  # 10,000 claims per executemany batch
BATCHES_PER_TRANSACTION = 10


def words(text: str) -> list[str]:
    return text.split()


# A fixed vocabulary: frequent function words, then topical words that search can find.
FUNCTION_WORDS = words(
    "the of and to in a that is for on with as by it was are be this from at which has "
    "have not its but or an their will would could more than been they also after over "
    "into about between against both such only while since under most new other"
)
TOPICAL_WORDS = words(
    "alliance treaty munitions artillery missile sanctions border summit minister army "
    "navy export import pipeline grain energy oil gas reactor satellite drone shipment "
    "rail port harbour corridor tariff currency loan debt bank election parliament court "
    "ceasefire offensive frontline refugee aid embassy envoy delegation agreement pledge "
    "exercise deployment garrison convoy arsenal warhead launch test doctrine deterrence "
    "escalation negotiation mediation protest strike reform budget inflation harvest "
    "drought flood famine pandemic vaccine technology semiconductor chip factory labour "
    "worker migrant smuggling cyber espionage propaganda broadcast newspaper editorial "
    "analyst diplomat general admiral president premier chancellor regime opposition "
    "coalition militia insurgent partisan volunteer mercenary contractor supplier buyer "
    "network route airspace maritime coastal inland northern southern eastern western "
    "regional global strategic tactical military economic political historical cultural"
)
VERBS = words(
    "said claimed denied argued warned suggested reported confirmed rejected signed "
    "promised announced accused supported opposed questioned expected predicted insisted "
    "revealed admitted doubted estimated"
)
SYLLABLES = words("ka lo mi ra ven tor sa del an ri os ul be ko na zar ev im tu lan gor fi ne ha")
KINDS = ("person", "state", "organization", "media", "group")
CLAIM_TYPES = ("factual", "historical", "causal", "prediction", "evaluation", "recommendation")
LABELS = ("supports", "opposes", "questions", "neutral")
LABEL_WEIGHTS = (5, 3, 1, 1)
ATTRIBUTIONS = ("author", "quoted", "paraphrased", "reported", "anonymous")
CERTAINTIES = ("certain", "probable", "possible")
GENRES = ("news", "analysis", "opinion", "blog", "forum", "reference")
ROLES = ("subject", "object", "mentioned")
TOPICS = tuple(f"{word}" for word in TOPICAL_WORDS[:40])
PUBLISHERS = tuple(f"The {word.title()} Review" for word in TOPICAL_WORDS[40:60])


@dataclass
class Actor:
    id: str
    name: str
    kind: str
    aliases: list[tuple[str, str]]  # (label, alias kind)


@dataclass
class Source:
    id: str
    text: str
    sentences: list[tuple[int, int]]  # spans a stance may quote
    names: list[tuple[str, int, int]] = field(default_factory=list)  # (actor id, start, end)


def synthetic_word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts))


def make_actors(rng: random.Random, count: int) -> list[Actor]:
    actors = []
    for number in range(count):
        kind = KINDS[number % len(KINDS)]
        first = synthetic_word(rng, 2).title()
        last = synthetic_word(rng, 3).title()
        if kind == "person":
            name = f"{first} {last}"
            aliases = [(last, "name")]
            if rng.random() < 0.5:
                aliases.append((f"{first[0]}. {last}", "abbreviation"))
        else:
            name = {
                "state": f"Republic of {last}",
                "organization": f"{last} Institute",
                "media": f"{last} Daily",
                "group": f"{last} Front",
            }[kind]
            aliases = [(last, "metonym")]
            if rng.random() < 0.5:
                aliases.append(("".join(word[0] for word in name.split()).upper(), "abbreviation"))
        actors.append(Actor(f"actor-{number:06d}", name, kind, aliases))
    return actors


class Prose:
    """English-like sentences over the fixed vocabulary, Zipf-weighted, naming actors."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.words = [*FUNCTION_WORDS, *TOPICAL_WORDS, *VERBS]
        weights = [1 / (rank + 1) ** 0.8 for rank in range(len(self.words))]
        total = 0.0
        self.cumulative = []
        for weight in weights:
            total += weight
            self.cumulative.append(total)

    def sentence(self, cast: Sequence[Actor], names: list[tuple[str, int, int]], at: int) -> str:
        rng = self.rng
        words = rng.choices(self.words, cum_weights=self.cumulative, k=rng.randint(8, 30))
        words[0] = words[0].capitalize()
        if cast and rng.random() < 0.6:
            actor = rng.choice(cast)
            label = actor.name if rng.random() < 0.7 or not actor.aliases else actor.aliases[0][0]
            position = rng.randrange(1, len(words))
            words.insert(position, label)
            start = at + len(" ".join(words[:position])) + 1
            names.append((actor.id, start, start + len(label)))
        return " ".join(words) + "."


def make_source(rng: random.Random, prose: Prose, number: int, cast: Sequence[Actor]) -> Source:
    target = rng.randint(15_000, 25_000)
    parts: list[str] = []
    sentences: list[tuple[int, int]] = []
    names: list[tuple[str, int, int]] = []
    length = 0
    while length < target:
        if parts:
            parts.append("\n\n")
            length += 2
        for index in range(rng.randint(4, 10)):
            if index:
                parts.append(" ")
                length += 1
            sentence = prose.sentence(cast, names, length)
            parts.append(sentence)
            sentences.append((length, length + len(sentence)))
            length += len(sentence)
    return Source(f"source-{number:06d}", "".join(parts), sentences, names)


def context(text: str, start: int, end: int) -> tuple[str, str]:
    return text[max(0, start - CONTEXT) : start], text[end : end + CONTEXT]


class Loader:
    """Bulk inserts through the DB-API: executemany on SQLite, COPY on PostgreSQL."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.sqlite = engine.dialect.name == "sqlite"
        self.raw = engine.raw_connection()
        self.driver = self.raw.driver_connection
        if self.sqlite:
            cursor = self.driver.cursor()
            # a throwaway file until it is complete: no need to survive a crash mid-load
            cursor.execute("PRAGMA synchronous=OFF")
            cursor.execute("PRAGMA foreign_keys=OFF")
            cursor.execute("PRAGMA cache_size=-262144")
            cursor.execute("BEGIN")

    def insert(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        if not rows:
            return
        names = ", ".join(f'"{name}"' for name in columns)
        cursor = self.driver.cursor()
        if self.sqlite:
            marks = ", ".join("?" for _ in columns)
            cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)
            return
        with cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def execute(self, sql: str) -> None:
        self.driver.cursor().execute(sql)

    def commit(self) -> None:
        if self.sqlite:
            self.execute("COMMIT")
            self.execute("BEGIN")
        else:
            self.driver.commit()

    def close(self) -> None:
        if self.sqlite:
            self.execute("COMMIT")
        else:
            self.driver.commit()
        self.raw.close()

    def analyze(self) -> None:
        """Planner statistics, after close(). On PostgreSQL VACUUM as well: it sets the
        visibility map (index-only scans) and the hint bits, which the first readers would
        otherwise write during the benchmark. VACUUM cannot run inside a transaction."""
        if self.sqlite:
            with self.engine.connect() as connection:
                connection.exec_driver_sql("ANALYZE")
                connection.commit()
            return
        with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("VACUUM (ANALYZE)")


def fts_triggers(loader: Loader) -> list[str]:
    """The CREATE statements of migration 0002's full-text triggers, as stored."""
    cursor = loader.driver.cursor()
    cursor.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'fts_%'")
    return [row[0] for row in cursor.fetchall()]


FTS_REBUILD = [
    "INSERT INTO fts_claim (id, text) SELECT id, text FROM claim",
    "INSERT INTO fts_passage (id, source_id, text) SELECT id, source_id, text FROM passage",
    "INSERT INTO fts_actor_label (actor_id, field, label) SELECT id, 'name', name FROM actor",
    "INSERT INTO fts_actor_label (actor_id, field, label) "
    "SELECT actor_id, 'alias', label FROM actor_alias",
]


def batches(rng: random.Random, claims: int, actors: list[Actor]) -> Iterator[dict[str, list]]:
    """Rows for every table but actor, SOURCES_PER_BATCH sources at a time."""
    prose = Prose(rng)
    sources_total = max(1, -(-claims // CLAIMS_PER_SOURCE))
    claim_number = 0
    written: list[Source] = []
    for first in range(0, sources_total, SOURCES_PER_BATCH):
        rows: dict[str, list] = {name: [] for name in TABLES}
        for number in range(first, min(first + SOURCES_PER_BATCH, sources_total)):
            cast = rng.sample(actors, min(CAST_PER_SOURCE, len(actors)))
            source = make_source(rng, prose, number, cast)
            written.append(source)
            day = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(2000))
            rows["source"].append(
                (
                    source.id,
                    f"Synthetic article {number}",
                    rng.choice(PUBLISHERS),
                    f"{synthetic_word(rng, 2).title()} {synthetic_word(rng, 3).title()}",
                    f"https://example.org/articles/{number}",
                    day,
                    "day",
                    rng.choice(GENRES),
                    "en",
                    source.text,
                    hashlib.sha256(source.text.encode("utf-8")).hexdigest(),
                )
            )
            rows["passage"].extend(
                tuple(row.values()) for row in passage_rows(source_id=source.id, text=source.text)
            )
            for index, (actor_id, start, end) in enumerate(source.names[:MENTIONS_PER_SOURCE]):
                before, after = context(source.text, start, end)
                rows["mention"].append(
                    (
                        f"mention-{number:06d}-{index}",
                        source.id,
                        actor_id,
                        start,
                        end,
                        source.text[start:end],
                        before,
                        after,
                    )
                )
            here = min(CLAIMS_PER_SOURCE, claims - claim_number)
            for _ in range(here):
                claim_id = f"claim-{claim_number:07d}"
                claim_number += 1
                start, end = rng.choice(source.sentences)
                rows["claim"].append(
                    (claim_id, source.text[start:end][:2000], rng.choice(CLAIM_TYPES), "active")
                )
                for topic in rng.sample(TOPICS, rng.randint(1, 3)):
                    rows["claim_topic"].append((claim_id, topic))
                for actor, role in zip(
                    rng.sample(cast, min(len(cast), rng.randint(1, 2))), ROLES, strict=False
                ):
                    rows["claim_actor"].append((claim_id, actor.id, role))
                for index in range(2):
                    # most claims are stated twice in their article, some again in another
                    cited = source if index == 0 or rng.random() < 0.7 else rng.choice(written)
                    start, end = rng.choice(cited.sentences)
                    before, after = context(cited.text, start, end)
                    holder = rng.choice(cast).id if rng.random() < 0.85 else None
                    rows["stance"].append(
                        (
                            f"stance-{claim_id[6:]}-{index}",
                            claim_id,
                            cited.id,
                            holder,
                            rng.choices(LABELS, LABEL_WEIGHTS)[0],
                            rng.choice(ATTRIBUTIONS),
                            rng.choice(CERTAINTIES),
                            start,
                            end,
                            cited.text[start:end],
                            before,
                            after,
                        )
                    )
        # only the last sources may be cited again: keeps memory flat at a million claims
        written = written[-SOURCES_PER_BATCH * 4 :]
        yield rows


TABLES: dict[str, tuple[str, ...]] = {
    "source": (
        "id",
        "title",
        "publisher",
        "author",
        "url",
        "published_on",
        "date_precision",
        "genre",
        "language",
        "text",
        "text_sha256",
    ),
    "passage": ("id", "source_id", "start", "end", "text"),
    "claim": ("id", "text", "claim_type", "status"),
    "claim_topic": ("claim_id", "topic"),
    "claim_actor": ("claim_id", "actor_id", "role"),
    "stance": (
        "id",
        "claim_id",
        "source_id",
        "holder_id",
        "label",
        "attribution",
        "certainty",
        "start",
        "end",
        "quote",
        "prefix",
        "suffix",
    ),
    "mention": ("id", "source_id", "actor_id", "start", "end", "quote", "prefix", "suffix"),
}


def progress(total: int, unit: str = "claims") -> Any:
    try:
        from tqdm import tqdm
    except ImportError:
        return None
    return tqdm(total=total, unit=unit, unit_scale=True, file=sys.stderr)


def stored_bodies(connection: Connection) -> int:
    """How many bodies the read model will store: every claim, every live span."""
    return connection.scalar(
        text(
            "SELECT (SELECT count(*) FROM claim)"
            " + (SELECT count(*) FROM stance WHERE status = 'active')"
            " + (SELECT count(*) FROM mention WHERE status = 'active')"
        )
    )


def generate(
    *,
    database_url: str,
    claims: int,
    seed: int = 42,
    keep_triggers: bool = False,
    quiet: bool = False,
) -> dict[str, float]:
    """Build the corpus into an empty database; return the seconds each phase took."""
    timings: dict[str, float] = {}
    began = time.perf_counter()
    engine = make_engine(database_url)
    upgrade(engine)
    timings["migrate"] = time.perf_counter() - began
    rng = random.Random(seed)
    loader = Loader(engine)
    triggers = [] if not loader.sqlite or keep_triggers else fts_triggers(loader)
    for sql in triggers:
        # filled in one pass afterwards (FTS_REBUILD), much faster than row by row
        loader.execute(f"DROP TRIGGER {sql.split()[2]}")

    started = time.perf_counter()
    actors = make_actors(rng, max(1, claims // CLAIMS_PER_ACTOR))
    loader.insert(
        "actor",
        ("id", "name", "name_key", "kind"),
        [(a.id, a.name, fold(a.name), a.kind) for a in actors],
    )
    loader.insert(
        "actor_alias",
        ("actor_id", "label", "label_key", "kind", "auto_mention"),
        [(a.id, label, fold(label), kind, False) for a in actors for label, kind in a.aliases],
    )
    bar = None if quiet else progress(claims)
    for number, rows in enumerate(batches(rng, claims, actors), start=1):
        for table, columns in TABLES.items():
            loader.insert(table, columns, rows[table])
        if number % BATCHES_PER_TRANSACTION == 0:
            loader.commit()
        if bar is not None:
            bar.update(len(rows["claim"]))
    if bar is not None:
        bar.close()
    loader.commit()
    timings["insert"] = time.perf_counter() - started

    started = time.perf_counter()
    if triggers:
        for sql in FTS_REBUILD:
            loader.execute(sql)
        for sql in triggers:
            loader.execute(sql)
    loader.close()
    timings["index"] = time.perf_counter() - started
    started = time.perf_counter()
    with engine.connect() as connection:
        bar = None if quiet else progress(stored_bodies(connection), "bodies")
    read_model.rebuild_all(engine, None if bar is None else bar.update)
    if bar is not None:
        bar.close()
    timings["read model"] = time.perf_counter() - started
    started = time.perf_counter()
    loader.analyze()
    timings["analyze"] = time.perf_counter() - started
    engine.dispose()
    timings["total"] = time.perf_counter() - began
    return timings


def replace_sqlite_file(url: URL, *, force: bool) -> None:
    """Remove the SQLite file at ``url`` (and its -wal, -shm) if --force allows it."""
    if not url.database:
        return
    path = Path(url.database)
    if path.exists() and not force:
        sys.exit(f"{path} exists; pass --force to replace it")
    for leftover in (path, *(path.with_name(path.name + end) for end in ("-wal", "-shm"))):
        leftover.unlink(missing_ok=True)


def prepare_postgresql(url: URL, *, force: bool) -> None:
    """Create the database at ``url`` if it is missing; if it already holds tables, drop and
    create it again with --force, else stop. Connects to the ``postgres`` database for it."""
    name = url.database
    if not name:
        sys.exit("the PostgreSQL URL names no database")
    # NullPool: every connection really closes, so none is left to block DROP DATABASE
    admin = create_engine(
        url.set(database="postgres"), isolation_level="AUTOCOMMIT", poolclass=NullPool
    )
    with admin.connect() as connection:
        exists = connection.scalar(
            text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name}
        )
    if exists:
        with create_engine(url, poolclass=NullPool).connect() as connection:
            tables = connection.scalar(
                text("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
            )
        if not tables:
            return
        if not force:
            sys.exit(f"database {name} holds {tables} tables; pass --force to replace it")
    quoted = admin.dialect.identifier_preparer.quote(name)
    with admin.connect() as connection:
        if exists:
            # not WITH (FORCE): fails, and says so, while a server is still connected to it
            connection.exec_driver_sql(f"DROP DATABASE {quoted}")
        connection.exec_driver_sql(f"CREATE DATABASE {quoted}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--database-url", help="default: sqlite:///bench/data/bench-<n>.db")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument(
        "--force",
        action="store_true",
        help="replace an existing SQLite file, or drop and create a PostgreSQL database that "
        "already holds tables",
    )
    parser.add_argument(
        "--keep-triggers",
        action="store_true",
        help="SQLite: fill the FTS tables row by row through the triggers (slower)",
    )
    args = parser.parse_args()
    url = args.database_url or f"sqlite:///bench/data/bench-{args.claims}.db"
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        replace_sqlite_file(parsed, force=args.force)
    elif parsed.get_backend_name() == "postgresql":
        prepare_postgresql(parsed, force=args.force)
    timings = generate(
        database_url=url, claims=args.claims, seed=args.seed, keep_triggers=args.keep_triggers
    )
    phases = ", ".join(f"{name} {seconds:.1f}s" for name, seconds in timings.items())
    print(f"{args.claims} claims into {parsed.render_as_string(hide_password=True)}: {phases}")


if __name__ == "__main__":
    main()
