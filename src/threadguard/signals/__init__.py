"""Thread signals: what is happening to a thread as a whole, not just to one comment.

A moderator who opens a busy thread needs to know more than which comments crossed a
threshold: is the thread getting worse, is an argument escalating, is a crowd ganging up
on one person, is one group the target of many comments, and who keeps causing trouble.
These functions answer that from data the engine already produced (each comment's
:class:`~threadguard.analysis.Analysis` and the reply tree), so they are pure: no models,
no I/O, cheap enough to recompute on every change to a thread, and replayable on stored
analyses.

Every signal carries ``explanation``: one plain-English sentence, shown wherever the
signal is shown (tree, JSON, dashboard), so that nobody has to know what a "pile-on
score" is to act on it.

"Abuse" below is the highest of a comment's harm scores (toxicity, severe toxicity,
identity attack, insult, threat): a threat such as "watch your back" can score low on the
toxicity head alone, and it is still the step that makes an argument an escalation.

One module a signal family: :mod:`.health`, :mod:`.escalation`, :mod:`.pile_on`,
:mod:`.groups`, :mod:`.authors`; :mod:`.thread_signals` computes them all. What they
share: :mod:`.settings` (thresholds), :mod:`.scores` (abuse, flagged), :mod:`.tree` (the
reply tree) and :mod:`.wording` (pieces of the explanations).
"""

# How the signals' sentences show a score (rounded down), re-exported for the pages that
# show those sentences beside scores of their own: the batch report, which may import the
# signals but not the analysis, shows every score the same way with it.
from threadguard.analysis import shown_score
from threadguard.signals.authors import AuthorSummary, author_summaries, merge_author_summaries
from threadguard.signals.escalation import Escalation, escalations
from threadguard.signals.groups import GROUP_WORDS, GroupConcentration, group_concentration
from threadguard.signals.health import (
    TREND_WORDS,
    HealthSegment,
    ThreadHealth,
    thread_health,
    timeline,
)
from threadguard.signals.pile_on import PileOn, pile_ons
from threadguard.signals.scores import FLAGGED_ACTIONS, abuse
from threadguard.signals.settings import DEFAULT_SETTINGS, SignalSettings
from threadguard.signals.thread_signals import ThreadSignals, compute_signals

__all__ = [
    "DEFAULT_SETTINGS",
    "FLAGGED_ACTIONS",
    "GROUP_WORDS",
    "TREND_WORDS",
    "AuthorSummary",
    "Escalation",
    "GroupConcentration",
    "HealthSegment",
    "PileOn",
    "SignalSettings",
    "ThreadHealth",
    "ThreadSignals",
    "abuse",
    "author_summaries",
    "compute_signals",
    "escalations",
    "group_concentration",
    "merge_author_summaries",
    "pile_ons",
    "shown_score",
    "thread_health",
    "timeline",
]
