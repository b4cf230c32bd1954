from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.alias_kind import AliasKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="AliasCreate")


@_attrs_define
class AliasCreate:
    """
    Attributes:
        label (str):
        kind (AliasKind):
        auto_mention (bool | Unset):  Default: True.
    """

    label: str
    kind: AliasKind
    auto_mention: bool | Unset = True

    def to_dict(self) -> dict[str, Any]:
        label = self.label

        kind = self.kind.value

        auto_mention = self.auto_mention

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "label": label,
                "kind": kind,
            }
        )
        if auto_mention is not UNSET:
            field_dict["auto_mention"] = auto_mention

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        label = d.pop("label")

        kind = AliasKind(d.pop("kind"))

        auto_mention = d.pop("auto_mention", UNSET)

        alias_create = cls(
            label=label,
            kind=kind,
            auto_mention=auto_mention,
        )

        return alias_create
