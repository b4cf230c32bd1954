"""The audit log's change records as the API shows them."""

from typing import Any

from pydantic import BaseModel, ConfigDict

from app.models.responses import Timestamp
from app.models.tables import Change


class ChangePublic(BaseModel):
    """One write, as the audit log keeps it."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "seq": 42,
                    "at": "2026-11-22T10:15:00Z",
                    "key": "analyst-anna",
                    "action": "update",
                    "resource": "claim",
                    "id": "nk-supplies-artillery-to-russia",
                    "version": 2,
                    "before": {"text": "North Korea supplies artillery shells to Russia."},
                    "after": {
                        "text": "North Korea supplies artillery shells and rockets to Russia."
                    },
                }
            ]
        }
    )

    seq: int
    at: Timestamp
    key: str
    action: str
    resource: str
    id: str
    version: int | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None

    @classmethod
    def of(cls, change: "Change") -> "ChangePublic":
        return cls(
            seq=change.seq or 0,
            at=change.at,
            key=change.key_name,
            action=change.action,
            resource=change.resource,
            id=change.resource_id,
            version=change.version,
            before=change.before,
            after=change.after,
        )
