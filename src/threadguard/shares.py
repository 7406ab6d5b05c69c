"""The share of a whole that a part is, where an empty whole has a share of 0.

Rates on the dashboard, thread health and the batch report all divide a count by a
total that can be 0 (a quiet day, an empty segment); they share this one guard.
"""

from __future__ import annotations


def share_of(part: float, whole: float) -> float:
    """``part / whole``, or 0.0 when ``whole`` is 0."""
    return part / whole if whole else 0.0
