from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.scope import Scope

T = TypeVar("T", bound="KeyInput")


@_attrs_define
class KeyInput:
    """
    Attributes:
        name (str):
        scope (Scope): What an API key may do; each scope includes the ones before it.
    """

    name: str
    scope: Scope

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        scope = self.scope.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "scope": scope,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        scope = Scope(d.pop("scope"))

        key_input = cls(
            name=name,
            scope=scope,
        )

        return key_input
