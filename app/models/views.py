"""The shapes of the analyst views: contestation, an actor's positions, a source's outline."""

from pydantic import BaseModel, ConfigDict

from app.models.common import (
    Role,
)
from app.models.responses import (
    ACCEPTED,
    EXAMPLE_STANCE,
    ActorRef,
    ClaimPublic,
    ClaimRef,
    StancePublic,
)


class SourceRef(BaseModel):
    id: str
    title: str


class PositionPublic(StancePublic):
    """A stance together with the source it stands in."""

    source: SourceRef


class LabelCounts(BaseModel):
    supports: int = 0
    opposes: int = 0
    questions: int = 0
    neutral: int = 0


EXAMPLE_POSITION = {
    **EXAMPLE_STANCE,
    "source": {
        "id": "putin-kim-unity-pyongyang",
        "title": "Putin and Kim Jong Un's Show of Unity in Pyongyang",
    },
}
EXAMPLE_CLAIM = {
    "id": "russia-will-transfer-military-tech-to-nk",
    "text": "Russia will give North Korea advanced military technology in exchange for munitions.",
    "claim_type": "prediction",
    "topics": ["military-technology"],
    "status": "active",
    "status_reason": None,
    "actors": [{"id": "russia", "name": "Russia", "role": "subject"}],
    "version": 1,
    **ACCEPTED,
}


class Contestation(BaseModel):
    """Who supports, opposes, questions or stays neutral on one claim, with their quotes."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "claim": EXAMPLE_CLAIM,
                    "contested": True,
                    "counts": {"supports": 3, "opposes": 1, "questions": 1, "neutral": 0},
                    "supports": [],
                    "opposes": [EXAMPLE_POSITION],
                    "questions": [],
                    "neutral": [],
                }
            ]
        }
    )

    claim: ClaimPublic
    contested: bool
    counts: LabelCounts
    supports: list[PositionPublic]
    opposes: list[PositionPublic]
    questions: list[PositionPublic]
    neutral: list[PositionPublic]


class HeldClaim(BaseModel):
    claim: ClaimRef
    stances: list[PositionPublic]


class ClaimRole(BaseModel):
    claim: ClaimRef
    role: Role


class ActorPositions(BaseModel):
    """The claims an actor holds a stance on, grouped by label, and those it takes part in."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "actor": {"id": "andrei-lankov", "name": "Andrei Lankov", "kind": "person"},
                    "counts": {"supports": 0, "opposes": 1, "questions": 0, "neutral": 0},
                    "supports": [],
                    "opposes": [
                        {
                            "claim": {"id": EXAMPLE_CLAIM["id"], "text": EXAMPLE_CLAIM["text"]},
                            "stances": [EXAMPLE_POSITION],
                        }
                    ],
                    "questions": [],
                    "neutral": [],
                    "takes_part_in": [],
                }
            ]
        }
    )

    actor: ActorRef
    counts: LabelCounts
    supports: list[HeldClaim]
    opposes: list[HeldClaim]
    questions: list[HeldClaim]
    neutral: list[HeldClaim]
    takes_part_in: list[ClaimRole]


class OutlineEntry(BaseModel):
    """A claim as one source states it: where it first appears and every stance there."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"start": 3428, "claim": EXAMPLE_CLAIM, "stances": [EXAMPLE_STANCE]}]
        }
    )

    start: int
    claim: ClaimPublic
    stances: list[StancePublic]
