from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.actor_kind import ActorKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.alias_create import AliasCreate


T = TypeVar("T", bound="ActorCreate")


@_attrs_define
class ActorCreate:
    """
    Attributes:
        id (str):
        name (str):
        kind (ActorKind):
        description (None | str | Unset):
        wikidata_id (None | str | Unset):
        country (None | str | Unset):
        aliases (list[AliasCreate] | Unset):
    """

    id: str
    name: str
    kind: ActorKind
    description: None | str | Unset = UNSET
    wikidata_id: None | str | Unset = UNSET
    country: None | str | Unset = UNSET
    aliases: list[AliasCreate] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        kind = self.kind.value

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

        aliases: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.aliases, Unset):
            aliases = []
            for aliases_item_data in self.aliases:
                aliases_item = aliases_item_data.to_dict()
                aliases.append(aliases_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "name": name,
                "kind": kind,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if wikidata_id is not UNSET:
            field_dict["wikidata_id"] = wikidata_id
        if country is not UNSET:
            field_dict["country"] = country
        if aliases is not UNSET:
            field_dict["aliases"] = aliases

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.alias_create import AliasCreate  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        kind = ActorKind(d.pop("kind"))

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

        _aliases = d.pop("aliases", UNSET)
        aliases: list[AliasCreate] | Unset = UNSET
        if _aliases is not UNSET:
            aliases = []
            for aliases_item_data in _aliases:
                aliases_item = AliasCreate.from_dict(aliases_item_data)

                aliases.append(aliases_item)

        actor_create = cls(
            id=id,
            name=name,
            kind=kind,
            description=description,
            wikidata_id=wikidata_id,
            country=country,
            aliases=aliases,
        )

        return actor_create
