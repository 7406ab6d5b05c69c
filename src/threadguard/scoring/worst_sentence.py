"""A comment's worst sentence: the abuse one civil sentence before it hides from both tiers.

Both tiers read a comment whole, and both let a civil sentence drown an abusive one: "You
are all brainless sheep and I hope you choke." scores toxicity 0.85 (deep tier) and 0.72
(fast tier) alone, but 0.08 and 0.03 after "The consultation on the bypass closes on
Friday." (a moderator's tryout, session 33: 18,000 characters of civil text ending in that
sentence were approved, and so was a 260-character comment). So the cascade reads each
sentence of a comment with more than one through the fast tier, and where one scores
:data:`AT_LEAST` alone, the comment goes to the deep tier, which reads that sentence on its
own as well: where the sentence alone is clearly abusive (:data:`CLEAR`), the comment scores
at least what it does.

Every comment with two sentences is read so (comments over 150 characters until session
33; dev decisions: Unhealthy civil held 150 -> 152 of 2,000, CAT-LARGE 12 -> 14 of 1,003),
and the cascade reads 1,368 -> 1,143 Unhealthy dev comments a second, one process.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final

import numpy as np

from threadguard.scoring.windows import sentence_parts

#: A sentence that scores this in the fast tier alone marks its comment (abusive, not only
#: unsure: at the band, 0.2, the deep tier read 19% more civil news comments and caught
#: nothing more; session 32).
AT_LEAST: Final = 0.5
#: The worst sentence raises only the scores it gives clearly (as the context's
#: ``CLEAR_HIGH``): every score raised, a civil comment quoting or mocking a harsh phrase
#: was held with it (dev decisions, sentences of every comment: Unhealthy civil held 150 ->
#: 170 of 2,000 for 1 more of 51 hostile caught; at 0.8: 152 and the same 26 caught;
#: CADD 21 -> 22 of 164 civil held and 166 -> 167 of 199 abusive caught either way).
CLEAR: Final = 0.8


@dataclass(frozen=True)
class WorstSentence:
    """A comment's worst sentence (normalised) and its fast-tier scores."""

    text: str
    fast: np.ndarray


def worst_sentences(
    normalised: Sequence[str],
    fast: Callable[[list[str]], np.ndarray],
    attributes: Sequence[int],
    *,
    longer_than: int = 0,
    at_least: float = AT_LEAST,
) -> dict[int, WorstSentence]:
    """By row: the worst sentence of each text with more than one (and longer than
    ``longer_than`` characters), where it scores ``at_least`` on one of the ``attributes``
    (column indices) in the ``fast`` tier's probabilities."""
    rows, parts = sentence_parts(normalised, [False] * len(normalised), longer_than)
    if not parts:
        return {}
    probs = fast(parts)
    top = probs[:, list(attributes)].max(axis=1)
    out: dict[int, WorstSentence] = {}
    best: dict[int, float] = {}
    for row, part, score, scores in zip(rows, parts, top, probs, strict=True):
        if score >= at_least and score > best.get(row, -1.0):
            best[row] = float(score)
            out[row] = WorstSentence(part, scores)
    return out


def at_least_worst(
    scores: np.ndarray, rows: Sequence[int], sentence_scores: np.ndarray
) -> np.ndarray:
    """``scores`` with each of ``rows`` raised, head by head, to its worst sentence's where
    that is :data:`CLEAR`."""
    out = scores.copy()
    if len(rows):
        index = np.asarray(rows)
        clear = np.where(sentence_scores >= CLEAR, sentence_scores, 0.0)
        out[index] = np.maximum(out[index], clear)
    return out


def raise_to_worst(
    scores: np.ndarray,
    worst: dict[int, WorstSentence],
    read: Sequence[int] | np.ndarray,
    deep: Callable[[list[str]], np.ndarray],
    weight: float,
) -> np.ndarray:
    """``scores`` with each row the deep tier ``read`` (row numbers) that has a worst
    sentence raised to it where clear (:func:`at_least_worst`), that sentence read alone by
    ``deep`` (calibrated probabilities) and blended with its fast-tier scores at
    ``weight``, as the cascade blends a comment's."""
    rows = sorted(set(worst) & {int(r) for r in read})
    if not rows:
        return scores
    sentence = deep([worst[r].text for r in rows])
    fast = np.stack([worst[r].fast for r in rows])
    return at_least_worst(scores, rows, weight * sentence + (1.0 - weight) * fast)
