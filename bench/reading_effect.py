"""What one second reading changes in decisions, with it and without it.

``bench/second_readings.py`` counts where each reading applies; this says what it then does
to the moderator's queue: on every labelled row of the data folder it applies to (training,
dev and test rows; nothing is fitted), the decisions that change, by the row's label
(civil: toxicity < 0.5, toxic, unlabelled), each comment read alone as the labelled sets
give it; and on probe files (JSON Lines as ``bench/probe_decisions.py`` reads them, each
comment with its parent), the comments expected held that are held and the ones expected
published that are published, without the reading and with it. The engine leaves the
reading out by name (``CascadeSettings.readings_off``); everything else is as shipped.

    PYTHONPATH=src python bench/reading_effect.py NAME --data $THREADGUARD_DATA
        [PROBE.jsonl ...] [--show N]

``--show N`` prints up to N labelled rows whose decision changed, per kind of change
(reading them makes a probe no longer blind: probes are only counted).

Session 28 (fast@4 + deep@34, "endorsed quote"): 1 labelled row of 187,319 applies, no
decision changes; probes A / B / C (outside the repository) 31 -> 33, 28 -> 29, 18 -> 20
hateful held, civil published unchanged.
"""

from __future__ import annotations

import argparse
import json
import math
from collections import Counter
from dataclasses import replace
from pathlib import Path

from threadguard.engine import MAX_CHARS, CommentInput, Engine
from threadguard.moderation import Moderator
from threadguard.schema import ATTRIBUTES
from threadguard.scoring.second_readings import READINGS
from threadguard.training.datasets import load_all

TOXICITY = ATTRIBUTES.index("toxicity")


def label(value: float) -> str:
    """civil, toxic or unlabelled, from a row's toxicity label."""
    if math.isnan(value):
        return "unlabelled"
    return "toxic" if value >= 0.5 else "civil"


def decisions(engine: Engine, moderator: Moderator, items: list[CommentInput]) -> list[str]:
    """Each comment's verdict (approve, hold or reject) under the default policy."""
    analyses = engine.analyze(items, spans=False)
    return [
        moderator.decide(a, it.text, context=it.parent).action.value
        for a, it in zip(analyses, items, strict=True)
    ]


def main() -> None:
    names = [r.name for r in READINGS]
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("name", help=f"the reading: one of {', '.join(names)}")
    ap.add_argument("probes", nargs="*", type=Path)
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--show", type=int, default=0, help="changed labelled rows shown per kind")
    args = ap.parse_intermixed_args()
    if args.name not in names:
        ap.error(f"no second reading named {args.name!r}: one of {', '.join(names)}")
    cut = next(r.cut for r in READINGS if r.name == args.name)
    engine = Engine.load()
    without = engine.with_cascade(replace(engine.cascade, readings_off=frozenset({args.name})))
    moderator = Moderator()
    print(f"model {engine.model_version}, reading {args.name!r}")

    texts, labels, total = [], [], 0
    for block in load_all(args.data):
        for text, row in zip(block.texts, block.matrix(), strict=True):
            total += 1
            if cut(text[:MAX_CHARS]) is not None:  # what the engine reads of it
                texts.append(text)
                labels.append(label(float(row[TOXICITY])))
    items = [CommentInput(t) for t in texts]
    before = decisions(without, moderator, items)
    after = decisions(engine, moderator, items)
    changed: Counter[tuple[str, str, str]] = Counter()
    shown: Counter[tuple[str, str, str]] = Counter()
    for text, lab, b, a in zip(texts, labels, before, after, strict=True):
        if a == b:
            continue
        changed[(lab, b, a)] += 1
        if shown[(lab, b, a)] < args.show:
            shown[(lab, b, a)] += 1
            print(f"  {lab} {b} -> {a} | {' '.join(text.split())[:200]}")
    print(
        f"labelled rows: {len(texts)} of {total:,} apply; decisions changed: "
        + (
            ", ".join(f"{lab} {b} -> {a} {n}" for (lab, b, a), n in sorted(changed.items()))
            or "none"
        )
    )

    for path in args.probes:
        rows = [
            json.loads(line)
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()
        ]
        probe = [CommentInput(r["text"], parent=r.get("parent", "")) for r in rows]
        for name, e in (("without", without), ("with", engine)):
            verdicts = decisions(e, moderator, probe)
            hold = [
                v != "approve"
                for v, r in zip(verdicts, rows, strict=True)
                if r["expected"] == "hold"
            ]
            publish = [
                v == "approve"
                for v, r in zip(verdicts, rows, strict=True)
                if r["expected"] == "approve"
            ]
            print(
                f"{path}: {name} it, held {sum(hold)} of {len(hold)} expected held, "
                f"published {sum(publish)} of {len(publish)} expected published"
            )


if __name__ == "__main__":
    main()
