"""Stances: a holder's position on a claim, at one exact span of one source."""

from collections.abc import Callable, Sequence
from functools import cache
from typing import Annotated, Any

from fastapi import Depends, Request, Response
from pydantic import Field
from sqlalchemy import bindparam, func
from sqlmodel import Session, col, select

from app.audit.lifecycle import CREATE_ERRORS, WRITE_ERRORS, add_lifecycle, created, write
from app.core.auth import Curator
from app.core.caching import expected_version
from app.core.db import SessionDep
from app.core.errors import NotFound
from app.core.openapi import problems
from app.core.pagination import (
    PageParams,
    keyset_shape,
    keyset_values,
    next_page_link,
    sort_key,
    sort_type,
    trim,
)
from app.core.query import QueryModel
from app.core.reader import Reader, json_response, read
from app.core.routing import ResourceRouter
from app.exports.stream import Resource, add_export
from app.models import (
    Attribution,
    Certainty,
    FacetedPage,
    Label,
    Slug,
    Stance,
    StanceInput,
    StancePublic,
    StanceUpdate,
    Status,
)
from app.read_model.counts import STANCE_SCOPE
from app.read_model.facets import STANCE_FACETS, counted, facet_pattern, stored_facets
from app.review.filters import IncludeCandidates, ReviewFilter, shown
from app.review.filters import counted as counted_review
from app.review.lifecycle import add_review
from app.stances import service
from app.stances.queries import BY_ID, STANCE_COLUMNS, present, stance_items, stance_rows

router = ResourceRouter(prefix="/v1/stances", tags=["stances"])


def get_stance(session: SessionDep, stance_id: str) -> Stance:
    stance = session.get(Stance, stance_id)
    if stance is None:
        raise NotFound(f"no stance with id {stance_id!r}")
    return stance


StanceDep = Annotated[Stance, Depends(get_stance)]


class StanceFilters(PageParams):
    include_retracted: Annotated[
        bool, Field(description="Show retracted records too.", examples=[True])
    ] = False
    claim_id: Annotated[Slug | None, Field(examples=["alliance-is-transactional"])] = None
    source_id: Annotated[Slug | None, Field(examples=["putin-kim-unity-pyongyang"])] = None
    holder_id: Annotated[Slug | None, Field(examples=["andrei-lankov"])] = None
    label: Annotated[Label | None, Field(examples=["opposes"])] = None
    attribution: Annotated[Attribution | None, Field(examples=["author"])] = None
    certainty: Annotated[Certainty | None, Field(examples=["possible"])] = None
    review_status: ReviewFilter = None
    include_candidates: IncludeCandidates = False
    sort: sort_type(("id", "position", "claim_id")) = "id"
    facets: Annotated[
        str | None,
        Field(
            pattern=facet_pattern(STANCE_FACETS),
            max_length=200,
            description="Comma-separated facets to count over the whole filtered list: "
            + ", ".join(f"`{name}`" for name in STANCE_FACETS)
            + ".",
            examples=["label,holder_id,source_id"],
        ),
    ] = None


SORT_COLUMNS = {
    "id": [Stance.id],
    "position": [Stance.source_id, Stance.start, Stance.id],
    "claim_id": [Stance.claim_id, Stance.id],
}
FILTERS = ("claim_id", "source_id", "holder_id", "label", "attribution", "certainty")


def conditions(names: Sequence[str], active_only: bool, review_status: str | None) -> list[Any]:
    """The list's filters, each value a bind parameter named after its field."""
    found = [getattr(Stance, name) == bindparam(name) for name in names]
    found.append(shown(Stance.review_status, review_status))
    return [*found, Stance.status == Status.active] if active_only else found


@cache
def facet_statement(
    facet: str,
    names: tuple[str, ...],
    active_only: bool,
    review_status: str | None,
    include_candidates: bool,
) -> Any:
    """Counts of the filtered stances that count (accepted ones, unless candidates are
    included) per value of ``facet``, built once per shape."""
    column = getattr(Stance, facet)
    return (
        select(column, func.count())
        .where(
            *conditions(names, active_only, review_status),
            counted_review(Stance.review_status, include_candidates),
        )
        .group_by(column)
    )


@cache
def page_statement(
    names: tuple[str, ...],
    active_only: bool,
    review_status: str | None,
    sort: str,
    descending: bool,
    after: bool,
) -> Any:
    """One page of stances for this shape of request, built once."""
    return keyset_shape(
        stance_rows().where(*conditions(names, active_only, review_status)),
        [col(column) for column in SORT_COLUMNS[sort]],
        after=after,
        descending=descending,
    )


def stances_page(filters: StanceFilters) -> tuple[Callable[[Reader], dict[str, Any]], bool]:
    """How to read one page of the stances list, and whether that read is heavy (``read``):
    the list and the stances export (app/exports/) read it the same way."""
    values = {name: getattr(filters, name) for name in FILTERS if getattr(filters, name)}
    names, active_only = tuple(values), not filters.include_retracted
    field, descending = sort_key(filters.sort)
    positions = [STANCE_COLUMNS.index(column) for column in SORT_COLUMNS[field]]
    review = filters.review_status
    statement = page_statement(
        names, active_only, review, field, descending, filters.cursor is not None
    )
    # the kept counts count accepted stances: what the facets count unless told otherwise
    stored = not names and active_only and review in (None, "accepted")
    values |= keyset_values(filters, [col(c) for c in SORT_COLUMNS[field]])

    def work(db: Reader) -> dict[str, Any]:
        facets = {}
        if filters.facets and stored and not filters.include_candidates:
            facets = stored_facets(db, STANCE_SCOPE, filters.facets)
        elif filters.facets:
            for facet in dict.fromkeys(filters.facets.split(",")):
                shape = (facet, names, active_only, review, filters.include_candidates)
                counts = db.all(facet_statement(*shape), **values)
                facets[facet] = counted(counts)
        rows, cursor = trim(
            db.all(statement, **values), filters, lambda row: [row[i] for i in positions]
        )
        return {"items": stance_items(db, rows), "next_cursor": cursor, "facets": facets}

    # facets count the whole filtered list: short when one claim's, source's or holder's
    # stances are counted, or the unfiltered counts read (kept by the writes)
    narrow = not names or bool({"claim_id", "source_id", "holder_id"} & set(names))
    heavy = (filters.facets is not None and not (narrow and active_only)) or (
        filters.facets is not None and filters.include_candidates and not names
    )
    return work, heavy


@router.get(
    "",
    response_model=FacetedPage[StancePublic],
    responses=problems(422),
    summary="List stances",
)
async def list_stances(
    request: Request,
    response: Response,
    filters: Annotated[StanceFilters, QueryModel(StanceFilters)],
) -> Response:
    """Stances with holder and provenance, in `sort` order (id by default; `position` is
    source then text order); filters combine with AND; `facets` adds counts per value."""
    work, heavy = stances_page(filters)
    found = await read(request, work, heavy=heavy)
    next_page_link(request, response, found["next_cursor"])
    return json_response(found, headers=response.headers)


def present_one(session: Session, stance: Stance) -> dict[str, Any]:
    return present(session, [stance])[0]


@router.get(
    "/{stance_id}", response_model=StancePublic, responses=problems(404), summary="Get a stance"
)
async def read_stance(stance_id: str, request: Request) -> Response:
    """One stance with its holder and provenance (`quote == source.text[start:end]`)."""

    # the read idiom of every GET by id: one transaction, the row read once (docs/architecture.md)
    def work(db: Reader) -> dict[str, Any]:
        found = stance_items(db, db.all(BY_ID, ids=[stance_id]))
        if not found:
            raise NotFound(f"no stance with id {stance_id!r}")
        return found[0]

    stance = await read(request, work)
    return json_response(stance, version=stance["version"])


@router.post("", status_code=201, responses=CREATE_ERRORS, summary="Attach a stance to a claim")
def create_stance(
    body: StanceInput, request: Request, response: Response, who: Curator
) -> StancePublic:
    """A holder's position on a claim at a span of a source, given by its exact `quote`
    (with `prefix`, `suffix` or `occurrence` where it is not unique) or by `start`/`end`;
    the server checks it against the text and fills in the rest."""
    public = write(
        request,
        response,
        lambda s: (
            st := service.create_stance(session=s, who=who.name, data=body),
            present_one(s, st),
        ),
    )
    created(response, f"/v1/stances/{public['id']}")
    return public


@router.patch("/{stance_id}", responses=WRITE_ERRORS, summary="Change a stance (JSON merge patch)")
def patch_stance(
    stance_id: str, body: StanceUpdate, request: Request, response: Response, who: Curator
) -> StancePublic:
    """Label, holder, attribution, certainty or claim; the span stays (a new span is a new
    stance), and the review status changes only with accept or reject. Needs If-Match."""
    version = expected_version(request)
    return write(
        request,
        response,
        lambda s: (
            st := service.update_stance(
                session=s, who=who.name, stance_id=stance_id, version=version, patch=body
            ),
            present_one(s, st),
        ),
    )


add_lifecycle(router, "stance", present_one, StancePublic)
add_review(router, "stance", present_one, StancePublic, StanceUpdate, service.update_stance)

add_export(
    Resource(
        "stances", StanceFilters, StancePublic, lambda filters, _postgres: stances_page(filters)[0]
    )
)
