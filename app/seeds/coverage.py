"""Annotation coverage: the share of each article's assertive sentences that a stance covers.

Assertive sentences are the body's sentences less the title line, headings (lines that do
not end like a sentence), questions, page furniture and declared filler. A sentence is
covered when a stance span overlaps it.
"""

import re
import unicodedata
from dataclasses import dataclass
from itertools import pairwise

from app.seeds.assemble import SeedSet
from app.sources.provenance import Span

CLOSING = '"\u201d\u2019)'  # straight and curly closing quotes, closing bracket
OPENING = '"\u201c\u2018(*'
SENTENCE_END = '.!?\u2026"\u201d'
# a full stop, with closing quotes or brackets, then space and what starts a sentence
BOUNDARY = re.compile(rf"[.!?\u2026][{re.escape(CLOSING)}]*\s+(?=[A-Z0-9{re.escape(OPENING)}])")
ABBREVIATION = re.compile(r"(?<!\w)(?:U\.S|U\.K|e\.g|i\.e|Mr|Mrs|Dr|St|vs)\.$")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@dataclass
class SourceCoverage:
    source_id: str
    sentences: list[Sentence]
    uncovered: list[Sentence]

    @property
    def covered(self) -> int:
        return len(self.sentences) - len(self.uncovered)

    @property
    def share(self) -> float:
        return self.covered / len(self.sentences) if self.sentences else 1.0


def within(span: Span, spans: list[Span]) -> bool:
    return any(other.start <= span.start and span.end <= other.end for other in spans)


def is_heading(line: str) -> bool:
    """A line that does not end like a sentence (emoji and symbols at the end aside)."""
    tail = line.rstrip()
    while tail and unicodedata.category(tail[-1]) in {"So", "Sk", "Cf"}:
        tail = tail[:-1].rstrip()
    return not tail or tail[-1] not in SENTENCE_END


def split_sentences(line: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in a line of prose, offsets within the line."""
    starts = [0]
    for boundary in BOUNDARY.finditer(line):
        if not ABBREVIATION.search(line[: boundary.start() + 1]):
            starts.append(boundary.end())
    starts.append(len(line))
    return [
        (start, start + len(line[start:end].rstrip()))
        for start, end in pairwise(starts)
        if line[start:end].strip()
    ]


def assertive_sentences(text: str, *, furniture: list[Span], filler: list[Span]) -> list[Sentence]:
    """The body's sentences that make a claim and so should carry a stance."""
    found: list[Sentence] = []
    title_seen = False
    offset = 0
    for raw in text.split("\n"):
        line_start, offset = offset, offset + len(raw) + 1
        line = raw.strip()
        if not line:
            continue
        start = line_start + raw.index(line)
        if within(Span(start, start + len(line)), furniture):
            continue
        if not title_seen:
            title_seen = True
            continue
        if is_heading(line):
            continue
        for begin, end in split_sentences(line):
            sentence = Sentence(start + begin, start + end, line[begin:end])
            is_question = sentence.text.rstrip(CLOSING).endswith("?")
            if not is_question and not within(sentence.span, filler):
                found.append(sentence)
    return found


def coverage(seed_set: SeedSet) -> list[SourceCoverage]:
    """Coverage of every source in a validated seed set, in source id order."""
    stance_spans: dict[str, list[Span]] = {}
    for stance in seed_set.rows.get("stance", []):
        stance_spans.setdefault(stance["source_id"], []).append(
            Span(stance["start"], stance["end"])
        )
    report = []
    for source in sorted(seed_set.rows.get("source", []), key=lambda row: row["id"]):
        sentences = assertive_sentences(
            source["text"],
            furniture=seed_set.furniture.get(source["id"], []),
            filler=seed_set.filler.get(source["id"], []),
        )
        spans = stance_spans.get(source["id"], [])
        uncovered = [s for s in sentences if not any(s.span.overlaps(span) for span in spans)]
        report.append(SourceCoverage(source["id"], sentences, uncovered))
    return report
