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
#: Words that address or point at someone, in the languages the models read: they carry
#: weight in the n-gram models (abuse is addressed: "du bist ...", "tu es ..."), but a
#: highlight on "Du" or "Tu" shows a moderator nothing (session 32's multilingual tryout:
#: pronouns were highlighted as insults). Never a span on their own; normalised forms
#: ("voce" for "você").
ADDRESS_WORDS = frozenset(
    {
        "you",
        "your",
        "u",
        "ur",
        "ya",
        "du",
        "dich",
        "dir",
        "ihr",
        "euch",
        "tu",
        "te",
        "toi",
        "t'es",
        "vous",
        "ti",
        "sei",
        "eres",
        "vc",
        "voce",
        "sen",
        "seni",
        "sana",
        "je",
        "jij",
        "jou",
        "jullie",
        "ty",
        "ciebie",
        "cie",
    }
)


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
    canonical: Sequence[str] | None = None,
    maps: dict[int, Normalized] | None = None,
) -> list[list[Span]]:
    """Spans for each row of ``x``, for the attribute heads listed in ``heads``.

    ``x`` is the feature matrix the probabilities came from, so attribution uses exactly
    the values the model saw. Only rows scored high enough are normalised again with the
    offset map (the costly part), the rest never are. ``canonical``: the texts already
    normalised, which lets most rows skip building the map (see :func:`normalize_known`).
    ``maps``: the maps built, by row, filled in here for a caller that needs them too.
    """
    st = settings or SpanSettings.of(model)
    out: list[list[Span]] = [[] for _ in texts]
    rows = [i for i in range(len(texts)) if any(probs[i, h] >= st.min_score for h in heads)]
    normalised = maps if maps is not None else {}
    for i in rows:
        normalised[i] = (
            normalize_known(texts[i], canonical[i]) if canonical else normalize(texts[i])
        )
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
    contributions = _word_contributions(model, x, words, [t[0] for t in tokens], heads)
    # Tokens come grouped by row: each row's strongest word per head, then the words that
    # pass both cuts, all as array operations; only flagged words reach Python.
    tok_rows = np.fromiter((t[0] for t in tokens), dtype=np.int64, count=len(tokens))
    starts = np.flatnonzero(np.r_[True, tok_rows[1:] != tok_rows[:-1]])
    best = np.maximum.reduceat(contributions, starts, axis=0)  # [rows with tokens, heads]
    row_best = np.repeat(best, np.diff(np.r_[starts, len(tokens)]), axis=0)
    head_probs = probs[tok_rows][:, list(heads)].astype(np.float64)
    addressing = np.fromiter((w in ADDRESS_WORDS for w in words), dtype=bool, count=len(words))
    flagged = (
        ~addressing[:, None]
        & (head_probs >= st.min_score)
        & (row_best >= st.min_contribution)
        & (contributions >= st.min_contribution)
        & (contributions >= (st.min_share * row_best.astype(np.float64)).astype(np.float32))
    )
    for j, h in enumerate(heads):
        ks = np.flatnonzero(flagged[:, j])
        if not len(ks):
            continue
        cuts = np.flatnonzero(np.r_[True, tok_rows[ks[1:]] != tok_rows[ks[:-1]]])
        for part in np.split(ks, cuts[1:]):
            i = int(tok_rows[part[0]])
            out[i].extend(
                _merge(
                    part.tolist(),
                    tokens,
                    contributions[:, j],
                    float(row_best[part[0], j]),
                    float(probs[i, h]),
                    model.heads[h],
                    normalised[i],
                )
            )
    for spans in out:
        spans.sort(key=lambda s: (s.begin, s.attribute))
    return out


def _word_contributions(
    model: LinearModel,
    x: sp.csr_matrix,
    words: list[str],
    doc_of: list[int],
    heads: Sequence[int],
) -> np.ndarray:
    """Each word's share of each head's calibrated logit in its document [words, heads].

    A word's features (its unigram and the character n-grams inside it) carry the values
    they have in the document's row of ``x``; those are found by a sorted-key lookup rather
    than by copying the document's row once per word.
    """
    # Words repeat (a batch shares most of its vocabulary): hash each distinct word once.
    distinct: dict[str, int] = {}
    ids = [distinct.setdefault(w, len(distinct)) for w in words]
    indicator = model.featurizer.counts(list(distinct))[ids]
    indicator.sort_indices()
    xs = x if x.has_sorted_indices else x.sorted_indices()
    width = np.int64(xs.shape[1])
    x_keys = np.repeat(np.arange(xs.shape[0], dtype=np.int64), np.diff(xs.indptr)) * width
    x_keys += xs.indices
    pair_rows = np.repeat(np.arange(len(words), dtype=np.int64), np.diff(indicator.indptr))
    keys = np.asarray(doc_of, dtype=np.int64)[pair_rows] * width + indicator.indices
    pos = np.minimum(np.searchsorted(x_keys, keys), max(len(x_keys) - 1, 0))
    hit = x_keys[pos] == keys if len(x_keys) else np.zeros(len(keys), dtype=bool)
    values = sp.csr_matrix(
        (xs.data[pos[hit]], (pair_rows[hit], indicator.indices[hit])),
        shape=(len(words), xs.shape[1]),
    )
    contributions = np.asarray(values @ model.head_weights(tuple(heads)))
    contributions *= model.platt_a[list(heads)]
    return contributions


def _merge(
    flagged: list[int],
    tokens: list[tuple[int, int, int]],
    contrib: np.ndarray,
    best: float,
    prob: float,
    attribute: str,
    norm: Normalized,
) -> list[Span]:
    """One span per run of flagged words at most ``MAX_GAP`` characters apart.

    A span scores ``prob`` scaled by its strongest word's share of the row's best word.
    """
    runs: list[list[int]] = []
    for k in flagged:
        if runs and tokens[k][1] - tokens[runs[-1][-1]][2] <= MAX_GAP:
            runs[-1].append(k)
        else:
            runs.append([k])
    spans: list[Span] = []
    for run in runs:
        begin, end = norm.to_original(tokens[run[0]][1], tokens[run[-1]][2])
        share = max(float(contrib[k]) for k in run) / best
        spans.append(Span(begin, end, attribute, prob * min(1.0, share)))
    return spans
