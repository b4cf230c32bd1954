"""Pairwise agreement between sources or holders: which claims both address, and whether
they take the same side.

A party's side on a claim is ``supports`` or ``opposes`` when all its stances there that
take a side agree; a party that both supports and opposes a claim, or only questions or
stays neutral on it, has no side. Two parties agree on a claim when both have the same
side, disagree when they have opposite sides; every claim both address is ``shared``.
An article's own voice (a stance without a holder) is the holder ``author:<source id>``.

Pairing every party with every other per request cost 35 s and more at 200,000 claims.
The pairs' counts are stored (``agreement_pair``, both orders, and each party's number of
claims in ``agreement_party``) and kept in step by every write: a write changes the parties
of the claims it touched (app/read_model/counts.py), and only the pairs of the parties whose
side there changed move. A read is then one range of a key; naming the claims a pair
shares (``pair_claims``) is one join from the first party's index.
"""

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from enum import StrEnum
from functools import cache
from typing import Any

from sqlalchemy import bindparam, func, select, text

from app.core.deadline import check_deadline
from app.core.reader import Reader
from app.models import Label, ReviewStatus, Stance
from app.read_model.counts import ACCEPTED, ACTIVE, UNCOUNTED, ClaimState, StanceFacts

SIDES = {Label.supports.value, Label.opposes.value}
AUTHOR_VOICE = "author:"


class By(StrEnum):
    source = "source"
    holder = "holder"


def side(labels: set[str]) -> str | None:
    taken = labels & SIDES
    return taken.pop() if len(taken) == 1 else None


def party_of(stance: StanceFacts, by: By) -> str:
    if by is By.source:
        return stance.source_id
    return stance.holder_id or AUTHOR_VOICE + stance.source_id


def sides(state: ClaimState, by: By) -> dict[str, str | None]:
    """Each party addressing the claim, with its side."""
    labels: dict[str, set[str]] = {}
    for stance in state.stances:
        labels.setdefault(party_of(stance, by), set()).add(stance.label)
    return {party: side(found) for party, found in labels.items()}


def relation(a: str | None, b: str | None) -> tuple[int, int, int]:
    """(shared, agree, disagree) that one claim adds to a pair with these sides."""
    both = a is not None and b is not None
    return 1, int(both and a == b), int(both and a != b)


MISSING = "missing"  # not a side: the party does not address the claim


def pair_deltas(
    old: Mapping[str, str | None], new: Mapping[str, str | None]
) -> tuple[Counter[str], dict[tuple[str, str], list[int]]]:
    """How one claim's change of parties moves each party's claim count and each pair's
    counts (pairs keyed a < b); only pairs with a party whose side changed can move."""
    parties: Counter[str] = Counter()
    for party in old.keys() - new.keys():
        parties[party] -= 1
    for party in new.keys() - old.keys():
        parties[party] += 1
    changed = {p for p in old.keys() | new.keys() if old.get(p, MISSING) != new.get(p, MISSING)}
    pairs: dict[tuple[str, str], list[int]] = {}
    for x in sorted(changed):
        for y in sorted(old.keys() | new.keys()):
            if y == x or (y in changed and y < x):
                continue
            a, b = min(x, y), max(x, y)
            after = relation(new[a], new[b]) if a in new and b in new else (0, 0, 0)
            before = relation(old[a], old[b]) if a in old and b in old else (0, 0, 0)
            delta = [n - m for n, m in zip(after, before, strict=True)]
            if any(delta):
                pairs[(a, b)] = delta
    return parties, pairs


UPSERT_PARTY = text(
    "INSERT INTO agreement_party (kind, party, claims) VALUES (:kind, :party, :n) "
    "ON CONFLICT (kind, party) DO UPDATE SET claims = agreement_party.claims + excluded.claims"
)
UPSERT_PAIR = text(
    "INSERT INTO agreement_pair (kind, a, b, shared, agree, disagree) "
    "VALUES (:kind, :a, :b, :shared, :agree, :disagree) "
    "ON CONFLICT (kind, a, b) DO UPDATE SET shared = agreement_pair.shared + excluded.shared, "
    "agree = agreement_pair.agree + excluded.agree, "
    "disagree = agreement_pair.disagree + excluded.disagree"
)
# by key, only the rows this write moved: a WHERE over the whole table read every row
# (slow at scale) and, on PostgreSQL, made every two concurrent writes a serialization
# conflict (each read what the other wrote)
DROP_EMPTY_PARTY = text(
    "DELETE FROM agreement_party WHERE kind = :kind AND party = :party AND claims = 0"
)
DROP_EMPTY_PAIR = text(
    "DELETE FROM agreement_pair WHERE kind = :kind AND a = :a AND b = :b AND shared = 0"
)


def refresh(db: Reader, old: Mapping[str, ClaimState], new: Mapping[str, ClaimState]) -> None:
    """Move the stored pairs from the claims as they were to as they are."""
    parties: list[dict[str, object]] = []
    pairs: list[dict[str, object]] = []
    for by in By:
        moved: Counter[str] = Counter()
        paired: dict[tuple[str, str], list[int]] = {}
        for claim_id, state in new.items():
            claim_parties, claim_pairs = pair_deltas(sides(old[claim_id], by), sides(state, by))
            moved.update(claim_parties)
            for key, delta in claim_pairs.items():
                total = paired.setdefault(key, [0, 0, 0])
                total[:] = [n + m for n, m in zip(total, delta, strict=True)]
        parties += [{"kind": by.value, "party": p, "n": n} for p, n in sorted(moved.items()) if n]
        for (a, b), (shared, agree, disagree) in sorted(paired.items()):
            for x, y in ((a, b), (b, a)):
                counts = {"shared": shared, "agree": agree, "disagree": disagree}
                pairs.append({"kind": by.value, "a": x, "b": y, **counts})
    if parties:
        db.connection.execute(UPSERT_PARTY, parties)
        db.connection.execute(DROP_EMPTY_PARTY, parties)
    if pairs:
        db.connection.execute(UPSERT_PAIR, pairs)
        db.connection.execute(DROP_EMPTY_PAIR, pairs)


def party_sql(by: By) -> str:
    if by is By.source:
        return "source_id"
    return f"coalesce(holder_id, '{AUTHOR_VOICE}' || source_id)"


def rebuild_statements() -> Iterable[str]:
    """INSERTs that pair every party anew, one kind at a time."""
    for by in By:
        supports, opposes = (
            f"sum(CASE WHEN label = '{label.value}' THEN 1 ELSE 0 END)"
            for label in (Label.supports, Label.opposes)
        )
        sides_sql = (
            f"SELECT {party_sql(by)} AS party, claim_id, "
            f"CASE WHEN {supports} > 0 AND {opposes} = 0 THEN 1 "
            f"WHEN {opposes} > 0 AND {supports} = 0 THEN -1 ELSE 0 END AS side "
            f"FROM stance WHERE status = '{ACTIVE}' AND review_status = '{ACCEPTED}' "
            f"GROUP BY {party_sql(by)}, claim_id"
        )
        yield (
            "INSERT INTO agreement_party (kind, party, claims) "
            f"SELECT '{by.value}', party, count(*) FROM ({sides_sql}) s GROUP BY party"
        )
        yield (
            "INSERT INTO agreement_pair (kind, a, b, shared, agree, disagree) "
            f"SELECT '{by.value}', x.party, y.party, count(*), "
            "sum(CASE WHEN x.side <> 0 AND x.side = y.side THEN 1 ELSE 0 END), "
            "sum(CASE WHEN x.side <> 0 AND y.side = -x.side THEN 1 ELSE 0 END) "
            f"FROM ({sides_sql}) x JOIN ({sides_sql}) y "
            "ON y.claim_id = x.claim_id AND y.party <> x.party GROUP BY x.party, y.party"
        )


def rebuild(db: Reader) -> None:
    for table in ("agreement_pair", "agreement_party"):
        db.connection.execute(text(f"DELETE FROM {table}"))
    for statement in rebuild_statements():
        db.connection.execute(text(statement))


# ---------------------------------------------------------------- reading


def party_kind(by: By, party: str) -> str:
    """Which column names the party: a source, a holder, or a source's own voice."""
    if by is By.source:
        return "source"
    return "voice" if party.startswith(AUTHOR_VOICE) else "holder"


def party_value(party: str) -> str:
    return party.removeprefix(AUTHOR_VOICE)


def of_party(stance: Any, kind: str, name: str, include_candidates: bool = False) -> list[Any]:
    """Conditions selecting the live stances of the party bound to ``name`` that count."""
    uncounted = (ReviewStatus.rejected.value,) if include_candidates else UNCOUNTED
    found = [stance.c.status == ACTIVE, stance.c.review_status.not_in(uncounted)]
    if kind == "holder":
        return [*found, stance.c.holder_id == bindparam(name)]
    found.append(stance.c.source_id == bindparam(name))
    if kind == "voice":
        # not ``holder_id IS NULL``, which SQLite answers from the holder index: every stance
        # in the author's voice of every source (300,000 at a million claims), not this one's
        found.append(func.coalesce(stance.c.holder_id, "") == "")
    return found


@cache
def shared_labels(kind_a: str, kind_b: str, include_candidates: bool = False) -> Any:
    """Each claim both parties address, in id order, with a label of each (one row per
    pair of their stances there); from the first party's index, probing the second's."""
    a, b = Stance.__table__.alias("a"), Stance.__table__.alias("b")
    return (
        select(a.c.claim_id, a.c.label, b.c.label)
        .join(b, b.c.claim_id == a.c.claim_id)
        .where(
            *of_party(a, kind_a, "a", include_candidates),
            *of_party(b, kind_b, "b", include_candidates),
        )
        .order_by(a.c.claim_id)
    )


def pair_claims(
    db: Reader,
    by: By,
    pair: tuple[str, str],
    totals: Sequence[int],
    limit: int,
    sizes: Mapping[str, int],
    include_candidates: bool = False,
) -> list[list[str]]:
    """The first ``limit`` claims (by id) the pair shares, agrees on and disagrees on, of
    ``totals`` (shared, agree, disagree) in all. One join, from the index of the party with
    fewer claims (``sizes``): the work is that party's claims, however many the other has."""
    lists: list[list[str]] = [[], [], []]
    wanted = [min(limit, total) for total in totals]
    if not any(wanted):
        return lists
    check_deadline()
    first, second = sorted(pair, key=lambda party: sizes.get(party, 0))
    statement = shared_labels(party_kind(by, first), party_kind(by, second), include_candidates)
    labels: dict[str, tuple[set[str], set[str]]] = {}
    for claim_id, label_first, label_second in db.all(
        statement, a=party_value(first), b=party_value(second)
    ):
        found = labels.setdefault(claim_id, (set(), set()))
        found[0].add(label_first)
        found[1].add(label_second)
    for claim_id, (mine, theirs) in labels.items():  # a relation reads the same both ways
        for found, n, want in zip(lists, relation(side(mine), side(theirs)), wanted, strict=True):
            if n and len(found) < want:
                found.append(claim_id)
    return lists
