"""Training rows for replies that attack a group only through their parent, written in free
form, beside civil replies to the same parents and the same wording under parents that name
no group.

:mod:`.templates_thread_replies` and :mod:`.templates_contrast_replies` teach this with
slot-filled parents and a few hundred replies; with deep@34 the functional suite's hate that
needs its parent was still held 11 times in 32 (session 25, after a parent naming a group
began to route its replies to the deep tier, which alone held 12). These rows
(``resources/templates/written_replies.toml``), written in session 26 by a writer who read
nothing of the project, give many more parents (news items and readers' remarks naming
peoples, faiths, sexualities, disabilities, women) and replies:

- ``group_threads``: a parent naming a group, two replies that attack it without naming it
  (toxic and an identity attack on that group; threat unknown) and two civil replies (a
  welcome, a question, civil disagreement with the policy);
- ``plain_threads``: a parent naming no group of people and two civil replies worded like
  the hostile ones ("Send them back.", said of sofas), so that the words alone cannot
  decide.

The trainer reads each row with its parent (``keep_context``), as the other reply
templates: alone, "Lock your doors, then." attacks no one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import numpy as np

from threadguard.training.template_tables import TemplateTables
from threadguard.training.templates_news import civil, group_hate

_DATA: Final = TemplateTables.load("written_replies.toml")


#: (parent, targeted group, hostile replies, civil replies).
GROUP_THREADS: Final[tuple[tuple[str, str, tuple[str, ...], tuple[str, ...]], ...]] = (
    _DATA.group_records("group_threads", (str, str, tuple, tuple), 1)
)
#: (parent naming no group, civil replies worded like hostile ones).
PLAIN_THREADS: Final[tuple[tuple[str, tuple[str, ...]], ...]] = _DATA.records(
    "plain_threads", (str, tuple)
)


def reply_rows(
    group_threads: Sequence[tuple[str, str, tuple[str, ...], tuple[str, ...]]],
    plain_threads: Sequence[tuple[str, tuple[str, ...]]],
) -> list[tuple[str, str, np.ndarray]]:
    """(reply, parent, labels): the hostile and civil replies to each group parent, then the
    civil replies to each plain parent (shared by every table of such threads)."""
    rows: list[tuple[str, str, np.ndarray]] = []
    for parent, group, hostile, civil_replies in group_threads:
        rows += [(reply, parent, group_hate(group, violent=None)) for reply in hostile]
        rows += [(reply, parent, civil()) for reply in civil_replies]
    for parent, replies in plain_threads:
        rows += [(reply, parent, civil()) for reply in replies]
    return rows


def written_reply_rows() -> list[tuple[str, str, np.ndarray]]:
    """:func:`reply_rows` of this module's threads."""
    return reply_rows(GROUP_THREADS, PLAIN_THREADS)
