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
of the claims it touched (app/services/counts.py), and only the pairs of the parties whose
side there changed move. A read is then one range of a key; naming the claims a pair
shares (``PairClaims``) walks the smaller party's claims only.
"""

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from enum import StrEnum

from sqlalchemy import text

from app.deadline import check_deadline
from app.models import Label
from app.reader import Reader
from app.services.counts import ACTIVE, ClaimState, StanceFacts

SIDES = {Label.supports.value, Label.opposes.value}
AUTHOR_VOICE = "author:"
# claims read per statement when naming a pair's claims; a party with at most READ_WHOLE
# claims is read whole, once per request
CHUNK = 500
READ_WHOLE = 5000


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
DROP_EMPTY = (
    text("DELETE FROM agreement_party WHERE claims = 0"),
    text("DELETE FROM agreement_pair WHERE shared = 0"),
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
    if pairs:
        db.connection.execute(UPSERT_PAIR, pairs)
    if parties or pairs:
        for statement in DROP_EMPTY:
            db.connection.execute(statement)


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
            f"FROM stance WHERE status = '{ACTIVE}' GROUP BY {party_sql(by)}, claim_id"
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


def party_condition(by: By, party: str) -> tuple[str, dict[str, str]]:
    """SQL selecting a party's live stances, and its parameters."""
    if by is By.source:
        return "source_id = :party", {"party": party}
    if party.startswith(AUTHOR_VOICE):
        source_id = party.removeprefix(AUTHOR_VOICE)
        return "holder_id IS NULL AND source_id = :party", {"party": source_id}
    return "holder_id = :party", {"party": party}


def party_sides(
    db: Reader, by: By, party: str, claim_ids: Sequence[str] | None = None
) -> dict[str, str | None]:
    """The party's side on each claim it addresses (of ``claim_ids``, if given)."""
    condition, params = party_condition(by, party)
    sql = f"SELECT claim_id, label FROM stance WHERE status = '{ACTIVE}' AND {condition}"
    if claim_ids is not None:
        marks = ", ".join(f":c{i}" for i in range(len(claim_ids)))
        sql += f" AND claim_id IN ({marks})"
        params |= {f"c{i}": claim_id for i, claim_id in enumerate(claim_ids)}
    labels: dict[str, set[str]] = {}
    for claim_id, label in db.rows(text(sql), **params):
        labels.setdefault(claim_id, set()).add(label)
    return {claim_id: side(found) for claim_id, found in labels.items()}


class PairClaims:
    """Names the claims pairs share, for one request: each party's sides are read at most
    once, since the pairs of a page have parties in common (all of them, with ``party=``).

    A pair walks the claims of its party with fewer, asking the other party's side on just
    those (a chunk at a time) unless the other's are few enough to read whole, and stops
    when its lists are full: the work is bounded by that party's claims, however many the
    other has."""

    def __init__(self, db: Reader, by: By, sizes: Mapping[str, int], limit: int) -> None:
        self.db, self.by, self.sizes, self.limit = db, by, sizes, limit
        self.read: dict[str, dict[str, str | None]] = {}

    def whole(self, party: str) -> dict[str, str | None]:
        if party not in self.read:
            self.read[party] = party_sides(self.db, self.by, party)
        return self.read[party]

    def of(self, pair: tuple[str, str], totals: Sequence[int]) -> list[list[str]]:
        """The first ``limit`` claims (by id) the pair shares, agrees on and disagrees on,
        of ``totals`` (shared, agree, disagree) in all."""
        small, large = sorted(pair, key=lambda party: (self.sizes.get(party, 0), party))
        lists: list[list[str]] = [[], [], []]
        wanted = [min(self.limit, total) for total in totals]
        if not any(wanted):
            return lists
        mine = self.whole(small)
        ordered = sorted(mine)
        read_whole = large in self.read or self.sizes.get(large, 0) <= READ_WHOLE
        for start in range(0, len(ordered), CHUNK):
            check_deadline()
            chunk = ordered[start : start + CHUNK]
            theirs = (
                self.whole(large) if read_whole else party_sides(self.db, self.by, large, chunk)
            )
            for claim_id in chunk:
                if claim_id in theirs:
                    for found, n, want in zip(
                        lists, relation(mine[claim_id], theirs[claim_id]), wanted, strict=True
                    ):
                        if n and len(found) < want:
                            found.append(claim_id)
            if [len(found) for found in lists] == wanted:
                break
        return lists
