"""A claim as schema.org JSON-LD (``Accept: application/ld+json`` on ``/v1/claims/{id}``).

A schema.org ``Claim``: its text, its topics as keywords, the actors it is about (subject
and object) and mentions; every stance on it an ``appearance``, a ``Quotation`` of the
stance's quote that is part of its source (an article of the type its genre says, with
title, URL, author, publisher and date); the earliest dated one again as
``firstAppearance``; and as ``author`` the actors that hold it (a stance that supports
it), each a ``Person`` or an ``Organization``, ``sameAs`` its Wikidata item.

The context is inline, schema.org's vocabulary with the two terms whose values are links:
a processor expands the document with no network (the schema.org context document is
large, and fetched it would be one more thing a validator needs).
"""

from typing import Any

from sqlalchemy import bindparam, select
from sqlmodel import col

from app import read_model
from app.core.reader import Reader
from app.models import Actor, Source
from app.stances import queries as stances

SCHEMA = "https://schema.org/"
CONTEXT = {"@vocab": SCHEMA, "url": {"@type": "@id"}, "sameAs": {"@type": "@id"}}
ARTICLE_TYPES = {
    "news": "NewsArticle",
    "analysis": "AnalysisNewsArticle",
    "opinion": "OpinionNewsArticle",
    "blog": "BlogPosting",
    "forum": "DiscussionForumPosting",
    "reference": "Article",
}
# a date as precise as it is known: 2024-06-19, 2024-06, 2024
DATE_LENGTH = {"day": 10, "month": 7, "year": 4, None: 10}

SOURCES = select(
    Source.id,
    Source.title,
    Source.url,
    Source.author,
    Source.publisher,
    Source.published_on,
    Source.date_precision,
    Source.genre,
    Source.language,
).where(col(Source.id).in_(bindparam("ids", expanding=True)))
ACTORS = select(Actor.id, Actor.name, Actor.kind, Actor.wikidata_id).where(
    col(Actor.id).in_(bindparam("ids", expanding=True))
)


def agent(base_url: str, row: Any) -> dict[str, Any]:
    """An actor as a Person or an Organization (a state, a group, a newspaper...)."""
    actor_id, name, kind, wikidata_id = row
    node = {
        "@type": "Person" if kind == "person" else "Organization",
        "@id": f"{base_url}/v1/actors/{actor_id}",
        "name": name,
    }
    if wikidata_id:
        node["sameAs"] = f"https://www.wikidata.org/wiki/{wikidata_id}"
    return node


def work(base_url: str, row: Any) -> dict[str, Any]:
    """A source as the CreativeWork a quote is part of."""
    source_id, title, url, author, publisher, published_on, precision, genre, language = row
    node: dict[str, Any] = {
        "@type": ARTICLE_TYPES.get(genre, "Article"),
        "@id": f"{base_url}/v1/sources/{source_id}",
        "headline": title,
        "inLanguage": language,
    }
    if url:
        node["url"] = url
    if author:
        node["author"] = {"@type": "Person", "name": author}
    if publisher:
        node["publisher"] = {"@type": "Organization", "name": publisher}
    if published_on:
        # a date on PostgreSQL, its ISO text on SQLite (the driver's own rows)
        node["datePublished"] = str(published_on)[: DATE_LENGTH[precision]]
    return node


def claim_document(db: Reader, *, base_url: str, claim_id: str) -> dict[str, Any] | None:
    """The claim as a schema.org Claim, or None when there is no such claim."""
    found = read_model.stored_claims(db, [claim_id])
    if not found:
        return None
    (claim,) = found
    held = stances.stance_items(db, db.all(stances.OF_CLAIM, claim_id=claim_id))
    sources = {
        row[0]: row
        for row in db.all(SOURCES, ids=sorted({s["provenance"]["source_id"] for s in held}))
    }
    named = {a["id"] for a in claim["actors"]} | {s["holder"]["id"] for s in held if s["holder"]}
    actors = {row[0]: agent(base_url, row) for row in db.all(ACTORS, ids=sorted(named))}

    appearances = []
    for stance in held:
        where = stance["provenance"]
        holder = stance["holder"]
        said = holder["name"] if holder else "the author"
        appearance = {
            "@type": "Quotation",
            "@id": f"{base_url}/v1/stances/{stance['id']}",
            "text": where["quote"],
            "description": f"{stance['label']}: {said} "
            f"({stance['attribution']}, {stance['certainty']})",
            "isPartOf": work(base_url, sources[where["source_id"]]),
        }
        if holder:
            appearance["creator"] = actors[holder["id"]]
        appearances.append(appearance)

    document: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "Claim",
        "@id": f"{base_url}/v1/claims/{claim_id}",
        "url": f"{base_url}/v1/claims/{claim_id}",
        "text": claim["text"],
        "keywords": claim["topics"],
        "about": [actors[a["id"]] for a in claim["actors"] if a["role"] != "mentioned"],
        "appearance": appearances,
    }
    mentioned = [actors[a["id"]] for a in claim["actors"] if a["role"] == "mentioned"]
    if mentioned:
        document["mentions"] = mentioned
    dated = [a for a in appearances if "datePublished" in a["isPartOf"]]
    if dated:
        document["firstAppearance"] = min(dated, key=lambda a: a["isPartOf"]["datePublished"])
    holders = {s["holder"]["id"] for s in held if s["holder"] and s["label"] == "supports"}
    if holders:
        document["author"] = [actors[actor_id] for actor_id in sorted(holders)]
    return document


BASE = "http://127.0.0.1:8000"
EXAMPLE: dict[str, Any] = {
    "@context": CONTEXT,
    "@type": "Claim",
    "@id": f"{BASE}/v1/claims/russia-will-transfer-military-tech-to-nk",
    "url": f"{BASE}/v1/claims/russia-will-transfer-military-tech-to-nk",
    "text": "Russia will give North Korea advanced military technology in exchange for munitions.",
    "keywords": ["military-technology", "munitions"],
    "about": [
        {
            "@type": "Organization",
            "@id": f"{BASE}/v1/actors/russia",
            "name": "Russia",
            "sameAs": "https://www.wikidata.org/wiki/Q159",
        }
    ],
    "appearance": [
        {
            "@type": "Quotation",
            "@id": f"{BASE}/v1/stances/st-f0b734bc890fa704",
            "text": "Andrei Lankov, director of NK News, doubts Russia will provide North Korea "
            "with substantial military technology",
            "description": "opposes: Andrei Lankov (reported, probable)",
            "isPartOf": {
                "@type": "DiscussionForumPosting",
                "@id": f"{BASE}/v1/sources/putin-kim-unity-pyongyang",
                "headline": "Putin and Kim Jong Un's Show of Unity in Pyongyang",
                "inLanguage": "en",
                "publisher": {"@type": "Organization", "name": "Tekedia"},
                "datePublished": "2024-06",
            },
            "creator": {
                "@type": "Person",
                "@id": f"{BASE}/v1/actors/andrei-lankov",
                "name": "Andrei Lankov",
            },
        }
    ],
}
EXAMPLE["firstAppearance"] = EXAMPLE["appearance"][0]
