"""How claims read: a page of claim rows presented with their actors and stances."""

from collections.abc import Sequence
from typing import Any

from sqlmodel import Session

from app import read_model
from app.core.reader import Reader
from app.models import (
    Claim,
)


def present(session: Session, claims: Sequence[Claim]) -> list[dict[str, Any]]:
    return read_model.stored_claims(Reader.of(session), [claim.id for claim in claims])
