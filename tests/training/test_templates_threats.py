"""The threat, not-a-threat and civil-opinion templates: what each row teaches."""

from __future__ import annotations

import numpy as np
from template_support import TARGET_HEADS, head_value

from threadguard.training.augment import template_rows
from threadguard.training.templates_threats import (
    civil_opinion_rows,
    not_threat_rows,
    threat_rows,
    threats_rows,
)


def test_a_threat_to_a_person_is_toxic_a_threat_and_no_attack_on_a_group() -> None:
    rows = threat_rows()
    assert 200 <= len(rows) <= 300
    for _, r in rows:
        assert head_value(r, "toxicity") == 1.0 and head_value(r, "threat") == 1.0
        assert head_value(r, "identity_attack") == 0.0
        assert np.isnan(head_value(r, "insult"))
        assert all(head_value(r, h) == 0.0 for h in TARGET_HEADS)
    texts = {t: r for t, r in rows}
    # explicit killing is severe; a beating or a veiled threat leaves severity unknown
    assert head_value(texts["I'm coming round to stab our MP."], "severe_toxicity") == 1.0
    veiled = [r for t, r in rows if t.startswith("Watch yourself")]
    assert veiled and all(np.isnan(head_value(r, "severe_toxicity")) for r in veiled)
    assert any(np.isnan(head_value(r, "severe_toxicity")) for t, r in rows if "kicking" in t)
    # every kind is there: direct, conditional, a call on others, veiled
    for marker in ("I will ", " and I will ", "Someone should ", "I know where ", "Accidents"):
        assert any(marker in t for t in texts), marker


def test_threat_words_without_a_threat_are_civil_on_the_threat_heads() -> None:
    rows = not_threat_rows()
    assert 200 <= len(rows) <= 300
    for _, r in rows:
        for head in ("toxicity", "threat", "identity_attack", "severe_toxicity", "insult"):
            assert head_value(r, head) == 0.0, head
        assert all(head_value(r, h) == 0.0 for h in TARGET_HEADS)
    texts = [t for t, _ in rows]
    for marker in ("voted out", "See you in court", "We'll destroy them", "received threats"):
        assert any(marker in t for t in texts), marker
    assert "I could murder a curry after that council meeting." in texts


def test_sharp_opinions_on_contested_news_are_civil_on_every_head() -> None:
    rows = civil_opinion_rows()
    assert 200 <= len(rows) <= 300
    for _, r in rows:
        assert not np.isnan(r).any() and (r == 0.0).all()
    texts = [t for t, _ in rows]
    assert any("voter ID" in t for t in texts) and any(t.endswith("?") for t in texts)


def test_the_rows_read_well_are_unique_deterministic_and_reach_both_tiers() -> None:
    first = [t for t, _ in threats_rows()]
    assert first == [t for t, _ in threats_rows()]
    assert first == [t for t, _ in threat_rows() + not_threat_rows() + civil_opinion_rows()]
    assert len(set(first)) == len(first)
    for t in first:
        assert "{" not in t and "}" not in t and t[0].isupper() and "  " not in t
        assert t[-1] in ".?!", t
    assert set(first) <= {t for t, _ in template_rows()}
