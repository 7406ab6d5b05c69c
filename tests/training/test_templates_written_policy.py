"""Civil opinions on immigration, religion and foreign policy beside attacks on the groups
they name: what each row teaches, and that both tiers read them."""

from __future__ import annotations

import numpy as np
from template_support import (
    assert_civil,
    assert_group_attack,
    assert_unique_and_read_by_both_tiers,
    head_value,
)

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
        assert_civil(rows[text], text)


def test_hostile_rows_attack_the_group_the_writer_named_and_leave_threat_unknown() -> None:
    rows = dict(written_policy_rows())
    assert len(HOSTILE) >= 110
    for text, group in HOSTILE:
        assert_group_attack(rows[text], group)
        assert np.isnan(head_value(rows[text], "threat"))
    assert len({g for _, g in HOSTILE}) >= 8


def test_the_rows_are_unique_and_reach_both_tiers() -> None:
    assert_unique_and_read_by_both_tiers([t for t, _ in written_policy_rows()])
