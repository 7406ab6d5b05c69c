"""One data set's benchmark tasks under cascade variants, to tell what moved a figure.

    PYTHONPATH=src python bench/benchmark_variants.py --data $THREADGUARD_DATA --set ghc

Scores the set's dev and test splits as ``threadguard eval`` does (cascade, context on)
with the shipped engine, then with its worst-sentence reading off, then with no sentence
routing at all, and prints each task of ``evaluation/benchmarks.py`` for the set under
each (session 33: GHC vulgarity F1 0.436 / 0.434 / 0.434, where session 32's engine gave
0.462: the threshold tuned on dev rows moves with which comments the deep tier reads).
"""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

from threadguard.engine import Engine
from threadguard.evaluation.benchmarks import TASKS, Part
from threadguard.evaluation.report import (
    EVALUATION_SETS,
    engine_predictor,
    scores_from_probabilities,
)
from threadguard.training.datasets import TRAINING_SETS
from threadguard.training.weak_labels import add_weak_labels


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--set", required=True, help="a data set key (ghc, ethos, davidson, ...)")
    args = ap.parse_args()
    block = {**TRAINING_SETS, **EVALUATION_SETS}[args.set][0](args.data)
    add_weak_labels(block)
    dev, test = block.select("dev"), block.select("test")
    shipped = Engine.load()
    variants = {
        "shipped": shipped.cascade,
        "worst sentence off": dataclasses.replace(shipped.cascade, worst_sentence=False),
        "no sentence routing": dataclasses.replace(shipped.cascade, route_on_sentences=False),
    }
    for name, cascade in variants.items():
        predict = engine_predictor(Engine(shipped.model, shipped.deep, cascade), context=True)
        on_dev = Part(dev, scores_from_probabilities(predict(dev)))
        on_test = Part(test, scores_from_probabilities(predict(test)))
        figures = [
            f"{t.task} {t.metric} {t.compute(on_dev, on_test):.3f}"
            for t in TASKS
            if t.key == args.set
        ]
        print(f"{name}: " + "; ".join(figures))


if __name__ == "__main__":
    main()
