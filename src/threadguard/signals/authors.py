"""Authors: what each person did in a thread, and repeat offenders across threads."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from threadguard.analysis import shown_score
from threadguard.signals.json_record import JsonRecord
from threadguard.signals.scores import (
    abuse,
    held_for_a_find,
    held_on_scores_only,
    is_flagged,
)
from threadguard.signals.settings import DEFAULT_SETTINGS, SignalSettings
from threadguard.signals.wording import counted, named

if TYPE_CHECKING:
    from threadguard.moderation import Moderated


@dataclass(frozen=True)
class AuthorSummary(JsonRecord):
    """What one author did in one thread, or across threads once merged.

    Every field is a count or a maximum, so summaries of the same author from many
    threads merge exactly (:func:`merge_author_summaries`): a cross-thread store needs
    nothing else to find people who cause trouble everywhere. Comment ids are left out on
    purpose: they are only unique within a thread.
    """

    JSON_KEYS = (
        "author",
        "comments",
        "held",
        "rejected",
        "max_abuse",
        "found",
        "plain",
        "threads",
        "repeat_offender",
        "explanation",
    )

    author: str
    comments: int
    held: int
    rejected: int
    max_abuse: float
    threads: int = 1
    #: Of the held and rejected, those flagged for a list's find (:func:`held_for_a_find`):
    #: ranked first, since a list's find is what the author plainly wrote.
    found: int = 0
    #: Of the held and rejected, those plainly abusive: rejected, held for a list's find, or
    #: held on an abuse score of at least ``repeat_offender_min_abuse``.
    plain: int = 0
    #: Of the held and rejected, those held for scores over policy lines and nothing else
    #: (:func:`held_on_scores_only`); not in the JSON.
    score_only: int = 0
    repeat_offender_min: int = field(default=DEFAULT_SETTINGS.repeat_offender_min, repr=False)

    @property
    def flagged(self) -> int:
        return self.held + self.rejected

    @property
    def repeat_offender(self) -> bool:
        """Held or rejected at least ``repeat_offender_min`` times (in all the threads
        merged), at least once plainly (:attr:`plain`): holds on close scores alone make no
        repeat offender, since a reader arguing back is held that way as often as an
        abuser."""
        return self.flagged >= self.repeat_offender_min and self.plain >= 1

    @property
    def explanation(self) -> str:
        where = "in this thread" if self.threads == 1 else f"across {self.threads} threads"
        text = (
            f"{named(self.author)} wrote {counted(self.comments, 'comment')} {where}, "
            f"{self.held} held and {self.rejected} rejected"
        )
        if self.found:
            text += f" ({self.found} for what the site's lists found)"
        text += f", with a highest abuse score of {shown_score(self.max_abuse)}"
        if self.repeat_offender:
            text += ", which makes them a repeat offender"
        elif self.flagged and not self.plain and self.score_only == self.flagged:
            # Desks 50-58 (session 48) read a reader held on a close score, listed beside
            # the trolls, as an accusation: say what kind of hold it was, and no more (desk
            # 62 read "as readers arguing back often are" on a harasser's line as an excuse;
            # desks 66 and 67, session 50, read "close scores" and "read the comments before
            # judging the author" on a harasser's line held at 0.77 as a defence of him)
            text += "; every hold on the models' scores alone (no list's find, no rejection)"
        return text + "."


def author_summaries(
    scored: Sequence[Moderated], settings: SignalSettings = DEFAULT_SETTINGS
) -> tuple[AuthorSummary, ...]:
    """One summary per named author, most held/rejected first.

    Comments without an author name are left out: lumping unrelated anonymous people
    together would make a "repeat offender" out of nobody in particular.
    """
    grouped: dict[str, list[Moderated]] = defaultdict(list)
    for s in scored:
        if s.comment.author:
            grouped[s.comment.author].append(s)
    out = [
        AuthorSummary(
            author=author,
            comments=len(items),
            # a comment held only for its language says nothing of its author
            held=sum(s.decision.action == "hold" and is_flagged(s) for s in items),
            rejected=sum(s.decision.action == "reject" and is_flagged(s) for s in items),
            max_abuse=max(
                (abuse(s.analysis, settings) for s in items if s.outcome.scored), default=0.0
            ),
            threads=1,
            found=sum(held_for_a_find(s) for s in items),
            plain=sum(_plain(s, settings) for s in items),
            score_only=sum(held_on_scores_only(s) for s in items),
            repeat_offender_min=settings.repeat_offender_min,
        )
        for author, items in grouped.items()
    ]
    return tuple(sorted(out, key=_author_rank))


def _plain(s: Moderated, settings: SignalSettings) -> bool:
    """Rejected, held for a list's find, or held on an abuse score of at least
    ``settings.repeat_offender_min_abuse``."""
    if not is_flagged(s):
        return False
    if s.decision.action == "reject" or held_for_a_find(s):
        return True
    return s.outcome.scored and abuse(s.analysis, settings) >= settings.repeat_offender_min_abuse


def _author_rank(a: AuthorSummary) -> tuple[int, int, int, float, str]:
    """Most comments rejected or flagged for a list's find first (plainly the author's
    doing), then most flagged, most rejected, highest score: an author held for a posted
    address or a threat's phrase comes before one held once on a close score, whatever the
    score. A score of 0.8 does not rank an author higher than a second hold does: desk 61
    (session 49) had a civil reader's one hold at 0.80 beside a hateful author's two close
    ones, and desk 48 the other way round; a count is the steadier sign."""
    return (-(a.found + a.rejected), -a.flagged, -a.rejected, -a.max_abuse, a.author)


def merge_author_summaries(
    summaries: Iterable[AuthorSummary | Iterable[AuthorSummary]],
    settings: SignalSettings = DEFAULT_SETTINGS,
) -> tuple[AuthorSummary, ...]:
    """Merge per-thread author summaries into one per author, across threads.

    Takes summaries or lists of them (e.g. each thread's ``ThreadSignals.authors``).
    Counts add up, the maximum abuse is the maximum, and the repeat-offender flag is
    decided again on the merged counts: someone held once in each of three threads is a
    repeat offender across the site even if no single thread shows it.
    """
    flat: list[AuthorSummary] = []
    for item in summaries:
        if isinstance(item, AuthorSummary):
            flat.append(item)
        else:
            flat.extend(item)
    by_author: dict[str, list[AuthorSummary]] = defaultdict(list)
    for s in flat:
        by_author[s.author].append(s)
    merged = [
        AuthorSummary(
            author=author,
            comments=sum(s.comments for s in items),
            held=sum(s.held for s in items),
            rejected=sum(s.rejected for s in items),
            max_abuse=max(s.max_abuse for s in items),
            threads=sum(s.threads for s in items),
            found=sum(s.found for s in items),
            plain=sum(s.plain for s in items),
            score_only=sum(s.score_only for s in items),
            repeat_offender_min=settings.repeat_offender_min,
        )
        for author, items in by_author.items()
    ]
    return tuple(sorted(merged, key=_author_rank))
