"""Read ``seeds/``: parse and validate every file, and turn the records into table rows.

Nothing here writes: app/seeds/sync.py loads the rows (``seed`` adds what is new,
``reseed`` replaces), after app/seeds/plan.py has compared them with the database.
Every record is validated by the same ``...Create`` models as the API's writes (extended
in app/seeds/format.py by what only files say). What the files say beyond the
data, such as file names, anchors as written, notes and the file that defines each claim,
goes to the seed metadata tables, so that ``claimsdb export`` writes the files back.
"""

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError
from sqlmodel import SQLModel

from app.actors.labels import Labelled, live_labels
from app.models import (
    Actor,
    ActorAlias,
    ActorRedirect,
    Anchor,
    Claim,
    ClaimActor,
    ClaimOrigin,
    ClaimTopic,
    Mention,
    MentionAnchor,
    MentionOrigin,
    Passage,
    Source,
    SourceAnchor,
    SourceFile,
    Stance,
    StanceAnchor,
    Status,
    fold,
)
from app.search.engine import passage_rows
from app.seeds import render as seed_yaml
from app.seeds.format import (
    NO_ANCHOR,
    SOURCE_SECTIONS,
    WRITTEN_BY_PEOPLE,
    SeedActor,
    SeedAnchor,
    SeedClaim,
    SeedMention,
    SeedSource,
    SeedStance,
    declared_anchor,
    source_anchor_row,
)
from app.sources.provenance import (
    AnchorError,
    Span,
    context,
    find_all,
    locate,
    match_labels,
    mention_id,
    stance_id,
)

ACTORS_FILE = "actors.yaml"
# claims no source states yet: the API takes a claim before its first stance
CLAIMS_FILE = "claims.yaml"
SOURCE_KEYS = set(SOURCE_SECTIONS)
# parents before children: inserts run in this order, deletes in reverse
TABLES: list[type[SQLModel]] = [
    Source,
    SourceFile,
    SourceAnchor,
    Passage,
    Actor,
    ActorAlias,
    ActorRedirect,
    Claim,
    ClaimOrigin,
    ClaimTopic,
    ClaimActor,
    Stance,
    StanceAnchor,
    Mention,
    MentionAnchor,
]


M = TypeVar("M", bound=BaseModel)
A = TypeVar("A", bound=Anchor)


class SeedError(Exception):
    """Bad seed data: every problem found, each naming its file and record."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("seed data refused:\n" + "\n".join(f"  {p}" for p in problems))


@dataclass
class SeedSet:
    """Validated rows for every table, keyed by table name, and each source's unannotated
    spans: page furniture and rhetorical filler, keyed by source id."""

    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    furniture: dict[str, list[Span]] = field(default_factory=dict)
    filler: dict[str, list[Span]] = field(default_factory=dict)

    def add(self, model: type[SQLModel], row: dict[str, Any]) -> None:
        self.rows.setdefault(model.__tablename__, []).append(row)


@dataclass
class Problems:
    found: list[str] = field(default_factory=list)

    def add(self, where: str, message: str) -> None:
        self.found.append(f"{where}: {message}")

    def validated(self, model: type[M], data: Any, where: str) -> M | None:
        if not isinstance(data, dict):
            self.add(where, f"expected a mapping, got {type(data).__name__}")
            return None
        try:
            return model.model_validate(data)
        except ValidationError as error:
            for item in error.errors():
                name = ".".join(str(part) for part in item["loc"]) or "record"
                self.add(where, f"{name}: {item['msg']}")
            return None


@dataclass
class ParsedSource:
    path: str
    source: SeedSource
    file_name: str
    furniture: list[Span]
    filler: list[Span]
    claims: list[tuple[str, SeedClaim]]
    stances: list[tuple[str, SeedStance, Span]]
    mentions: list[tuple[str, SeedMention, Span]]
    not_mentions: list[Span]
    # furniture, filler and not_mentions entries as written: (section, index, entry)
    anchors: list[tuple[str, int, SeedAnchor]] = field(default_factory=list)


def record_name(kind: str, index: int, data: Any, key: str = "id") -> str:
    label = data.get(key) if isinstance(data, dict) else None
    return f"{kind}[{index}]" + (f" ({key} {label})" if label else "")


def parse_date(value: Any, precision: Any) -> date | None:
    """``published_on`` as written (2024, 2024-06, 2024-06-19): at least as precise as
    ``date_precision``, which may be missing only for a whole date, as the API allows."""
    if value is None:
        return None
    text = value.isoformat() if isinstance(value, date) else str(value)
    parts = text.split("-")
    needed = {"year": 1, "month": 2, "day": 3}.get(str(precision), 3)
    if len(parts) < needed or len(parts) > 3:
        if precision is None:
            raise ValueError(f"date_precision (day|month|year) is required with {text!r}")
        raise ValueError(f"published_on {text!r} does not match date_precision {precision!r}")
    numbers = [int(part) for part in parts] + [1] * (3 - len(parts))
    return date(*numbers)


def read_yaml(path: Path, problems: Problems) -> dict[str, Any] | None:
    try:
        data = seed_yaml.load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        problems.add(str(path), f"cannot read: {error}")
        return None
    if not isinstance(data, dict):
        problems.add(str(path), "expected a mapping at the top level")
        return None
    return data


def anchor_spans(
    text: str,
    entries: Any,
    kind: str,
    path: str,
    problems: Problems,
    declared: list[tuple[str, int, SeedAnchor]],
) -> list[Span]:
    """Spans for a list of plain anchors (furniture, filler, not_mentions); each valid
    entry is also appended to ``declared``, as written, so that it can be stored."""
    spans: list[Span] = []
    for index, entry in enumerate(entries or []):
        where = f"{path}: {kind}[{index}]"
        anchor = problems.validated(SeedAnchor, entry, where)
        if anchor is None:
            continue
        if anchor.occurrence == "all":
            if kind != "furniture":
                problems.add(where, "only furniture may say 'occurrence: all'")
                continue
            fitting = set(find_all(text, anchor.quote, prefix=anchor.prefix, suffix=anchor.suffix))
            found = [
                Span(at, at + len(anchor.quote))
                for at in _all_starts(text, anchor.quote)
                if at in fitting
            ]
            if not found:
                problems.add(where, f"quote {anchor.quote!r} not found in the source text")
            spans.extend(found)
        else:
            span = place(text, anchor, where, problems)
            if span is None:
                continue
            spans.append(span)
        declared.append((kind, index, anchor))
    return spans


def _all_starts(text: str, quote: str) -> list[int]:
    starts, at = [], text.find(quote)
    while at != -1:
        starts.append(at)
        at = text.find(quote, at + len(quote))
    return starts


def place(text: str, anchor: Anchor, where: str, problems: Problems) -> Span | None:
    try:
        return locate(
            text,
            anchor.quote,
            prefix=anchor.prefix,
            suffix=anchor.suffix,
            occurrence=anchor.occurrence,
        )
    except AnchorError as error:
        problems.add(where, str(error))
        return None


def parse_source_file(path: Path, sources_dir: Path, problems: Problems) -> ParsedSource | None:
    data = read_yaml(path, problems)
    if data is None:
        return None
    name = str(path)
    for key in sorted(set(data) - SOURCE_KEYS):
        problems.add(name, f"unknown key {key!r} (expected {', '.join(sorted(SOURCE_KEYS))})")
    header = data.get("source")
    if not isinstance(header, dict):
        problems.add(name, "a 'source' mapping is required")
        return None
    header = dict(header)
    where = f"{name}: source ({header.get('id')})"
    file_name = header.pop("file", None)
    if file_name is not None and (
        not isinstance(file_name, str) or Path(file_name).name != file_name
    ):
        problems.add(where, f"file {file_name!r} must be a plain file name under sources/")
        return None
    if not file_name:
        problems.add(where, "file is required: the article's name under sources/")
        return None
    text_path = sources_dir / str(file_name)
    try:
        raw = text_path.read_bytes()
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        problems.add(where, f"cannot read source file {text_path}: {error}")
        return None
    try:
        header["published_on"] = parse_date(
            header.get("published_on"), header.get("date_precision")
        )
    except ValueError as error:
        problems.add(where, str(error))
        return None
    source = problems.validated(SeedSource, {**header, "text": text}, where)
    if source is None:
        return None

    anchors: list[tuple[str, int, SeedAnchor]] = []
    furniture, filler, not_mentions = (
        anchor_spans(text, data.get(kind), kind, name, problems, anchors)
        for kind in ("furniture", "filler", "not_mentions")
    )

    claims = []
    for index, entry in enumerate(data.get("claims") or []):
        where = f"{name}: {record_name('claims', index, entry)}"
        claim = problems.validated(SeedClaim, entry, where)
        if claim is not None:
            claims.append((where, claim))

    def spans_of(model: type[A], kind: str, key: str) -> list[tuple[str, A, Span]]:
        placed = []
        for index, entry in enumerate(data.get(kind) or []):
            where = f"{name}: {record_name(kind, index, entry, key)}"
            record = problems.validated(model, entry, where)
            span = record and place(text, record, where, problems)
            if record is None or span is None:
                continue
            if any(span.overlaps(chrome) for chrome in furniture):
                problems.add(where, f"span {span.start}-{span.end} lies in page furniture")
                continue
            placed.append((where, record, span))
        return placed

    return ParsedSource(
        path=name,
        source=source,
        file_name=str(file_name),
        furniture=furniture,
        filler=filler,
        claims=claims,
        stances=spans_of(SeedStance, "stances", "claim"),
        mentions=spans_of(SeedMention, "mentions", "actor"),
        not_mentions=not_mentions,
        anchors=anchors,
    )


@dataclass(frozen=True)
class Destination:
    """The database a seed set goes into: the sources it holds, and its actors. A source
    it does not hold yet is read as the API would store it, naming only the actors live
    there (app/actors/labels.py); one it holds is read as it was seeded."""

    sources: frozenset[str]
    actors: list[Labelled]


def read_seeds(seeds_dir: Path, *, into: Destination | None = None) -> SeedSet:
    """Parse and validate every seed file; raise ``SeedError`` listing all problems."""
    return read_seed_files(
        annotations=seeds_dir / "annotations", sources=seeds_dir / "sources", into=into
    )


def read_seed_files(
    *, annotations: Path, sources: Path, into: Destination | None = None
) -> SeedSet:
    """``read_seeds`` for annotation files and source texts kept in any two folders."""
    problems = Problems()
    sources_dir = sources
    actors_path = annotations / ACTORS_FILE
    actors: list[tuple[str, SeedActor]] = []
    actors_data = read_yaml(actors_path, problems) if actors_path.exists() else None
    if actors_path.exists() and actors_data is not None:
        for index, entry in enumerate(actors_data.get("actors") or []):
            where = f"{actors_path}: {record_name('actors', index, entry)}"
            if isinstance(entry, dict):
                entry = {
                    **entry,
                    "aliases": [_alias_fields(alias) for alias in entry.get("aliases") or []],
                }
            actor = problems.validated(SeedActor, entry, where)
            if actor is not None:
                actors.append((where, actor))
    elif not actors_path.exists():
        problems.add(str(actors_path), "missing: the actors file is required")

    sources = [
        parsed
        for path in sorted(annotations.glob("*.yaml"))
        if path.name not in (ACTORS_FILE, CLAIMS_FILE)
        and (parsed := parse_source_file(path, sources_dir, problems))
    ]
    unattached: list[tuple[str, SeedClaim]] = []
    claims_path = annotations / CLAIMS_FILE
    claims_data = read_yaml(claims_path, problems) if claims_path.exists() else None
    for index, entry in enumerate((claims_data or {}).get("claims") or []):
        where = f"{claims_path}: {record_name('claims', index, entry)}"
        if claim := problems.validated(SeedClaim, entry, where):
            unattached.append((where, claim))
    seed_set = assemble(actors, sources, problems, unattached, into)
    if problems.found:
        raise SeedError(problems.found)
    return seed_set


def _alias_fields(alias: Any) -> Any:
    if isinstance(alias, dict) and "match" in alias:
        alias = {**alias, "auto_mention": alias["match"]}
        del alias["match"]
    return alias


def duplicates(where_and_ids: Iterable[tuple[str, str]], kind: str, problems: Problems) -> set[str]:
    seen: dict[str, str] = {}
    for where, identifier in where_and_ids:
        if identifier in seen:
            problems.add(where, f"duplicate {kind} id {identifier!r} (first in {seen[identifier]})")
        else:
            seen[identifier] = where
    return set(seen)


def add_claim(
    seed_set: SeedSet,
    where: str,
    claim: SeedClaim,
    origin: str | None,
    actor_ids: set[str],
    problems: Problems,
) -> None:
    """A claim's rows; ``origin`` is the source whose file defines it, if one does."""
    seed_set.add(
        Claim,
        {
            "id": claim.id,
            "text": claim.text,
            "claim_type": claim.claim_type.value,
            "status": claim.status.value,
            "status_reason": claim.status_reason,
            **claim.review_row(),
        },
    )
    if origin is not None:
        seed_set.add(ClaimOrigin, {"claim_id": claim.id, "source_id": origin})
    for topic in dict.fromkeys(claim.topics):
        seed_set.add(ClaimTopic, {"claim_id": claim.id, "topic": topic})
    roles: dict[str, str] = {}
    for member in claim.actors:
        if member.actor not in actor_ids:
            problems.add(where, f"unknown actor {member.actor!r}")
        elif roles.setdefault(member.actor, member.role.value) != member.role.value:
            problems.add(where, f"actor {member.actor!r} is listed with two roles")
    for actor_id, role in roles.items():
        seed_set.add(ClaimActor, {"claim_id": claim.id, "actor_id": actor_id, "role": role})


def assemble(
    actors: list[tuple[str, SeedActor]],
    sources: list[ParsedSource],
    problems: Problems,
    unattached: Sequence[tuple[str, SeedClaim]] = (),
    into: Destination | None = None,
) -> SeedSet:
    """Cross-check references and turn validated records into table rows; ``unattached``
    are the claims of CLAIMS_FILE, which no stance needs to state yet."""
    seed_set = SeedSet()
    actor_ids = duplicates(((w, a.id) for w, a in actors), "actor", problems)
    duplicates(((w, old) for w, a in actors for old in a.merged_from), "merged actor", problems)
    for where, actor in actors:
        for old_id in sorted(set(actor.merged_from) & actor_ids):
            problems.add(where, f"merged_from {old_id!r} is still an actor of its own")
    duplicates(((s.path, s.source.id) for s in sources), "source", problems)
    claim_ids = duplicates(
        [*((w, c.id) for s in sources for w, c in s.claims), *((w, c.id) for w, c in unattached)],
        "claim",
        problems,
    )

    label_owner: dict[str, str] = {}
    for where, actor in actors:
        seed_set.add(
            Actor,
            {
                "id": actor.id,
                "name": actor.name,
                "name_key": fold(actor.name),
                "kind": actor.kind.value,
                "description": actor.description,
                "wikidata_id": actor.wikidata_id,
                "country": actor.country,
                "status": actor.status.value,
                "status_reason": actor.status_reason,
                **actor.review_row(),
            },
        )
        for old_id in actor.merged_from:
            seed_set.add(ActorRedirect, {"old_id": old_id, "actor_id": actor.id})
        labels = [(actor.name, True)] + [(a.label, a.auto_mention) for a in actor.aliases]
        for label, auto in labels:
            if auto and label_owner.setdefault(label, actor.id) != actor.id:
                problems.add(
                    where,
                    f"label {label!r} also names {label_owner[label]!r}; "
                    "mark the alias 'match: false' and declare its mentions per source",
                )
        for alias, count in Counter(a.label for a in actor.aliases).items():
            if count > 1:
                problems.add(where, f"alias {alias!r} is listed {count} times")
        for alias in {a.label: a for a in actor.aliases}.values():
            seed_set.add(
                ActorAlias,
                {
                    "actor_id": actor.id,
                    "label": alias.label,
                    "label_key": fold(alias.label),
                    "kind": alias.kind.value,
                    "auto_mention": alias.auto_mention,
                },
            )

    for where, claim in unattached:
        add_claim(seed_set, where, claim, None, actor_ids, problems)

    labelled = [
        Labelled(a.id, a.name, a.status, tuple(x.label for x in a.aliases if x.auto_mention))
        for _, a in actors
    ]
    seeded_labels = live_labels(labelled)
    held = into.sources if into is not None else frozenset()
    if into is not None:  # stored actors first: their state is the live one
        stored = {actor.id for actor in into.actors}
        new_source_labels = live_labels(
            [*into.actors, *(a for a in labelled if a.id not in stored)]
        )
    else:
        new_source_labels = seeded_labels

    stance_counts: Counter[str] = Counter()
    stance_ids: list[tuple[str, str]] = []
    mention_ids: list[tuple[str, str]] = []
    for parsed in sources:
        source = parsed.source
        seed_set.furniture[source.id] = parsed.furniture
        seed_set.filler[source.id] = parsed.filler
        seed_set.add(
            Source,
            {
                **source.model_dump(exclude={"text"}, mode="python"),
                "genre": source.genre.value,
                "date_precision": source.date_precision and source.date_precision.value,
                "status": source.status.value,
                "text": source.text,
                "text_sha256": hashlib.sha256(source.text.encode("utf-8")).hexdigest(),
            },
        )
        seed_set.add(SourceFile, {"source_id": source.id, "file_name": parsed.file_name})
        for section, ordinal, anchor in parsed.anchors:
            seed_set.add(SourceAnchor, source_anchor_row(source.id, section, ordinal, anchor))
        for row in passage_rows(source_id=source.id, text=source.text):
            seed_set.add(Passage, row)
        for where, claim in parsed.claims:
            add_claim(seed_set, where, claim, source.id, actor_ids, problems)

        text = source.text
        for where, stance, span in parsed.stances:
            if stance.claim not in claim_ids:
                problems.add(where, f"unknown claim {stance.claim!r}")
            if stance.holder is not None and stance.holder not in actor_ids:
                problems.add(where, f"unknown holder {stance.holder!r}")
            derived_stance_id = stance.id or stance_id(
                source_id=source.id,
                claim_id=stance.claim,
                holder_id=stance.holder,
                start=span.start,
                end=span.end,
            )
            stance_ids.append((where, derived_stance_id))
            stance_counts[stance.claim] += 1
            prefix, suffix = context(text, span)
            seed_set.add(
                Stance,
                {
                    "id": derived_stance_id,
                    "claim_id": stance.claim,
                    "source_id": source.id,
                    "holder_id": stance.holder,
                    "label": stance.label.value,
                    "attribution": stance.attribution.value,
                    "certainty": stance.certainty.value,
                    "start": span.start,
                    "end": span.end,
                    "quote": text[span.start : span.end],
                    "prefix": prefix,
                    "suffix": suffix,
                    "status": stance.status.value,
                    "status_reason": stance.status_reason,
                    **stance.review_row(),
                    "suggested_claims": stance.suggested_claims
                    and [suggestion.model_dump() for suggestion in stance.suggested_claims],
                },
            )
            if anchor := declared_anchor(stance):
                seed_set.add(StanceAnchor, {"stance_id": derived_stance_id, **anchor})

        # (actor, span, the declaration or None for a mention the matcher found)
        mentions: list[tuple[str, Span, SeedMention | None]] = []
        for where, mention, span in parsed.mentions:
            if mention.actor not in actor_ids:
                problems.add(where, f"unknown actor {mention.actor!r}")
            mentions.append((mention.actor, span, mention))
        declared = [span for _, span, _ in mentions]
        auto_labels = new_source_labels if source.id not in held else seeded_labels
        mentions += [
            (actor_id, span, None)
            for actor_id, span in match_labels(
                text, auto_labels, skip=[*parsed.furniture, *parsed.not_mentions, *declared]
            )
        ]
        for actor_id, span, mention in sorted(mentions, key=lambda item: item[1]):
            derived_mention_id = (mention and mention.id) or mention_id(
                source_id=source.id, actor_id=actor_id, start=span.start, end=span.end
            )
            mention_ids.append((parsed.path, derived_mention_id))
            prefix, suffix = context(text, span)
            seed_set.add(
                Mention,
                {
                    "id": derived_mention_id,
                    "source_id": source.id,
                    "actor_id": actor_id,
                    "origin": mention.origin.value if mention else MentionOrigin.derived.value,
                    "start": span.start,
                    "end": span.end,
                    "quote": text[span.start : span.end],
                    "prefix": prefix,
                    "suffix": suffix,
                    "status": mention.status.value if mention else Status.active.value,
                    "status_reason": mention and mention.status_reason,
                    **(mention.review_row() if mention else WRITTEN_BY_PEOPLE),
                },
            )
            anchor = mention and declared_anchor(mention)
            if anchor or (mention and mention.note):
                row = {
                    "mention_id": derived_mention_id,
                    **(anchor or NO_ANCHOR),
                    "note": mention.note,
                }
                seed_set.add(MentionAnchor, row)

    duplicates(stance_ids, "stance", problems)
    duplicates(mention_ids, "mention", problems)
    for parsed in sources:
        for where, claim in parsed.claims:
            if stance_counts[claim.id] == 0:
                problems.add(where, "claim has no stance: every claim needs provenance")
    return seed_set
