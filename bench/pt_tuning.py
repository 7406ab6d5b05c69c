"""Dev-only sweep of the Portuguese fast-tier model's recipe (issue 15: ToLD-Br).

Each candidate fits the toxicity head on ToLD-Br's train rows (less those whose text is in
the test split, as ``language_tier.py`` does), calibrates it with Platt on the dev rows
(as the tier does per language) and reports the dev macro-F1 at the dev-chosen threshold
(``evaluation.languages.best_threshold``: the grid ``threadguard eval --suite languages``
uses). Test labels are never read. Candidates vary what the linear format can hold
without any run-time change: hashing sizes, the character n-gram range, C, class weights,
and weighting the training rows by ToLD-Br's annotator counts (ToLD-BR.csv).

    PYTHONPATH=src python bench/pt_tuning.py --data $THREADGUARD_DATA [--stage all]

Result (pt9, against fast-xx@6; dev macro-F1 at the dev-chosen threshold, 2,100 dev rows,
a paired bootstrap sd of about 0.005 for a difference): the shipped recipe (bits 17/18,
chars 2-5, C 4) 0.7535. C 1 / 2 / 8 / 16: 0.7531 / 0.7572 / 0.7537 / 0.7504. Character
ranges 1-5, 2-6, 3-6, 1-6, 2-4 (C 2 / 4 / 8 each): 0.7489-0.7535, none above the shipped.
Bits 18/19: 0.7540 / 0.7512 / 0.7484; 19/20: 0.7526 / 0.7526 / 0.7506; 16/17: 0.7510 /
0.7481 / 0.7445. Balanced class weights (C 2 / 4 / 8): 0.7536 / 0.7526 / 0.7537. Toxic
rows weighted by annotator agreement n (1-3): n at C 1 / 2 / 4 / 8: 0.7548 / 0.7600 /
0.7560 / 0.7552; sqrt(n) at C 2 / 4 / 8: 0.7571 / 0.7555 / 0.7557; n^2 at C 1 / 2: 0.7585 /
0.7606 (the dev best, +0.0079 over the shipped recipe by paired bootstrap, sd 0.0046);
n with bits 18/19 or chars 1-5 at C 2: 0.7585 / 0.7582. ToLD-Br has no team templates.
The dev best retrained through the tier (C 2 for every head, n^2 on the toxicity head;
trainer's dev 0.7531 -> 0.7619; engine dev 0.7545 at t=0.41 -> 0.7612 at t=0.44) scored
0.7418 (t=0.44) on the test split against the shipped 0.7436 (t=0.41), toxicity AUROC
0.830 -> 0.832: not shipped, and the recipe change was reverted.
"""

from __future__ import annotations

import argparse
import csv
import time
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score

from threadguard.evaluation.languages import best_threshold
from threadguard.normalize import normalize_text
from threadguard.scoring.features import FeatureConfig, Featurizer
from threadguard.training.datasets_multilingual import load_language_sets
from threadguard.training.fast_tier import MAX_ITER

_CATS = ("homophobia", "obscene", "insult", "racism", "misogyny", "xenophobia")


def _agreement(root: Path) -> dict[str, float]:
    """Per ToLD-BR.csv text, the most annotators (0-3) who flagged any one category."""
    out: dict[str, float] = {}
    with (root / "told_br" / "ToLD-BR.csv").open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            try:
                out[r["text"]] = max(float(r[c]) for c in _CATS)
            except (ValueError, KeyError):
                continue
    return out


def _platt(z_dev: np.ndarray, y_dev: np.ndarray) -> np.ndarray:
    """Platt on dev margins: the dev rows' probabilities."""
    lr = LogisticRegression(C=1e6, solver="lbfgs", max_iter=1000)
    lr.fit(z_dev.reshape(-1, 1), y_dev)
    return np.asarray(lr.predict_proba(z_dev.reshape(-1, 1))[:, 1])


def _platt_f1(z_dev: np.ndarray, y_dev: np.ndarray) -> tuple[float, float]:
    """Platt on dev margins, then the dev-best threshold and its dev macro-F1."""
    p = _platt(z_dev, y_dev)
    t = best_threshold(y_dev, p)
    return t, float(f1_score(y_dev, p >= t, average="macro"))


def paired_bootstrap(y: np.ndarray, za: np.ndarray, zb: np.ndarray, n: int = 1000) -> str:
    """Resampled dev rows: the mean and spread of F1(b) - F1(a), each at its own
    dev-chosen threshold on the resample (threshold choice is part of the noise)."""
    rng = np.random.default_rng(0)
    pa, pb = _platt(za, y), _platt(zb, y)
    diffs = []
    for _ in range(n):
        i = rng.integers(0, len(y), len(y))
        fa = max(f1_score(y[i], pa[i] >= t, average="macro") for t in (0.40, 0.42, 0.44, 0.46))
        fb = max(f1_score(y[i], pb[i] >= t, average="macro") for t in (0.40, 0.42, 0.44, 0.46))
        diffs.append(fb - fa)
    d = np.array(diffs)
    return f"mean {d.mean():+.4f}, sd {d.std():.4f}, P(b > a) {(d > 0).mean():.2f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--stage", default="all")
    args = ap.parse_args()
    (block,) = load_language_sets(args.data, ["told_br"])
    agree = _agreement(args.data)
    tox = block.matrix()[:, 0]
    splits = np.array(block.splits)
    texts = list(block.texts)
    test_keys = {normalize_text(t) for t, s in zip(texts, splits, strict=True) if s == "test"}
    norm = [normalize_text(t) for t in texts]
    tr = np.array([s == "train" and n not in test_keys for s, n in zip(splits, norm, strict=True)])
    dv = splits == "dev"
    tr_text = [n for n, k in zip(norm, tr, strict=True) if k]
    dv_text = [n for n, k in zip(norm, dv, strict=True) if k]
    y_tr, y_dv = tox[tr], tox[dv]
    counts = np.array([agree.get(t, 0.0) for t, k in zip(texts, tr, strict=True) if k])
    print(f"train {len(tr_text)} (toxic {y_tr.mean():.3f}), dev {len(dv_text)} ({y_dv.mean():.3f})")

    cache: dict[FeatureConfig, tuple[object, object]] = {}
    preds: dict[tuple[object, ...], np.ndarray] = {}

    def run(cfg: FeatureConfig, c: float, cw: str | None = None, weight: str = "none") -> float:
        if cfg not in cache:
            fz = Featurizer(cfg)
            fz.fit_idf(tr_text)
            cache.clear()
            cache[cfg] = (fz.transform(tr_text), fz.transform(dv_text))
        x_tr, x_dv = cache[cfg]
        sw = np.ones(len(y_tr))
        if weight == "agree":  # positives weighted by how many annotators agreed (1-3)
            sw = np.where(y_tr > 0.5, np.clip(counts, 1, 3), 1.0)
        elif weight == "agree_sq":
            sw = np.where(y_tr > 0.5, np.clip(counts, 1, 3) ** 2, 1.0)
        elif weight == "agree_sqrt":
            sw = np.where(y_tr > 0.5, np.sqrt(np.clip(counts, 1, 3)), 1.0)
        start = time.perf_counter()
        clf = LogisticRegression(
            C=c, solver="liblinear", max_iter=MAX_ITER, random_state=0, class_weight=cw
        )
        clf.fit(x_tr, (y_tr > 0.5).astype(np.float64), sample_weight=sw)
        z = np.asarray(x_dv @ clf.coef_.ravel()).ravel() + clf.intercept_[0]
        t, f1 = _platt_f1(z, y_dv)
        print(
            f"bits {cfg.word_bits}/{cfg.char_bits} char {cfg.char_ngrams} C={c:g} "
            f"cw={cw} weight={weight}: dev macro-F1 {f1:.4f} at {t:.2f} "
            f"({time.perf_counter() - start:.0f}s)",
            flush=True,
        )
        preds[(cfg, c, cw, weight)] = z
        return f1

    base = FeatureConfig(word_bits=17, char_bits=18)
    if args.stage in ("all", "c"):
        for c in (1.0, 2.0, 4.0, 8.0, 16.0):
            run(base, c)
    if args.stage in ("all", "char"):
        for ng in ((1, 5), (2, 6), (3, 6), (1, 6), (2, 4)):
            for c in (2.0, 4.0, 8.0):
                run(FeatureConfig(word_bits=17, char_bits=18, char_ngrams=ng), c)
    if args.stage in ("all", "bits"):
        for wb, cb in ((18, 19), (19, 20), (16, 17)):
            for c in (2.0, 4.0, 8.0):
                run(FeatureConfig(word_bits=wb, char_bits=cb), c)
    if args.stage in ("all", "weights"):
        for c in (2.0, 4.0, 8.0):
            run(base, c, cw="balanced")
            run(base, c, weight="agree")
            run(base, c, weight="agree_sqrt")
    if args.stage in ("all", "extra"):
        run(base, 4.0)
        for c in (1.0, 2.0):
            run(base, c, weight="agree_sq")
        run(base, 1.0, weight="agree")
        run(FeatureConfig(word_bits=18, char_bits=19), 2.0, weight="agree")
        run(FeatureConfig(word_bits=17, char_bits=18, char_ngrams=(1, 5)), 2.0, weight="agree")
        ref = preds[(base, 4.0, None, "none")]
        for key, z in preds.items():
            if key != (base, 4.0, None, "none"):
                cfg = key[0]
                assert isinstance(cfg, FeatureConfig)
                print(
                    cfg.word_bits,
                    cfg.char_ngrams,
                    key[1:],
                    "vs shipped recipe:",
                    paired_bootstrap(y_dv, ref, z, 300),
                )


if __name__ == "__main__":
    main()
