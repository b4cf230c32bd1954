from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.role import Role

T = TypeVar("T", bound="ClaimActorCreate")


@_attrs_define
class ClaimActorCreate:
    """
    Attributes:
        actor (str):
        role (Role):
    """

    actor: str
    role: Role

    def to_dict(self) -> dict[str, Any]:
        actor = self.actor

        role = self.role.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "actor": actor,
                "role": role,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        actor = d.pop("actor")

        role = Role(d.pop("role"))

        claim_actor_create = cls(
            actor=actor,
            role=role,
        )

        return claim_actor_create
