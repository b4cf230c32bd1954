from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.date_precision import DatePrecision
from ..models.genre import Genre
from ..models.status import Status

T = TypeVar("T", bound="SourceDetail")


@_attrs_define
class SourceDetail:
    """
    Attributes:
        id (str):
        title (str):
        publisher (None | str):
        author (None | str):
        url (None | str):
        published_on (datetime.date | None):
        date_precision (DatePrecision | None):
        date_note (None | str):
        genre (Genre):
        language (str):
        text_sha256 (str):
        length (int):
        version (int):
        status (Status):
        status_reason (None | str):
        text (str):
    """

    id: str
    title: str
    publisher: None | str
    author: None | str
    url: None | str
    published_on: datetime.date | None
    date_precision: DatePrecision | None
    date_note: None | str
    genre: Genre
    language: str
    text_sha256: str
    length: int
    version: int
    status: Status
    status_reason: None | str
    text: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        title = self.title

        publisher: None | str
        publisher = self.publisher

        author: None | str
        author = self.author

        url: None | str
        url = self.url

        published_on: None | str
        if isinstance(self.published_on, datetime.date):
            published_on = self.published_on.isoformat()
        else:
            published_on = self.published_on

        date_precision: None | str
        if isinstance(self.date_precision, DatePrecision):
            date_precision = self.date_precision.value
        else:
            date_precision = self.date_precision

        date_note: None | str
        date_note = self.date_note

        genre = self.genre.value

        language = self.language

        text_sha256 = self.text_sha256

        length = self.length

        version = self.version

        status = self.status.value

        status_reason: None | str
        status_reason = self.status_reason

        text = self.text

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "title": title,
                "publisher": publisher,
                "author": author,
                "url": url,
                "published_on": published_on,
                "date_precision": date_precision,
                "date_note": date_note,
                "genre": genre,
                "language": language,
                "text_sha256": text_sha256,
                "length": length,
                "version": version,
                "status": status,
                "status_reason": status_reason,
                "text": text,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        title = d.pop("title")

        def _parse_publisher(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        publisher = _parse_publisher(d.pop("publisher"))

        def _parse_author(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        author = _parse_author(d.pop("author"))

        def _parse_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        url = _parse_url(d.pop("url"))

        def _parse_published_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                published_on_type_0 = datetime.date.fromisoformat(data)

                return published_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        published_on = _parse_published_on(d.pop("published_on"))

        def _parse_date_precision(data: object) -> DatePrecision | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                date_precision_type_0 = DatePrecision(data)

                return date_precision_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DatePrecision | None, data)

        date_precision = _parse_date_precision(d.pop("date_precision"))

        def _parse_date_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        date_note = _parse_date_note(d.pop("date_note"))

        genre = Genre(d.pop("genre"))

        language = d.pop("language")

        text_sha256 = d.pop("text_sha256")

        length = d.pop("length")

        version = d.pop("version")

        status = Status(d.pop("status"))

        def _parse_status_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        status_reason = _parse_status_reason(d.pop("status_reason"))

        text = d.pop("text")

        source_detail = cls(
            id=id,
            title=title,
            publisher=publisher,
            author=author,
            url=url,
            published_on=published_on,
            date_precision=date_precision,
            date_note=date_note,
            genre=genre,
            language=language,
            text_sha256=text_sha256,
            length=length,
            version=version,
            status=status,
            status_reason=status_reason,
            text=text,
        )

        source_detail.additional_properties = d
        return source_detail

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
