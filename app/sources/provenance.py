"""Spans in source texts: finding a quote, its context, and the mentions of names.

Offsets are Python ``str`` indices (Unicode code points), ``end`` exclusive.
"""

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

CONTEXT = 32


class AnchorError(ValueError):
    """A quote that cannot be placed in the text: absent, ambiguous, or out of range."""


@dataclass(frozen=True, order=True)
class Span:
    start: int
    end: int

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end


def find_all(
    text: str, quote: str, *, prefix: str | None = None, suffix: str | None = None
) -> list[int]:
    """Start offsets of each ``quote`` that has ``prefix`` before it and ``suffix`` after it."""
    starts = []
    at = text.find(quote)
    while at != -1:
        before_ok = not prefix or text[max(0, at - len(prefix)) : at] == prefix
        after_ok = not suffix or text.startswith(suffix, at + len(quote))
        if before_ok and after_ok:
            starts.append(at)
        at = text.find(quote, at + 1)
    return starts


def locate(
    text: str,
    quote: str,
    *,
    prefix: str | None = None,
    suffix: str | None = None,
    occurrence: int | None = None,
) -> Span:
    """The one span that the quote (made unique by prefix, suffix or occurrence) names."""
    starts = find_all(text, quote, prefix=prefix, suffix=suffix)
    shown = quote if len(quote) <= 60 else quote[:57] + "..."
    if not starts:
        hint = " with that prefix/suffix" if prefix or suffix else ""
        raise AnchorError(f"quote {shown!r} not found in the source text{hint}")
    if occurrence is not None:
        if occurrence > len(starts):
            raise AnchorError(f"quote {shown!r} has {len(starts)} occurrence(s), not {occurrence}")
        start = starts[occurrence - 1]
    elif len(starts) > 1:
        raise AnchorError(
            f"quote {shown!r} is ambiguous: {len(starts)} occurrences; "
            "add a prefix, a suffix or an occurrence"
        )
    else:
        start = starts[0]
    return Span(start, start + len(quote))


def context(text: str, span: Span) -> tuple[str, str]:
    """Up to ``CONTEXT`` code points either side of a span: its prefix and suffix."""
    return text[max(0, span.start - CONTEXT) : span.start], text[span.end : span.end + CONTEXT]


def label_pattern(labels: Iterable[str]) -> re.Pattern[str] | None:
    """Whole-word, case-sensitive alternation of labels, longest first so it wins."""
    ordered = sorted(set(labels), key=lambda label: (-len(label), label))
    if not ordered:
        return None
    alternation = "|".join(re.escape(label) for label in ordered)
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)")


def match_labels(
    text: str, actor_by_label: Mapping[str, str], *, skip: Iterable[Span] = ()
) -> list[tuple[str, Span]]:
    """(actor id, span) for each non-overlapping occurrence of a label outside ``skip``."""
    pattern = label_pattern(actor_by_label)
    if pattern is None:
        return []
    skipped = sorted(skip)
    found = []
    for match in pattern.finditer(text):
        span = Span(match.start(), match.end())
        if not any(span.overlaps(other) for other in skipped):
            found.append((actor_by_label[match.group()], span))
    return found


def span_id(prefix: str, *parts: object) -> str:
    """A stable id derived from what a span record is, never from insertion order."""
    digest = hashlib.sha256("\x1f".join(str(part) for part in parts).encode()).hexdigest()
    return f"{prefix}-{digest[:16]}"


def stance_id(*, source_id: str, claim_id: str, holder_id: str | None, start: int, end: int) -> str:
    """A stance's id when none is declared: the same wherever the stance is made."""
    return span_id("st", source_id, claim_id, holder_id or "", start, end)


def mention_id(*, source_id: str, actor_id: str, start: int, end: int) -> str:
    """A mention's id when none is declared: the same wherever the mention is made."""
    return span_id("mn", source_id, actor_id, start, end)


def minimal_anchor(text: str, span: Span, *, longest: int = 80) -> dict[str, str | int]:
    """The least an annotator would write to make a span's quote unique: nothing, else the
    shorter of the shortest prefix and the shortest suffix that do (whole words, so that it
    reads naturally; a prefix on a tie), else the occurrence."""
    quote = text[span.start : span.end]
    starts = find_all(text, quote)
    if starts == [span.start]:
        return {}
    found: list[tuple[int, int, dict[str, str | int]]] = []
    for cut in range(span.start - 1, max(0, span.start - longest) - 1, -1):
        prefix = text[cut : span.start]
        if _word_starts(text, cut) and find_all(text, quote, prefix=prefix) == [span.start]:
            found.append((len(prefix), 0, {"prefix": prefix}))
            break
    for cut in range(span.end + 1, min(len(text), span.end + longest) + 1):
        suffix = text[span.end : cut]
        if _word_ends(text, cut) and find_all(text, quote, suffix=suffix) == [span.start]:
            found.append((len(suffix), 1, {"suffix": suffix}))
            break
    if found:
        return min(found, key=lambda item: item[:2])[2]
    return {"occurrence": starts.index(span.start) + 1}


def _word_starts(text: str, at: int) -> bool:
    return not text[at].isspace() and (at == 0 or text[at - 1].isspace())


def _word_ends(text: str, at: int) -> bool:
    return not text[at - 1].isspace() and (at == len(text) or text[at].isspace())
