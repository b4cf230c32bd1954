"""Liveness and readiness probes."""

from fastapi import Request
from pydantic import BaseModel, ConfigDict
from sqlalchemy.exc import SQLAlchemyError

from app.db import current_revision, head_revision
from app.errors import ServiceUnavailable, problems
from app.routes import ResourceRouter

router = ResourceRouter(tags=["health"])


class Health(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"status": "ok"}]})

    status: str


class Ready(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"status": "ready", "revision": "0002"}]}
    )

    status: str
    revision: str


@router.get("/healthz", summary="Liveness")
def healthz() -> Health:
    """The process is up. Touches no database."""
    return Health(status="ok")


@router.get("/readyz", responses=problems(503), summary="Readiness")
def readyz(request: Request) -> Ready:
    """The database answers and is migrated to the newest revision."""
    try:
        current = current_revision(request.app.state.engine)
    except SQLAlchemyError as error:
        raise ServiceUnavailable(f"database unreachable: {type(error).__name__}") from error
    head = head_revision()
    if current != head:
        raise ServiceUnavailable(f"database is at revision {current}, not at head {head}")
    return Ready(status="ready", revision=current)
