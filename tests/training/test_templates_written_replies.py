"""Replies written in free form under parents naming a group and parents naming none: only
the parent says whom a hostile reply attacks, and the trainer always reads it."""

from __future__ import annotations

import numpy as np
from template_support import TARGET_HEADS, head_value

from threadguard.schema import with_parents
from threadguard.training.augment import context_rows
from threadguard.training.templates_written_replies import (
    GROUP_THREADS,
    PLAIN_THREADS,
    written_reply_rows,
)


def test_hostile_replies_attack_the_parents_group_and_civil_ones_nothing() -> None:
    rows = {(reply, parent): labels for reply, parent, labels in written_reply_rows()}
    assert len(GROUP_THREADS) >= 120 and len(PLAIN_THREADS) >= 60
    for parent, group, hostile, civil in GROUP_THREADS:
        assert hostile and civil
        for reply in hostile:
            r = rows[(reply, parent)]
            assert head_value(r, "toxicity") == 1.0 and head_value(r, "identity_attack") == 1.0
            assert np.isnan(head_value(r, "threat"))
            targeted = {h.removeprefix("target:") for h in TARGET_HEADS if head_value(r, h) == 1}
            assert targeted == with_parents({group})
        for reply in civil:
            assert head_value(rows[(reply, parent)], "identity_attack") == 0.0
    for parent, replies in PLAIN_THREADS:
        for reply in replies:
            r = rows[(reply, parent)]
            assert head_value(r, "toxicity") == 0.0 and head_value(r, "identity_attack") == 0.0


def test_every_row_has_its_parent_and_reaches_the_context_trainer() -> None:
    rows = written_reply_rows()
    assert all(parent for _, parent, _ in rows)
    assert len(rows) == sum(len(h) + len(c) for _, _, h, c in GROUP_THREADS) + sum(
        len(r) for _, r in PLAIN_THREADS
    )
    read = {(r, p) for r, p, _ in context_rows()}
    assert {(r, p) for r, p, _ in rows} <= read
