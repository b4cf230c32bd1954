"""Step 3: how much the article is about what the database holds.

Two signals, each a share of the article's assertive sentences: those that name an actor
of the registry, and those that come close to an existing claim. A recipe that says
"Chinese five-spice" once, or a phone review that says the phone is assembled in China,
names a registry actor in few sentences and restates no claim; an article on the
database's subject does both, sentence after sentence. Below ``ON_TOPIC`` the pipeline
proposes nothing that touches the database: no stance on an existing claim and no mention
of a registry actor (for an off-topic text such a mention is chrome to a reviewer even
when the name is right), and no new claims either, whose review would be pure load.
The weights and thresholds were set on the texts in docs/annotation.md.
"""

import math
from collections.abc import Sequence

# a sentence comes close to some claim when its best normalised score reaches this
CLOSE = 0.2
ON_TOPIC = 0.5


def relevance(*, named: Sequence[bool], best_scores: Sequence[float]) -> float:
    """0..1 from the share of sentences that name a registry actor and the share that come
    close to an existing claim: a logistic of both, claims weighing double (on the texts of
    docs/annotation.md, on-topic articles score 0.8 and more, off-topic ones under 0.2)."""
    if not named:
        return 0.0
    actor_share = sum(named) / len(named)
    claim_share = sum(1 for s in best_scores if s >= CLOSE) / len(best_scores) if best_scores else 0
    # an article can be on topic with few claims to restate yet (a young database, a new
    # angle), but only if it keeps naming the registry's actors, sentence after sentence
    evidence = 6.0 * claim_share + 3.0 * actor_share - 2.5
    return round(1 / (1 + math.exp(-evidence)), 3)
