"""What goes into the annotation pipeline and what comes out: plain data, no database.

Offsets are Python ``str`` indices (Unicode code points) into the text that was annotated,
``end`` exclusive, so ``quote == text[start:end]`` for every span proposed.
"""

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

ActorKind = Literal["person", "state", "organization", "media", "group", "other"]
AliasKind = Literal["name", "abbreviation", "metonym", "transliteration"]
Label = Literal["supports", "opposes", "questions", "neutral"]
Attribution = Literal["author", "quoted", "paraphrased", "reported", "anonymous"]
Certainty = Literal["certain", "probable", "possible"]
ClaimType = Literal["factual", "historical", "causal", "prediction", "evaluation", "recommendation"]


# ---- inputs: what the database already holds -------------------------------------------


@dataclass(frozen=True)
class Alias:
    label: str
    kind: AliasKind = "name"
    # False for a label too ambiguous to match blindly (a bare "Kim"): the pipeline then
    # links it only to an actor the article has already named in full
    match: bool = True


@dataclass(frozen=True)
class RegistryActor:
    id: str
    name: str
    kind: ActorKind
    aliases: tuple[Alias, ...] = ()


@dataclass(frozen=True)
class ExistingClaim:
    id: str
    text: str
    claim_type: ClaimType = "factual"
    topics: tuple[str, ...] = ()
    # quotes of the claim's stances in other sources: how articles actually word it
    quotes: tuple[str, ...] = ()


# ---- outputs: proposals for a reviewer --------------------------------------------------


@dataclass
class ProposedActor:
    """A name the registry does not know, found by named-entity recognition."""

    key: str  # stable within one Proposals: mentions and stances refer to it
    name: str
    kind: ActorKind
    aliases: list[Alias]
    confidence: float
    extracted_by: str
    ner_label: str


@dataclass
class ProposedMention:
    start: int
    end: int
    surface: str  # == text[start:end]
    actor_id: str | None  # a registry actor, or None when ``proposed_actor`` is set
    proposed_actor: str | None  # the key of a ProposedActor
    confidence: float
    extracted_by: str
    # a surface the registry lacks for a known actor ("Ukrainian" for Ukraine): worth adding
    new_alias: Alias | None = None


@dataclass
class SuggestedClaim:
    id: str
    score: float  # 0..1, lexical (and semantic, with embeddings) closeness


@dataclass
class ProposedClaim:
    """A new claim, worded from the sentence that states it."""

    key: str
    text: str
    claim_type: ClaimType
    topics: list[str]
    actors: list[dict[str, str]]  # {"actor" | "proposed_actor": ..., "role": ...}
    confidence: float
    extracted_by: str


@dataclass
class ProposedStance:
    start: int
    end: int
    quote: str  # == text[start:end]
    label: Label
    holder_id: str | None  # a registry actor, None for the author (or an unnamed source)
    holder_proposed_actor: str | None  # the key of a ProposedActor holding it
    attribution: Attribution
    certainty: Certainty
    claim_id: str | None  # an existing claim it restates, when close enough
    proposed_claim: str | None  # else the key of its new ProposedClaim
    suggested_claims: list[SuggestedClaim]
    confidence: float
    extracted_by: str
    cues: list[str] = field(default_factory=list)  # why: the words that decided it


@dataclass
class Proposals:
    extracted_by: str
    relevance: float | None  # None when the database has nothing to compare with
    on_topic: bool
    actors: list[ProposedActor] = field(default_factory=list)
    mentions: list[ProposedMention] = field(default_factory=list)
    claims: list[ProposedClaim] = field(default_factory=list)
    stances: list[ProposedStance] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)  # seconds per step
    sentences: int = 0  # assertive sentences considered

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def summary(self) -> dict[str, Any]:
        """Counts for an API answer: what was proposed, and how much attaches to the database."""
        return {
            "extracted_by": self.extracted_by,
            "relevance": self.relevance,
            "on_topic": self.on_topic,
            "actors": len(self.actors),
            "mentions": len(self.mentions),
            "claims": len(self.claims),
            "stances": len(self.stances),
            "stances_on_existing_claims": sum(1 for s in self.stances if s.claim_id),
            "seconds": round(sum(self.timings.values()), 4),
        }
