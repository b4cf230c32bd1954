from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.annotation_kind import AnnotationKind
from ..models.attribution import Attribution
from ..models.certainty import Certainty
from ..models.label import Label
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.actor_ref import ActorRef
    from ..models.claim_ref import ClaimRef
    from ..models.text_position_selector import TextPositionSelector
    from ..models.text_quote_selector import TextQuoteSelector


T = TypeVar("T", bound="AnnotationPublic")


@_attrs_define
class AnnotationPublic:
    """One highlightable span: a stance (with its claim) or a mention (with its actor).

    Attributes:
        kind (AnnotationKind):
        id (str):
        start (int):
        end (int):
        quote (str):
        selector (list[TextPositionSelector | TextQuoteSelector]):
        actor (ActorRef | None | Unset):
        claim (ClaimRef | None | Unset):
        label (Label | None | Unset):
        holder (ActorRef | None | Unset):
        attribution (Attribution | None | Unset):
        certainty (Certainty | None | Unset):
    """

    kind: AnnotationKind
    id: str
    start: int
    end: int
    quote: str
    selector: list[TextPositionSelector | TextQuoteSelector]
    actor: ActorRef | None | Unset = UNSET
    claim: ClaimRef | None | Unset = UNSET
    label: Label | None | Unset = UNSET
    holder: ActorRef | None | Unset = UNSET
    attribution: Attribution | None | Unset = UNSET
    certainty: Certainty | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.actor_ref import ActorRef  # noqa: PLC0415
        from ..models.claim_ref import ClaimRef  # noqa: PLC0415
        from ..models.text_position_selector import TextPositionSelector  # noqa: PLC0415

        kind = self.kind.value

        id = self.id

        start = self.start

        end = self.end

        quote = self.quote

        selector = []
        for selector_item_data in self.selector:
            selector_item: dict[str, Any]
            if isinstance(selector_item_data, TextPositionSelector):
                selector_item = selector_item_data.to_dict()
            else:
                selector_item = selector_item_data.to_dict()

            selector.append(selector_item)

        actor: dict[str, Any] | None | Unset
        if isinstance(self.actor, Unset):
            actor = UNSET
        elif isinstance(self.actor, ActorRef):
            actor = self.actor.to_dict()
        else:
            actor = self.actor

        claim: dict[str, Any] | None | Unset
        if isinstance(self.claim, Unset):
            claim = UNSET
        elif isinstance(self.claim, ClaimRef):
            claim = self.claim.to_dict()
        else:
            claim = self.claim

        label: None | str | Unset
        if isinstance(self.label, Unset):
            label = UNSET
        elif isinstance(self.label, Label):
            label = self.label.value
        else:
            label = self.label

        holder: dict[str, Any] | None | Unset
        if isinstance(self.holder, Unset):
            holder = UNSET
        elif isinstance(self.holder, ActorRef):
            holder = self.holder.to_dict()
        else:
            holder = self.holder

        attribution: None | str | Unset
        if isinstance(self.attribution, Unset):
            attribution = UNSET
        elif isinstance(self.attribution, Attribution):
            attribution = self.attribution.value
        else:
            attribution = self.attribution

        certainty: None | str | Unset
        if isinstance(self.certainty, Unset):
            certainty = UNSET
        elif isinstance(self.certainty, Certainty):
            certainty = self.certainty.value
        else:
            certainty = self.certainty

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "id": id,
                "start": start,
                "end": end,
                "quote": quote,
                "selector": selector,
            }
        )
        if actor is not UNSET:
            field_dict["actor"] = actor
        if claim is not UNSET:
            field_dict["claim"] = claim
        if label is not UNSET:
            field_dict["label"] = label
        if holder is not UNSET:
            field_dict["holder"] = holder
        if attribution is not UNSET:
            field_dict["attribution"] = attribution
        if certainty is not UNSET:
            field_dict["certainty"] = certainty

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.actor_ref import ActorRef  # noqa: PLC0415
        from ..models.claim_ref import ClaimRef  # noqa: PLC0415
        from ..models.text_position_selector import TextPositionSelector  # noqa: PLC0415
        from ..models.text_quote_selector import TextQuoteSelector  # noqa: PLC0415

        d = dict(src_dict)
        kind = AnnotationKind(d.pop("kind"))

        id = d.pop("id")

        start = d.pop("start")

        end = d.pop("end")

        quote = d.pop("quote")

        selector = []
        _selector = d.pop("selector")
        for selector_item_data in _selector:

            def _parse_selector_item(data: object) -> TextPositionSelector | TextQuoteSelector:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    selector_item_type_0 = TextPositionSelector.from_dict(data)

                    return selector_item_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                selector_item_type_1 = TextQuoteSelector.from_dict(data)

                return selector_item_type_1

            selector_item = _parse_selector_item(selector_item_data)

            selector.append(selector_item)

        def _parse_actor(data: object) -> ActorRef | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                actor_type_0 = ActorRef.from_dict(data)

                return actor_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ActorRef | None | Unset, data)

        actor = _parse_actor(d.pop("actor", UNSET))

        def _parse_claim(data: object) -> ClaimRef | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                claim_type_0 = ClaimRef.from_dict(data)

                return claim_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ClaimRef | None | Unset, data)

        claim = _parse_claim(d.pop("claim", UNSET))

        def _parse_label(data: object) -> Label | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                label_type_0 = Label(data)

                return label_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Label | None | Unset, data)

        label = _parse_label(d.pop("label", UNSET))

        def _parse_holder(data: object) -> ActorRef | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                holder_type_0 = ActorRef.from_dict(data)

                return holder_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ActorRef | None | Unset, data)

        holder = _parse_holder(d.pop("holder", UNSET))

        def _parse_attribution(data: object) -> Attribution | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                attribution_type_0 = Attribution(data)

                return attribution_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Attribution | None | Unset, data)

        attribution = _parse_attribution(d.pop("attribution", UNSET))

        def _parse_certainty(data: object) -> Certainty | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                certainty_type_0 = Certainty(data)

                return certainty_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Certainty | None | Unset, data)

        certainty = _parse_certainty(d.pop("certainty", UNSET))

        annotation_public = cls(
            kind=kind,
            id=id,
            start=start,
            end=end,
            quote=quote,
            selector=selector,
            actor=actor,
            claim=claim,
            label=label,
            holder=holder,
            attribution=attribution,
            certainty=certainty,
        )

        annotation_public.additional_properties = d
        return annotation_public

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
