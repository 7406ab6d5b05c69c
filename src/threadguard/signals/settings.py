"""The thresholds of every thread signal, in one place a site can tune."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SignalSettings:
    """Thresholds of the thread signals; the defaults suit a general news site.

    They are deliberately conservative: a signal that fires on every lively debate
    teaches moderators to ignore it.
    """

    #: Harm attributes whose highest score is a comment's "abuse" score.
    abuse_attributes: tuple[str, ...] = (
        "toxicity",
        "severe_toxicity",
        "identity_attack",
        "insult",
        "threat",
    )
    #: Fewest comments in a row, each more abusive than the one it replies to.
    escalation_min_length: int = 3
    #: Smallest rise from one comment of the chain to the next (ignores score noise).
    escalation_min_rise: float = 0.05
    #: The last comment of the chain must reach this abuse score.
    escalation_min_peak: float = 0.5
    #: Fewest distinct authors replying abusively to one commenter to call it a pile-on.
    pile_on_min_authors: int = 3
    #: A reply is abusive when held/rejected or when its abuse score reaches this.
    pile_on_min_abuse: float = 0.5
    #: A comment targets a group when the group's target score reaches this.
    group_min_score: float = 0.5
    #: A group is concentrated when targeted in this many comments ...
    group_min_comments: int = 3
    #: ... or in this share of the thread's comments (and at least two of them).
    group_min_share: float = 0.2
    #: The timeline is cut into at most this many equal segments ...
    health_max_segments: int = 4
    #: ... of at least this many comments each (small threads get fewer segments).
    health_min_segment_size: int = 3
    #: Fitted change of the held+rejected share from first to last segment that counts
    #: as a trend; smaller changes are "steady".
    health_trend_min_change: float = 0.15
    #: Held + rejected comments that make an author a repeat offender, one of them at least
    #: held or rejected plainly (:attr:`repeat_offender_min_abuse`).
    repeat_offender_min: int = 2
    #: A comment is held plainly when its abuse score reaches this (the scores the thread
    #: cannot move, :data:`~threadguard.scoring.context.CLEAR_HIGH`) or a list's find held
    #: it; a rejected one always is. Two news desks (session 46) saw readers arguing back
    #: called repeat offenders for two holds at 0.45-0.76 (a trans climber quoting the abuse
    #: she answered, 0.55 and 0.47): holds on close scores ask for a reading, and are no
    #: pattern of offending on their own.
    repeat_offender_min_abuse: float = 0.8


DEFAULT_SETTINGS = SignalSettings()
