from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.claim_public import ClaimPublic
    from ..models.label_counts import LabelCounts
    from ..models.position_public import PositionPublic


T = TypeVar("T", bound="Contestation")


@_attrs_define
class Contestation:
    """Who supports, opposes, questions or stays neutral on one claim, with their quotes.

    Attributes:
        claim (ClaimPublic):
        contested (bool):
        counts (LabelCounts):
        supports (list[PositionPublic]):
        opposes (list[PositionPublic]):
        questions (list[PositionPublic]):
        neutral (list[PositionPublic]):
    """

    claim: ClaimPublic
    contested: bool
    counts: LabelCounts
    supports: list[PositionPublic]
    opposes: list[PositionPublic]
    questions: list[PositionPublic]
    neutral: list[PositionPublic]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        claim = self.claim.to_dict()

        contested = self.contested

        counts = self.counts.to_dict()

        supports = []
        for supports_item_data in self.supports:
            supports_item = supports_item_data.to_dict()
            supports.append(supports_item)

        opposes = []
        for opposes_item_data in self.opposes:
            opposes_item = opposes_item_data.to_dict()
            opposes.append(opposes_item)

        questions = []
        for questions_item_data in self.questions:
            questions_item = questions_item_data.to_dict()
            questions.append(questions_item)

        neutral = []
        for neutral_item_data in self.neutral:
            neutral_item = neutral_item_data.to_dict()
            neutral.append(neutral_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "claim": claim,
                "contested": contested,
                "counts": counts,
                "supports": supports,
                "opposes": opposes,
                "questions": questions,
                "neutral": neutral,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.claim_public import ClaimPublic  # noqa: PLC0415
        from ..models.label_counts import LabelCounts  # noqa: PLC0415
        from ..models.position_public import PositionPublic  # noqa: PLC0415

        d = dict(src_dict)
        claim = ClaimPublic.from_dict(d.pop("claim"))

        contested = d.pop("contested")

        counts = LabelCounts.from_dict(d.pop("counts"))

        supports = []
        _supports = d.pop("supports")
        for supports_item_data in _supports:
            supports_item = PositionPublic.from_dict(supports_item_data)

            supports.append(supports_item)

        opposes = []
        _opposes = d.pop("opposes")
        for opposes_item_data in _opposes:
            opposes_item = PositionPublic.from_dict(opposes_item_data)

            opposes.append(opposes_item)

        questions = []
        _questions = d.pop("questions")
        for questions_item_data in _questions:
            questions_item = PositionPublic.from_dict(questions_item_data)

            questions.append(questions_item)

        neutral = []
        _neutral = d.pop("neutral")
        for neutral_item_data in _neutral:
            neutral_item = PositionPublic.from_dict(neutral_item_data)

            neutral.append(neutral_item)

        contestation = cls(
            claim=claim,
            contested=contested,
            counts=counts,
            supports=supports,
            opposes=opposes,
            questions=questions,
            neutral=neutral,
        )

        contestation.additional_properties = d
        return contestation

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
