"""Spans: which words carry an attribute, by attribution through the linear model.

A linear model's logit is a sum over features, and every word unigram and character
n-gram lies inside one word, so each word's share of the logit is exact up to the few
n-grams that words share. Words whose share is large and positive are the span; runs of
such words are merged. Offsets go back to the original text through the normaliser's map.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from threadguard.analysis import Span
from threadguard.normalize import Normalized, normalize, normalize_known
from threadguard.scoring.features import WORD_PATTERN
from threadguard.scoring.linear import LinearModel

_WORD = re.compile(WORD_PATTERN)

#: Only attributes scored at least this get spans.
SPAN_MIN_SCORE = 0.5
#: A word must carry at least this much calibrated logit to be part of a span...
MIN_CONTRIBUTION = 0.4
#: ...and at least this share of the strongest word's contribution.
MIN_SHARE = 0.35
#: Words separated by at most this many characters of non-word text merge into one span.
MAX_GAP = 2


@dataclass(frozen=True)
class SpanSettings:
    """Thresholds of the span finder; tuned for char-F1 on a dev split, stored in the model."""

    min_score: float = SPAN_MIN_SCORE
    min_contribution: float = MIN_CONTRIBUTION
    min_share: float = MIN_SHARE

    @classmethod
    def of(cls, model: LinearModel) -> SpanSettings:
        """The settings saved with the model (``spans`` in model.json), else the defaults."""
        saved = model.metadata.get("spans", {})
        return cls(**{k: float(v) for k, v in saved.items() if k in cls.__dataclass_fields__})


def find_spans(
    model: LinearModel,
    x: sp.csr_matrix,
    texts: Sequence[str],
    probs: np.ndarray,
    heads: Sequence[int],
    settings: SpanSettings | None = None,
    skip: set[int] | None = None,
    canonical: Sequence[str] | None = None,
) -> list[list[Span]]:
    """Spans for each row of ``x``, for the attribute heads listed in ``heads``.

    ``x`` is the feature matrix the probabilities came from, so attribution uses exactly
    the values the model saw. Only rows scored high enough are normalised again with the
    offset map (the costly part), the rest never are. Rows in ``skip`` get no spans
    (another span finder covers them). ``canonical``: the texts already normalised, which
    lets most rows skip building the map (see :func:`normalize_known`).
    """
    st = settings or SpanSettings.of(model)
    out: list[list[Span]] = [[] for _ in texts]
    rows = [
        i
        for i in range(len(texts))
        if any(probs[i, h] >= st.min_score for h in heads) and not (skip and i in skip)
    ]
    normalised: dict[int, Normalized] = {
        i: normalize_known(texts[i], canonical[i]) if canonical else normalize(texts[i])
        for i in rows
    }
    if not rows:
        return out
    tokens: list[tuple[int, int, int]] = []  # (row, begin, end) in normalised text
    words: list[str] = []
    for i in rows:
        for m in _WORD.finditer(normalised[i].text):
            tokens.append((i, m.start(), m.end()))
            words.append(m.group())
    if not tokens:
        return out
    # Words repeat (a batch shares most of its vocabulary): hash each distinct word once.
    distinct: dict[str, int] = {}
    ids = [distinct.setdefault(w, len(distinct)) for w in words]
    indicator = model.featurizer.counts(list(distinct))[ids]
    indicator.data[:] = 1.0
    doc_rows = x[[t[0] for t in tokens]]
    contributions = np.asarray(
        indicator.multiply(doc_rows).tocsr() @ model.head_weights(tuple(heads))
    )
    contributions *= model.platt_a[list(heads)]
    by_row: dict[int, list[int]] = {}
    for k, (i, _, _) in enumerate(tokens):
        by_row.setdefault(i, []).append(k)
    for i, ks in by_row.items():
        for j, h in enumerate(heads):
            p = float(probs[i, h])
            if p < st.min_score:
                continue
            c = contributions[ks, j]
            best = float(c.max())
            if best < st.min_contribution:
                continue
            flagged = [
                k
                for k, v in zip(ks, c, strict=True)
                if v >= st.min_contribution and v >= st.min_share * best
            ]
            out[i].extend(
                _merge(flagged, tokens, contributions[:, j], best, p, model.heads[h], normalised[i])
            )
    for spans in out:
        spans.sort(key=lambda s: (s.begin, s.attribute))
    return out


def _merge(
    flagged: list[int],
    tokens: list[tuple[int, int, int]],
    contrib: np.ndarray,
    best: float,
    prob: float,
    attribute: str,
    norm: Normalized,
) -> list[Span]:
    spans: list[Span] = []
    run: list[int] = []
    for k in flagged:
        if run and tokens[k][1] - tokens[run[-1]][2] > MAX_GAP:
            spans.append(_span(run, tokens, contrib, best, prob, attribute, norm))
            run = []
        run.append(k)
    if run:
        spans.append(_span(run, tokens, contrib, best, prob, attribute, norm))
    return spans


def _span(
    run: list[int],
    tokens: list[tuple[int, int, int]],
    contrib: np.ndarray,
    best: float,
    prob: float,
    attribute: str,
    norm: Normalized,
) -> Span:
    begin, end = norm.to_original(tokens[run[0]][1], tokens[run[-1]][2])
    share = max(float(contrib[k]) for k in run) / best
    return Span(begin, end, attribute, prob * min(1.0, share))
