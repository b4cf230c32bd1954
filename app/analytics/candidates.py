"""Agreement with candidate stances counted too (``include_candidates=true``).

The stored pairs count accepted stances only (app/read_model/agreement.py). Counting
candidates as well changes only the claims that have a live candidate stance: each of
those moves the pairs as accepting its candidates would (``pair_deltas``, the function the
writes use), and every other pair is as stored. So a page is the stored page with those
moves applied, merged with the pairs the moves bring past ``min_shared``: the work grows
with the proposals awaiting review, never with the claims (a full pairing took 35 s and more
at 200,000 claims).
"""

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import bindparam, select
from sqlmodel import col

from app.core.deadline import check_deadline
from app.core.reader import Reader
from app.models import AgreementPair, ReviewStatus, Stance, Status
from app.read_model import chunks
from app.read_model.agreement import By, pair_deltas, sides
from app.read_model.counts import STANCE_FACT_COLUMNS, ClaimState, StanceFacts

ACCEPTED, CANDIDATE = ReviewStatus.accepted.value, ReviewStatus.candidate.value
Counts = tuple[int, int, int]  # shared, agree, disagree
LOOKUPS = 200  # pairs looked up between two looks at the clock

# the claims a candidate proposes a stance on: the ids from the review_status index (a
# range: the proposals awaiting review), then each row by its key. Asked in one step, SQLite
# walked a whole index of 400,000 stances for them, its statistics having seen no candidate
CANDIDATE_CLAIMS = (
    select(Stance.claim_id)
    .where(
        col(Stance.id).in_(select(Stance.id).where(Stance.review_status == CANDIDATE)),
        Stance.status == Status.active,
    )
    .distinct()
)
# their live stances, accepted and candidate (not rejected), from the claim_id index
STANCES_OF = select(Stance.review_status, *STANCE_FACT_COLUMNS).where(
    col(Stance.claim_id).in_(bindparam("ids", expanding=True)),
    Stance.status == Status.active,
    Stance.review_status != ReviewStatus.rejected.value,
)


def moves(db: Reader, by: By) -> dict[tuple[str, str], list[int]]:
    """How counting candidates moves each pair (a < b): [shared, agree, disagree]."""
    claim_ids = [row[0] for row in db.rows(CANDIDATE_CLAIMS)]
    accepted: dict[str, list[StanceFacts]] = {claim_id: [] for claim_id in claim_ids}
    every: dict[str, list[StanceFacts]] = {claim_id: [] for claim_id in claim_ids}
    for ids in chunks(claim_ids):
        check_deadline()
        for review_status, claim_id, *facts in db.all(STANCES_OF, ids=ids):
            stance = StanceFacts(*facts)
            every[claim_id].append(stance)
            if review_status == ACCEPTED:
                accepted[claim_id].append(stance)
    moved: dict[tuple[str, str], list[int]] = {}
    for claim_id in claim_ids:
        before = sides(ClaimState(claim_id, stances=tuple(accepted[claim_id])), by)
        after = sides(ClaimState(claim_id, stances=tuple(every[claim_id])), by)
        for key, delta in pair_deltas(before, after)[1].items():
            total = moved.setdefault(key, [0, 0, 0])
            total[:] = [n + m for n, m in zip(total, delta, strict=True)]
    return moved


# one pair by its key: the moved pairs are looked up one by one, 3 µs each; an OR of them
# cost more to build than to run, a join from a list of values read them slower still, and
# a row-value IN had SQLite read every pair
PAIR = select(
    AgreementPair.a,
    AgreementPair.b,
    AgreementPair.shared,
    AgreementPair.agree,
    AgreementPair.disagree,
).where(
    AgreementPair.kind == bindparam("kind"),
    AgreementPair.a == bindparam("a"),
    AgreementPair.b == bindparam("b"),
)


def stored(db: Reader, by: By, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], Counts]:
    """The stored counts of these pairs (a < b), where there are some."""
    found: dict[tuple[str, str], Counts] = {}
    for at, (a, b) in enumerate(sorted(keys)):
        if at % LOOKUPS == 0:
            check_deadline()
        row = db.first(PAIR, kind=by.value, a=a, b=b)
        if row is not None:
            found[(a, b)] = (row[2], row[3], row[4])
    return found


def with_candidates(
    db: Reader,
    by: By,
    stored_page: Sequence[Sequence[Any]],
    *,
    min_shared: int,
    party: str | None,
    after: Sequence[str] | None,
    limit: int,
) -> list[tuple[str, str, int, int, int]]:
    """The page (``limit`` rows, in (a, b) order, after the cursor's pair ``after``) with
    candidates counted: ``stored_page`` is the stored page of ``limit`` rows from there."""
    moved = moves(db, by)
    if party is not None:
        moved = {pair: delta for pair, delta in moved.items() if party in pair}
    totals = stored(db, by, moved)
    rows: dict[tuple[str, str], tuple[int, int, int]] = {
        (a, b): (shared, agree, disagree) for a, b, shared, agree, disagree in stored_page
    }
    for (x, y), delta in moved.items():
        counts = totals.get((x, y), (0, 0, 0))
        moved_counts = (counts[0] + delta[0], counts[1] + delta[1], counts[2] + delta[2])
        for a, b in ((x, y), (y, x)):
            if (party is None and a > b) or (party is not None and a != party):
                continue
            if after is not None and (a, b) <= tuple(after):
                continue
            rows.pop((a, b), None)
            if moved_counts[0] >= min_shared:
                rows[(a, b)] = moved_counts
    return [(a, b, *counts) for (a, b), counts in sorted(rows.items())[:limit]]
