from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AnnotationSummary")


@_attrs_define
class AnnotationSummary:
    """What the annotation pipeline proposed for a new source: rows stored as candidates.

    Attributes:
        extracted_by (str): "<pipeline>@<version>"
        relevance (float | None): How much the article is about what the database holds (0 to 1); under 0.5 it is off
            topic and nothing is proposed; null in an empty database.
        on_topic (bool):
        actors (int): Candidate actors stored (names NER found).
        mentions (int): Candidate mentions stored (beyond those every source gets by name).
        claims (int): Candidate claims stored.
        stances (int): Candidate stances stored.
        stances_on_existing_claims (int): Of those stances, how many attach to a claim the database held.
        seconds (float): Time the pipeline took.
    """

    extracted_by: str
    relevance: float | None
    on_topic: bool
    actors: int
    mentions: int
    claims: int
    stances: int
    stances_on_existing_claims: int
    seconds: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        extracted_by = self.extracted_by

        relevance: float | None
        relevance = self.relevance

        on_topic = self.on_topic

        actors = self.actors

        mentions = self.mentions

        claims = self.claims

        stances = self.stances

        stances_on_existing_claims = self.stances_on_existing_claims

        seconds = self.seconds

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "extracted_by": extracted_by,
                "relevance": relevance,
                "on_topic": on_topic,
                "actors": actors,
                "mentions": mentions,
                "claims": claims,
                "stances": stances,
                "stances_on_existing_claims": stances_on_existing_claims,
                "seconds": seconds,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        extracted_by = d.pop("extracted_by")

        def _parse_relevance(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        relevance = _parse_relevance(d.pop("relevance"))

        on_topic = d.pop("on_topic")

        actors = d.pop("actors")

        mentions = d.pop("mentions")

        claims = d.pop("claims")

        stances = d.pop("stances")

        stances_on_existing_claims = d.pop("stances_on_existing_claims")

        seconds = d.pop("seconds")

        annotation_summary = cls(
            extracted_by=extracted_by,
            relevance=relevance,
            on_topic=on_topic,
            actors=actors,
            mentions=mentions,
            claims=claims,
            stances=stances,
            stances_on_existing_claims=stances_on_existing_claims,
            seconds=seconds,
        )

        annotation_summary.additional_properties = d
        return annotation_summary

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
