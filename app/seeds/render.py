"""The canonical YAML of the seed files: one layout, so that exporting unchanged data
gives the same bytes, and one a person still reads and edits comfortably.

PyYAML's emitter cannot produce it (flow entries wrapped at chosen keys, blank lines
between records, exact text always quoted), so the layout is written here; every scalar
is checked against PyYAML, which is what the loader reads the files with. The rules are
documented in seeds/README.md ("The canonical form").
"""

import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

import yaml

# a stance's flow mapping runs over lines: what it says, where it is, what curation did
STANCE_LINES = (
    ("claim", "label", "holder", "attribution", "certainty"),
    ("quote", "prefix", "suffix", "occurrence"),
    ("id", "status", "status_reason", "review_status"),
    ("extracted_by", "confidence", "suggested_claims"),
)
ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"}
# characters a reader cannot see or tell apart from a space: written as escapes
INVISIBLE = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp", "Zs"}
FLOW_INDICATORS = set(",[]{}")


class Exact(str):
    """Text that must match the source character for character: always double-quoted,
    so its boundaries (a leading space, a trailing newline) show."""


class Raw(str):
    """A token written as is, such as a date of the precision it was given (2024-06)."""


def invisible(char: str) -> bool:
    return char != " " and unicodedata.category(char) in INVISIBLE


def double_quoted(text: str) -> str:
    escaped = []
    for char in text:
        if char in ESCAPES:
            escaped.append(ESCAPES[char])
        elif invisible(char):
            code = ord(char)
            escaped.append(f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}")
        else:
            escaped.append(char)
    return '"' + "".join(escaped) + '"'


# libyaml's parser where PyYAML was built with it: the seeds' five files took 0.8 s of
# `make serve` in the pure-Python one. Same safe subset of YAML, same errors.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(text: str) -> Any:
    """``text`` parsed as YAML, with only the safe tags."""
    return yaml.load(text, Loader=SAFE_LOADER)


@lru_cache(maxsize=4096)
def plain_reads_back(text: str, flow: bool) -> bool:
    """Whether ``text`` unquoted reads back as the same string where it stands."""
    if not text or text.strip(" ") != text or any(invisible(c) for c in text):
        return False
    if flow and FLOW_INDICATORS & set(text):
        return False
    document, expected = (
        (f"{{k: {text}, j: 0}}", {"k": text, "j": 0}) if flow else (f"k: {text}", {"k": text})
    )
    try:
        # the pure-Python parser, the stricter here: libyaml reads `{k: 🙂?}` as plain
        return yaml.safe_load(document) == expected
    except yaml.YAMLError:
        return False


def scalar(value: Any, *, flow: bool) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)  # the shortest text that reads back as the same float
    if isinstance(value, list):
        return flow_sequence(value)
    if isinstance(value, dict):
        return flow_mapping(value)
    if isinstance(value, Raw):
        return str(value)
    if isinstance(value, Exact) or not plain_reads_back(value, flow):
        return double_quoted(value)
    return value


def flow_mapping(entry: dict[str, Any], lines: Sequence[Sequence[str]] = ()) -> str:
    """``{key: value, ...}`` on one line, or over several, one per group of ``lines`` (the
    continuation lines align with the first key of an entry written as ``  - {``)."""
    grouped = [[key for key in group if key in entry] for group in lines]
    leftover = [key for key in entry if not any(key in group for group in lines)]
    groups = [group for group in [*grouped, leftover] if group]
    rendered = [", ".join(f"{key}: {scalar(entry[key], flow=True)}" for key in g) for g in groups]
    return "{" + ",\n     ".join(rendered) + "}"


def flow_sequence(items: Iterable[Any]) -> str:
    return "[" + ", ".join(scalar(item, flow=True) for item in items) + "]"


def block_mapping(entry: dict[str, Any], indent: int) -> list[str]:
    """One line per key; a list of mappings below its key, one flow mapping per line."""
    pad = " " * indent
    lines = []
    for key, value in entry.items():
        if isinstance(value, list) and value and isinstance(value[0], dict):
            lines.append(f"{pad}{key}:")
            lines += [f"{pad}  - {flow_mapping(item)}" for item in value]
        elif isinstance(value, list):
            lines.append(f"{pad}{key}: {flow_sequence(value)}")
        else:
            lines.append(f"{pad}{key}: {scalar(value, flow=False)}")
    return lines


def entries(key: str, items: list[dict[str, Any]], lines: Sequence[Sequence[str]] = ()) -> str:
    """A section of small entries: one flow mapping each, no blank line between them."""
    if not items:
        return f"{key}: []\n"
    return f"{key}:\n" + "".join(f"  - {flow_mapping(item, lines)}\n" for item in items)


def records(key: str, items: list[dict[str, Any]]) -> str:
    """A section of records: block mappings separated by blank lines."""
    if not items:
        return f"{key}: []\n"
    blocks = []
    for item in items:
        first, *rest = block_mapping(item, 4)
        blocks.append("\n".join([f"  - {first[4:]}", *rest]) + "\n")
    return f"{key}:\n" + "\n".join(blocks)


def render_actors(actors: list[dict[str, Any]]) -> str:
    return records("actors", actors)


def render_claims(claims: list[dict[str, Any]]) -> str:
    return records("claims", claims)


def render_source(document: dict[str, Any]) -> str:
    """A source file: its sections in the canonical order, one blank line between them."""
    sections = [
        "source:\n" + "".join(f"{line}\n" for line in block_mapping(document["source"], 2)),
        entries("furniture", document["furniture"]),
        entries("filler", document["filler"]),
        records("claims", document["claims"]),
        entries("stances", document["stances"], STANCE_LINES),
        entries("mentions", document["mentions"]),
        entries("not_mentions", document["not_mentions"]),
    ]
    return "\n".join(sections)
