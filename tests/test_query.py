"""Query models validated in one call (app/core/query.py): the same errors, the same documents."""

from typing import Annotated

import pytest
from fastapi import FastAPI, Query
from fastapi.testclient import TestClient

from app.claims.routes import ClaimFilters
from app.config import Settings
from app.main import create_app
from app.sources.routes import AnnotationParams
from app.stances.routes import StanceFilters
from tests.support import assert_problem

MODELS = [
    ("/v1/claims", ClaimFilters),
    ("/v1/stances", StanceFilters),
    ("/v1/sources/{source_id}/annotations", AnnotationParams),
]


def fastapi_parameters(model: type, path: str) -> list[dict[str, object]]:
    """What FastAPI itself documents for ``Query()`` of ``model`` on ``path``."""
    reference = FastAPI()
    if "{source_id}" in path:

        @reference.get(path)
        def with_id(source_id: str, params: Annotated[model, Query()]) -> None:  # type: ignore[valid-type]
            pass

    else:

        @reference.get(path)
        def without_id(params: Annotated[model, Query()]) -> None:  # type: ignore[valid-type]
            pass

    return reference.openapi()["paths"][path]["get"]["parameters"]


@pytest.mark.parametrize(("path", "model"), MODELS)
def test_documented_parameters_are_fastapis_own(path: str, model: type) -> None:
    # the document needs no database: an in-memory one is never touched
    operation = create_app(Settings(database_url="sqlite://")).openapi()["paths"][path]["get"]
    assert operation["parameters"] == fastapi_parameters(model, path)
    assert {p["name"] for p in operation["parameters"] if p["in"] == "query"} == set(
        model.model_fields
    )


def test_every_bad_parameter_is_named_at_once(client: TestClient) -> None:
    response = client.get("/v1/claims", params={"limit": 0, "label": "maybe", "colour": "red"})
    body = assert_problem(response, 422, field="limit")
    named = {(error["field"], error["location"]) for error in body["errors"]}
    assert named == {("limit", "query"), ("label", "query"), ("colour", "query")}


def test_values_are_typed_from_the_query_string(client: TestClient) -> None:
    contested = client.get("/v1/claims", params={"contested": "true", "limit": "500"}).json()
    assert contested["items"]
    everything = client.get("/v1/claims", params={"limit": 500}).json()["items"]
    assert len(contested["items"]) < len(everything)
    ids = {claim["id"] for claim in contested["items"]}
    assert ids == {
        claim["id"]
        for claim in everything
        if {"supports", "opposes"}
        <= {s["label"] for s in client.get(f"/v1/claims/{claim['id']}").json()["stances"]}
    }
