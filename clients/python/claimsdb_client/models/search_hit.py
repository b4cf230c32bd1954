from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.kind import Kind

T = TypeVar("T", bound="SearchHit")


@_attrs_define
class SearchHit:
    """A claim, a passage of a source, or an actor (by its name or an alias).

    Attributes:
        kind (Kind):
        id (str): The claim's, the passage's or the actor's id.
        score (float): Relevance, higher is better: bm25 on SQLite, ts_rank_cd on PostgreSQL. It orders the hits of one
            search; it is not comparable across engines.
        title (None | str): The source's title for a passage, the actor's name for an actor; null for a claim.
        text (str): What matched, as plain text: the claim, the passage, or the actor's name or alias.
        snippet (str): HTML: up to 240 characters of `text` around the first match, escaped, each match in `<mark>`; `…`
            where the text is cut.
        source_id (None | str): A passage's source; null for other kinds.
        start (int | None): Where a passage starts in its source's text (code points); `text == source.text[start:end]`.
        end (int | None): Where a passage ends (exclusive).
    """

    kind: Kind
    id: str
    score: float
    title: None | str
    text: str
    snippet: str
    source_id: None | str
    start: int | None
    end: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        id = self.id

        score = self.score

        title: None | str
        title = self.title

        text = self.text

        snippet = self.snippet

        source_id: None | str
        source_id = self.source_id

        start: int | None
        start = self.start

        end: int | None
        end = self.end

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "id": id,
                "score": score,
                "title": title,
                "text": text,
                "snippet": snippet,
                "source_id": source_id,
                "start": start,
                "end": end,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = Kind(d.pop("kind"))

        id = d.pop("id")

        score = d.pop("score")

        def _parse_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        title = _parse_title(d.pop("title"))

        text = d.pop("text")

        snippet = d.pop("snippet")

        def _parse_source_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        source_id = _parse_source_id(d.pop("source_id"))

        def _parse_start(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        start = _parse_start(d.pop("start"))

        def _parse_end(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        end = _parse_end(d.pop("end"))

        search_hit = cls(
            kind=kind,
            id=id,
            score=score,
            title=title,
            text=text,
            snippet=snippet,
            source_id=source_id,
            start=start,
            end=end,
        )

        search_hit.additional_properties = d
        return search_hit

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
