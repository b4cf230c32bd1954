"""Liveness and readiness probes."""

from fastapi import Request
from fastapi.routing import APIRoute
from pydantic import BaseModel, ConfigDict
from sqlalchemy.exc import SQLAlchemyError

from app import read_model
from app.core.db import current_revision, head_revision
from app.core.errors import ServiceUnavailable
from app.core.openapi import problems
from app.core.routing import ResourceRouter

# probes answer whoever asks, keys or none
router = ResourceRouter(tags=["health"], route_class=APIRoute)


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
    """The database answers, is migrated to the newest revision, and its stored bodies are
    of the current format."""
    try:
        current = current_revision(request.app.state.engine)
    except SQLAlchemyError as error:
        raise ServiceUnavailable(f"database unreachable: {type(error).__name__}") from error
    head = head_revision()
    if current != head:
        raise ServiceUnavailable(f"database is at revision {current}, not at head {head}")
    stored = read_model.stored_format(request.app.state.engine)
    if stored != read_model.FORMAT:
        raise ServiceUnavailable(
            f"the read model is of format {stored}, not {read_model.FORMAT}: run claimsdb migrate"
        )
    return Ready(status="ready", revision=current)
