from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.mention_origin import MentionOrigin
from ..models.review_status import ReviewStatus
from ..models.status import Status

if TYPE_CHECKING:
    from ..models.actor_ref import ActorRef
    from ..models.provenance import Provenance


T = TypeVar("T", bound="MentionPublic")


@_attrs_define
class MentionPublic:
    """
    Attributes:
        id (str):
        actor (ActorRef):
        surface (str):
        provenance (Provenance):
        origin (MentionOrigin):
        version (int):
        status (Status):
        status_reason (None | str):
        review_status (ReviewStatus):
        extracted_by (None | str): What proposed it, "<pipeline>@<version>"; null for what people wrote.
        confidence (float | None): How sure the pipeline was, 0 to 1; null for people.
    """

    id: str
    actor: ActorRef
    surface: str
    provenance: Provenance
    origin: MentionOrigin
    version: int
    status: Status
    status_reason: None | str
    review_status: ReviewStatus
    extracted_by: None | str
    confidence: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        actor = self.actor.to_dict()

        surface = self.surface

        provenance = self.provenance.to_dict()

        origin = self.origin.value

        version = self.version

        status = self.status.value

        status_reason: None | str
        status_reason = self.status_reason

        review_status = self.review_status.value

        extracted_by: None | str
        extracted_by = self.extracted_by

        confidence: float | None
        confidence = self.confidence

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "actor": actor,
                "surface": surface,
                "provenance": provenance,
                "origin": origin,
                "version": version,
                "status": status,
                "status_reason": status_reason,
                "review_status": review_status,
                "extracted_by": extracted_by,
                "confidence": confidence,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.actor_ref import ActorRef  # noqa: PLC0415
        from ..models.provenance import Provenance  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        actor = ActorRef.from_dict(d.pop("actor"))

        surface = d.pop("surface")

        provenance = Provenance.from_dict(d.pop("provenance"))

        origin = MentionOrigin(d.pop("origin"))

        version = d.pop("version")

        status = Status(d.pop("status"))

        def _parse_status_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        status_reason = _parse_status_reason(d.pop("status_reason"))

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

        mention_public = cls(
            id=id,
            actor=actor,
            surface=surface,
            provenance=provenance,
            origin=origin,
            version=version,
            status=status,
            status_reason=status_reason,
            review_status=review_status,
            extracted_by=extracted_by,
            confidence=confidence,
        )

        mention_public.additional_properties = d
        return mention_public

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
