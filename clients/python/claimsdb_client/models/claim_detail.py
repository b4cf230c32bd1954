from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.claim_type import ClaimType
from ..models.review_status import ReviewStatus
from ..models.status import Status

if TYPE_CHECKING:
    from ..models.claim_actor_public import ClaimActorPublic
    from ..models.stance_public import StancePublic


T = TypeVar("T", bound="ClaimDetail")


@_attrs_define
class ClaimDetail:
    """
    Attributes:
        id (str):
        text (str):
        claim_type (ClaimType):
        topics (list[str]):
        status (Status):
        status_reason (None | str):
        actors (list[ClaimActorPublic]):
        version (int):
        review_status (ReviewStatus):
        extracted_by (None | str): What proposed it, "<pipeline>@<version>"; null for what people wrote.
        confidence (float | None): How sure the pipeline was, 0 to 1; null for people.
        stances (list[StancePublic]):
    """

    id: str
    text: str
    claim_type: ClaimType
    topics: list[str]
    status: Status
    status_reason: None | str
    actors: list[ClaimActorPublic]
    version: int
    review_status: ReviewStatus
    extracted_by: None | str
    confidence: float | None
    stances: list[StancePublic]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        text = self.text

        claim_type = self.claim_type.value

        topics = self.topics

        status = self.status.value

        status_reason: None | str
        status_reason = self.status_reason

        actors = []
        for actors_item_data in self.actors:
            actors_item = actors_item_data.to_dict()
            actors.append(actors_item)

        version = self.version

        review_status = self.review_status.value

        extracted_by: None | str
        extracted_by = self.extracted_by

        confidence: float | None
        confidence = self.confidence

        stances = []
        for stances_item_data in self.stances:
            stances_item = stances_item_data.to_dict()
            stances.append(stances_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "text": text,
                "claim_type": claim_type,
                "topics": topics,
                "status": status,
                "status_reason": status_reason,
                "actors": actors,
                "version": version,
                "review_status": review_status,
                "extracted_by": extracted_by,
                "confidence": confidence,
                "stances": stances,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.claim_actor_public import ClaimActorPublic  # noqa: PLC0415
        from ..models.stance_public import StancePublic  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        text = d.pop("text")

        claim_type = ClaimType(d.pop("claim_type"))

        topics = cast(list[str], d.pop("topics"))

        status = Status(d.pop("status"))

        def _parse_status_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        status_reason = _parse_status_reason(d.pop("status_reason"))

        actors = []
        _actors = d.pop("actors")
        for actors_item_data in _actors:
            actors_item = ClaimActorPublic.from_dict(actors_item_data)

            actors.append(actors_item)

        version = d.pop("version")

        review_status = ReviewStatus(d.pop("review_status"))

        def _parse_extracted_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        extracted_by = _parse_extracted_by(d.pop("extracted_by"))

        def _parse_confidence(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        confidence = _parse_confidence(d.pop("confidence"))

        stances = []
        _stances = d.pop("stances")
        for stances_item_data in _stances:
            stances_item = StancePublic.from_dict(stances_item_data)

            stances.append(stances_item)

        claim_detail = cls(
            id=id,
            text=text,
            claim_type=claim_type,
            topics=topics,
            status=status,
            status_reason=status_reason,
            actors=actors,
            version=version,
            review_status=review_status,
            extracted_by=extracted_by,
            confidence=confidence,
            stances=stances,
        )

        claim_detail.additional_properties = d
        return claim_detail

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
