"""Passages and snippets: a source text cut into the paragraphs search indexes, and the
window of a hit's text a result shows, its matches marked."""

import html
import re
from collections.abc import Iterator
from typing import Any

from app.sources.provenance import span_id

# private-use characters the engines wrap matches in, before we escape the rest as HTML
OPEN, CLOSE = "\ue000", "\ue001"

# PostgreSQL cannot index a document of more than 1 MB, and a hit should be readable
MAX_PASSAGE_LENGTH = 2000


SNIPPET_LENGTH = 240


SENTENCE_END = re.compile(r"""[.!?\u2026]["'\u201d\u2019)\]]*\s+""")


def snippet(text: str, marked: str | None) -> str:
    """HTML for a hit: up to ``SNIPPET_LENGTH`` code points of ``text`` around its first
    match, escaped, with each match in ``<mark>``; ``marked`` is the text as an engine
    highlighted it (None, or a text that differs from ``text``: no marks)."""
    plain, marks = _unmarked(marked or "")
    if plain != text:
        marks = []
    begin, end = _window(text, marks)
    parts = ["…"] if begin > 0 else []
    at = begin
    for start, stop in marks:
        start, stop = max(start, at), min(stop, end)
        if start < stop:
            parts += [html.escape(text[at:start], quote=False), "<mark>"]
            parts += [html.escape(text[start:stop], quote=False), "</mark>"]
            at = stop
    parts.append(html.escape(text[at:end], quote=False))
    if end < len(text):
        parts.append("…")
    return "".join(parts)


def _unmarked(marked: str) -> tuple[str, list[tuple[int, int]]]:
    """The text without OPEN and CLOSE, and the spans they enclosed."""
    plain: list[str] = []
    marks: list[tuple[int, int]] = []
    length, opened = 0, None
    for piece in re.split(f"([{OPEN}{CLOSE}])", marked):
        if piece == OPEN:
            opened = length if opened is None else opened
        elif piece == CLOSE:
            if opened is not None and opened < length:
                marks.append((opened, length))
            opened = None
        else:
            plain.append(piece)
            length += len(piece)
    return "".join(plain), marks


def _window(text: str, marks: list[tuple[int, int]]) -> tuple[int, int]:
    """Where the snippet begins and ends: around the first match, cut at spaces."""
    if len(text) <= SNIPPET_LENGTH:
        return 0, len(text)
    first, first_end = marks[0] if marks else (0, 0)
    begin = max(0, first - SNIPPET_LENGTH // 4)
    end = min(len(text), begin + SNIPPET_LENGTH)
    begin = max(0, end - SNIPPET_LENGTH)
    if begin > 0 and (space := text.find(" ", begin, first)) != -1:
        begin = space + 1
    if end < len(text) and (space := text.rfind(" ", max(begin, first_end), end)) != -1:
        end = space
    return begin, end


def passage_rows(*, source_id: str, text: str) -> list[dict[str, Any]]:
    """The passage rows of a source: its paragraphs (one per line, trimmed), with a
    paragraph longer than ``MAX_PASSAGE_LENGTH`` cut after a sentence. Every writer of
    sources stores these, so that search finds the text."""
    return [
        {
            "id": span_id("ps", source_id, start, end),
            "source_id": source_id,
            "start": start,
            "end": end,
            "text": text[start:end],
        }
        for start, end in _paragraphs(text)
    ]


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    for line in re.finditer(r"\S(?:[^\n\r]*\S)?", text):
        start, end = line.span()
        while end - start > MAX_PASSAGE_LENGTH:
            cut = start + MAX_PASSAGE_LENGTH
            breaks = [m.end() for m in SENTENCE_END.finditer(text, start, cut)]
            if not breaks:
                breaks = [m.end() for m in re.finditer(r"\s+", text[start:cut])]
                breaks = [start + at for at in breaks]
            cut = breaks[-1] if breaks else cut
            stop = cut
            while stop > start and text[stop - 1].isspace():
                stop -= 1
            yield start, stop
            start = cut
            while text[start].isspace():
                start += 1
        yield start, end
