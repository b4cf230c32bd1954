from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.claim_public import ClaimPublic
    from ..models.stance_public import StancePublic


T = TypeVar("T", bound="OutlineEntry")


@_attrs_define
class OutlineEntry:
    """A claim as one source states it: where it first appears and every stance there.

    Attributes:
        start (int):
        claim (ClaimPublic):
        stances (list[StancePublic]):
    """

    start: int
    claim: ClaimPublic
    stances: list[StancePublic]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        start = self.start

        claim = self.claim.to_dict()

        stances = []
        for stances_item_data in self.stances:
            stances_item = stances_item_data.to_dict()
            stances.append(stances_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "start": start,
                "claim": claim,
                "stances": stances,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.claim_public import ClaimPublic  # noqa: PLC0415
        from ..models.stance_public import StancePublic  # noqa: PLC0415

        d = dict(src_dict)
        start = d.pop("start")

        claim = ClaimPublic.from_dict(d.pop("claim"))

        stances = []
        _stances = d.pop("stances")
        for stances_item_data in _stances:
            stances_item = StancePublic.from_dict(stances_item_data)

            stances.append(stances_item)

        outline_entry = cls(
            start=start,
            claim=claim,
            stances=stances,
        )

        outline_entry.additional_properties = d
        return outline_entry

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
