"""Step 5: whose position a sentence states, and how it reaches us.

Rules over the sentence and the actors named in it (seeds/ANNOTATION_GUIDE.md, Stances):

- "X said / warned / argues / doubts ...", "X, director of Y, says ...", "X's warning that",
  "“...,” X said", "according to X" → holder X, ``reported`` (``quoted`` when the sentence
  quotes words in quotation marks, ``paraphrased`` for a view in the author's words:
  "X believes / understands / sees ...");
- "He says ..." → the person the article named last; "They believe ..." the last group or state;
- "reports suggest", "sources say", "according to officials", "it is believed", "has been
  likened to", "in the eyes of many" → no holder, ``anonymous``;
- anything else is the author's own voice (holder null, ``author``).

"X denies / rejects / doubts" makes the stance ``opposes``; "X questions whether" and "it
is unclear whether" make it ``questions``.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from app.ingest.frames import (
    ACCORDING,
    ANONYMOUS,
    ANSWER,
    APPOSED_VERB,
    DEFINITE_SPEAKER,
    NAME_ENDS_FRAME,
    OPPOSE,
    PERSON_NOUNS,
    POSSESSIVE,
    PRONOUN,
    QUESTION,
    QUOTED_WORDS,
    SAID_BEFORE,
    THINK,
    TITLE_SAID,
    UNCLEAR,
    UNNAMED_COLLECTIVE,
    UNNAMED_SOURCE,
    VERB_AFTER,
    WORRY_IN,
)
from app.ingest.types import Attribution, Label


@dataclass(frozen=True)
class Named:
    """An actor named in the text: a registry id or a candidate's key, and its kind."""

    start: int
    end: int
    actor_id: str | None
    candidate: str | None
    kind: str


@dataclass(frozen=True)
class Speaker:
    """The holder of the sentence before: "He added", or a quotation that goes on."""

    holder: Named
    attribution: Attribution
    end: int  # where that sentence ends
    start: int = 0  # where it starts
    people: tuple[Named, ...] = ()  # the people it names


@dataclass
class Voice:
    holder: Named | None
    attribution: Attribution
    label: Label
    content: tuple[int, int] | None  # the reported clause, when the frame can be cut off
    cues: list[str] = field(default_factory=list)


def voice(
    text: str,
    start: int,
    end: int,
    named: Sequence[Named],
    earlier: Sequence[Named],
    *,
    speaker: Speaker | None = None,
) -> Voice:
    """Holder, attribution and label cue of the sentence ``text[start:end]``.

    ``named`` are the actors named inside it, ``earlier`` those named before it (for "he"),
    ``speaker`` the holder of the sentence just before, if it had one.
    """
    sentence = text[start:end]
    quoted = any(len(q.split()) >= 2 for q in QUOTED_WORDS.findall(sentence))
    if speaker and _quote_goes_on(text, speaker.end, start, sentence):
        return Voice(speaker.holder, "quoted", "supports", None, ["quotation goes on"])
    interviewee = _interviewee(text, start, earlier)
    if interviewee:
        return Voice(interviewee, "quoted", "supports", None, ["interview answer"])
    if UNNAMED_SOURCE.search(sentence):
        return Voice(None, "anonymous", "supports", None, ["unnamed source"])
    # "The agency said ..., Yonhap reported": the frame that opens the sentence is the holder's,
    # a news agency at its end only the conduit
    definite = DEFINITE_SPEAKER.match(sentence)
    if definite and speaker and _fits(speaker.holder, definite):
        content = _content(text, start + definite.end(), end)
        if content or not _is_thought(definite.group("verb")):
            return _framed(speaker.holder, definite.group("verb"), quoted, content, sentence)
    for who in named:
        after = text[who.end : end]
        before = text[start : who.start]
        verb = VERB_AFTER.match(after)
        if not verb and before.rstrip().endswith(","):
            verb = APPOSED_VERB.match(after)
        if verb and _plausible_speaker(who):
            content = _content(text, who.end + verb.end(), end)
            if content or not _is_thought(verb.group("verb")):
                # "Russia's ambassador to the UN, Vassily Nebenzia, argued": the name speaks
                who = _named_apposition(text, who, verb, named) or who
                framed = _framed(who, verb.group("verb"), quoted, content, sentence)
                return _collective(text, framed)
        possessive = POSSESSIVE.match(after)
        if possessive and _plausible_speaker(who):
            kind: Attribution = "quoted" if quoted else "reported"
            return Voice(who, kind, "supports", None, [possessive.group("noun")])
        titled = TITLE_SAID.match(after)
        if (
            titled
            and who.kind in {"state", "organization"}
            and not _names_between(named, who, titled.end())
        ):
            # "Japan's chief cabinet secretary said", "South Korea's defence ministry told":
            # an unnamed official speaks for the state
            content = _content(text, who.end + titled.end(), end)
            return _framed(who, titled.group("verb"), quoted, content, sentence)
        if SAID_BEFORE.search(before) and NAME_ENDS_FRAME.match(after) and _plausible_speaker(who):
            kind = "quoted" if quoted else "reported"
            content = (start, start + len(before.rstrip()))
            return _collective(text, Voice(who, kind, "supports", content, ["said"]))
        if ACCORDING.search(before) and _plausible_speaker(who):
            content = _after_comma(text, who.end, end)
            return _collective(text, Voice(who, "reported", "supports", content, ["according to"]))
        if WORRY_IN.search(before) and re.match(r"\s+that\b", after) and _plausible_speaker(who):
            content = _content(text, who.end, end)
            return Voice(who, "reported", "supports", content, ["concern"])
    pronoun = PRONOUN.match(sentence)
    if pronoun:
        wanted = {"he", "she"} if pronoun.group("pronoun").lower() in {"he", "she"} else None
        holder = _last(earlier, person=wanted is not None)
        # in news, "He added" goes on with the last speaker, not the last name
        if speaker and wanted and speaker.holder.kind in {"state", "organization"}:
            # "..., Lee told reporters. He said": the person who relayed the body's words;
            # with nobody named, an unnamed official who spoke for it
            holder = speaker.people[-1] if speaker.people else speaker.holder
        elif speaker and (wanted is None) == (speaker.holder.kind in {"group", "state"}):
            holder = speaker.holder
        content = _content(text, start + pronoun.end(), end)
        if holder and (content or not _is_thought(pronoun.group("verb"))):
            return _framed(holder, pronoun.group("verb"), quoted, content, sentence)
    unclear = UNCLEAR.search(sentence)
    anonymous = ANONYMOUS.search(sentence)
    if anonymous and anonymous.group().casefold() != "reportedly":
        label: Label = "questions" if unclear else "supports"
        return Voice(None, "anonymous", label, None, [anonymous.group()])
    if unclear:
        return Voice(None, "author", "questions", None, [unclear.group()])
    return Voice(None, "author", "supports", None, [])


def _fits(holder: Named, definite: re.Match[str]) -> bool:
    """Whether "the president" (a person, or an official of the body that spoke last) or
    "the ministry" (a body) can be the last speaker."""
    if definite.group("noun") in PERSON_NOUNS and definite.group("det") in {"The", "the"}:
        # the small NER model takes some people for organisations ("Volodymyr Zelenskyy")
        return holder.kind in {"person", "organization"}
    return holder.kind in {"state", "organization"}


def _collective(text: str, framed: Voice) -> Voice:
    """An unnamed collective holder ("Western officials") speaks as an anonymous source."""
    if framed.holder and UNNAMED_COLLECTIVE.search(text[framed.holder.start : framed.holder.end]):
        framed.attribution = "anonymous"
    return framed


def _named_apposition(
    text: str, who: Named, verb: re.Match[str], named: Sequence[Named]
) -> Named | None:
    """The actor an apposition consists of: "X's envoy, Y, said" is Y speaking."""
    if not verb.groupdict().get("apposition"):
        return None
    inner = verb.group("apposition").strip(" ,")
    for other in named:
        if other is not who and text[other.start : other.end] == inner:
            return other if _plausible_speaker(other) else None
    return None


def _interviewee(text: str, start: int, earlier: Sequence[Named]) -> Named | None:
    """In a "Q: ... A: ..." interview, an answer's holder: the person named last before the
    first question."""
    paragraph = text.rfind("\n", 0, start) + 1
    if not ANSWER.match(text, paragraph):
        return None
    first_question = re.search(r"(?m)^Q\s*[:.\u2013\u2014-]\s", text)
    if not first_question or first_question.start() > paragraph:
        return None
    people = [n for n in earlier if n.kind == "person" and n.end <= first_question.start()]
    return people[-1] if people else None


def _framed(
    who: Named, verb: str, quoted: bool, content: tuple[int, int] | None, sentence: str
) -> Voice:
    verb_key = " ".join(verb.lower().split())
    label: Label = "supports"
    if OPPOSE.match(verb_key):
        label = "opposes"
    elif QUESTION.match(verb_key):
        label = "questions"
    if quoted:
        kind: Attribution = "quoted"
    elif _is_thought(verb_key):
        kind = "paraphrased"
    else:
        kind = "reported"
    return Voice(who, kind, label, content, [verb_key])


def _is_thought(verb: str) -> bool:
    key = " ".join(verb.lower().split())
    return bool(re.fullmatch(THINK, key)) and not OPPOSE.match(key) and not QUESTION.match(key)


def _plausible_speaker(who: Named) -> bool:
    # places and things named by NER as "other" do not speak; states, people and bodies do
    return who.kind in {"person", "state", "organization", "media", "group"}


def _last(earlier: Sequence[Named], *, person: bool) -> Named | None:
    for who in reversed(earlier):
        if (who.kind == "person") == person and _plausible_speaker(who):
            return who
    return None


def _content(text: str, at: int, end: int) -> tuple[int, int] | None:
    """The clause a speech or thought verb introduces: after "that", or a clause that starts
    with a word able to open one (not "of", "his", "for"...)."""
    rest = text[at:end]
    lead = re.match(r"^\s*(?:,\s*)?(?:that\s+)?", rest)
    begin = at + (lead.end() if lead else 0)
    clause = text[begin:end]
    if len(clause.split()) < 4 or re.match(
        r"(?i)(?:of|for|to|on|about|his|her|its|their|with|against|in|at|by|from)\b", clause
    ):
        return None
    return begin, end


def _after_comma(text: str, at: int, end: int) -> tuple[int, int] | None:
    comma = text.find(",", at, end)
    if comma == -1 or len(text[comma + 1 : end].split()) < 4:
        return None
    begin = comma + 1
    while begin < end and text[begin].isspace():
        begin += 1
    return begin, end


def _names_between(named: Sequence[Named], who: Named, length: int) -> bool:
    """Whether another actor is named in the ``length`` characters after ``who``."""
    return any(who.end < n.start < who.end + length for n in named if n is not who)


def _quote_goes_on(text: str, previous_end: int, start: int, sentence: str) -> bool:
    """A sentence wholly in quotation marks right after a quoted speaker's sentence, in the
    same paragraph: the speaker goes on ("“North Korea has its own army,” said Lee. “At some
    point Pyongyang will have to choose.”")."""
    between = text[previous_end:start]
    if "\n" in between or len(between) > 3:
        return False
    stripped = sentence.strip()
    return (
        stripped[:1] in '\u201c"'
        and stripped.rstrip(".")[-1:] in '\u201d"'
        and "\u201d" not in stripped[1:-2]
        and '"' not in stripped[1:-2]
    )
