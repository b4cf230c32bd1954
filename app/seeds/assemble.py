"""From validated seed records to table rows: references cross-checked, ids derived,
the mentions a text names found with the one label map (app/actors/labels.py)."""

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from sqlmodel import SQLModel

from app.actors.labels import Labelled, live_labels
from app.models import (
    Actor,
    ActorAlias,
    ActorRedirect,
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
from app.search.passages import passage_rows
from app.seeds.format import (
    NO_ANCHOR,
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
    Span,
    context,
    match_labels,
    mention_id,
    stance_id,
)

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


@dataclass(frozen=True)
class Destination:
    """The database a seed set goes into: the sources it holds, and its actors. A source
    it does not hold yet is read as the API would store it, naming only the actors live
    there (app/actors/labels.py); one it holds is read as it was seeded."""

    sources: frozenset[str]
    actors: list[Labelled]


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
