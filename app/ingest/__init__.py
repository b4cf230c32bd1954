"""The annotation pipeline: an article in, proposals for a reviewer out (issue 22).

One module per step, each timed in ``Proposals.timings`` and replaceable on its own:
sentences (with furniture), nlp (spaCy NER), mentions, matching (and embeddings),
relevance, attribution, certainty, claims; html extracts an article from a web page, and
evaluate scores the whole against the hand-annotated seeds. Nothing here touches the
database: the caller passes the registry and the claims and stores what comes back.
"""

from app.ingest.pipeline import annotate, load_pipeline, warm_up
from app.ingest.types import (
    Alias,
    ExistingClaim,
    Proposals,
    ProposedActor,
    ProposedClaim,
    ProposedMention,
    ProposedStance,
    RegistryActor,
    SuggestedClaim,
)

__all__ = [
    "Alias",
    "ExistingClaim",
    "Proposals",
    "ProposedActor",
    "ProposedClaim",
    "ProposedMention",
    "ProposedStance",
    "RegistryActor",
    "SuggestedClaim",
    "annotate",
    "load_pipeline",
    "warm_up",
]
