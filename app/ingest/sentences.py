"""Step 1: the article's segments with exact code-point offsets, each with what it is.

Only ``assertive`` segments go on to become claims. The rest are kept, with their kind, so
that a reviewer (and the evaluation) can see what was left out and why: the title,
headings (a line that does not end like a sentence), page furniture, questions, fragments
and rhetorical filler. The rules follow seeds/ANNOTATION_GUIDE.md and
app/seeds/coverage.py (whose sentence boundary and heading tests this extends with
abbreviations, initials, hard-wrapped paragraphs and datelines).
"""

import itertools
import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from app.ingest.furniture import dateline_length, is_furniture

Kind = Literal["assertive", "title", "heading", "furniture", "question", "fragment", "filler"]

CLOSING = "\"'\u201d\u2019)]"
OPENING = "\"'\u201c\u2018([*"
SENTENCE_END = ".!?\u2026"
# a full stop, with closing quotes or brackets, then space and what may start a sentence
# pictographs between sentences ("... follow. 👇 Reports ...") belong to neither
EMOJI = "\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\ufe0f\u200d"
# a footnote marker after the stop ("... sanctions.[1] In exchange", "... 2023.² It") is the
# end of the sentence it annotates, as think tanks and journals write them
FOOTNOTE = r"(?:\[\d{1,3}\]|[\u00b9\u00b2\u00b3\u2070-\u2079]+)"
FOOTNOTE_AT_END = re.compile(rf"{FOOTNOTE}+$")
BOUNDARY = re.compile(
    rf"[.!?\u2026][{re.escape(CLOSING)}]*{FOOTNOTE}*[{EMOJI}]*\s+[{EMOJI}\s]*"
    rf"(?=[A-Z0-9{re.escape(OPENING)}\u2014\u2013-])"
)
# a stop that does not end a sentence: abbreviations, and initials such as "J. Smith"
NOT_AN_END = re.compile(
    r"(?:(?<![\w.])(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Sgt|Capt|Adm|Gov|Sen|Rep|Rev|St|Jr|Sr|vs|"
    r"etc|approx|No|Nos|Fig|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Inc|Ltd|Corp|Co)"
    r"|(?<![\w.])(?:[A-Z]\.){1,3}[A-Z]|(?<![\w.])[A-Z]|(?<![\w.])(?:e\.g|i\.e|a\.m|p\.m))\.$"
)
# pictographs and spaces at a sentence's edges belong to no sentence
LEADING = re.compile(rf"[\s{EMOJI}]*")
TRAILING_CHAR = re.compile(rf"[\s{EMOJI}]")
WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")
# conversational openers that carry no proposition (seeds/ANNOTATION_GUIDE.md, "Filler")
FILLER = re.compile(
    r"""^(?:so,?\ |ok(?:ay)?,?\ |alright,?\ |now,?\ )?(?:guys,?\ )?(?:
        let['\u2019]s\ (?:dive|jump|zoom|take\ a\ (?:look|closer\ look|stroll)|unpack|unravel|
            break\ (?:it|this)\ down|explore|get\ (?:into|started))|
        grab\ (?:a|your)\b|settle\ in\b|buckle\ up\b(?!,?\ because)|stay\ tuned\b|
        without\ further\ ado\b|
        in\ this\ (?:article|post|piece|video|guide)\b|
        (?:we|i)['\u2019]ll\ (?:explore|look\ at|dive|walk\ you|cover|unpack)|
        read\ on\b|keep\ reading\b|here['\u2019]s\ (?:what\ you\ need\ to\ know|the\ thing)\b|
        (?:thanks|thank\ you)\ for\ (?:reading|watching)\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# a filler clause at the front of a sentence whose rest still says something
FILLER_LEAD = re.compile(
    r"^(?:buckle up|trust me|spoiler alert|here['\u2019]s the thing|let['\u2019]s be honest|"
    r"make no mistake|mark my words)[,:;!]?\s+(?:because\s+|but\s+)?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Segment:
    start: int
    end: int
    kind: Kind
    line_start: int  # where its line (or paragraph) starts: a heading's scope ends there

    def text(self, source: str) -> str:
        return source[self.start : self.end]


def ends_like_sentence(line: str) -> bool:
    """A line ending with a full stop (closing quotes, brackets, emoji and symbols aside)."""
    tail = FOOTNOTE_AT_END.sub("", line.rstrip())
    while tail and (
        unicodedata.category(tail[-1]) in {"So", "Sk", "Cf", "Mn"} or tail[-1] in CLOSING
    ):
        tail = tail[:-1].rstrip()
    return bool(tail) and tail[-1] in SENTENCE_END + "?:"


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each block to split into sentences: lines, or whole paragraphs when
    the text is hard-wrapped (most lines broken mid-sentence at a similar width)."""
    lines: list[tuple[int, int]] = []
    at = 0
    for raw in text.split("\n"):
        lines.append((at, at + len(raw)))
        at += len(raw) + 1
    filled = [(s, e) for s, e in lines if text[s:e].strip()]
    wrapped = [
        1
        for (s, e), (s2, e2) in itertools.pairwise(lines)
        if text[s:e].strip()
        and text[s2:e2].strip()
        and not ends_like_sentence(text[s:e])
        and 40 <= len(text[s:e].rstrip()) <= 100
    ]
    if len(filled) < 6 or len(wrapped) < 0.5 * len(filled):
        return lines
    blocks: list[tuple[int, int]] = []
    start = None
    for s, e in [*lines, (len(text), len(text))]:
        if text[s:e].strip() and s < len(text):
            start = s if start is None else start
            last_end = e
        elif start is not None:
            blocks.append((start, last_end))
            start = None
    return blocks


def _split(block: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in a block of prose, offsets within the block."""
    starts = [0]
    for boundary in BOUNDARY.finditer(block):
        # the abbreviation test needs only the words just before the stop
        if not NOT_AN_END.search(block[max(0, boundary.start() - 12) : boundary.start() + 1]):
            starts.append(boundary.end())
    starts.append(len(block))
    found = []
    for begin, end in itertools.pairwise(starts):
        piece = block[begin:end]
        left = LEADING.match(piece).end()  # type: ignore[union-attr]
        right = len(piece)
        while right > left and TRAILING_CHAR.match(piece, right - 1):
            right -= 1
        if right > left:
            found.append((begin + left, begin + right))
    return found


def segment(text: str, *, title: str | None = None) -> list[Segment]:
    """Every segment of the text in order, each with its kind."""
    found: list[Segment] = []
    title_key = _key(title) if title else None
    headline_seen = bool(title_key)
    for block_start, block_end in _paragraphs(text):
        raw = text[block_start:block_end]
        line = raw.strip()
        if not line:
            continue
        start = block_start + (len(raw) - len(raw.lstrip()))
        end = start + len(line)
        if is_furniture(line):
            found.append(Segment(start, end, "furniture", start))
            continue
        if title_key and _key(line) == title_key:
            found.append(Segment(start, end, "title", start))
            continue
        if not ends_like_sentence(line):
            # the first heading-like line of a page with no given title is its headline
            kind: Kind = "heading" if headline_seen else "title"
            headline_seen = True
            found.append(Segment(start, end, kind, start))
            continue
        headline_seen = True
        cut = dateline_length(line)
        if cut:
            found.append(Segment(start, start + cut, "furniture", start))
        for begin, stop in _split(line[cut:]):
            begin, stop = start + cut + begin, start + cut + stop
            found.append(Segment(begin, stop, classify(text[begin:stop]), start))
    return found


def classify(sentence: str) -> Kind:
    if is_furniture(sentence):
        return "furniture"
    if sentence.rstrip(CLOSING + " ").endswith("?"):
        return "question"
    if FILLER.match(sentence.lstrip(OPENING)):
        return "filler"
    words = WORD.findall(sentence)
    lower = sum(1 for w in words if w[0].islower())
    if len(words) < 4 or lower < 2:
        return "fragment"
    return "assertive"


def claim_span(text: str, segment: Segment) -> tuple[int, int]:
    """The part of an assertive sentence a stance quotes: without a leading filler clause
    ("Buckle up, because ...") and without list markers."""
    start, end = segment.start, segment.end
    sentence = text[start:end]
    lead = FILLER_LEAD.match(sentence)
    if lead and end - (start + lead.end()) > 20:
        start += lead.end()
    marker = re.match(r"^(?:[•·▪\-*]\s+|\d{1,2}[.)]\s+)", text[start:end])
    if marker:
        start += marker.end()
    return start, end


def _key(line: str) -> str:
    return " ".join(WORD.findall(line.casefold()))
