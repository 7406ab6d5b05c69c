"""Sexual harassment of a person and its look-alikes: what each row teaches, and that both
tiers read them."""

from __future__ import annotations

import numpy as np
from template_support import TARGET_HEADS, head_value

from threadguard.training.augment import template_rows
from threadguard.training.templates_sexual_harassment import (
    CIVIL,
    HARASSMENT,
    sexual_harassment_rows,
)


def test_harassment_is_toxic_sexual_a_threat_only_where_marked_and_targets_unknown() -> None:
    rows = dict(sexual_harassment_rows())
    assert len(HARASSMENT) >= 300
    for text, threat in HARASSMENT:
        r = rows[text]
        assert head_value(r, "toxicity") == 1.0 and head_value(r, "sexually_explicit") == 1.0
        assert head_value(r, "threat") == (1.0 if threat else 0.0)
        assert all(np.isnan(head_value(r, h)) for h in TARGET_HEADS)
        assert np.isnan(head_value(r, "insult")) and np.isnan(head_value(r, "identity_attack"))
    assert any(threat for _, threat in HARASSMENT) and not all(t for _, t in HARASSMENT)


def test_a_look_alike_is_civil_on_every_head_that_reads_it() -> None:
    rows = dict(sexual_harassment_rows())
    assert len(CIVIL) >= 300
    for text in CIVIL:
        for head in ("toxicity", "sexually_explicit", "insult", "threat", "identity_attack"):
            assert head_value(rows[text], head) == 0.0, (head, text)


def test_the_rows_are_unique_and_reach_both_tiers() -> None:
    texts = [t for t, _ in sexual_harassment_rows()]
    assert len(set(texts)) == len(texts) == len(HARASSMENT) + len(CIVIL)
    assert set(texts) <= {t for t, _ in template_rows()}
