"""Hashed word and character n-gram features with TF-IDF weighting.

Hashing means the shipped artifact needs no vocabulary (smaller, nothing to unpickle)
and unseen n-grams cost nothing. Word n-grams carry meaning; character n-grams inside
word boundaries survive the misspellings the normaliser cannot undo.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import scipy.sparse as sp

from threadguard.scoring.hashing import hashed_counts

#: What the span finder treats as a word; matches the hashing's word characters.
WORD_PATTERN = r"[\w*']+"


@dataclass(frozen=True)
class FeatureConfig:
    """The shape of the feature space; stored in the model's metadata."""

    word_bits: int = 18
    char_bits: int = 18
    word_ngrams: tuple[int, int] = (1, 2)
    char_ngrams: tuple[int, int] = (2, 5)

    @property
    def size(self) -> int:
        return (1 << self.word_bits) + (1 << self.char_bits)

    def to_json(self) -> dict[str, Any]:
        return {
            "word_bits": self.word_bits,
            "char_bits": self.char_bits,
            "word_ngrams": list(self.word_ngrams),
            "char_ngrams": list(self.char_ngrams),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> FeatureConfig:
        return cls(
            word_bits=int(data["word_bits"]),
            char_bits=int(data["char_bits"]),
            word_ngrams=(int(data["word_ngrams"][0]), int(data["word_ngrams"][1])),
            char_ngrams=(int(data["char_ngrams"][0]), int(data["char_ngrams"][1])),
        )


class Featurizer:
    """Turns normalised texts into an L2-normalised, IDF-weighted sparse matrix."""

    def __init__(self, config: FeatureConfig, idf: np.ndarray | None = None) -> None:
        self.config = config
        self.idf = idf if idf is not None else np.ones(config.size, dtype=np.float32)

    def counts(self, texts: list[str]) -> sp.csr_matrix:
        """Raw hashed counts, word block then character block."""
        c = self.config
        return hashed_counts(texts, c.word_bits, c.char_bits, c.char_ngrams[0], c.char_ngrams[1])

    def fit_idf(self, texts: list[str]) -> None:
        """Smoothed IDF over the training texts (the same formula as scikit-learn's)."""
        df = np.zeros(self.config.size, dtype=np.float64)
        for start in range(0, len(texts), 4096):
            counts = self.counts(texts[start : start + 4096])
            df += np.bincount(counts.indices, minlength=self.config.size)
        n = len(texts)
        self.idf = (np.log((1 + n) / (1 + df)) + 1).astype(np.float32)

    def transform(self, texts: list[str]) -> sp.csr_matrix:
        """Sublinear TF times IDF, each block L2-normalised, then scaled to unit norm."""
        x = self.counts(texts)
        x.data = (1.0 + np.log(x.data)) * self.idf[x.indices]
        split = 1 << self.config.word_bits
        is_word = x.indices < split
        sq = x.data.astype(np.float64) ** 2
        row = np.repeat(np.arange(x.shape[0]), np.diff(x.indptr))
        word_norm = np.sqrt(np.bincount(row, weights=sq * is_word, minlength=x.shape[0]))
        char_norm = np.sqrt(np.bincount(row, weights=sq * ~is_word, minlength=x.shape[0]))
        norms = np.where(is_word, word_norm[row], char_norm[row])
        norms[norms == 0] = 1.0
        x.data = (x.data / norms * np.sqrt(0.5)).astype(np.float32)
        return x
