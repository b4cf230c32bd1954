from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.link_body import LinkBody
    from ..models.target import Target
    from ..models.textual_body import TextualBody


T = TypeVar("T", bound="Annotation")


@_attrs_define
class Annotation:
    """
    Attributes:
        id (str):
        body (list[LinkBody | TextualBody]):
        target (Target):
        type_ (str | Unset):  Default: 'Annotation'.
        motivation (str | Unset):  Default: 'assessing'.
    """

    id: str
    body: list[LinkBody | TextualBody]
    target: Target
    type_: str | Unset = "Annotation"
    motivation: str | Unset = "assessing"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.textual_body import TextualBody  # noqa: PLC0415

        id = self.id

        body = []
        for body_item_data in self.body:
            body_item: dict[str, Any]
            if isinstance(body_item_data, TextualBody):
                body_item = body_item_data.to_dict()
            else:
                body_item = body_item_data.to_dict()

            body.append(body_item)

        target = self.target.to_dict()

        type_ = self.type_

        motivation = self.motivation

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "body": body,
                "target": target,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_
        if motivation is not UNSET:
            field_dict["motivation"] = motivation

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.link_body import LinkBody  # noqa: PLC0415
        from ..models.target import Target  # noqa: PLC0415
        from ..models.textual_body import TextualBody  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        body = []
        _body = d.pop("body")
        for body_item_data in _body:

            def _parse_body_item(data: object) -> LinkBody | TextualBody:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    body_item_type_0 = TextualBody.from_dict(data)

                    return body_item_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                body_item_type_1 = LinkBody.from_dict(data)

                return body_item_type_1

            body_item = _parse_body_item(body_item_data)

            body.append(body_item)

        target = Target.from_dict(d.pop("target"))

        type_ = d.pop("type", UNSET)

        motivation = d.pop("motivation", UNSET)

        annotation = cls(
            id=id,
            body=body,
            target=target,
            type_=type_,
            motivation=motivation,
        )

        annotation.additional_properties = d
        return annotation

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
