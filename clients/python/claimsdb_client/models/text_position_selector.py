from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TextPositionSelector")


@_attrs_define
class TextPositionSelector:
    """W3C Web Annotation: the span by code point offsets, ``end`` exclusive.

    Attributes:
        start (int):
        end (int):
        type_ (Literal['TextPositionSelector'] | Unset):  Default: 'TextPositionSelector'.
    """

    start: int
    end: int
    type_: Literal["TextPositionSelector"] | Unset = "TextPositionSelector"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        start = self.start

        end = self.end

        type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "start": start,
                "end": end,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        start = d.pop("start")

        end = d.pop("end")

        type_ = cast(Literal["TextPositionSelector"] | Unset, d.pop("type", UNSET))
        if type_ != "TextPositionSelector" and not isinstance(type_, Unset):
            raise ValueError(f"type must match const 'TextPositionSelector', got '{type_}'")

        text_position_selector = cls(
            start=start,
            end=end,
            type_=type_,
        )

        text_position_selector.additional_properties = d
        return text_position_selector

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
