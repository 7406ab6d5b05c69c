"""Decisions judged by a second reader: a blind relabelling sample of one labelled set.

``threadguard eval --suite decisions`` counts civil comments held and abusive ones caught by
the data set's own labels. Those labels were written for research (Unhealthy Conversations:
"healthy", "hostile", ...), not by a moderator applying a civility policy, so a comment the
set calls healthy may be one a moderator holds ("you're a bunch of ninnies"), and the other
way round. This script measures how much of the gap to the issue's targets is the labels and
how much is the model.

``make`` decides a split's rows with the shipped models and the default policy and draws a
seeded sample from each of four cells: civil held, civil approved, abusive caught, abusive
missed. It writes ``OUT/in.jsonl`` (``{"n": K, "text": ...}``, the cells shuffled together,
nothing that says which is which) for the reader, and ``OUT/key.json`` (each line's cell and
each cell's size in the split) for ``score``. Give the reader only ``in.jsonl`` and a policy
to apply; they write ``OUT/out.jsonl`` with ``{"n": K, "label": "hold"|"borderline"|"approve"}``
a line. ``score`` prints, per cell, what the reader said, then the engine's civil held and
caught with the reader's labels in place of the set's: each cell's shares weighted by its
size in the split, borderline counted once as approve and once as hold, each with a 95%
interval from resampling the cells' samples. The reader sees the comment alone, without the
parent or title the engine read.

Keep OUT outside the repository: the sample is text from the data sets, which are never
committed.

Usage:
    PYTHONPATH=src python bench/relabel_sample.py make OUT [--set unhealthy] [--split dev]
        [--per-cell 50] [--approved 50] [--seed 7]
    PYTHONPATH=src python bench/relabel_sample.py score OUT
"""

from __future__ import annotations

import argparse
import json
import os
import random
from collections import Counter
from pathlib import Path

CELLS = ("civil held", "civil approved", "abusive caught", "abusive missed")
LABELS = ("hold", "borderline", "approve")


def make(
    out: Path, root: Path, set_key: str, split: str, per_cell: int, seed: int, approved: int
) -> None:
    """Decide the split's rows, draw the cells' samples and write ``in.jsonl`` and
    ``key.json`` (see the module docs)."""
    from threadguard.engine import CommentInput, Engine
    from threadguard.evaluation.decision_sets import DATA_SETS, data_items
    from threadguard.evaluation.decisions import DEFAULT_CAP
    from threadguard.moderation import Moderator, load_policy
    from threadguard.schema import Verdict

    spec = next((s for s in DATA_SETS if s.key == set_key), None)
    if spec is None:
        raise SystemExit(f"no data set {set_key!r}: one of {', '.join(s.key for s in DATA_SETS)}")
    items = data_items(spec, root, split, DEFAULT_CAP)
    analyses = Engine.load().analyze(
        [CommentInput(i.text, parent=i.parent, title=i.title) for i in items], spans=False
    )
    moderator = Moderator(load_policy())
    cells: dict[str, list[str]] = {c: [] for c in CELLS}
    for item, analysis in zip(items, analyses, strict=True):
        action = moderator.decide(analysis, item.text, context=item.parent or item.title).action
        held = action is not Verdict.APPROVE
        side = ("held" if held else "approved") if item.kind == "civil" else None
        cell = f"civil {side}" if side else f"abusive {'caught' if held else 'missed'}"
        cells[cell].append(item.text)
    rng = random.Random(seed)
    wanted = {c: approved if c == "civil approved" else per_cell for c in CELLS}
    drawn = [(c, t) for c in CELLS for t in rng.sample(cells[c], min(wanted[c], len(cells[c])))]
    rng.shuffle(drawn)
    out.mkdir(parents=True, exist_ok=True)
    with (out / "in.jsonl").open("w", encoding="utf-8") as f:
        for n, (_, text) in enumerate(drawn):
            f.write(json.dumps({"n": n, "text": text}) + "\n")
    key = {"cells": [c for c, _ in drawn], "sizes": {c: len(v) for c, v in cells.items()}}
    (out / "key.json").write_text(json.dumps(key, indent=1) + "\n", encoding="utf-8")
    print(f"{len(drawn)} comments to {out / 'in.jsonl'}; cells in the split: {key['sizes']}")


def read_labels(out: Path, cells: list[str]) -> list[str]:
    """The reader's label for every drawn comment, in draw order: ``out.jsonl`` must name
    each ``n`` once (a missing or repeated line would silently bias a cell)."""
    labels: dict[int, str] = {}
    for line_no, line in enumerate((out / "out.jsonl").read_text(encoding="utf-8").splitlines()):
        where = f"out.jsonl line {line_no + 1}"
        try:
            doc = json.loads(line)
            n, label = int(doc["n"]), doc["label"]
        except (ValueError, KeyError, TypeError) as exc:
            raise SystemExit(f"{where}: needs a JSON object with n and label ({exc})") from None
        if label not in LABELS or not 0 <= n < len(cells):
            raise SystemExit(f"{where}: n must be 0-{len(cells) - 1}, label one of {LABELS}")
        if n in labels:
            raise SystemExit(f"{where}: n {n} labelled twice")
        labels[n] = label
    missing = sorted(set(range(len(cells))) - set(labels))
    if missing:
        raise SystemExit(f"out.jsonl: {len(missing)} comments unlabelled, first n {missing[0]}")
    return [labels[n] for n in range(len(cells))]


def estimate(
    said: Counter[tuple[str, str]], sizes: dict[str, int], borderline: str
) -> tuple[float, float]:
    """(civil held, caught) by the reader's labels: the share of what the reader approves
    that the engine held, and of what the reader holds. Each cell's sample shares are
    scaled by the cell's size in the split (a stratified ratio estimate)."""
    hold: dict[str, float] = {}
    for c in CELLS:
        n = sum(said[c, x] for x in LABELS)
        yes = said[c, "hold"] + (said[c, "borderline"] if borderline == "hold" else 0)
        hold[c] = sizes[c] * yes / n
    approve = {c: sizes[c] - hold[c] for c in CELLS}
    held_cells = ("civil held", "abusive caught")
    civil_held = sum(approve[c] for c in held_cells) / max(sum(approve.values()), 1e-9)
    caught = sum(hold[c] for c in held_cells) / max(sum(hold.values()), 1e-9)
    return civil_held, caught


def score(out: Path, rounds: int = 2000) -> None:
    """Print what the reader said per cell, then both estimates with a 95% interval from
    resampling each cell's labelled sample (the reader's own uncertainty is not in it)."""
    key = json.loads((out / "key.json").read_text(encoding="utf-8"))
    cells, sizes = key["cells"], key["sizes"]
    labels = read_labels(out, cells)
    said: Counter[tuple[str, str]] = Counter(zip(cells, labels, strict=True))
    print(f"{'cell':<16}{'in split':>9}  " + "  ".join(f"{x:>10}" for x in LABELS))
    for c in CELLS:
        print(f"{c:<16}{sizes[c]:>9}  " + "  ".join(f"{said[c, x]:>10}" for x in LABELS))
    by_cell = {c: [x for cell, x in zip(cells, labels, strict=True) if cell == c] for c in CELLS}
    empty = [c for c in CELLS if not by_cell[c] and sizes[c]]
    if empty:
        raise SystemExit(f"no comment drawn from {', '.join(empty)}: nothing to weigh them by")
    rng = random.Random(0)
    for borderline in ("approve", "hold"):
        held, caught = estimate(said, sizes, borderline)
        draws = []
        for _ in range(rounds):
            again: Counter[tuple[str, str]] = Counter()
            for c, xs in by_cell.items():
                again.update((c, x) for x in rng.choices(xs, k=len(xs)))
            draws.append(estimate(again, sizes, borderline))
        lo = [sorted(d[i] for d in draws)[int(0.025 * rounds)] for i in (0, 1)]
        hi = [sorted(d[i] for d in draws)[int(0.975 * rounds) - 1] for i in (0, 1)]
        print(
            f"reader's labels, borderline as {borderline}: the engine holds {held:.1%} "
            f"({lo[0]:.1%}-{hi[0]:.1%}) of what the reader approves and {caught:.1%} "
            f"({lo[1]:.1%}-{hi[1]:.1%}) of what the reader holds"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("make", "score"))
    parser.add_argument("out", type=Path)
    parser.add_argument("--set", default="unhealthy")
    parser.add_argument("--split", default="dev")
    parser.add_argument("--per-cell", type=int, default=50)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--approved",
        type=int,
        default=50,
        help="comments drawn from the civil approved cell, the largest by far: the reader's "
        "few holds there weigh most in the estimate",
    )
    parser.add_argument("--data", type=Path, default=Path(os.environ.get("THREADGUARD_DATA", "")))
    args = parser.parse_args()
    if args.command == "make":
        make(args.out, args.data, args.set, args.split, args.per_cell, args.seed, args.approved)
    else:
        score(args.out)


if __name__ == "__main__":
    main()
