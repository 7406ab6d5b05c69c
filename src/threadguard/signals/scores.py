"""What the signals read off one comment: its abuse score, and whether it was flagged."""

from __future__ import annotations

from typing import TYPE_CHECKING

from threadguard.analysis import is_not_held_note, read_policy_line
from threadguard.signals.settings import DEFAULT_SETTINGS, SignalSettings

if TYPE_CHECKING:
    from threadguard.analysis import Analysis
    from threadguard.moderation import Moderated

FLAGGED_ACTIONS = frozenset({"hold", "reject"})


def abuse(analysis: Analysis, settings: SignalSettings = DEFAULT_SETTINGS) -> float:
    """The comment's highest harm score: the one number the chain signals compare."""
    return max((float(analysis.scores.get(a, 0.0)) for a in settings.abuse_attributes), default=0.0)


def is_flagged(s: Moderated) -> bool:
    """Held or rejected for what it says: what the health share, pile-ons and flagged
    authors count. A comment held only because no model reads its language says nothing
    of abuse (a civil Russian comment made its author "flagged" and the thread's health
    "rising")."""
    if s.decision.action not in FLAGGED_ACTIONS:
        return False
    language_only = not s.outcome.scored and all(
        r.startswith("language ") for r in s.decision.reasons
    )
    return not language_only


def held_for_a_find(s: Moderated) -> bool:
    """Flagged for what one of the site's lists found in its words (a threat's phrase, a
    code of coded hate, an abusive word, contact details), not for its scores alone: the
    comments most plainly their author's doing. Five news desks (session 45) read the
    authors' list ranked by the highest score, which put readers arguing back (held wrongly
    on their scores) above the author who posted a home address (toxicity 0.15)."""
    o = s.outcome
    if not is_flagged(s):
        return False
    return (
        o.coded_held
        or o.threat_held
        or o.abusive_held
        or any(r.startswith("contact details") for r in s.decision.reasons)
    )


def held_on_scores_only(s: Moderated) -> bool:
    """Flagged, and every reason a score over a policy line: no list's find, no watched
    word, no agreement with a held parent, no rule about the author (a code review, session
    49: the "close scores only" note of the author summaries named holds of every kind).
    A find a list read as quoted, reported, rebutted or reclaimed (its reason ends "not held
    for it") is a note, not a cause (desk 74: a reader who rebutted "remigration" lost the
    line a harsher author kept). A find of a list whose action is "flag" still counts: its
    reason does not say it held nothing, and such a site asked to see those finds."""
    causes = [r for r in s.decision.reasons if not is_not_held_note(r)]
    return is_flagged(s) and bool(causes) and all(read_policy_line(r) is not None for r in causes)
