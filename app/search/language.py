"""The search query language: parsed here into a ``Query``, rendered for each engine.

Bare words must all match; ``"exact phrase"``; ``prefix*``; ``OR`` between terms, binding
tighter than the implicit AND (``russia shells OR ammunition`` is russia AND (shells OR
ammunition)); ``-word`` or ``-"a phrase"`` excludes. Each engine gets the query rendered
from plain tokens and bound parameters, so no user input reaches SQL or FTS5 syntax.

Each engine tokenises and stems documents its own way (FTS5 ``porter unicode61
remove_diacritics 2``, PostgreSQL's ``english``); the parser drops PostgreSQL's English
stop words for both, so that a query means the same on either.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import Field
from sqlalchemy import ColumnElement, func

from app.core.errors import SearchSyntaxError
from app.models import NO_NUL

MAX_WORDS = 32
MAX_WORD_LENGTH = 64

# PostgreSQL's english.stop: the english configuration indexes none of these
STOP_WORDS = frozenset(
    """i me my myself we our ours ourselves you your yours yourself yourselves he him his
    himself she her hers herself it its itself they them their theirs themselves what which
    who whom this that these those am is are was were be been being have has had having do
    does did doing a an the and but if or because as until while of at by for with about
    against between into through during before after above below to from up down in out on
    off over under again further then once here there when where why how all any both each
    few more most other some such no nor not only own same so than too very s t can will
    just don should now""".split()  # noqa: SIM905  (kept as PostgreSQL's file lists them)
)
WORD = re.compile(r'[^\s"]+')
POSSESSIVE = re.compile(r"(?<=\w)['\u2019]s$", re.IGNORECASE)
TOKEN = re.compile(r"[^\W_]+")


def tokens(text: str) -> list[str]:
    """Runs of letters and digits, lower-cased: the words both tokenizers index."""
    return TOKEN.findall(text.lower())


@dataclass(frozen=True)
class Term:
    text: str  # as written, without quotes, '-' or '*'; several words make a phrase
    prefix: bool = False

    def __str__(self) -> str:
        shown = f'"{self.text}"' if len(tokens(self.text)) > 1 else self.text
        return shown + ("*" if self.prefix else "")


@dataclass(frozen=True)
class Query:
    """Every group must match (AND), a group when any of its terms does (OR), and no
    ``excluded`` term may match."""

    groups: tuple[tuple[Term, ...], ...]
    excluded: tuple[Term, ...] = ()

    def __str__(self) -> str:
        parts = [" OR ".join(map(str, group)) for group in self.groups]
        return " ".join(parts + [f"-{term}" for term in self.excluded])


def parse(*, q: str) -> Query:
    """The query ``q`` means; ``SearchSyntaxError`` when it is not valid search syntax."""
    items = list(_lex(q))  # (term, excluded); a term of None is the OR operator
    groups: list[list[Term]] = []
    excluded: list[Term] = []
    for at, (term, negated) in enumerate(items):
        if term is None:
            before = items[at - 1] if at else (None, False)
            after = items[at + 1] if at + 1 < len(items) else (None, False)
            if before[0] is None or after[0] is None:
                raise SearchSyntaxError("OR needs a term on each side")
            if before[1] or after[1]:
                raise SearchSyntaxError("OR cannot join an excluded (-) term")
        elif negated:
            excluded.append(term)
        elif at and items[at - 1][0] is None:
            groups[-1].append(term)
        else:
            groups.append([term])
    words = sum(len(term.text.split()) for term, _ in items if term is not None)
    if words > MAX_WORDS:
        raise SearchSyntaxError(f"at most {MAX_WORDS} words, not {words}")
    kept = (tuple(term for term in group if _searchable(term)) for group in groups)
    query = Query(
        groups=tuple(group for group in kept if group),
        excluded=tuple(term for term in excluded if _searchable(term)),
    )
    if not query.groups:
        raise SearchSyntaxError(
            "nothing to search for: give a word that is not excluded (-) "
            "and not a common word such as 'the'"
        )
    return query


def _searchable(term: Term) -> bool:
    """Has a word an index holds: neither engine indexes punctuation, PostgreSQL no stop
    words; a term without one would match everything on one engine and nothing on the
    other, so it is left out on both."""
    return any(token not in STOP_WORDS for token in tokens(term.text))


def _lex(q: str) -> Iterator[tuple[Term | None, bool]]:
    at = 0
    while at < len(q):
        if q[at].isspace():
            at += 1
            continue
        negated = q[at] == "-"
        at += negated
        if negated and (at == len(q) or q[at].isspace()):
            raise SearchSyntaxError("'-' must be followed by a word or a phrase to exclude")
        if q[at] == '"':
            close = q.find('"', at + 1)
            if close == -1:
                raise SearchSyntaxError('unbalanced quote: end the phrase with "')
            text, at = q[at + 1 : close], close + 1
            prefix = q.startswith("*", at)
            at += prefix
        else:
            word = WORD.match(q, at)
            assert word is not None  # q[at] is neither a space nor a quote
            text, at = word.group(), word.end()
            if text == "OR" and not negated:
                yield None, False
                continue
            prefix = text.endswith("*")
            text = text.removesuffix("*")
            if not prefix:
                # "Korea's" means Korea: PostgreSQL drops the stop word 's, so FTS5 must too
                text = POSSESSIVE.sub("", text)
        if "*" in text:
            raise SearchSyntaxError("'*' may only end a word, as in sanction*")
        if prefix and not tokens(text):
            raise SearchSyntaxError("'*' must follow a word, as in sanction*")
        if any(len(word) > MAX_WORD_LENGTH for word in text.split()):
            raise SearchSyntaxError(f"a word is longer than {MAX_WORD_LENGTH} characters")
        yield Term(" ".join(text.split()), prefix=prefix), negated


def fts5_expression(query: Query) -> str:
    """The query as an FTS5 MATCH expression: every term a quoted string of plain tokens."""

    def term(t: Term) -> str:
        return '"' + " ".join(tokens(t.text)) + '"' + ("*" if t.prefix else "")

    expression = " AND ".join("(" + " OR ".join(map(term, g)) + ")" for g in query.groups)
    for excluded in query.excluded:
        expression = f"({expression}) NOT {term(excluded)}"
    return expression


def tsquery(query: Query) -> ColumnElement[Any]:
    """The query as a PostgreSQL tsquery, combined by functions from bound parameters."""

    def term(t: Term) -> ColumnElement[Any]:
        if not t.prefix:
            # PostgreSQL's parser splits the words as it split the documents ("U.S.", "Jong-un")
            return func.phraseto_tsquery("english", t.text)
        *head, last = tokens(t.text)
        stem = func.to_tsquery("english", f"'{last}':*")  # a token holds no quote or operator
        if not head:
            return stem
        return func.tsquery_phrase(func.phraseto_tsquery("english", " ".join(head)), stem)

    def any_of(group: tuple[Term, ...]) -> ColumnElement[Any]:
        found = term(group[0])
        for other in group[1:]:
            found = func.tsquery_or(found, term(other))
        return found

    found = any_of(query.groups[0])
    for group in query.groups[1:]:
        found = func.tsquery_and(found, any_of(group))
    for excluded in query.excluded:
        found = func.tsquery_and(found, func.tsquery_not(term(excluded)))
    return found


SYNTAX = (
    'Words (all must match), "exact phrases", prefix* and -excluded terms; OR between '
    "terms (binding tighter than the implicit AND). Case and word endings are ignored; "
    "common words such as 'the' are left out."
)


Q_LENGTH = 1000


# `q` of the lists that filter by full text (claims, sources): read it with search.parse
TextQuery = Annotated[
    str | None,
    Field(
        min_length=1,
        max_length=Q_LENGTH,
        pattern=NO_NUL,
        description=f"Full-text search. {SYNTAX}",
        examples=["artillery -ukraine"],
    ),
]
