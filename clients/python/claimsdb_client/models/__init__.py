"""Contains all the data models used in inputs/outputs"""

from .actor_counts import ActorCounts
from .actor_create import ActorCreate
from .actor_detail import ActorDetail
from .actor_kind import ActorKind
from .actor_positions import ActorPositions
from .actor_public import ActorPublic
from .actor_ref import ActorRef
from .actor_update import ActorUpdate
from .agreement import Agreement
from .alias_create import AliasCreate
from .alias_kind import AliasKind
from .alias_public import AliasPublic
from .annotation import Annotation
from .annotation_collection import AnnotationCollection
from .annotation_kind import AnnotationKind
from .annotation_page import AnnotationPage
from .annotation_public import AnnotationPublic
from .annotation_summary import AnnotationSummary
from .attribution import Attribution
from .by import By
from .certainty import Certainty
from .change_feed import ChangeFeed
from .change_public import ChangePublic
from .change_public_after_type_0 import ChangePublicAfterType0
from .change_public_before_type_0 import ChangePublicBeforeType0
from .claim_actor_create import ClaimActorCreate
from .claim_actor_public import ClaimActorPublic
from .claim_create import ClaimCreate
from .claim_detail import ClaimDetail
from .claim_public import ClaimPublic
from .claim_ref import ClaimRef
from .claim_role import ClaimRole
from .claim_type import ClaimType
from .claim_update import ClaimUpdate
from .contestation import Contestation
from .date_precision import DatePrecision
from .export_format import ExportFormat
from .facet_value import FacetValue
from .faceted_page_claim_public import FacetedPageClaimPublic
from .faceted_page_claim_public_facets import FacetedPageClaimPublicFacets
from .faceted_page_stance_public import FacetedPageStancePublic
from .faceted_page_stance_public_facets import FacetedPageStancePublicFacets
from .field_error import FieldError
from .genre import Genre
from .get_exports_actors_format_sort import GetExportsActorsFormatSort
from .get_exports_claims_format_sort import GetExportsClaimsFormatSort
from .get_exports_sources_format_sort import GetExportsSourcesFormatSort
from .get_exports_stances_format_sort import GetExportsStancesFormatSort
from .health import Health
from .held_claim import HeldClaim
from .key_input import KeyInput
from .key_public import KeyPublic
from .kind import Kind
from .label import Label
from .label_counts import LabelCounts
from .link_body import LinkBody
from .list_actors_sort import ListActorsSort
from .list_claims_sort import ListClaimsSort
from .list_sources_sort import ListSourcesSort
from .list_stances_sort import ListStancesSort
from .mention_input import MentionInput
from .mention_origin import MentionOrigin
from .mention_public import MentionPublic
from .mention_update import MentionUpdate
from .merge import Merge
from .new_key import NewKey
from .outline_entry import OutlineEntry
from .page_actor_public import PageActorPublic
from .page_annotation_public import PageAnnotationPublic
from .page_change_public import PageChangePublic
from .page_mention_public import PageMentionPublic
from .page_outline_entry import PageOutlineEntry
from .page_proposal import PageProposal
from .page_search_hit import PageSearchHit
from .page_source_public import PageSourcePublic
from .pair import Pair
from .party import Party
from .position_public import PositionPublic
from .problem import Problem
from .proposal import Proposal
from .proposal_kind import ProposalKind
from .provenance import Provenance
from .ready import Ready
from .review_status import ReviewStatus
from .role import Role
from .scope import Scope
from .search_hit import SearchHit
from .source_created import SourceCreated
from .source_detail import SourceDetail
from .source_public import SourcePublic
from .source_ref import SourceRef
from .source_submit import SourceSubmit
from .source_update import SourceUpdate
from .stance_input import StanceInput
from .stance_public import StancePublic
from .stance_update import StanceUpdate
from .status import Status
from .suggested_claim import SuggestedClaim
from .target import Target
from .text_position_selector import TextPositionSelector
from .text_quote_selector import TextQuoteSelector
from .textual_body import TextualBody

__all__ = (
    "ActorCounts",
    "ActorCreate",
    "ActorDetail",
    "ActorKind",
    "ActorPositions",
    "ActorPublic",
    "ActorRef",
    "ActorUpdate",
    "Agreement",
    "AliasCreate",
    "AliasKind",
    "AliasPublic",
    "Annotation",
    "AnnotationCollection",
    "AnnotationKind",
    "AnnotationPage",
    "AnnotationPublic",
    "AnnotationSummary",
    "Attribution",
    "By",
    "Certainty",
    "ChangeFeed",
    "ChangePublic",
    "ChangePublicAfterType0",
    "ChangePublicBeforeType0",
    "ClaimActorCreate",
    "ClaimActorPublic",
    "ClaimCreate",
    "ClaimDetail",
    "ClaimPublic",
    "ClaimRef",
    "ClaimRole",
    "ClaimType",
    "ClaimUpdate",
    "Contestation",
    "DatePrecision",
    "ExportFormat",
    "FacetedPageClaimPublic",
    "FacetedPageClaimPublicFacets",
    "FacetedPageStancePublic",
    "FacetedPageStancePublicFacets",
    "FacetValue",
    "FieldError",
    "Genre",
    "GetExportsActorsFormatSort",
    "GetExportsClaimsFormatSort",
    "GetExportsSourcesFormatSort",
    "GetExportsStancesFormatSort",
    "Health",
    "HeldClaim",
    "KeyInput",
    "KeyPublic",
    "Kind",
    "Label",
    "LabelCounts",
    "LinkBody",
    "ListActorsSort",
    "ListClaimsSort",
    "ListSourcesSort",
    "ListStancesSort",
    "MentionInput",
    "MentionOrigin",
    "MentionPublic",
    "MentionUpdate",
    "Merge",
    "NewKey",
    "OutlineEntry",
    "PageActorPublic",
    "PageAnnotationPublic",
    "PageChangePublic",
    "PageMentionPublic",
    "PageOutlineEntry",
    "PageProposal",
    "PageSearchHit",
    "PageSourcePublic",
    "Pair",
    "Party",
    "PositionPublic",
    "Problem",
    "Proposal",
    "ProposalKind",
    "Provenance",
    "Ready",
    "ReviewStatus",
    "Role",
    "Scope",
    "SearchHit",
    "SourceCreated",
    "SourceDetail",
    "SourcePublic",
    "SourceRef",
    "SourceSubmit",
    "SourceUpdate",
    "StanceInput",
    "StancePublic",
    "StanceUpdate",
    "Status",
    "SuggestedClaim",
    "Target",
    "TextPositionSelector",
    "TextQuoteSelector",
    "TextualBody",
)
