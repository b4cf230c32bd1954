"""What every curated resource shares: retract (DELETE), purge (DELETE ?hard=true, admin),
restore, and its history; added to each resource's router by ``add_lifecycle``."""

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Request, Response
from fastapi import Path as PathParam
from pydantic import BaseModel, ConfigDict, Field
from sqlmodel import Session, col, select

from app.audit import service
from app.core.auth import Curator
from app.core.caching import expected_version, tag_version
from app.core.db import SessionDep, run_write
from app.core.errors import Forbidden
from app.core.openapi import problems
from app.core.pagination import PageParams, keyset, page
from app.core.query import QueryModel
from app.models import Change, ChangePublic, Note, Page, Scope

WRITE_ERRORS = problems(400, 401, 403, 404, 412, 413, 422, 428, 429)
CREATE_ERRORS = problems(400, 401, 403, 409, 413, 422, 429)


class DeleteParams(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: Annotated[
        Note | None,
        Field(description="Why it is retracted; kept in `status_reason`.", examples=["duplicate"]),
    ] = None
    hard: Annotated[
        bool,
        Field(
            description="Delete for good instead of retracting (needs an admin key).",
            examples=[False],
        ),
    ] = False


def write(request: Request, response: Response, work: Callable[[Session], Any]) -> Any:
    """Run ``work`` (returning a row and its public form) as one write; tag the version."""

    def unit(session: Session) -> tuple[int, Any]:
        row, public = work(session)
        return row.version, public

    version, public = run_write(request.app.state.engine, unit)
    tag_version(response, version)
    return public


def created(response: Response, location: str) -> None:
    response.headers["Location"] = location


def add_lifecycle(
    router: APIRouter, resource: str, present: Callable[[Session, Any], Any], public: type
) -> None:
    """DELETE, restore and history routes for ``resource`` on ``router``, their id named
    as the resource's other routes name it (``/{claim_id}``), so that the OpenAPI document
    has one path for one resource and lists every method it takes."""
    name = f"{resource}_id"
    path = f"/{{{name}}}"
    RecordId = Annotated[str, PathParam(alias=name)]

    @router.delete(
        path,
        responses={204: {"description": "Deleted for good (hard=true)."}, **WRITE_ERRORS},
        summary=f"Retract a {resource} (or delete it for good)",
        name=f"delete_{resource}",
    )
    def delete_record(
        record_id: RecordId,
        request: Request,
        response: Response,
        who: Curator,
        params: Annotated[DeleteParams, QueryModel(DeleteParams)],
    ) -> public:  # type: ignore[valid-type]
        """Retract: hidden from lists (`include_retracted=true` shows it), restorable,
        history kept. With `hard=true` and an admin key, delete it for good. Needs If-Match."""
        version = expected_version(request)
        if params.hard:
            if not who.may(Scope.admin):
                raise Forbidden(
                    f"key {who.name!r} may retract, not delete for good: that needs an admin key"
                )
            run_write(
                request.app.state.engine,
                lambda s: service.purge(
                    session=s, who=who.name, resource=resource, record_id=record_id, version=version
                ),
            )
            return Response(status_code=204)  # type: ignore[return-value]
        reason = params.reason or f"retracted by {who.name}"

        def work(session: Session) -> Any:
            row = service.retract(
                session=session,
                who=who.name,
                resource=resource,
                record_id=record_id,
                version=version,
                reason=reason,
            )
            return row, present(session, row)

        return write(request, response, work)

    @router.post(
        f"{path}/restore",
        responses=WRITE_ERRORS | problems(409),
        summary=f"Restore a retracted {resource}",
        name=f"restore_{resource}",
    )
    def restore_record(
        record_id: RecordId, request: Request, response: Response, who: Curator
    ) -> public:  # type: ignore[valid-type]
        """Bring a retracted record back into the lists. Needs If-Match."""
        version = expected_version(request)

        def work(session: Session) -> Any:
            row = service.restore(
                session=session,
                who=who.name,
                resource=resource,
                record_id=record_id,
                version=version,
            )
            return row, present(session, row)

        return write(request, response, work)

    @router.get(
        f"{path}/history",
        responses=problems(422),
        summary=f"A {resource}'s versions",
        name=f"history_{resource}",
    )
    def history(
        record_id: RecordId,
        session: SessionDep,
        request: Request,
        response: Response,
        params: Annotated[PageParams, QueryModel(PageParams)],
    ) -> Page[ChangePublic]:
        """Every write to this record, oldest first, each with the record before and after."""
        statement = select(Change).where(
            Change.resource == resource, Change.resource_id == record_id
        )
        changes = session.exec(keyset(statement, [col(Change.seq)], params)).all()
        changes, cursor = page(changes, params, lambda c: [c.seq], request, response)
        return Page(items=[ChangePublic.of(c) for c in changes], next_cursor=cursor)
