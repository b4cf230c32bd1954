"""The domain's vocabulary for claim matching: words that news and analysis use for one
thing, and names of governments that stand for their states.

Articles from other publishers restate a claim in their own words ("Pyongyang has shipped
munitions" for "North Korea supplies artillery shells"), so the matcher (matching.py) reads
each word as its concept: every word of a group below stems to the group's first word. The
groups are the ordinary synonyms of the words the claims of this database are made of
(seeds/ANNOTATION_GUIDE.md's topics: munitions, manpower, technology, economy, alliances,
sanctions...), not of any one sentence; a word with a second common sense in news prose
("round" of talks, "last" year, "stock" market, "revenue", "imports", a railway "station") is
left out: a wrong merge costs more than a missed one, and off-topic texts must stay far from
every claim (relevance.py reads the same scores).
"""

import re

CONCEPTS: tuple[tuple[str, ...], ...] = (
    # arms and their movement
    (
        "supply",
        "supplier",
        "ship",
        "shipment",
        "deliver",
        "delivery",
        "send",
        "provide",
        "transfer",
        "furnish",
        "give",
    ),
    ("munition", "ammunition", "ammo", "shell", "artillery", "ordnance", "projectile"),
    ("weapon", "arms", "armament", "weaponry"),
    ("stockpile", "arsenal"),
    ("deplete", "depletion", "expend", "exhaust", "burn", "consume", "drain"),
    ("technology", "tech", "technical", "expertise", "knowhow"),
    ("old", "outdated", "obsolete", "ageing", "aging", "antiquated", "dated"),
    # people under arms, and labour
    ("troop", "soldier", "personnel", "infantry", "servicemen", "troops"),
    ("deploy", "deployment", "dispatch"),
    ("labour", "labor", "labourer", "laborer", "worker", "workforce"),
    # relations between states
    ("alliance", "ally", "allied", "partnership", "partner", "alignment", "axis"),
    ("ties", "relationship", "relations"),
    ("pact", "treaty", "accord", "agreement"),
    ("friendship", "friend", "camaraderie", "comradeship", "brotherhood"),
    # "a marriage of convenience" is the idiom for a transactional partnership
    ("transaction", "transactional", "deal", "bargain", "convenience"),
    ("necessity", "need", "necessary", "indispensable"),
    ("depend", "dependence", "dependent", "dependency", "rely", "reliance", "reliant"),
    ("shield", "protect", "protection", "protector"),
    ("influence", "leverage", "clout", "sway"),
    ("lasting", "durable", "endure", "enduring", "outlast", "outlive", "permanent", "survive"),
    ("visit", "trip"),
    ("autonomy", "autonomous", "independence", "independent"),
    ("masterstroke", "genius", "brilliant", "brilliance", "masterful", "ingenious"),
    # money and goods
    ("money", "cash", "currency", "payment"),
    ("fuel", "oil", "petroleum", "diesel", "gasoline"),
    ("food", "grain", "wheat", "rice", "flour"),
    ("buy", "buyer", "purchase"),
    # war and its judgement
    ("war", "fighting", "fight", "conflict", "hostilities"),
    ("prolong", "lengthen", "protract"),
    ("threat", "threaten", "danger", "dangerous", "menace", "peril"),
    (
        "worry",
        "concern",
        "alarm",
        "unease",
        "uneasy",
        "anxiety",
        "anxious",
        "nervous",
        "rattled",
        "discomfort",
        "disquiet",
        "jittery",
        "panic",
    ),
    ("violate", "violation", "breach", "flout"),
    ("sanction", "embargo"),
    ("isolate", "isolation", "ostracise", "ostracize"),
)

# words whose stem another sense shares ("last" year, "lasting" ties): only these forms count
EXACT_FORMS: dict[str, tuple[str, ...]] = {
    "lasting": ("lasting",),
}

# seats and short names of governments that stand for their state in news prose, as the
# registry's own metonyms do ("Pyongyang", "Moscow"): each maps to the registry name of the
# state it stands for, and counts only when the registry has that state
GOVERNMENT_METONYMS: dict[str, str] = {
    "Kremlin": "Russia",
    "White House": "United States",
    "Zhongnanhai": "China",
    "Blue House": "South Korea",
    # on the Korean peninsula "the North" and "the South" are the two states
    "the North": "North Korea",
    "the South": "South Korea",
}


def metonym_pattern() -> re.Pattern[str]:
    """The metonyms as one case-sensitive whole-word pattern, longest first."""
    labels = sorted(GOVERNMENT_METONYMS, key=len, reverse=True)
    # "the South China Sea", "Kremlin Palace": a longer name is not the metonym
    alternation = "|".join(re.escape(label) for label in labels)
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)(?!\s+[A-Z])")
