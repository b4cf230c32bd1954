"""Schemathesis: every operation of the OpenAPI schema, fuzzed in-process on the seeded
data with an admin key, so that writes run too, on SQLite and PostgreSQL.

Whatever is sent (valid, invalid, or valid by the schema and wrong for the data): never a
5xx; every 4xx a problem+json; a write refused changes nothing (no half-applied write),
and one accepted is in the change feed; each response is one the schema documents. The
read model is checked against the tables after the run (tests/conftest.py).

Run time: EXAMPLES (25) cases per operation, 49 operations, on each engine: 2 min 41 s for
both on a 2-core machine that other jobs kept busy.
"""

from collections.abc import Callable, Iterator
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import (
    missing_required_header,
    negative_data_rejection,
    positive_data_acceptance,
)
from sqlalchemy import text

from app.config import Settings
from app.core.db import make_engine
from app.main import create_app
from tests.conftest import SEEDS, bearer

EXAMPLES = 25
WRITES = ("POST", "PATCH", "PUT", "DELETE")
CURATED = ("source", "actor", "claim", "stance", "mention")
# what every write could change: a refused one must leave all of it as it was
FINGERPRINT = text(
    " UNION ALL ".join(
        [
            *(
                f"SELECT '{table}', count(*), coalesce(sum(version), 0) FROM {table}"
                for table in CURATED
            ),
            *(
                f"SELECT '{table}', count(*), 0 FROM {table}"
                for table in (
                    "actor_alias",
                    "claim_topic",
                    "claim_actor",
                    "actor_redirect",
                    "passage",
                    "claim_json",
                    "annotation_json",
                    "api_key",
                )
            ),
            "SELECT 'change', count(*), coalesce(max(seq), 0) FROM change",
            "SELECT 'revoked', count(revoked_at), 0 FROM api_key",
        ]
    )
)


def seeded_schema(database_url: str) -> schemathesis.schemas.BaseSchema:
    # thousands of requests from one client: the per-address limits have tests of their own
    settings = Settings(
        database_url=database_url,
        seeds_dir=SEEDS,
        anonymous_rate_limit_per_minute=0,
        failed_key_limit_per_minute=0,
        rate_limit_per_minute=0,
    )
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(settings))


@pytest.fixture
def api_schema(database_url: str) -> schemathesis.schemas.BaseSchema:
    return seeded_schema(database_url)


@pytest.fixture
def fingerprint(database_url: str) -> Iterator[Callable[[], dict[str, tuple[int, int]]]]:
    engine = make_engine(database_url)

    def taken() -> dict[str, tuple[int, int]]:
        with engine.connect() as connection:
            return {name: (rows, total) for name, rows, total in connection.execute(FINGERPRINT)}

    yield taken
    engine.dispose()


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_no_request_fails_the_server_or_half_applies(
    case: schemathesis.Case,
    tokens: dict[str, str],
    fingerprint: Callable[[], dict[str, tuple[int, int]]],
) -> None:
    if case.headers and len(case.headers.get("If-Match", "")) % 2 == 0:
        # half the writes name the current version, so that they get past If-Match and
        # change the data; the other half try what the generated If-Match says
        case.headers["If-Match"] = "*"
    write = case.method.upper() in WRITES
    before = fingerprint() if write else {}
    response = case.call(headers=bearer(tokens["admin"]))
    where = f"{case.method.upper()} {case.formatted_path} {case.query} {case.body!r:.300}"
    assert response.status_code < 500, f"{where}: {response.text[:500]}"
    if response.status_code >= 400:
        assert_problem_json(response, where)
    if write:
        after = fingerprint()
        if response.status_code >= 300:
            assert after == before, f"{where}: refused with {response.status_code}, but stored"
        elif not case.path.startswith("/v1/keys"):  # keys are not curated records
            assert after["change"][1] > before["change"][1], f"{where}: not in the feed"
    # a write without its If-Match is a 428 (RFC 6585), which this check does not know
    excluded = [negative_data_rejection, missing_required_header]
    if write or refused_by_design(response):
        # A write valid by the schema may still be wrong for the data (an id taken, a quote
        # not in the text, a stale If-Match), and a schema-valid cursor or search query may
        # not be one this API returned or can parse: refused with a problem, as checked.
        # A query string has no types: "negative" `publisher=false` is the string "false".
        excluded.append(positive_data_acceptance)
    case.validate_response(response, excluded_checks=excluded)


def assert_problem_json(response: Any, where: str) -> None:
    assert response.headers["content-type"][0].startswith("application/problem+json"), where
    body = response.json()
    assert {"type", "title", "status", "detail"} <= body.keys(), where
    assert body["status"] == response.status_code, where
    assert "Traceback" not in response.text, where


def refused_by_design(response: Any) -> bool:
    """A 422 for a value the schema cannot describe: an opaque cursor or `since` this API
    did not return, search syntax ("the" alone, a lone "*": tests/test_search.py), or
    parameters valid alone and refused together (`include_candidates` with
    `sort=stance_count`: tests/test_review_rules.py)."""
    if response.status_code != 422:
        return False
    errors = response.json().get("errors") or []
    return bool(errors) and all(
        e["field"] in ("cursor", "since")
        or (e["field"], e["type"]) == ("q", "search_syntax")
        or e["type"] == "unsupported_combination"
        for e in errors
    )
