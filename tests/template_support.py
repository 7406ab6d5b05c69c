"""What the template tests share: a head's value in a label row, the group-target heads,
and the checks every table of civil rows beside attacks on a group makes."""

from __future__ import annotations

import numpy as np

from threadguard.schema import with_parents
from threadguard.training.datasets import HEADS

#: The heads that name a targeted group.
TARGET_HEADS = [h for h in HEADS if h.startswith("target:")]


def head_value(row: np.ndarray, head: str) -> float:
    """The label a template row gives one head (NaN where it leaves the head unknown)."""
    return float(row[HEADS.index(head)])


def targets_set(row: np.ndarray) -> set[str]:
    """The groups a row labels as targeted (1.0), without the ``target:`` prefix."""
    return {h.removeprefix("target:") for h in TARGET_HEADS if head_value(row, h) == 1.0}


#: The heads a civil row says no to.
ABUSE_HEADS = ("toxicity", "severe_toxicity", "identity_attack", "insult", "threat")


def assert_civil(row: np.ndarray, text: str) -> None:
    """A civil row: no on every abuse head, no group targeted."""
    for head in ABUSE_HEADS:
        assert head_value(row, head) == 0.0, (head, text)
    assert targets_set(row) == set(), text


def assert_group_attack(row: np.ndarray, group: str) -> None:
    """An attack on ``group``: toxic, an identity attack, that group (and its parents) alone
    targeted."""
    assert head_value(row, "toxicity") == 1.0 and head_value(row, "identity_attack") == 1.0
    assert targets_set(row) == with_parents({group})


def assert_unique_and_read_by_both_tiers(texts: list[str]) -> None:
    """No text twice, and every one among the rows both tiers' training adds."""
    from threadguard.training.augment import template_rows

    assert len(set(texts)) == len(texts)
    assert set(texts) <= {t for t, _ in template_rows()}
