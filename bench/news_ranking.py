"""How far the news target is from the models' ranking, on Unhealthy Conversations.

Issue 12 asks for at most 5% of civil news comments held with at least 80% of hostile ones
caught. This reads every civil and hostile row of a split (as ``eval --suite decisions``
codes them; no context) and prints, per tier (fast, cascade at the shipped band, deep on
every comment) and score (toxicity, and the highest of the five abuse heads): the AUROC,
the civil share one threshold holds when it catches 80%, and the hostile share it catches
when it holds 5%. ``--bands`` adds the default policy's decisions with the cascade's band at
0.2, 0.1 and 0.05 and the deep tier on every comment; ``--sentences`` the deep tier reading
each sentence of three words or more and keeping the highest (or its mean with the whole
comment's score, or the higher of the two), on Unhealthy, SFU and CADD. Measures only;
nothing is chosen here (session 29: docs/evaluation.md, "Issue 12, session 29").

Usage: PYTHONPATH=src python bench/news_ranking.py --data $THREADGUARD_DATA
       [--split dev|test] [--bands] [--sentences]
"""

from __future__ import annotations

import argparse
import re
from dataclasses import replace
from pathlib import Path

import numpy as np
from sklearn.metrics import roc_auc_score, roc_curve

from threadguard.engine import CommentInput, Engine
from threadguard.evaluation.decision_sets import _TOXICITY, DATA_SETS
from threadguard.moderation import Moderator
from threadguard.moderation.policy import load_policy
from threadguard.schema import Verdict
from threadguard.training.datasets import HEADS

ABUSE = [
    HEADS.index(a) for a in ("toxicity", "severe_toxicity", "identity_attack", "insult", "threat")
]
SENTENCE = re.compile(r"(?<=[.!?])\s+(?=\S)")


def rows(data: Path, key: str, split: str) -> tuple[list[str], np.ndarray]:
    """The civil and abusive texts of one decision set's split, and which are abusive."""
    ds = next(d for d in DATA_SETS if d.key == key)
    got = ds.load(data)
    kinds = [
        (t, ds.kind(g, float(lab[_TOXICITY])))
        for t, s, lab, g in zip(got.texts, got.splits, got.labels, got.gold, strict=True)
        if s == split
    ]
    kept = [(t, k) for t, k in kinds if k]
    return [t for t, _ in kept], np.array([k == "abusive" for _, k in kept])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--split", default="test", choices=("dev", "test"))
    ap.add_argument("--bands", action="store_true")
    ap.add_argument("--sentences", action="store_true")
    args = ap.parse_args()
    engine = Engine.load(None)
    texts, y = rows(args.data, "unhealthy", args.split)
    items = [CommentInput(t) for t in texts]
    print(f"Unhealthy {args.split}: {len(y)} comments, {int(y.sum())} hostile")
    for tier in ("fast", "cascade", "deep"):
        probs = engine.with_cascade(
            replace(engine.cascade, tier=tier, use_context=False)
        ).head_probabilities(items)
        for name, score in (
            ("toxicity", probs[:, HEADS.index("toxicity")]),
            ("max of five abuse heads", probs[:, ABUSE].max(axis=1)),
        ):
            fpr, tpr, _ = roc_curve(y, score)
            held = fpr[np.searchsorted(tpr, 0.8)]
            caught = tpr[np.searchsorted(fpr, 0.05, side="right") - 1]
            print(
                f"  {tier:8s} {name:24s} AUROC {roc_auc_score(y, score):.3f}  "
                f"civil held at 80% caught {held:.1%}  caught at 5% held {caught:.1%}"
            )
    if args.bands:
        moderator = Moderator(load_policy(None))
        for tier, band in (("cascade", 0.2), ("cascade", 0.1), ("cascade", 0.05), ("deep", 0.0)):
            analyses = engine.with_cascade(
                replace(engine.cascade, tier=tier, deep_from=band)
            ).analyze(items, spans=False)
            held = np.array(
                [
                    moderator.decide(a, t).decision.action is not Verdict.APPROVE
                    for a, t in zip(analyses, texts, strict=True)
                ]
            )
            print(
                f"  default policy, {tier} band {band}: civil held {held[~y].mean():.1%}, "
                f"caught {held[y].mean():.1%}"
            )
    if args.sentences:
        deep = engine.with_cascade(replace(engine.cascade, tier="deep", use_context=False))
        for key in ("unhealthy", "sfu", "cadd"):
            texts, y = rows(args.data, key, args.split)
            whole = deep.head_probabilities([CommentInput(t) for t in texts])
            sentences, owner = [], []
            for i, text in enumerate(texts):
                parts = [s for s in SENTENCE.split(text) if len(s.split()) >= 3] or [text]
                sentences += parts
                owner += [i] * len(parts)
            per = deep.head_probabilities([CommentInput(s) for s in sentences])
            for attribute in ("toxicity", "insult", "identity_attack"):
                h = HEADS.index(attribute)
                top = np.zeros(len(texts))
                np.maximum.at(top, np.array(owner), per[:, h])
                w = whole[:, h]
                print(
                    f"  {key} {attribute}: AUROC whole {roc_auc_score(y, w):.3f}, "
                    f"sentence max {roc_auc_score(y, top):.3f}, "
                    f"mean {roc_auc_score(y, (w + top) / 2):.3f}, "
                    f"higher {roc_auc_score(y, np.maximum(w, top)):.3f}"
                )


if __name__ == "__main__":
    main()
