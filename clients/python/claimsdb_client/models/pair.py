from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.party import Party


T = TypeVar("T", bound="Pair")


@_attrs_define
class Pair:
    """
    Attributes:
        a (Party):
        b (Party):
        shared (int):
        agree (int):
        disagree (int):
        shared_claims (list[str]):
        agree_claims (list[str]):
        disagree_claims (list[str]):
    """

    a: Party
    b: Party
    shared: int
    agree: int
    disagree: int
    shared_claims: list[str]
    agree_claims: list[str]
    disagree_claims: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        a = self.a.to_dict()

        b = self.b.to_dict()

        shared = self.shared

        agree = self.agree

        disagree = self.disagree

        shared_claims = self.shared_claims

        agree_claims = self.agree_claims

        disagree_claims = self.disagree_claims

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "a": a,
                "b": b,
                "shared": shared,
                "agree": agree,
                "disagree": disagree,
                "shared_claims": shared_claims,
                "agree_claims": agree_claims,
                "disagree_claims": disagree_claims,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.party import Party  # noqa: PLC0415

        d = dict(src_dict)
        a = Party.from_dict(d.pop("a"))

        b = Party.from_dict(d.pop("b"))

        shared = d.pop("shared")

        agree = d.pop("agree")

        disagree = d.pop("disagree")

        shared_claims = cast(list[str], d.pop("shared_claims"))

        agree_claims = cast(list[str], d.pop("agree_claims"))

        disagree_claims = cast(list[str], d.pop("disagree_claims"))

        pair = cls(
            a=a,
            b=b,
            shared=shared,
            agree=agree,
            disagree=disagree,
            shared_claims=shared_claims,
            agree_claims=agree_claims,
            disagree_claims=disagree_claims,
        )

        pair.additional_properties = d
        return pair

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
