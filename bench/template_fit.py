"""How well deep tiers learnt the hidden-hate templates they were (or were not) trained on.

For each deep tier given, the share of :mod:`threadguard.training.templates_hidden_hate`'s
hostile rows whose max(toxicity, identity attack) reaches 0.4, and the share of its civil
rows that do, each row read alone by the deep tier's network (no cascade, no policy). A
model that has not learnt its own training rows needs more of them (repeats, epochs); one
that has, but still misses the functional suite's cases of the same phenomena, memorised
the frames. A measurement, not a test.

Usage:
    PYTHONPATH=src python bench/template_fit.py DEEP_DIR [DEEP_DIR ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

from threadguard.scoring.encoder import EncoderModel
from threadguard.training.datasets import HEADS
from threadguard.training.templates_hidden_hate import hidden_hate_rows

#: The score a row must reach to count as read as abusive.
CUT = 0.4


def main() -> None:
    rows = hidden_hate_rows()
    hostile = np.array([labels[HEADS.index("toxicity")] == 1.0 for _, labels in rows])
    for folder in sys.argv[1:]:
        model = EncoderModel.load(Path(folder))
        probs = model.predict([text for text, _ in rows])
        score = probs[:, [model.heads.index("toxicity"), model.heads.index("identity_attack")]]
        high = score.max(axis=1) >= CUT
        print(
            f"{model.tag}: hostile rows at or above {CUT}: {high[hostile].mean():.1%} "
            f"of {hostile.sum()}; civil rows: {high[~hostile].mean():.1%} of {(~hostile).sum()}"
        )


if __name__ == "__main__":
    main()
