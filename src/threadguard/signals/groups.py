"""Group concentration: one group of people attacked across many comments of a thread."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from threadguard.schema import GROUP_PARENT
from threadguard.signals.json_record import JsonRecord
from threadguard.signals.settings import DEFAULT_SETTINGS, SignalSettings
from threadguard.signals.wording import counted

if TYPE_CHECKING:
    from threadguard.moderation import Moderated


#: How a sentence names the people a coarse group stands for.
GROUP_WORDS = {
    "religion": "people for their religion",
    "race_ethnicity": "people for their race or ethnicity",
    "nationality_migration": "immigrants and refugees",
    "gender": "people for their gender",
    "sexual_orientation": "people for their sexual orientation",
    "disability": "disabled people",
}


def group_words(group: str) -> str:
    """The group as a sentence names it; an unlisted fine group by its own name."""
    return GROUP_WORDS.get(group, group.replace("_", " "))


@dataclass(frozen=True)
class GroupConcentration(JsonRecord):
    """One group attacked across many comments of the thread."""

    group: str
    comments: int
    share: float
    comment_ids: tuple[str, ...]
    explanation: str


def group_concentration(
    scored: Sequence[Moderated], settings: SignalSettings = DEFAULT_SETTINGS
) -> tuple[GroupConcentration, ...]:
    """Groups targeted in many comments of the thread, most targeted first: by the
    comment's targets, which name the models' target scores and the groups the lists
    found attacked (a code of coded hate the comment uses, a call for expulsion or
    dehumanising language: :meth:`~threadguard.moderation.Outcome.named_groups`).

    A coarse group (``religion``) is left out when a finer group it contains
    (``muslims``) is reported for every one of the same comments: it would repeat the
    same finding less precisely.
    """
    n = len(scored)
    hits: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(scored):
        groups = {t.group for t in s.analysis.targets if t.score >= settings.group_min_score}
        # a group the lists found attacked counts however low the models scored it: a
        # freshly decided comment has it among its targets already, but the dashboard
        # rebuilds comments stored before targets carried it, from their stored codes
        for g in groups | s.outcome.named_groups:
            hits[g].append(i)
    reported: dict[str, list[int]] = {}
    for g, idx in hits.items():
        share = len(idx) / n
        if len(idx) >= settings.group_min_comments or (
            len(idx) >= 2 and share >= settings.group_min_share
        ):
            reported[g] = idx
    for fine, coarse in GROUP_PARENT.items():
        if fine in reported and coarse in reported and set(reported[coarse]) <= set(reported[fine]):
            del reported[coarse]
    found = [
        GroupConcentration(
            group=g,
            comments=len(idx),
            share=len(idx) / n,
            comment_ids=tuple(scored[i].comment.id for i in idx),
            explanation=(
                f"{len(idx)} of the thread's {counted(n, 'comment')} ({len(idx) / n:.0%}) "
                f"{'attacks' if len(idx) == 1 else 'attack'} {group_words(g)}."
            ),
        )
        for g, idx in reported.items()
    ]
    found.sort(key=lambda c: (-c.comments, c.group))
    return tuple(found)
