from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.role import Role

if TYPE_CHECKING:
    from ..models.claim_ref import ClaimRef


T = TypeVar("T", bound="ClaimRole")


@_attrs_define
class ClaimRole:
    """
    Attributes:
        claim (ClaimRef):
        role (Role):
    """

    claim: ClaimRef
    role: Role
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        claim = self.claim.to_dict()

        role = self.role.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "claim": claim,
                "role": role,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.claim_ref import ClaimRef  # noqa: PLC0415

        d = dict(src_dict)
        claim = ClaimRef.from_dict(d.pop("claim"))

        role = Role(d.pop("role"))

        claim_role = cls(
            claim=claim,
            role=role,
        )

        claim_role.additional_properties = d
        return claim_role

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
