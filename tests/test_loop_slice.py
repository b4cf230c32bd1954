"""A read on the event loop gets a slice of it (CLAIMSDB_LOOP_READ_MS): one that must scan
to find its few matches is stopped at the slice's end and runs again on the read pool, so
that it holds the other requests of its worker back for a slice, not for seconds. What it
answers does not change (app/core/reader.py, ``LoopReads``; the unit tests of the slice
on both engines are in tests/test_reader.py)."""

import orjson
import pytest
from fastapi.testclient import TestClient
from prometheus_client import REGISTRY

from app.config import Settings
from app.main import create_app
from bench.generate import generate

# filters each common, their conjunction rare: found by walking every claim in sort order
SCANS = [
    "/v1/claims?topic=summit&claim_type=recommendation&label=questions&sort=-text",
    "/v1/claims?claim_type=recommendation&label=questions&contested=true&sort=-text",
]
QUICK = ["/v1/claims?limit=5", "/v1/stances?limit=5"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> str:
    """20,000 claims: a scan of them outlasts a slice of a millisecond."""
    url = f"sqlite:///{tmp_path_factory.mktemp('slice') / 'corpus.db'}"
    generate(database_url=url, claims=20_000, seed=7, quiet=True)
    return url


def moved() -> float:
    return REGISTRY.get_sample_value("claimsdb_loop_reads_moved_total") or 0.0


def answers(corpus: str, slice_ms: int, paths: list[str]) -> tuple[list[tuple[int, bytes]], float]:
    """Each path's status and body, and how many reads moved off the loop meanwhile."""
    app = create_app(Settings(database_url=corpus, loop_read_ms=slice_ms))
    with TestClient(app) as client:
        before = moved()
        found = [(r.status_code, r.content) for r in map(client.get, paths)]
        return found, moved() - before


def test_a_read_that_scans_moves_off_the_loop_and_answers_the_same(corpus: str) -> None:
    unlimited, none_moved = answers(corpus, 0, SCANS)
    sliced, all_moved = answers(corpus, 1, SCANS)
    assert (none_moved, all_moved) == (0, len(SCANS))
    assert sliced == unlimited
    assert all(status == 200 for status, _ in sliced)
    assert orjson.loads(sliced[0][1])["items"]  # a few matches, found at the walk's end


def test_a_short_read_stays_on_the_loop(corpus: str) -> None:
    found, moved_off = answers(corpus, 100, QUICK)
    assert moved_off == 0
    assert all(status == 200 for status, _ in found)
