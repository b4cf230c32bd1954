from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.actor_kind import ActorKind
from ..models.review_status import ReviewStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.alias_create import AliasCreate


T = TypeVar("T", bound="ActorUpdate")


@_attrs_define
class ActorUpdate:
    """
    Attributes:
        name (None | str | Unset):
        kind (ActorKind | None | Unset):
        description (None | str | Unset):
        wikidata_id (None | str | Unset):
        country (None | str | Unset):
        aliases (list[AliasCreate] | None | Unset):
        review_status (None | ReviewStatus | Unset): Only the record's current value: a review status changes with `POST
            .../accept` or `POST .../reject` (a different value is a 422).
    """

    name: None | str | Unset = UNSET
    kind: ActorKind | None | Unset = UNSET
    description: None | str | Unset = UNSET
    wikidata_id: None | str | Unset = UNSET
    country: None | str | Unset = UNSET
    aliases: list[AliasCreate] | None | Unset = UNSET
    review_status: None | ReviewStatus | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        kind: None | str | Unset
        if isinstance(self.kind, Unset):
            kind = UNSET
        elif isinstance(self.kind, ActorKind):
            kind = self.kind.value
        else:
            kind = self.kind

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        wikidata_id: None | str | Unset
        if isinstance(self.wikidata_id, Unset):
            wikidata_id = UNSET
        else:
            wikidata_id = self.wikidata_id

        country: None | str | Unset
        if isinstance(self.country, Unset):
            country = UNSET
        else:
            country = self.country

        aliases: list[dict[str, Any]] | None | Unset
        if isinstance(self.aliases, Unset):
            aliases = UNSET
        elif isinstance(self.aliases, list):
            aliases = []
            for aliases_type_0_item_data in self.aliases:
                aliases_type_0_item = aliases_type_0_item_data.to_dict()
                aliases.append(aliases_type_0_item)

        else:
            aliases = self.aliases

        review_status: None | str | Unset
        if isinstance(self.review_status, Unset):
            review_status = UNSET
        elif isinstance(self.review_status, ReviewStatus):
            review_status = self.review_status.value
        else:
            review_status = self.review_status

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if kind is not UNSET:
            field_dict["kind"] = kind
        if description is not UNSET:
            field_dict["description"] = description
        if wikidata_id is not UNSET:
            field_dict["wikidata_id"] = wikidata_id
        if country is not UNSET:
            field_dict["country"] = country
        if aliases is not UNSET:
            field_dict["aliases"] = aliases
        if review_status is not UNSET:
            field_dict["review_status"] = review_status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.alias_create import AliasCreate  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_kind(data: object) -> ActorKind | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                kind_type_0 = ActorKind(data)

                return kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ActorKind | None | Unset, data)

        kind = _parse_kind(d.pop("kind", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_wikidata_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        wikidata_id = _parse_wikidata_id(d.pop("wikidata_id", UNSET))

        def _parse_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        country = _parse_country(d.pop("country", UNSET))

        def _parse_aliases(data: object) -> list[AliasCreate] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                aliases_type_0 = []
                _aliases_type_0 = data
                for aliases_type_0_item_data in _aliases_type_0:
                    aliases_type_0_item = AliasCreate.from_dict(aliases_type_0_item_data)

                    aliases_type_0.append(aliases_type_0_item)

                return aliases_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[AliasCreate] | None | Unset, data)

        aliases = _parse_aliases(d.pop("aliases", UNSET))

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

        actor_update = cls(
            name=name,
            kind=kind,
            description=description,
            wikidata_id=wikidata_id,
            country=country,
            aliases=aliases,
            review_status=review_status,
        )

        return actor_update
