from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.annotation import Annotation


T = TypeVar("T", bound="AnnotationPage")


@_attrs_define
class AnnotationPage:
    """
    Attributes:
        id (str):
        items (list[Annotation]):
        type_ (str | Unset):  Default: 'AnnotationPage'.
        start_index (int | Unset):  Default: 0.
    """

    id: str
    items: list[Annotation]
    type_: str | Unset = "AnnotationPage"
    start_index: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        type_ = self.type_

        start_index = self.start_index

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "items": items,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_
        if start_index is not UNSET:
            field_dict["startIndex"] = start_index

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.annotation import Annotation  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = Annotation.from_dict(items_item_data)

            items.append(items_item)

        type_ = d.pop("type", UNSET)

        start_index = d.pop("startIndex", UNSET)

        annotation_page = cls(
            id=id,
            items=items,
            type_=type_,
            start_index=start_index,
        )

        annotation_page.additional_properties = d
        return annotation_page

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
