"""What the signals read off one comment: its abuse score, and whether it was flagged."""

from __future__ import annotations

from typing import TYPE_CHECKING

from threadguard.signals.settings import DEFAULT_SETTINGS, SignalSettings

if TYPE_CHECKING:
    from threadguard.analysis import Analysis
    from threadguard.moderation import Moderated

FLAGGED_ACTIONS = frozenset({"hold", "reject"})


def abuse(analysis: Analysis, settings: SignalSettings = DEFAULT_SETTINGS) -> float:
    """The comment's highest harm score: the one number the chain signals compare."""
    return max((float(analysis.scores.get(a, 0.0)) for a in settings.abuse_attributes), default=0.0)


def is_flagged(s: Moderated) -> bool:
    """Held or rejected: what the health share and pile-ons count as flagged."""
    return s.decision.action in FLAGGED_ACTIONS
