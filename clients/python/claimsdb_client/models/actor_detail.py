from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.actor_kind import ActorKind
from ..models.review_status import ReviewStatus
from ..models.status import Status

if TYPE_CHECKING:
    from ..models.actor_counts import ActorCounts
    from ..models.alias_public import AliasPublic


T = TypeVar("T", bound="ActorDetail")


@_attrs_define
class ActorDetail:
    """
    Attributes:
        id (str):
        name (str):
        kind (ActorKind):
        description (None | str):
        wikidata_id (None | str):
        country (None | str):
        aliases (list[AliasPublic]):
        version (int):
        status (Status):
        status_reason (None | str):
        review_status (ReviewStatus):
        extracted_by (None | str): What proposed it, "<pipeline>@<version>"; null for what people wrote.
        confidence (float | None): How sure the pipeline was, 0 to 1; null for people.
        counts (ActorCounts):
    """

    id: str
    name: str
    kind: ActorKind
    description: None | str
    wikidata_id: None | str
    country: None | str
    aliases: list[AliasPublic]
    version: int
    status: Status
    status_reason: None | str
    review_status: ReviewStatus
    extracted_by: None | str
    confidence: float | None
    counts: ActorCounts
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        kind = self.kind.value

        description: None | str
        description = self.description

        wikidata_id: None | str
        wikidata_id = self.wikidata_id

        country: None | str
        country = self.country

        aliases = []
        for aliases_item_data in self.aliases:
            aliases_item = aliases_item_data.to_dict()
            aliases.append(aliases_item)

        version = self.version

        status = self.status.value

        status_reason: None | str
        status_reason = self.status_reason

        review_status = self.review_status.value

        extracted_by: None | str
        extracted_by = self.extracted_by

        confidence: float | None
        confidence = self.confidence

        counts = self.counts.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "kind": kind,
                "description": description,
                "wikidata_id": wikidata_id,
                "country": country,
                "aliases": aliases,
                "version": version,
                "status": status,
                "status_reason": status_reason,
                "review_status": review_status,
                "extracted_by": extracted_by,
                "confidence": confidence,
                "counts": counts,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.actor_counts import ActorCounts  # noqa: PLC0415
        from ..models.alias_public import AliasPublic  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        kind = ActorKind(d.pop("kind"))

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        def _parse_wikidata_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        wikidata_id = _parse_wikidata_id(d.pop("wikidata_id"))

        def _parse_country(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        country = _parse_country(d.pop("country"))

        aliases = []
        _aliases = d.pop("aliases")
        for aliases_item_data in _aliases:
            aliases_item = AliasPublic.from_dict(aliases_item_data)

            aliases.append(aliases_item)

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

        counts = ActorCounts.from_dict(d.pop("counts"))

        actor_detail = cls(
            id=id,
            name=name,
            kind=kind,
            description=description,
            wikidata_id=wikidata_id,
            country=country,
            aliases=aliases,
            version=version,
            status=status,
            status_reason=status_reason,
            review_status=review_status,
            extracted_by=extracted_by,
            confidence=confidence,
            counts=counts,
        )

        actor_detail.additional_properties = d
        return actor_detail

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
