"""The annotation pipeline: an article's text in, proposals for a reviewer out.

``annotate`` is pure with respect to the database: it reads the registry and the claims it
is given and returns ``Proposals``; storing them (as ``review_status: candidate``) is the
caller's business. The spaCy model loads once per process (``warm_up`` does it ahead of the
first request); the registry's matcher and the claims' index are cached per content.
"""

import time
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from app.config import Settings, get_settings
from app.core.metrics import timed_pipeline
from app.ingest import (
    attribution,
    certainty,
    claims,
    matching,
    mentions,
    nlp,
    relevance,
    synonyms,
)
from app.ingest.embeddings import Embedder, load_embedder
from app.ingest.sentences import claim_span, segment
from app.ingest.types import (
    ExistingClaim,
    Proposals,
    ProposedClaim,
    ProposedStance,
    RegistryActor,
    SuggestedClaim,
)

PIPELINE = "claimsdb-ingest"
VERSION = "1.0"
# a sentence attaches to an existing claim at this normalised score (docs/annotation.md)
ATTACH = 0.5
ATTACH_WITH_EMBEDDINGS = 0.55
SUGGESTIONS = 3
RERANK_POOL = 10


@dataclass(frozen=True)
class Pipeline:
    model: str
    embedder: Embedder | None
    extracted_by: str

    @property
    def attach_at(self) -> float:
        return ATTACH_WITH_EMBEDDINGS if self.embedder else ATTACH


@lru_cache(maxsize=4)
def load_pipeline(model: str, embeddings: bool = False) -> Pipeline:
    """The pipeline for a spaCy model (and the optional embedder), built once per process."""
    nlp.load(model)
    embedder = load_embedder() if embeddings else None
    tag = nlp.model_tag(model) + ("+all-minilm-l6-v2" if embedder else "")
    return Pipeline(model, embedder, f"{PIPELINE}@{VERSION}+{tag}")


def warm_up(settings: Settings | None = None) -> Pipeline:
    """Load the models now (at startup), not on the first article."""
    settings = settings or get_settings()
    return load_pipeline(settings.spacy_model, settings.annotate_embeddings)


@lru_cache(maxsize=8)
def _registry(actors: tuple[RegistryActor, ...]) -> mentions.Registry:
    return mentions.Registry(actors)


@lru_cache(maxsize=8)
def _index(
    existing: tuple[ExistingClaim, ...], actors: tuple[RegistryActor, ...]
) -> matching.ClaimIndex:
    registry = _registry(actors)
    return matching.ClaimIndex.build(existing, normalise=lambda s: _with_actor_ids(s, registry))


def _with_actor_ids(text: str, registry: mentions.Registry, found=None) -> str:
    """Each actor's name replaced by ``@actor-id``, so that every name of it counts as one;
    so is a government's seat ("the Kremlin" is Russia) for matching, though not a mention."""
    found = registry.find(text) if found is None else found
    found = sorted([*found, *_metonyms(text, registry, found)], key=lambda f: f.start)
    pieces, at = [], 0
    for f in found:
        if f.actor_id:
            pieces.append(text[at : f.start])
            pieces.append(f" @{f.actor_id} ")
            at = f.end
    pieces.append(text[at:])
    return "".join(pieces)


_METONYM = synonyms.metonym_pattern()


def _metonyms(
    text: str, registry: mentions.Registry, found: Sequence[mentions.Found]
) -> list[mentions.Found]:
    extra = []
    for match in _METONYM.finditer(text):
        start, end = match.span()
        actor_id = registry.by_name(synonyms.GOVERNMENT_METONYMS[match.group()])
        if actor_id and not any(f.start < end and start < f.end for f in found):
            extra.append(mentions.Found(start, end, actor_id, None, 0.0))
    return extra


class _Clock:
    def __init__(self) -> None:
        self.timings: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, step: str) -> None:
        now = time.perf_counter()
        self.timings[step] = round(self.timings.get(step, 0.0) + now - self._last, 6)
        self._last = now


@timed_pipeline  # its time, per step, in /metrics
def annotate(
    *,
    text: str,
    title: str | None = None,
    registry: Sequence[RegistryActor],
    claims: Sequence[ExistingClaim],
    settings: Settings | None = None,
) -> Proposals:
    """Proposals for ``text``: candidate actors, mentions, new claims and stances."""
    settings = settings or get_settings()
    pipe = load_pipeline(settings.spacy_model, settings.annotate_embeddings)
    clock = _Clock()
    actors = tuple(registry)
    existing = tuple(claims)

    segments = segment(text, title=title)
    chrome = [(s.start, s.end) for s in segments if s.kind == "furniture"]
    assertive = [s for s in segments if s.kind == "assertive"]
    clock.lap("sentences")

    entities = nlp.entities(pipe.model, text)
    clock.lap("entities")

    known = _registry(actors)
    found = known.find(text, skip=chrome)
    found, candidates = mentions.candidates_from_entities(text, entities, known, found, skip=chrome)
    clock.lap("mentions")

    index = _index(existing, actors)
    spans = [
        span
        for span in (claim_span(text, s) for s in assertive)
        if _worth_proposing(text, span, found)
    ]
    matches: list[list[matching.Match]] = []
    for start, end in spans:
        inside = [f for f in found if start <= f.start and f.end <= end]
        query = _with_actor_ids(text[start:end], known, [_shift(f, start) for f in inside])
        # the embedder reranks a wider lexical shortlist
        wide = RERANK_POOL if pipe.embedder else SUGGESTIONS
        matches.append(index.search(query, limit=wide) if len(index) else [])
    # relevance is calibrated on lexical scores, whichever matcher ranks the suggestions
    lexical_best = [m[0].score if m else 0.0 for m in matches]
    if pipe.embedder and len(index):
        matches = pipe.embedder.rerank(
            [text[s:e] for s, e in spans], matches, existing, limit=SUGGESTIONS
        )
    matches = [m[:SUGGESTIONS] for m in matches]
    clock.lap("matching")

    named = [
        any(f.actor_id and start <= f.start and f.end <= end for f in found) for start, end in spans
    ]
    score = (
        relevance.relevance(named=named, best_scores=lexical_best, has_claims=bool(len(index)))
        if actors or existing
        else None
    )
    on_topic = score is None or score >= relevance.ON_TOPIC
    clock.lap("relevance")
    proposals = Proposals(
        extracted_by=pipe.extracted_by, relevance=score, on_topic=on_topic, sentences=len(spans)
    )
    if not on_topic:
        proposals.timings = clock.timings
        return proposals

    proposed_actors, keys = mentions.proposed_actors(found, candidates, text, pipe.extracted_by)
    proposals.actors = proposed_actors
    proposals.mentions = mentions.as_proposals(found, keys, text, pipe.extracted_by)
    clock.lap("mentions")

    kinds = {actor.id: actor.kind for actor in actors}
    candidate_kinds = {key: kind for key, (_, kind, _) in candidates.items()}
    named_all = [
        attribution.Named(
            f.start,
            f.end,
            f.actor_id,
            f.candidate,
            kinds.get(f.actor_id, "other") if f.actor_id else candidate_kinds[f.candidate],
        )
        for f in found
    ]
    speaker: attribution.Speaker | None = None
    for (start, end), top in zip(spans, matches, strict=True):
        inside = [n for n in named_all if start <= n.start and n.end <= end]
        earlier = [n for n in named_all if n.end <= start]
        voice = attribution.voice(text, start, end, inside, earlier, speaker=speaker)
        # who spoke last: "He added ...", or a quotation that goes on, is theirs
        speaker = (
            attribution.Speaker(
                voice.holder,
                voice.attribution,
                end,
                start,
                tuple(n for n in inside if n.kind == "person"),
            )
            if voice.holder
            else None
        )
        sure, hedges = certainty.certainty(text[start:end])
        clock.lap("attribution")
        proposals.stances.append(
            _stance(
                text, start, end, top, voice, sure, hedges, inside, keys, pipe, proposals, index
            )
        )
        clock.lap("claims")
    proposals.timings = clock.timings
    return proposals


def _worth_proposing(text: str, span: tuple[int, int], found: list[mentions.Found]) -> bool:
    """A short sentence that names nobody and counts nothing ("The numbers are striking.",
    "Competition is growing.") is a transition: proposing it costs review and records little;
    a hedged one ("The alliance could backfire.") is a prediction and stays."""
    start, end = span
    sentence = text[start:end]
    if len(sentence.split()) >= 6 or certainty.certainty(sentence)[0] != "certain":
        return True
    return any(start <= f.start < end for f in found) or any(c.isdigit() for c in sentence)


def _shift(found: mentions.Found, by: int) -> mentions.Found:
    return mentions.Found(found.start - by, found.end - by, found.actor_id, found.candidate, 0)


def _stance(
    text: str,
    start: int,
    end: int,
    top: list[matching.Match],
    voice: attribution.Voice,
    sure: str,
    hedges: list[str],
    inside: list[attribution.Named],
    keys: dict[str, str],
    pipe: Pipeline,
    proposals: Proposals,
    index: matching.ClaimIndex,
) -> ProposedStance:
    suggested = [SuggestedClaim(m.claim_id, m.score) for m in top]
    label = voice.label
    claim_id = proposed_key = None
    cues = list(voice.cues) + hedges
    best = top[0] if top else None
    if best and best.score >= pipe.attach_at:
        claim_id = best.claim_id
        if matching.negated(text[start:end]) != matching.negated(best.unit):
            flipped = {"supports": "opposes", "opposes": "supports"}
            label = flipped.get(label, label)  # type: ignore[assignment]
            cues.append("negation")
        confidence = 0.5 + 0.45 * best.score
    else:
        c_start, c_end = voice.content or (start, end)
        wording = claims.wording(text, c_start, c_end)
        refs = [
            ("actor", n.actor_id) if n.actor_id else ("proposed_actor", keys[n.candidate])
            for n in inside
            if c_start <= n.start and n.end <= c_end and (n.actor_id or n.candidate in keys)
        ]
        similar = [(index.claims[m.claim_id], m.score) for m in top]
        proposed_key = f"c{len(proposals.claims) + 1}"
        whole = claims.self_contained(wording)
        proposals.claims.append(
            ProposedClaim(
                key=proposed_key,
                text=wording,
                claim_type=claims.claim_type(text[c_start:c_end]),
                topics=claims.topics(text[c_start:c_end], similar),
                actors=claims.claim_actors(refs),
                confidence=0.5 if whole else 0.35,
                extracted_by=pipe.extracted_by,
            )
        )
        confidence = 0.55 if whole else 0.45
    holder = voice.holder
    return ProposedStance(
        start=start,
        end=end,
        quote=text[start:end],
        label=label,
        holder_id=holder.actor_id if holder else None,
        holder_proposed_actor=keys.get(holder.candidate) if holder and holder.candidate else None,
        attribution=voice.attribution,
        certainty=sure,  # type: ignore[arg-type]
        claim_id=claim_id,
        proposed_claim=proposed_key,
        suggested_claims=suggested,
        confidence=round(confidence, 3),
        extracted_by=pipe.extracted_by,
        cues=cues,
    )
