"""Review: what the annotation pipeline proposes, beside what people wrote (issue 22)."""

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select, update
from sqlmodel import SQLModel

from app.models import Actor, Claim, Mention, Stance
from tests.support import rebuild_read_model

PIPELINE = "claimsdb-ingest@1.0+test"
SUGGESTED = [{"id": "nk-supplies-munitions-to-russia", "score": 0.82}]


def mark_proposed(engine: Engine, table: type[SQLModel], **values: Any) -> str:
    """Turn the first row of ``table`` into a proposal, as the pipeline would have stored it."""
    with engine.begin() as connection:
        row_id = connection.execute(select(func.min(table.id))).scalar_one()  # type: ignore[attr-defined]
        connection.execute(
            update(table)
            .where(table.id == row_id)  # type: ignore[attr-defined]
            .values(review_status="candidate", extracted_by=PIPELINE, confidence=0.75, **values)
        )
    return row_id


def test_responses_show_the_review_fields(client: TestClient, engine: Engine) -> None:
    ids = {
        "claims": mark_proposed(engine, Claim),
        "stances": mark_proposed(engine, Stance, suggested_claims=SUGGESTED),
        "mentions": mark_proposed(engine, Mention),
        "actors": mark_proposed(engine, Actor),
    }
    rebuild_read_model(engine)
    proposed = {"review_status": "candidate", "extracted_by": PIPELINE, "confidence": 0.75}
    for resource, resource_id in ids.items():
        body = client.get(f"/v1/{resource}/{resource_id}").json()
        assert {key: body[key] for key in proposed} == proposed, resource
    stance = client.get(f"/v1/stances/{ids['stances']}").json()
    assert stance["suggested_claims"] == SUGGESTED
    listed = client.get("/v1/stances", params={"claim_id": stance["claim_id"]}).json()["items"]
    assert [s for s in listed if s["id"] == stance["id"]] == [stance]

    # what people wrote is accepted, made by no pipeline, and suggests nothing
    other = client.get("/v1/stances", params={"limit": 2}).json()["items"]
    written = next(s for s in other if s["id"] != stance["id"])
    assert (written["review_status"], written["extracted_by"], written["confidence"]) == (
        "accepted",
        None,
        None,
    )
    assert written["suggested_claims"] == []
