from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="LabelCounts")


@_attrs_define
class LabelCounts:
    """
    Attributes:
        supports (int | Unset):  Default: 0.
        opposes (int | Unset):  Default: 0.
        questions (int | Unset):  Default: 0.
        neutral (int | Unset):  Default: 0.
    """

    supports: int | Unset = 0
    opposes: int | Unset = 0
    questions: int | Unset = 0
    neutral: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        supports = self.supports

        opposes = self.opposes

        questions = self.questions

        neutral = self.neutral

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if supports is not UNSET:
            field_dict["supports"] = supports
        if opposes is not UNSET:
            field_dict["opposes"] = opposes
        if questions is not UNSET:
            field_dict["questions"] = questions
        if neutral is not UNSET:
            field_dict["neutral"] = neutral

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        supports = d.pop("supports", UNSET)

        opposes = d.pop("opposes", UNSET)

        questions = d.pop("questions", UNSET)

        neutral = d.pop("neutral", UNSET)

        label_counts = cls(
            supports=supports,
            opposes=opposes,
            questions=questions,
            neutral=neutral,
        )

        label_counts.additional_properties = d
        return label_counts

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
