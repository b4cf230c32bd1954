from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.mention_origin import MentionOrigin
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
    """

    id: str
    actor: ActorRef
    surface: str
    provenance: Provenance
    origin: MentionOrigin
    version: int
    status: Status
    status_reason: None | str
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

        mention_public = cls(
            id=id,
            actor=actor,
            surface=surface,
            provenance=provenance,
            origin=origin,
            version=version,
            status=status,
            status_reason=status_reason,
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
