from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.proposal_kind import ProposalKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.actor_public import ActorPublic
    from ..models.claim_public import ClaimPublic
    from ..models.mention_public import MentionPublic
    from ..models.stance_public import StancePublic


T = TypeVar("T", bound="Proposal")


@_attrs_define
class Proposal:
    """One candidate span of a source: a stance with its claim, or a mention, and the
    candidate actors it names (accepting it accepts them too).

        Attributes:
            kind (ProposalKind):
            id (str):
            start (int):
            end (int):
            actors (list[ActorPublic]):
            stance (None | StancePublic | Unset):
            claim (ClaimPublic | None | Unset):
            mention (MentionPublic | None | Unset):
    """

    kind: ProposalKind
    id: str
    start: int
    end: int
    actors: list[ActorPublic]
    stance: None | StancePublic | Unset = UNSET
    claim: ClaimPublic | None | Unset = UNSET
    mention: MentionPublic | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.claim_public import ClaimPublic  # noqa: PLC0415
        from ..models.mention_public import MentionPublic  # noqa: PLC0415
        from ..models.stance_public import StancePublic  # noqa: PLC0415

        kind = self.kind.value

        id = self.id

        start = self.start

        end = self.end

        actors = []
        for actors_item_data in self.actors:
            actors_item = actors_item_data.to_dict()
            actors.append(actors_item)

        stance: dict[str, Any] | None | Unset
        if isinstance(self.stance, Unset):
            stance = UNSET
        elif isinstance(self.stance, StancePublic):
            stance = self.stance.to_dict()
        else:
            stance = self.stance

        claim: dict[str, Any] | None | Unset
        if isinstance(self.claim, Unset):
            claim = UNSET
        elif isinstance(self.claim, ClaimPublic):
            claim = self.claim.to_dict()
        else:
            claim = self.claim

        mention: dict[str, Any] | None | Unset
        if isinstance(self.mention, Unset):
            mention = UNSET
        elif isinstance(self.mention, MentionPublic):
            mention = self.mention.to_dict()
        else:
            mention = self.mention

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "id": id,
                "start": start,
                "end": end,
                "actors": actors,
            }
        )
        if stance is not UNSET:
            field_dict["stance"] = stance
        if claim is not UNSET:
            field_dict["claim"] = claim
        if mention is not UNSET:
            field_dict["mention"] = mention

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.actor_public import ActorPublic  # noqa: PLC0415
        from ..models.claim_public import ClaimPublic  # noqa: PLC0415
        from ..models.mention_public import MentionPublic  # noqa: PLC0415
        from ..models.stance_public import StancePublic  # noqa: PLC0415

        d = dict(src_dict)
        kind = ProposalKind(d.pop("kind"))

        id = d.pop("id")

        start = d.pop("start")

        end = d.pop("end")

        actors = []
        _actors = d.pop("actors")
        for actors_item_data in _actors:
            actors_item = ActorPublic.from_dict(actors_item_data)

            actors.append(actors_item)

        def _parse_stance(data: object) -> None | StancePublic | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                stance_type_0 = StancePublic.from_dict(data)

                return stance_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StancePublic | Unset, data)

        stance = _parse_stance(d.pop("stance", UNSET))

        def _parse_claim(data: object) -> ClaimPublic | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                claim_type_0 = ClaimPublic.from_dict(data)

                return claim_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ClaimPublic | None | Unset, data)

        claim = _parse_claim(d.pop("claim", UNSET))

        def _parse_mention(data: object) -> MentionPublic | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                mention_type_0 = MentionPublic.from_dict(data)

                return mention_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MentionPublic | None | Unset, data)

        mention = _parse_mention(d.pop("mention", UNSET))

        proposal = cls(
            kind=kind,
            id=id,
            start=start,
            end=end,
            actors=actors,
            stance=stance,
            claim=claim,
            mention=mention,
        )

        proposal.additional_properties = d
        return proposal

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
