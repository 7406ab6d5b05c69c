"""Weak labels for attributes no shared data set labels: today, ``sexually_explicit``.

A row its data set calls offensive or toxic is labelled sexually explicit when it
contains a stem from the project's own lexicon, and not sexually explicit otherwise.
Rows judged clean are already 0; rows with no toxicity label stay missing. This teaches
the linear model the lexicon plus its surroundings: a documented weakness (model card).

Words that name sex as a subject of news ("sex education", "sexual assault", "sexism",
"rape trial": :mod:`threadguard.scoring.sexual_topics`) are cut before the lexicon is
searched: "sex" and "rape" are stems, and until deep@20 and fast@2 a toxic comment about
sexism or a rape trial was labelled explicit, which taught the models to reject "Lack of
comprehensive sex education." (the engine's second reading corrects the shipped models;
versions trained from these labels should need it less).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import numpy as np

from threadguard.scoring.sexual_topics import without_sexual_topics
from threadguard.training.datasets import HEADS, LabelledRows


@lru_cache(maxsize=1)
def sexual_pattern() -> re.Pattern[str]:
    """A regex matching any stem of the sexually explicit lexicon at a word start."""
    text = resources.files("threadguard.resources").joinpath("lexicons/sexually_explicit.txt")
    stems = [
        line.strip()
        for line in text.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    return re.compile(r"\b(?:" + "|".join(re.escape(s) for s in stems) + ")", re.IGNORECASE)


def add_weak_labels(rows: LabelledRows) -> None:
    """Fill ``sexually_explicit`` on toxic rows that have no label for it, in place."""
    tox = HEADS.index("toxicity")
    sex = HEADS.index("sexually_explicit")
    pattern = sexual_pattern()
    for text, row in zip(rows.texts, rows.labels, strict=True):
        if row[tox] > 0.5 and np.isnan(row[sex]):  # toxic, or most raters said so
            explicit = pattern.search(without_sexual_topics(text) or text)
            row[sex] = 1.0 if explicit else 0.0
