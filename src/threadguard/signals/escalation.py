"""Escalations: reply chains in which each comment is more abusive than the one it answers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from threadguard.analysis import shown_score
from threadguard.signals.json_record import JsonRecord
from threadguard.signals.scores import abuse, held_for_a_find
from threadguard.signals.settings import DEFAULT_SETTINGS, SignalSettings
from threadguard.signals.tree import reply_tree
from threadguard.signals.wording import joined_names, named

if TYPE_CHECKING:
    from threadguard.moderation import Moderated


@dataclass(frozen=True)
class Escalation(JsonRecord):
    """A reply chain whose abuse rises at every step, ending at a meaningful level."""

    comment_ids: tuple[str, ...]
    scores: tuple[float, ...]
    authors: tuple[str, ...]
    explanation: str


def _escalation_sentence(scores: Sequence[float], authors: Sequence[str]) -> str:
    """The explanation: who argued, and how the abuse climbed from comment to comment."""
    people = list(dict.fromkeys(authors))
    who = f"between {joined_names(people)}" if len(people) > 1 else f"by {named(people[0])}"
    climb = " → ".join(shown_score(s) for s in scores)  # as the tree shows them
    return (
        f"In a reply chain of {len(scores)} comments {who}, each comment was more abusive than "
        f"the one it answered, climbing {climb}."
    )


def escalations(
    scored: Sequence[Moderated], settings: SignalSettings = DEFAULT_SETTINGS
) -> tuple[Escalation, ...]:
    """Reply chains where each comment is more abusive than the one it answers.

    Walks the tree once, top-down, keeping for every comment the length of the rising
    run that ends at it; a run is reported where no reply carries it further, so a
    chain that branches is reported once per distinct end and never as a piece of a
    longer one. Runs are found on every root-to-leaf path without listing the paths.
    """
    parent, order = reply_tree(scored)
    score = [abuse(s.analysis, settings) for s in scored]
    # A comment held for what a list found is plainly abusive whatever it scores: a reply
    # climbs from it only past the level that counts as plain (desk 60, session 49: a
    # hateful comment held for a code, then a joke at it and a laugh at the joke, read as an
    # escalation).
    floor = settings.repeat_offender_min_abuse
    level = [max(score[i], floor) if held_for_a_find(s) else score[i] for i, s in enumerate(scored)]
    run = [0] * len(scored)
    continued = [False] * len(scored)
    for i in order:
        p = parent[i]
        if p is not None and run[p] and score[i] >= level[p] + settings.escalation_min_rise:
            run[i] = run[p] + 1
            continued[p] = True
        else:
            run[i] = 1
    found = []
    for i in order:
        if continued[i] or run[i] < settings.escalation_min_length:
            continue
        if score[i] < settings.escalation_min_peak:
            continue
        chain: list[int] = []
        j: int | None = i
        while j is not None and len(chain) < run[i]:
            chain.append(j)
            j = parent[j]
        chain.reverse()
        ids = tuple(scored[c].comment.id for c in chain)
        scores = tuple(score[c] for c in chain)
        authors = tuple(scored[c].comment.author for c in chain)
        found.append(
            Escalation(
                comment_ids=ids,
                scores=scores,
                authors=authors,
                explanation=_escalation_sentence(scores, authors),
            )
        )
    found.sort(key=lambda e: (-e.scores[-1], -len(e.comment_ids)))
    return tuple(found)
