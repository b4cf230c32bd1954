"""Read ``seeds/``: parse and validate every file, and turn the records into table rows.

Nothing here writes: app/seeds/sync.py loads the rows (``seed`` adds what is new,
``reseed`` replaces), after app/seeds/plan.py has compared them with the database.
Every record is validated by the same ``...Create`` models as the API's writes (extended
in app/seeds/format.py by what only files say). What the files say beyond the
data, such as file names, anchors as written, notes and the file that defines each claim,
goes to the seed metadata tables, so that ``claimsdb export`` writes the files back.
"""

from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import yaml

from app.models import (
    Anchor,
)
from app.seeds import render as seed_yaml
from app.seeds.assemble import Destination, ParsedSource, Problems, SeedSet, assemble
from app.seeds.format import (
    SOURCE_SECTIONS,
    SeedActor,
    SeedAnchor,
    SeedClaim,
    SeedMention,
    SeedSource,
    SeedStance,
)
from app.sources.provenance import (
    AnchorError,
    Span,
    find_all,
    locate,
)

ACTORS_FILE = "actors.yaml"
# claims no source states yet: the API takes a claim before its first stance
CLAIMS_FILE = "claims.yaml"
SOURCE_KEYS = set(SOURCE_SECTIONS)


A = TypeVar("A", bound=Anchor)


class SeedError(Exception):
    """Bad seed data: every problem found, each naming its file and record."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("seed data refused:\n" + "\n".join(f"  {p}" for p in problems))


def record_name(kind: str, index: int, data: Any, key: str = "id") -> str:
    label = data.get(key) if isinstance(data, dict) else None
    return f"{kind}[{index}]" + (f" ({key} {label})" if label else "")


def parse_date(value: Any, precision: Any) -> date | None:
    """``published_on`` as written (2024, 2024-06, 2024-06-19): at least as precise as
    ``date_precision``, which may be missing only for a whole date, as the API allows."""
    if value is None:
        return None
    text = value.isoformat() if isinstance(value, date) else str(value)
    parts = text.split("-")
    needed = {"year": 1, "month": 2, "day": 3}.get(str(precision), 3)
    if len(parts) < needed or len(parts) > 3:
        if precision is None:
            raise ValueError(f"date_precision (day|month|year) is required with {text!r}")
        raise ValueError(f"published_on {text!r} does not match date_precision {precision!r}")
    numbers = [int(part) for part in parts] + [1] * (3 - len(parts))
    return date(*numbers)


def read_yaml(path: Path, problems: Problems) -> dict[str, Any] | None:
    try:
        data = seed_yaml.load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        problems.add(str(path), f"cannot read: {error}")
        return None
    if not isinstance(data, dict):
        problems.add(str(path), "expected a mapping at the top level")
        return None
    return data


def anchor_spans(
    text: str,
    entries: Any,
    kind: str,
    path: str,
    problems: Problems,
    declared: list[tuple[str, int, SeedAnchor]],
) -> list[Span]:
    """Spans for a list of plain anchors (furniture, filler, not_mentions); each valid
    entry is also appended to ``declared``, as written, so that it can be stored."""
    spans: list[Span] = []
    for index, entry in enumerate(entries or []):
        where = f"{path}: {kind}[{index}]"
        anchor = problems.validated(SeedAnchor, entry, where)
        if anchor is None:
            continue
        if anchor.occurrence == "all":
            if kind != "furniture":
                problems.add(where, "only furniture may say 'occurrence: all'")
                continue
            fitting = set(find_all(text, anchor.quote, prefix=anchor.prefix, suffix=anchor.suffix))
            found = [
                Span(at, at + len(anchor.quote))
                for at in _all_starts(text, anchor.quote)
                if at in fitting
            ]
            if not found:
                problems.add(where, f"quote {anchor.quote!r} not found in the source text")
            spans.extend(found)
        else:
            span = place(text, anchor, where, problems)
            if span is None:
                continue
            spans.append(span)
        declared.append((kind, index, anchor))
    return spans


def _all_starts(text: str, quote: str) -> list[int]:
    starts, at = [], text.find(quote)
    while at != -1:
        starts.append(at)
        at = text.find(quote, at + len(quote))
    return starts


def place(text: str, anchor: Anchor, where: str, problems: Problems) -> Span | None:
    try:
        return locate(
            text,
            anchor.quote,
            prefix=anchor.prefix,
            suffix=anchor.suffix,
            occurrence=anchor.occurrence,
        )
    except AnchorError as error:
        problems.add(where, str(error))
        return None


def parse_source_file(path: Path, sources_dir: Path, problems: Problems) -> ParsedSource | None:
    data = read_yaml(path, problems)
    if data is None:
        return None
    name = str(path)
    for key in sorted(set(data) - SOURCE_KEYS):
        problems.add(name, f"unknown key {key!r} (expected {', '.join(sorted(SOURCE_KEYS))})")
    header = data.get("source")
    if not isinstance(header, dict):
        problems.add(name, "a 'source' mapping is required")
        return None
    header = dict(header)
    where = f"{name}: source ({header.get('id')})"
    file_name = header.pop("file", None)
    if file_name is not None and (
        not isinstance(file_name, str) or Path(file_name).name != file_name
    ):
        problems.add(where, f"file {file_name!r} must be a plain file name under sources/")
        return None
    if not file_name:
        problems.add(where, "file is required: the article's name under sources/")
        return None
    text_path = sources_dir / str(file_name)
    try:
        raw = text_path.read_bytes()
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        problems.add(where, f"cannot read source file {text_path}: {error}")
        return None
    try:
        header["published_on"] = parse_date(
            header.get("published_on"), header.get("date_precision")
        )
    except ValueError as error:
        problems.add(where, str(error))
        return None
    source = problems.validated(SeedSource, {**header, "text": text}, where)
    if source is None:
        return None

    anchors: list[tuple[str, int, SeedAnchor]] = []
    furniture, filler, not_mentions = (
        anchor_spans(text, data.get(kind), kind, name, problems, anchors)
        for kind in ("furniture", "filler", "not_mentions")
    )

    claims = []
    for index, entry in enumerate(data.get("claims") or []):
        where = f"{name}: {record_name('claims', index, entry)}"
        claim = problems.validated(SeedClaim, entry, where)
        if claim is not None:
            claims.append((where, claim))

    def spans_of(model: type[A], kind: str, key: str) -> list[tuple[str, A, Span]]:
        placed = []
        for index, entry in enumerate(data.get(kind) or []):
            where = f"{name}: {record_name(kind, index, entry, key)}"
            record = problems.validated(model, entry, where)
            span = record and place(text, record, where, problems)
            if record is None or span is None:
                continue
            if any(span.overlaps(chrome) for chrome in furniture):
                problems.add(where, f"span {span.start}-{span.end} lies in page furniture")
                continue
            placed.append((where, record, span))
        return placed

    return ParsedSource(
        path=name,
        source=source,
        file_name=str(file_name),
        furniture=furniture,
        filler=filler,
        claims=claims,
        stances=spans_of(SeedStance, "stances", "claim"),
        mentions=spans_of(SeedMention, "mentions", "actor"),
        not_mentions=not_mentions,
        anchors=anchors,
    )


def read_seeds(seeds_dir: Path, *, into: Destination | None = None) -> SeedSet:
    """Parse and validate every seed file; raise ``SeedError`` listing all problems."""
    return read_seed_files(
        annotations=seeds_dir / "annotations", sources=seeds_dir / "sources", into=into
    )


def read_seed_files(
    *, annotations: Path, sources: Path, into: Destination | None = None
) -> SeedSet:
    """``read_seeds`` for annotation files and source texts kept in any two folders."""
    problems = Problems()
    sources_dir = sources
    actors_path = annotations / ACTORS_FILE
    actors: list[tuple[str, SeedActor]] = []
    actors_data = read_yaml(actors_path, problems) if actors_path.exists() else None
    if actors_path.exists() and actors_data is not None:
        for index, entry in enumerate(actors_data.get("actors") or []):
            where = f"{actors_path}: {record_name('actors', index, entry)}"
            if isinstance(entry, dict):
                entry = {
                    **entry,
                    "aliases": [_alias_fields(alias) for alias in entry.get("aliases") or []],
                }
            actor = problems.validated(SeedActor, entry, where)
            if actor is not None:
                actors.append((where, actor))
    elif not actors_path.exists():
        problems.add(str(actors_path), "missing: the actors file is required")

    sources = [
        parsed
        for path in sorted(annotations.glob("*.yaml"))
        if path.name not in (ACTORS_FILE, CLAIMS_FILE)
        and (parsed := parse_source_file(path, sources_dir, problems))
    ]
    unattached: list[tuple[str, SeedClaim]] = []
    claims_path = annotations / CLAIMS_FILE
    claims_data = read_yaml(claims_path, problems) if claims_path.exists() else None
    for index, entry in enumerate((claims_data or {}).get("claims") or []):
        where = f"{claims_path}: {record_name('claims', index, entry)}"
        if claim := problems.validated(SeedClaim, entry, where):
            unattached.append((where, claim))
    seed_set = assemble(actors, sources, problems, unattached, into)
    if problems.found:
        raise SeedError(problems.found)
    return seed_set


def _alias_fields(alias: Any) -> Any:
    if isinstance(alias, dict) and "match" in alias:
        alias = {**alias, "auto_mention": alias["match"]}
        del alias["match"]
    return alias
