"""``threadguard eval --suite decisions``: what a moderator lives, measured per data set.

Scores are a means; a site lives by decisions. For each data set (news comments first,
see :mod:`.decision_sets`) this scores the civil and the abusive rows once, decides each
through the :class:`~threadguard.moderation.Moderator` under the default policy, and
counts the civil comments held or rejected (readers who did nothing wrong, kept from
publication) and the abusive ones caught (held or rejected).

The curve between the two comes from *scaling the default policy's thresholds*: at scale
``s`` every hold and reject threshold is multiplied by ``s`` (capped at 1), and the
comments are decided again by a Moderator under that policy. Scale 1 is the default
policy; below 1 holds more, above 1 fewer. A site reads off the point it wants and
writes those thresholds into its policy file. Choose on ``--split dev``, report on
``--split test``.

The toxicity distribution on civil comments (median, 90th percentile) is kept too: a
calibrated model scores civil news comments low, and a drift there is what holds them.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Final, Protocol

import numpy as np

from threadguard.analysis import Analysis
from threadguard.engine import CommentInput
from threadguard.evaluation.decision_sets import (
    CIVIL_NEWS,
    DATA_SETS,
    SUITE_CODING,
    SUITE_NAMES,
    SUITES,
    Item,
    data_items,
    suite_items,
)
from threadguard.evaluation.raters import RATER_SHARES, RaterPoint, rater_point
from threadguard.moderation import Moderator, Policy, Threshold, load_policy
from threadguard.schema import Verdict

#: The operating points of the curve: factors applied to every threshold of the policy.
SCALES: Final = (0.8, 0.9, 1.0, 1.1, 1.2, 1.3, 1.4)
#: Rows of each kind kept per data set and split (a fixed, text-keyed sample) by default,
#: and with ``--quick``.
DEFAULT_CAP: Final = 2000
QUICK_CAP: Final = 300

Log = Callable[[str], None]


def scaled_policy(policy: Policy, factor: float) -> Policy:
    """``policy`` with every hold and reject threshold multiplied by ``factor`` (at most 1).

    Both move together, so hold stays at or below reject and the policy stays valid.
    """

    def scale(value: float | None) -> float | None:
        return None if value is None else min(1.0, value * factor)

    thresholds = {
        a: Threshold(scale(t.hold), scale(t.reject)) for a, t in policy.thresholds.items()
    }
    return replace(policy, name=f"{policy.name} x{factor:g}", thresholds=thresholds)


@dataclass(frozen=True)
class Point:
    """One operating point: how many civil comments it held or rejected, abusive caught."""

    scale: float
    civil_flagged: int
    abusive_caught: int


@dataclass(frozen=True)
class SetResult:
    """A data set's civil and abusive rows decided at every point of the curve."""

    key: str
    name: str
    coding: str
    news: bool
    civil: int
    abusive: int
    #: One per :data:`SCALES` entry, in that order; scale 1 is the default policy.
    points: tuple[Point, ...]
    #: Civil comments the default policy rejected outright (a subset of those flagged).
    civil_rejected: int = 0
    #: Why the default policy held civil comments: the first reason's rule, counted.
    civil_reasons: tuple[tuple[str, int], ...] = ()
    #: Toxicity of every civil comment (for the distribution), and the highest attribute.
    civil_toxicity: tuple[float, ...] = ()
    civil_max_score: tuple[float, ...] = ()
    #: Civil comments the cascade sent to the deep tier (None: the engine does not say).
    civil_routed: int | None = None
    #: False for the team's suites: no dev/test split, the same cases on either.
    has_split: bool = True
    #: Where the set's export says how its raters split: a random rater's point on the
    #: same rows (:mod:`.raters`), to read the policy's point against.
    raters: RaterPoint | None = None

    def at(self, scale: float = 1.0) -> Point:
        """The point at ``scale`` (1: the default policy)."""
        for p in self.points:
            if p.scale == scale:
                return p
        raise KeyError(f"no point at scale {scale}")

    def civil_share(self, scale: float = 1.0) -> float:
        """Share of civil comments held or rejected at ``scale``; NaN without civil rows."""
        return self.at(scale).civil_flagged / self.civil if self.civil else float("nan")

    def caught_share(self, scale: float = 1.0) -> float:
        """Share of abusive comments held or rejected at ``scale``; NaN without abusive rows."""
        return self.at(scale).abusive_caught / self.abusive if self.abusive else float("nan")


@dataclass
class DecisionsReport:
    """Everything ``eval --suite decisions`` prints and writes."""

    model_version: str
    policy: str
    split: str
    cap: int | None
    scales: tuple[float, ...] = SCALES
    sets: list[SetResult] = field(default_factory=list)
    #: Data sets not found in the data folder (skipped, and said so).
    missing: list[str] = field(default_factory=list)
    seconds: float = 0.0


def reason_rule(reason: str) -> str:
    """The rule a decision reason names: its attribute ("toxicity 0.82 ≥ 0.70 (hold)"),
    ``language`` or the site rule ("new author: ..." -> "new author")."""
    before, sep, _ = reason.partition(": ")
    if sep and not any(ch.isdigit() for ch in before):
        return before
    return reason.split(" ", 1)[0]


def decide_items(
    analyses: Sequence[Analysis],
    items: Sequence[Item],
    moderators: Sequence[tuple[float, Moderator]],
    key: str,
    name: str,
    coding: str,
    news: bool,
    at_policy: list[bool] | None = None,
) -> SetResult:
    """Count, at every point, the civil comments flagged and the abusive ones caught.
    ``at_policy``, where given, gets whether each item was held or rejected at scale 1 (the
    raters' table compares them item by item, without deciding every comment again)."""
    flagged = Counter[float]()
    caught = Counter[float]()
    reasons = Counter[str]()
    rejected = 0
    for analysis, item in zip(analyses, items, strict=True):
        for scale, moderator in moderators:
            context = item.parent or item.title
            decision = moderator.decide(
                analysis, item.text, context=context, title=item.title
            ).decision
            if scale == 1.0 and at_policy is not None:
                at_policy.append(decision.action is not Verdict.APPROVE)
            if decision.action is Verdict.APPROVE:
                continue
            if item.kind == "abusive":
                caught[scale] += 1
                continue
            flagged[scale] += 1
            if scale == 1.0:
                rejected += decision.action is Verdict.REJECT
                reasons[reason_rule(decision.reasons[0]) if decision.reasons else "?"] += 1
    civil = [a for a, it in zip(analyses, items, strict=True) if it.kind == "civil"]
    return SetResult(
        key,
        name,
        coding,
        news,
        civil=len(civil),
        abusive=len(items) - len(civil),
        points=tuple(Point(s, flagged[s], caught[s]) for s, _ in moderators),
        civil_rejected=rejected,
        civil_reasons=tuple(reasons.most_common()),
        civil_toxicity=tuple(float(a.scores.get("toxicity", 0.0)) for a in civil),
        civil_max_score=tuple(max(a.scores.values(), default=0.0) for a in civil),
    )


class Scorer(Protocol):
    """What the run needs of an engine (:class:`threadguard.engine.Engine` is one)."""

    @property
    def model_version(self) -> str: ...

    def analyze(
        self, items: Sequence[CommentInput], *, spans: bool = ...
    ) -> Sequence[Analysis]: ...


def run_decisions(
    engine: Scorer,
    data_root: Path | None,
    *,
    split: str = "test",
    cap: int | None = DEFAULT_CAP,
    policy: Policy | None = None,
    scales: Sequence[float] = SCALES,
    context: bool = True,
    log: Log = lambda _m: None,
) -> DecisionsReport:
    """Score and decide every data set's ``split`` (capped per kind), then the team's
    suites. A data set missing from ``data_root`` (or no folder at all) is skipped and
    listed in ``missing``; the suites ship in the package and always run. ``context``:
    whether the moderator reads each comment with its parent and title (the engine's own
    reading of them is its cascade's ``use_context``)."""
    if split not in ("dev", "test"):
        raise ValueError(f"split must be dev or test, not {split!r}")
    if 1.0 not in scales:
        raise ValueError("the scales must include 1 (the default policy)")
    started = time.perf_counter()
    base = policy if policy is not None else load_policy()
    moderators = [(float(s), Moderator(scaled_policy(base, s), context=context)) for s in scales]
    report = DecisionsReport(engine.model_version, base.name, split, cap, tuple(scales))
    work: list[tuple[str, str, str, bool, Callable[[], list[Item]]]] = []
    for spec in DATA_SETS:
        if data_root is None:
            report.missing.append(spec.key)
            continue
        load = partial(data_items, spec, data_root, split, cap)
        work.append((spec.key, spec.name, spec.coding, spec.news, load))
    shares = partial(_rater_shares, data_root)
    for suite in SUITES:
        load = partial(suite_items, suite)
        work.append((suite, SUITE_NAMES[suite], SUITE_CODING[suite], suite == CIVIL_NEWS, load))
    for key, name, coding, news, items_of in work:
        try:
            items = items_of()
        except FileNotFoundError as exc:
            log(f"{key}: skipped ({exc.filename} not found)")
            report.missing.append(key)
            continue
        log(f"{key}: deciding {len(items)} comments")
        # civil comments first, alone, so the engine's routing count says how many of them
        # the cascade sent to the deep tier (a calibrated fast tier sends few)
        items = sorted(items, key=lambda it: it.kind != "civil")
        n_civil = sum(it.kind == "civil" for it in items)
        before = _routed(engine)
        analyses = list(engine.analyze([_input(it) for it in items[:n_civil]], spans=False))
        after = _routed(engine)
        analyses += engine.analyze([_input(it) for it in items[n_civil:]], spans=False)
        flagged: list[bool] = []
        result = decide_items(analyses, items, moderators, key, name, coding, news, flagged)
        if before is not None and after is not None:
            result = replace(result, civil_routed=after - before)
        if key in SUITES:
            result = replace(result, has_split=False)
        elif (known := shares(key)) is not None:
            result = replace(result, raters=rater_point(items, known, flagged))
        report.sets.append(result)
    report.seconds = time.perf_counter() - started
    return report


def _rater_shares(data_root: Path | None, key: str) -> dict[str, float] | None:
    """The share of raters who would hold each of a set's comments, where its export
    says (None for the other sets, or where the file cannot be read as it should)."""
    read = RATER_SHARES.get(key)
    if read is None or data_root is None:
        return None
    try:
        return read(data_root)
    except (OSError, KeyError, ValueError):
        return None


def _input(item: Item) -> CommentInput:
    return CommentInput(item.text, parent=item.parent, title=item.title)


def _routed(engine: Scorer) -> int | None:
    """How many texts the engine has sent to its deep tier so far, where it counts them."""
    routing = getattr(engine, "routing", None)
    return None if routing is None else int(routing.totals()[1])


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q``-th percentile (NaN for no values)."""
    return float(np.percentile(values, q)) if len(values) else float("nan")
