"""`claimsdb export` writes back every record the API accepts: records generated through
the API, with optional fields present or missing, export into seed files that load, and
loading them gives the database's rows again."""

import os
import tempfile
import zlib
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, select

from app.config import Settings
from app.core.auth import create_key
from app.core.db import make_engine, run_write
from app.main import create_app
from app.models import Scope
from app.seeds.assemble import SeedSet
from app.seeds.export import export_annotations
from app.seeds.parse import read_seeds
from tests.conftest import SEEDS, Databases, bearer
from tests.test_export import DATA_TABLES

SLUGS = st.from_regex(r"\A[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,5}){0,2}\Z")
WORDS = ["Russia", "China", "Kim Jong Un", "Pyongyang", "artillery", "shells", "said", "the"]
WORD = st.one_of(
    st.sampled_from(WORDS),
    st.text(st.characters(blacklist_categories=["Cs", "Cc"]), min_size=1, max_size=8),
)
LINE = st.lists(WORD, min_size=1, max_size=12).map(" ".join)
TEXT = st.lists(LINE, min_size=1, max_size=6).map("\n".join).filter(lambda t: t.strip())
SHORT = st.text(st.characters(blacklist_categories=["Cs", "Cc"]), min_size=1, max_size=30)
# names the texts hold, so there are mentions to derive; none an actor of the seeds has,
# and no two actors share one (below): the API takes two actors matched by one label, the
# seed files refuse them (left open: the format has no way to say which one a text means)
NAME = st.one_of(st.sampled_from(["artillery", "shells", "said", "the"]), SHORT)


def optional(strategy: st.SearchStrategy) -> st.SearchStrategy:
    return st.one_of(st.none(), strategy)


def some_of(draw: st.DrawFn, fields: dict[str, st.SearchStrategy]) -> dict[str, Any]:
    """Optional fields: each present or left out."""
    return {name: value for name, strategy in fields.items() if (value := draw(optional(strategy)))}


@st.composite
def a_source(draw: st.DrawFn) -> dict[str, Any]:
    body = {
        "id": draw(SLUGS),
        "title": draw(SHORT),
        "genre": draw(st.sampled_from(["news", "analysis", "opinion", "blog", "forum"])),
        "language": draw(st.sampled_from(["en", "de", "zh-Hans"])),
        "text": draw(TEXT),
    }
    return body | some_of(
        draw,
        {
            "publisher": SHORT,
            "author": SHORT,
            "url": st.just("https://example.org/a"),
            "published_on": st.dates().map(str),
            "date_precision": st.sampled_from(["day", "month", "year"]),
            "date_note": SHORT,
        },
    )


@st.composite
def an_actor(draw: st.DrawFn) -> dict[str, Any]:
    body = {
        "id": draw(SLUGS),
        "name": draw(NAME),
        "kind": draw(st.sampled_from(["person", "state", "organization", "group", "other"])),
    }
    body |= some_of(
        draw,
        {
            "description": SHORT,
            "country": st.sampled_from(["DEU", "FRA"]),
            # one of its own: a taken one is a 409 (or, until fixed, a 500)
            "wikidata_id": st.just(f"Q{zlib.crc32(body['id'].encode()) + 1}"),
        },
    )
    aliases = draw(st.lists(SHORT, max_size=2, unique=True))
    body["aliases"] = [
        {
            "label": label,
            "kind": draw(st.sampled_from(["name", "abbreviation"])),
            "auto_mention": draw(st.booleans()),
        }
        for label in aliases
    ]
    return body


@st.composite
def a_claim(draw: st.DrawFn, actors: list[str]) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": draw(SLUGS),
        "text": draw(SHORT),
        "claim_type": draw(st.sampled_from(["factual", "prediction", "evaluation"])),
        "topics": draw(st.lists(SLUGS, max_size=3)),
        "review_status": draw(st.sampled_from(["accepted", "candidate", "rejected"])),
    }
    if actors and draw(st.booleans()):
        body["actors"] = [
            {"actor": draw(st.sampled_from(actors)), "role": "subject"}
        ]  # fmt: skip
    return body


def span(draw: st.DrawFn, text: str, longest: int) -> dict[str, int]:
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, min(len(text), start + longest)))
    return {"start": start, "end": end}


def tables(engine: Engine) -> dict[str, set[tuple[Any, ...]]]:
    from sqlmodel import SQLModel

    with engine.connect() as connection:
        return {
            name: {
                tuple(sorted((k, v) for k, v in row.items() if k != "version"))
                for row in connection.execute(select(SQLModel.metadata.tables[name])).mappings()
            }
            for name in DATA_TABLES
        }


def files_tables(seed_set: SeedSet) -> dict[str, set[tuple[Any, ...]]]:
    return {
        name: {tuple(sorted(row.items())) for row in seed_set.rows.get(name, [])}
        for name in DATA_TABLES
    }


@settings(
    max_examples=int(os.environ.get("EXPORT_EXAMPLES", 20)),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_export_writes_back_every_record_the_api_accepts(
    databases: Databases, data: st.DataObject
) -> None:
    url = databases.seeded()
    engine = make_engine(url)
    token = run_write(engine, lambda s: create_key(session=s, name="c", scope=Scope.admin)[1])
    key = bearer(token)
    app = create_app(Settings(database_url=url, seeds_dir=SEEDS))
    with TestClient(app, raise_server_exceptions=False) as client:

        def post(path: str, body: dict[str, Any]) -> dict[str, Any] | None:
            answer = client.post(path, json=body, headers=key)
            assert answer.status_code < 500, answer.text
            return answer.json() if answer.status_code == 201 else None

        actors = ["china", "kim-jong-un"]
        edits: dict[str, dict[str, Any] | None] = {}
        unique_names = st.lists(an_actor(), max_size=2, unique_by=lambda a: a["name"])
        for body in data.draw(unique_names, label="actors"):
            if post("/v1/actors", body):
                actors.append(body["id"])
        texts = {
            "putin-kim-unity-pyongyang": client.get("/v1/sources/putin-kim-unity-pyongyang").json()[
                "text"
            ]
        }
        for body in data.draw(st.lists(a_source(), max_size=2), label="sources"):
            if post("/v1/sources", body):
                texts[body["id"]] = body["text"]
                edits[f"/v1/sources/{body['id']}"] = data.draw(
                    st.sampled_from([{"date_precision": None}, {"published_on": "2020-02-29"}])
                )
        for body in data.draw(st.lists(a_claim(actors), max_size=3), label="claims"):
            if not post("/v1/claims", body):
                continue
            edits[f"/v1/claims/{body['id']}"] = None  # a retraction
            for _ in range(data.draw(st.integers(0, 2), label="stances")):
                source = data.draw(st.sampled_from(sorted(texts)))
                holder = data.draw(optional(st.sampled_from(actors)))
                post(
                    "/v1/stances",
                    {
                        "claim": body["id"],
                        "source_id": source,
                        "holder": holder,
                        "label": "supports",
                        "attribution": "author",
                        "certainty": "certain",
                        **span(data.draw, texts[source], 80),
                    },
                )
        for _ in range(data.draw(st.integers(0, 2), label="mentions")):
            source = data.draw(st.sampled_from(sorted(texts)))
            post(
                "/v1/mentions",
                {
                    "actor": data.draw(st.sampled_from(actors)),
                    "source_id": source,
                    **span(data.draw, texts[source], 30),
                },
            )
        chosen = st.lists(st.sampled_from(sorted(edits)), max_size=3) if edits else st.just([])
        for path in data.draw(chosen, label="edits"):
            edit = edits[path]
            current = client.get(path)
            headers = key | {"If-Match": current.headers["etag"]}
            if edit is None:
                answer = client.delete(f"{path}?reason=withdrawn", headers=headers)
            else:
                answer = client.patch(path, json=edit, headers=headers)
            assert answer.status_code < 500, answer.text
    with tempfile.TemporaryDirectory() as folder:
        export_annotations(engine=engine, annotations_dir=Path(folder) / "annotations")
        reread = read_seeds(Path(folder))
    held, written = tables(engine), files_tables(reread)
    engine.dispose()
    for name in DATA_TABLES:
        assert held[name] == written[name], (
            name,
            sorted(held[name] - written[name], key=repr)[:3],
            sorted(written[name] - held[name], key=repr)[:3],
        )
