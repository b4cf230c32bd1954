"""Page furniture: the chrome of a web page that a copy-paste or an extractor leaves in the
text (ads, share buttons, navigation, bylines, datelines, image credits, newsletter pleas).

Whole lines are furniture when they match; a dateline ("SEOUL, June 20 (Reuters) -") is cut
off the front of the sentence it opens. The vocabulary is the web's, not any one site's.
"""

import re

# a line that is nothing but one of these (case-insensitive, trailing punctuation ignored)
_WHOLE_LINE = re.compile(
    r"""^(?:
        advertisements?|sponsored(?:\ content)?|ad|promoted|
        read\ (?:more|next|also)|see\ also|related(?:\ (?:articles?|stories|posts|content|topics))?|
        more\ (?:stories|from\ \w+(?:\ \w+)?)|recommended(?:\ for\ you)?|most\ (?:read|popular)|
        share(?:\ this(?:\ (?:article|story|post))?)?|share\ on\ \w+|tweet|email|print|copy\ link|
        save|bookmark|
        comments?|\d+\ comments?|leave\ a\ (?:reply|comment)|post\ a\ comment|show\ comments|
        previous(?:\ (?:post|article))?|next(?:\ (?:post|article))?|previous\ post\ next\ post|
        skip\ to\ (?:main\ )?content|menu|home|search|log\ ?in|sign\ ?in|register|
        subscribe(?:\ now)?|sign\ up|follow\ us(?:\ on\ \w+)?|listen(?:\ to\ this\ article)?|
        (?:\d+\ )?min(?:ute)?s?\ read|uploaded\ files|attachments?|tags?|topics?|
        back\ to\ top|top\ stories|trending(?:\ now)?|watch|video|photo|image|gallery|
        all\ rights\ reserved|cookie\ (?:policy|settings)|privacy\ policy|terms\ of\ (?:use|service)
    )[\s.:!…\u00bb\u203a>|-]*$""",
    re.IGNORECASE | re.VERBOSE,
)

# a line that carries one of these is a promotion, a plea or a credit, not prose
_PROMO = re.compile(
    r"""(?:
        \bsign\ up\ (?:for|to)\b|\bsubscribe\ (?:to|for|now|today)\b|\bnewsletter\b|
        \bregister\ (?:today|now|here)\b|\bregistrations?\b.*\bhere\b|\bopens\ registrations?\b|
        \bearly\ bird\b|\bdiscount(?:s|\ code)?\b.*\b(?:today|now|here)\b|\bclick\ here\b|
        \bdownload\ (?:our|the)\ app\b|\bfollow\ us\ on\b|
        \bsupport\ (?:our|independent)\ journalism\b|
        \bplease\ (?:or\ )?(?:log\ ?in|sign\ ?in|register)\b|\bto\ create\ posts\b|
        \binvest\ in\b.*\bhere\.?$|\bsponsored\ by\b|\bthis\ article\ (?:was|is)\ sponsored\b|
        \ball\ rights\ reserved\b|©|\(c\)\ \d{4}|
        \bwe\ use\ cookies\b|\baccept\ (?:all\ )?cookies\b|
        # wire credits and think-tank disclaimers
        ^\(?(?:additional\ )?reporting\ by\b|\bcontributed\ to\ this\ (?:report|story|article)\b|
        ^\(?editing\ by\b|\bthe\ views\ expressed\ (?:in|here)\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)

# bylines, datelines on their own line, image credits
_META_LINE = re.compile(
    r"""^(?:
        by\ [A-Z][\w.'\u2019-]+(?:\ [A-Z][\w.'\u2019-]+){0,3}
            (?:\ (?:and|&)\ [A-Z][\w.'\u2019-]+(?:\ [A-Z][\w.'\u2019-]+){0,3})?
            (?:\s*[,|\u2013\u2014-]\s*.{0,60})?|
        (?:published|updated|posted|last\ updated|first\ published)(?:\ on)?:?\ .{0,60}|
        (?:photo|image|picture|video|illustration|credit|source|caption|file\ photo)s?
            \ ?(?:credit)?\s*[:|/].{0,120}|
        .{0,160}\((?:photo|image|picture|credit|file\ photo)[^)]{0,120}\)\.?|
        .{0,80}[/|]\s?(?:getty\ images|afp|reuters|ap|associated\ press|shutterstock|epa|
            xinhua|yonhap|kcna|tass)
            (?:\ via\ [\w ]+)?\.?|
        (?:mon|tues|wednes|thurs|fri|satur|sun)day,?\ .{0,40}\d{4}.{0,20}|
        (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\ \d{1,2},?\ \d{4}.{0,30}|
        \d{1,2}\ (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\ \d{4}.{0,30}|
        \d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}.{0,20})?|
        # a note under an article: "[1] Ministry of Defence, 'Update', 14 February 2024."
        \[\d{1,3}\]\ .{0,280}
    )$""",
    re.IGNORECASE | re.VERBOSE,
)

# "SEOUL, June 20 (Reuters) - ", "KYIV (AP) — ", "WASHINGTON — " at the front of a paragraph
DATELINE = re.compile(
    r"""^(?:[A-Z][A-Z.'\u2019-]+(?:[\ /][A-Z][A-Z.'\u2019-]+){0,3})
        # "SEOUL, South Korea (AP) —": a country or state after the city
        (?:,\ [A-Z][a-z]+(?:\ [A-Z][a-z]+){0,2}(?=\ \())?
        (?:,\ (?:[A-Z][a-z]+\.?\ \d{1,2}|\d{1,2}\ [A-Z][a-z]+\.?)(?:,\ \d{4})?)?
        (?:\ \((?:[A-Z][\w ]{1,30})\))?
        \s*[-\u2013—:]+\s+""",
    re.VERBOSE,
)


def is_furniture(line: str) -> bool:
    """A whole line of page chrome, never annotated and never a mention."""
    stripped = line.strip().strip("*_#>|•·")
    if not stripped or len(stripped) > 300:  # chrome is short; long prose never is
        return False
    return bool(
        _WHOLE_LINE.match(stripped) or _META_LINE.match(stripped) or _PROMO.search(stripped)
    )


def dateline_length(paragraph: str) -> int:
    """How many code points of dateline open this paragraph (0 when none)."""
    found = DATELINE.match(paragraph)
    if not found:
        return 0
    # an all-capitals heading word followed by a dash is rare prose; a dateline needs a place
    # (letters) and must leave a sentence behind it
    rest = paragraph[found.end() :]
    return found.end() if rest[:1].isupper() or rest[:1] in "\"“\u2018'" else 0
