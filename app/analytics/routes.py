"""Analytics across the whole dataset: who agrees with whom."""

from functools import cache
from typing import Annotated, Any

from fastapi import Request, Response
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import bindparam
from sqlmodel import col, select

from app.analytics.candidates import with_candidates
from app.core.openapi import problems
from app.core.pagination import PageParams, keyset_shape, keyset_values, page
from app.core.query import QueryModel
from app.core.reader import Reader, json_response, read
from app.core.routing import ResourceRouter
from app.models import NO_NUL, Actor, AgreementPair, AgreementParty, Source
from app.read_model.agreement import AUTHOR_VOICE, By, pair_claims
from app.review.filters import INCLUDE_CANDIDATES

router = ResourceRouter(prefix="/v1/analytics", tags=["analytics"])


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


EXAMPLE_PAIR = {
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


class Agreement(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "by": "source",
                    "items": [EXAMPLE_PAIR],
                    "next_cursor": None,
                    "pairs": [EXAMPLE_PAIR],
                }
            ]
        }
    )

    by: By
    items: list[Pair]
    next_cursor: str | None
    pairs: list[Pair] = Field(
        description="The same pairs as `items`: the name this view used before it was paged.",
        deprecated=True,
    )


class AgreementParams(PageParams):
    by: Annotated[
        By,
        Field(
            description="`source`: compare articles; `holder`: compare the actors who hold "
            "stances (an article's own voice counts as a holder of its own, "
            "`author:<source id>`).",
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
    party: Annotated[
        str | None,
        Field(
            min_length=1,
            max_length=110,
            pattern=NO_NUL,
            description="Only the pairs of this source or holder, which comes first (`a`) in each.",
            examples=["andrei-lankov"],
        ),
    ] = None
    claims: Annotated[
        int,
        Field(
            ge=0,
            le=100,
            description="How many claim ids each pair lists in `shared_claims`, "
            "`agree_claims` and `disagree_claims` (the first by id); the counts are exact.",
            examples=[10],
        ),
    ] = 10
    include_candidates: Annotated[
        bool,
        Field(
            description=INCLUDE_CANDIDATES + " Counted when asked for: the work grows with "
            "the proposals awaiting review.",
            examples=[True],
        ),
    ] = False


PAIR_KEY = [col(AgreementPair.a), col(AgreementPair.b)]


@cache
def pairs_page(one_party: bool, after: bool) -> Any:
    """A page of stored pairs, in (a, b) order, built once per shape: every pair once
    (a < b), or the pairs of one party."""
    statement = select(
        AgreementPair.a,
        AgreementPair.b,
        AgreementPair.shared,
        AgreementPair.agree,
        AgreementPair.disagree,
    ).where(AgreementPair.kind == bindparam("kind"), AgreementPair.shared >= bindparam("min"))
    if one_party:
        statement = statement.where(AgreementPair.a == bindparam("party"))
    else:
        statement = statement.where(col(AgreementPair.a) < col(AgreementPair.b))
    return keyset_shape(statement, PAIR_KEY, after=after)


IDS = bindparam("ids", expanding=True)
PARTY_SIZES = select(AgreementParty.party, AgreementParty.claims).where(
    AgreementParty.kind == bindparam("kind"), col(AgreementParty.party).in_(IDS)
)
SOURCE_TITLES = select(Source.id, Source.title).where(col(Source.id).in_(IDS))
ACTOR_NAMES = select(Actor.id, Actor.name).where(col(Actor.id).in_(IDS))


def party_names(db: Reader, parties: set[str]) -> dict[str, str]:
    """Each party's name: a source's title, an actor's name, "author of" a source."""
    voices = {p for p in parties if p.startswith(AUTHOR_VOICE)}
    sources = {p.removeprefix(AUTHOR_VOICE) for p in voices}
    titles = dict(db.all(SOURCE_TITLES, ids=sorted(sources | (parties - voices))))
    names = {p: titles[p] for p in parties - voices if p in titles}
    names |= dict(db.all(ACTOR_NAMES, ids=sorted(parties - voices - names.keys())))
    for voice in voices:
        title = titles.get(voice.removeprefix(AUTHOR_VOICE))
        names[voice] = f"author of {title}" if title is not None else voice
    return names


@router.get(
    "/agreement", response_model=Agreement, responses=problems(422), summary="Pairwise agreement"
)
async def read_agreement(
    request: Request,
    response: Response,
    params: Annotated[AgreementParams, QueryModel(AgreementParams)],
) -> Response:
    """For each pair of sources (or holders): how many claims both address, and on how
    many they take the same side or opposite sides, with the first claims of each; paged
    in (a, b) order, or the pairs of one `party`."""
    values = {"kind": params.by.value, "min": params.min_shared, "party": params.party}
    values |= keyset_values(params, PAIR_KEY)
    statement = pairs_page(params.party is not None, params.cursor is not None)

    def work(db: Reader) -> dict[str, Any]:
        found = db.all(statement, **values)
        if params.include_candidates:
            after = [values["after_0"], values["after_1"]] if params.cursor is not None else None
            found = with_candidates(
                db,
                params.by,
                found,
                min_shared=params.min_shared,
                party=params.party,
                after=after,
                limit=params.limit + 1,
            )
        rows, cursor = page(found, params, lambda row: row[:2], request, response)
        parties = {party for row in rows for party in row[:2]}
        names = party_names(db, parties)
        sizes = dict(db.all(PARTY_SIZES, kind=params.by.value, ids=sorted(parties)))
        items = []
        for a, b, *totals in rows:
            shared, agree, disagree = pair_claims(
                db, params.by, (a, b), totals, params.claims, sizes, params.include_candidates
            )
            items.append(
                {
                    "a": {"id": a, "name": names.get(a, a)},
                    "b": {"id": b, "name": names.get(b, b)},
                    "shared": totals[0],
                    "agree": totals[1],
                    "disagree": totals[2],
                    "shared_claims": shared,
                    "agree_claims": agree,
                    "disagree_claims": disagree,
                }
            )
        return {"by": params.by.value, "items": items, "next_cursor": cursor, "pairs": items}

    return json_response(await read(request, work, heavy=True), headers=response.headers)
