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


class SourcePage(AnnotationPage):
    """A page of a source's annotations, standing on its own: its context, the collection
    it is part of, and the next page's URL."""

    model_config = ConfigDict(serialize_by_alias=True, populate_by_name=True)

    context: str = Field(default=ANNO_CONTEXT, alias="@context")
    partOf: str
    startIndex: int | None = 0  # type: ignore[assignment]  # unknown past a cursor
    next: str | None = None


def stance_annotation(
    *,
    base_url: str,
    stance_id: str,
    source_id: str,
    claim_id: str,
    claim_text: str,
    label: str,
    holder: str | None,
    attribution: str,
    certainty: str,
    selector: list[Any],
) -> Annotation:
    """A stance as an Annotation assessing its claim at its span of the source."""
    holder = holder or f"the author of {source_id}"
    return Annotation(
        id=f"{base_url}/v1/stances/{stance_id}",
        body=[
            TextualBody(purpose="assessing", value=label),
            TextualBody(purpose="describing", value=claim_text),
            TextualBody(purpose="tagging", value=f"{holder} ({attribution}, {certainty})"),
            LinkBody(source=f"{base_url}/v1/claims/{claim_id}"),
        ],
        target=Target(source=f"{base_url}/v1/sources/{source_id}", selector=selector),
    )


def collection(*, base_url: str, claim: Claim, stances: list[StancePublic]) -> AnnotationCollection:
    """The stances on ``claim`` as one collection whose single page holds them all."""
    claim_url = f"{base_url}/v1/claims/{claim.id}"
    items = []
    for stance in stances:
        p = stance.provenance
        items.append(
            stance_annotation(
                base_url=base_url,
                stance_id=stance.id,
                source_id=p.source_id,
                claim_id=claim.id,
                claim_text=claim.text,
                label=stance.label,
                holder=stance.holder.name if stance.holder else None,
                attribution=stance.attribution,
                certainty=stance.certainty,
                selector=[
                    s.model_dump() for s in selectors(p.start, p.end, p.quote, p.prefix, p.suffix)
                ],
            )
        )
    return AnnotationCollection(
        id=f"{claim_url}/provenance",
        label=f"Evidence for the claim: {claim.text}",
        total=len(items),
        first=AnnotationPage(id=f"{claim_url}/provenance#page-1", items=items),
    )


def source_page(
    *,
    base_url: str,
    source_id: str,
    spans: list[dict[str, Any]],
    page_url: str,
    next_url: str | None,
    first: bool,
) -> SourcePage:
    """A page of a source's annotated spans (AnnotationPublic bodies) as W3C Annotations:
    a stance assesses its claim, a mention identifies its actor."""
    items = []
    for span in spans:
        if span["kind"] == "stance":
            holder = span["holder"]
            items.append(
                stance_annotation(
                    base_url=base_url,
                    stance_id=span["id"],
                    source_id=source_id,
                    claim_id=span["claim"]["id"],
                    claim_text=span["claim"]["text"],
                    label=span["label"],
                    holder=holder["name"] if holder else None,
                    attribution=span["attribution"],
                    certainty=span["certainty"],
                    selector=span["selector"],
                )
            )
            continue
        actor = span["actor"]
        items.append(
            Annotation(
                id=f"{base_url}/v1/mentions/{span['id']}",
                motivation="identifying",
                body=[
                    TextualBody(purpose="identifying", value=actor["name"]),
                    LinkBody(purpose="identifying", source=f"{base_url}/v1/actors/{actor['id']}"),
                ],
                target=Target(
                    source=f"{base_url}/v1/sources/{source_id}", selector=span["selector"]
                ),
            )
        )
    return SourcePage(
        id=page_url,
        partOf=f"{base_url}/v1/sources/{source_id}/annotations",
        startIndex=0 if first else None,
        next=next_url,
        items=items,
    )


PAGE_EXAMPLE = {
    "@context": ANNO_CONTEXT,
    "id": "http://127.0.0.1:8000/v1/sources/putin-kim-unity-pyongyang/annotations?limit=1",
    "type": "AnnotationPage",
    "startIndex": 0,
    "partOf": "http://127.0.0.1:8000/v1/sources/putin-kim-unity-pyongyang/annotations",
    "next": "http://127.0.0.1:8000/v1/sources/putin-kim-unity-pyongyang/annotations?limit=1"
    "&cursor=WzEwMCwxMDUsIm1lbnRpb24iLCJtbi1iMzIyMGZjZGVkODU4MDIzIl0",
    "items": [
        {
            "id": "http://127.0.0.1:8000/v1/mentions/mn-b3220fcded858023",
            "type": "Annotation",
            "motivation": "identifying",
            "body": [
                {"type": "TextualBody", "purpose": "identifying", "value": "Vladimir Putin"},
                {
                    "type": "SpecificResource",
                    "purpose": "identifying",
                    "source": "http://127.0.0.1:8000/v1/actors/vladimir-putin",
                },
            ],
            "target": {
                "source": "http://127.0.0.1:8000/v1/sources/putin-kim-unity-pyongyang",
                "selector": [
                    {"type": "TextPositionSelector", "start": 100, "end": 105},
                    {
                        "type": "TextQuoteSelector",
                        "exact": "Putin",
                        "prefix": "er to create posts and topics.\n\n",
                        "suffix": " and Kim Jong Un's Show of Unity",
                    },
                ],
            },
        }
    ],
}
