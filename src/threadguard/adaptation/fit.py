"""Fitting a site's adaptation from its moderators' verdicts.

Each verdict is an example: the engine's scores of the comment as the moderator read it,
and whether they rejected it. Below :data:`MIN_VERDICTS_PER_CLASS` approvals or
rejections the fit refuses (:class:`TooFewVerdicts`): fifty of a class is about where a
seven-weight logistic regression stops moving with every new verdict on dev rows, and a
site with fewer has not yet said what it calls abuse.

After fitting, the adapted scores are shifted (one logit for every attribute) so that
the site's policy holds or rejects as many of the rejected examples as the engine's own
scores did (:func:`operating_shift`). Without it a head fitted on a site where two
comments in a hundred are rejected would score almost nothing over the policy's hold
thresholds: the site would silently stop catching abuse.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Final

import numpy as np
from sklearn.linear_model import LogisticRegression

from threadguard.adaptation.apply import LANGUAGES, adapted_scores
from threadguard.adaptation.params import EPS, Adaptation
from threadguard.schema import ATTRIBUTES

#: The fewest approvals, and the fewest rejections, a site needs before an adaptation is
#: fitted (see the module docs).
MIN_VERDICTS_PER_CLASS: Final = 50
#: The kinds of adaptation, and the one fitted unless asked otherwise.
KINDS: Final = ("head", "calibration")
DEFAULT_KIND: Final = "head"
#: Inverse regularisation of the head, on standardised logits (chosen on the dev split
#: of Unhealthy Conversations, halves as in ``threadguard eval --suite adaptation``):
#: strong, since fifty rejections are few for seven weights.
HEAD_C: Final = 0.03
#: The widest logit shift :func:`operating_shift` considers.
MAX_SHIFT: Final = 30.0


@dataclass(frozen=True)
class Example:
    """One verdict as a label: the engine's scores of what the moderator read, and
    whether they rejected it (else approved)."""

    scores: Mapping[str, float]
    rejected: bool
    #: The language the comment was scored in: only :data:`~.apply.LANGUAGES` are fitted on.
    language: str = "en"


class TooFewVerdicts(ValueError):
    """Not enough of one kind of verdict to fit from; the message says how many."""

    def __init__(self, approvals: int, rejections: int, minimum: int) -> None:
        self.approvals = approvals
        self.rejections = rejections
        self.minimum = minimum
        super().__init__(
            f"{approvals} approved and {rejections} rejected comments with a moderator's "
            f"verdict: an adaptation needs at least {minimum} of each"
        )


class WorseThanEngine(ValueError):
    """A fit that holds more of the approved comments it was fitted on than the engine's
    own scores do, at the same rejected comments caught: served, it would only hold more
    civil readers (a calibration fit on a tryout's site: 20 approved held before, 33
    after, and served with no word)."""

    def __init__(self, fitted: Fitted) -> None:
        self.fitted = fitted
        super().__init__(
            f"the fit holds {fitted.approved_held_after} of the {fitted.approvals} approved "
            f"comments where the engine's scores hold {fitted.approved_held_before} (at "
            f"{fitted.caught_after} of {fitted.rejections} rejected comments caught, "
            f"{fitted.caught_before} before): it is worse than no adaptation"
        )


@dataclass(frozen=True)
class Fitted:
    """A fitted adaptation and what it did on the verdicts it was fitted on (in-sample
    figures: a check that it does what it should, not a measure of how well)."""

    adaptation: Adaptation
    approvals: int
    rejections: int
    #: Rejected examples the policy catches (holds or rejects) with the engine's scores,
    #: and with the adapted ones (equal, by :func:`operating_shift`, up to ties).
    caught_before: int
    caught_after: int
    #: Approved examples the policy holds or rejects, before and after.
    approved_held_before: int
    approved_held_after: int

    def figures(self) -> dict[str, int]:
        """The counts, as stored beside the adaptation and shown by the CLI and API."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "adaptation"}

    @property
    def worse(self) -> bool:
        """Whether it holds more approved comments than the engine's scores, catching no
        more of the rejected ones (:class:`WorseThanEngine`)."""
        return (
            self.approved_held_after > self.approved_held_before
            and self.caught_after <= self.caught_before
        )


#: The site's most recent comments an adaptation is tried on before it is served, and how
#: much more of them it may hold than the engine's own scores (a share of them; and never
#: more than twice as many).
RECENT_COMMENTS = 1000
MAX_RECENT_RISE = 0.05


class HoldsMoreOfTheSite(WorseThanEngine):
    """A fit that would hold far more of the site's recent comments than the engine's
    scores do. The verdicts it is fitted on come from the queue, where every comment was
    held already, so the in-sample check (:class:`WorseThanEngine`) cannot see what it does
    to the comments approved on arrival: a hardening review fitted one on 70 approvals and
    70 rejections that said nothing, and "Thanks for the article" then scored 0.95."""

    def __init__(self, fitted: Fitted, comments: int, before: int, after: int) -> None:
        self.fitted = fitted
        self.comments, self.before, self.after = comments, before, after
        ValueError.__init__(
            self,
            f"on the site's last {comments} English comments the fit would hold {after} "
            f"where the engine's scores hold {before}: the verdicts it was fitted on do not "
            "tell civil comments from abuse well enough to move the whole site",
        )


def held_on(
    recent: Sequence[Mapping[str, float]], levels: Mapping[str, float], adaptation: Adaptation
) -> tuple[int, int]:
    """How many of ``recent`` (stored scores) the policy's ``levels`` hold with the scores
    as they are and as ``adaptation`` makes them."""
    if not recent:
        return 0, 0
    scores = np.array([[float(r.get(a, 0.0)) for a in ATTRIBUTES] for r in recent])
    level = np.array([levels.get(a, np.inf) for a in ATTRIBUTES])
    before = int(_flagged(scores, level).sum())
    after = int(_flagged(_adapt_all(scores, adaptation), level).sum())
    return before, after


#: Fewest recent English comments the check reads anything into (fewer: it passes).
MIN_RECENT = 100


def holds_too_many(before: int, after: int, comments: int) -> bool:
    """Whether ``after`` of ``comments`` held is too far above ``before``: more than
    :data:`MAX_RECENT_RISE` of them more and more than twice as many, or, on a site that
    holds most of them already, all but a twentieth held. Fewer than :data:`MIN_RECENT`
    comments say too little to refuse on."""
    if comments < MIN_RECENT:
        return False
    rise = after - before > MAX_RECENT_RISE * comments
    return rise and (after > 2 * before or after >= 0.95 * comments)


def count(examples: Sequence[Example]) -> tuple[int, int]:
    """(approvals, rejections) among the examples."""
    rejections = sum(1 for e in examples if e.rejected)
    return len(examples) - rejections, rejections


def fit_adaptation(
    examples: Sequence[Example],
    levels: Mapping[str, float],
    *,
    kind: str = DEFAULT_KIND,
    minimum: int = MIN_VERDICTS_PER_CLASS,
    c: float = HEAD_C,
) -> Fitted:
    """Fit an adaptation of ``kind`` from the verdicts; ``levels``: the score from which
    the site's policy holds or rejects each attribute (``Policy.flag_levels``).

    Only the examples in :data:`~.apply.LANGUAGES` (English) are fitted on and counted:
    ``levels`` are the English thresholds, and the adaptation applies to English only.

    Raises :class:`TooFewVerdicts` below ``minimum`` of either class, ``ValueError`` for
    an unknown kind.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown adaptation kind {kind!r} (one of {', '.join(KINDS)})")
    examples = [e for e in examples if e.language in LANGUAGES]
    approvals, rejections = count(examples)
    if approvals < minimum or rejections < minimum:
        raise TooFewVerdicts(approvals, rejections, minimum)
    scores = np.array([[float(e.scores.get(a, 0.0)) for a in ATTRIBUTES] for e in examples])
    y = np.array([e.rejected for e in examples], dtype=np.int64)
    z = _logits(scores)
    unshifted = _fit_head(z, y, c) if kind == "head" else _fit_calibration(z, y)
    level = np.array([levels.get(a, np.inf) for a in ATTRIBUTES])
    before = _flagged(scores, level)
    k = int(before[y == 1].sum())
    shift = operating_shift(unshifted, scores[y == 1], level, k)
    adaptation = _with_shift(unshifted, shift)
    after = _flagged(_adapt_all(scores, adaptation), level)
    return Fitted(
        adaptation,
        approvals,
        rejections,
        caught_before=k,
        caught_after=int(after[y == 1].sum()),
        approved_held_before=int(before[y == 0].sum()),
        approved_held_after=int(after[y == 0].sum()),
    )


def _logits(scores: np.ndarray) -> np.ndarray:
    p = np.clip(scores, EPS, 1.0 - EPS)
    return np.asarray(np.log(p / (1.0 - p)))


def _fit_head(z: np.ndarray, y: np.ndarray, c: float) -> Adaptation:
    """Logistic regression on standardised logits, folded back onto raw logits."""
    mean = z.mean(axis=0)
    scale = z.std(axis=0)
    scale[scale < 1e-9] = 1.0
    clf = LogisticRegression(C=c, max_iter=5000)
    clf.fit((z - mean) / scale, y)
    w = clf.coef_[0] / scale
    bias = float(clf.intercept_[0] - (w * mean).sum())
    return Adaptation("head", {a: float(w[i]) for i, a in enumerate(ATTRIBUTES)}, bias)


def _fit_calibration(z: np.ndarray, y: np.ndarray) -> Adaptation:
    """A Platt curve per attribute on its logit; an attribute whose fitted slope is not
    positive (its score says nothing of this site's verdicts) keeps its scores."""
    curves: dict[str, tuple[float, float]] = {}
    for i, a in enumerate(ATTRIBUTES):
        clf = LogisticRegression(C=1e4, max_iter=5000)
        clf.fit(z[:, i : i + 1], y)
        slope = float(clf.coef_[0, 0])
        if slope > 0:
            curves[a] = (slope, float(clf.intercept_[0]))
    return Adaptation("calibration", calibration=curves)


def _with_shift(adaptation: Adaptation, shift: float) -> Adaptation:
    return Adaptation(
        adaptation.kind, adaptation.head, adaptation.bias, adaptation.calibration, shift
    )


def _adapt_all(scores: np.ndarray, adaptation: Adaptation) -> np.ndarray:
    rows = [adapted_scores(dict(zip(ATTRIBUTES, s, strict=True)), adaptation) for s in scores]
    return np.array([[r[a] for a in ATTRIBUTES] for r in rows])


def _flagged(scores: np.ndarray, level: np.ndarray) -> np.ndarray:
    """Whether the policy holds or rejects each row: any attribute at its level."""
    return np.asarray((scores >= level).any(axis=1))


def operating_shift(
    adaptation: Adaptation, rejected: np.ndarray, level: np.ndarray, k: int
) -> float:
    """The logit shift under which the policy flags ``k`` of the ``rejected`` rows'
    adapted scores: midway between the shift where the k-th is caught and the one where
    the (k+1)-th would be, so that rounding cannot move the count.

    Flagging only grows with the shift (every adapted score rises with it), so each
    boundary is found by bisection.
    """

    def caught(shift: float) -> int:
        return int(_flagged(_adapt_all(rejected, _with_shift(adaptation, shift)), level).sum())

    def first_reaching(n: int) -> float:
        lo, hi = -MAX_SHIFT, MAX_SHIFT
        if caught(lo) >= n:
            return lo
        if caught(hi) < n:
            return hi
        for _ in range(40):
            mid = (lo + hi) / 2
            lo, hi = (lo, mid) if caught(mid) >= n else (mid, hi)
        return hi

    if k >= len(rejected):  # all caught before: keep them all, with a margin of one logit
        return min(first_reaching(k) + 1.0, MAX_SHIFT)
    upper = first_reaching(k + 1)
    lower = first_reaching(k) if k > 0 else max(upper - 2.0, -MAX_SHIFT)
    return (lower + upper) / 2
