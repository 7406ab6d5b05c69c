"""The fast tier's logistic heads learn from hard labels, whatever share a row carries."""

from __future__ import annotations

import numpy as np
from scipy import sparse

from threadguard.training.fast_tier import fit_head


def test_a_soft_label_counts_as_positive_only_above_a_half() -> None:
    rng = np.random.default_rng(3)
    x = sparse.csr_matrix(rng.random((60, 5)))
    soft = rng.choice([0.0, 0.2, 0.4, 0.6, 1.0], size=60)
    coef_soft, bias_soft = fit_head(x, soft, 1.0, 0)
    coef_hard, bias_hard = fit_head(x, (soft > 0.5).astype(np.float64), 1.0, 0)
    assert np.array_equal(coef_soft, coef_hard) and bias_soft == bias_hard
    # and a share is not read as a majority: 0.4 is not 1
    coef_up, _ = fit_head(x, np.where(soft == 0.4, 1.0, soft), 1.0, 0)
    assert not np.array_equal(coef_soft, coef_up)


def test_heads_are_counted_and_chosen_on_the_hard_labels_they_learn() -> None:
    from threadguard.training.datasets import HEADS
    from threadguard.training.fast_tier import MIN_POSITIVES, HeadReport, trainable_heads

    y = np.full((4 * MIN_POSITIVES, len(HEADS)), np.nan, dtype=np.float32)
    y[:, 0] = 0.0
    y[: MIN_POSITIVES - 1, 0] = 1.0
    y[MIN_POSITIVES - 1 : 3 * MIN_POSITIVES, 0] = 0.4  # shares under a half: not positives
    assert 0 not in [h for h, _ in trainable_heads(y)]  # the shares sum past MIN_POSITIVES
    report = HeadReport.of(0, y, y, fitted=False)
    assert report.train_positives == MIN_POSITIVES - 1


def test_rows_that_copy_a_test_row_up_to_case_and_punctuation_are_dropped() -> None:
    """Exact matches of the normalised text let about 180 near-copies of test rows into
    training ("... in my casket" against "... in my casket.."), and dev rows were never
    checked at all."""
    import numpy as np

    from threadguard.training.fast_tier import normalised_without_test

    texts = ["When I die, throw a party..", "A different sentence", "كلام مختلف تماما", "!!!"]
    labels = np.arange(len(texts), dtype=float)[:, None]
    kept, kept_labels, tags = normalised_without_test(
        texts, labels, ["a", "b", "c", "d"], ["when i die throw a party", "كلام آخر", "???"], print
    )
    assert tags == ["b", "c", "d"]  # another Arabic text and an empty key stay
    assert kept_labels[:, 0].tolist() == [1.0, 2.0, 3.0] and len(kept) == 3


def test_no_stormfront_sentence_trains_beside_a_test_sentence_of_its_post(data_root) -> None:  # type: ignore[no-untyped-def]
    """The test subset was drawn sentence by sentence: 350 of its 478 sentences had
    neighbours from their own post in train or dev."""
    import csv

    from threadguard.training.datasets import load_stormfront

    block = load_stormfront(data_root)
    with (data_root / "stormfront" / "stormfront.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    posts: dict[str, set[str]] = {}
    for r in rows:
        posts.setdefault(r["text"], set()).add(r["file_id"].rpartition("_")[0])
    tested = {r["file_id"].rpartition("_")[0] for r in rows if r["sampled_split"] == "test"}
    # a sentence that stands in one post only ("Thanks." stands in many) names its post
    trained = {
        next(iter(posts[t]))
        for s in ("train", "dev")
        for t in block.select(s).texts
        if len(posts[t]) == 1
    }
    assert len(block.select("test")) == 478 and len(block.select("train")) > 8000
    assert not tested & trained
