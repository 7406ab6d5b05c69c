"""Average the weights of deep-tier runs that continued from the same start (a "soup").

Every warm-started run of the deep tier begins from the same shipped weights and changes
only the top layers and the heads; runs that differ only in their seed (which rows of each
set they replay, their order, the augmentation draws) land a few points apart on the same
data set (session 14: 78-82% of CADD dev caught, by seed alone). Averaging the weights of
such runs, rather than picking the luckiest, keeps what they agree on and smooths what each
learnt by chance, at no cost at run time: the result is one network of the same shape,
exported and calibrated like any other run (:func:`threadguard.training.deep_tier.export_checkpoint`).
Runs from different starts must not be averaged: their weights need not line up.

The averaging itself is plain arithmetic over mappings of arrays, so it is tested without
PyTorch; reading and writing checkpoints needs the ``train`` extra.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

W = TypeVar("W")


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

    Checkpoints are this project's own ``torch.save`` files, read with
    ``weights_only=True`` (tensors only, no pickled code).
    """
    import torch

    states = [torch.load(p, map_location="cpu", weights_only=True) for p in checkpoints]
    # integer buffers (position ids) are equal across runs; keep their dtype
    averaged = average_weights([{k: v.double() for k, v in s.items()} for s in states])
    first = states[0]
    torch.save({k: v.to(first[k].dtype) for k, v in averaged.items()}, target)
    return target
