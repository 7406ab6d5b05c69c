"""The share of a whole that a part is, where an empty whole has a share of 0.

Rates on the dashboard's stats page and in the store's daily records divide a count by a
total that can be 0 (a quiet day); they share this one guard.
"""

from __future__ import annotations


def share_of(part: float, whole: float) -> float:
    """``part / whole``, or 0.0 when ``whole`` is 0."""
    return part / whole if whole else 0.0
