"""Score drift by domain: what the default policy does to civil news readers.

Scores are meant to be probabilities on the comments a site actually gets (DESIGN.md),
not only on the abuse-heavy mix the models were fitted on. This module measures that on
labelled news comments (Unhealthy Conversations and SFU, both from the Globe and Mail)
beside two abuse-heavy sets (CADD from Reddit, HatEval 2019 from Twitter), per split:

- the toxicity distribution of civil comments (a calibrated model puts most of them
  near 0, not at the prior of its training mix);
- the share of civil comments the policy holds or rejects, and of abusive ones it
  catches (holds or rejects);
- the share the cascade sends to the deep tier (the price of every comment);
- calibration error and AUROC of toxicity where the set labels it.

Choose on ``dev`` rows, report on ``test`` rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from threadguard.engine import CascadeSettings, CommentInput, Engine
from threadguard.metrics import auroc, expected_calibration_error
from threadguard.moderation import Moderator
from threadguard.schema import ATTRIBUTES, Tier, Verdict
from threadguard.training.datasets import (
    HEADS,
    LabelledRows,
    load_cadd,
    load_hateval_en,
    load_sfu_news,
    load_unhealthy,
)
from threadguard.training.unseen import evaluated_rows

_TOXICITY = HEADS.index("toxicity")


@dataclass(frozen=True)
class DomainRows:
    """One data set's split: comments, which are civil, which abusive, the toxicity label
    (NaN where the set does not say) and whether the set is news comments."""

    dataset: str
    split: str
    news: bool
    items: list[CommentInput]
    civil: np.ndarray
    abusive: np.ndarray
    toxic: np.ndarray


@dataclass(frozen=True)
class DomainResult:
    """The figures of one :class:`DomainRows` under one engine and policy."""

    dataset: str
    split: str
    news: bool
    rows: int
    civil: int
    abusive: int
    civil_held: float
    abusive_caught: float
    deep_routed: float
    deep_routed_civil: float
    civil_toxicity: tuple[float, float, float]  # median, 90th and 99th percentile
    #: Calibration error of toxicity on the rows whose toxicity the set labels (NaN where
    #: it labels only one class: HatEval leaves the toxicity of non-hateful tweets unsaid).
    ece: float
    #: AUROC of toxicity, abusive against civil rows.
    auroc: float


def _rows(
    block: LabelledRows,
    split: str,
    news: bool,
    civil: Callable[[str, float], bool],
    root: Path,
) -> DomainRows:
    part = evaluated_rows(block, split, root)
    toxic = part.matrix()[:, _TOXICITY] if len(part) else np.zeros(0)
    items = [
        CommentInput(t, parent=p, title=ti)
        for t, p, ti in zip(part.texts, part.parents, part.titles, strict=True)
    ]
    is_civil = np.array([civil(g, y) for g, y in zip(part.gold, toxic, strict=True)], dtype=bool)
    return DomainRows(block.dataset, split, news, items, is_civil, toxic == 1.0, toxic)


def domain_rows(root: Path, split: str) -> list[DomainRows]:
    """The measured sets' ``split`` rows, news comments first.

    Civil: Unhealthy Conversations rows labelled healthy and not hostile; SFU rows whose
    most chosen toxicity level is 1 (not toxic); CADD rows of type none; HatEval rows
    not hateful. Abusive: hostile (Unhealthy), toxic or very toxic (SFU), any abuse type
    (CADD), hateful (HatEval). Test rows that a training or dev row copies are left out
    (:mod:`threadguard.training.unseen`).
    """
    return [
        _rows(load_unhealthy(root), split, True, lambda g, y: g == "1" and y == 0.0, root),
        _rows(load_sfu_news(root), split, True, lambda g, _y: g == "1", root),
        _rows(load_cadd(root), split, False, lambda g, _y: g == "0", root),
        _rows(load_hateval_en(root), split, False, lambda g, _y: g[0] == "0", root),
    ]


def routed_to_deep(engine: Engine, items: list[CommentInput]) -> np.ndarray:
    """Which comments the cascade sends to the deep tier: a fast-tier attribute at or
    above ``deep_from`` (an empty comment never goes)."""
    if engine.deep is None or engine.cascade.tier == "fast":
        return np.zeros(len(items), dtype=bool)
    if engine.cascade.tier == "deep":
        return np.ones(len(items), dtype=bool)
    fast = engine.with_cascade(CascadeSettings(tier=Tier.FAST)).head_probabilities(items)
    top: np.ndarray = fast[:, : len(ATTRIBUTES)].max(axis=1) >= engine.cascade.deep_from
    return top


def _share(mask: np.ndarray, within: np.ndarray) -> float:
    return float(mask[within].mean()) if within.any() else float("nan")


def measure(engine: Engine, moderator: Moderator, rows: DomainRows) -> DomainResult:
    """Score, decide and summarise one set's rows (spans are not computed: no decision
    reads them)."""
    analyses = engine.analyze(rows.items, spans=False)
    flagged = np.array(
        [
            moderator.decide(
                a, it.text, context=it.parent or it.title, title=it.title
            ).decision.action
            != Verdict.APPROVE
            for a, it in zip(analyses, rows.items, strict=True)
        ],
        dtype=bool,
    )
    tox = np.array([a.scores["toxicity"] for a in analyses], dtype=np.float64)
    deep = routed_to_deep(engine, rows.items)
    civil_tox = tox[rows.civil]
    quantiles = (
        tuple(float(q) for q in np.quantile(civil_tox, [0.5, 0.9, 0.99]))
        if len(civil_tox)
        else (float("nan"),) * 3
    )
    known = ~np.isnan(rows.toxic)
    y = rows.toxic[known].astype(int)
    judged = rows.civil | rows.abusive
    return DomainResult(
        dataset=rows.dataset,
        split=rows.split,
        news=rows.news,
        rows=len(rows.items),
        civil=int(rows.civil.sum()),
        abusive=int(rows.abusive.sum()),
        civil_held=_share(flagged, rows.civil),
        abusive_caught=_share(flagged, rows.abusive),
        deep_routed=float(deep.mean()) if len(deep) else float("nan"),
        deep_routed_civil=_share(deep, rows.civil),
        civil_toxicity=(quantiles[0], quantiles[1], quantiles[2]),
        ece=expected_calibration_error(y, tox[known]) if 0 < y.sum() < len(y) else float("nan"),
        auroc=auroc(rows.abusive[judged], tox[judged]),
    )


def domain_report(
    engine: Engine, moderator: Moderator, root: Path, split: str
) -> Iterator[DomainResult]:
    """:func:`measure` on every set of :func:`domain_rows`, in order."""
    for rows in domain_rows(root, split):
        if rows.items:
            yield measure(engine, moderator, rows)


HEADER = (
    f"{'data set':<11}{'split':<6}{'rows':>6}{'civil':>7}{'abusive':>8}"
    f"{'civil held':>11}{'caught':>8}{'to deep':>8}{'civil deep':>11}"
    f"{'civil tox p50/p90/p99':>23}{'ECE':>7}{'AUROC':>7}"
)


def format_result(r: DomainResult) -> str:
    """One line of the table under :data:`HEADER`."""
    q = "/".join(f"{v:.2f}" for v in r.civil_toxicity)
    return (
        f"{r.dataset:<11}{r.split:<6}{r.rows:>6}{r.civil:>7}{r.abusive:>8}"
        f"{r.civil_held:>11.1%}{r.abusive_caught:>8.1%}{r.deep_routed:>8.1%}"
        f"{r.deep_routed_civil:>11.1%}{q:>23}{r.ece:>7.3f}{r.auroc:>7.3f}"
    )
