"""Counts that whole-list reads would otherwise take over every row: each claim's live
stances (``claim_stats``: ``sort=stance_count``, ``contested``), the unfiltered lists' facet
counts (``facet_count``) and agreement's pairs (app/read_model/agreement.py).

They are kept in step the way the read model's bodies are: a write hands ``refresh`` each
claim it touched as it was before (``ClaimState``, rebuilt from the tables and the audit
log's ``before`` snapshot) and the tables as they are now, and only the difference is
applied, so a write costs what its own claim has, never the whole table. ``rebuild`` fills
them in a few statements that count every row, for seeding and bulk loads.
"""

import zlib
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple

from sqlalchemy import bindparam, delete, insert, select, text
from sqlmodel import col

from app.core.reader import Reader
from app.models import (
    Claim,
    ClaimStats,
    ClaimTopic,
    FacetCount,
    Label,
    ReviewStatus,
    Stance,
    Status,
)

CLAIM_SCOPE, STANCE_SCOPE = "claim", "stance"
# facets of the claims list that count claims through their stances
CLAIM_STANCE_FACETS = ("source_id", "label", "holder_id")
# facets of the stances list kept here; its claim_id facet is claim_stats.stance_count
STANCE_FACETS = ("source_id", "holder_id", "label", "attribution", "certainty")
ACTIVE = Status.active.value
# only what a person wrote or accepted counts: the pipeline's candidates do not (issue 22)
ACCEPTED = ReviewStatus.accepted.value
UNCOUNTED = (ReviewStatus.candidate.value, ReviewStatus.rejected.value)


class StanceFacts(NamedTuple):
    """What the counts need of one live stance (a tuple: made for every live stance of the
    claims with a candidate on each agreement read, where a frozen dataclass took ten
    times as long to make)."""

    id: str
    source_id: str
    holder_id: str | None
    label: str
    attribution: str
    certainty: str


@dataclass(frozen=True)
class ClaimState:
    """A claim as the counts see it: absent (purged, or not yet created) when ``status`` is
    None; its live stances."""

    claim_id: str
    status: str | None = None
    review_status: str | None = None
    claim_type: str | None = None
    topics: tuple[str, ...] = ()
    stances: tuple[StanceFacts, ...] = field(default_factory=tuple)

    def contested(self) -> bool:
        labels = {stance.label for stance in self.stances}
        return Label.supports.value in labels and Label.opposes.value in labels

    def facets(self) -> Counter[tuple[str, str, str]]:
        """(scope, facet, value) -> how much this claim adds to that count."""
        found: Counter[tuple[str, str, str]] = Counter()
        for stance in self.stances:
            for name in STANCE_FACETS:
                value = getattr(stance, name)
                if value is not None:
                    found[(STANCE_SCOPE, name, value)] += 1
        if self.status == ACTIVE and self.review_status == ACCEPTED:
            found[(CLAIM_SCOPE, "claim_type", self.claim_type)] = 1
            for topic in self.topics:
                found[(CLAIM_SCOPE, "topic", topic)] = 1
            for name in CLAIM_STANCE_FACETS:
                for value in {getattr(stance, name) for stance in self.stances} - {None}:
                    found[(CLAIM_SCOPE, name, value)] = 1
        return found


STANCE_FACT_COLUMNS = (
    Stance.claim_id,
    Stance.id,
    Stance.source_id,
    Stance.holder_id,
    Stance.label,
    Stance.attribution,
    Stance.certainty,
)
CLAIMS_OF = select(Claim.id, Claim.status, Claim.review_status, Claim.claim_type).where(
    col(Claim.id).in_(bindparam("ids", expanding=True))
)
TOPICS_OF = select(ClaimTopic.claim_id, ClaimTopic.topic).where(
    col(ClaimTopic.claim_id).in_(bindparam("ids", expanding=True))
)
LIVE_STANCES_OF = select(*STANCE_FACT_COLUMNS).where(
    col(Stance.claim_id).in_(bindparam("ids", expanding=True)),
    Stance.status == Status.active,
    # NOT IN: an equality would draw SQLite to the review_status index (app/review/filters.py)
    col(Stance.review_status).not_in(UNCOUNTED),
)


def claim_states(db: Reader, claim_ids: Collection[str]) -> dict[str, ClaimState]:
    """The claims as the tables hold them now (absent ones too)."""
    ids = sorted(claim_ids)
    topics: dict[str, list[str]] = {claim_id: [] for claim_id in ids}
    for claim_id, topic in db.all(TOPICS_OF, ids=ids):
        topics[claim_id].append(topic)
    stances: dict[str, list[StanceFacts]] = {claim_id: [] for claim_id in ids}
    for claim_id, *facts in db.all(LIVE_STANCES_OF, ids=ids):
        stances[claim_id].append(StanceFacts(*facts))
    states = {claim_id: ClaimState(claim_id) for claim_id in ids}
    for claim_id, status, review_status, claim_type in db.all(CLAIMS_OF, ids=ids):
        states[claim_id] = ClaimState(
            claim_id,
            status,
            review_status,
            claim_type,
            tuple(sorted(topics[claim_id])),
            tuple(sorted(stances[claim_id], key=lambda s: s.id)),
        )
    for claim_id, state in states.items():
        if state.status is None:  # purged: no stance can stand without it
            states[claim_id] = replace(state, stances=())
    return states


def as_before(
    now: Mapping[str, ClaimState], resource: str, record_id: str, before: Mapping[str, Any] | None
) -> dict[str, ClaimState]:
    """The claims in ``now`` as they were before one write changed the record ``resource``
    ``record_id`` from ``before`` (its audit snapshot; None: it did not exist)."""
    old = dict(now)
    if resource == "claim":
        state = now[record_id]
        if before is None:
            old[record_id] = ClaimState(record_id, stances=state.stances)
        else:
            old[record_id] = replace(
                state,
                status=before["status"],
                review_status=before.get("review_status", ACCEPTED),
                claim_type=before["claim_type"],
                topics=tuple(sorted(before.get("topics", state.topics))),
            )
    elif resource == "stance":
        for claim_id, state in now.items():
            kept = [s for s in state.stances if s.id != record_id]
            if (
                before is not None
                and before["claim_id"] == claim_id
                and before["status"] == ACTIVE
                and before.get("review_status", ACCEPTED) == ACCEPTED
            ):
                kept.append(
                    StanceFacts(
                        record_id,
                        before["source_id"],
                        before["holder_id"],
                        before["label"],
                        before["attribution"],
                        before["certainty"],
                    )
                )
            old[claim_id] = replace(state, stances=tuple(sorted(kept, key=lambda s: s.id)))
    return old


def claims_touched(resource: str, record_id: str, before: Mapping[str, Any] | None) -> set[str]:
    """The claims whose counts a write to this record can change."""
    if resource == "claim":
        return {record_id}
    if resource == "stance":
        return {before["claim_id"]} if before is not None else set()
    return set()


UPSERT_FACET = text(
    "INSERT INTO facet_count (scope, facet, value, shard, count) "
    "VALUES (:scope, :facet, :value, :shard, :n) ON CONFLICT (scope, facet, value, shard) "
    "DO UPDATE SET count = facet_count.count + excluded.count"
)
# by key, only the rows this write moved: a WHERE over the whole table read every row
# and, on PostgreSQL, made every two concurrent writes a serialization conflict
DROP_EMPTY_FACET = text(
    "DELETE FROM facet_count "
    "WHERE scope = :scope AND facet = :facet AND value = :value AND shard = :shard AND count = 0"
)
SHARDS = 16


def shard(claim_id: str) -> int:
    """Where a claim's writes add to the facet counts: any shard would do, the same one each
    time keeps the rows few. A rebuild counts everything into shard 0."""
    return zlib.crc32(claim_id.encode()) % SHARDS + 1


def refresh(db: Reader, old: Mapping[str, ClaimState], new: Mapping[str, ClaimState]) -> None:
    """Move the counts from the claims as they were (``old``) to as they are (``new``)."""
    delta: Counter[tuple[str, str, str, int]] = Counter()
    for claim_id, state in new.items():
        for key, n in state.facets().items():
            delta[(*key, shard(claim_id))] += n
        for key, n in old[claim_id].facets().items():
            delta[(*key, shard(claim_id))] -= n
    changes = [
        {"scope": scope, "facet": facet, "value": value, "shard": where, "n": n}
        for (scope, facet, value, where), n in sorted(delta.items())
        if n
    ]
    if changes:
        db.connection.execute(UPSERT_FACET, changes)
        db.connection.execute(DROP_EMPTY_FACET, changes)
    ids = sorted(new)
    db.connection.execute(delete(ClaimStats).where(col(ClaimStats.claim_id).in_(ids)))
    rows = [stats_row(state) for state in new.values() if state.status is not None]
    if rows:
        db.connection.execute(insert(ClaimStats), rows)


def stats_row(state: ClaimState) -> dict[str, Any]:
    return {
        "claim_id": state.claim_id,
        "status": state.status,
        "stance_count": len(state.stances),
        "contested": state.contested(),
    }


def side_sum(label: Label) -> str:
    return f"sum(CASE WHEN label = '{label.value}' THEN 1 ELSE 0 END)"


REBUILD_STATS = text(
    "INSERT INTO claim_stats (claim_id, status, stance_count, contested) "
    "SELECT c.id, c.status, coalesce(s.n, 0), coalesce(s.contested, 1 = 0) FROM claim c "
    "LEFT JOIN (SELECT claim_id, count(*) AS n, "
    f"{side_sum(Label.supports)} > 0 AND {side_sum(Label.opposes)} > 0 AS contested "
    f"FROM stance WHERE status = '{ACTIVE}' AND review_status = '{ACCEPTED}' "
    "GROUP BY claim_id) s ON s.claim_id = c.id"
)
COUNTED_CLAIMS = f"status = '{ACTIVE}' AND review_status = '{ACCEPTED}'"
LIVE_CLAIM_STANCES = (
    f"FROM stance s JOIN claim c ON c.id = s.claim_id AND c.status = '{ACTIVE}' "
    f"AND c.review_status = '{ACCEPTED}' "
    f"WHERE s.status = '{ACTIVE}' AND s.review_status = '{ACCEPTED}'"
)


def rebuild_statements() -> Iterable[str]:
    """INSERTs that count every facet value of the unfiltered lists."""
    into = "INSERT INTO facet_count (scope, facet, value, shard, count) "
    yield (
        f"{into}SELECT '{CLAIM_SCOPE}', 'claim_type', claim_type, 0, count(*) FROM claim "
        f"WHERE {COUNTED_CLAIMS} GROUP BY claim_type"
    )
    yield (
        f"{into}SELECT '{CLAIM_SCOPE}', 'topic', t.topic, 0, count(*) FROM claim_topic t "
        f"JOIN claim c ON c.id = t.claim_id AND c.status = '{ACTIVE}' "
        f"AND c.review_status = '{ACCEPTED}' GROUP BY t.topic"
    )
    for name in CLAIM_STANCE_FACETS:
        yield (
            f"{into}SELECT '{CLAIM_SCOPE}', '{name}', s.{name}, 0, count(DISTINCT s.claim_id) "
            f"{LIVE_CLAIM_STANCES} AND s.{name} IS NOT NULL GROUP BY s.{name}"
        )
    for name in STANCE_FACETS:
        yield (
            f"{into}SELECT '{STANCE_SCOPE}', '{name}', {name}, 0, count(*) FROM stance "
            f"WHERE status = '{ACTIVE}' AND review_status = '{ACCEPTED}' AND {name} IS NOT NULL "
            f"GROUP BY {name}"
        )


def rebuild(db: Reader) -> None:
    """Count everything anew."""
    for table in (ClaimStats, FacetCount):
        db.connection.execute(delete(table))
    db.connection.execute(REBUILD_STATS)
    for statement in rebuild_statements():
        db.connection.execute(text(statement))
