"""Step 4: which existing claims a sentence may restate.

A claim is known by its wording and by the quotes of its stances in other sources (how
articles actually say it). Each of these is a unit; a sentence is scored against every unit
with BM25 (Okapi: k1 1.2, b 0.75) and a claim scores as its best unit, a quote counting
``QUOTE_WEIGHT`` of its wording (quotes carry their own article's other matters with them,
and on the seeds they made rankings worse at full weight). Actor names are
replaced by the actor's id before scoring, so "Pyongyang", "the DPRK" and "North Korea"
count as one word. The score is normalised by the sentence's score against itself (words
the claims never use count at full weight there), which puts it in 0..1, comparable across
sentences: that is what the attach threshold is set on (docs/annotation.md).
"""

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import Stemmer

from app.ingest.synonyms import CONCEPTS, EXACT_FORMS
from app.ingest.types import ExistingClaim

# PyStemmer: the Snowball project's own C stemmer, under a microsecond a word
_STEMMER = Stemmer.Stemmer("english")
K1 = 1.2
B = 0.75
QUOTE_WEIGHT = 0.7
# a sentence that states several propositions is also searched clause by clause
CLAUSE = re.compile(
    r"\s*(?:;|:|\u2014|\u2013| - |\(|\)|,\s+(?:and|but|while|whereas|which|as|so|yet)\s)\s*"
)
WORD = re.compile(r"@[a-z0-9-]+|[^\W_]+(?:['\u2019][^\W_]+)*")
STOPWORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "aren't",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "cannot",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "even",
        "ever",
        "every",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "however",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "let's",
        "like",
        "many",
        "me",
        "more",
        "most",
        "much",
        "must",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "one",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "per",
        "quite",
        "rather",
        "really",
        "same",
        "she",
        "should",
        "so",
        "some",
        "still",
        "such",
        "than",
        "that",
        "that's",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "though",
        "through",
        "thus",
        "to",
        "too",
        "under",
        "until",
        "up",
        "upon",
        "us",
        "very",
        "via",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "whose",
        "why",
        "will",
        "with",
        "within",
        "without",
        "would",
        "yet",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "it's",
        "s",
        "t",
        "don't",
        "isn't",
        "wasn't",
        "weren't",
        "won't",
    ]
)
# grammatical negation only: "X denies", "X rejects" are the holder's label (attribution.py)
NEGATIONS = frozenset(
    ["not", "no", "never", "neither", "nor", "n't", "cannot", "without", "hardly", "rarely"]
)
# "not just", "not only", "far from foolish": intensifiers, not a denial of the claim
NOT_A_DENIAL = re.compile(
    r"\b(?:not\s+(?:just|only|merely|simply|least)|no\s+(?:longer\s+)?(?:doubt|wonder)|"
    r"n[o']t\s+(?:just|only|merely|simply)|far\s+from\s+(?:over|alone))\b",
    re.IGNORECASE,
)


def stem(word: str) -> str:
    """The Snowball (Porter 2) English stem of a word, so that "transactional" meets
    "transaction" and "dependence" meets "dependent", read as its concept where the domain
    has synonyms ("shells" and "ammunition" are "munition"); ``@actor-id`` tokens pass."""
    w = word.casefold().replace("\u2019", "'")
    if w.startswith("@"):
        return w
    if w.endswith("'s"):
        w = w[:-2]
    return _snowball(w)


@lru_cache(maxsize=65536)
def _snowball(word: str) -> str:
    stemmed = _STEMMER.stemWord(word)
    return _CONCEPT.get(stemmed, stemmed)


# each synonym's stem → its group's token, "~" and its first word (synonyms.py); a word
# whose stem a word of another sense shares ("lasting", "last" year) counts by its exact forms
_CONCEPT = {
    _STEMMER.stemWord(word): f"~{group[0]}"
    for group in CONCEPTS
    for word in group
    if word not in EXACT_FORMS
}
_EXACT = {
    form: f"~{group[0]}"
    for group in CONCEPTS
    for word in group
    for form in EXACT_FORMS.get(word, ())
}
KNOW_HOW = re.compile(r"\bknow[-\u2010\u2011]how\b", re.IGNORECASE)


# the frame of reported speech says who, not what: "said" would tie a quote to the claims
# whose wording happens to report someone
SPEECH = frozenset(
    ["said", "says", "say", "told", "tells", "added", "adds", "according", "stated", "noted"]
)


def terms(text: str) -> list[str]:
    """Stemmed content words (and ``@actor-id`` tokens) of a text."""
    text = KNOW_HOW.sub("knowhow", text)
    return [
        _EXACT.get(w.casefold()) or stem(w)
        for w in WORD.findall(text)
        if w.casefold() not in STOPWORDS and w.casefold() not in SPEECH and len(w) > 1
    ]


def negated(text: str) -> bool:
    """Whether a text denies something ("is not", "never", "denies"), intensifiers aside."""
    cleaned = NOT_A_DENIAL.sub(" ", text)
    words = {w.casefold().replace("\u2019", "'") for w in WORD.findall(cleaned)}
    return bool(words & NEGATIONS) or "n't" in cleaned.replace("\u2019", "'")


@dataclass
class Match:
    claim_id: str
    score: float  # 0..1
    unit: str  # the wording or quote that matched best


@dataclass
class ClaimIndex:
    """BM25 over the units of every existing claim, built once per set of claims."""

    claims: dict[str, ExistingClaim]
    # (claim id, text, term counts, length, weight)
    units: list[tuple[str, str, Counter[str], int, float]] = field(default_factory=list)
    idf: dict[str, float] = field(default_factory=dict)
    unseen_idf: float = 0.0
    average_length: float = 1.0
    postings: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def build(
        cls, claims: Sequence[ExistingClaim], *, normalise: Callable[[str], str] = lambda s: s
    ) -> "ClaimIndex":
        index = cls({claim.id: claim for claim in claims})
        for claim in claims:
            for unit in dict.fromkeys([claim.text, *claim.quotes]):
                words = terms(normalise(unit))
                weight = 1.0 if unit == claim.text else QUOTE_WEIGHT
                if words:
                    index.units.append((claim.id, unit, Counter(words), len(words), weight))
        n = len(index.units)
        document_frequency: Counter[str] = Counter()
        for number, (_, _, counts, _, _) in enumerate(index.units):
            document_frequency.update(counts.keys())
            for term in counts:
                index.postings.setdefault(term, []).append(number)
        index.idf = {
            term: math.log(1 + (n - df + 0.5) / (df + 0.5))
            for term, df in document_frequency.items()
        }
        index.unseen_idf = math.log(1 + (n + 0.5) / 0.5)
        index.average_length = sum(unit[3] for unit in index.units) / n if n else 1.0
        return index

    def __len__(self) -> int:
        return len(self.claims)

    def search(self, query: str, *, limit: int = 3) -> list[Match]:
        """The claims closest to ``query`` (already normalised), best first, at most ``limit``:
        the sentence's own matches and its clauses', each claim at its best."""
        whole = self._search(query, limit=limit)
        best = {m.claim_id: m for m in whole}
        # a clause of two words says too little to stand for a claim ("and with it its leverage")
        clauses = [part for part in CLAUSE.split(query) if len(terms(part)) >= 3]
        leaders: list[str] = [whole[0].claim_id] if whole else []
        if len(clauses) > 1:
            for clause in clauses:
                found = self._search(clause, limit=limit)
                for m in found:
                    if m.claim_id not in best or m.score > best[m.claim_id].score:
                        best[m.claim_id] = m
                if found and found[0].claim_id not in leaders:
                    leaders.append(found[0].claim_id)
        # a sentence of two propositions has a best claim for each: each clause's first
        # comes before any runner-up, so the second proposition is not crowded out
        ranked = sorted(best.values(), key=lambda m: (-m.score, m.claim_id))
        first = sorted((best[c] for c in leaders), key=lambda m: (-m.score, m.claim_id))
        return [*first, *(m for m in ranked if m.claim_id not in leaders)][:limit]

    def _search(self, query: str, *, limit: int) -> list[Match]:
        words = terms(query)
        if not words or not self.units:
            return []
        query_counts = Counter(words)
        ceiling = sum(
            self.idf.get(term, self.unseen_idf) * self._saturate(count, len(words))
            for term, count in query_counts.items()
        )
        scores: dict[int, float] = {}
        for term in query_counts:
            idf = self.idf.get(term)
            if idf is None:
                continue
            for number in self.postings[term]:
                _, _, counts, length, _ = self.units[number]
                scores[number] = scores.get(number, 0.0) + idf * self._saturate(
                    counts[term], length
                )
        best: dict[str, tuple[float, str]] = {}
        for number, score in scores.items():
            claim_id, unit, _, _, weight = self.units[number]
            score *= weight
            if claim_id not in best or score > best[claim_id][0]:
                best[claim_id] = (score, unit)
        ranked = sorted(best.items(), key=lambda item: (-item[1][0], item[0]))[:limit]
        return [
            Match(claim_id, round(min(1.0, score / ceiling), 4), unit)
            for claim_id, (score, unit) in ranked
        ]

    def _saturate(self, count: int, length: int) -> float:
        norm = 1 - B + B * length / self.average_length
        return count * (K1 + 1) / (count + K1 * norm)
