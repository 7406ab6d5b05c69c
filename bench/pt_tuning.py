"""Dev-only sweep of the Portuguese fast-tier model's recipe (issue 15: ToLD-Br).

Each candidate fits the toxicity head on ToLD-Br's train rows (less those whose text is in
the test split, as ``language_tier.py`` does), calibrates it with Platt on the dev rows
(as the tier does per language) and reports the dev macro-F1 at the dev-chosen threshold
(``evaluation.languages.best_threshold``: the grid ``threadguard eval --suite languages``
uses). Test labels are never read. Candidates vary what the linear format can hold
without any run-time change: hashing sizes, the character n-gram range, C, class weights,
and weighting the training rows by ToLD-Br's annotator counts (ToLD-BR.csv).

    PYTHONPATH=src python bench/pt_tuning.py --data $THREADGUARD_DATA [--stage all]
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


def _platt_f1(z_dev: np.ndarray, y_dev: np.ndarray) -> tuple[float, float]:
    """Platt on dev margins, then the dev-best threshold and its dev macro-F1."""
    lr = LogisticRegression(C=1e6, solver="lbfgs", max_iter=1000)
    lr.fit(z_dev.reshape(-1, 1), y_dev)
    p = lr.predict_proba(z_dev.reshape(-1, 1))[:, 1]
    t = best_threshold(y_dev, p)
    return t, float(f1_score(y_dev, p >= t, average="macro"))


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


if __name__ == "__main__":
    main()
