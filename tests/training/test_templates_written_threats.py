"""The free-form threats and their look-alikes: what each row teaches, and that both tiers
read them."""

from __future__ import annotations

import numpy as np
from template_support import TARGET_HEADS, head_value

from threadguard.training.augment import template_rows
from threadguard.training.templates_threats import threats_rows
from threadguard.training.templates_written_threats import CIVIL, THREATS, written_threat_rows


def test_a_written_threat_is_toxic_a_threat_and_severe_only_where_marked() -> None:
    rows = dict(written_threat_rows())
    assert len(THREATS) >= 400
    for text, severe in THREATS:
        r = rows[text]
        assert head_value(r, "toxicity") == 1.0 and head_value(r, "threat") == 1.0
        assert head_value(r, "identity_attack") == 0.0
        assert all(head_value(r, h) == 0.0 for h in TARGET_HEADS)
        assert (
            (head_value(r, "severe_toxicity") == 1.0)
            if severe
            else np.isnan(head_value(r, "severe_toxicity"))
        )
    assert any(severe for _, severe in THREATS) and not all(severe for _, severe in THREATS)


def test_a_look_alike_is_civil_on_every_head_that_reads_threats() -> None:
    rows = dict(written_threat_rows())
    assert len(CIVIL) >= 400
    for text in CIVIL:
        for head in ("toxicity", "threat", "identity_attack", "severe_toxicity", "insult"):
            assert head_value(rows[text], head) == 0.0, (head, text)


def test_the_rows_are_unique_new_and_reach_both_tiers() -> None:
    texts = [t for t, _ in written_threat_rows()]
    assert len(set(texts)) == len(texts) == len(THREATS) + len(CIVIL)
    assert not set(texts) & {t for t, _ in threats_rows()}
    assert set(texts) <= {t for t, _ in template_rows()}
