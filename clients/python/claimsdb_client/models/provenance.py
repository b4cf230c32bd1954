from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.text_position_selector import TextPositionSelector
    from ..models.text_quote_selector import TextQuoteSelector


T = TypeVar("T", bound="Provenance")


@_attrs_define
class Provenance:
    """
    Attributes:
        source_id (str):
        start (int):
        end (int):
        quote (str):
        prefix (str):
        suffix (str):
        selector (list[TextPositionSelector | TextQuoteSelector]):
    """

    source_id: str
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    selector: list[TextPositionSelector | TextQuoteSelector]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.text_position_selector import TextPositionSelector  # noqa: PLC0415

        source_id = self.source_id

        start = self.start

        end = self.end

        quote = self.quote

        prefix = self.prefix

        suffix = self.suffix

        selector = []
        for selector_item_data in self.selector:
            selector_item: dict[str, Any]
            if isinstance(selector_item_data, TextPositionSelector):
                selector_item = selector_item_data.to_dict()
            else:
                selector_item = selector_item_data.to_dict()

            selector.append(selector_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "source_id": source_id,
                "start": start,
                "end": end,
                "quote": quote,
                "prefix": prefix,
                "suffix": suffix,
                "selector": selector,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.text_position_selector import TextPositionSelector  # noqa: PLC0415
        from ..models.text_quote_selector import TextQuoteSelector  # noqa: PLC0415

        d = dict(src_dict)
        source_id = d.pop("source_id")

        start = d.pop("start")

        end = d.pop("end")

        quote = d.pop("quote")

        prefix = d.pop("prefix")

        suffix = d.pop("suffix")

        selector = []
        _selector = d.pop("selector")
        for selector_item_data in _selector:

            def _parse_selector_item(data: object) -> TextPositionSelector | TextQuoteSelector:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    selector_item_type_0 = TextPositionSelector.from_dict(data)

                    return selector_item_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                selector_item_type_1 = TextQuoteSelector.from_dict(data)

                return selector_item_type_1

            selector_item = _parse_selector_item(selector_item_data)

            selector.append(selector_item)

        provenance = cls(
            source_id=source_id,
            start=start,
            end=end,
            quote=quote,
            prefix=prefix,
            suffix=suffix,
            selector=selector,
        )

        provenance.additional_properties = d
        return provenance

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
