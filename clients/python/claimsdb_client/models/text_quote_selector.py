from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TextQuoteSelector")


@_attrs_define
class TextQuoteSelector:
    """W3C Web Annotation: the span by its exact text and what stands either side.

    Attributes:
        exact (str):
        prefix (str):
        suffix (str):
        type_ (Literal['TextQuoteSelector'] | Unset):  Default: 'TextQuoteSelector'.
    """

    exact: str
    prefix: str
    suffix: str
    type_: Literal["TextQuoteSelector"] | Unset = "TextQuoteSelector"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        exact = self.exact

        prefix = self.prefix

        suffix = self.suffix

        type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "exact": exact,
                "prefix": prefix,
                "suffix": suffix,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        exact = d.pop("exact")

        prefix = d.pop("prefix")

        suffix = d.pop("suffix")

        type_ = cast(Literal["TextQuoteSelector"] | Unset, d.pop("type", UNSET))
        if type_ != "TextQuoteSelector" and not isinstance(type_, Unset):
            raise ValueError(f"type must match const 'TextQuoteSelector', got '{type_}'")

        text_quote_selector = cls(
            exact=exact,
            prefix=prefix,
            suffix=suffix,
            type_=type_,
        )

        text_quote_selector.additional_properties = d
        return text_quote_selector

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
