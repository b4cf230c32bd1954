from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.annotation_page import AnnotationPage


T = TypeVar("T", bound="AnnotationCollection")


@_attrs_define
class AnnotationCollection:
    """
    Attributes:
        id (str):
        label (str):
        total (int):
        first (AnnotationPage):
        context (str | Unset):  Default: 'http://www.w3.org/ns/anno.jsonld'.
        type_ (str | Unset):  Default: 'AnnotationCollection'.
    """

    id: str
    label: str
    total: int
    first: AnnotationPage
    context: str | Unset = "http://www.w3.org/ns/anno.jsonld"
    type_: str | Unset = "AnnotationCollection"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        label = self.label

        total = self.total

        first = self.first.to_dict()

        context = self.context

        type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "label": label,
                "total": total,
                "first": first,
            }
        )
        if context is not UNSET:
            field_dict["@context"] = context
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.annotation_page import AnnotationPage  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        label = d.pop("label")

        total = d.pop("total")

        first = AnnotationPage.from_dict(d.pop("first"))

        context = d.pop("@context", UNSET)

        type_ = d.pop("type", UNSET)

        annotation_collection = cls(
            id=id,
            label=label,
            total=total,
            first=first,
            context=context,
            type_=type_,
        )

        annotation_collection.additional_properties = d
        return annotation_collection

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
