"""The database's records as the seed files write them: one entry per actor, claim,
stance and mention, only as precise as the files need to read them back the same."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app.models import (
    ActorKind,
    AliasKind,
    AnchorKind,
    MentionOrigin,
    ReviewStatus,
    Role,
    Status,
)
from app.seeds import parse as seeding
from app.seeds.format import ANCHOR_SECTIONS, NO_ANCHOR
from app.seeds.render import Exact, Raw
from app.sources.provenance import (
    AnchorError,
    Span,
    locate,
    mention_id,
    minimal_anchor,
    stance_id,
)

Row = dict[str, Any]


@dataclass
class Snapshot:
    """Every table the seed files come from, grouped the way the files need them."""

    rows: dict[str, list[Row]]
    groups: dict[tuple[str, str], dict[str, list[Row]]] = field(default_factory=dict)

    def by(self, table: str, key: str) -> dict[str, list[Row]]:
        if (table, key) not in self.groups:
            grouped: dict[str, list[Row]] = defaultdict(list)
            for row in self.rows[table]:
                grouped[row[key]].append(row)
            self.groups[table, key] = grouped
        return self.groups[table, key]

    def one(self, table: str, key: str) -> dict[str, Row]:
        """Rows by a unique key."""
        return {value: rows[0] for value, rows in self.by(table, key).items()}


def curation(row: Row) -> Row:
    """The curation keys of a record, only where they differ from the defaults."""
    keys: Row = {}
    if row["status"] != Status.active:
        keys["status"] = row["status"]
    if row["status_reason"] is not None:
        keys["status_reason"] = row["status_reason"]
    if row.get("review_status", ReviewStatus.accepted) != ReviewStatus.accepted:
        keys["review_status"] = row["review_status"]
    for key in ("extracted_by", "confidence", "suggested_claims"):
        if row.get(key) is not None:
            keys[key] = row[key]
    return keys


def rank(vocabulary: type, value: str) -> int:
    members = [member.value for member in vocabulary]
    return members.index(value) if value in members else len(members)


def actor_entries(db: Snapshot) -> list[Row]:
    aliases, redirects = db.by("actor_alias", "actor_id"), db.by("actor_redirect", "actor_id")
    entries = []
    for actor in sorted(db.rows["actor"], key=lambda a: (rank(ActorKind, a["kind"]), a["id"])):
        entry: Row = {"id": actor["id"], "name": actor["name"], "kind": actor["kind"]}
        for key in ("description", "country", "wikidata_id"):
            if actor[key] is not None:
                entry[key] = actor[key]
        labels = sorted(
            aliases[actor["id"]],
            key=lambda a: (rank(AliasKind, a["kind"]), a["label"].casefold(), a["label"]),
        )
        if labels:
            entry["aliases"] = [
                {
                    "label": a["label"],
                    "kind": a["kind"],
                    **({} if a["auto_mention"] else {"match": False}),
                }
                for a in labels
            ]
        if redirects[actor["id"]]:
            entry["merged_from"] = sorted(r["old_id"] for r in redirects[actor["id"]])
        entries.append(entry | curation(actor))
    return entries


def date_text(value: date | None, precision: str | None) -> Raw | None:
    """``published_on`` as the files write it: only as precise as ``date_precision``,
    unless that would lose what the database holds (a day the API was given)."""
    if value is None:
        return None
    length = {"year": 4, "month": 7}.get(precision or "", 10)
    written = value.isoformat()[:length]
    return Raw(written if seeding.parse_date(written, precision) == value else value.isoformat())


def anchor_of(text: str, start: int, end: int, declared: Row | None) -> Row:
    """The anchor an annotator wrote, while it still names this span (a curator may have
    moved the span since); else the minimal one."""
    span, anchor = Span(start, end), None
    if declared is not None:
        written = {key: declared[key] for key in NO_ANCHOR if declared[key] is not None}
        try:
            anchor = written if locate(text, text[start:end], **written) == span else None
        except AnchorError:
            anchor = None
    if anchor is None:
        anchor = minimal_anchor(text, span)
    return {key: Exact(v) if isinstance(v, str) else v for key, v in anchor.items()}


def claim_homes(db: Snapshot, source_order: list[str]) -> dict[str | None, list[str]]:
    """Which source file defines each claim: the one it was seeded from, else the first
    source, in file order, with a stance on it; None (CLAIMS_FILE) for a claim no stance
    states yet, as the API allows."""
    origin = {row["claim_id"]: row["source_id"] for row in db.rows["claim_origin"]}
    stanced = db.by("stance", "claim_id")
    homes: dict[str | None, list[str]] = defaultdict(list)
    for claim in sorted(db.rows["claim"], key=lambda c: c["id"]):
        sources = {s["source_id"] for s in stanced[claim["id"]]}
        home = origin.get(claim["id"]) if sources else None
        if sources and home not in source_order:
            home = next(s for s in source_order if s in sources)
        homes[home].append(claim["id"])
    return homes


def claim_entry(claim: Row, topics: list[Row], members: list[Row]) -> Row:
    ordered = sorted(members, key=lambda m: (rank(Role, m["role"]), m["actor_id"]))
    return {
        "id": claim["id"],
        "text": claim["text"],
        "claim_type": claim["claim_type"],
        "topics": sorted(t["topic"] for t in topics),
        "actors": [{"actor": m["actor_id"], "role": m["role"]} for m in ordered],
    } | curation(claim)


def stance_entry(stance: Row, text: str, declared: Row | None) -> Row:
    entry = {
        "claim": stance["claim_id"],
        "label": stance["label"],
        "holder": stance["holder_id"],
        "attribution": stance["attribution"],
        "certainty": stance["certainty"],
        "quote": Exact(stance["quote"]),
        **anchor_of(text, stance["start"], stance["end"], declared),
    }
    derived = stance_id(
        source_id=stance["source_id"],
        claim_id=stance["claim_id"],
        holder_id=stance["holder_id"],
        start=stance["start"],
        end=stance["end"],
    )
    if stance["id"] != derived:
        entry["id"] = stance["id"]
    return entry | curation(stance)


def mention_entry(mention: Row, text: str, declared: Row | None) -> Row:
    entry = {
        "actor": mention["actor_id"],
        "quote": Exact(mention["quote"]),
        **anchor_of(text, mention["start"], mention["end"], declared),
    }
    if mention["origin"] != MentionOrigin.curated:
        entry["origin"] = mention["origin"]
    if mention["id"] != derived_mention_id(mention):
        entry["id"] = mention["id"]
    entry |= curation(mention)
    if declared is not None and declared["note"] is not None:
        entry["note"] = declared["note"]
    return entry


def derived_mention_id(mention: Row) -> str:
    return mention_id(
        source_id=mention["source_id"],
        actor_id=mention["actor_id"],
        start=mention["start"],
        end=mention["end"],
    )


def anchor_entries(rows: list[Row]) -> dict[str, list[Row]]:
    """A source's furniture, filler and not_mentions entries, as they were declared."""
    sections: dict[str, list[Row]] = {section: [] for section in ANCHOR_SECTIONS}
    kind_to_section = {kind: section for section, kind in ANCHOR_SECTIONS.items()}
    for row in sorted(rows, key=lambda r: (rank(AnchorKind, r["kind"]), r["ordinal"])):
        entry: Row = {"quote": Exact(row["quote"])}
        for key in ("prefix", "suffix"):
            if row[key] is not None:
                entry[key] = Exact(row[key])
        if row["all_occurrences"] or row["occurrence"] is not None:
            entry["occurrence"] = "all" if row["all_occurrences"] else row["occurrence"]
        if row["note"] is not None:
            entry["note"] = row["note"]
        sections[kind_to_section[row["kind"]]].append(entry)
    return sections
