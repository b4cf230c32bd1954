"""What a seed file entry may say beyond the API's ``...Create`` models.

The API's write models are the common ground; a seed file also carries what curation
through the API leaves on a record (status, status_reason, review_status), what the
annotation pipeline says of a proposal (extracted_by, confidence, suggested_claims), the ids of
records that cannot be derived from content, and the notes annotators write. Each key is
optional and written by the exporter only when it differs from its default, so files
without curation state read as before.
"""

from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field

from app.models import (
    NAME_LENGTH,
    ActorCreate,
    Anchor,
    ClaimCreate,
    MentionCreate,
    MentionOrigin,
    Note,
    ReviewStatus,
    Slug,
    SourceCreate,
    StanceCreate,
    Status,
    SuggestedClaim,
    text_type,
)

# the sections of a source file, in the order the canonical form writes them
SOURCE_SECTIONS = ("source", "furniture", "filler", "claims", "stances", "mentions", "not_mentions")
ANCHOR_SECTIONS = {"furniture": "furniture", "filler": "filler", "not_mentions": "not_mention"}


class CurationKeys(BaseModel):
    status: Status = Status.active
    status_reason: Note | None = None


class ReviewKeys(BaseModel):
    review_status: ReviewStatus = ReviewStatus.accepted
    extracted_by: text_type(NAME_LENGTH, min_length=1) | None = None  # type: ignore[valid-type]
    confidence: Annotated[float, Field(ge=0, le=1)] | None = None

    def review_row(self) -> dict[str, Any]:
        return {
            "review_status": self.review_status.value,
            "extracted_by": self.extracted_by,
            "confidence": self.confidence,
        }


# the review columns of a record no one proposed (a mention the matcher found)
WRITTEN_BY_PEOPLE = ReviewKeys().review_row()


class SeedSource(SourceCreate, CurationKeys):
    pass


class SeedActor(ActorCreate, CurationKeys, ReviewKeys):
    # ids of actors merged into this one: they keep answering, as redirects
    merged_from: list[Slug] = []


class SeedClaim(ClaimCreate, ReviewKeys):
    pass


class SeedStance(StanceCreate, CurationKeys, ReviewKeys):
    suggested_claims: Annotated[list[SuggestedClaim], Field(max_length=10)] | None = None


class SeedMention(MentionCreate, CurationKeys, ReviewKeys):
    id: Slug | None = None
    # `derived` only for a mention the matcher finds but curation changed (e.g. retracted)
    origin: MentionOrigin = MentionOrigin.curated
    note: Note | None = None


class SeedAnchor(Anchor):
    """A furniture, filler or not_mentions entry; furniture alone may say ``occurrence: all``."""

    occurrence: Annotated[int, Field(ge=1)] | Literal["all"] | None = None
    note: Note | None = None


NO_ANCHOR = {"prefix": None, "suffix": None, "occurrence": None}


def declared_anchor(record: Anchor) -> dict[str, Any] | None:
    """The prefix, suffix and occurrence an entry was written with, if any."""
    anchor = {key: getattr(record, key) for key in NO_ANCHOR}
    return anchor if anchor != NO_ANCHOR else None


def source_anchor_row(
    source_id: str, section: str, ordinal: int, entry: SeedAnchor
) -> dict[str, Any]:
    every = entry.occurrence == "all"
    return {
        "source_id": source_id,
        "kind": ANCHOR_SECTIONS[section],
        "ordinal": ordinal,
        "quote": entry.quote,
        "prefix": entry.prefix,
        "suffix": entry.suffix,
        "occurrence": None if every else entry.occurrence,
        "all_occurrences": every,
        "note": entry.note,
    }
