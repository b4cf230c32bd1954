"""How good the proposals are: the pipeline scored against hand annotations.

Three kinds of case (docs/annotation.md gives the figures and what they mean):

- **leave-one-out on the seeds**: each seed article is annotated with a database built from
  the other three: the actors they mention or quote, with only the alias labels their texts
  use, and the claims they state, with their stances' quotes; the held-out article's own
  annotations are the answer key. Actors only the held-out article names must be found by
  named-entity recognition, and spellings only it uses by the name folding.
- **unseen on-topic texts** written for the tests (tests/data/ingest/), each with a small hand
  annotation, annotated with the whole seed database;
- **off-topic texts**, which should propose no stance on an existing claim and no mention of
  a registry actor.

``evaluate`` returns plain data; bench/annotate_eval.py prints it (and ``claimsdb evaluate``
can).
"""

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from app.config import Settings, get_settings, project_path
from app.ingest.mentions import fold
from app.ingest.pipeline import annotate
from app.ingest.types import Alias, ExistingClaim, Proposals, ProposedStance, RegistryActor
from app.seeds.assemble import SeedSet
from app.seeds.parse import read_seeds
from app.sources.provenance import locate

TEST_TEXTS = project_path("tests") / "data" / "ingest"


@dataclass(frozen=True)
class GoldStance:
    start: int
    end: int
    claim_id: str | None  # None: a claim the database does not hold
    holder: str | None  # an actor id, or None (author or unnamed source)
    attribution: str
    certainty: str
    label: str = "supports"


@dataclass(frozen=True)
class GoldMention:
    start: int
    end: int
    actor: str  # an actor id; for actors the database lacks, their name


@dataclass
class Case:
    name: str
    text: str
    title: str | None
    registry: list[RegistryActor]
    claims: list[ExistingClaim]
    stances: list[GoldStance] = field(default_factory=list)
    mentions: list[GoldMention] = field(default_factory=list)
    # every form each actor goes by (name and aliases, folded): to judge candidate actors
    names: dict[str, set[str]] = field(default_factory=dict)
    off_topic: bool = False


# ---- building the cases -----------------------------------------------------------------


def seed_database(
    seed_set: SeedSet, *, leave_out: str | None = None
) -> tuple[list[RegistryActor], list[ExistingClaim]]:
    """The registry and claims a database would hold from every seed source but one."""
    rows = seed_set.rows
    texts = {s["id"]: s["text"] for s in rows["source"] if s["id"] != leave_out}
    seen_actors = {m["actor_id"] for m in rows["mention"] if m["source_id"] != leave_out}
    seen_actors |= {
        s["holder_id"] for s in rows["stance"] if s["source_id"] != leave_out and s["holder_id"]
    }
    aliases: dict[str, list[Alias]] = defaultdict(list)
    for alias in rows.get("actor_alias", []):
        used = leave_out is None or any(
            re.search(rf"(?<!\w){re.escape(alias['label'])}(?!\w)", t) for t in texts.values()
        )
        if used:
            aliases[alias["actor_id"]].append(
                Alias(alias["label"], alias["kind"], alias["auto_mention"])
            )
    registry = [
        RegistryActor(a["id"], a["name"], a["kind"], tuple(aliases[a["id"]]))
        for a in rows["actor"]
        if a["id"] in seen_actors
    ]
    topics: dict[str, list[str]] = defaultdict(list)
    for row in rows.get("claim_topic", []):
        topics[row["claim_id"]].append(row["topic"])
    quotes: dict[str, list[str]] = defaultdict(list)
    for stance in rows["stance"]:
        if stance["source_id"] != leave_out:
            quotes[stance["claim_id"]].append(stance["quote"])
    claims = [
        ExistingClaim(
            c["id"], c["text"], c["claim_type"], tuple(topics[c["id"]]), tuple(quotes[c["id"]])
        )
        for c in rows["claim"]
        if quotes[c["id"]]
    ]
    return registry, claims


def all_names(seed_set: SeedSet) -> dict[str, set[str]]:
    names: dict[str, set[str]] = defaultdict(set)
    for actor in seed_set.rows["actor"]:
        names[actor["id"]].add(fold(actor["name"]))
    for alias in seed_set.rows.get("actor_alias", []):
        names[alias["actor_id"]].add(fold(alias["label"]))
    return dict(names)


def seed_cases(seeds_dir: Path | None = None) -> list[Case]:
    """Leave-one-out: one case per seed source."""
    seed_set = read_seeds(seeds_dir or get_settings().seeds_dir)
    names = all_names(seed_set)
    cases = []
    for source in sorted(seed_set.rows["source"], key=lambda s: s["id"]):
        registry, claims = seed_database(seed_set, leave_out=source["id"])
        known = {c.id for c in claims}
        actor_names = {a["id"]: a["name"] for a in seed_set.rows["actor"]}
        known_actors = {a.id for a in registry}
        stances = [
            GoldStance(
                s["start"],
                s["end"],
                s["claim_id"] if s["claim_id"] in known else None,
                s["holder_id"],
                s["attribution"],
                s["certainty"],
                s["label"],
            )
            for s in seed_set.rows["stance"]
            if s["source_id"] == source["id"]
        ]
        mentions = [
            GoldMention(
                m["start"],
                m["end"],
                m["actor_id"] if m["actor_id"] in known_actors else actor_names[m["actor_id"]],
            )
            for m in seed_set.rows["mention"]
            if m["source_id"] == source["id"]
        ]
        cases.append(
            Case(
                source["id"],
                source["text"],
                source["title"],
                registry,
                claims,
                stances,
                mentions,
                _names_with_display(names, actor_names),
            )
        )
    return cases


def _names_with_display(names: dict[str, set[str]], display: dict[str, str]) -> dict[str, set[str]]:
    # a gold mention of an unknown actor is keyed by its display name: index both ways
    merged = dict(names)
    for actor_id, name in display.items():
        merged[name] = names.get(actor_id, set())
    return merged


def text_cases(folder: Path | None = None, seeds_dir: Path | None = None) -> list[Case]:
    """The texts written for the tests, annotated against the whole seed database."""
    folder = folder or TEST_TEXTS
    seed_set = read_seeds(seeds_dir or get_settings().seeds_dir)
    registry, claims = seed_database(seed_set)
    names = all_names(seed_set)
    cases = []
    for path in sorted(folder.glob("*/*.txt")):
        text = path.read_text(encoding="utf-8")
        key_path = path.with_suffix(".yaml")
        key = yaml.safe_load(key_path.read_text(encoding="utf-8")) if key_path.exists() else {}
        case = Case(
            f"{path.parent.name}/{path.stem}",
            text,
            key.get("title"),
            registry,
            claims,
            off_topic=path.parent.name == "off_topic",
        )
        for entry in key.get("stances", []):
            span = locate(text, entry["quote"], occurrence=entry.get("occurrence"))
            case.stances.append(
                GoldStance(
                    span.start,
                    span.end,
                    entry.get("claim"),
                    entry.get("holder"),
                    entry.get("attribution", "author"),
                    entry.get("certainty", "certain"),
                    entry.get("label", "supports"),
                )
            )
        for entry in key.get("actors", []):
            span = locate(text, entry["quote"], occurrence=entry.get("occurrence", 1))
            case.mentions.append(GoldMention(span.start, span.end, entry["actor"]))
            names.setdefault(entry["actor"], {fold(entry["actor"])})
        case.names = names
        cases.append(case)
    return cases


# ---- scoring ----------------------------------------------------------------------------


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def _best(stance: GoldStance, proposals: Sequence[ProposedStance]) -> ProposedStance | None:
    scored = [(p, _overlap(stance.start, stance.end, p.start, p.end)) for p in proposals]
    scored = [item for item in scored if item[1] > 0]
    return max(scored, key=lambda item: item[1])[0] if scored else None


def _share(hits: Iterable[bool]) -> tuple[int, int]:
    values = list(hits)
    return sum(values), len(values)


def _name_key(name: str) -> str:
    # "U.S. officials" is the "us-officials" of a hand annotation
    return fold(name).replace(".", "")


def score(case: Case, proposals: Proposals) -> dict[str, Any]:
    """Counts ``(right, of)`` for each measure, so that cases can be summed."""
    text = case.text
    known_actors = {a.id for a in case.registry}
    known_claims = {c.id for c in case.claims}
    result: dict[str, Any] = {
        "chars": len(text),
        "relevance": proposals.relevance,
        "stances": len(proposals.stances),
        "on_existing_claims": sum(1 for s in proposals.stances if s.claim_id),
        "registry_mentions": sum(1 for m in proposals.mentions if m.actor_id),
        "proposals": len(proposals.stances)
        + len(proposals.claims)
        + len(proposals.actors)
        + len(proposals.mentions),
        "seconds": sum(proposals.timings.values()),
    }
    spans = [(s.start, s.end, s.quote) for s in proposals.stances] + [
        (m.start, m.end, m.surface) for m in proposals.mentions
    ]
    result["spans_exact"] = _share(text[s:e] == quote for s, e, quote in spans)
    if case.off_topic:
        return result

    candidate_names = {
        a.key: {_name_key(a.name)} | {_name_key(alias.label) for alias in a.aliases}
        for a in proposals.actors
    }

    def same_actor(gold: str, actor_id: str | None, candidate: str | None) -> bool:
        if actor_id is not None:
            return actor_id == gold
        forms = {_name_key(form) for form in case.names.get(gold, {fold(gold)})}
        return candidate is not None and bool(candidate_names.get(candidate, set()) & forms)

    def found(gold: GoldMention) -> list[Any]:
        return [m for m in proposals.mentions if _overlap(gold.start, gold.end, m.start, m.end) > 0]

    result["mentions_found"] = _share(
        any(same_actor(g.actor, m.actor_id, m.proposed_actor) for m in found(g))
        for g in case.mentions
    )
    by_actor: dict[str, list[GoldMention]] = defaultdict(list)
    for g in case.mentions:
        by_actor[g.actor].append(g)
    result["actors_found"] = _share(
        any(same_actor(actor, m.actor_id, m.proposed_actor) for g in golds for m in found(g))
        for actor, golds in by_actor.items()
    )
    result["linking"] = _share(
        any(m.actor_id == g.actor for m in found(g))
        for g in case.mentions
        if g.actor in known_actors and found(g)
    )
    result["stances_overlapped"] = _share(
        _best(g, proposals.stances) is not None for g in case.stances
    )
    third_party = [g for g in case.stances if g.attribution != "author"]
    result["holder_third_party"] = _share(
        (best := _best(g, proposals.stances)) is not None
        and (
            same_actor(g.holder, best.holder_id, best.holder_proposed_actor)
            if g.holder
            else best.holder_id is None and best.holder_proposed_actor is None
        )
        for g in third_party
    )
    result["author_kept"] = _share(
        (best := _best(g, proposals.stances)) is not None
        and best.holder_id is None
        and best.holder_proposed_actor is None
        for g in case.stances
        if g.attribution == "author"
    )
    result["attribution"] = _share(
        (best := _best(g, proposals.stances)) is not None and best.attribution == g.attribution
        for g in case.stances
    )
    result["hedged"] = _share(
        (best := _best(g, proposals.stances)) is not None
        and best.certainty in {"probable", "possible"}
        for g in case.stances
        if g.certainty != "certain"
    )
    result["plain"] = _share(
        (best := _best(g, proposals.stances)) is not None and best.certainty == "certain"
        for g in case.stances
        if g.certainty == "certain"
    )
    shared = [g for g in case.stances if g.claim_id in known_claims]
    result["match_at_1"] = _share(
        (best := _best(g, proposals.stances)) is not None
        and [s.id for s in best.suggested_claims[:1]] == [g.claim_id]
        for g in shared
    )
    result["match_at_3"] = _share(
        (best := _best(g, proposals.stances)) is not None
        and g.claim_id in {s.id for s in best.suggested_claims[:3]}
        for g in shared
    )
    attached = [s for s in proposals.stances if s.claim_id]
    result["attached_right"] = _share(
        any(
            g.claim_id == s.claim_id and _overlap(g.start, g.end, s.start, s.end) > 0
            for g in case.stances
        )
        for s in attached
    )
    result["shared_attached"] = _share(
        any(
            s.claim_id == g.claim_id and _overlap(g.start, g.end, s.start, s.end) > 0
            for s in proposals.stances
        )
        for g in shared
    )
    return result


def evaluate(
    cases: Sequence[Case], settings: Settings | None = None
) -> list[tuple[Case, Proposals, dict[str, Any]]]:
    """Annotate every case and score it."""
    results = []
    for case in cases:
        proposals = annotate(
            text=case.text,
            title=case.title,
            registry=case.registry,
            claims=case.claims,
            settings=settings,
        )
        results.append((case, proposals, score(case, proposals)))
    return results


def total(scores: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Measures summed over cases: ``(right, of)`` pairs add up, counts too."""
    summed: dict[str, Any] = {}
    for row in scores:
        for key, value in row.items():
            if isinstance(value, tuple):
                right, of = summed.get(key, (0, 0))
                summed[key] = (right + value[0], of + value[1])
            elif isinstance(value, int | float) and key != "relevance":
                summed[key] = summed.get(key, 0) + value
    return summed


def ratio(value: tuple[int, int]) -> float | None:
    return value[0] / value[1] if value[1] else None
