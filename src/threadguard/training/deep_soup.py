"""Average the weights of deep-tier runs that continued from the same start (a "soup").

A warm-started run of the deep tier begins from the shipped weights and changes only the
top layers and the heads; runs that differ only in their seed (which rows of each set they
replay, their order, the augmentation draws) land a point or two apart on a data set at the
default policy. Averaging the weights of such runs, rather than picking the luckiest, is
meant to keep what they agree on, at no cost at run time: the result is one network of the
same shape, exported and calibrated like any run
(:func:`threadguard.training.deep_tier.export_checkpoint`). Measured in session 15
(docs/evaluation.md): three runs' average ranked comments no better than the runs, a
different point rather than a better model; not shipped.

Runs from different starts must not be averaged (their weights need not line up, and the
shapes cannot tell): :func:`check_runs` compares the recipes first. The arithmetic is over
plain mappings of arrays, so it is tested without PyTorch; checkpoints need the ``train``
extra.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

W = TypeVar("W")

#: What runs to be averaged must share, by recipe hyper-parameter: the same start, the same
#: layers trained, the same dev rows and masks to calibrate on.
SHARED: tuple[str, ...] = ("warm_start", "tune_layers", "dev_caps", "masked_single_class")


def check_runs(recipes: Sequence[Mapping[str, Any]]) -> None:
    """Refuse runs whose recipes differ in a :data:`SHARED` hyper-parameter, naming it."""
    if not recipes:
        raise ValueError("no runs to average")
    first = recipes[0].get("hyperparameters", {})
    if first.get("warm_start") is None:
        raise ValueError("run 1 did not continue from a saved model (no warm_start)")
    for k, r in enumerate(recipes[1:], start=2):
        other = r.get("hyperparameters", {})
        for name in SHARED:
            if other.get(name) != first.get(name):
                raise ValueError(f"run {k} differs from run 1 in {name}: runs must share it")


def average_weights(states: Sequence[Mapping[str, W]]) -> dict[str, W]:
    """The element-wise mean of several state dicts with the same names and shapes.

    Raises ``ValueError`` naming the first mismatch: a name one run lacks, or a shape that
    differs (two different networks, which averaging would silently garble).
    """
    if not states:
        raise ValueError("no weights to average")
    names = list(states[0])
    for k, state in enumerate(states[1:], start=2):
        if set(state) != set(names):
            missing = sorted(set(names) ^ set(state))
            raise ValueError(f"run {k} does not have the same weights as run 1: {missing[:3]}")
        for name in names:
            a, b = getattr(states[0][name], "shape", ()), getattr(state[name], "shape", ())
            if tuple(a) != tuple(b):
                raise ValueError(f"{name}: shape {tuple(b)} in run {k}, {tuple(a)} in run 1")
    out: dict[str, Any] = {}
    for name in names:
        total: Any = states[0][name]
        for state in states[1:]:
            total = total + state[name]
        out[name] = total / len(states)
    return out


def soup_checkpoint(checkpoints: Sequence[Path], target: Path) -> Path:
    """Average the training checkpoints (``checkpoint.pt`` of each run) into ``target``.

    Floating-point weights are averaged (in float64, then cast back); any other tensor
    (an index or a flag) must be equal in every run and is kept as it is. Checkpoints are
    this project's own ``torch.save`` files, read with ``weights_only=True`` (tensors only,
    no pickled code).
    """
    import torch

    states = [torch.load(p, map_location="cpu", weights_only=True) for p in checkpoints]
    first = states[0]
    for k, state in enumerate(states[1:], start=2):
        if set(state) != set(first):
            raise ValueError(f"run {k} does not have the same weights as run 1")
    floats = [k for k, v in first.items() if v.is_floating_point()]
    for name in (k for k in first if k not in floats):
        for k, state in enumerate(states[1:], start=2):
            if not torch.equal(state[name], first[name]):
                raise ValueError(f"{name}: not a float weight, and run {k} has another value")
    averaged = average_weights([{k: s[k].double() for k in floats} for s in states])
    merged = {k: averaged[k].to(v.dtype) if k in averaged else v for k, v in first.items()}
    torch.save(merged, target)
    return target
