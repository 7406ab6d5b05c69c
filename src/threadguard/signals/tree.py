"""The reply tree of a thread, as the chain signals (escalation, pile-on) walk it."""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from threadguard.moderation import Moderated


def reply_tree(scored: Sequence[Moderated]) -> tuple[list[int | None], list[int]]:
    """Parent index of each comment and the comments in top-down (parent-first) order.

    A comment whose parent is missing from the thread is treated as top-level; comments
    caught in a parent cycle (broken input) are left out of the chain signals rather
    than followed forever.
    """
    index: dict[str, int] = {}
    for i, s in enumerate(scored):
        index.setdefault(s.comment.id, i)
    parent: list[int | None] = []
    for i, s in enumerate(scored):
        p = index.get(s.comment.parent) if s.comment.parent is not None else None
        parent.append(None if p == i else p)
    children: dict[int | None, list[int]] = defaultdict(list)
    for i, p in enumerate(parent):
        children[p].append(i)
    order: list[int] = []
    queue = deque(children[None])
    while queue:
        i = queue.popleft()
        order.append(i)
        queue.extend(children.get(i, ()))
    return parent, order
