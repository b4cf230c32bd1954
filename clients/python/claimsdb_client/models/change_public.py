from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.change_public_after_type_0 import ChangePublicAfterType0
    from ..models.change_public_before_type_0 import ChangePublicBeforeType0


T = TypeVar("T", bound="ChangePublic")


@_attrs_define
class ChangePublic:
    """One write, as the audit log keeps it.

    Attributes:
        seq (int):
        at (datetime.datetime):
        key (str):
        action (str):
        resource (str):
        id (str):
        version (int | None):
        before (ChangePublicBeforeType0 | None):
        after (ChangePublicAfterType0 | None):
    """

    seq: int
    at: datetime.datetime
    key: str
    action: str
    resource: str
    id: str
    version: int | None
    before: ChangePublicBeforeType0 | None
    after: ChangePublicAfterType0 | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.change_public_after_type_0 import ChangePublicAfterType0  # noqa: PLC0415
        from ..models.change_public_before_type_0 import ChangePublicBeforeType0  # noqa: PLC0415

        seq = self.seq

        at = self.at.isoformat()

        key = self.key

        action = self.action

        resource = self.resource

        id = self.id

        version: int | None
        version = self.version

        before: dict[str, Any] | None
        if isinstance(self.before, ChangePublicBeforeType0):
            before = self.before.to_dict()
        else:
            before = self.before

        after: dict[str, Any] | None
        if isinstance(self.after, ChangePublicAfterType0):
            after = self.after.to_dict()
        else:
            after = self.after

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "seq": seq,
                "at": at,
                "key": key,
                "action": action,
                "resource": resource,
                "id": id,
                "version": version,
                "before": before,
                "after": after,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.change_public_after_type_0 import ChangePublicAfterType0  # noqa: PLC0415
        from ..models.change_public_before_type_0 import ChangePublicBeforeType0  # noqa: PLC0415

        d = dict(src_dict)
        seq = d.pop("seq")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        key = d.pop("key")

        action = d.pop("action")

        resource = d.pop("resource")

        id = d.pop("id")

        def _parse_version(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        version = _parse_version(d.pop("version"))

        def _parse_before(data: object) -> ChangePublicBeforeType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                before_type_0 = ChangePublicBeforeType0.from_dict(data)

                return before_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChangePublicBeforeType0 | None, data)

        before = _parse_before(d.pop("before"))

        def _parse_after(data: object) -> ChangePublicAfterType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                after_type_0 = ChangePublicAfterType0.from_dict(data)

                return after_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChangePublicAfterType0 | None, data)

        after = _parse_after(d.pop("after"))

        change_public = cls(
            seq=seq,
            at=at,
            key=key,
            action=action,
            resource=resource,
            id=id,
            version=version,
            before=before,
            after=after,
        )

        change_public.additional_properties = d
        return change_public

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
