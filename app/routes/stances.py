"""Stances: a holder's position on a claim, at one exact span of one source."""

from collections.abc import Sequence
from functools import cache
from typing import Annotated, Any

from fastapi import Depends, Request, Response
from pydantic import Field
from sqlalchemy import bindparam, func
from sqlmodel import Session, col, select

from app.core.auth import Curator
from app.core.caching import expected_version, tag_version
from app.core.db import SessionDep
from app.core.errors import NotFound
from app.core.openapi import problems
from app.core.pagination import PageParams, keyset_shape, keyset_values, page, sort_key, sort_type
from app.core.query import QueryModel
from app.core.reader import Reader, Row, json_response, read
from app.models import (
    Actor,
    Attribution,
    Certainty,
    FacetedPage,
    Label,
    PositionPublic,
    Slug,
    Source,
    SourceRef,
    Stance,
    StanceInput,
    StancePublic,
    StanceUpdate,
    Status,
    provenance,
)
from app.routes import ResourceRouter
from app.routes.lifecycle import CREATE_ERRORS, WRITE_ERRORS, add_lifecycle, created, write
from app.services import curation
from app.services.counts import STANCE_SCOPE
from app.services.facets import STANCE_FACETS, counted, facet_pattern, stored_facets

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


STANCE_COLUMNS = (
    Stance.id,
    Stance.claim_id,
    Stance.label,
    Stance.holder_id,
    Actor.name,
    Actor.kind,
    Stance.attribution,
    Stance.certainty,
    Stance.source_id,
    Stance.start,
    Stance.end,
    Stance.quote,
    Stance.prefix,
    Stance.suffix,
    Stance.version,
    Stance.status,
    Stance.status_reason,
    Stance.review_status,
)


def stance_rows() -> Any:
    """``STANCE_COLUMNS``: each stance with its holder's name and kind."""
    return select(*STANCE_COLUMNS).outerjoin(Actor, col(Actor.id) == Stance.holder_id)


OF_CLAIM = (
    stance_rows()
    .where(Stance.claim_id == bindparam("claim_id"), Stance.status == Status.active)
    .order_by(Stance.source_id, Stance.start)
)
BY_ID = stance_rows().where(col(Stance.id).in_(bindparam("ids", expanding=True)))


def stance_items(db: Reader, rows: Sequence[Row]) -> list[dict[str, Any]]:
    """StancePublic bodies from ``STANCE_COLUMNS`` rows."""
    return [
        {
            "id": stance_id,
            "claim_id": claim_id,
            "label": label,
            "holder": None if holder_id is None else {"id": holder_id, "name": name, "kind": kind},
            "attribution": attribution,
            "certainty": certainty,
            "provenance": provenance(source_id, start, end, quote, prefix, suffix),
            "version": version,
            "status": status,
            "status_reason": status_reason,
            "review_status": review_status,
        }
        for (
            stance_id,
            claim_id,
            label,
            holder_id,
            name,
            kind,
            attribution,
            certainty,
            source_id,
            start,
            end,
            quote,
            prefix,
            suffix,
            version,
            status,
            status_reason,
            review_status,
        ) in rows
    ]


def present(session: Session, stances: Sequence[Stance]) -> list[dict[str, Any]]:
    """The stances as StancePublic bodies, in the given order."""
    db = Reader.of(session)
    found = {row[0]: row for row in db.all(BY_ID, ids=[stance.id for stance in stances])}
    return stance_items(db, [found[stance.id] for stance in stances])


def present_positions(session: Session, stances: Sequence[Stance]) -> list[PositionPublic]:
    """Stances with the title of the source each stands in, in one more query."""
    titles = dict(
        session.exec(
            select(Source.id, Source.title).where(
                col(Source.id).in_({stance.source_id for stance in stances})
            )
        ).all()
    )
    return [
        PositionPublic(
            **public,
            source=SourceRef(id=stance.source_id, title=titles[stance.source_id]),
        )
        for stance, public in zip(stances, present(session, stances), strict=True)
    ]


def by_label(positions: Sequence[PositionPublic]) -> dict[str, list[PositionPublic]]:
    grouped: dict[str, list[PositionPublic]] = {label.value: [] for label in Label}
    for position in positions:
        grouped[position.label].append(position)
    return grouped


SORT_COLUMNS = {
    "id": [Stance.id],
    "position": [Stance.source_id, Stance.start, Stance.id],
    "claim_id": [Stance.claim_id, Stance.id],
}
FILTERS = ("claim_id", "source_id", "holder_id", "label", "attribution", "certainty")


def conditions(names: Sequence[str], active_only: bool) -> list[Any]:
    """The list's filters, each value a bind parameter named after its field."""
    found = [getattr(Stance, name) == bindparam(name) for name in names]
    return [*found, Stance.status == Status.active] if active_only else found


@cache
def facet_statement(facet: str, names: tuple[str, ...], active_only: bool) -> Any:
    """Counts of the filtered stances per value of ``facet``, built once per shape."""
    column = getattr(Stance, facet)
    return select(column, func.count()).where(*conditions(names, active_only)).group_by(column)


@cache
def page_statement(
    names: tuple[str, ...], active_only: bool, sort: str, descending: bool, after: bool
) -> Any:
    """One page of stances for this shape of request, built once."""
    return keyset_shape(
        stance_rows().where(*conditions(names, active_only)),
        [col(column) for column in SORT_COLUMNS[sort]],
        after=after,
        descending=descending,
    )


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
    values = {name: getattr(filters, name) for name in FILTERS if getattr(filters, name)}
    names, active_only = tuple(values), not filters.include_retracted
    field, descending = sort_key(filters.sort)
    positions = [STANCE_COLUMNS.index(column) for column in SORT_COLUMNS[field]]
    statement = page_statement(names, active_only, field, descending, filters.cursor is not None)
    values |= keyset_values(filters, [col(c) for c in SORT_COLUMNS[field]])

    def work(db: Reader) -> dict[str, Any]:
        facets = {}
        if filters.facets and not names and active_only:
            facets = stored_facets(db, STANCE_SCOPE, filters.facets)
        elif filters.facets:
            for facet in dict.fromkeys(filters.facets.split(",")):
                counts = db.all(facet_statement(facet, names, active_only), **values)
                facets[facet] = counted(counts)
        rows, cursor = page(
            db.all(statement, **values),
            filters,
            lambda row: [row[i] for i in positions],
            request,
            response,
        )
        return {"items": stance_items(db, rows), "next_cursor": cursor, "facets": facets}

    # facets count the whole filtered list: short when one claim's, source's or holder's
    # stances are counted, or the unfiltered counts read (kept by the writes)
    narrow = not names or bool({"claim_id", "source_id", "holder_id"} & set(names))
    heavy = filters.facets is not None and not (narrow and active_only)
    return json_response(await read(request, work, heavy=heavy), headers=response.headers)


def present_one(session: Session, stance: Stance) -> dict[str, Any]:
    return present(session, [stance])[0]


@router.get("/{stance_id}", responses=problems(404), summary="Get a stance")
def read_stance(stance: StanceDep, session: SessionDep, response: Response) -> StancePublic:
    """One stance with its holder and provenance (`quote == source.text[start:end]`)."""
    tag_version(response, stance.version)
    return present_one(session, stance)


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
            st := curation.create_stance(session=s, who=who.name, data=body),
            present_one(s, st),
        ),
    )
    created(response, f"/v1/stances/{public['id']}")
    return public


@router.patch("/{stance_id}", responses=WRITE_ERRORS, summary="Change a stance (JSON merge patch)")
def patch_stance(
    stance_id: str, body: StanceUpdate, request: Request, response: Response, who: Curator
) -> StancePublic:
    """Label, holder, attribution, certainty, review status or claim; the span stays (a new
    span is a new stance). Needs If-Match."""
    version = expected_version(request)
    return write(
        request,
        response,
        lambda s: (
            st := curation.update_stance(
                session=s, who=who.name, stance_id=stance_id, version=version, patch=body
            ),
            present_one(s, st),
        ),
    )


add_lifecycle(router, "stance", present_one, StancePublic)
