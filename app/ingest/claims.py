"""Step 7: a new claim from a sentence: its wording, a claim type and topics to start from.

The wording is the sentence (or the clause a speaker's frame introduces), without leading
connectives ("However,", "Moreover,") so that it reads on its own; a reviewer edits it into
the neutral, self-contained proposition seeds/ANNOTATION_GUIDE.md asks for. Claim types
follow the guide's table; topics come from the claims the sentence resembles and from the
guide's topic vocabulary.
"""

import re
from collections import Counter
from collections.abc import Sequence

from app.ingest.types import ClaimType, ExistingClaim

CONNECTIVE = re.compile(
    r"^(?:(?:however|moreover|furthermore|meanwhile|yet|but|and|so|also|still|indeed|"
    r"in\s+addition|additionally|besides|finally|firstly|secondly|thirdly|lastly|then|now|"
    r"instead|nevertheless|nonetheless|likewise|similarly|in\s+fact|after\s+all|of\s+course|"
    r"for\s+starters|in\s+short|in\s+sum|overall|ultimately|as\s+such|that\s+said|"
    r"on\s+the\s+other\s+hand|in\s+other\s+words|to\s+be\s+sure|for\s+one)\b,?\s+)+",
    re.IGNORECASE,
)
STARTS_WITH_PRONOUN = re.compile(
    r"^(?:it|this|that|these|those|they|he|she|we|its|their|his|her)\b", re.IGNORECASE
)
TYPE_RULES: list[tuple[ClaimType, re.Pattern[str]]] = [
    (
        "recommendation",
        re.compile(
            r"\b(?:should|ought\s+to|must\s+(?!have\b)|need\s+to|it\s+is\s+(?:essential|vital|"
            r"imperative|crucial)\s+(?:to|that)|(?:calls?|called)\s+for|demands?\s+(?:close\s+)?"
            r"\w+ing|(?:is|are)\s+needed\s+to|have\s+to\s+be)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "prediction",
        re.compile(
            r"\b(?:will(?!\s+have\s+been)|won['\u2019]t|going\s+to|(?:is|are)\s+set\s+to|"
            r"(?:is|are)\s+(?:likely|unlikely|expected|poised)\s+to|could|may(?!\s+have)|"
            r"might(?!\s+have)|eventually|in\s+the\s+(?:coming|next)\s+\w+|soon)\b",
        ),
    ),
    (
        "causal",
        re.compile(
            r"\b(?:because|due\s+to|as\s+a\s+result|in\s+order\s+to|so\s+that|led\s+to|leads?\s+to|"
            r"caused?|causes|driven\s+by|drives|in\s+exchange\s+for|thanks\s+to|owing\s+to|"
            r"result(?:s|ed)?\s+in|stems?\s+from|fuels?|fuell?ed|to\s+(?:deter|counter|offset|"
            r"sustain|replenish|secure|ensure|avoid)|aimed\s+at|allow(?:s|ed|ing)?\s+\w+\s+to)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "historical",
        re.compile(
            r"\b(?:(?:in|since|during|by|until|after|before)\s+(?:the\s+)?(?:1[6-9]\d\d|200\d|201[0-9])s?|"
            r"historically|(?:was|were)\s+(?:once|founded|established|formed)|used\s+to|"
            r"decades?\s+ago|centur(?:y|ies)\s+ago|during\s+the\s+(?:cold|korean|second)\s+war|"
            r"after\s+world\s+war)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "evaluation",
        re.compile(
            r"\b(?:important|significant|crucial|dangerous|smart|shrewd|masterstroke|clear|"
            r"worrying|concern(?:ing)?|threat|troubling|major|massive|foolish|symbolic|"
            r"transactional|limited|fragile|risky|best|worst|success|failure|mistake|deliberate|"
            r"calculated|unpredictable|volatile|strategic|pariah|essential|indispensable|"
            r"desperate|desperately|genuine|effective|ineffective|weak|strong|powerful|"
            r"game[-\s]changer|lifeline|win|gamble|liability|key|chilling|grave|"
            r"more\s+about|less\s+about|rather\s+than|not\s+out\s+of|far\s+from)\b",
            re.IGNORECASE,
        ),
    ),
]
# seeds/ANNOTATION_GUIDE.md's topic vocabulary, each with the words that signal it
TOPIC_WORDS: dict[str, re.Pattern[str]] = {
    topic: re.compile(pattern, re.IGNORECASE)
    for topic, pattern in {
        "alliance-motives": r"\b(?:alliance|partnership|pact|alignment|allies|ally)\b",
        "regime-survival": r"\b(?:regime\s+(?:survival|continuity|collapse)|survival|survive)\b",
        "china-influence": r"\b(?:China|Chinese|Beijing|Xi)\b",
        "regional-security": r"\b(?:regional|Northeast\s+Asia|Indo-Pacific|Korean\s+Peninsula|"
        r"security|deterr\w+|arms\s+race|tensions?)\b",
        "world-order": r"\b(?:world\s+order|international\s+(?:order|law|system|community)|"
        r"United\s+Nations|\bUN\b|bloc|rules-based|multipolar)\b",
        "russia-future": r"\b(?:post-Putin|after\s+Putin|Russia['\u2019]s\s+future)\b",
        "ukraine-war": r"\b(?:Ukraine|Ukrainian|Kursk|invasion|battlefield|front\s+line|"
        r"war\s+effort)\b",
        "munitions": r"\b(?:munitions?|ammunition|artillery|shells?|missiles?|rockets?|weapons?|"
        r"arms|stockpiles?|drones?)\b",
        "manpower": r"\b(?:troops|soldiers|manpower|labou?r(?:ers)?|workers|deploy\w*|"
        r"casualt\w+)\b",
        "military-technology": r"\b(?:technology|tech|satellite|intelligence\s+sharing|know-how|"
        r"guidance|fighter\s+jet|submarine)\b",
        "nuclear-program": r"\b(?:nuclear|denucleari[sz]\w+|ballistic|ICBM|warheads?)\b",
        "sanctions": r"\b(?:sanction\w*|embargo|export\s+controls?)\b",
        "economy": r"\b(?:econom\w+|trade|oil|gas|investment|money|currency|aid|food|fuel|"
        r"exports?|imports?|GDP|growth|tourism)\b",
        "diplomacy": r"\b(?:visit\w*|summit|diplomat\w*|treaty|agreement|talks|negotiat\w+|"
        r"meeting|envoy|minister|embassy)\b",
        "taiwan": r"\bTaiwan\b",
        "history": r"\b(?:histor\w+|Soviet|Cold\s+War|dynasty|centur(?:y|ies)|Stalin|"
        r"Korean\s+War)\b",
    }.items()
}


def wording(text: str, start: int, end: int) -> str:
    """The claim's text from the span of text that states it."""
    sentence = " ".join(text[start:end].split())
    sentence = CONNECTIVE.sub("", sentence)
    sentence = sentence.strip(" ,;:\u2014\u2013-")
    if sentence and sentence[0].islower():
        sentence = sentence[0].upper() + sentence[1:]
    if sentence and sentence[-1] not in '.!?\u2026\u201d"':
        sentence += "."
    return sentence


def self_contained(claim_text: str) -> bool:
    return not STARTS_WITH_PRONOUN.match(claim_text)


def claim_type(sentence: str) -> ClaimType:
    for kind, pattern in TYPE_RULES:
        if pattern.search(sentence):
            return kind
    return "factual"


def topics(
    sentence: str, similar: Sequence[tuple[ExistingClaim, float]], *, limit: int = 3
) -> list[str]:
    """Topics of the claims the sentence resembles (weighted by closeness), then the
    vocabulary's own signal words."""
    votes: Counter[str] = Counter()
    for claim, score in similar:
        for topic in claim.topics:
            votes[topic] += score
    for topic, pattern in TOPIC_WORDS.items():
        hits = len(pattern.findall(sentence))
        if hits:
            votes[topic] += 0.3 + 0.1 * hits
    return [topic for topic, _ in sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]]


def claim_actors(refs: Sequence[tuple[str, str]]) -> list[dict[str, str]]:
    """``{"actor"|"proposed_actor": id, "role": ...}``: the first actor named is the subject,
    the others are mentioned (a reviewer sorts out objects)."""
    seen: dict[tuple[str, str], str] = {}
    for key, ref in refs:
        if (key, ref) not in seen:
            seen[(key, ref)] = "subject" if not seen else "mentioned"
    return [{key: ref, "role": role} for (key, ref), role in seen.items()]
