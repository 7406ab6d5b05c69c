"""Vectorised n-gram hashing in NumPy: word 1-2 grams and in-word character n-grams.

The fast tier must score tens of thousands of comments a second on two cores, which a
per-character Python loop cannot do. Here a whole batch becomes one array of code
points; every substring hash comes from prefix sums in wrapping uint64 arithmetic (the
polynomial base is odd, so it is invertible modulo 2**64), and n-grams of every length
at every position are hashed at once. The hash depends only on the code points, so it
is the same on every machine and in every process (unlike Python's ``hash``).
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

_B = np.uint64(0x100000001B3)  # FNV prime: odd, so invertible mod 2**64
_B_INV = np.uint64(pow(int(_B), -1, 2**64))
_MIX = np.uint64(0x9E3779B97F4A7C15)
_SPACE = 32

# Characters that belong to words: letters, digits, '*', "'" and '_' (masked swearing
# "f*ck" and contractions stay one token). A lookup table over the BMP; astral-plane
# characters (emoji) are not word characters.
_WORD_TABLE = np.zeros(0x10000, dtype=bool)
for _cp in range(0x10000):
    _ch = chr(_cp)
    if _ch.isalnum() or _ch in "*'_":
        _WORD_TABLE[_cp] = True


def _powers(n: int, base: np.uint64) -> np.ndarray:
    """base**0 .. base**(n-1), wrapping mod 2**64."""
    out = np.empty(n, dtype=np.uint64)
    if n:
        out[0] = 1
        with np.errstate(over="ignore"):
            out[1:] = base
            np.cumprod(out, out=out)
    return out


def _finalise(h: np.ndarray, salt: int, bits: int) -> np.ndarray:
    """Mix a raw polynomial hash (and a salt for n-gram kind) into a bucket index."""
    with np.errstate(over="ignore"):
        h = (h + np.uint64(salt) * _MIX) * _MIX
        h ^= h >> np.uint64(29)
        h *= np.uint64(0xBF58476D1CE4E5B9)
        h ^= h >> np.uint64(32)
    return (h & np.uint64((1 << bits) - 1)).astype(np.int64)


class _Batch:
    """A batch of texts as one code-point array with a prefix hash over it."""

    def __init__(self, texts: list[str]) -> None:
        # Each text becomes " text " and texts are separated, so no n-gram crosses texts.
        joined = "\x00".join(f" {t.replace(chr(0), ' ')} " for t in texts)
        cps = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
        self.cps = cps
        n = len(cps)
        lengths = np.fromiter((len(t) + 2 for t in texts), dtype=np.int64, count=len(texts))
        starts = np.zeros(len(texts), dtype=np.int64)
        if len(texts) > 1:
            starts[1:] = np.cumsum(lengths[:-1] + 1)
        self.starts = starts
        self.ends = starts + lengths
        doc = np.zeros(n, dtype=np.int64)
        if len(texts) > 1:
            doc[starts[1:] - 1] = 1
        self.doc = np.cumsum(doc)
        inv = _powers(n + 1, _B_INV)
        self.pow = _powers(n + 1, _B)
        with np.errstate(over="ignore"):
            q = np.zeros(n + 1, dtype=np.uint64)
            np.cumsum(cps * inv[:n], out=q[1:])
        self.q = q
        small = np.minimum(cps, 0xFFFF).astype(np.int64)
        self.is_word = _WORD_TABLE[small] & (cps < 0x10000)
        self.is_space = cps == _SPACE

    def hash(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """Polynomial hash of cps[i:j] for arrays of (i, j), j > i."""
        with np.errstate(over="ignore"):
            out: np.ndarray = (self.q[j] - self.q[i]) * self.pow[j - 1]
        return out


def char_ngrams(batch: _Batch, lo: int, hi: int, bits: int) -> tuple[np.ndarray, np.ndarray]:
    """(row, bucket) for every character n-gram (lo..hi) that stays inside one word.

    Like scikit-learn's ``char_wb``: a word's n-grams include the spaces around it, but no
    n-gram has a space inside it; text separators never appear in an n-gram.
    """
    n = len(batch.cps)
    sep = (batch.cps == 0).astype(np.int64)
    spc = batch.is_space.astype(np.int64)
    sep_cum = np.concatenate([[0], np.cumsum(sep)])
    spc_cum = np.concatenate([[0], np.cumsum(spc)])
    rows_out, cols_out = [], []
    for k in range(lo, hi + 1):
        if n < k:
            continue
        i = np.arange(0, n - k + 1, dtype=np.int64)
        j = i + k
        ok = (sep_cum[j] - sep_cum[i] == 0) & (spc_cum[j - 1] - spc_cum[i + 1] == 0)
        # an n-gram must contain at least one non-space character
        ok &= spc_cum[j] - spc_cum[i] < k
        i, j = i[ok], j[ok]
        rows_out.append(batch.doc[i])
        cols_out.append(_finalise(batch.hash(i, j), 100 + k, bits))
    if not rows_out:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    return np.concatenate(rows_out), np.concatenate(cols_out)


def word_ngrams(batch: _Batch, bits: int, bigrams: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """(row, bucket) for every word token and every pair of adjacent tokens in a text."""
    w = batch.is_word.astype(np.int8)
    edges = np.diff(np.concatenate([[0], w, [0]]))
    begin = np.flatnonzero(edges == 1)
    end = np.flatnonzero(edges == -1)
    if not len(begin):
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    raw = batch.hash(begin, end)
    rows = batch.doc[begin]
    cols = [_finalise(raw, 1, bits)]
    all_rows = [rows]
    if bigrams and len(begin) > 1:
        same = rows[1:] == rows[:-1]
        with np.errstate(over="ignore"):
            pair = raw[:-1][same] * _MIX + raw[1:][same]
        cols.append(_finalise(pair, 2, bits))
        all_rows.append(rows[1:][same])
    return np.concatenate(all_rows), np.concatenate(cols)


def hashed_counts(
    texts: list[str], word_bits: int, char_bits: int, char_lo: int = 2, char_hi: int = 5
) -> sp.csr_matrix:
    """Count matrix [len(texts), 2**word_bits + 2**char_bits]: word block, then char block."""
    n_cols = (1 << word_bits) + (1 << char_bits)
    if not texts:
        return sp.csr_matrix((0, n_cols), dtype=np.float32)
    batch = _Batch(texts)
    wr, wc = word_ngrams(batch, word_bits)
    cr, cc = char_ngrams(batch, char_lo, char_hi, char_bits)
    rows = np.concatenate([wr, cr])
    cols = np.concatenate([wc, cc + (1 << word_bits)])
    data = np.ones(len(rows), dtype=np.float32)
    m = sp.csr_matrix((data, (rows, cols)), shape=(len(texts), n_cols), dtype=np.float32)
    m.sum_duplicates()
    return m
