"""Step 6: how sure the sentence is, from its hedges (seeds/ANNOTATION_GUIDE.md, Stances).

``possible`` for "may", "might", "could", "potentially", "perhaps", "not ruled out";
``probable`` for "likely", "reportedly", "apparently", "signs
indicate", "suggests", "seems", "arguably", "according to estimates", "is understood to",
"in all probability", "almost certainly", and the writer's own
"my guess is", "we expect", "I'd bet"; the weakest
hedge present wins; none is ``certain`` ("could never", "could no longer" say what someone
was unable to do, and are not hedges). A holder's own doubt ("X doubts") is reported as
``probable``, as the guide says.
"""

import re

from app.ingest.types import Certainty

POSSIBLE = re.compile(
    r"\b(?:may(?!\s+\d)|might|could|potentially|perhaps|possibly|"
    r"conceivably|maybe|it\s+is\s+possible|there\s+is\s+a\s+(?:chance|possibility|risk)|"
    r"(?:would|could|might)\s+(?:potentially|eventually)|(?:the|a)\s+possibility|"
    # what is not ruled out is possible, not certain
    r"(?:cannot|not|n['\u2019]t)\s+(?:be\s+)?rul(?:e|ed|ing)\s+out)\b",
    re.IGNORECASE,
)
PROBABLE = re.compile(
    r"\b(?:likely|unlikely|probably|reportedly|apparently|allegedly|purportedly|seemingly|"
    r"presumably|seems?|seemed|appears?|appeared|suggest(?:s|ed|ing)?|indicat(?:e|es|ed|ing)|"
    r"signs\s+(?:are|point|show)|(?:believed|thought|understood)\s+to|expected\s+to|said\s+to|"
    r"in\s+all\s+probability|almost\s+certainly|"
    r"suspected|suspect(?:s|ed)?\s+(?:that|of)|estimated|doubts?|doubted|"
    r"is\s+said|are\s+said|rumou?red|in\s+all\s+likelihood|most\s+likely|more\s+likely|"
    r"arguably|(?:is|are|was|were)\s+reported\s+to|according\s+to\s+(?:\w+\s+)?estimates|"
    # the writer's own hedges: "my guess is", "I'd bet", "we expect", "our judgement is"
    r"(?:my|our)\s+(?:guess|bet|sense|read|judg(?:e)?ment|assessment)\s+is|"
    r"I['\u2019]d\s+bet|I\s+would\s+bet|I\s+suspect|we\s+(?:expect|assess|judge|suspect)|"
    r"little\s+reason\s+to\s+(?:think|believe|expect))\b",
    re.IGNORECASE,
)
# "military might", "with all its might": the noun, not the modal
MIGHT_NOUN = re.compile(
    r"\b(?:(?:military|economic|naval|nuclear|its|their|his|her|all|of)\s+might|might\s+makes\s+right)\b",
    re.IGNORECASE,
)
# "he could never buy", "could no longer fight": what someone was unable to do, not a hedge
COULD_NOT = re.compile(r"\bcould\s+(?:never|no\s+longer|hardly|barely)\b", re.IGNORECASE)
# the month, or "May" opening a sentence as a name, is not a hedge: only lower-case "may"
MAY_MONTH = re.compile(r"\bMay\b")


def certainty(sentence: str) -> tuple[Certainty, list[str]]:
    """The certainty of a sentence and the hedges that decided it."""
    cleaned = MIGHT_NOUN.sub(" ", sentence)
    cleaned = MAY_MONTH.sub(" ", cleaned)
    cleaned = COULD_NOT.sub(" ", cleaned)
    possible = [m.group() for m in POSSIBLE.finditer(cleaned)]
    if possible:
        return "possible", possible
    probable = [m.group() for m in PROBABLE.finditer(cleaned)]
    if probable:
        return "probable", probable
    return "certain", []
