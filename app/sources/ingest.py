"""Bringing in an article: a source stored and, with ``annotate``, the annotation
pipeline's proposals stored beside it as candidates, in one transaction (issue 22).

The work is split so that the write lock is held for the inserts alone: ``prepare`` reads
what the database holds (the registry of actors, the claims to match), extracts a web
page's text and runs the pipeline, outside any write; ``store`` then writes the source and
every proposal through the entities' own entry paths (each entity's service.py), validated,
audited and shown in the read model as an API write is. ``POST /v1/sources`` and
``claimsdb ingest`` (app/sources/ingest_files.py) both come through here.
"""

import hashlib
import re
import time
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Engine
from sqlmodel import Session, select

from app import read_model
from app.actors import service as actors
from app.audit.service import read_model_deferred
from app.claims import service as claims
from app.config import Settings
from app.core.deadline import extend_deadline
from app.core.errors import FieldError, Invalid, ProblemError, ServiceUnavailable
from app.core.reader import Reader
from app.ingest import Proposals, warm_up
from app.ingest import annotate as run_pipeline
from app.ingest.html import NoMainText, extract
from app.ingest.nlp import ModelUnavailable
from app.mentions import service as mentions
from app.models import (
    Actor,
    ActorCreate,
    AliasCreate,
    Claim,
    ClaimActorCreate,
    ClaimCreate,
    MentionInput,
    Proposed,
    ReviewStatus,
    Source,
    SourceCreate,
    SourceSubmit,
    StanceInput,
)
from app.read_model import counts
from app.sources import service as sources
from app.sources.known import existing_claims, registry
from app.sources.provenance import mention_id, stance_id
from app.sources.service import SourceParts
from app.stances import service as stances

SLUG_WORDS = 12


class TooLarge(ProblemError):
    status = 413
    type = "urn:claimsdb:problem:too-large"

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"body field {field!r}: {message}")
        self.errors = [FieldError(field=field, location="body", message=message, type="too_large")]


class ModelMissing(ServiceUnavailable):
    type = "urn:claimsdb:problem:model-unavailable"


@dataclass
class Prepared:
    """A source ready to store, with what the pipeline proposed for it (if asked)."""

    data: SourceCreate
    parts: SourceParts
    proposals: Proposals | None = None
    seconds: float = 0.0


@dataclass
class Stored:
    """What one ingest stored: the source and, when annotated, a row count per kind."""

    source: Source
    summary: dict[str, Any] | None = None
    ids: dict[str, list[str]] = field(default_factory=dict)


# ---------------------------------------------------------------- before the write


def slugify(text: str, *, words: int = SLUG_WORDS) -> str:
    """A readable id from a title or a claim's wording: ASCII words joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    parts = re.findall(r"[a-z0-9]+", ascii_text.lower())[:words]
    return "-".join(parts)[:80].strip("-") or "untitled"


def free_id(session: Session, model: type, wanted: str, taken: set[str] | None = None) -> str:
    """``wanted``, or ``wanted-2``, ``-3``...: the first no row (and no id in ``taken``) has."""
    candidate, n = wanted, 1
    while (taken and candidate in taken) or session.get(model, candidate) is not None:
        n += 1
        candidate = f"{wanted[: 95 - len(str(n))]}-{n}"
    return candidate


def source_data(*, session: Session, submission: SourceSubmit) -> SourceCreate:
    """The source to store: the text as sent, or a page's main text and metadata (what
    the body gives wins), with an id made from the title when none is given."""
    given = submission.model_dump(exclude={"text", "html", "annotate"}, exclude_none=True)
    if (submission.text is None) == (submission.html is None):
        both = submission.text is not None
        message = "give either text or html, not both" if both else "give text or html"
        raise Invalid("text", message)
    if submission.html is not None:
        try:
            page = extract(submission.html, url=submission.url)
        except NoMainText as error:
            raise Invalid("html", str(error)) from None
        from_page = {
            "title": page.title,
            "author": page.author,
            "publisher": page.publisher,
            "url": page.url,
            "language": page.language,
        }
        if "published_on" not in given and page.published_on:
            from_page |= {
                "published_on": page.published_on,
                "date_precision": page.date_precision,
                "date_note": page.date_note,
            }
        given = {k: v for k, v in from_page.items() if v} | given
        text = page.text
    else:
        text = submission.text  # type: ignore[assignment]
    for required in ("title", "language"):
        if required not in given:
            where = "the page has none" if submission.html is not None else "it is required"
            raise Invalid(required, f"give a {required}: {where}")
    given["id"] = given.get("id") or free_id(session, Source, slugify(given["title"]))
    try:
        return SourceCreate(**given, text=text)
    except ValidationError as error:  # a page's title or author longer than a column, say
        problem = error.errors()[0]
        raise Invalid(str(problem["loc"][0]), problem["msg"]) from None


def prepare(*, engine: Engine, submission: SourceSubmit, settings: Settings) -> Prepared:
    """Everything a request that adds a source works out before it writes: the source, its
    derived parts and, with ``annotate``, the pipeline's proposals. Stores nothing."""
    with Session(engine) as session:
        data = source_data(session=session, submission=submission)
    limit = settings.annotate_max_chars
    if submission.annotate and len(data.text) > limit:
        raise TooLarge(
            "text",
            f"{len(data.text)} characters is more than the {limit} the pipeline annotates "
            "in one request (CLAIMSDB_ANNOTATE_MAX_CHARS): split the article, or store it "
            "without annotate",
        )
    return prepare_data(engine=engine, data=data, annotate=submission.annotate, settings=settings)


def prepare_data(
    *, engine: Engine, data: SourceCreate, annotate: bool, settings: Settings
) -> Prepared:
    """``prepare`` for a source whose text and metadata are settled (``claimsdb ingest``
    comes here directly: it holds no server worker, so no size limit applies)."""
    with Session(engine) as session:
        parts = sources.source_parts(session, data.id, data.text)
        prepared = Prepared(data, parts)
        if not annotate:
            return prepared
        started = time.perf_counter()
        known = registry(session)
        named = sorted({mention["actor_id"] for mention in parts.mentions})
        matched = existing_claims(session, named=named)
    try:
        loading = time.perf_counter()
        warm_up(settings)
        # the models load once per process, on the first request that annotates (unless
        # CLAIMSDB_ANNOTATE_WARM_UP loads them at startup): that request is not cut short,
        # and its summary's seconds are the pipeline's own
        loaded = time.perf_counter() - loading
        extend_deadline(loaded)
        started += loaded
        prepared.proposals = run_pipeline(
            text=data.text, title=data.title, registry=known, claims=matched, settings=settings
        )
    except ModelUnavailable as error:
        raise ModelMissing(f"annotation is unavailable on this server: {error}") from None
    prepared.seconds = time.perf_counter() - started
    return prepared


def stored_with_text(session: Session, text: str) -> str | None:
    """The id of a source that holds exactly ``text`` already, if one does."""
    return session.exec(
        select(Source.id).where(Source.text_sha256 == text_sha256(text)).limit(1)
    ).first()


# ---------------------------------------------------------------- the write


def store(*, session: Session, who: str, prepared: Prepared) -> Stored:
    """Write the source and its proposals (as candidates) in the caller's transaction."""
    source = sources.create_source(
        session=session, who=who, data=prepared.data, parts=prepared.parts
    )
    if prepared.proposals is None:
        return Stored(source)
    return store_proposals(session=session, who=who, source=source, prepared=prepared)


def store_proposals(*, session: Session, who: str, source: Source, prepared: Prepared) -> Stored:
    """Each proposal as a candidate row, through its entity's entry path; the read model's
    bodies and counts stored once for them all."""
    proposals = prepared.proposals
    assert proposals is not None
    db = Reader.of(session)
    attached = {s.claim_id for s in proposals.stances if s.claim_id}
    was = counts.claim_states(db, attached)
    with read_model_deferred(session):
        stored = _store_rows(session=session, who=who, source=source, prepared=prepared)
    was |= {claim_id: counts.ClaimState(claim_id) for claim_id in stored.ids["claims"]}
    read_model.refresh_claim_counts(db, was)
    read_model.refresh(
        db,
        claims=set(was),
        stances=stored.ids["stances"],
        mentions=stored.ids["mentions"],
    )
    return stored


def _store_rows(*, session: Session, who: str, source: Source, prepared: Prepared) -> Stored:
    proposals = prepared.proposals
    assert proposals is not None
    derived = {m["id"] for m in prepared.parts.mentions}
    ids: dict[str, list[str]] = {"actors": [], "mentions": [], "claims": [], "stances": []}

    def made(confidence: float, **more: Any) -> Proposed:
        return Proposed(extracted_by=proposals.extracted_by, confidence=confidence, **more)

    # an earlier article's candidate of the same name is the same one; a name a reviewer
    # rejected is not proposed again
    actor_of: dict[str, str | None] = {}
    for proposed in proposals.actors:
        wanted = slugify(proposed.name)
        existing = session.get(Actor, wanted)
        if existing is not None and existing.review_status != ReviewStatus.accepted:
            rejected = existing.review_status == ReviewStatus.rejected
            actor_of[proposed.key] = None if rejected else existing.id
            continue
        aliases: dict[str, AliasCreate] = {}
        for alias in proposed.aliases:
            if alias.label != proposed.name:
                aliases.setdefault(
                    alias.label,
                    AliasCreate(label=alias.label, kind=alias.kind, auto_mention=alias.match),
                )
        actor = actors.create_actor(
            session=session,
            who=who,
            data=ActorCreate(
                id=free_id(session, Actor, wanted),
                name=proposed.name,
                kind=proposed.kind,
                aliases=list(aliases.values()),
            ),
            proposed=made(proposed.confidence),
        )
        actor_of[proposed.key] = actor.id
        ids["actors"].append(actor.id)

    for proposed in proposals.mentions:
        actor_id = proposed.actor_id or actor_of.get(proposed.proposed_actor or "")
        if actor_id is None:
            continue
        key = mention_id(
            source_id=source.id, actor_id=actor_id, start=proposed.start, end=proposed.end
        )
        if key in derived:  # matched by name already, and stored with the source
            continue
        derived.add(key)
        mention = mentions.create_mention(
            session=session,
            who=who,
            data=MentionInput(
                source_id=source.id, start=proposed.start, end=proposed.end, actor=actor_id
            ),
            proposed=made(proposed.confidence),
        )
        ids["mentions"].append(mention.id)

    claim_of: dict[str, str] = {}
    for proposed in proposals.claims:
        members: dict[str, str] = {}
        for member in proposed.actors:
            actor_id = member.get("actor") or actor_of.get(member.get("proposed_actor", ""))
            if actor_id:
                members.setdefault(actor_id, member["role"])
        claim = claims.create_claim(
            session=session,
            who=who,
            data=ClaimCreate(
                id=free_id(session, Claim, slugify(proposed.text)),
                text=proposed.text,
                claim_type=proposed.claim_type,
                topics=proposed.topics,
                actors=[ClaimActorCreate(actor=a, role=r) for a, r in members.items()],
                review_status=ReviewStatus.candidate,
            ),
            proposed=made(proposed.confidence),
        )
        claim_of[proposed.key] = claim.id
        ids["claims"].append(claim.id)

    on_existing = 0
    for proposed in proposals.stances:
        holder = proposed.holder_id or actor_of.get(proposed.holder_proposed_actor or "")
        claim_id = proposed.claim_id or claim_of[proposed.proposed_claim or ""]
        key = stance_id(
            source_id=source.id,
            claim_id=claim_id,
            holder_id=holder,
            start=proposed.start,
            end=proposed.end,
        )
        if key in ids["stances"]:  # one span proposed twice for one claim: once is enough
            continue
        stance = stances.create_stance(
            session=session,
            who=who,
            data=StanceInput(
                source_id=source.id,
                start=proposed.start,
                end=proposed.end,
                claim=claim_id,
                label=proposed.label,
                holder=holder,
                attribution=proposed.attribution,
                certainty=proposed.certainty,
                review_status=ReviewStatus.candidate,
            ),
            proposed=made(
                proposed.confidence,
                suggested_claims=[
                    {"id": s.id, "score": round(s.score, 3)} for s in proposed.suggested_claims
                ],
            ),
        )
        on_existing += proposed.claim_id is not None
        ids["stances"].append(stance.id)

    summary = {
        "extracted_by": proposals.extracted_by,
        "relevance": proposals.relevance,
        "on_topic": proposals.on_topic,
        **{kind: len(made_ids) for kind, made_ids in ids.items()},
        "stances_on_existing_claims": on_existing,
        "seconds": round(prepared.seconds, 3),
    }
    return Stored(source, summary, ids)


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
