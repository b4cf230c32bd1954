"""A claim's evidence as a W3C Web Annotation collection (JSON-LD).

Each stance becomes an Annotation motivated by ``assessing``: its target is the exact span
of the source (both selectors), its bodies say the stance's label, the claim, and who holds
it. Ids are absolute URLs of this API, so the document stands on its own.
"""

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from app.models import Claim, StancePublic, selectors

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
MEDIA_TYPE = f'application/ld+json; profile="{ANNO_CONTEXT}"'


class TextualBody(BaseModel):
    type: str = "TextualBody"
    purpose: str
    value: str


class LinkBody(BaseModel):
    type: str = "SpecificResource"
    purpose: str = "linking"
    source: str


class Target(BaseModel):
    source: str
    selector: list[Any]


class Annotation(BaseModel):
    id: str
    type: str = "Annotation"
    motivation: str = "assessing"
    body: list[TextualBody | LinkBody]
    target: Target


class AnnotationPage(BaseModel):
    id: str
    type: str = "AnnotationPage"
    startIndex: int = 0
    items: list[Annotation]


class AnnotationCollection(BaseModel):
    model_config = ConfigDict(serialize_by_alias=True, populate_by_name=True)

    context: str = Field(default=ANNO_CONTEXT, alias="@context")
    id: str
    type: str = "AnnotationCollection"
    label: str
    total: int
    first: AnnotationPage


def collection(*, base_url: str, claim: Claim, stances: list[StancePublic]) -> AnnotationCollection:
    """The stances on ``claim`` as one collection whose single page holds them all."""
    claim_url = f"{base_url}/v1/claims/{claim.id}"
    items = []
    for stance in stances:
        p = stance.provenance
        holder = stance.holder.name if stance.holder else f"the author of {p.source_id}"
        items.append(
            Annotation(
                id=f"{base_url}/v1/stances/{stance.id}",
                body=[
                    TextualBody(purpose="assessing", value=stance.label),
                    TextualBody(purpose="describing", value=claim.text),
                    TextualBody(
                        purpose="tagging",
                        value=f"{holder} ({stance.attribution}, {stance.certainty})",
                    ),
                    LinkBody(source=claim_url),
                ],
                target=Target(
                    source=f"{base_url}/v1/sources/{p.source_id}",
                    selector=[
                        s.model_dump()
                        for s in selectors(p.start, p.end, p.quote, p.prefix, p.suffix)
                    ],
                ),
            )
        )
    return AnnotationCollection(
        id=f"{claim_url}/provenance",
        label=f"Evidence for the claim: {claim.text}",
        total=len(items),
        first=AnnotationPage(id=f"{claim_url}/provenance#page-1", items=items),
    )
