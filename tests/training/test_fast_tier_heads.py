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
