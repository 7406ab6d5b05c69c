"""Hashed n-gram features: deterministic, in-word character n-grams, unit-norm rows."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from threadguard.scoring.features import FeatureConfig, Featurizer
from threadguard.scoring.hashing import hashed_counts

SMALL = FeatureConfig(word_bits=12, char_bits=12)


def test_counts_match_hand_count_of_words_bigrams_and_in_word_char_ngrams() -> None:
    # words: 4 unigrams + 3 bigrams; char 2..5-grams of " you ", " are ", " an ", " idiot "
    m = hashed_counts(["you are an idiot"], 18, 18)
    assert m.sum() == 7 + 10 + 10 + 6 + 18


def test_empty_and_symbol_only_texts_have_no_word_features() -> None:
    m = hashed_counts(["", "?!"], 18, 18)
    assert m[0].sum() == 0
    assert m[1, : 1 << 18].sum() == 0


def test_texts_in_one_batch_do_not_share_ngrams() -> None:
    together = hashed_counts(["abc", "def"], 12, 12).toarray()
    alone = np.vstack([hashed_counts([t], 12, 12).toarray() for t in ("abc", "def")])
    assert (together == alone).all()


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(max_size=40), min_size=1, max_size=6))
def test_batching_never_changes_a_row(texts: list[str]) -> None:
    together = hashed_counts(texts, 10, 10).toarray()
    alone = np.vstack([hashed_counts([t], 10, 10).toarray() for t in texts])
    assert (together == alone).all()


def test_astral_characters_do_not_shift_the_ngrams_of_later_words() -> None:
    after_emoji = hashed_counts(["😀 idiot"], 12, 12).toarray()
    alone = hashed_counts(["idiot"], 12, 12).toarray()
    # every feature of "idiot" is still there after the emoji; the emoji only adds some
    assert (after_emoji - alone >= 0).all()
    assert (after_emoji - alone).sum() > 0


def test_transform_gives_unit_rows_and_is_deterministic() -> None:
    f = Featurizer(SMALL)
    x1 = f.transform(["you are an idiot", "hello there", ""])
    x2 = Featurizer(SMALL).transform(["you are an idiot", "hello there", ""])
    norms = np.sqrt(np.asarray(x1.multiply(x1).sum(axis=1)).ravel())
    assert np.allclose(norms[:2], 1.0, atol=1e-5)
    assert norms[2] == 0
    assert (x1 != x2).nnz == 0
