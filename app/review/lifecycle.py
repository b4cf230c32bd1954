"""``POST /v1/{resource}/{id}/accept`` and ``/reject``, added to the claims', stances',
mentions' and actors' routers by ``add_review`` (as app/audit/lifecycle.py adds retract
and restore)."""

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Body, Request, Response
from fastapi import Path as PathParam
from pydantic import BaseModel
from sqlmodel import Session

from app.audit.lifecycle import WRITE_ERRORS, write
from app.core.auth import Curator
from app.core.caching import expected_version
from app.core.openapi import problems
from app.review import service

REVIEW_ERRORS = WRITE_ERRORS | problems(409)


def add_review(
    router: APIRouter,
    resource: str,
    present: Callable[[Session, Any], Any],
    public: type,
    update_model: type[BaseModel],
    update: Callable[..., Any],
) -> None:
    """Accept and reject routes for ``resource``; ``update`` is its PATCH service function,
    which applies an accept's corrections."""
    name = f"{resource}_id"
    path = f"/{{{name}}}"
    RecordId = Annotated[str, PathParam(alias=name)]

    @router.post(
        f"{path}/accept",
        responses=REVIEW_ERRORS,
        summary=f"Accept a proposed {resource}, with corrections",
        name=f"accept_{resource}",
    )
    def accept_record(
        record_id: RecordId,
        request: Request,
        response: Response,
        who: Curator,
        corrections: Annotated[
            update_model | None,  # type: ignore[valid-type]
            Body(description="Optional: a JSON merge patch applied first, as PATCH would."),
        ] = None,
    ) -> public:  # type: ignore[valid-type]
        """Accept a candidate (or rejected) proposal, and the candidates it stands on (a
        stance's claim and holder, a claim's actors, a mention's actor); a body corrects it
        first. Needs If-Match; each change is in the change feed."""
        version = expected_version(request)

        def correct(session: Session, current: int) -> object:
            return update(
                session=session,
                who=who.name,
                version=current,
                patch=corrections,
                **{name: record_id},
            )

        def work(session: Session) -> Any:
            row = service.accept(
                session=session,
                who=who.name,
                resource=resource,
                record_id=record_id,
                version=version,
                corrections=correct if corrections is not None else None,
            )
            return row, present(session, row)

        return write(request, response, work)

    @router.post(
        f"{path}/reject",
        responses=REVIEW_ERRORS,
        summary=f"Reject a proposed {resource}",
        name=f"reject_{resource}",
    )
    def reject_record(
        record_id: RecordId, request: Request, response: Response, who: Curator
    ) -> public:  # type: ignore[valid-type]
        """Reject a candidate, and the candidates that show it (a claim's stances, an
        actor's mentions and held stances): gone from every list and view, kept in its
        history and the change feed. Needs If-Match."""
        version = expected_version(request)

        def work(session: Session) -> Any:
            row = service.reject(
                session=session,
                who=who.name,
                resource=resource,
                record_id=record_id,
                version=version,
            )
            return row, present(session, row)

        return write(request, response, work)
