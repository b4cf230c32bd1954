"""Claims: self-contained propositions, with who takes part and who holds which stance."""

from typing import Annotated, Any

import orjson
from fastapi import Depends, Request, Response
from fastapi.responses import JSONResponse
from pydantic import Field
from sqlmodel import Session, select

from app import read_model
from app.audit.lifecycle import CREATE_ERRORS, WRITE_ERRORS, add_lifecycle, created, write
from app.claims import service
from app.claims.queries import (
    claims_page,
    present,
)
from app.core.auth import Curator
from app.core.caching import expected_version
from app.core.db import SessionDep
from app.core.errors import NotFound
from app.core.negotiation import JSON_LD, VARY, wants_linked_data
from app.core.openapi import problems
from app.core.pagination import (
    PageParams,
    next_page_link,
    sort_type,
)
from app.core.query import QueryModel
from app.core.reader import Reader, json_response, linked_data_response, read
from app.core.routing import ResourceRouter
from app.core.urls import base_url
from app.exports import linked_data
from app.exports.stream import Resource, add_export
from app.models import (
    EXAMPLE_STANCE,
    Claim,
    ClaimCreate,
    ClaimDetail,
    ClaimPublic,
    ClaimType,
    ClaimUpdate,
    Contestation,
    FacetedPage,
    Label,
    LabelCounts,
    Slug,
    Stance,
    StancePublic,
    Status,
    Topic,
)
from app.read_model.facets import CLAIM_FACETS, facet_pattern
from app.review.filters import (
    INCLUDE_CANDIDATES,
    IncludeCandidatesQuery,
    ReviewFilter,
    counted,
    shown,
)
from app.review.lifecycle import add_review
from app.search.language import TextQuery
from app.sources import webannotation
from app.stances import queries as stances

router = ResourceRouter(prefix="/v1/claims", tags=["claims"])


def get_claim(session: SessionDep, claim_id: str) -> Claim:
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise NotFound(f"no claim with id {claim_id!r}")
    return claim


ClaimDep = Annotated[Claim, Depends(get_claim)]


class ClaimFilters(PageParams):
    include_retracted: Annotated[
        bool, Field(description="Show retracted records too.", examples=[True])
    ] = False
    q: TextQuery = None
    source_id: Annotated[
        Slug | None,
        Field(
            description="Claims with a stance in this source.",
            examples=["kim-alliance-counter-china"],
        ),
    ] = None
    actor_id: Annotated[
        Slug | None,
        Field(
            description="Claims the actor takes part in or holds a stance on.",
            examples=["china"],
        ),
    ] = None
    holder_id: Annotated[
        Slug | None,
        Field(description="Claims on which this actor holds a stance.", examples=["andrei-lankov"]),
    ] = None
    label: Annotated[
        Label | None,
        Field(
            description="Claims with a stance of this label; with `source_id` or `holder_id`, "
            "the same stance must match them all.",
            examples=["opposes"],
        ),
    ] = None
    claim_type: Annotated[ClaimType | None, Field(examples=["prediction"])] = None
    topic: Annotated[Topic | None, Field(examples=["munitions"])] = None
    contested: Annotated[
        bool | None,
        Field(
            description="`true`: claims with stances on both sides (supports and opposes); "
            "`false`: claims without.",
            examples=[True],
        ),
    ] = None
    review_status: ReviewFilter = None
    include_candidates: Annotated[
        bool,
        Field(
            description=INCLUDE_CANDIDATES + " Not with `sort=stance_count` (422), whose "
            "order comes from each claim's kept count of accepted stances.",
            examples=[True],
        ),
    ] = False
    sort: sort_type(("id", "text", "claim_type", "stance_count")) = "id"
    facets: Annotated[
        str | None,
        Field(
            pattern=facet_pattern(CLAIM_FACETS),
            max_length=200,
            description="Comma-separated facets to count over the whole filtered list: "
            + ", ".join(f"`{name}`" for name in CLAIM_FACETS)
            + ".",
            examples=["claim_type,topic,source_id,label,holder_id"],
        ),
    ] = None


@router.get(
    "",
    response_model=FacetedPage[ClaimPublic],
    responses=problems(422),
    summary="List claims",
)
async def list_claims(
    request: Request, response: Response, filters: Annotated[ClaimFilters, QueryModel(ClaimFilters)]
) -> Response:
    """Claims with topics and actors, in `sort` order (id by default); filters combine
    with AND; `facets` adds counts per value over the whole filtered list."""
    postgres = request.app.state.engine.dialect.name != "sqlite"
    work, heavy = claims_page(filters, postgres=postgres)
    found = await read(request, work, heavy=heavy)
    found["items"] = [orjson.Fragment(body) for body in found["items"]]
    next_page_link(request, response, found["next_cursor"])
    return json_response(found, headers=response.headers)


@router.get(
    "/{claim_id}",
    response_model=ClaimDetail,
    responses={
        200: {
            "description": "The claim; with `Accept: application/ld+json`, a schema.org Claim.",
            "content": {JSON_LD: {"example": linked_data.EXAMPLE}},
        },
        **problems(404, 406),
    },
    summary="Get a claim with its stances",
)
async def read_claim(claim_id: str, request: Request) -> Response:
    """The claim with its actors and every stance on it, each with holder and provenance,
    in source and text order; as schema.org JSON-LD (a `Claim` with its `appearance`s)
    with `Accept: application/ld+json`."""

    if wants_linked_data(request):
        url = base_url(request)
        document = await read(
            request, lambda db: linked_data.claim_document(db, base_url=url, claim_id=claim_id)
        )
        if document is None:
            raise NotFound(f"no claim with id {claim_id!r}")
        return linked_data_response(document, VARY)

    # a hot path: no ClaimDep, so that the lookup and the stances share one transaction
    def work(db: Reader) -> dict[str, Any]:
        found = read_model.stored_claims(db, [claim_id])
        if not found:
            raise NotFound(f"no claim with id {claim_id!r}")
        (claim,) = found
        claim["stances"] = stances.stance_items(db, db.all(stances.OF_CLAIM, claim_id=claim_id))
        return claim

    claim = await read(request, work)
    return json_response(claim, version=claim["version"], headers=VARY)


def present_one(session: Session, claim: Claim) -> dict[str, Any]:
    return present(session, [claim])[0]


@router.post("", status_code=201, responses=CREATE_ERRORS, summary="Create a claim")
def create_claim(
    body: ClaimCreate, request: Request, response: Response, who: Curator
) -> ClaimPublic:
    """A new claim with its topics and actors; it needs a stance to have provenance."""
    created(response, f"/v1/claims/{body.id}")
    return write(
        request,
        response,
        lambda s: (
            c := service.create_claim(session=s, who=who.name, data=body),
            present_one(s, c),
        ),
    )


@router.patch("/{claim_id}", responses=WRITE_ERRORS, summary="Change a claim (JSON merge patch)")
def patch_claim(
    claim_id: str, body: ClaimUpdate, request: Request, response: Response, who: Curator
) -> ClaimPublic:
    """Fields given replace the claim's (`topics` and `actors` as whole lists). Needs If-Match."""
    version = expected_version(request)
    return write(
        request,
        response,
        lambda s: (
            c := service.update_claim(
                session=s, who=who.name, claim_id=claim_id, version=version, patch=body
            ),
            present_one(s, c),
        ),
    )


@router.get(
    "/{claim_id}/contestation",
    responses=problems(404, 422),
    summary="Who supports, opposes, questions a claim",
)
def read_contestation(
    claim: ClaimDep,
    session: SessionDep,
    include_candidates: IncludeCandidatesQuery = False,
) -> Contestation:
    """Every accepted stance on the claim (candidates too, if asked) grouped by label,
    each with holder, source and quote; `contested` is true when the claim has stances on
    both sides."""
    (public,) = present(session, [claim])
    found = session.exec(
        select(Stance)
        .where(
            Stance.claim_id == claim.id,
            Stance.status == Status.active,
            counted(Stance.review_status, include_candidates),
        )
        .order_by(Stance.source_id, Stance.start)
    ).all()
    grouped = stances.by_label(stances.present_positions(session, found))
    counts = LabelCounts(**{label: len(items) for label, items in grouped.items()})
    return Contestation(
        claim=public,
        contested=bool(counts.supports and counts.opposes),
        counts=counts,
        **grouped,
    )


class JSONLDResponse(JSONResponse):
    media_type = webannotation.MEDIA_TYPE


PROVENANCE_EXAMPLE = {
    "@context": webannotation.ANNO_CONTEXT,
    "id": "http://127.0.0.1:8000/v1/claims/russia-will-transfer-military-tech-to-nk/provenance",
    "type": "AnnotationCollection",
    "label": "Evidence for the claim: Russia will give North Korea advanced military "
    "technology in exchange for munitions.",
    "total": 1,
    "first": {
        "id": "http://127.0.0.1:8000/v1/claims/russia-will-transfer-military-tech-to-nk/"
        "provenance#page-1",
        "type": "AnnotationPage",
        "startIndex": 0,
        "items": [
            {
                "id": "http://127.0.0.1:8000/v1/stances/st-f0b734bc890fa704",
                "type": "Annotation",
                "motivation": "assessing",
                "body": [
                    {"type": "TextualBody", "purpose": "assessing", "value": "opposes"},
                    {
                        "type": "TextualBody",
                        "purpose": "tagging",
                        "value": "Andrei Lankov (reported, probable)",
                    },
                ],
                "target": {
                    "source": "http://127.0.0.1:8000/v1/sources/putin-kim-unity-pyongyang",
                    "selector": EXAMPLE_STANCE["provenance"]["selector"],
                },
            }
        ],
    },
}


@router.get(
    "/{claim_id}/provenance",
    response_class=JSONLDResponse,
    responses={
        200: {"content": {webannotation.MEDIA_TYPE: {"example": PROVENANCE_EXAMPLE}}},
        **problems(404),
    },
    summary="A claim's evidence as W3C Web Annotations (JSON-LD)",
)
def read_provenance(
    claim: ClaimDep, session: SessionDep, request: Request
) -> webannotation.AnnotationCollection:
    """Every stance on the claim as a W3C Web Annotation whose target is the exact span of
    its source, gathered in an AnnotationCollection."""
    found = session.exec(
        select(Stance)
        .where(
            Stance.claim_id == claim.id,
            Stance.status == Status.active,
            shown(Stance.review_status),
        )
        .order_by(Stance.source_id, Stance.start)
    ).all()
    return webannotation.collection(
        base_url=base_url(request),
        claim=claim,
        stances=[StancePublic.model_validate(s) for s in stances.present(session, found)],
    )


add_lifecycle(router, "claim", present_one, ClaimPublic)
add_review(router, "claim", present_one, ClaimPublic, ClaimUpdate, service.update_claim)

add_export(
    Resource(
        "claims",
        ClaimFilters,
        ClaimPublic,
        lambda filters, postgres: claims_page(filters, postgres=postgres)[0],
    )
)
