"""What the benchmark asks: each query as claimsdb's path and as the SQL Datasette runs
for the same answer, and the ids and words to ask about, drawn once from the corpus."""

import contextlib
import random
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlencode

from bench.generate import TOPICAL_WORDS

SAMPLE_SIZE = 1000

TOPICS_SQL = (
    "(select json_group_array(topic) from (select topic from claim_topic "
    "where claim_id = c.id order by topic)) as topics"
)
ACTORS_SQL = (
    "(select json_group_array(json_object('id', a.id, 'name', a.name, 'role', ca.role)) "
    "from claim_actor ca join actor a on a.id = ca.actor_id where ca.claim_id = c.id) as actors"
)
CLAIM_COLUMNS = "c.id, c.text, c.claim_type, c.status, c.version, c.review_status"
ANNOTATION_LIMIT = 50
# bench/floor.py's constant endpoints, (path, title): the targets' floor, the cheapest route
FLOORS = {"floor": ("/", "constant JSON, sync def"), "floor-async": ("/async", "async def")}


@dataclass(frozen=True)
class Query:
    key: str
    title: str
    claimsdb: Callable[[str], str]  # sampled value -> path
    sql: str  # with :v for the sampled value
    sample: str  # which list of values: claim, source, word, holder


QUERIES = [
    Query(
        "a",
        "one claim by id, with its stances and provenance",
        lambda v: f"/v1/claims/{v}",
        f"select {CLAIM_COLUMNS}, {TOPICS_SQL}, {ACTORS_SQL}, s.id as stance_id, s.source_id, "
        "s.holder_id, h.name as holder_name, h.kind as holder_kind, s.label, s.attribution, "
        's.certainty, s.start, s."end", s.quote, s.prefix, s.suffix from claim c '
        "left join stance s on s.claim_id = c.id and s.status = 'active' "
        "left join actor h on h.id = s.holder_id where c.id = :v order by s.source_id, s.start",
        "claim",
    ),
    Query(
        "b",
        "claims of one source, page of 50",
        lambda v: f"/v1/claims?source_id={v}&limit=50",
        f"select {CLAIM_COLUMNS}, (select count(*) from stance where claim_id = c.id) "
        f"as stance_count, {TOPICS_SQL}, {ACTORS_SQL} from claim c where c.status = 'active' "
        "and c.id in (select s.claim_id from stance s where s.source_id = :v "
        "and s.status = 'active') order by c.id limit 50",
        "source",
    ),
    Query(
        "c",
        "full-text search for a word, top 50 claims",
        lambda v: f"/v1/search?q={v}&kind=claim&limit=50",
        "select f.id, highlight(fts_claim, 1, '<mark>', '</mark>') as text, "
        "-bm25(fts_claim) as score from fts_claim f where fts_claim match :v "
        "and f.id in (select id from claim where status = 'active') "
        "order by bm25(fts_claim), f.id limit 50",
        "word",
    ),
    Query(
        "d",
        "stance counts by label for one actor",
        # the stance list's label facet counts stances, as the SQL does; limit=1 keeps the
        # page itself small. /v1/actors/{id}/positions also lists every stance and claim.
        lambda v: f"/v1/stances?holder_id={v}&facets=label&limit=1",
        "select label, count(*) as n from stance where holder_id = :v and status = 'active' "
        "group by label order by label",
        "holder",
    ),
    Query(
        "e",
        "a source's annotations for highlighting, first 50",
        lambda v: f"/v1/sources/{v}/annotations?limit={ANNOTATION_LIMIT}",
        "select * from (select s.start, s.\"end\", 'stance' as kind, s.id, s.quote, s.prefix, "
        "s.suffix, s.label, s.attribution, s.certainty, s.claim_id, c.text as claim_text, "
        "s.holder_id as actor_id, a.name as actor_name, a.kind as actor_kind from stance s "
        "join claim c on c.id = s.claim_id left join actor a on a.id = s.holder_id "
        "where s.source_id = :v and s.status = 'active' union all "
        "select m.start, m.\"end\", 'mention', m.id, m.quote, m.prefix, m.suffix, null, null, "
        "null, null, null, m.actor_id, a.name, a.kind from mention m "
        "join actor a on a.id = m.actor_id where m.source_id = :v and m.status = 'active') "
        f'order by start, "end", kind, id limit {ANNOTATION_LIMIT}',
        "source",
    ),
]


# ---- every list filter of the contract (docs/CONTRACT): each as claimsdb's first page of 50
# and as the SQL that returns the same rows and fields

CLAIM_PAGE = f"select {CLAIM_COLUMNS}, {TOPICS_SQL}, {ACTORS_SQL} from claim c "
LIVE_STANCE_CLAIMS = "select claim_id from stance where status = 'active' and "
# where most claims qualify, Datasette gets EXISTS, which finds a page in a few rows: an IN
# over every claim with a stance of one label took 100 ms, EXISTS under 1 ms
LIVE_STANCE = "select 1 from stance s where s.claim_id = c.id and s.status = 'active' and s."
STANCE_PAGE = (
    "select s.id, s.claim_id, s.label, s.holder_id, h.name as holder_name, h.kind as "
    'holder_kind, s.attribution, s.certainty, s.source_id, s.start, s."end", s.quote, '
    "s.prefix, s.suffix, s.version, s.status, s.status_reason, s.review_status from stance s "
    "left join actor h on h.id = s.holder_id where s.status = 'active' and "
)
SOURCE_PAGE = (
    "select id, title, publisher, author, url, published_on, date_precision, date_note, "
    "genre, language, text_sha256, version, status, status_reason, length(text) as length "
    "from source where status = 'active' and "
)
ACTOR_PAGE = (
    "select a.id, a.name, a.kind, a.description, a.wikidata_id, a.country, a.version, "
    "a.status, a.status_reason, (select json_group_array(json_object('label', label, "
    "'kind', kind)) from (select label, kind from actor_alias where actor_id = a.id "
    "order by label)) as aliases from actor a where a.status = 'active' and "
)
PAGE = " order by {} limit 50"


def claims_where(condition: str) -> str:
    return f"{CLAIM_PAGE}where c.status = 'active' and {condition}{PAGE.format('c.id')}"


FILTER_QUERIES = [
    Query(
        "f",
        "sources of one publisher",
        lambda v: f"/v1/sources?publisher={v}",
        f"{SOURCE_PAGE}publisher = :v{PAGE.format('id')}",
        "publisher",
    ),
    Query(
        "g",
        "sources of one genre",
        lambda v: f"/v1/sources?genre={v}",
        f"{SOURCE_PAGE}genre = :v{PAGE.format('id')}",
        "genre",
    ),
    Query(
        "h",
        "sources whose text has a word",
        lambda v: f"/v1/sources?q={v}",
        f"{SOURCE_PAGE}id in (select source_id from fts_passage where fts_passage match :v)"
        + PAGE.format("id"),
        "word",
    ),
    Query(
        "i",
        "actors whose name or alias has a part",
        lambda v: f"/v1/actors?q={v}",
        f"{ACTOR_PAGE}(a.name_key like '%' || :v || '%' or a.id in (select actor_id from "
        f"actor_alias where label_key like '%' || :v || '%')){PAGE.format('a.id')}",
        "name_part",
    ),
    Query(
        "j",
        "actors of one kind",
        lambda v: f"/v1/actors?kind={v}",
        f"{ACTOR_PAGE}a.kind = :v{PAGE.format('a.id')}",
        "actor_kind",
    ),
    Query(
        "k",
        "claims with a word",
        lambda v: f"/v1/claims?q={v}",
        claims_where("c.id in (select id from fts_claim where fts_claim match :v)"),
        "word",
    ),
    Query(
        "l",
        "claims an actor takes part in or holds a stance on",
        lambda v: f"/v1/claims?actor_id={v}",
        claims_where(
            "c.id in (select claim_id from claim_actor where actor_id = :v union "
            f"{LIVE_STANCE_CLAIMS}holder_id = :v)"
        ),
        "holder",
    ),
    Query(
        "m",
        "claims one holder holds a stance on",
        lambda v: f"/v1/claims?holder_id={v}",
        claims_where(f"c.id in ({LIVE_STANCE_CLAIMS}holder_id = :v)"),
        "holder",
    ),
    Query(
        "n",
        "claims with a stance of one label",
        lambda v: f"/v1/claims?label={v}",
        claims_where(f"exists ({LIVE_STANCE}label = :v)"),
        "label",
    ),
    Query(
        "o",
        "claims of one type",
        lambda v: f"/v1/claims?claim_type={v}",
        claims_where("c.claim_type = :v"),
        "claim_type",
    ),
    Query(
        "p",
        "claims with one topic",
        lambda v: f"/v1/claims?topic={v}",
        claims_where(
            "exists (select 1 from claim_topic t where t.claim_id = c.id and t.topic = :v)"
        ),
        "topic",
    ),
    Query(
        "q",
        "contested claims",
        lambda v: f"/v1/claims?contested={v}",
        claims_where(
            f"exists ({LIVE_STANCE}label = 'supports') and :v = 'true' "
            f"and exists ({LIVE_STANCE}label = 'opposes')"
        ),
        "true",
    ),
    Query(
        "r",
        "stances on one claim",
        lambda v: f"/v1/stances?claim_id={v}",
        f"{STANCE_PAGE}s.claim_id = :v{PAGE.format('s.id')}",
        "claim",
    ),
    Query(
        "s",
        "stances in one source",
        lambda v: f"/v1/stances?source_id={v}",
        f"{STANCE_PAGE}s.source_id = :v{PAGE.format('s.id')}",
        "source",
    ),
    Query(
        "t",
        "stances of one holder",
        lambda v: f"/v1/stances?holder_id={v}",
        f"{STANCE_PAGE}s.holder_id = :v{PAGE.format('s.id')}",
        "holder",
    ),
    Query(
        "u",
        "stances of one label",
        lambda v: f"/v1/stances?label={v}",
        f"{STANCE_PAGE}s.label = :v{PAGE.format('s.id')}",
        "label",
    ),
]
QUERIES += FILTER_QUERIES


def datasette_path(database: str, query: Query, value: str) -> str:
    return f"/{quote(database)}.json?" + urlencode(
        {"sql": query.sql, "_shape": "array", "v": value}
    )


def sample(db_file: Path, *, size: int = SAMPLE_SIZE, seed: int = 1) -> dict[str, list[str]]:
    """Values to request, drawn once from the file: the same for every server."""
    rng = random.Random(seed)
    with contextlib.closing(sqlite3.connect(f"file:{db_file}?mode=ro", uri=True)) as db:

        def ids(sql: str) -> list[str]:
            found = [row[0] for row in db.execute(sql)]
            return [rng.choice(found) for _ in range(size)] if found else []

        present = [
            word
            for word in TOPICAL_WORDS
            if db.execute("select 1 from fts_claim where fts_claim match ?", (word,)).fetchone()
        ]

        def part(name: str) -> str:  # a piece of a name, as a user types it
            word = rng.choice(name.split())
            return word[: max(3, len(word) // 2)]

        names = [row[0] for row in db.execute("select name_key from actor")]
        return {
            "claim": ids("select id from claim where status = 'active'"),
            "source": ids("select id from source where status = 'active'"),
            "holder": ids("select distinct holder_id from stance where holder_id is not null"),
            "word": [rng.choice(present) for _ in range(size)] if present else [],
            "publisher": ids("select distinct publisher from source where publisher is not null"),
            "genre": ids("select distinct genre from source"),
            "name_part": [part(rng.choice(names)) for _ in range(size)] if names else [],
            "actor_kind": ids("select distinct kind from actor"),
            "label": ids("select distinct label from stance"),
            "claim_type": ids("select distinct claim_type from claim"),
            "topic": ids("select distinct topic from claim_topic"),
            "true": ["true"] * size,
        }


def paths(values: dict[str, list[str]], database: str) -> dict[str, dict[str, list[str]]]:
    """query key -> {"claimsdb": [...], "datasette": [...]}, in the same order."""
    return {
        q.key: {
            "claimsdb": [q.claimsdb(quote(v)) for v in values[q.sample]],
            "datasette": [datasette_path(database, q, v) for v in values[q.sample]],
        }
        for q in QUERIES
    }
