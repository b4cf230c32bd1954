from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.actor_ref import ActorRef
    from ..models.claim_role import ClaimRole
    from ..models.held_claim import HeldClaim
    from ..models.label_counts import LabelCounts


T = TypeVar("T", bound="ActorPositions")


@_attrs_define
class ActorPositions:
    """The claims an actor holds a stance on, grouped by label, and those it takes part in.

    Attributes:
        actor (ActorRef):
        counts (LabelCounts):
        supports (list[HeldClaim]):
        opposes (list[HeldClaim]):
        questions (list[HeldClaim]):
        neutral (list[HeldClaim]):
        takes_part_in (list[ClaimRole]):
    """

    actor: ActorRef
    counts: LabelCounts
    supports: list[HeldClaim]
    opposes: list[HeldClaim]
    questions: list[HeldClaim]
    neutral: list[HeldClaim]
    takes_part_in: list[ClaimRole]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        actor = self.actor.to_dict()

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

        takes_part_in = []
        for takes_part_in_item_data in self.takes_part_in:
            takes_part_in_item = takes_part_in_item_data.to_dict()
            takes_part_in.append(takes_part_in_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "actor": actor,
                "counts": counts,
                "supports": supports,
                "opposes": opposes,
                "questions": questions,
                "neutral": neutral,
                "takes_part_in": takes_part_in,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.actor_ref import ActorRef  # noqa: PLC0415
        from ..models.claim_role import ClaimRole  # noqa: PLC0415
        from ..models.held_claim import HeldClaim  # noqa: PLC0415
        from ..models.label_counts import LabelCounts  # noqa: PLC0415

        d = dict(src_dict)
        actor = ActorRef.from_dict(d.pop("actor"))

        counts = LabelCounts.from_dict(d.pop("counts"))

        supports = []
        _supports = d.pop("supports")
        for supports_item_data in _supports:
            supports_item = HeldClaim.from_dict(supports_item_data)

            supports.append(supports_item)

        opposes = []
        _opposes = d.pop("opposes")
        for opposes_item_data in _opposes:
            opposes_item = HeldClaim.from_dict(opposes_item_data)

            opposes.append(opposes_item)

        questions = []
        _questions = d.pop("questions")
        for questions_item_data in _questions:
            questions_item = HeldClaim.from_dict(questions_item_data)

            questions.append(questions_item)

        neutral = []
        _neutral = d.pop("neutral")
        for neutral_item_data in _neutral:
            neutral_item = HeldClaim.from_dict(neutral_item_data)

            neutral.append(neutral_item)

        takes_part_in = []
        _takes_part_in = d.pop("takes_part_in")
        for takes_part_in_item_data in _takes_part_in:
            takes_part_in_item = ClaimRole.from_dict(takes_part_in_item_data)

            takes_part_in.append(takes_part_in_item)

        actor_positions = cls(
            actor=actor,
            counts=counts,
            supports=supports,
            opposes=opposes,
            questions=questions,
            neutral=neutral,
            takes_part_in=takes_part_in,
        )

        actor_positions.additional_properties = d
        return actor_positions

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
