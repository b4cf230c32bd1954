"""The read model: each claim's ClaimPublic body and each live span's AnnotationPublic
body, stored as JSON beside the tables they are built from (``claim_json``,
``annotation_json``).

Why: at 200,000 claims, building a page of claims or of a source's annotations from its
tables cost more than the rest of the request. Each of the 50 rows read its parts (topics,
actors, claim text, holder) in seeks scattered over the file, and every column became a
Python object only to be written out as JSON again (docs/benchmarks.md). Stored, a page
is one range of a clustered key, and its bodies go into the response as they are.

The bodies are built here and nowhere else: ``claim_items`` and ``spans.annotation_item`` turn
table rows into bodies, ``refresh`` stores the bodies of the records a write touched, in
the write's own transaction, and ``rebuild`` stores them all. Curation calls
``refresh_record`` for every record it changes (the same records the audit log gets),
seeding rebuilds after a load, and ``claimsdb migrate`` rebuilds when ``FORMAT`` differs
from the stored one, so a change to a body's shape needs a new ``FORMAT``, not a migration.
"""

import time
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from typing import Any

import orjson
from sqlalchemy import Engine, bindparam, delete, insert, select, text
from sqlmodel import Session, col

from app.core.db import upgrade
from app.core.metrics import READ_MODEL_BODIES, READ_MODEL_REBUILDS
from app.core.reader import Reader, Row, reading
from app.models import (
    Actor,
    AnnotationJson,
    AnnotationKind,
    Claim,
    ClaimActor,
    ClaimJson,
    ClaimTopic,
    Mention,
    ReadModelFormat,
    Stance,
)
from app.read_model import agreement, counts
from app.read_model.spans import SPANS_AFTER, SPANS_BY_ID, store_spans
from app.review.filters import shown

# the bodies' shape: a new number makes `claimsdb migrate` rebuild every stored body
# (2: the counts of app/read_model/counts.py and agreement.py are rebuilt with them;
# 3: a claim's extracted_by and confidence, migration 0009; 4: counts of accepted stances
# only, and no body for a rejected span; 5: a claim names no rejected actor)
FORMAT = 5
BATCH = 5000

CLAIM_COLUMNS = (
    Claim.id,
    Claim.text,
    Claim.claim_type,
    Claim.status,
    Claim.status_reason,
    Claim.version,
    Claim.review_status,
    Claim.extracted_by,
    Claim.confidence,
)
CLAIMS_BY_ID = select(*CLAIM_COLUMNS).where(col(Claim.id).in_(bindparam("ids", expanding=True)))
CLAIMS_AFTER = (
    select(*CLAIM_COLUMNS)
    .where(Claim.id > bindparam("after"))
    .order_by(Claim.id)
    .limit(bindparam("limit"))
)
TOPICS_OF = (
    select(ClaimTopic.claim_id, ClaimTopic.topic)
    .where(col(ClaimTopic.claim_id).in_(bindparam("ids", expanding=True)))
    .order_by(ClaimTopic.claim_id, ClaimTopic.topic)
)
ACTORS_OF = (  # a rejected actor was proposed in error: the claim no longer names it
    select(ClaimActor.claim_id, ClaimActor.role, Actor.id, Actor.name)
    .join(Actor, Actor.id == ClaimActor.actor_id)
    .where(
        col(ClaimActor.claim_id).in_(bindparam("ids", expanding=True)),
        shown(Actor.review_status),
    )
)
STORED_CLAIMS = select(ClaimJson.claim_id, ClaimJson.body).where(
    col(ClaimJson.claim_id).in_(bindparam("ids", expanding=True))
)


def claim_items(db: Reader, rows: Sequence[Row]) -> list[dict[str, Any]]:
    """ClaimPublic bodies from ``CLAIM_COLUMNS`` rows: two more queries whatever the count."""
    ids = [row[0] for row in rows]
    topics: dict[str, list[str]] = defaultdict(list)
    for claim_id, topic in db.all(TOPICS_OF, ids=ids):
        topics[claim_id].append(topic)
    actors: dict[str, list[dict[str, Any]]] = defaultdict(list)
    # sorted here: SQLite sorts the joined rows in a temporary b-tree, at twice the cost
    for claim_id, role, actor_id, name in sorted(db.all(ACTORS_OF, ids=ids)):
        actors[claim_id].append({"id": actor_id, "name": name, "role": role})
    return [
        {
            "id": claim_id,
            "text": text,
            "claim_type": claim_type,
            "topics": topics[claim_id],
            "status": status,
            "status_reason": status_reason,
            "actors": actors[claim_id],
            "version": version,
            "review_status": review_status,
            "extracted_by": extracted_by,
            "confidence": confidence,
        }
        for (
            claim_id,
            text,
            claim_type,
            status,
            status_reason,
            version,
            review_status,
            extracted_by,
            confidence,
        ) in rows
    ]


def stored_claims(db: Reader, ids: Sequence[str]) -> list[dict[str, Any]]:
    """The stored ClaimPublic bodies of ``ids``, in that order (those that exist)."""
    found = dict(db.all(STORED_CLAIMS, ids=list(ids)))
    return [orjson.loads(found[claim_id]) for claim_id in ids if claim_id in found]


def store_claims(db: Reader, rows: Sequence[Row]) -> None:
    bodies = claim_items(db, rows)
    if bodies:
        db.connection.execute(
            insert(ClaimJson),
            [{"claim_id": body["id"], "body": orjson.dumps(body)} for body in bodies],
        )


def refresh(
    db: Reader,
    *,
    claims: Collection[str] = (),
    stances: Collection[str] = (),
    mentions: Collection[str] = (),
) -> None:
    """Store again the bodies of these records as their tables now hold them: a record
    gone, or a span no longer live, loses its body. ``BATCH`` ids a statement, as an
    actor named in a long text may have more mentions than a statement takes parameters."""
    for kind, ids in (("claim", claims), ("stance", stances), ("mention", mentions)):
        if ids:
            READ_MODEL_BODIES.labels(kind).inc(len(ids))
    for ids in chunks(claims):
        db.connection.execute(delete(ClaimJson).where(col(ClaimJson.claim_id).in_(ids)))
        store_claims(db, db.all(CLAIMS_BY_ID, ids=ids))
    for kind, span_ids in ((AnnotationKind.stance, stances), (AnnotationKind.mention, mentions)):
        for ids in chunks(span_ids):
            db.connection.execute(
                delete(AnnotationJson).where(
                    AnnotationJson.kind == kind.value, col(AnnotationJson.id).in_(ids)
                )
            )
            store_spans(db, db.all(SPANS_BY_ID[kind], ids=ids))


def chunks(ids: Collection[str]) -> Iterable[list[str]]:
    ordered = sorted(ids)
    return (ordered[at : at + BATCH] for at in range(0, len(ordered), BATCH))


STANCE_CLAIM = select(Stance.claim_id).where(Stance.id == bindparam("stance_id"))


def refresh_counts(
    db: Reader, resource: str, record_id: str, before: Mapping[str, Any] | None
) -> None:
    claim_ids = counts.claims_touched(resource, record_id, before)
    if resource == "stance" and (row := db.first(STANCE_CLAIM, stance_id=record_id)):
        claim_ids.add(row[0])
    if claim_ids:
        now = counts.claim_states(db, claim_ids)
        was = counts.as_before(now, resource, record_id, before)
        counts.refresh(db, was, now)
        agreement.refresh(db, was, now)


def refresh_claim_counts(db: Reader, was: Mapping[str, counts.ClaimState]) -> None:
    """Move the kept counts of the claims in ``was`` (their states before a write that
    changed many records at once, as seeding's) to what the tables hold now."""
    now = counts.claim_states(db, was.keys())
    counts.refresh(db, was, now)
    agreement.refresh(db, was, now)


def ids_where(db: Reader, column: Any, where: Any, value: str) -> set[str]:
    return {row[0] for row in db.rows(select(column).where(where == value))}


def refresh_record(
    session: Session, resource: str, record_id: str, before: Mapping[str, Any] | None = None
) -> None:
    """Store again every body that shows the record ``resource`` ``record_id``: a claim's
    own and its stances' (they quote its text); an actor's claims, held stances and
    mentions. A source shows in no body: a new one stores its derived mentions' bodies
    itself (``curation.create_source``), and its stances and mentions are recorded one
    by one when they change. ``before`` is the record as the audit log had it before this
    write (None: it is new): from it the counts of the claims it touched move by the
    difference (app/read_model/counts.py)."""
    db = Reader.of(session)
    refresh_counts(db, resource, record_id, before)
    claims: set[str] = set()
    stances: set[str] = set()
    mentions: set[str] = set()
    if resource == "claim":
        claims = {record_id}
        stances = ids_where(db, Stance.id, Stance.claim_id, record_id)
    elif resource == "actor":
        claims = ids_where(db, ClaimActor.claim_id, ClaimActor.actor_id, record_id)
        stances = ids_where(db, Stance.id, Stance.holder_id, record_id)
        mentions = ids_where(db, Mention.id, Mention.actor_id, record_id)
    elif resource == "stance":
        stances = {record_id}
    elif resource == "mention":
        mentions = {record_id}
    refresh(db, claims=claims, stances=stances, mentions=mentions)


def batches(db: Reader, statement: Any, id_at: int) -> Iterable[list[Row]]:
    """Every row of ``statement`` (ids after ``after``, in id order), ``BATCH`` at a time;
    each row's id is at ``id_at``."""
    after = ""
    while rows := db.all(statement, after=after, limit=BATCH):
        yield rows
        after = rows[-1][id_at]


def rebuild(db: Reader, progress: Callable[[int], object] | None = None) -> None:
    """Store every body anew, in batches, and record that they are of ``FORMAT``;
    ``progress`` hears how many bodies each batch stored."""
    started = time.perf_counter()
    for table in (ClaimJson, AnnotationJson, ReadModelFormat):
        db.connection.execute(delete(table))
    for store, statement, id_at in (
        (store_claims, CLAIMS_AFTER, 0),
        *((store_spans, SPANS_AFTER[kind], 4) for kind in AnnotationKind),
    ):
        for rows in batches(db, statement, id_at):
            store(db, rows)
            if progress is not None:
                progress(len(rows))
    if db.postgres:
        # the counts below group and join whole tables: without statistics (a database just
        # loaded, in this transaction or before autovacuum came by) the planner took them
        # for a few rows and nested its loops, past ten minutes at 200,000 claims
        db.connection.execute(text("ANALYZE claim, stance, claim_topic"))
    counts.rebuild(db)
    agreement.rebuild(db)
    db.connection.execute(insert(ReadModelFormat).values(format=FORMAT))
    READ_MODEL_REBUILDS.observe(time.perf_counter() - started)


STORED_FORMAT = select(ReadModelFormat.format)


def stored_format(engine: Engine) -> int | None:
    with reading(engine) as db:
        row = db.first(STORED_FORMAT)
    return None if row is None else row[0]


def rebuild_all(engine: Engine, progress: Callable[[int], object] | None = None) -> None:
    """``rebuild`` in a transaction of its own."""
    with engine.begin() as connection:
        rebuild(Reader.over(connection), progress)


def ensure_current(engine: Engine) -> bool:
    """Rebuild the stored bodies if they are not of ``FORMAT``; True if it did."""
    if stored_format(engine) == FORMAT:
        return False
    rebuild_all(engine)
    return True


def migrate(engine: Engine) -> None:
    """Upgrade the schema to the head revision, then rebuild the stored bodies if they are
    not of ``FORMAT``: what ``claimsdb migrate`` and every fresh database need."""
    upgrade(engine)
    ensure_current(engine)
