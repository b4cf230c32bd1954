"""API keys over HTTP: an admin's business."""

from datetime import UTC, datetime
from typing import Annotated

from fastapi import Request, Response
from fastapi.routing import APIRoute
from pydantic import BaseModel, ConfigDict, Field
from sqlmodel import Session, select

from app.core.auth import Admin, create_key
from app.core.db import run_write
from app.core.errors import Conflict, NotFound
from app.core.openapi import problems
from app.core.routing import ResourceRouter
from app.models import ApiKey, Name, Scope, Timestamp

# every route asks for an admin itself
router = ResourceRouter(prefix="/v1/keys", tags=["keys"], route_class=APIRoute)
ERRORS = problems(400, 401, 403, 422, 429)


class KeyInput(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Annotated[Name, Field(examples=["analyst-anna"])]
    scope: Annotated[Scope, Field(examples=["curate"])]


class KeyPublic(BaseModel):
    """A key as listed: never its secret."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "3f9a1c0b7d2e",
                    "name": "analyst-anna",
                    "scope": "curate",
                    "created_at": "2026-11-22T10:00:00Z",
                    "revoked_at": None,
                }
            ]
        }
    )

    id: str
    name: str
    scope: Scope
    created_at: Timestamp
    revoked_at: Timestamp | None


class NewKey(KeyPublic):
    """A new key, with the token: shown this once, stored only as a digest."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "3f9a1c0b7d2e",
                    "name": "analyst-anna",
                    "scope": "curate",
                    "created_at": "2026-11-22T10:00:00Z",
                    "revoked_at": None,
                    "token": "cdb_3f9a1c0b7d2e_8vJ0kq...",
                }
            ]
        }
    )

    token: str


def public(key: ApiKey) -> KeyPublic:
    return KeyPublic.model_validate(key, from_attributes=True)


@router.get("", responses=ERRORS, summary="List API keys")
def list_keys(request: Request, _admin: Admin) -> list[KeyPublic]:
    """Every key with its name, scope and state; never a secret."""
    with Session(request.app.state.engine) as session:
        return [public(k) for k in session.exec(select(ApiKey).order_by(ApiKey.name)).all()]


@router.post("", responses=ERRORS | problems(409), status_code=201, summary="Create an API key")
def make_key(body: KeyInput, request: Request, _admin: Admin) -> NewKey:
    """A new key; the response holds its token, which is never shown again."""

    def work(session: Session) -> NewKey:
        if session.exec(select(ApiKey).where(ApiKey.name == body.name)).first():
            raise Conflict(f"a key named {body.name!r} exists already")
        key, token = create_key(session=session, name=body.name, scope=body.scope)
        session.flush()
        return NewKey(**public(key).model_dump(), token=token)

    return run_write(request.app.state.engine, work)


@router.delete("/{name}", responses=ERRORS | problems(404), summary="Revoke an API key")
def revoke_key(name: str, request: Request, response: Response, _admin: Admin) -> KeyPublic:
    """The key stops working at once; it stays listed, revoked."""

    def work(session: Session) -> KeyPublic:
        key = session.exec(select(ApiKey).where(ApiKey.name == name)).first()
        if key is None:
            raise NotFound(f"no key named {name!r}")
        key.revoked_at = key.revoked_at or datetime.now(UTC)
        return public(key)

    return run_write(request.app.state.engine, work)
