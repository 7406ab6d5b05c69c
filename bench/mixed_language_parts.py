"""What reading a comment's parts in their own language changes on labelled rows.

`threadguard.scoring.mixed_language.other_language_parts` finds the parts of a comment in
another covered language than the comment's, and the engine reads them in their own. This
counts, on the data folder's non-English sets (every row) and on the English decision sets'
dev and test rows, the comments that have such a part, and how many of their decisions (the
default policy) change when those parts are read, civil and abusive apart:

    PYTHONPATH=src python bench/mixed_language_parts.py --data $THREADGUARD_DATA

Session 34, at its end: 49 non-English rows have an English part (GermEval 11, OffensEval-tr
15, ToLD-BR 16, OSACT 7): civil flagged 2 -> 2, abusive 14 -> 16; 4 of the English sets'
19,000 dev and test rows have a part in another language, and 1 decision changed (a civil
Wikipedia talk comment offering help in Spanish, now held).
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

import threadguard.engine as engine_module
from threadguard.engine import CommentInput, Engine
from threadguard.evaluation.decision_sets import DATA_SETS, data_items
from threadguard.language import detect_language
from threadguard.moderation import Moderator
from threadguard.scoring.mixed_language import other_language_parts
from threadguard.training.datasets_multilingual import load_language_sets


def rows(data: Path) -> Iterator[tuple[str, list[tuple[CommentInput, bool]]]]:
    """(set name, [(comment, abusive)]) for the non-English sets and the English ones."""
    for block in load_language_sets(data):
        labels = block.matrix()[:, 0]
        yield (
            block.dataset,
            [
                (CommentInput(t), bool(y == 1))
                for t, y in zip(block.texts, labels, strict=True)
                if y == y  # not NaN
            ],
        )
    for split in ("dev", "test"):
        for spec in DATA_SETS:
            items = data_items(spec, data, split, None)
            yield (
                f"{spec.key} {split}",
                [
                    (CommentInput(i.text, parent=i.parent, title=i.title), i.kind != "civil")
                    for i in items
                ],
            )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True)
    args = ap.parse_args()
    engine, moderator = Engine.load(), Moderator()
    covered = engine.supported_languages
    found = engine_module.other_language_parts
    for name, labelled in rows(args.data):
        mixed = [
            (c, y)
            for c, y in labelled
            if other_language_parts(c.text, detect_language(c.text), covered)
        ]
        if not mixed:
            print(f"{name}: {len(labelled)} rows, none with a part in another language")
            continue
        comments = [c for c, _ in mixed]
        read = engine.analyze(comments, spans=False)
        engine_module.other_language_parts = lambda text, language, languages: []
        try:
            whole = engine.analyze(comments, spans=False)
        finally:
            engine_module.other_language_parts = found
        counts = {False: [0, 0], True: [0, 0]}
        for (c, y), before, after in zip(mixed, whole, read, strict=True):
            ctx = c.parent or c.title
            counts[y][0] += moderator.decide(before, c.text, context=ctx).action.value != "approve"
            counts[y][1] += moderator.decide(after, c.text, context=ctx).action.value != "approve"
        print(
            f"{name}: {len(labelled)} rows, {len(mixed)} with a part in another language; "
            f"civil flagged {counts[False][0]} -> {counts[False][1]}, "
            f"abusive {counts[True][0]} -> {counts[True][1]}"
        )


if __name__ == "__main__":
    main()
