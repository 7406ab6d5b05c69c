"""The groups a comment attacks, from the group heads' probabilities.

Group heads learn "attacks group g"; scaling them by the probability of abuse keeps a calm
comment that merely names a group ("The Sikh community raised £40,000.") from being
reported as targeting it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import numpy as np

from threadguard.analysis import Target

#: A group is reported from this scaled probability.
REPORTED_FROM: Final = 0.2


def batch_targets(
    probs: np.ndarray, heads: Sequence[str], group_heads: Sequence[tuple[str, int]]
) -> list[tuple[Target, ...]]:
    """Groups attacked, per row of ``probs`` (``[n, heads]``; ``group_heads``: each
    group's name and head index): a group head's probability scaled by the abuse
    probability (identity attack, or half the toxicity), reported from
    :data:`REPORTED_FROM`, highest first."""
    out: list[tuple[Target, ...]] = [()] * len(probs)
    if not group_heads or not len(probs):
        return out
    h = list(heads)
    abuse = np.maximum(probs[:, h.index("identity_attack")], probs[:, h.index("toxicity")] * 0.5)
    groups = probs[:, [j for _, j in group_heads]] * abuse[:, None]
    names = [g for g, _ in group_heads]
    for i in np.flatnonzero((groups >= REPORTED_FROM).any(axis=1)):
        found = [
            Target(names[k], float(groups[i, k]))
            for k in np.flatnonzero(groups[i] >= REPORTED_FROM)
        ]
        out[i] = tuple(sorted(found, key=lambda t: -t.score))
    return out
