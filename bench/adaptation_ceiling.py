"""How far could any re-weighing of the seven scores cut civil held at equal caught?

Issue 12's site adaptation is asked to hold 30% fewer civil comments at equal caught on a
simulated news site (``threadguard eval --suite adaptation``: Unhealthy Conversations,
verdicts on one half, civil held on the other). The shipped ``head`` is a logistic
regression over the seven attribute logits. This bounds what that family can do by
fitting on the *test half itself* (in-sample: a ceiling, not a result):

- the default policy's ranking (each comment's largest score / threshold), the baseline;
- each attribute alone;
- a logistic regression over the standardised logits, several C (the shipped head's form);
- the best of N random linear directions, judged by civil held at the baseline's caught
  count (the ranking at the operating point itself, not a log loss);
- the best of N random per-attribute threshold scalings of the policy's rule.

Then, out of sample, the same random direct search fitted on one half and judged on the
other, over 20 seeded halvings: what a fit aimed straight at the operating point does when
it must generalise from about fifty rejections.

    PYTHONPATH=src python bench/adaptation_ceiling.py --data $THREADGUARD_DATA [--split test]
        [--tries 20000]

Measured 2026-12-04 (session 28; fast@4 + deep@34, default policy; exact int8 products, so
the same on every x86 CPU), test split, test half (2,059 civil, 56 abusive; the policy
catches 21): the policy holds 133 civil, its ranking 130 at 21 caught; toxicity alone 140,
insult alone 169; logistic regression in-sample 134-140 (C 0.01-100); best random linear
direction in-sample 90 (31% fewer), best threshold scaling in-sample 104 (20% fewer). Dev
split (994 civil, 32 abusive, 15 caught, 76 held): ranking 74, logistic regression 59-61,
best direction 43, best scaling 55. Out of sample the direct search held on average 23.9%
*more* on test (median 12.5% more) and 21.7% more on dev (median 10.6% more).
(The out-of-sample search tries a seventh as many directions per halving, 2,857.) The 31% is
against the policy's ranking (130); against the 133 it holds, the best direction is 32%
fewer. These are searches, not proofs: in-sample the best linear ranking holds *at least*
31% fewer, a bound from below; out of sample no linear ranking this search found comes near
30%, and one aimed straight at the operating point does worse than the shipped head (8.3% on
the hash halving, 2.2% on average over 20), which is not a plain linear ranking (it scores
toxicity by the site's head and caps the other attributes by it). Nonlinear heads were not
searched.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from threadguard.engine import CommentInput, Engine
from threadguard.evaluation.adaptation import DATA_SET, RESAMPLES, flag_ratio, verdict_half
from threadguard.evaluation.decision_sets import DATA_SETS, data_items
from threadguard.moderation import load_policy
from threadguard.schema import ATTRIBUTES


def logits(scores: np.ndarray) -> np.ndarray:
    p = np.clip(scores, 1e-4, 1 - 1e-4)
    return np.asarray(np.log(p / (1 - p)))


def civil_held_at(rank: np.ndarray, abusive: np.ndarray, caught: int) -> int:
    """Civil rows ranked at or above the ``caught``-th highest abusive row (none for 0)."""
    if caught <= 0:
        return 0
    top = np.sort(rank[abusive])[::-1]
    return int(((rank >= top[min(caught, len(top)) - 1]) & ~abusive).sum())


def best_direction(
    x: np.ndarray, abusive: np.ndarray, caught: int, tries: int, rng: np.random.Generator
) -> tuple[int, np.ndarray | None]:
    """The random linear direction holding fewest civil rows at ``caught`` (None: none
    beat the first)."""
    best, w_best = civil_held_at(x @ np.ones(x.shape[1]), abusive, caught), None
    for _ in range(tries):
        w = rng.normal(size=x.shape[1])
        held = civil_held_at(x @ w, abusive, caught)
        if held < best:
            best, w_best = held, w
    return best, w_best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--split", default="test", choices=("dev", "test"))
    ap.add_argument("--tries", type=int, default=20000)
    args = ap.parse_args()
    engine, policy = Engine.load(), load_policy()
    spec = next(s for s in DATA_SETS if s.key == DATA_SET)
    items = data_items(spec, args.data, args.split, None)
    analyses = list(
        engine.analyze(
            [CommentInput(i.text, parent=i.parent, title=i.title) for i in items], spans=False
        )
    )
    scores = np.array([[a.scores.get(k, 0.0) for k in ATTRIBUTES] for a in analyses])
    ratio = np.array([flag_ratio(a, policy) for a in analyses])
    abusive = np.array([i.kind == "abusive" for i in items])
    z = logits(scores)
    levels = np.array([policy.flag_levels().get(k, np.inf) for k in ATTRIBUTES])
    rng = np.random.default_rng(0)

    test = np.array([not verdict_half(i.text) for i in items])
    t_abusive, t_ratio = abusive[test], ratio[test]
    caught = int(((t_ratio >= 1) & t_abusive).sum())
    zs = (z[test] - z[test].mean(0)) / z[test].std(0)
    print(
        f"model {engine.model_version}, {args.split} split, test half: {(~t_abusive).sum()} civil, "
        f"{t_abusive.sum()} abusive, the policy catches {caught} and holds "
        f"{int(((t_ratio >= 1) & ~t_abusive).sum())} civil"
    )
    print(f"  the policy's ranking at {caught} caught: {civil_held_at(t_ratio, t_abusive, caught)}")
    for j, name in enumerate(ATTRIBUTES):
        print(f"  {name} alone: {civil_held_at(zs[:, j], t_abusive, caught)}")
    for c in (0.01, 0.1, 1.0, 100.0):
        lr = LogisticRegression(C=c, max_iter=5000).fit(zs, t_abusive)
        print(
            f"  logistic regression in-sample, C {c}: "
            f"{civil_held_at(lr.decision_function(zs), t_abusive, caught)}"
        )
    print(
        f"  best of {args.tries} linear directions in-sample: "
        f"{best_direction(zs, t_abusive, caught, args.tries, rng)[0]}"
    )
    scaled = min(
        civil_held_at(
            (scores[test] / (levels * np.exp(rng.normal(scale=0.5, size=len(levels))))).max(1),
            t_abusive,
            caught,
        )
        for _ in range(args.tries)
    )
    print(f"  best of {args.tries} threshold scalings in-sample: {scaled}")

    reductions = []
    for seed in range(RESAMPLES):
        r = np.random.default_rng(seed)
        half = r.random(len(items)) < 0.5
        zz = (z - z[half].mean(0)) / z[half].std(0)
        fit_caught = int(((ratio[half] >= 1) & abusive[half]).sum())
        _, w = best_direction(zz[half], abusive[half], fit_caught, args.tries // 7, r)
        rest = ~half
        k = int(((ratio[rest] >= 1) & abusive[rest]).sum())
        before = int(((ratio[rest] >= 1) & ~abusive[rest]).sum())
        after = before if w is None else civil_held_at(zz[rest] @ w, abusive[rest], k)
        reductions.append(1 - after / before)
    red = np.array(reductions)
    print(
        f"out of sample, direct search over {RESAMPLES} halvings: reduction mean {red.mean():.1%}, "
        f"median {np.median(red):.1%}, min {red.min():.1%}, max {red.max():.1%}"
    )


if __name__ == "__main__":
    main()
