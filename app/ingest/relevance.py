"""Step 3: how much the article is about what the database holds.

Two signals over the article's assertive sentences: how close they come to the existing
claims on average (each sentence's best normalised score), and the share that name an actor
of the registry. A recipe that says "Chinese five-spice" once, or a phone review that says
the phone is assembled in China, names a registry actor in few sentences and restates no
claim; an article on the database's subject does both, sentence after sentence. Naming the
actors is not enough on its own: a football report where South Korea plays Japan, or a
markets wrap about Beijing's stimulus and the yen, names states in most sentences but
sounds like none of the claims. Below ``ON_TOPIC`` the pipeline proposes nothing that
touches the database: no stance on an existing claim and no mention of a registry actor
(for an off-topic text such a mention is chrome to a reviewer even when the name is right),
and no new claims either, whose review would be pure load.
The weights and thresholds were set on the texts in docs/annotation.md.
"""

import math
from collections.abc import Sequence

ON_TOPIC = 0.5
# the mean best score that is neutral evidence: on the texts of docs/annotation.md on-topic
# articles average 0.20 to 0.29, off-topic ones 0.08 to 0.12
NEUTRAL_CLOSENESS = 0.16


def relevance(*, named: Sequence[bool], best_scores: Sequence[float], has_claims: bool) -> float:
    """0..1: a logistic of the sentences' mean closeness to the claims and of the share that
    name a registry actor (on the texts of docs/annotation.md, on-topic articles score 0.84
    and more, off-topic ones 0.40 and less). An article with no claims to compare with yet
    (or too few for closeness to mean much) is on topic if it keeps naming the registry's
    actors, sentence after sentence."""
    if not named:
        return 0.0
    actor_share = sum(named) / len(named)
    # an article can be on topic with few claims to restate yet (a young database, a new
    # angle), but only if it names the registry's actors in nearly every sentence (5 in 6)
    evidence = 3.0 * actor_share - 2.5
    if has_claims:
        closeness = sum(best_scores) / len(best_scores) if best_scores else 0.0
        evidence = max(evidence, 25.0 * (closeness - NEUTRAL_CLOSENESS) + 2.0 * (actor_share - 0.5))
    return round(1 / (1 + math.exp(-evidence)), 3)
