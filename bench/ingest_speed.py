"""How fast articles come in: `claimsdb ingest` of 100 articles, and one 2,000-word article
through POST /v1/sources with annotate, once the models are loaded.

    python bench/ingest_speed.py              # both; docs/benchmarks.md has the figures
    python bench/ingest_speed.py --articles 20 --rounds 5

The articles are made from the texts written in other publishers' styles for the tests
(tests/data/ingest/: held-out, on-topic and off-topic) and the four seed articles: each
takes paragraphs of two to four of them, in a seeded random order, cut to 150 to 1,500
words, and is written as .txt, .md or .html (a page with navigation and a footer around
the article), so that no two share a text. They go into a fresh SQLite database, migrated
and seeded, in a temporary folder; `claimsdb ingest` runs as a child process, whose wall
time and peak resident memory (getrusage of the children) are reported.
"""

import argparse
import html
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TEXTS = ROOT / "tests" / "data" / "ingest"
WORDS = 2000
PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | Example Daily</title>
<meta property="og:title" content="{title}"><meta property="og:site_name" content="Example Daily">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/subscribe">Subscribe</a>
</nav><main><article><h1>{title}</h1>{paragraphs}</article></main>
<footer><p>© Example Daily. All rights reserved.</p></footer></body></html>
"""


def paragraphs_by_text() -> list[list[str]]:
    from app.config import project_path

    paths = sorted(TEXTS.glob("**/*.txt")) + sorted((project_path("seeds") / "sources").glob("*"))
    found = []
    for path in paths:
        parts = [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n")]
        found.append([p for p in parts if len(p.split()) >= 8])
    return [parts for parts in found if parts]


def make_articles(folder: Path, count: int, seed: int = 22) -> list[Path]:
    rng = random.Random(seed)
    texts = paragraphs_by_text()
    made = []
    for number in range(count):
        pool = [p for text in rng.sample(texts, rng.randint(2, 4)) for p in text]
        rng.shuffle(pool)
        budget, body = rng.randint(150, 1500), []
        for paragraph in pool:
            body.append(paragraph)
            if sum(len(p.split()) for p in body) >= budget:
                break
        title = f"Dispatch {number + 1}: " + " ".join(body[0].split()[:6]).rstrip(",.;:")
        kind = ("txt", "md", "html")[number % 3]
        path = folder / f"article-{number + 1:03d}.{kind}"
        if kind == "txt":
            path.write_text(title + "\n\n" + "\n\n".join(body) + "\n", encoding="utf-8")
        elif kind == "md":
            path.write_text(f"# {title}\n\n" + "\n\n".join(body) + "\n", encoding="utf-8")
        else:
            inner = "".join(f"<p>{html.escape(p)}</p>\n" for p in body)
            path.write_text(PAGE.format(title=html.escape(title), paragraphs=inner), "utf-8")
        made.append(path)
    return made


def fresh_database(folder: Path) -> str:
    url = f"sqlite:///{folder / 'bench.db'}"
    env = {"DATABASE_URL": url}
    for command in (["migrate"], ["seed"]):
        run_claimsdb(command, env)
    return url


def run_claimsdb(arguments: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    import os

    return subprocess.run(
        [sys.executable, "-m", "app.cli", *arguments],
        env={**os.environ, **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def ingest_hundred(count: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "articles").mkdir()
        articles = make_articles(folder / "articles", count)
        words = sum(len(p.read_text(encoding="utf-8").split()) for p in articles)
        url = fresh_database(folder)
        started = time.perf_counter()
        done = run_claimsdb(["ingest", str(folder / "articles")], {"DATABASE_URL": url})
        seconds = time.perf_counter() - started
        if done.returncode != 0:
            raise SystemExit(f"claimsdb ingest failed:\n{done.stdout}\n{done.stderr}")
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        summary = done.stdout.strip().splitlines()[-1]
        off = sum("off topic" in line for line in done.stdout.splitlines())
        return {
            "articles": count,
            "words": words,
            "seconds": seconds,
            "peak_rss_mb": peak,
            "summary": summary,
            "off_topic": off,
        }


def one_article(rounds: int) -> dict:
    """POST /v1/sources with annotate, in process, on a 2,000-word article, after a warm-up
    request; each round a new source (its text differs by a line)."""
    from fastapi.testclient import TestClient

    from app.config import Settings
    from app.core.auth import create_key
    from app.core.db import make_engine, run_write
    from app.main import create_app
    from app.models import Scope

    with tempfile.TemporaryDirectory() as tmp:
        url = fresh_database(Path(tmp))
        engine = make_engine(url)
        token = run_write(engine, lambda s: create_key(session=s, name="b", scope=Scope.curate)[1])
        engine.dispose()
        corpus = " ".join(" ".join(p) for p in paragraphs_by_text()[-4:]).split(" ")
        article = " ".join(corpus[:WORDS])
        headers = {"Authorization": f"Bearer {token}"}
        # measured, not cut short: on a busy machine a round may pass the request limit
        app = create_app(Settings(database_url=url, request_timeout_ms=0))
        totals, pipeline = [], []
        with TestClient(app) as client:
            for number in range(rounds + 1):
                body = {
                    "title": f"Round {number}",
                    "genre": "analysis",
                    "language": "en",
                    "text": f"Round {number}.\n\n{article}",
                    "annotate": True,
                }
                started = time.perf_counter()
                answer = client.post("/v1/sources", json=body, headers=headers)
                elapsed = time.perf_counter() - started
                assert answer.status_code == 201, answer.text
                if number:  # the first loads the models
                    totals.append(elapsed)
                    pipeline.append(answer.json()["annotation"]["seconds"])
                    summary = answer.json()["annotation"]
    return {
        "words": len(article.split()),
        "median": statistics.median(totals),
        "pipeline": statistics.median(pipeline),
        "summary": summary,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    many = ingest_hundred(args.articles)
    print(
        f"claimsdb ingest of {many['articles']} articles ({many['words']} words): "
        f"{many['seconds']:.1f} s, peak RSS {many['peak_rss_mb']:.0f} MB; {many['summary']}; "
        f"{many['off_topic']} off topic",
        flush=True,
    )
    single = one_article(args.rounds)
    print(
        f"one article, {single['words']} words, POST /v1/sources with annotate, median of "
        f"{args.rounds}: {single['median']:.3f} s in all, {single['pipeline']:.3f} s of it "
        f"the pipeline; stored {single['summary']['stances']} stances, "
        f"{single['summary']['claims']} claims, {single['summary']['mentions']} mentions, "
        f"{single['summary']['actors']} actors"
    )


if __name__ == "__main__":
    main()
