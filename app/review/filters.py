"""The review filters every list and count shares: which records a list shows, and which
stances count (contestation, agreement, facets, ``contested``, an actor's counts)."""

from typing import Annotated, Any

from fastapi import Query
from pydantic import Field
from sqlmodel import col

from app.models import ReviewStatus

UNCOUNTED = (ReviewStatus.candidate.value, ReviewStatus.rejected.value)
# the statuses a list shows without a filter; ``seeks_shown`` needs them to sort first
SHOWN = (ReviewStatus.accepted.value, ReviewStatus.candidate.value)

ReviewFilter = Annotated[
    ReviewStatus | None,
    Field(
        description="Only records of this review status. Without it a list shows accepted "
        "records and candidates (proposals of the annotation pipeline, each saying so); "
        "rejected ones only when asked for.",
        examples=["candidate"],
    ),
]
INCLUDE_CANDIDATES = (
    "Count candidates (proposals not yet reviewed) too: by default only accepted records count."
)
IncludeCandidates = Annotated[bool, Field(description=INCLUDE_CANDIDATES, examples=[True])]
# the same, as a query parameter of an endpoint without a filter model
IncludeCandidatesQuery = Annotated[bool, Query(description=INCLUDE_CANDIDATES, examples=[True])]


def shown(column: Any, review_status: str | None = None) -> Any:
    """The rows a list shows for its ``review_status`` filter: without one, all but the
    rejected."""
    if review_status is None:
        return column != ReviewStatus.rejected.value
    return column == review_status


def seeks_shown(column: Any) -> Any:
    """``shown(column)`` said as a range, for a column an index holds after the equalities
    that find the rows: the shown statuses sort before ``rejected`` (SHOWN, checked by
    tests/test_review_rules.py), so the index reads them as one range and tests no entry,
    where ``!=`` tested each of them and IN built a list of its values on every run (a
    page of a source's claims: docs/benchmarks.md, issue 21). Never alone: SQLite would
    walk the review_status index (see ``counted``)."""
    return column < ReviewStatus.rejected.value


def counted(column: Any, include_candidates: bool = False) -> Any:
    """The rows that count: accepted ones, and candidates where asked for. Said as NOT IN,
    never ``= 'accepted'``: SQLite took an equality for a reason to walk the review_status
    index over every accepted row, and one source's claims with facets went from 5 ms to
    2 s at 200,000 claims."""
    if include_candidates:
        return column != ReviewStatus.rejected.value
    return col(column).not_in(UNCOUNTED)
