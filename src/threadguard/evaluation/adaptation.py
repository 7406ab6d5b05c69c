"""``threadguard eval --suite adaptation``: a simulated site learning from its moderators.

Issue 12 asks that a site's adaptation be proved on a simulated site: half of a news data
set's labels become moderators' verdicts, the other half is the test. Here the news set
is Unhealthy Conversations (Globe and Mail comments) read as :mod:`.decision_sets` reads
it (civil: healthy and not hostile; abusive: hostile), one split at a time, halved by a
hash of the text (the same halves on every run):

1. Every comment is scored by the engine and decided under the policy (the default one
   unless given), as the service would.
2. The *verdict half* is stored in a real store (SQLite in a temporary folder) through
   the store's own methods -- comments with their analyses and decisions, then a
   moderator's verdict on each: reject for abusive, approve for civil.
3. The site's adaptation is fitted from the store exactly as ``threadguard adapt`` and
   the admin endpoint fit it (:meth:`Store.fit_adaptation
   <threadguard.storage.repositories.adaptations.AdaptationRepository.fit>`), once per kind.
4. On the *test half*, the civil comments held (or rejected) are counted at equal caught:
   the policy's thresholds are all scaled by one factor, chosen on the adapted scores so
   that they catch as many abusive comments as the engine's own scores caught under the
   unscaled policy. The policy as served (unscaled) is reported too.

One halving is one draw: the test half holds about fifty abusive comments, so the figure
moves with the halving. The report adds its spread over :data:`RESAMPLES` seeded random
halvings of the same split, fitted with the same function
(:func:`~threadguard.adaptation.fit_adaptation`) directly on the scores, without the
store and without the minimum (a random half may fall just under fifty rejections).

Choose on ``--split dev``; report ``--split test``.
"""

from __future__ import annotations

import hashlib
import math
import random
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from threadguard.adaptation import KINDS, Adaptation, Example, TooFewVerdicts, adapt, fit_adaptation
from threadguard.analysis import Analysis
from threadguard.engine import CommentInput
from threadguard.evaluation.decision_sets import DATA_SETS, Item, data_items
from threadguard.evaluation.decisions import Scorer
from threadguard.moderation import Moderator, Policy, load_policy
from threadguard.storage import Actor, NewComment, Store

#: The simulated site's name in the store.
SITE: Final = "simulated-news"
#: The news data set the site's comments come from (a key of :data:`DATA_SETS`).
DATA_SET: Final = "unhealthy"
#: Who gives the verdicts and who fits, in the store's audit log.
MODERATOR: Final = Actor("simulated moderator", "moderator")
ADMIN: Final = Actor("simulation", "admin")
#: Seeded random halvings the spread of the reduction is measured over.
RESAMPLES: Final = 20

Log = Callable[[str], None]


def verdict_half(text: str) -> bool:
    """Whether a comment falls in the verdict half (else the test half): a hash of its
    text, so the halves are the same on every run and machine."""
    return hashlib.sha256(text.encode("utf-8")).digest()[0] % 2 == 0


def flag_ratio(analysis: Analysis, policy: Policy) -> float:
    """How far a comment's scores reach toward the policy's thresholds: the largest
    score / level over the attributes (at least 1: held or rejected). A language the
    policy does not support is held whatever its scores (infinite)."""
    if analysis.language not in policy.languages.supported:
        return math.inf
    levels = policy.flag_levels()
    return max((analysis.scores.get(a, 0.0) / lv for a, lv in levels.items()), default=0.0)


@dataclass(frozen=True)
class Point:
    """Abusive comments caught and civil ones held (held or rejected) at one setting."""

    caught: int
    civil_held: int
    #: The factor every threshold was scaled by (1: the policy as it is).
    scale: float = 1.0


def at_scale(ratios: Sequence[float], items: Sequence[Item], scale: float) -> Point:
    """Caught and civil held when every threshold is scaled by ``scale``."""
    caught = sum(
        1 for r, it in zip(ratios, items, strict=True) if it.kind == "abusive" and r >= scale
    )
    held = sum(1 for r, it in zip(ratios, items, strict=True) if it.kind == "civil" and r >= scale)
    return Point(caught, held, scale)


def at_caught(ratios: Sequence[float], items: Sequence[Item], caught: int) -> Point:
    """The point catching ``caught`` abusive comments: the thresholds scaled to the
    ``caught``-th highest abusive ratio (ties there may catch a few more)."""
    abusive = sorted(
        (r for r, it in zip(ratios, items, strict=True) if it.kind == "abusive"), reverse=True
    )
    if caught <= 0:
        scale = math.nextafter(abusive[0], math.inf) if abusive else 1.0
    else:
        scale = abusive[min(caught, len(abusive)) - 1]
    return at_scale(ratios, items, scale)


@dataclass(frozen=True)
class KindResult:
    """One kind of adaptation on the test half."""

    kind: str
    version: int
    #: On the verdicts it was fitted on (in-sample), as the store keeps them.
    figures: dict[str, int]
    #: At equal caught (the comparison), and under the policy as served (None: the fit
    #: was refused, too few verdicts in the verdict half).
    equal_caught: Point | None
    as_served: Point | None

    #: The relative reduction over :data:`RESAMPLES` random halvings (see the module docs).
    spread: tuple[float, ...] = ()

    def reduction(self, before: Point) -> float:
        """Relative reduction of civil held at equal caught (0.3: 30% fewer)."""
        if self.equal_caught is None or before.civil_held == 0:
            return float("nan")
        return 1.0 - self.equal_caught.civil_held / before.civil_held


@dataclass
class AdaptationReport:
    """What ``eval --suite adaptation`` prints."""

    model_version: str
    policy: str
    split: str
    data_set: str
    verdicts: tuple[int, int] = (0, 0)
    test: tuple[int, int] = (0, 0)
    before: Point = Point(0, 0)
    kinds: list[KindResult] = field(default_factory=list)
    #: Why a fit was refused (too few verdicts), if it was.
    refused: str | None = None
    seconds: float = 0.0


def simulate(
    engine: Scorer,
    data_root: Path,
    *,
    split: str = "test",
    policy: Policy | None = None,
    kinds: Sequence[str] = KINDS,
    resamples: int = RESAMPLES,
    store_dir: Path | None = None,
    log: Log = lambda _m: None,
) -> AdaptationReport:
    """Run the simulation on ``split`` (see the module docs) and report each kind."""
    if split not in ("dev", "test"):
        raise ValueError(f"split must be dev or test, not {split!r}")
    started = time.perf_counter()
    policy = policy if policy is not None else load_policy()
    moderator = Moderator(policy)
    spec = next(s for s in DATA_SETS if s.key == DATA_SET)
    items = data_items(spec, data_root, split, None)
    log(f"{spec.name}, {split} split: scoring {len(items)} comments")
    analyses = list(
        engine.analyze(
            [CommentInput(it.text, parent=it.parent, title=it.title) for it in items], spans=False
        )
    )
    fit_rows = [(it, a) for it, a in zip(items, analyses, strict=True) if verdict_half(it.text)]
    test_rows = [
        (it, a) for it, a in zip(items, analyses, strict=True) if not verdict_half(it.text)
    ]
    test_items = [it for it, _ in test_rows]
    report = AdaptationReport(engine.model_version, policy.name, split, spec.name)
    report.verdicts = (
        sum(it.kind == "civil" for it, _ in fit_rows),
        sum(it.kind == "abusive" for it, _ in fit_rows),
    )
    report.test = (
        sum(it.kind == "civil" for it in test_items),
        sum(it.kind == "abusive" for it in test_items),
    )
    before_ratios = [flag_ratio(a, policy) for _, a in test_rows]
    report.before = at_scale(before_ratios, test_items, 1.0)
    with tempfile.TemporaryDirectory(dir=store_dir) as folder:
        store = Store.open(None, Path(folder))
        try:
            log(f"storing {len(fit_rows)} comments and their moderators' verdicts")
            _store_verdicts(store, moderator, fit_rows)
            for kind in kinds:
                spread = resampled(items, analyses, policy, kind, resamples)
                try:
                    # measured whatever it does in-sample (the service refuses a worse one)
                    record, fitted = store.fit_adaptation(
                        SITE, policy.flag_levels(), ADMIN, kind=kind, force=True
                    )
                except TooFewVerdicts as exc:
                    report.refused = str(exc)
                    report.kinds.append(KindResult(kind, 0, {}, None, None, spread))
                    continue
                adaptation = Adaptation.from_json(record.parameters, record.version)
                ratios = [flag_ratio(adapt(a, adaptation), policy) for _, a in test_rows]
                report.kinds.append(
                    KindResult(
                        kind,
                        record.version,
                        fitted.figures(),
                        at_caught(ratios, test_items, report.before.caught),
                        at_scale(ratios, test_items, 1.0),
                        spread,
                    )
                )
        finally:
            store.close()
    report.seconds = time.perf_counter() - started
    return report


def resampled(
    items: Sequence[Item],
    analyses: Sequence[Analysis],
    policy: Policy,
    kind: str,
    resamples: int,
) -> tuple[float, ...]:
    """The relative reduction of civil held at equal caught over ``resamples`` seeded
    random halvings (the same fit, straight from the scores; see the module docs)."""
    out = []
    levels = policy.flag_levels()
    for seed in range(resamples):
        rng = random.Random(seed)  # noqa: S311 (a reproducible sample, not a secret)
        half = [rng.random() < 0.5 for _ in items]
        examples = [
            Example(a.scores, it.kind == "abusive")
            for it, a, h in zip(items, analyses, half, strict=True)
            if h
        ]
        rest = [(it, a) for it, a, h in zip(items, analyses, half, strict=True) if not h]
        try:
            adaptation = fit_adaptation(examples, levels, kind=kind, minimum=1).adaptation
        except TooFewVerdicts:
            continue
        rest_items = [it for it, _ in rest]
        before = at_scale([flag_ratio(a, policy) for _, a in rest], rest_items, 1.0)
        after = at_caught(
            [flag_ratio(adapt(a, adaptation), policy) for _, a in rest], rest_items, before.caught
        )
        if before.civil_held:
            out.append(1.0 - after.civil_held / before.civil_held)
    return tuple(out)


def _store_verdicts(
    store: Store, moderator: Moderator, rows: Sequence[tuple[Item, Analysis]]
) -> None:
    """The verdict half as a site's history: stored as the service stores comments, then
    a moderator's verdict on each (reject abusive, approve civil)."""
    comments = [
        NewComment(
            it.text,
            a,
            moderator.decide(a, it.text, context=it.parent or it.title, title=it.title).decision,
            external_id=f"c{i}",
        )
        for i, (it, a) in enumerate(rows)
    ]
    stored = store.record_many(site=SITE, source="simulation", article=None, comments=comments)
    for (comment_id, _), (it, _) in zip(stored, rows, strict=True):
        action = "reject" if it.kind == "abusive" else "approve"
        store.moderate(comment_id, action, MODERATOR)


def render_lines(report: AdaptationReport) -> list[str]:
    """The report as plain lines (the CLI prints them; docs quote them)."""
    b = report.before
    civil, abusive = report.test
    lines = [
        f"Site adaptation on a simulated news site: {report.data_set}, {report.split} split, "
        f"model {report.model_version}, policy {report.policy}",
        f"verdicts (half of the split, by a hash of the text): {report.verdicts[0]} approved "
        f"(civil), {report.verdicts[1]} rejected (abusive)",
        f"test half: {civil} civil, {abusive} abusive comments",
        f"before (engine's scores, policy as is): caught {b.caught}/{abusive} "
        f"({_share(b.caught, abusive)}), civil held {b.civil_held}/{civil} "
        f"({_share(b.civil_held, civil)})",
    ]
    if report.refused:
        lines.append(f"refused: {report.refused}")
    for k in report.kinds:
        e, s = k.equal_caught, k.as_served
        if e is None or s is None:
            lines.append(f"after, {k.kind}: not fitted (refused, see above)")
        else:
            lines.append(
                f"after, {k.kind} (version {k.version}): at equal caught ({e.caught}/{abusive}, "
                f"thresholds x{e.scale:.3f}) civil held {e.civil_held}/{civil} "
                f"({_share(e.civil_held, civil)}), relative reduction {k.reduction(b):.1%}; "
                f"as served (policy as is) "
                f"caught {s.caught}/{abusive}, civil held {s.civil_held}/{civil} "
                f"({_share(s.civil_held, civil)})"
            )
        if k.spread:
            lines.append(
                f"  spread over {len(k.spread)} random halvings of the split: relative reduction "
                f"mean {statistics.fmean(k.spread):.1%}, median {statistics.median(k.spread):.1%}, "
                f"min {min(k.spread):.1%}, max {max(k.spread):.1%}"
            )
    lines.append(f"({report.seconds:.0f}s)")
    return lines


def _share(n: int, total: int) -> str:
    return f"{n / total:.1%}" if total else "n/a"
