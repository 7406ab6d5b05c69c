"""What the template tests share: a head's value in a label row, and the group-target heads."""

from __future__ import annotations

import numpy as np

from threadguard.training.datasets import HEADS

#: The heads that name a targeted group.
TARGET_HEADS = [h for h in HEADS if h.startswith("target:")]


def head_value(row: np.ndarray, head: str) -> float:
    """The label a template row gives one head (NaN where it leaves the head unknown)."""
    return float(row[HEADS.index(head)])


def targets_set(row: np.ndarray) -> set[str]:
    """The groups a row labels as targeted (1.0), without the ``target:`` prefix."""
    return {h.removeprefix("target:") for h in TARGET_HEADS if head_value(row, h) == 1.0}
