from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.attribution import Attribution
from ..models.certainty import Certainty
from ..models.label import Label
from ..models.review_status import ReviewStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="StanceUpdate")


@_attrs_define
class StanceUpdate:
    """
    Attributes:
        claim (None | str | Unset):
        label (Label | None | Unset):
        holder (None | str | Unset):
        attribution (Attribution | None | Unset):
        certainty (Certainty | None | Unset):
        review_status (None | ReviewStatus | Unset): Only the record's current value: a review status changes with `POST
            .../accept` or `POST .../reject` (a different value is a 422).
    """

    claim: None | str | Unset = UNSET
    label: Label | None | Unset = UNSET
    holder: None | str | Unset = UNSET
    attribution: Attribution | None | Unset = UNSET
    certainty: Certainty | None | Unset = UNSET
    review_status: None | ReviewStatus | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        claim: None | str | Unset
        if isinstance(self.claim, Unset):
            claim = UNSET
        else:
            claim = self.claim

        label: None | str | Unset
        if isinstance(self.label, Unset):
            label = UNSET
        elif isinstance(self.label, Label):
            label = self.label.value
        else:
            label = self.label

        holder: None | str | Unset
        if isinstance(self.holder, Unset):
            holder = UNSET
        else:
            holder = self.holder

        attribution: None | str | Unset
        if isinstance(self.attribution, Unset):
            attribution = UNSET
        elif isinstance(self.attribution, Attribution):
            attribution = self.attribution.value
        else:
            attribution = self.attribution

        certainty: None | str | Unset
        if isinstance(self.certainty, Unset):
            certainty = UNSET
        elif isinstance(self.certainty, Certainty):
            certainty = self.certainty.value
        else:
            certainty = self.certainty

        review_status: None | str | Unset
        if isinstance(self.review_status, Unset):
            review_status = UNSET
        elif isinstance(self.review_status, ReviewStatus):
            review_status = self.review_status.value
        else:
            review_status = self.review_status

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if claim is not UNSET:
            field_dict["claim"] = claim
        if label is not UNSET:
            field_dict["label"] = label
        if holder is not UNSET:
            field_dict["holder"] = holder
        if attribution is not UNSET:
            field_dict["attribution"] = attribution
        if certainty is not UNSET:
            field_dict["certainty"] = certainty
        if review_status is not UNSET:
            field_dict["review_status"] = review_status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_claim(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        claim = _parse_claim(d.pop("claim", UNSET))

        def _parse_label(data: object) -> Label | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                label_type_0 = Label(data)

                return label_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Label | None | Unset, data)

        label = _parse_label(d.pop("label", UNSET))

        def _parse_holder(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        holder = _parse_holder(d.pop("holder", UNSET))

        def _parse_attribution(data: object) -> Attribution | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                attribution_type_0 = Attribution(data)

                return attribution_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Attribution | None | Unset, data)

        attribution = _parse_attribution(d.pop("attribution", UNSET))

        def _parse_certainty(data: object) -> Certainty | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                certainty_type_0 = Certainty(data)

                return certainty_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Certainty | None | Unset, data)

        certainty = _parse_certainty(d.pop("certainty", UNSET))

        def _parse_review_status(data: object) -> None | ReviewStatus | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                review_status_type_0 = ReviewStatus(data)

                return review_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReviewStatus | Unset, data)

        review_status = _parse_review_status(d.pop("review_status", UNSET))

        stance_update = cls(
            claim=claim,
            label=label,
            holder=holder,
            attribution=attribution,
            certainty=certainty,
            review_status=review_status,
        )

        return stance_update
