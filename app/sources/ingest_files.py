"""``claimsdb ingest``: articles from files (.txt, .md, .html), one source each, through
the same ``prepare`` and ``store`` as ``POST /v1/sources`` with ``annotate``.

Each file is its own transaction: one that fails stores nothing and the others go on. A
text already stored (the same ``text_sha256``) is skipped, so running it again over the
same folder adds only what is new.
"""

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError
from sqlalchemy import Engine
from sqlmodel import Session

from app.config import Settings
from app.core.db import run_write
from app.core.errors import ProblemError
from app.models import SourceSubmit
from app.sources import ingest

INGEST_WRITER = "ingest"  # who the audit log says wrote what the command stores
SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
# a first line this short, not ending like a sentence, is the article's heading
HEADING_LENGTH = 200


@dataclass
class Outcome:
    path: Path
    status: Literal["stored", "skipped", "failed"]
    reason: str = ""
    source_id: str | None = None
    summary: dict[str, Any] | None = None

    def line(self) -> str:
        if self.status == "stored":
            counts = ""
            if self.summary:
                s = self.summary
                counts = (
                    f": {s['stances']} stances ({s['stances_on_existing_claims']} on existing "
                    f"claims), {s['claims']} claims, {s['mentions']} mentions, "
                    f"{s['actors']} actors proposed"
                )
                if not s["on_topic"]:
                    counts = f": off topic (relevance {s['relevance']:.2f}), nothing proposed"
            return f"stored  {self.path} as {self.source_id}{counts}"
        return f"{self.status} {self.path}: {self.reason}"


@dataclass
class Options:
    """What the command line says about every file: metadata the files do not carry."""

    genre: str
    language: str | None = None  # a page's own, else English
    publisher: str | None = None
    author: str | None = None
    annotate: bool = True
    extra: dict[str, Any] = field(default_factory=dict)


def files(paths: Iterable[Path]) -> Iterator[Path]:
    """Each file named, and the articles in each folder named (recursively, sorted)."""
    for path in paths:
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
            )
        else:
            yield path


def title_of(text: str, path: Path, *, markdown: bool) -> str:
    """The first heading (a Markdown ``#`` line, or a short first line of plain text that
    does not end like a sentence), else the file's name in words."""
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if markdown:
            heading = re.match(r"#{1,6}\s+(.+?)\s*#*$", line)
            if heading:
                return heading.group(1)
            continue
        if len(line) <= HEADING_LENGTH and not line.endswith((".", ":", ";", ",")):
            return line
        break
    words = re.sub(r"[-_]+", " ", path.stem).strip()
    return words[:1].upper() + words[1:] if words else "Untitled"


def submission(path: Path, options: Options) -> SourceSubmit:
    """The ``POST /v1/sources`` body a file makes; ValueError when it cannot make one."""
    if path.suffix.lower() not in SUFFIXES:
        raise ValueError(f"not an article file: takes {', '.join(SUFFIXES)}")
    raw = path.read_bytes()
    if b"\x00" in raw[:8192]:
        raise ValueError("binary data, not text")
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValueError(f"not UTF-8 text ({error.reason} at byte {error.start})") from None
    given = {
        "publisher": options.publisher,
        "author": options.author,
        "language": options.language,
        **options.extra,
    }
    fields: dict[str, Any] = {
        "genre": options.genre,
        "annotate": options.annotate,
        **{name: value for name, value in given.items() if value is not None},
    }
    if path.suffix.lower() in (".html", ".htm"):
        if "language" not in fields and not re.search(r"<html[^>]*\blang=", content[:4096]):
            fields["language"] = "en"
        return SourceSubmit(**fields, html=content)
    markdown = path.suffix.lower() in (".md", ".markdown")
    title = title_of(content, path, markdown=markdown)
    return SourceSubmit(**{"language": "en", **fields}, title=title, text=content)


def ingest_file(
    *, engine: Engine, who: str, path: Path, options: Options, settings: Settings
) -> Outcome:
    """Store one file as a source (annotated), or say why it was skipped or failed."""
    try:
        body = submission(path, options)
        with Session(engine) as session:
            data = ingest.source_data(session=session, submission=body)
            same = ingest.stored_with_text(session, data.text)
        if same is not None:
            return Outcome(path, "skipped", f"the same text is stored already as {same}")
        prepared = ingest.prepare_data(
            engine=engine, data=data, annotate=body.annotate, settings=settings
        )
        stored = run_write(engine, lambda s: ingest.store(session=s, who=who, prepared=prepared))
    except (OSError, ValueError) as error:  # ValidationError is a ValueError
        return Outcome(path, "failed", reason(error))
    except ProblemError as error:
        return Outcome(path, "failed", error.detail)
    return Outcome(path, "stored", source_id=stored.source.id, summary=stored.summary)


def reason(error: Exception) -> str:
    if isinstance(error, ValidationError):
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "file"
        return f"{where}: {first['msg'].removeprefix('Value error, ')}"
    return str(error)
