"""Coded hate and sarcasm at a group, written in free form, beside civil look-alikes: what
each row teaches, and that both tiers read them."""

from __future__ import annotations

import numpy as np
from template_support import (
    assert_civil,
    assert_group_attack,
    assert_unique_and_read_by_both_tiers,
    head_value,
)

from threadguard.training.templates_written_hate import (
    CODED,
    CODED_CIVIL,
    QUOTING,
    SARCASM,
    SARCASM_CIVIL,
    written_hate_rows,
)


def test_coded_hate_and_sarcasm_attack_the_group_the_writer_named() -> None:
    rows = dict(written_hate_rows())
    assert len(CODED) >= 200 and len(SARCASM) >= 180
    for text, group in CODED + SARCASM:
        assert_group_attack(rows[text], group)
    # a call to "remigrate" names no harm: coded hate leaves threat unknown, sarcasm says none
    assert all(np.isnan(head_value(rows[t], "threat")) for t, _ in CODED)
    assert all(head_value(rows[t], "threat") == 0.0 for t, _ in SARCASM)
    assert len({g for _, g in CODED + SARCASM}) >= 12


def test_look_alikes_and_quotes_are_civil_and_quotes_may_still_swear() -> None:
    rows = dict(written_hate_rows())
    for text in CODED_CIVIL + SARCASM_CIVIL + QUOTING:
        assert_civil(rows[text], text)
    assert all(head_value(rows[t], "profanity") == 0.0 for t in CODED_CIVIL + SARCASM_CIVIL)
    assert all(np.isnan(head_value(rows[t], "profanity")) for t in QUOTING)


def test_the_rows_are_unique_and_reach_both_tiers() -> None:
    assert_unique_and_read_by_both_tiers([t for t, _ in written_hate_rows()])
