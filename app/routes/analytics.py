"""Analytics across the whole dataset: who agrees with whom."""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field
from sqlmodel import select

from app.db import SessionDep
from app.errors import problems
from app.models import Actor, Source, Stance, Status
from app.query import QueryModel
from app.routes import ResourceRouter
from app.services.agreement import By, StanceFact, agreement

router = ResourceRouter(prefix="/v1/analytics", tags=["analytics"])

# the article's own voice has no holder: it is the voice of its source
AUTHOR_VOICE = "author:"


class Party(BaseModel):
    id: str
    name: str


class Pair(BaseModel):
    a: Party
    b: Party
    shared: int
    agree: int
    disagree: int
    shared_claims: list[str]
    agree_claims: list[str]
    disagree_claims: list[str]


class Agreement(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "by": "source",
                    "pairs": [
                        {
                            "a": {
                                "id": "kim-alliance-counter-china",
                                "name": "Why Kim Jong-un Formed a Military Alliance with Russia",
                            },
                            "b": {
                                "id": "putin-kim-unity-pyongyang",
                                "name": "Putin and Kim Jong Un's Show of Unity in Pyongyang",
                            },
                            "shared": 8,
                            "agree": 2,
                            "disagree": 5,
                            "shared_claims": ["nk-russia-alliance-strategic-masterstroke"],
                            "agree_claims": ["nk-russia-mutual-need"],
                            "disagree_claims": ["nk-russia-alliance-strategic-masterstroke"],
                        }
                    ],
                }
            ]
        }
    )

    by: By
    pairs: list[Pair]


class AgreementParams(BaseModel):
    model_config = ConfigDict(extra="forbid")

    by: Annotated[
        By,
        Field(
            description="`source`: compare articles; `holder`: compare the actors who hold "
            "stances (an article's own voice counts as a holder of its own).",
            examples=["source"],
        ),
    ] = By.source
    min_shared: Annotated[
        int,
        Field(
            ge=1,
            le=10_000,
            description="Only pairs sharing at least this many claims.",
            examples=[2],
        ),
    ] = 1


@router.get("/agreement", responses=problems(422), summary="Pairwise agreement")
def read_agreement(
    session: SessionDep, params: Annotated[AgreementParams, QueryModel(AgreementParams)]
) -> Agreement:
    """For each pair of sources (or holders): the claims both address, and on how many
    they take the same side or opposite sides."""
    rows = session.exec(
        select(Stance.source_id, Stance.holder_id, Stance.claim_id, Stance.label).where(
            Stance.status == Status.active
        )
    ).all()
    if params.by is By.source:
        facts = [StanceFact(source_id, claim_id, label) for source_id, _, claim_id, label in rows]
        names = dict(session.exec(select(Source.id, Source.title)).all())
    else:
        facts = [
            StanceFact(holder_id or AUTHOR_VOICE + source_id, claim_id, label)
            for source_id, holder_id, claim_id, label in rows
        ]
        names = dict(session.exec(select(Actor.id, Actor.name)).all())
        for source_id, title in session.exec(select(Source.id, Source.title)).all():
            names[AUTHOR_VOICE + source_id] = f"author of {title}"
    pairs = [
        Pair(
            a=Party(id=pair.a, name=names[pair.a]),
            b=Party(id=pair.b, name=names[pair.b]),
            shared=len(pair.shared),
            agree=len(pair.agree),
            disagree=len(pair.disagree),
            shared_claims=pair.shared,
            agree_claims=pair.agree,
            disagree_claims=pair.disagree,
        )
        for pair in agreement(facts)
        if len(pair.shared) >= params.min_shared
    ]
    return Agreement(by=params.by, pairs=pairs)
