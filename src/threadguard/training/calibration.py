"""Platt calibration that means the same on a news site as on the training mix.

Scores are promised to be probabilities (DESIGN.md). Fitted on the pooled dev splits
alone, they are probabilities on an abuse-heavy mix of tweets and forum posts, where
about half the rows are toxic; on a news site's comments, where a few in a hundred are,
the same calibration put the median civil comment at toxicity 0.19 and held a third of
civil comments at the default policy (issue 12).

So each attribute head can be fitted on the dev rows of every training set *and* on news
comments (the dev halves of Unhealthy Conversations and SFU, training sets like the
others), weighted so that the news rows make up a share of that head's fit
(``threadguard train --news-share``): a compromise between the two base rates, chosen on
dev rows for session 5's news-calibrated fast tier (``NEWS_SHARE``). The shipped fast@4 is
calibrated on the pooled dev rows, news rows among them at their own count
(``FAST_NEWS_SHARE``, the trainer's default): it has read news comments in training, and
weighting them in bought nothing the policy's thresholds could not (docs/evaluation.md,
"Issue 12, session 24"). Target-group heads are fitted on the pooled rows unweighted:
news sets label targets only as absent (Unhealthy's healthy comments).

The deep tier gets a prior correction only (:func:`fit_intercepts`): its slopes stay as
fitted on the pooled dev rows and only its intercepts move, with news rows at
``DEEP_NEWS_SHARE``. A full refit flattened its slopes (news comments are where it ranks
least well) and with them what it adds on hidden hate; the intercepts alone cut the
civil news comments it held (deep tier's model card).

Civil news rows count as negatives for every attribute (a comment its raters found
healthy and not hostile is no insult or threat either); hostile ones as toxic.
"""

from __future__ import annotations

import numpy as np
from sklearn.linear_model import LogisticRegression

from threadguard.schema import ATTRIBUTES
from threadguard.training.datasets import HEADS

#: Data sets of news-site comments: their dev rows carry the news share of each fit.
NEWS_SETS = ("unhealthy", "sfu")
#: The share of each attribute head's Platt fit given to news comments, as chosen on dev rows
#: for session 5's news-calibrated fast tier (``threadguard train --news-share 0.5``).
NEWS_SHARE = 0.5
#: What ``threadguard train --tier fast`` uses unless told: the pooled dev rows. fast@4's
#: weights (session 24) with news rows at ``NEWS_SHARE`` scored abuse lower, and at its best
#: band (0.15) the thresholds keeping what fast@2 caught held as many civil comments as the
#: pooled calibration at the shipped band 0.2 (the rule's objective 12.18 against 12.13;
#: Unhealthy dev 7.3% against 7.6%, SFU 9.6% against 9.2%): no gain for a second moving part
#: (docs/evaluation.md, "Issue 12, session 24").
FAST_NEWS_SHARE = 0.0
#: The news rows' share of the deep tier's intercept refit (dev-chosen, see the module docs).
DEEP_NEWS_SHARE = 0.25
#: Fewer of either class than this on dev and a head keeps identity calibration.
MIN_CLASS = 5


def fit_platt(
    margins: np.ndarray, y: np.ndarray, weights: np.ndarray | None = None
) -> tuple[float, float]:
    """Platt scaling ``sigmoid(a * margin + b)`` fitted on dev margins; identity when dev
    has too few of a class."""
    if y.sum() < MIN_CLASS or (1 - y).sum() < MIN_CLASS:
        return 1.0, 0.0
    clf = LogisticRegression(C=1e4)
    clf.fit(margins.reshape(-1, 1), y, sample_weight=weights)
    return float(clf.coef_[0, 0]), float(clf.intercept_[0])


def share_weights(is_news: np.ndarray, share: float) -> np.ndarray:
    """Row weights under which the ``is_news`` rows carry ``share`` of the total weight
    (the others weigh 1). With no news rows, or none of anything else, all weigh 1."""
    n_news = int(is_news.sum())
    n_rest = len(is_news) - n_news
    weights = np.ones(len(is_news), dtype=np.float64)
    if n_news and n_rest and 0.0 < share < 1.0:
        weights[is_news] = share / (1.0 - share) * n_rest / n_news
    return weights


def fit_heads(
    margins: np.ndarray,
    labels: np.ndarray,
    is_news: np.ndarray,
    fitted: np.ndarray,
    share: float = FAST_NEWS_SHARE,
) -> tuple[np.ndarray, np.ndarray]:
    """Per-head Platt parameters (a, b) from dev margins and labels [rows, heads].

    Each head reads only the rows that label it (NaN = unsaid). Attribute heads give the
    news rows ``share`` of their fit; other heads, and heads not ``fitted``, weigh every
    row alike or keep identity calibration.
    """
    a = np.ones(labels.shape[1], dtype=np.float32)
    b = np.zeros(labels.shape[1], dtype=np.float32)
    for h in range(labels.shape[1]):
        known = ~np.isnan(labels[:, h])
        if not fitted[h] or not known.any():
            continue
        news_share = share if HEADS[h] in ATTRIBUTES else 0.0
        weights = share_weights(is_news[known], news_share)
        a[h], b[h] = fit_platt(margins[known, h], labels[known, h], weights)
    return a, b


def _intercept(z: np.ndarray, y: np.ndarray, w: np.ndarray) -> float:
    """The intercept b minimising the weighted log loss of ``sigmoid(z + b)``."""
    from scipy.optimize import minimize_scalar

    def loss(b: float) -> float:
        logits = z + b
        # log(1 + e^x) - y x, written stably
        return float((w * (np.logaddexp(0.0, logits) - y * logits)).sum())

    return float(minimize_scalar(loss, bounds=(-20.0, 20.0), method="bounded").x)


def fit_intercepts(
    margins: np.ndarray,
    labels: np.ndarray,
    is_news: np.ndarray,
    platt_a: np.ndarray,
    platt_b: np.ndarray,
    share: float = DEEP_NEWS_SHARE,
) -> np.ndarray:
    """New intercepts for the attribute heads (slopes ``platt_a`` kept), news rows at
    ``share`` of each fit: a prior correction. Other heads, and heads whose dev rows hold
    too few of a class, keep ``platt_b``."""
    out = np.asarray(platt_b, dtype=np.float32).copy()
    for h, head in enumerate(HEADS):
        known = ~np.isnan(labels[:, h])
        y = labels[known, h]
        if head not in ATTRIBUTES or y.sum() < MIN_CLASS or (1 - y).sum() < MIN_CLASS:
            continue
        weights = share_weights(is_news[known], share)
        out[h] = _intercept(platt_a[h] * margins[known, h], y, weights)
    return out
