"""Liveness touches no database; readiness wants a reachable database at the head revision."""

from fastapi.testclient import TestClient

from app.config import Settings
from app.core.db import downgrade, make_engine
from app.main import create_app
from tests.support import assert_problem


def test_healthz_needs_no_database(tmp_path) -> None:
    unreachable = f"sqlite:///{tmp_path}/missing/dir/never-created.db"
    app = create_app(Settings(database_url=unreachable))
    with TestClient(app) as client:
        assert client.get("/healthz").json() == {"status": "ok"}


def test_readyz_when_migrated(client: TestClient) -> None:
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["status"] == "ready"


def test_readyz_is_503_when_not_migrated(database_url: str) -> None:
    engine = make_engine(database_url)
    downgrade(engine, "base")
    engine.dispose()
    with TestClient(create_app(Settings(database_url=database_url))) as client:
        body = assert_problem(client.get("/readyz"), 503)
    assert "not at head" in body["detail"]


def test_readyz_is_503_when_unreachable() -> None:
    app = create_app(Settings(database_url="postgresql+psycopg://nobody@127.0.0.1:9/none"))
    with TestClient(app) as client:
        assert_problem(client.get("/readyz"), 503)
