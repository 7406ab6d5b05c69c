"""Pile-ons: several people replying abusively to the comments of one person."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from threadguard.signals.json_record import JsonRecord
from threadguard.signals.scores import abuse, is_flagged
from threadguard.signals.settings import DEFAULT_SETTINGS, SignalSettings
from threadguard.signals.tree import reply_tree
from threadguard.signals.wording import counted, joined_names, named

if TYPE_CHECKING:
    from threadguard.moderation import Moderated


@dataclass(frozen=True)
class PileOn(JsonRecord):
    """Several distinct authors replying abusively to the comments of one author."""

    target_author: str
    target_comment_ids: tuple[str, ...]
    attackers: tuple[str, ...]
    comment_ids: tuple[str, ...]
    explanation: str


def pile_ons(
    scored: Sequence[Moderated], settings: SignalSettings = DEFAULT_SETTINGS
) -> tuple[PileOn, ...]:
    """Authors whose comments drew abusive direct replies from several other authors.

    Only named authors count on either side: comments without a name cannot be told
    apart, so "three anonymous replies" may be one person.
    """
    parent, _ = reply_tree(scored)
    attacks: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(scored):
        p = parent[i]
        if p is None:
            continue
        target = scored[p].comment.author
        author = s.comment.author
        if not target or not author or author == target:
            continue
        if is_flagged(s) or abuse(s.analysis, settings) >= settings.pile_on_min_abuse:
            attacks[target].append(i)
    found = []
    for target, replies in attacks.items():
        attackers = tuple(dict.fromkeys(scored[i].comment.author for i in replies))
        if len(attackers) < settings.pile_on_min_authors:
            continue
        targeted = tuple(
            dict.fromkeys(scored[p].comment.id for i in replies if (p := parent[i]) is not None)
        )
        found.append(
            PileOn(
                target_author=target,
                target_comment_ids=targeted,
                attackers=attackers,
                comment_ids=tuple(scored[i].comment.id for i in replies),
                explanation=(
                    f"{len(attackers)} different people ({joined_names(list(attackers))}) replied "
                    f"abusively to {named(target)}, in {counted(len(replies), 'reply', 'replies')} to "
                    f"{counted(len(targeted), 'comment')} of theirs."
                ),
            )
        )
    found.sort(key=lambda p: (-len(p.attackers), -len(p.comment_ids), p.target_author))
    return tuple(found)
