"""Score the annotation pipeline against hand annotations (docs/annotation.md).

    python bench/annotate_eval.py              # leave-one-out on the seeds, then the test texts
                                               # (tests/data/ingest/on_topic, off_topic, heldout)
    python bench/annotate_eval.py --calibrate  # the attach threshold's trade-off
    python bench/annotate_eval.py --detail     # every hand stance next to its proposal

The logic lives in app/ingest/evaluate.py; this prints it.
"""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.ingest.evaluate import TEST_TEXTS, evaluate, ratio, seed_cases, text_cases, total

MEASURES = [
    ("spans_exact", "spans exact", None),
    ("actors_found", "actor recall", 0.95),
    ("mentions_found", "mention recall", None),
    ("linking", "linking accuracy", None),
    ("stances_overlapped", "hand stances overlapped", 0.90),
    ("holder_third_party", "holder, third-party", 0.80),
    ("author_kept", "holder, author voice", None),
    ("attribution", "attribution", None),
    ("hedged", "hedged → probable/possible", 0.70),
    ("plain", "plain → certain", 0.80),
    ("match_at_1", "match@1", None),
    ("match_at_3", "match@3", 0.75),
    ("attached_right", "attached to the right claim", None),
    ("shared_attached", "shared stances attached", None),
]


def show(value: object) -> str:
    if isinstance(value, tuple):
        share = ratio(value)
        return "  n/a" if share is None else f"{share:5.2f} ({value[0]}/{value[1]})"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def table(title: str, results: list) -> None:
    print(f"\n## {title}\n")
    names = [case.name for case, _, _ in results]
    print("| measure | " + " | ".join(names) + " | all | target |")
    print("|---|" + "---|" * (len(names) + 2))
    summed = total([scores for _, _, scores in results])
    for key, label, target in MEASURES:
        cells = [show(scores.get(key, "")) for _, _, scores in results]
        goal = f"≥ {target:.2f}" if target else ""
        print(f"| {label} | " + " | ".join(cells) + f" | {show(summed.get(key, ''))} | {goal} |")
    load = [f"{1000 * s['stances'] / s['chars']:.1f}" for _, _, s in results]
    all_load = 1000 * summed["stances"] / summed["chars"]
    print("| stances per 1,000 chars | " + " | ".join(load) + f" | {all_load:.1f} | ≤ 8 |")
    every = [f"{1000 * s['proposals'] / s['chars']:.1f}" for _, _, s in results]
    print(
        "| all proposals per 1,000 chars | "
        + " | ".join(every)
        + f" | {1000 * summed['proposals'] / summed['chars']:.1f} | |"
    )
    print("| relevance | " + " | ".join(show(s["relevance"]) for _, _, s in results) + " | | |")


def off_topic(results: list) -> None:
    print("\n## Off-topic texts\n")
    print("| text | relevance | stances on existing claims | registry mentions | proposals |")
    print("|---|---|---|---|---|")
    for case, _, s in results:
        print(
            f"| {case.name} | {show(s['relevance'])} | {s['on_existing_claims']} | "
            f"{s['registry_mentions']} | {s['proposals']} |"
        )


def detail(results: list) -> None:
    for case, proposals, _ in results:
        print(f"\n### {case.name}")
        for gold in case.stances:
            best = max(
                proposals.stances,
                key=lambda p: min(p.end, gold.end) - max(p.start, gold.start),
                default=None,
            )
            overlap = best and min(best.end, gold.end) > max(best.start, gold.start)
            print(f"- {case.text[gold.start : gold.end][:90]!r}")
            print(
                f"    hand: {gold.claim_id} {gold.label} {gold.holder} {gold.attribution} "
                f"{gold.certainty}"
            )
            if overlap:
                print(
                    f"    pipe: {best.claim_id or best.proposed_claim} {best.label} "
                    f"{best.holder_id or best.holder_proposed_actor} {best.attribution} "
                    f"{best.certainty} {[(s.id, s.score) for s in best.suggested_claims]}"
                )
            else:
                print("    pipe: (nothing)")


def calibrate(results: list) -> None:
    """For each proposed stance: its best score, and whether that claim is right there."""
    rows = []
    for case, proposals, _ in results:
        for stance in proposals.stances:
            if not stance.suggested_claims:
                continue
            top = stance.suggested_claims[0]
            right = any(
                g.claim_id == top.id and min(g.end, stance.end) > max(g.start, stance.start)
                for g in case.stances
            )
            rows.append((top.score, right))
    print("\n## Attach threshold\n")
    print("| threshold | attached | right | precision | right ones missed |")
    print("|---|---|---|---|---|")
    all_right = sum(1 for _, r in rows if r)
    for step in range(20, 75, 5):
        at = step / 100
        attached = [r for s, r in rows if s >= at]
        right = sum(attached)
        precision = right / len(attached) if attached else 0
        print(f"| {at:.2f} | {len(attached)} | {right} | {precision:.2f} | {all_right - right} |")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calibrate", action="store_true")
    parser.add_argument("--detail", action="store_true")
    args = parser.parse_args(argv)
    seeds = evaluate(seed_cases())
    texts = evaluate(text_cases())
    # written by a second engineer before the pipeline was changed for them
    heldout = evaluate(text_cases(TEST_TEXTS / "heldout"))
    # written by a third engineer in other publishers' house styles, before any change for them
    third = evaluate(text_cases(TEST_TEXTS / "third_hand"))
    on_topic = [r for r in texts if not r[0].off_topic]
    heldout_on = [r for r in heldout if not r[0].off_topic]
    third_on = [r for r in third if not r[0].off_topic]
    table("Leave-one-out on the seed articles", seeds)
    if on_topic:
        table("Unseen on-topic texts (tests/data/ingest/on_topic)", on_topic)
    if heldout_on:
        table("Held-out on-topic texts (tests/data/ingest/heldout/on_topic)", heldout_on)
    if third_on:
        table("Third-hand held-out texts (tests/data/ingest/third_hand/on_topic)", third_on)
    off_topic([r for r in texts + heldout + third if r[0].off_topic])
    if args.calibrate:
        calibrate(seeds + on_topic + heldout_on + third_on)
    if args.detail:
        detail(seeds + on_topic + heldout_on + third_on)


if __name__ == "__main__":
    main()
