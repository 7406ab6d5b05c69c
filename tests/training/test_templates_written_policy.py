"""Civil opinions on immigration, religion and foreign policy beside attacks on the groups
they name: what each row teaches, and that both tiers read them."""

from __future__ import annotations

import numpy as np
from template_support import head_value, targets_set

from threadguard.schema import with_parents
from threadguard.training.augment import template_rows
from threadguard.training.templates_written_policy import (
    HOSTILE,
    POLICY_CIVIL,
    RELIGION_CIVIL,
    written_policy_rows,
)


def test_civil_opinions_are_civil_on_every_head_whatever_group_they_name() -> None:
    rows = dict(written_policy_rows())
    assert len(POLICY_CIVIL) >= 180 and len(RELIGION_CIVIL) >= 85
    for text in POLICY_CIVIL + RELIGION_CIVIL:
        r = rows[text]
        for head in ("toxicity", "severe_toxicity", "identity_attack", "insult", "threat"):
            assert head_value(r, head) == 0.0, (head, text)
        assert targets_set(r) == set()


def test_hostile_rows_attack_the_group_the_writer_named_and_leave_threat_unknown() -> None:
    rows = dict(written_policy_rows())
    assert len(HOSTILE) >= 110
    for text, group in HOSTILE:
        r = rows[text]
        assert head_value(r, "toxicity") == 1.0 and head_value(r, "identity_attack") == 1.0
        assert targets_set(r) == with_parents({group})
        assert np.isnan(head_value(r, "threat"))
    assert len({g for _, g in HOSTILE}) >= 8


def test_the_rows_are_unique_and_reach_both_tiers() -> None:
    texts = [t for t, _ in written_policy_rows()]
    assert len(set(texts)) == len(texts)
    assert set(texts) <= {t for t, _ in template_rows()}
