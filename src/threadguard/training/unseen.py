"""Test rows that no training or dev row copies: what every test figure is measured on.

Public sets repeat themselves: a comment posted twice, a retweet, the same sentence with
another stop or capital. When one copy falls in a set's test split and the other in a
train or dev split (of that set or of another one), a model may have read the test row in
training. Training drops such rows since session 32 (:func:`.datasets.near_key`), but the
shipped deep tier and the multilingual tier were trained before that rule, and a filter on
the training side protects only models trained after it. So the evaluation leaves those
test rows out instead: a figure then means the same for every model version, whenever it
was trained. Under 1% of most sets' test rows go, up to 4% (SFU 20 of 483, GHC 76 of 5,510,
ToLD-Br 44 of 2,100); ``bench/unseen_test_rows.py`` counts them per set.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path

from threadguard.training.datasets import TRAINING_SETS, LabelledRows, near_key
from threadguard.training.datasets_multilingual import LANGUAGE_SETS

#: The splits a model reads in training (dev rows choose thresholds and calibration).
READ_SPLITS = ("train", "dev")


def read_keys(blocks: Iterable[LabelledRows]) -> frozenset[str]:
    """The near keys of every train and dev row of these blocks (empty texts left out)."""
    return frozenset(
        k for b in blocks for s in READ_SPLITS for k in map(near_key, b.select(s).texts) if k
    )


def _loaded(loaders: Iterable[Callable[[Path], LabelledRows]], root: Path) -> list[LabelledRows]:
    out = []
    for load in loaders:
        try:
            out.append(load(root))
        except FileNotFoundError:  # a partial data folder: the sets it has
            continue
    return out


@lru_cache(maxsize=4)
def training_keys(root: Path) -> frozenset[str]:
    """The near keys of the train and dev rows of every training set found under ``root``,
    English and the other languages' (read once per folder and process: about 10 s)."""
    loaders = [load for load, _licence in TRAINING_SETS.values()]
    loaders += [load for load, _language, _licence in LANGUAGE_SETS.values()]
    return read_keys(_loaded(loaders, root))


def unseen(rows: LabelledRows, keys: frozenset[str]) -> LabelledRows:
    """The rows whose near key is not among ``keys``, in order."""
    return rows.take(i for i, t in enumerate(rows.texts) if near_key(t) not in keys)


def held_out_rows(block: LabelledRows, root: Path) -> LabelledRows:
    """``block``'s test rows without those a train or dev row of any training set copies
    up to case, spacing and punctuation."""
    return unseen(block.select("test"), training_keys(root))


def evaluated_rows(block: LabelledRows, split: str, root: Path) -> LabelledRows:
    """The rows of ``split`` an evaluation reads: test rows as :func:`held_out_rows` leaves
    them, any other split whole (dev rows choose; they are not reported as held out)."""
    return held_out_rows(block, root) if split == "test" else block.select(split)
