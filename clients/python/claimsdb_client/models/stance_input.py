from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.attribution import Attribution
from ..models.certainty import Certainty
from ..models.label import Label
from ..models.review_status import ReviewStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="StanceInput")


@_attrs_define
class StanceInput:
    """
    Attributes:
        source_id (str):
        claim (str):
        label (Label):
        attribution (Attribution):
        certainty (Certainty):
        quote (None | str | Unset):
        prefix (None | str | Unset):
        suffix (None | str | Unset):
        occurrence (int | None | Unset):
        start (int | None | Unset):
        end (int | None | Unset):
        id (None | str | Unset):
        holder (None | str | Unset):
        review_status (ReviewStatus | Unset):
    """

    source_id: str
    claim: str
    label: Label
    attribution: Attribution
    certainty: Certainty
    quote: None | str | Unset = UNSET
    prefix: None | str | Unset = UNSET
    suffix: None | str | Unset = UNSET
    occurrence: int | None | Unset = UNSET
    start: int | None | Unset = UNSET
    end: int | None | Unset = UNSET
    id: None | str | Unset = UNSET
    holder: None | str | Unset = UNSET
    review_status: ReviewStatus | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        source_id = self.source_id

        claim = self.claim

        label = self.label.value

        attribution = self.attribution.value

        certainty = self.certainty.value

        quote: None | str | Unset
        if isinstance(self.quote, Unset):
            quote = UNSET
        else:
            quote = self.quote

        prefix: None | str | Unset
        if isinstance(self.prefix, Unset):
            prefix = UNSET
        else:
            prefix = self.prefix

        suffix: None | str | Unset
        if isinstance(self.suffix, Unset):
            suffix = UNSET
        else:
            suffix = self.suffix

        occurrence: int | None | Unset
        if isinstance(self.occurrence, Unset):
            occurrence = UNSET
        else:
            occurrence = self.occurrence

        start: int | None | Unset
        if isinstance(self.start, Unset):
            start = UNSET
        else:
            start = self.start

        end: int | None | Unset
        if isinstance(self.end, Unset):
            end = UNSET
        else:
            end = self.end

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        holder: None | str | Unset
        if isinstance(self.holder, Unset):
            holder = UNSET
        else:
            holder = self.holder

        review_status: str | Unset = UNSET
        if not isinstance(self.review_status, Unset):
            review_status = self.review_status.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "source_id": source_id,
                "claim": claim,
                "label": label,
                "attribution": attribution,
                "certainty": certainty,
            }
        )
        if quote is not UNSET:
            field_dict["quote"] = quote
        if prefix is not UNSET:
            field_dict["prefix"] = prefix
        if suffix is not UNSET:
            field_dict["suffix"] = suffix
        if occurrence is not UNSET:
            field_dict["occurrence"] = occurrence
        if start is not UNSET:
            field_dict["start"] = start
        if end is not UNSET:
            field_dict["end"] = end
        if id is not UNSET:
            field_dict["id"] = id
        if holder is not UNSET:
            field_dict["holder"] = holder
        if review_status is not UNSET:
            field_dict["review_status"] = review_status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        source_id = d.pop("source_id")

        claim = d.pop("claim")

        label = Label(d.pop("label"))

        attribution = Attribution(d.pop("attribution"))

        certainty = Certainty(d.pop("certainty"))

        def _parse_quote(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        quote = _parse_quote(d.pop("quote", UNSET))

        def _parse_prefix(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        prefix = _parse_prefix(d.pop("prefix", UNSET))

        def _parse_suffix(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        suffix = _parse_suffix(d.pop("suffix", UNSET))

        def _parse_occurrence(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        occurrence = _parse_occurrence(d.pop("occurrence", UNSET))

        def _parse_start(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        start = _parse_start(d.pop("start", UNSET))

        def _parse_end(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        end = _parse_end(d.pop("end", UNSET))

        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        def _parse_holder(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        holder = _parse_holder(d.pop("holder", UNSET))

        _review_status = d.pop("review_status", UNSET)
        review_status: ReviewStatus | Unset
        if isinstance(_review_status, Unset):
            review_status = UNSET
        else:
            review_status = ReviewStatus(_review_status)

        stance_input = cls(
            source_id=source_id,
            claim=claim,
            label=label,
            attribution=attribution,
            certainty=certainty,
            quote=quote,
            prefix=prefix,
            suffix=suffix,
            occurrence=occurrence,
            start=start,
            end=end,
            id=id,
            holder=holder,
            review_status=review_status,
        )

        return stance_input
