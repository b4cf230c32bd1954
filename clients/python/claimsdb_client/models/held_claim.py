from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.claim_ref import ClaimRef
    from ..models.position_public import PositionPublic


T = TypeVar("T", bound="HeldClaim")


@_attrs_define
class HeldClaim:
    """
    Attributes:
        claim (ClaimRef):
        stances (list[PositionPublic]):
    """

    claim: ClaimRef
    stances: list[PositionPublic]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        claim = self.claim.to_dict()

        stances = []
        for stances_item_data in self.stances:
            stances_item = stances_item_data.to_dict()
            stances.append(stances_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "claim": claim,
                "stances": stances,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.claim_ref import ClaimRef  # noqa: PLC0415
        from ..models.position_public import PositionPublic  # noqa: PLC0415

        d = dict(src_dict)
        claim = ClaimRef.from_dict(d.pop("claim"))

        stances = []
        _stances = d.pop("stances")
        for stances_item_data in _stances:
            stances_item = PositionPublic.from_dict(stances_item_data)

            stances.append(stances_item)

        held_claim = cls(
            claim=claim,
            stances=stances,
        )

        held_claim.additional_properties = d
        return held_claim

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
