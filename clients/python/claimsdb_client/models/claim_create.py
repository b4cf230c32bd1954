from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.claim_type import ClaimType
from ..models.review_status import ReviewStatus
from ..models.status import Status
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.claim_actor_create import ClaimActorCreate


T = TypeVar("T", bound="ClaimCreate")


@_attrs_define
class ClaimCreate:
    """
    Attributes:
        id (str):
        text (str):
        claim_type (ClaimType):
        topics (list[str] | Unset):
        actors (list[ClaimActorCreate] | Unset):
        status (Status | Unset):
        status_reason (None | str | Unset):
        review_status (ReviewStatus | Unset):
    """

    id: str
    text: str
    claim_type: ClaimType
    topics: list[str] | Unset = UNSET
    actors: list[ClaimActorCreate] | Unset = UNSET
    status: Status | Unset = UNSET
    status_reason: None | str | Unset = UNSET
    review_status: ReviewStatus | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        text = self.text

        claim_type = self.claim_type.value

        topics: list[str] | Unset = UNSET
        if not isinstance(self.topics, Unset):
            topics = self.topics

        actors: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.actors, Unset):
            actors = []
            for actors_item_data in self.actors:
                actors_item = actors_item_data.to_dict()
                actors.append(actors_item)

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        status_reason: None | str | Unset
        if isinstance(self.status_reason, Unset):
            status_reason = UNSET
        else:
            status_reason = self.status_reason

        review_status: str | Unset = UNSET
        if not isinstance(self.review_status, Unset):
            review_status = self.review_status.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "text": text,
                "claim_type": claim_type,
            }
        )
        if topics is not UNSET:
            field_dict["topics"] = topics
        if actors is not UNSET:
            field_dict["actors"] = actors
        if status is not UNSET:
            field_dict["status"] = status
        if status_reason is not UNSET:
            field_dict["status_reason"] = status_reason
        if review_status is not UNSET:
            field_dict["review_status"] = review_status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.claim_actor_create import ClaimActorCreate  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        text = d.pop("text")

        claim_type = ClaimType(d.pop("claim_type"))

        topics = cast(list[str], d.pop("topics", UNSET))

        _actors = d.pop("actors", UNSET)
        actors: list[ClaimActorCreate] | Unset = UNSET
        if _actors is not UNSET:
            actors = []
            for actors_item_data in _actors:
                actors_item = ClaimActorCreate.from_dict(actors_item_data)

                actors.append(actors_item)

        _status = d.pop("status", UNSET)
        status: Status | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = Status(_status)

        def _parse_status_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status_reason = _parse_status_reason(d.pop("status_reason", UNSET))

        _review_status = d.pop("review_status", UNSET)
        review_status: ReviewStatus | Unset
        if isinstance(_review_status, Unset):
            review_status = UNSET
        else:
            review_status = ReviewStatus(_review_status)

        claim_create = cls(
            id=id,
            text=text,
            claim_type=claim_type,
            topics=topics,
            actors=actors,
            status=status,
            status_reason=status_reason,
            review_status=review_status,
        )

        return claim_create
