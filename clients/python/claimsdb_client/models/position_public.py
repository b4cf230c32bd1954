from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.attribution import Attribution
from ..models.certainty import Certainty
from ..models.label import Label
from ..models.review_status import ReviewStatus
from ..models.status import Status

if TYPE_CHECKING:
    from ..models.actor_ref import ActorRef
    from ..models.provenance import Provenance
    from ..models.source_ref import SourceRef
    from ..models.suggested_claim import SuggestedClaim


T = TypeVar("T", bound="PositionPublic")


@_attrs_define
class PositionPublic:
    """A stance together with the source it stands in.

    Attributes:
        id (str):
        claim_id (str):
        label (Label):
        holder (ActorRef | None):
        attribution (Attribution):
        certainty (Certainty):
        provenance (Provenance):
        version (int):
        status (Status):
        status_reason (None | str):
        review_status (ReviewStatus):
        extracted_by (None | str): What proposed it, "<pipeline>@<version>"; null for what people wrote.
        confidence (float | None): How sure the pipeline was, 0 to 1; null for people.
        suggested_claims (list[SuggestedClaim]): Up to three existing claims a proposal may restate.
        source (SourceRef):
    """

    id: str
    claim_id: str
    label: Label
    holder: ActorRef | None
    attribution: Attribution
    certainty: Certainty
    provenance: Provenance
    version: int
    status: Status
    status_reason: None | str
    review_status: ReviewStatus
    extracted_by: None | str
    confidence: float | None
    suggested_claims: list[SuggestedClaim]
    source: SourceRef
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.actor_ref import ActorRef  # noqa: PLC0415

        id = self.id

        claim_id = self.claim_id

        label = self.label.value

        holder: dict[str, Any] | None
        if isinstance(self.holder, ActorRef):
            holder = self.holder.to_dict()
        else:
            holder = self.holder

        attribution = self.attribution.value

        certainty = self.certainty.value

        provenance = self.provenance.to_dict()

        version = self.version

        status = self.status.value

        status_reason: None | str
        status_reason = self.status_reason

        review_status = self.review_status.value

        extracted_by: None | str
        extracted_by = self.extracted_by

        confidence: float | None
        confidence = self.confidence

        suggested_claims = []
        for suggested_claims_item_data in self.suggested_claims:
            suggested_claims_item = suggested_claims_item_data.to_dict()
            suggested_claims.append(suggested_claims_item)

        source = self.source.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "claim_id": claim_id,
                "label": label,
                "holder": holder,
                "attribution": attribution,
                "certainty": certainty,
                "provenance": provenance,
                "version": version,
                "status": status,
                "status_reason": status_reason,
                "review_status": review_status,
                "extracted_by": extracted_by,
                "confidence": confidence,
                "suggested_claims": suggested_claims,
                "source": source,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.actor_ref import ActorRef  # noqa: PLC0415
        from ..models.provenance import Provenance  # noqa: PLC0415
        from ..models.source_ref import SourceRef  # noqa: PLC0415
        from ..models.suggested_claim import SuggestedClaim  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        claim_id = d.pop("claim_id")

        label = Label(d.pop("label"))

        def _parse_holder(data: object) -> ActorRef | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                holder_type_0 = ActorRef.from_dict(data)

                return holder_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ActorRef | None, data)

        holder = _parse_holder(d.pop("holder"))

        attribution = Attribution(d.pop("attribution"))

        certainty = Certainty(d.pop("certainty"))

        provenance = Provenance.from_dict(d.pop("provenance"))

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

        suggested_claims = []
        _suggested_claims = d.pop("suggested_claims")
        for suggested_claims_item_data in _suggested_claims:
            suggested_claims_item = SuggestedClaim.from_dict(suggested_claims_item_data)

            suggested_claims.append(suggested_claims_item)

        source = SourceRef.from_dict(d.pop("source"))

        position_public = cls(
            id=id,
            claim_id=claim_id,
            label=label,
            holder=holder,
            attribution=attribution,
            certainty=certainty,
            provenance=provenance,
            version=version,
            status=status,
            status_reason=status_reason,
            review_status=review_status,
            extracted_by=extracted_by,
            confidence=confidence,
            suggested_claims=suggested_claims,
            source=source,
        )

        position_public.additional_properties = d
        return position_public

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
