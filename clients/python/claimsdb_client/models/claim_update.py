from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.claim_type import ClaimType
from ..models.review_status import ReviewStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.claim_actor_create import ClaimActorCreate


T = TypeVar("T", bound="ClaimUpdate")


@_attrs_define
class ClaimUpdate:
    """
    Attributes:
        text (None | str | Unset):
        claim_type (ClaimType | None | Unset):
        topics (list[str] | None | Unset):
        actors (list[ClaimActorCreate] | None | Unset):
        review_status (None | ReviewStatus | Unset): Only the record's current value: a review status changes with `POST
            .../accept` or `POST .../reject` (a different value is a 422).
    """

    text: None | str | Unset = UNSET
    claim_type: ClaimType | None | Unset = UNSET
    topics: list[str] | None | Unset = UNSET
    actors: list[ClaimActorCreate] | None | Unset = UNSET
    review_status: None | ReviewStatus | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        text: None | str | Unset
        if isinstance(self.text, Unset):
            text = UNSET
        else:
            text = self.text

        claim_type: None | str | Unset
        if isinstance(self.claim_type, Unset):
            claim_type = UNSET
        elif isinstance(self.claim_type, ClaimType):
            claim_type = self.claim_type.value
        else:
            claim_type = self.claim_type

        topics: list[str] | None | Unset
        if isinstance(self.topics, Unset):
            topics = UNSET
        elif isinstance(self.topics, list):
            topics = self.topics

        else:
            topics = self.topics

        actors: list[dict[str, Any]] | None | Unset
        if isinstance(self.actors, Unset):
            actors = UNSET
        elif isinstance(self.actors, list):
            actors = []
            for actors_type_0_item_data in self.actors:
                actors_type_0_item = actors_type_0_item_data.to_dict()
                actors.append(actors_type_0_item)

        else:
            actors = self.actors

        review_status: None | str | Unset
        if isinstance(self.review_status, Unset):
            review_status = UNSET
        elif isinstance(self.review_status, ReviewStatus):
            review_status = self.review_status.value
        else:
            review_status = self.review_status

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if text is not UNSET:
            field_dict["text"] = text
        if claim_type is not UNSET:
            field_dict["claim_type"] = claim_type
        if topics is not UNSET:
            field_dict["topics"] = topics
        if actors is not UNSET:
            field_dict["actors"] = actors
        if review_status is not UNSET:
            field_dict["review_status"] = review_status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.claim_actor_create import ClaimActorCreate  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_text(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        text = _parse_text(d.pop("text", UNSET))

        def _parse_claim_type(data: object) -> ClaimType | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                claim_type_type_0 = ClaimType(data)

                return claim_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ClaimType | None | Unset, data)

        claim_type = _parse_claim_type(d.pop("claim_type", UNSET))

        def _parse_topics(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                topics_type_0 = cast(list[str], data)

                return topics_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        topics = _parse_topics(d.pop("topics", UNSET))

        def _parse_actors(data: object) -> list[ClaimActorCreate] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                actors_type_0 = []
                _actors_type_0 = data
                for actors_type_0_item_data in _actors_type_0:
                    actors_type_0_item = ClaimActorCreate.from_dict(actors_type_0_item_data)

                    actors_type_0.append(actors_type_0_item)

                return actors_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ClaimActorCreate] | None | Unset, data)

        actors = _parse_actors(d.pop("actors", UNSET))

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

        claim_update = cls(
            text=text,
            claim_type=claim_type,
            topics=topics,
            actors=actors,
            review_status=review_status,
        )

        return claim_update
