"""The round trip to the seed files: seed -> export gives the seed files byte for byte,
export -> seed gives the same tables, and curation made in the database survives both."""

import random
from collections.abc import Iterator
from hashlib import sha256
from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy import Engine, func, inspect, select, text, update
from sqlmodel import Session
from typer.testing import CliRunner

from app import read_model
from app.cli import cli
from app.config import get_settings
from app.core.db import make_engine
from app.models import (
    Actor,
    ActorAlias,
    ActorRedirect,
    Claim,
    ClaimActor,
    ClaimTopic,
    Mention,
    MentionOrigin,
    Passage,
    Source,
    Stance,
    fold,
)
from app.search.passages import passage_rows
from app.seeds.assemble import TABLES
from app.seeds.export import export_annotations
from app.seeds.parse import SeedError, read_seeds
from app.seeds.render import Exact, scalar
from app.seeds.sync import seed
from app.sources.provenance import (
    Span,
    context,
    find_all,
    locate,
    match_labels,
    minimal_anchor,
    span_id,
)
from tests.conftest import SEEDS
from tests.support import rebuild_read_model

SEED_TABLES = [model.__tablename__ for model in TABLES]
# tables that hold what the data is; the others hold how the files said it
DATA_TABLES = [
    "source",
    "passage",
    "actor",
    "actor_alias",
    "actor_redirect",
    "claim",
    "claim_topic",
    "claim_actor",
    "stance",
    "mention",
]


def contents(engine: Engine, tables: list[str], *, skip: set[str] = frozenset()) -> dict:
    """Every row of each table, in a stable order, leaving out the ``skip`` columns."""
    found = {}
    with engine.connect() as connection:
        for table in tables:
            columns = [c["name"] for c in inspect(connection).get_columns(table)]
            kept = ", ".join(f'"{c}"' for c in columns if c not in skip)
            rows = connection.execute(text(f"SELECT {kept} FROM {table}")).all()
            found[table] = sorted((tuple(row) for row in rows), key=repr)
    return found


def load(url: str, seeds: Path) -> Engine:
    engine = make_engine(url)
    read_model.migrate(engine)
    seed(engine, seeds)
    return engine


def exported(engine: Engine, folder: Path) -> Path:
    """Export into ``folder/annotations`` (texts into ``folder/sources``); the seeds dir."""
    export_annotations(engine=engine, annotations_dir=folder / "annotations")
    return folder


def files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


# ---------------------------------------------------------------- the seeds as they are


def test_seed_then_export_gives_the_seed_files_byte_for_byte(engine: Engine, tmp_path: Path):
    out = exported(engine, tmp_path)
    assert files(out / "annotations") == files(SEEDS / "annotations")
    assert files(out / "sources") == files(SEEDS / "sources")


def test_export_then_seed_gives_the_same_tables(
    engine: Engine, empty_database_url: str, tmp_path: Path
):
    out = exported(engine, tmp_path)
    reloaded = load(empty_database_url, out)
    assert contents(reloaded, SEED_TABLES) == contents(engine, SEED_TABLES)
    reloaded.dispose()


def test_exporting_again_changes_nothing(engine: Engine, tmp_path: Path):
    report = export_annotations(engine=engine, annotations_dir=tmp_path / "annotations")
    assert report.written
    again = export_annotations(engine=engine, annotations_dir=tmp_path / "annotations")
    assert again.written == []
    assert again.removed == []


# ---------------------------------------------------------------- curation in the database


def curate(engine: Engine) -> None:
    """What curators do through the API, written the way its services write it."""
    with Session(engine) as session:
        source_id = "putin-kim-unity-pyongyang"
        text_of = session.get(Source, source_id).text
        # a new claim with a stance created from offsets on an ambiguous quote, pinned id
        start = find_all(text_of, "Kim")[2]
        session.add(
            Claim(
                id="kim-attends-summits",
                text="Kim Jong Un attends summits.",
                claim_type="factual",
                review_status="candidate",
            )
        )
        session.add(ClaimTopic(claim_id="kim-attends-summits", topic="diplomacy"))
        session.add(
            ClaimActor(claim_id="kim-attends-summits", actor_id="kim-jong-un", role="subject")
        )
        session.add(
            span_row(
                Stance,
                text_of,
                Span(start, start + 3),
                id="st-curated-1",
                claim_id="kim-attends-summits",
                source_id=source_id,
                holder_id=None,
                label="supports",
                attribution="author",
                certainty="possible",
                review_status="candidate",
            )
        )
        # a retracted claim, and a stance moved to another holder (its id stays)
        claim = session.get(Claim, "nk-russia-alliance-strategic-masterstroke")
        claim.status, claim.status_reason, claim.version = "retracted", "duplicate", 2
        stance = session.get(
            Stance,
            session.exec(text("SELECT min(id) FROM stance WHERE holder_id IS NULL")).scalar_one(),
        )
        stance.holder_id, stance.attribution, stance.version = "china", "reported", 2
        # aliases: one that matches nothing yet, one too ambiguous to match
        session.add(
            ActorAlias(
                actor_id="china",
                label="Middle Kingdom",
                label_key=fold("Middle Kingdom"),
                kind="name",
            )
        )
        session.add(
            ActorAlias(
                actor_id="vladimir-putin",
                label="Vlad",
                label_key=fold("Vlad"),
                kind="name",
                auto_mention=False,
            )
        )
        session.add(ActorRedirect(old_id="kim-jong-eun", actor_id="kim-jong-un"))
        # an actor and a whole source retracted, each with its reason
        for model, record_id in ((Actor, "nurhaci"), (Source, "nk-russia-alliance-worry-china")):
            record = session.get(model, record_id)
            record.status, record.status_reason = "retracted", f"{record_id} withdrawn"
        # a derived mention retracted, a curated one added with an id of its own
        mention = session.exec(
            text(
                "SELECT min(id) FROM mention WHERE origin = 'derived' AND source_id = :s"
            ).bindparams(s=source_id)
        ).scalar_one()
        mention = session.get(Mention, mention)
        mention.status, mention.status_reason = "retracted", "names the country, not the state"
        at = text_of.index("leader")
        session.add(
            span_row(
                Mention,
                text_of,
                Span(at, at + 6),
                id="mn-curated-1",
                source_id=source_id,
                actor_id="kim-jong-un",
                origin=MentionOrigin.curated,
            )
        )
        # a new source, with no file yet, and a stance in it on an existing claim
        new_text = "Kim Jong Un met Vladimir Putin again.\nThey signed a pact.\n"
        session.add(
            Source(
                id="new-article",
                title="New article",
                genre="news",
                language="en",
                text=new_text,
                text_sha256=sha256(new_text.encode()).hexdigest(),
            )
        )
        session.flush()
        session.add_all(
            Passage(**row) for row in passage_rows(source_id="new-article", text=new_text)
        )
        for actor_id, span in match_labels(
            new_text, {"Kim Jong Un": "kim-jong-un", "Vladimir Putin": "vladimir-putin"}
        ):
            session.add(
                span_row(
                    Mention,
                    new_text,
                    span,
                    source_id="new-article",
                    actor_id=actor_id,
                    origin=MentionOrigin.derived,
                    id=span_id("mn", "new-article", actor_id, span.start, span.end),
                )
            )
        session.add(
            span_row(
                Stance,
                new_text,
                Span(38, 57),
                id="st-curated-2",
                claim_id="nk-russia-mutual-defense-pact",
                source_id="new-article",
                holder_id=None,
                label="supports",
                attribution="author",
                certainty="certain",
            )
        )
        session.commit()
    rebuild_read_model(engine)


def span_row(model: type, source_text: str, span: Span, **fields: Any) -> Any:
    prefix, suffix = context(source_text, span)
    return model(
        start=span.start,
        end=span.end,
        quote=source_text[span.start : span.end],
        prefix=prefix,
        suffix=suffix,
        **fields,
    )


def test_curation_exports_and_reimports_faithfully(
    engine: Engine, empty_database_url: str, tmp_path: Path
):
    curate(engine)
    out = exported(engine, tmp_path / "first")
    assert (out / "sources" / "new-article.txt").read_bytes() == (
        b"Kim Jong Un met Vladimir Putin again.\nThey signed a pact.\n"
    )
    reloaded = load(empty_database_url, out)
    # a re-seeded record starts again at version 1: versions count writes to one database
    assert contents(reloaded, DATA_TABLES, skip={"version"}) == contents(
        engine, DATA_TABLES, skip={"version"}
    )
    again = exported(reloaded, tmp_path / "second")
    assert files(again / "annotations") == files(out / "annotations")
    reloaded.dispose()


def test_proposals_export_and_reimport_with_their_review_fields(
    engine: Engine, empty_database_url: str, tmp_path: Path
):
    """What the pipeline proposed keeps its review status, pipeline, confidence and
    suggested claims through the seed files (migration 0009's columns)."""
    with engine.begin() as connection:
        for table in ("actor", "claim", "stance", "mention"):
            connection.execute(
                text(
                    f"UPDATE {table} SET review_status = 'candidate', "
                    "extracted_by = 'claimsdb-ingest@1.0', confidence = 0.734 "
                    f"WHERE id = (SELECT min(id) FROM {table})"
                )
            )
        connection.execute(
            update(Stance)
            .where(Stance.id == select(func.min(Stance.id)).scalar_subquery())
            .values(suggested_claims=[{"id": "nk-supplies-munitions-to-russia", "score": 0.5}])
        )
    rebuild_read_model(engine)
    out = exported(engine, tmp_path)
    reloaded = load(empty_database_url, out)
    tables = ["actor", "claim", "stance", "mention"]
    assert contents(reloaded, tables, skip={"version"}) == contents(
        engine, tables, skip={"version"}
    )
    again = exported(reloaded, tmp_path / "second")
    assert files(again / "annotations") == files(out / "annotations")
    reloaded.dispose()


def test_curation_reads_as_an_annotator_would_write_it(engine: Engine, tmp_path: Path):
    curate(engine)
    out = exported(engine, tmp_path)
    document = yaml.safe_load((out / "annotations" / "putin-kim-unity-pyongyang.yaml").read_text())
    claim = next(c for c in document["claims"] if c["id"] == "kim-attends-summits")
    assert claim["review_status"] == "candidate"
    stance = next(s for s in document["stances"] if s.get("id") == "st-curated-1")
    assert stance["quote"] == "Kim"
    assert set(stance) & {"prefix", "suffix", "occurrence"}  # "Kim" alone is ambiguous
    retracted = [m for m in document["mentions"] if m.get("status") == "retracted"]
    assert [m["origin"] for m in retracted] == ["derived"]
    actors = yaml.safe_load((out / "annotations" / "actors.yaml").read_text())["actors"]
    putin = next(a for a in actors if a["id"] == "vladimir-putin")
    assert {"label": "Vlad", "kind": "name", "match": False} in putin["aliases"]
    kim = next(a for a in actors if a["id"] == "kim-jong-un")
    assert kim["merged_from"] == ["kim-jong-eun"]
    nurhaci = next(a for a in actors if a["id"] == "nurhaci")
    assert (nurhaci["status"], nurhaci["status_reason"]) == ("retracted", "nurhaci withdrawn")
    home = yaml.safe_load((out / "annotations" / "kim-alliance-counter-china.yaml").read_text())
    masterstroke = next(
        c for c in home["claims"] if c["id"] == "nk-russia-alliance-strategic-masterstroke"
    )
    assert (masterstroke["status"], masterstroke["status_reason"]) == ("retracted", "duplicate")


def test_a_claim_no_stance_states_yet_goes_to_the_claims_file(
    engine: Engine, empty_database_url: str, tmp_path: Path
):
    """The API takes a claim before its first stance; the export keeps it in claims.yaml,
    and drops that file once every claim is stated somewhere."""
    with Session(engine) as session:
        session.add(Claim(id="orphan-claim", text="Nobody states this.", claim_type="factual"))
        session.add(ClaimTopic(claim_id="orphan-claim", topic="diplomacy"))
        session.commit()
    rebuild_read_model(engine)
    out = exported(engine, tmp_path)
    claims = yaml.safe_load((out / "annotations" / "claims.yaml").read_text())["claims"]
    assert [c["id"] for c in claims] == ["orphan-claim"]
    reloaded = load(empty_database_url, out)
    assert contents(reloaded, DATA_TABLES, skip={"version"}) == contents(
        engine, DATA_TABLES, skip={"version"}
    )
    reloaded.dispose()
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM claim WHERE id = 'orphan-claim'"))
    rebuild_read_model(engine)
    report = export_annotations(engine=engine, annotations_dir=out / "annotations")
    assert [p.name for p in report.removed] == ["claims.yaml"]


@pytest.mark.parametrize(
    ("published_on", "precision", "written"),
    [
        ("2024-06-19", None, "2024-06-19"),  # the API needs no precision with a whole date
        ("2024-06-19", "year", "2024-06-19"),  # more precise than it says: kept as given
        ("2024-06-01", "month", "2024-06"),
        ("2024-01-01", "year", "2024"),
    ],
)
def test_a_source_dated_through_the_api_exports_and_reloads(
    published_on: str,
    precision: str | None,
    written: str,
    client: Any,
    tokens: dict[str, str],
    engine: Engine,
    empty_database_url: str,
    tmp_path: Path,
):
    body = {
        "id": "dated",
        "title": "Dated",
        "genre": "news",
        "language": "en",
        "text": "Something happened.\n",
        "published_on": published_on,
    }
    if precision:
        body["date_precision"] = precision
    made = client.post(
        "/v1/sources", json=body, headers={"Authorization": f"Bearer {tokens['curate']}"}
    )
    assert made.status_code == 201, made.text
    out = exported(engine, tmp_path)
    header = (out / "annotations" / "dated.yaml").read_text()
    assert f"published_on: {written}\n" in header
    reloaded = load(empty_database_url, out)
    assert contents(reloaded, ["source"], skip={"version"}) == contents(
        engine, ["source"], skip={"version"}
    )
    reloaded.dispose()


def test_a_removed_source_removes_its_file(engine: Engine, tmp_path: Path):
    exported(engine, tmp_path)
    gone = {"s": "kim-alliance-counter-china"}
    with engine.begin() as connection:
        claims = connection.execute(
            text("SELECT DISTINCT claim_id FROM stance WHERE source_id = :s"), gone
        ).scalars()
        claims = list(claims)
        for table in ("mention", "stance", "passage"):
            connection.execute(text(f"DELETE FROM {table} WHERE source_id = :s"), gone)
        for claim_id in claims:  # claims stated nowhere else go with it
            connection.execute(
                text(
                    "DELETE FROM claim WHERE id = :c "
                    "AND NOT EXISTS (SELECT 1 FROM stance WHERE claim_id = :c)"
                ),
                {"c": claim_id},
            )
        connection.execute(text("DELETE FROM source WHERE id = :s"), gone)
    rebuild_read_model(engine)
    report = export_annotations(engine=engine, annotations_dir=tmp_path / "annotations")
    assert [p.name for p in report.removed] == ["kim-alliance-counter-china.yaml"]
    read_seeds(tmp_path)  # what is left still loads


# ---------------------------------------------------------------- the command


@pytest.fixture
def runner(database_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[CliRunner]:
    monkeypatch.setenv("DATABASE_URL", database_url)
    get_settings.cache_clear()
    yield CliRunner()
    get_settings.cache_clear()


def test_export_command(runner: CliRunner, tmp_path: Path):
    result = runner.invoke(cli, ["export", "--annotations", str(tmp_path / "annotations")])
    assert result.exit_code == 0, result.output
    assert "9 written, 0 unchanged" in result.output
    assert files(tmp_path / "annotations") == files(SEEDS / "annotations")
    again = runner.invoke(cli, ["export", "--annotations", str(tmp_path / "annotations")])
    assert "0 written, 9 unchanged" in again.output


def test_export_command_refuses_a_clashing_text(runner: CliRunner, tmp_path: Path):
    clash = tmp_path / "sources" / "000_7db67ac95df02af4.txt"
    clash.parent.mkdir()
    clash.write_text("another text", encoding="utf-8")
    result = runner.invoke(cli, ["export", "--annotations", str(tmp_path / "annotations")])
    assert result.exit_code == 1
    assert "holds another text than the source" in result.output
    assert not (tmp_path / "annotations").exists()


# ---------------------------------------------------------------- the format's pieces

TRICKY = [
    "",
    " ",
    "plain",
    "null",
    "~",
    "yes",
    "No",
    "2024",
    "2024-06",
    "1.5",
    "0x1F",
    "-",
    "- a",
    "a: b",
    "a #b",
    "#a",
    "'quoted'",
    '"dq"',
    "trailing ",
    " leading",
    "colon:",
    "[x]",
    "{x}",
    "a, b",
    "*alias",
    "&anchor",
    "!tag",
    "%dir",
    "@at",
    "`tick`",
    "|",
    ">",
    "?",
    "a\nb",
    "\t",
    "nb\u00a0sp",
    "zero\u200bwidth",
    "\ufeffbom",
    "line\u2028sep",
    "emoji 🙂",
    "\u2019curly\u2019 \u2013 dash",
    "back\\slash",
    "…",
    "\x85next",
    "\x7f",
    "Uploaded files:",
    "key: value # c",
]


def test_every_scalar_reads_back_as_written():
    rng = random.Random(5)
    alphabet = "ab :#-,[]{}'\"\\\n\t\u00a0\u2019…🙂?!&*|>%@`~0123456789"
    samples = TRICKY + ["".join(rng.choices(alphabet, k=rng.randint(1, 12))) for _ in range(3000)]
    for value in samples:
        for quoted in (value, Exact(value)):
            block, flow = scalar(quoted, flow=False), scalar(quoted, flow=True)
            assert yaml.safe_load(f"k: {block}") == {"k": value}, block
            assert yaml.safe_load(f"{{k: {flow}, j: 0}}") == {"k": value, "j": 0}, flow
            assert "\n" not in block + flow


def test_invisible_characters_are_escaped_and_unicode_kept():
    assert scalar("a\u00a0b", flow=False) == '"a\\u00a0b"'
    assert scalar("\u2019s \u2013 🙂", flow=False) == "\u2019s \u2013 🙂"
    assert scalar(Exact("Kim"), flow=True) == '"Kim"'


@pytest.mark.parametrize(
    ("text", "start", "expected"),
    [
        ("one Kim here", 4, {}),
        ("Kim went. Then Kim came.", 15, {"prefix": "Then "}),
        ("Kim went. Kim came.", 0, {"suffix": " went."}),
        ("aaa", 1, {"occurrence": 2}),
    ],
)
def test_minimal_anchor(text: str, start: int, expected: dict):
    quote_length = 1 if text == "aaa" else 3
    span = Span(start, start + quote_length)
    anchor = minimal_anchor(text, span)
    assert anchor == expected
    assert locate(text, text[span.start : span.end], **anchor) == span


def test_furniture_alone_may_say_all(tmp_path: Path):
    seeds = tmp_path / "seeds"
    (seeds / "annotations").mkdir(parents=True)
    (seeds / "sources").symlink_to(SEEDS / "sources")
    for path in (SEEDS / "annotations").glob("*.yaml"):
        (seeds / "annotations" / path.name).write_bytes(path.read_bytes())
    target = seeds / "annotations" / "russia-kim-whats-going-on.yaml"
    target.write_text(
        target.read_text(encoding="utf-8").replace(
            '  - {quote: "trust me"}', '  - {quote: "trust me", occurrence: all}'
        ),
        encoding="utf-8",
    )
    with pytest.raises(SeedError, match="only furniture may say 'occurrence: all'"):
        read_seeds(seeds)
