"""The review filters every list and count shares: which records a list shows, and which
stances count (contestation, agreement, facets, ``contested``, an actor's counts)."""

from typing import Annotated, Any

from fastapi import Query
from pydantic import Field

from app.models import ReviewStatus

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


def counted(column: Any, include_candidates: bool = False) -> Any:
    """The rows that count: accepted ones, and candidates where asked for."""
    if include_candidates:
        return column != ReviewStatus.rejected.value
    return column == ReviewStatus.accepted.value
