"""A source's text as HTML with every stance and mention span marked, split on the server.

Offsets count code points, as Python's ``str`` does, so the text is cut here and never in
the browser, whose strings count UTF-16 units (an emoji before a span would shift it by
one there). The text is cut at every span's start and end; each piece is wrapped in one
element per stance covering it, outermost first, so overlapping and nested stances all
stay visible and the pieces of one stance, joined, are its quote exactly (the pages'
``data-stance-id`` contract). Every piece of text goes through ``escape``.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from markupsafe import Markup, escape

# a label shown as a sign and a pattern as well as a colour (web.css), never colour alone
LABEL_SIGNS = {"supports": "+", "opposes": "\u2212", "questions": "?", "neutral": "○"}


@dataclass(frozen=True)
class Mark:
    """A span to mark: a stance or a mention."""

    kind: str
    id: str
    start: int
    end: int
    label: str | None = None  # a stance's
    title: str = ""


def marks(annotations: Iterable[dict[str, Any]]) -> list[Mark]:
    """Marks from ``GET /v1/sources/{id}/annotations`` items."""
    found = []
    for item in annotations:
        if item["kind"] == "stance":
            holder = (item["holder"] or {}).get("name") or "the author"
            title = f"{item['label']} ({holder}): {item['claim']['text']}"
            found.append(
                Mark("stance", item["id"], item["start"], item["end"], item["label"], title)
            )
        else:
            found.append(
                Mark("mention", item["id"], item["start"], item["end"], title=item["actor"]["name"])
            )
    return found


def nesting(mark: Mark) -> tuple[int, int, str]:
    """Outer before inner: the earlier start, then the longer span, then the id."""
    return (mark.start, -mark.end, mark.id)


def opening(mark: Mark, first: bool) -> str:
    if mark.kind == "passage":  # a search hit's passage, which the page scrolls to
        return '<span class="found" id="found">' if first else '<span class="found">'
    if mark.kind == "mention":
        return f'<span class="mn" data-mention-id="{escape(mark.id)}" title="{escape(mark.title)}">'
    # the first piece is the stance's anchor (#s-<id>) and takes keyboard focus
    anchor = (
        f' id="s-{escape(mark.id)}" tabindex="0" title="{escape(mark.title)}"'
        f' data-sign="{LABEL_SIGNS.get(mark.label or "", "")}"'
        if first
        else ""
    )
    classes = f"st {escape(mark.label)}" + (" first" if first else "")
    return f'<mark class="{classes}" data-stance-id="{escape(mark.id)}"{anchor}>'


def highlighted(text: str, spans: Sequence[Mark], furniture: Sequence[tuple[int, int]]) -> Markup:
    """``text`` as HTML: each piece between span edges wrapped in the stances (outermost
    first) and mentions (and a search hit's passage) that cover it; furniture in a dimmed
    span."""
    cuts = {0, len(text)}
    for mark in spans:
        cuts.update((mark.start, mark.end))
    for start, end in furniture:
        cuts.update((start, end))
    edges = sorted(cut for cut in cuts if 0 <= cut <= len(text))
    ordered = sorted(spans, key=nesting)
    pending = 0  # ordered[:pending] have started
    active: list[Mark] = []
    begun: set[str] = set()
    chrome = sorted(furniture)
    out: list[str] = []
    for start, end in pairwise(edges):
        while pending < len(ordered) and ordered[pending].start <= start:
            active.append(ordered[pending])
            pending += 1
        active = [mark for mark in active if mark.end > start]
        piece = str(escape(text[start:end]))
        if any(a <= start and end <= b for a, b in chrome):
            out.append(f'<span class="furniture" title="page furniture">{piece}</span>')
            continue
        stances = [mark for mark in active if mark.kind == "stance"]
        mentions = [mark for mark in active if mark.kind != "stance"]
        for mark in [*stances, *mentions]:
            out.append(opening(mark, mark.id not in begun))
            begun.add(mark.id)
        out.append(piece)
        out.append("</span>" * len(mentions) + "</mark>" * len(stances))
    return Markup("".join(out))
