"""How close Unhealthy Conversations' dev and test comments are to the training half.

The fast tier's AUROC on hostile news comments falls from dev to test (session 29: 0.787 ->
0.709). If dev comments were closer to the training half (same threads, same topics) than
test comments, dev would flatter the n-grams. This fits TF-IDF over word 1-2-grams on the
training half and prints, for dev and for test, the mean and median cosine similarity of
each comment to its nearest training comment and the share above 0.5 and 0.8 (session 30:
mean 0.285 dev, 0.288 test: no closer).

Usage: PYTHONPATH=src python bench/news_split_overlap.py --data $THREADGUARD_DATA
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from threadguard.training.datasets import load_unhealthy


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True)
    args = ap.parse_args()
    block = load_unhealthy(args.data)
    by_split: dict[str, list[str]] = {"train": [], "dev": [], "test": []}
    for text, split in zip(block.texts, block.splits, strict=True):
        by_split[split].append(text)
    vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    train = vectorizer.fit_transform(by_split["train"])
    print({split: len(texts) for split, texts in by_split.items()})
    for split in ("dev", "test"):
        rows = vectorizer.transform(by_split[split])
        nearest = np.concatenate(
            [
                (rows[i : i + 500] @ train.T).toarray().max(axis=1)
                for i in range(0, rows.shape[0], 500)
            ]
        )
        print(
            f"{split}: nearest training comment, cosine mean {nearest.mean():.3f}, median "
            f"{np.median(nearest):.3f}, above 0.5 {np.mean(nearest > 0.5):.1%}, "
            f"above 0.8 {np.mean(nearest > 0.8):.1%}"
        )


if __name__ == "__main__":
    main()
