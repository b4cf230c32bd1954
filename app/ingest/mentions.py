"""Step 2: who the article names. Registry actors by their names and aliases, and names the
registry does not know, from named-entity recognition, proposed as candidate actors.

Labels match as the contract says actor names compare, ignoring case, hyphens and extra
spaces ("Kim Jong-un" is Kim Jong Un), with two guards that case-blind matching needs in
running text: a capitalised word of a label must be capitalised in the text ("us" is not
"US", "west of the river" not "the West"), and an all-capitals abbreviation must match
exactly. A label marked ``match: false`` (a bare "Kim") and a short form the registry
lacks ("Lankov") link to an actor only when the article has named one in full before.
"""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from app.ingest.nlp import Entity
from app.ingest.types import ActorKind, Alias, ProposedActor, ProposedMention, RegistryActor

DASHES = "-\u2010\u2011\u2012\u2013"
DASH_CLASS = "\\-\u2010\u2011\u2012\u2013"  # the same, to go inside a regex [...]
APOSTROPHES = "'\u2019"
NER_KINDS: dict[str, ActorKind] = {
    "PERSON": "person",
    "GPE": "state",
    "ORG": "organization",
    "NORP": "group",
}
MEDIA = re.compile(
    r"\b(?:News|Times|Post|Herald|Journal|Tribune|Guardian|Reuters|Agency|TV|Radio|"
    r"Broadcasting|Press|Gazette|Daily|Magazine|Network|Telegraph|Economist|Bloomberg)\b"
)
# "Chinese officials", "Kremlin sources", "Western intelligence and analysts": an unnamed
# collective that speaks for an actor without being it
COLLECTIVE = re.compile(
    r"\s+(?:(?:government|military|state|security|defen[cs]e|foreign\s+ministry|intelligence)\s+)?"
    r"(?:officials|diplomats|analysts|experts|authorities|sources|leaders|commanders|lawmakers|"
    r"intelligence\s+(?:agencies|services)|intelligence|media|observers|scholars|researchers|"
    r"negotiators|spokes(?:men|people)|prosecutors|investigators|generals|ministers)"
    r"(?:\s+(?:and|or)\s+(?:officials|diplomats|analysts|experts|sources|observers|"
    r"scholars|researchers))?\b"
)
NOT_A_NAME = re.compile(
    r"^(?:I|We|You|He|She|It|They|This|That|These|Those|The|A|An|One|Two|Mr|Mrs|Ms|Dr)$"
)


def fold(label: str) -> str:
    """A label as names compare: no case, hyphens or runs of spaces; one apostrophe."""
    folded = label.casefold()
    for dash in DASHES:
        folded = folded.replace(dash, " ")
    folded = folded.replace("\u2019", "'")
    return " ".join(folded.split())


@dataclass(frozen=True)
class Label:
    actor_id: str
    text: str
    kind: str
    match: bool


@dataclass
class Found:
    """A mention before it becomes a proposal: registry actor or NER candidate."""

    start: int
    end: int
    actor_id: str | None
    candidate: str | None  # folded name of a candidate actor
    confidence: float
    new_alias: Alias | None = None


class Registry:
    """The alias registry compiled for matching: built once per set of actors."""

    def __init__(self, actors: Sequence[RegistryActor]) -> None:
        self.actors = {actor.id: actor for actor in actors}
        self._by_name = {fold(actor.name): actor.id for actor in actors}
        owners: dict[str, set[str]] = {}
        labels: dict[str, Label] = {}
        for actor in actors:
            entries = [Label(actor.id, actor.name, "name", True)] + [
                Label(actor.id, a.label, a.kind, a.match) for a in actor.aliases
            ]
            for entry in entries:
                key = fold(entry.text)
                if not key:
                    continue
                owners.setdefault(key, set()).add(actor.id)
                if key not in labels or (entry.match and not labels[key].match):
                    labels[key] = entry
        # a label two actors share is ambiguous: resolved by context like ``match: false``
        self.labels = {
            key: entry if len(owners[key]) == 1 else Label(entry.actor_id, entry.text, "", False)
            for key, entry in labels.items()
        }
        self.owners = owners
        ordered = sorted(self.labels, key=lambda key: (-len(key), key))
        self.pattern = (
            re.compile(
                r"(?<![\w])(?:" + "|".join(_label_regex(key) for key in ordered) + r")(?![\w])",
                re.IGNORECASE,
            )
            if ordered
            else None
        )
        # every word of every full name: "Lankov" or "Xi" may stand for it later on
        self.name_words: dict[str, set[str]] = {}
        for actor in actors:
            if actor.kind != "person":
                continue
            for label in [actor.name, *(a.label for a in actor.aliases)]:
                words = fold(label).split()
                if len(words) > 1:
                    for word in words:
                        self.name_words.setdefault(word, set()).add(actor.id)

    def by_name(self, name: str) -> str | None:
        """The actor whose own name (not an alias) is ``name``, folded."""
        return self._by_name.get(fold(name))

    def find(self, text: str, *, skip: Iterable[tuple[int, int]] = ()) -> list[Found]:
        """Registry labels in ``text``, longest first, outside ``skip`` spans."""
        if self.pattern is None:
            return []
        skipped = sorted(skip)
        found: list[Found] = []
        pending: list[tuple[int, int, str]] = []  # ambiguous: resolved once all are known
        for match in self.pattern.finditer(text):
            start, end = match.span()
            if any(s < end and start < e for s, e in skipped):
                continue
            surface = match.group()
            entry = self.labels.get(fold(surface))
            if entry is None or not _case_fits(entry.text, surface):
                continue
            if not entry.match:
                pending.append((start, end, fold(surface)))
                continue
            exact = surface == entry.text
            confidence = 0.95 if exact else 0.85
            if entry.kind == "metonym":
                confidence -= 0.1
            found.append(Found(start, end, entry.actor_id, None, confidence))
        for start, end, key in pending:
            actor_id = self.resolve(key, start, found)
            if actor_id:
                found.append(Found(start, end, actor_id, None, 0.7))
        return sorted(found, key=lambda f: f.start)

    def resolve(self, key: str, at: int, found: Sequence[Found]) -> str | None:
        """The actor a short or ambiguous form stands for: among the actors it may name, the
        one the article named last before ``at`` (else first after)."""
        candidates = set(self.owners.get(key, ())) | self.name_words.get(key, set())
        if not candidates:
            return None
        before = [f for f in found if f.actor_id in candidates and f.start < at]
        if before:
            return max(before, key=lambda f: f.start).actor_id
        after = [f for f in found if f.actor_id in candidates and f.start > at]
        return min(after, key=lambda f: f.start).actor_id if after else None


def _label_regex(key: str) -> str:
    words = key.split(" ")
    parts = []
    for word in words:
        parts.append(re.escape(word).replace("'", f"[{APOSTROPHES}]"))
    return f"[\\s{DASH_CLASS}]+".join(parts)


def _case_fits(label: str, surface: str) -> bool:
    letters = [c for c in label if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) <= 6:
        return _squash(surface) == _squash(label)  # "US", "U.S.", "DPRK": exact
    label_words = re.split(rf"[\s{DASH_CLASS}]+", label)
    # a word after a hyphen keeps its own case: "Kim Jong-un" is "Kim Jong Un"
    surface_words = [
        (
            word.group(),
            surface[word.start() - 1 : word.start()] in DASHES if word.start() else False,
        )
        for word in re.finditer(rf"[^\s{DASH_CLASS}]+", surface)
    ]
    if len(label_words) != len(surface_words):
        return False
    return all(
        not lw[:1].isupper() or sw[:1].isupper() or after_dash
        for lw, (sw, after_dash) in zip(label_words, surface_words, strict=True)
    )


def _squash(text: str) -> str:
    return re.sub(rf"[\s{DASH_CLASS}]+", " ", text)


def candidates_from_entities(
    text: str,
    entities: Sequence[Entity],
    registry: Registry,
    found: list[Found],
    *,
    skip: Iterable[tuple[int, int]] = (),
) -> tuple[list[Found], dict[str, tuple[str, ActorKind, str]]]:
    """Registry matches kept or overridden by NER, plus mentions of candidate actors.

    Returns every mention and, for each candidate, ``(name, kind, NER label)`` by its key.
    A longer proper name that contains a registry label ("Washington Post", "Russian Defence
    Ministry") is its own name, not a mention of the shorter label's actor.
    """
    skipped = sorted(skip)
    kept = list(found)
    candidates: dict[str, tuple[str, ActorKind, str]] = {}
    extra: list[Found] = []
    for entity in entities:
        start, end = _trim(text, entity.start, entity.end)
        if end <= start or any(s < end and start < e for s, e in skipped):
            continue
        inside = [f for f in kept if start <= f.start and f.end <= end]
        overlapping = [f for f in kept if f.start < end and start < f.end]
        if overlapping and not inside:
            continue
        if inside:
            if not _longer_name(text, start, end, inside):
                continue
            kept = [f for f in kept if f not in inside]
        surface = text[start:end]
        kind = NER_KINDS.get(entity.label)
        if kind is None or NOT_A_NAME.match(surface) or not any(c.isupper() for c in surface):
            continue
        if not any(c.isalpha() for c in surface) or len(surface) < 2:
            continue
        linked = _link_known(surface, entity.label, registry, kept, start)
        if linked:
            actor_id, alias = linked
            extra.append(Found(start, end, actor_id, None, 0.6, alias))
            continue
        if kind == "organization" and MEDIA.search(surface):
            kind = "media"
        key = fold(surface)
        candidates.setdefault(key, (surface, kind, entity.label))
        extra.append(Found(start, end, None, key, _ner_confidence(entity.label)))
    mentions = _collectives(text, sorted(kept + extra, key=lambda f: f.start), candidates)
    return _corefer(mentions, candidates), candidates


def _collectives(
    text: str, mentions: list[Found], candidates: dict[str, tuple[str, ActorKind, str]]
) -> list[Found]:
    """A name followed by "officials", "analysts"... becomes that group, a candidate actor."""
    out = []
    for mention in mentions:
        tail = COLLECTIVE.match(text, mention.end) if mention.actor_id else None
        if tail is None:
            out.append(mention)
            continue
        surface = text[mention.start : tail.end()]
        key = fold(surface)
        candidates.setdefault(key, (surface, "group", "NORP"))
        out.append(Found(mention.start, tail.end(), None, key, 0.6))
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """An entity span without a leading "the" or honorific, or a trailing possessive ("Dr Son"
    is Son, who joins "Sarah Son")."""
    span = text[start:end]
    lead = re.match(r"(?i)the\s+|(?:Mr|Mrs|Ms|Dr|Prof|Professor|Sir|Dame)\.?\s+(?=[A-Z])", span)
    if lead:
        start += lead.end()
    tail = re.search(rf"[{APOSTROPHES}]s?$", text[start:end])
    if tail:
        end -= len(tail.group())
    return start, end


def _longer_name(text: str, start: int, end: int, inside: Sequence[Found]) -> bool:
    """Whether the words an entity adds around registry matches are capitalised names."""
    rest = text[start:end]
    for f in sorted(inside, key=lambda f: -f.start):
        rest = rest[: f.start - start] + " " + rest[f.end - start :]
    words = re.findall(r"[^\W\d_]+", rest)
    return bool(words) and all(w[0].isupper() for w in words)


def _link_known(
    surface: str, label: str, registry: Registry, found: Sequence[Found], at: int
) -> tuple[str, Alias] | None:
    """A registry actor an unknown surface stands for: a person's short name the article
    used in full before, or a singular demonym of a state ("Ukrainian" for Ukraine)."""
    key = fold(surface)
    if label == "PERSON" and " " not in key:
        actor_id = registry.resolve(key, at, found)
        if actor_id:
            return actor_id, Alias(surface, "name")
    if label == "NORP" and not key.endswith("s"):
        for actor in registry.actors.values():
            name = fold(actor.name)
            if actor.kind != "state" or " " in name or len(name) < 4:
                continue
            common = len(_common_prefix(key, name))
            if common >= len(name) - 1 and len(key) <= len(name) + 4:
                return actor.id, Alias(surface, "name")
    return None


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def _ner_confidence(label: str) -> float:
    return {"PERSON": 0.7, "GPE": 0.65, "ORG": 0.6, "NORP": 0.5}.get(label, 0.5)


def _corefer(
    mentions: list[Found], candidates: dict[str, tuple[str, ActorKind, str]]
) -> list[Found]:
    """Short forms of a candidate person ("Lavrov" after "Sergei Lavrov") join it, and so do
    initials of a body named in full before ("NIS" after "National Intelligence Service")."""
    full_names = {key: key.split() for key, (_, kind, _) in candidates.items() if kind == "person"}
    for at, mention in enumerate(mentions):
        key = mention.candidate
        acronym = key is not None and candidates[key][0].isupper() and key.isalpha()
        spelled = [m for m in mentions[:at] if _initials(m, candidates) == key] if acronym else []
        if spelled:
            mention.candidate = spelled[-1].candidate
            continue
        # the small NER model takes some short names for organisations ("Dr Son says")
        if key is None or " " in key or candidates[key][1] not in {"person", "organization"}:
            continue
        owners = [
            other
            for other, words in full_names.items()
            if other != key and len(words) > 1 and key in words
        ]
        before = [m for m in mentions if m.candidate in owners and m.start < mention.start]
        if before:
            mention.candidate = max(before, key=lambda m: m.start).candidate
    return mentions


def _initials(mention: Found, candidates: dict[str, tuple[str, ActorKind, str]]) -> str:
    if mention.candidate is None or candidates[mention.candidate][1] == "person":
        return ""
    words = [w for w in candidates[mention.candidate][0].split() if w[:1].isupper()]
    return "".join(w[0] for w in words).casefold() if len(words) >= 2 else ""


def proposed_actors(
    mentions: Sequence[Found],
    candidates: dict[str, tuple[str, ActorKind, str]],
    text: str,
    extracted_by: str,
) -> tuple[list[ProposedActor], dict[str, str]]:
    """One candidate actor per distinct name, its surface forms as aliases; and the key each
    candidate got (a readable slug, unique within the proposals)."""
    used = [m for m in mentions if m.candidate]
    keys: dict[str, str] = {}
    actors: list[ProposedActor] = []
    for folded in dict.fromkeys(m.candidate for m in used):
        assert folded is not None
        name, kind, label = candidates[folded]
        slug = re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-") or "actor"
        key = slug
        n = 2
        while key in keys.values():
            key, n = f"{slug}-{n}", n + 1
        keys[folded] = key
        forms = dict.fromkeys(text[m.start : m.end] for m in used if m.candidate == folded)
        aliases = [Alias(form, "name") for form in forms if fold(form) != fold(name)]
        count = sum(1 for m in used if m.candidate == folded)
        confidence = min(0.9, _ner_confidence(label) + 0.05 * (count - 1))
        actors.append(
            ProposedActor(key, name, kind, aliases, round(confidence, 2), extracted_by, label)
        )
    return actors, keys


def as_proposals(
    mentions: Sequence[Found], keys: dict[str, str], text: str, extracted_by: str
) -> list[ProposedMention]:
    return [
        ProposedMention(
            start=m.start,
            end=m.end,
            surface=text[m.start : m.end],
            actor_id=m.actor_id,
            proposed_actor=keys[m.candidate] if m.candidate else None,
            confidence=round(m.confidence, 2),
            extracted_by=extracted_by,
            new_alias=m.new_alias,
        )
        for m in mentions
    ]
