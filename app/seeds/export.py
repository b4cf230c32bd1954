"""Write the database's annotations back as seed files (`claimsdb export --annotations DIR`).

Curation done through the API can so be committed back to ``seeds/``: DIR gets
``actors.yaml`` and one ``<source id>.yaml`` per source in the canonical form
(app/seeds/render.py), and a source whose text is not in the sibling ``sources/``
folder yet gets it there. Exporting what ``claimsdb seed`` loaded gives the seed files
back byte for byte: what the files say beyond the data lives in the seed metadata
tables (app/models.py), and everything else is derived the way the loader derives it.
"""

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from sqlalchemy import Connection, Engine, select

from app.actors.labels import Labelled, live_labels
from app.models import (
    MentionOrigin,
    Passage,
    Status,
)
from app.seeds import render as seed_yaml
from app.seeds.assemble import TABLES as SEEDED_TABLES
from app.seeds.assemble import Problems
from app.seeds.entries import (
    Row,
    Snapshot,
    actor_entries,
    anchor_entries,
    anchor_of,
    claim_entry,
    claim_homes,
    curation,
    date_text,
    derived_mention_id,
    mention_entry,
    stance_entry,
)
from app.seeds.parse import ACTORS_FILE, CLAIMS_FILE, anchor_spans
from app.seeds.render import Exact, render_actors, render_claims, render_source
from app.sources.provenance import (
    Span,
    match_labels,
)


class ExportError(Exception):
    """The database holds something the seed files cannot say; nothing was written."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("export refused:\n" + "\n".join(f"  {p}" for p in problems))


@dataclass
class ExportReport:
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)


# what the seed files hold: every seeded table but the passages, derived from the texts
TABLES = [model for model in SEEDED_TABLES if model is not Passage]


def read_snapshot(connection: Connection) -> Snapshot:
    tables = [model.__table__ for model in TABLES]  # type: ignore[attr-defined]
    return Snapshot(
        {
            table.name: [dict(row) for row in connection.execute(select(table)).mappings()]
            for table in tables
        }
    )


def mention_entries(
    db: Snapshot, source: Row, sections: dict[str, list[Row]], labels: dict[str, str]
) -> tuple[list[Row], list[Row]]:
    """The mentions a file must declare: curated ones, and derived ones the loader would
    not derive as they are (curation retracted one, moved it, or gave it another id); and
    the not_mentions it must add for what the loader would derive and the database does
    not hold (a name matched in a text stored before its actor was)."""
    text, path = source["text"], f"source {source['id']}"
    notes = db.one("mention_anchor", "mention_id")
    mentions = sorted(
        db.by("mention", "source_id")[source["id"]],
        key=lambda m: (m["start"], m["end"], m["actor_id"], m["id"]),
    )
    problems, unused = Problems(), []
    skip = [
        span
        for section in ("furniture", "not_mentions")
        for span in anchor_spans(text, sections[section], section, path, problems, unused)
    ]
    declared = [m for m in mentions if m["origin"] != MentionOrigin.derived]
    candidates = {
        (actor_id, span.start, span.end)
        for actor_id, span in match_labels(
            text, labels, skip=[*skip, *(Span(m["start"], m["end"]) for m in declared)]
        )
    }
    written = [
        m
        for m in mentions
        if m["origin"] != MentionOrigin.derived
        or (m["actor_id"], m["start"], m["end"]) not in candidates
        or m["id"] != derived_mention_id(m)
        or curation(m)
    ]
    held = {(m["actor_id"], m["start"], m["end"]) for m in mentions}
    unmatched = [
        {"quote": Exact(text[span.start : span.end]), **anchor_of(text, span.start, span.end, None)}
        for actor_id, span in match_labels(
            text, labels, skip=[*skip, *(Span(m["start"], m["end"]) for m in written)]
        )
        if (actor_id, span.start, span.end) not in held
    ]
    return [mention_entry(m, text, notes.get(m["id"])) for m in written], unmatched


def source_document(
    db: Snapshot, source: Row, file_name: str, claim_ids: list[str], labels: dict[str, str]
) -> Row:
    text = source["text"]
    stances = sorted(
        db.by("stance", "source_id")[source["id"]],
        key=lambda s: (s["start"], s["end"], s["claim_id"], s["holder_id"] or "", s["id"]),
    )
    first_stance: dict[str, int] = {}
    for position, stance in enumerate(stances):
        first_stance.setdefault(stance["claim_id"], position)
    claims, topics, members = (
        db.one("claim", "id"),
        db.by("claim_topic", "claim_id"),
        db.by("claim_actor", "claim_id"),
    )
    ordered = sorted(claim_ids, key=lambda c: (first_stance.get(c, len(stances)), c))
    sections = anchor_entries(db.by("source_anchor", "source_id")[source["id"]])
    stance_anchors = db.one("stance_anchor", "stance_id")
    header = {
        "id": source["id"],
        "file": file_name,
        "title": source["title"],
        "publisher": source["publisher"],
        "author": source["author"],
        "url": source["url"],
        "published_on": date_text(source["published_on"], source["date_precision"]),
        "date_precision": source["date_precision"],
        "date_note": source["date_note"],
        "genre": source["genre"],
        "language": source["language"],
    } | curation(source)
    mentions, unmatched = mention_entries(db, source, sections, labels)
    sections["not_mentions"] += unmatched
    return {
        "source": header,
        **sections,
        "claims": [claim_entry(claims[c], topics[c], members[c]) for c in ordered],
        "stances": [stance_entry(s, text, stance_anchors.get(s["id"])) for s in stances],
        "mentions": mentions,
    }


def auto_labels(db: Snapshot) -> dict[str, str]:
    """Label -> actor for every name and alias the loader matches in texts, as it does."""
    return live_labels(
        Labelled(
            actor["id"],
            actor["name"],
            actor.get("status", Status.active),
            tuple(a["label"] for a in actor.get("aliases", []) if a.get("match", True)),
        )
        for actor in actor_entries(db)
    )


def seed_files(db: Snapshot) -> tuple[dict[str, str], dict[str, str]]:
    """Every annotation file (name -> content) and every source text (file name -> text)."""
    problems: list[str] = []
    stored = {row["source_id"]: row["file_name"] for row in db.rows["source_file"]}
    names = {s["id"]: stored.get(s["id"], f"{s['id']}.txt") for s in db.rows["source"]}
    for name, count in sorted(Counter(names.values()).items()):
        if count > 1:
            problems.append(f"source file name {name!r} would be shared by {count} sources")
    sources = sorted(db.rows["source"], key=lambda s: (names[s["id"]], s["id"]))
    if problems:
        raise ExportError(problems)
    homes = claim_homes(db, [s["id"] for s in sources])
    files = {ACTORS_FILE: render_actors(actor_entries(db))}
    if homes[None]:
        claims, topics, members = (
            db.one("claim", "id"),
            db.by("claim_topic", "claim_id"),
            db.by("claim_actor", "claim_id"),
        )
        entries = [claim_entry(claims[c], topics[c], members[c]) for c in homes[None]]
        files[CLAIMS_FILE] = render_claims(entries)
    labels = auto_labels(db)
    for source in sources:
        document = source_document(db, source, names[source["id"]], homes[source["id"]], labels)
        files[f"{source['id']}.yaml"] = render_source(document)
    return files, {names[s["id"]]: s["text"] for s in sources}


def export_annotations(
    *, engine: Engine, annotations_dir: Path, sources_dir: Path | None = None
) -> ExportReport:
    """Write the annotations to ``annotations_dir`` and any missing source text to
    ``sources_dir`` (default: ``sources/`` beside it). Source files of sources the
    database no longer holds are removed; nothing is written if anything is refused."""
    sources_dir = sources_dir or annotations_dir.parent / "sources"
    # one snapshot, so that a curator writing meanwhile cannot leave a stance without its claim
    options = {"isolation_level": "REPEATABLE READ"} if engine.dialect.name == "postgresql" else {}
    with engine.connect().execution_options(**options) as connection:
        files, texts = seed_files(read_snapshot(connection))
    clashes = [
        f"{sources_dir / name}: holds another text than the source the database keeps "
        "under that file name; export into another folder, or move that file away"
        for name, text in texts.items()
        if (sources_dir / name).exists() and (sources_dir / name).read_bytes() != text.encode()
    ]
    if clashes:
        raise ExportError(clashes)
    report = ExportReport()
    for directory, contents in ((sources_dir, texts), (annotations_dir, files)):
        directory.mkdir(parents=True, exist_ok=True)
        for name, content in sorted(contents.items()):
            path, data = directory / name, content.encode("utf-8")
            if path.exists() and path.read_bytes() == data:
                report.unchanged.append(path)
            else:
                path.write_bytes(data)
                report.written.append(path)
    for path in sorted(annotations_dir.glob("*.yaml")):
        if path.name not in files and (path.name == CLAIMS_FILE or is_source_file(path)):
            path.unlink()
            report.removed.append(path)
    return report


def is_source_file(path: Path) -> bool:
    """Whether a YAML file is a seed source file (one the export would have written)."""
    try:
        data = seed_yaml.load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return False
    return isinstance(data, dict) and isinstance(data.get("source"), dict)
