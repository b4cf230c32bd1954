"""A source's annotations as a reader highlights them: every stance and mention span."""

from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from app.models.common import (
    Attribution,
    Certainty,
    Label,
)
from app.models.provenance import Selector
from app.models.responses import ActorRef, ClaimRef


class AnnotationKind(StrEnum):
    stance = "stance"
    mention = "mention"


class AnnotationPublic(BaseModel):
    """One highlightable span: a stance (with its claim) or a mention (with its actor)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "kind": "mention",
                    "id": "mn-0c3a4f5e6d7b8a91",
                    "start": 206,
                    "end": 211,
                    "quote": "China",
                    "selector": [
                        {"type": "TextPositionSelector", "start": 206, "end": 211},
                        {
                            "type": "TextQuoteSelector",
                            "exact": "China",
                            "prefix": "a calculated move to counter ",
                            "suffix": "\u2019s strategy, disrupt Beijing\u2019s do",
                        },
                    ],
                    "actor": {"id": "china", "name": "China", "kind": "state"},
                    "claim": None,
                    "label": None,
                    "holder": None,
                    "attribution": None,
                    "certainty": None,
                }
            ]
        }
    )

    kind: AnnotationKind
    id: str
    start: int
    end: int
    quote: str
    selector: list[Selector]
    actor: ActorRef | None = None
    claim: ClaimRef | None = None
    label: Label | None = None
    holder: ActorRef | None = None
    attribution: Attribution | None = None
    certainty: Certainty | None = None
