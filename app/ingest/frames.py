"""The words and patterns of attribution frames in news prose ("X said", "according to X",
"X, director of Y, says", "“...,” said X", "fears in Tokyo that"): attribution.py reads a
sentence's holder with them. Kept apart so that the rules there read in one sitting."""

import re

SAY = (
    r"said|says|say|told|tells|tell|stated|states|announced|announces|declared|declares|"
    r"warned|warns|warn|claimed|claims|claim|argued|argues|argue|insisted|insists|insist|"
    r"noted|notes|added|adds|wrote|writes|reported|reports|accused|accuses|confirmed|confirms|"
    r"acknowledged|acknowledges|admitted|admits|alleged|alleges|suggested|suggests|"
    r"estimated|estimates|predicted|predicts|expects|expected|vowed|vows|pledged|pledges|"
    r"promised|promises|urged|urges|demanded|demands|called\s+for|calls\s+for|praised|praises|"
    r"condemned|condemns|criticised|criticized|criticises|criticizes|welcomed|welcomes|"
    r"hailed|hails|maintains|maintained|contends|contended|asserted|asserts|explained|explains|"
    r"expressed|expresses|proclaimed|proclaims|disapproves|disapproved|objected|"
    r"disliked|dislikes|blamed|blames|"
    r"concluded|concludes|recalled|recalls|emphasised|emphasized|stressed|stresses|"
    r"highlighted|highlights|cautioned|cautions|agreed|agrees|disagreed|disagrees|"
    # "Mr Kim called the agreement the “strongest ever treaty”", "Putin described it as"
    r"called|calls|described|describes"
)
THINK = (
    r"believes|believe|believed|thinks|think|thought|understands|understand|understood|"
    r"sees|see|saw|views|view|viewed|fears|fear|feared|hopes|hope|hoped|wants|want|wanted|"
    r"knows|know|knew|considers|consider|considered|regards|regard|regarded|assumes|assume|"
    r"worries|worry|worried|feels|feel|felt|anticipated|anticipates|anticipate|recognises|"
    r"recognizes|recognised|recognized|is\s+convinced|are\s+convinced|is\s+aware|are\s+aware|"
    r"suspects|suspect|suspected|reckons|reckon|doubt|doubts|doubted|denies|deny|denied|"
    r"rejects|reject|rejected|dismisses|dismiss|dismissed|disputes|dispute|disputed|"
    r"questions|questioned|wonders|wondered|is\s+skeptical|is\s+sceptical|are\s+skeptical"
)
OPPOSE = re.compile(
    r"^(?:doubts?|doubted|denies|deny|denied|rejects?|rejected|dismiss(?:es)?|dismissed|"
    r"disputes?|disputed|is\s+s[ck]eptical|are\s+s[ck]eptical)$"
)
QUESTION = re.compile(r"^(?:questions|questioned|wonders|wondered)$")
AUXILIARY = (
    r"(?:(?:has|have|had|also|reportedly|apparently|repeatedly|openly|publicly|now|still|"
    r"again|previously|recently|firmly|strongly|long|already|once|privately|explicitly|"
    r"clearly|subsequently|later|then|even|is|was|were|are|did|does|do|both|all|jointly|"
    # "Kim Jong-un last month praised", "Zelenskyy on Monday said": news puts the time there
    r"yesterday|today|earlier|(?:last|this)\s+(?:week|month|year)|"
    r"on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\s+){0,3}"
)
VERB_AFTER = re.compile(
    rf"^(?:['\u2019]s?)?(?P<apposition>\s*,[^,;]{{1,100}},)?\s+{AUXILIARY}(?P<verb>{SAY}|{THINK})\b",
    re.IGNORECASE,
)
# the name is itself the apposition: "Japan's chief cabinet secretary, Yoshimasa Hayashi, told"
APPOSED_VERB = re.compile(rf"^\s*,\s+{AUXILIARY}(?P<verb>{SAY}|{THINK})\b", re.IGNORECASE)
POSSESSIVE = re.compile(
    r"^['\u2019]s?\s+(?:\w+\s+){0,2}?(?P<noun>proclamation|statement|claim|warning|assertion|"
    r"view|position|insistence|argument|belief|remarks?|words|pledge|promise|call|denial|"
    r"rhetoric|declaration|announcement|accusation|allegation|assessment|verdict|message)s?\b",
    re.IGNORECASE,
)
SAID_BEFORE = re.compile(
    r"(?:[\u201d\"\u2019],?|,)\s*(?:said|says|added|told|wrote|warned|insisted|argued|claimed|"
    r"explained|noted)\s+(?:[\w.\u2019'-]+\s+){0,4}$",
    re.IGNORECASE,
)
# "..., said Lee Soo-jin, a researcher", "..., says Dr Sarah Son.": the name ends the frame
# (not "..., said Russia's stockpiles were exhausted", where the name opens the content)
NAME_ENDS_FRAME = re.compile(
    r"^\s*(?:[,.;:!?)\u201d\"]|$|(?:on|in|at|last|this|yesterday|today|earlier|later|who|"
    r"from|during|of)\b)"
)
# "The Ukrainian president said", "In a briefing, the agency said", "Its foreign ministry
# said": a definite description of whoever spoke last
DEFINITE_SPEAKER = re.compile(
    rf"^(?:[^,]{{0,60}},\s+)?(?P<det>[Tt]he|Its|Their|His|Her)\s+(?:[\w-]+\s+){{0,2}}?"
    rf"(?P<noun>president|leader|minister|secretary|spokes(?:man|woman|person)|official|envoy|"
    rf"ambassador|chief|general|professor|analyst|expert|researcher|lawmaker|agency|ministry|"
    rf"department|office|government|service|council|committee)\s+{AUXILIARY}"
    rf"(?P<verb>{SAY}|{THINK})\b"
)
PERSON_NOUNS = frozenset(
    [
        "president",
        "leader",
        "minister",
        "secretary",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "official",
        "envoy",
        "ambassador",
        "chief",
        "general",
        "professor",
        "analyst",
        "expert",
        "researcher",
        "lawmaker",
    ]
)
# "A senior European defence official, who spoke on condition of anonymity, said"
UNNAMED_SOURCE = re.compile(
    r"\b(?:on\s+condition\s+of\s+anonymity|(?:who|and)\s+(?:asked|declined|requested)\s+not\s+"
    r"to\s+be\s+(?:named|identified)|speaking\s+anonymously|who\s+(?:was|were)\s+not\s+"
    r"authori[sz]ed\s+to\s+speak)\b",
    re.IGNORECASE,
)
# "concerns in Seoul that", "fears among Chinese officials that": whose worry it is
WORRY_IN = re.compile(
    r"\b(?:concerns?|fears?|worries|alarm|suspicions?|hopes?|anxiety)\s+(?:in|among|within)\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
# an interview's answers ("Q: ... A: ...") are the words of the person introduced before it
ANSWER = re.compile(r"A\s*[:.\u2013\u2014-]\s")
ACCORDING = re.compile(r"according\s+to\s+(?:[\w\u2019'-]+\s+){0,4}$", re.IGNORECASE)
PRONOUN = re.compile(
    rf"^(?:[A-Z][\w\u2019']*(?:\s+\w+){{0,3}},\s+)?(?P<pronoun>He|She|They|he|she|they)\s+"
    rf"{AUXILIARY}(?P<verb>{SAY}|{THINK})\b"
)
ANONYMOUS = re.compile(
    r"\b(?:reports?\s+(?:suggest|say|said|claim|indicate|show)s?|"
    r"(?:some|many|several|other|unnamed|anonymous|western|local|state)\s+(?:reports|analysts|"
    r"experts|observers|critics|officials|sources|diplomats|commentators|media)|"
    r"(?:sources|officials|analysts|experts|observers|critics|diplomats)\s+(?:say|said|believe|"
    r"believed|suggest|suggested|warn|warned|told|claim|claimed|argue|argued|fear|feared|think)|"
    r"according\s+to\s+(?:media\s+)?(?:reports?|sources|officials|analysts|experts|estimates|"
    r"intelligence|observers|people\s+familiar)|"
    r"it\s+is\s+(?:widely\s+)?(?:believed|thought|said|reported|claimed|alleged|understood|"
    r"rumou?red|feared)|"
    r"(?:has|have)\s+been\s+(?:likened|described|called|characteri[sz]ed|portrayed|labell?ed|"
    r"branded|dubbed)\s+(?:as|to)?|"
    r"in\s+the\s+eyes\s+of\s+(?:many|some|critics|observers)|"
    r"(?:is|are)\s+(?:widely|often|generally|commonly)\s+(?:seen|regarded|viewed|considered)|"
    r"reportedly)\b",
    re.IGNORECASE,
)
UNCLEAR = re.compile(
    r"\b(?:it\s+(?:is|remains)\s+(?:unclear|uncertain|not\s+clear|doubtful)\s+(?:whether|if)|"
    r"(?:raises?|raised)\s+(?:serious\s+)?(?:questions|doubts)\s+(?:about|over|whether)|"
    r"casts?\s+doubt\s+on)\b",
    re.IGNORECASE,
)
# a holder that is an unnamed collective ("Western officials", "Chinese analysts") speaks as
# an anonymous source does (seeds/ANNOTATION_GUIDE.md: "Western intelligence and analysts")
UNNAMED_COLLECTIVE = re.compile(
    r"\b(?:officials|diplomats|analysts|experts|authorities|sources|intelligence|observers|"
    r"scholars|researchers|commanders|lawmakers|agencies|services|prosecutors|investigators|"
    r"generals|ministers)$",
    re.IGNORECASE,
)
# "'s chief cabinet secretary said", "'s presidential office called": a possessive, a title
# in lower case, and a verb of speech
TITLE_SAID = re.compile(
    rf"^['\u2019]s\s+(?:[a-z][\w-]*\s+){{1,5}}?{AUXILIARY}(?P<verb>{SAY}|called|calls)\b"
)
QUOTED_WORDS = re.compile(r"[\u201c\"]([^\u201d\"]+)[\u201d\"]")
