"""Every signal of one thread together: what ``scan`` shows and stores as ``signals``."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from threadguard.signals.authors import AuthorSummary, author_summaries
from threadguard.signals.escalation import Escalation, escalations
from threadguard.signals.groups import GroupConcentration, group_concentration
from threadguard.signals.health import ThreadHealth, thread_health
from threadguard.signals.json_record import JsonRecord
from threadguard.signals.pile_on import PileOn, pile_ons
from threadguard.signals.settings import DEFAULT_SETTINGS, SignalSettings

if TYPE_CHECKING:
    from threadguard.moderation import Moderated
    from threadguard.thread import Thread


@dataclass(frozen=True)
class ThreadSignals(JsonRecord):
    """Every thread signal of one thread; ``to_json`` is the ``signals`` of ``scan --format json``."""

    decisions: dict[str, int]
    health: ThreadHealth
    escalations: tuple[Escalation, ...] = ()
    pile_ons: tuple[PileOn, ...] = ()
    group_concentration: tuple[GroupConcentration, ...] = ()
    authors: tuple[AuthorSummary, ...] = ()


def compute_signals(
    thread: Thread,
    scored: Sequence[Moderated],
    settings: SignalSettings = DEFAULT_SETTINGS,
) -> ThreadSignals:
    """All signals of a thread from its scored comments (``Engine.scan``'s output).

    ``scored`` is the source of truth for the comments (it carries them); ``thread`` is
    taken for symmetry with the renderers and future signals that need the article.
    """
    del thread  # every signal so far needs only the comments and their analyses
    counts = Counter(s.decision.action.value for s in scored)
    return ThreadSignals(
        decisions={a: counts.get(a, 0) for a in ("approve", "hold", "reject")},
        health=thread_health(scored, settings),
        escalations=escalations(scored, settings),
        pile_ons=pile_ons(scored, settings),
        group_concentration=group_concentration(scored, settings),
        authors=author_summaries(scored, settings),
    )
