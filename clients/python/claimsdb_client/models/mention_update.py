from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.review_status import ReviewStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="MentionUpdate")


@_attrs_define
class MentionUpdate:
    """
    Attributes:
        actor (None | str | Unset):
        review_status (None | ReviewStatus | Unset): Only the record's current value: a review status changes with `POST
            .../accept` or `POST .../reject` (a different value is a 422).
    """

    actor: None | str | Unset = UNSET
    review_status: None | ReviewStatus | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        actor: None | str | Unset
        if isinstance(self.actor, Unset):
            actor = UNSET
        else:
            actor = self.actor

        review_status: None | str | Unset
        if isinstance(self.review_status, Unset):
            review_status = UNSET
        elif isinstance(self.review_status, ReviewStatus):
            review_status = self.review_status.value
        else:
            review_status = self.review_status

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if actor is not UNSET:
            field_dict["actor"] = actor
        if review_status is not UNSET:
            field_dict["review_status"] = review_status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_actor(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        actor = _parse_actor(d.pop("actor", UNSET))

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

        mention_update = cls(
            actor=actor,
            review_status=review_status,
        )

        return mention_update
