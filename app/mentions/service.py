"""Writes of mentions: declare one at a span of a source, change whom it names."""

from sqlmodel import Session

from app.audit.service import fetch, fresh_id, must_exist, record, snapshot
from app.core.caching import check_version
from app.models import (
    Actor,
    Mention,
    MentionInput,
    MentionOrigin,
    MentionUpdate,
    Proposed,
    Source,
)
from app.review.service import review_unchanged
from app.sources.provenance import (
    Span,
    context,
    mention_id,
)
from app.sources.service import place_span


def mention_row(source: Source, actor_id: str, span: Span, origin: MentionOrigin) -> Mention:
    prefix, suffix = context(source.text, span)
    return Mention(
        id=mention_id(source_id=source.id, actor_id=actor_id, start=span.start, end=span.end),
        source_id=source.id,
        actor_id=actor_id,
        origin=origin,
        start=span.start,
        end=span.end,
        quote=source.text[span.start : span.end],
        prefix=prefix,
        suffix=suffix,
    )


def create_mention(
    *, session: Session, who: str, data: MentionInput, proposed: Proposed | None = None
) -> Mention:
    must_exist(session, Actor, data.actor, "actor")
    source, span = place_span(session, data)
    mention = mention_row(source, data.actor, span, MentionOrigin.curated)
    if proposed:
        proposed.mark(mention)
    fresh_id(session, "mention", mention.id)
    session.add(mention)
    record(session, who=who, action="create", resource="mention", row=mention, before=None)
    return mention


def update_mention(
    *, session: Session, who: str, mention_id: str, version: int | None, patch: MentionUpdate
) -> Mention:
    mention = fetch(session, "mention", mention_id)
    check_version(version, mention.version, f"mention {mention_id!r}")
    review_unchanged("mention", mention, patch)
    before = snapshot(session, "mention", mention)
    if patch.actor is not None:
        must_exist(session, Actor, patch.actor, "actor")
        mention.actor_id = patch.actor
    mention.origin = MentionOrigin.curated  # a curator has vouched for it now
    mention.version += 1
    record(session, who=who, action="update", resource="mention", row=mention, before=before)
    return mention
