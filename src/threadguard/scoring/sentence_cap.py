"""A comment none of whose sentences reads as abuse alone: the deep tier's reading of the
whole capped at its worst sentence's.

The deep tier over-reads short comments of two or three kind or plain sentences as a
whole: "I'm so sorry. Hope your lad is ok." scores toxicity 0.59, "Olena I'm so sorry.
Thinking of your husband." 0.53, "Mrs Wong knows my order before I open my mouth. Gutted
for them." 0.85, while no sentence of them scores over 0.1 alone (five news desks, session
49, found such comments among the civil ones held most). Where the deep tier's reading of
a comment of several sentences reaches :data:`CHECK_FROM` on any head, each sentence is read
alone too, and the comment keeps, head by head (:data:`CAPPED`), the lower of its whole
reading and its worst sentence's plus the cascade's ``sentence_cap`` margin. Only readings
that could hold something are checked, so the cost is a few sentence reads per hundred
comments.

What it gives up is abuse spread over two calm sentences ("A Syrian family moved in next
door. Time to sell up."): measured in docs/evaluation.md, "Issue 12, session 49".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Final

import numpy as np

from threadguard.scoring.windows import sentence_parts

#: The lowest whole reading checked against its sentences.
CHECK_FROM: Final = 0.2
#: The heads capped. Not identity attack nor threat: hate and menace are often said across
#: two sentences each calm alone ("You don't negotiate with termites, you destroy the nest.
#: Same with the Roma.", "... when his house goes up in flames. Just saying."), which a cap
#: on every head published (dev decisions: docs/evaluation.md, "Issue 12, session 49").
CAPPED: Final = frozenset(
    {"toxicity", "severe_toxicity", "insult", "profanity", "sexually_explicit"}
)


def cap_to_sentences(
    probs: np.ndarray,
    texts: Sequence[str],
    read: Callable[[list[str]], np.ndarray],
    margin: float | None,
    heads: Sequence[str],
) -> np.ndarray:
    """``probs`` (calibrated deep-tier readings of ``texts``, one row each, columns named by
    ``heads``) with every row of several sentences that reaches :data:`CHECK_FROM` on a
    :data:`CAPPED` head capped there, head by head, at its worst sentence's reading by
    ``read`` plus ``margin``; unchanged where ``margin`` is None (the cap is off)."""
    if margin is not None and not margin >= 0.0:  # NaN too
        raise ValueError(f"the sentence cap's margin must be 0 or more, not {margin}")
    capped = np.array([h in CAPPED for h in heads])
    if margin is None or not capped.any():
        return probs
    need = [i for i in range(len(texts)) if float(probs[i, capped].max()) >= CHECK_FROM]
    if not need:
        return probs
    rows, parts = sentence_parts([texts[i] for i in need], [False] * len(need), 0)
    if not parts:
        return probs
    sentence = np.asarray(read(parts))
    worst: dict[int, np.ndarray] = defaultdict(lambda: np.zeros(probs.shape[1]))
    for r, p in zip(rows, sentence, strict=True):
        worst[r] = np.maximum(worst[r], p)
    out = probs.copy()
    for r, w in worst.items():
        i = need[r]
        out[i, capped] = np.minimum(out[i, capped], w[capped] + margin)
    return out
