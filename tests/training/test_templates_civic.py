"""The civic news templates: civil comments naming peoples, migrants and faiths, beside
hostile counterparts about the same groups."""

from __future__ import annotations

import re

import numpy as np
import pytest
from template_support import TARGET_HEADS, head_value

from threadguard.training.augment import template_rows
from threadguard.training.datasets import HEADS
from threadguard.training.templates_civic import (
    FAITHS,
    MIGRANTS,
    NATIONALITIES,
    _Rows,
    civic_rows,
    hostile,
    noun_uses,
)
from threadguard.training.templates_news import civil

TOXIC_HEADS = ("toxicity", "severe_toxicity", "identity_attack", "insult", "threat")
NOUNS = [n[0] for n in NATIONALITIES] + list(MIGRANTS) + [f[0] for f in FAITHS]


NOUN_KINDS = (
    {n[0]: "nationality" for n in NATIONALITIES}
    | dict.fromkeys(MIGRANTS, "migrant")
    | {f[0]: "faith" for f in FAITHS}
)


def _names(text: str, noun: str) -> bool:
    return re.search(rf"\b{re.escape(noun)}\b", text, re.IGNORECASE) is not None


def test_size_and_label_shapes() -> None:
    rows = civic_rows()
    assert 500 <= len(rows) <= 800
    civil = [(t, r) for t, r in rows if head_value(r, "toxicity") == 0.0]
    hostile = [(t, r) for t, r in rows if head_value(r, "toxicity") == 1.0]
    assert len(civil) + len(hostile) == len(rows)
    assert len(civil) >= 3 * len(hostile) > 0
    for _, r in rows:
        assert r.shape == (len(HEADS),) and r.dtype == np.float32
    for _, r in civil:
        assert not np.isnan(r).any() and (r == 0.0).all()
    for t, r in hostile:
        assert head_value(r, "identity_attack") == 1.0, t
        # an attack on a nationality or on migrants targets nationality_migration; an
        # attack on a faith does not (hostile() sets every target it does not name to 0)
        kinds = {kind for noun, kind in NOUN_KINDS.items() if _names(t, noun)}
        assert len(kinds) == 1, (t, kinds)
        expected = 0.0 if kinds == {"faith"} else 1.0
        assert head_value(r, "target:nationality_migration") == expected, t
        targets = [h for h in TARGET_HEADS if head_value(r, h) == 1.0]
        assert targets, t
        assert all(head_value(r, h) in (0.0, 1.0) for h in TARGET_HEADS)
        # a call to expel names no harm: threat unknown; otherwise no threat
        assert np.isnan(head_value(r, "threat")) or head_value(r, "threat") == 0.0
        assert np.isnan(head_value(r, "insult")) and np.isnan(head_value(r, "severe_toxicity"))


def test_attacks_target_the_group_named() -> None:
    rows = dict(civic_rows())
    attacks = [(t, r) for t, r in rows.items() if head_value(r, "toxicity") == 1.0]
    for plural, _, _, groups in NATIONALITIES:
        mine = [r for t, r in attacks if re.search(rf"\b{plural}\b", t)]
        assert mine, plural
        for r in mine:
            for group in ("nationality_migration", *groups):
                assert head_value(r, f"target:{group}") == 1.0, (plural, group)
            assert head_value(r, "target:muslims") == 0.0
    for plural, *_, group in FAITHS:
        mine = [r for t, r in attacks if re.search(rf"\b{plural}\b", t)]
        assert mine and all(head_value(r, f"target:{group}") == 1.0 for r in mine), plural
        assert all(head_value(r, "target:religion") == 1.0 for r in mine), plural


def test_every_group_noun_fills_civil_frames_twice_as_often_as_hostile_ones() -> None:
    """Counted on the texts themselves (whole words, any case), so a frame that happens to
    name another group counts too, and checked against the module's own tally."""
    rows = civic_rows()
    uses = noun_uses()
    assert set(uses) == set(NOUNS)
    for noun in NOUNS:
        pattern = re.compile(rf"\b{re.escape(noun)}\b", re.IGNORECASE)
        named = [r for t, r in rows if pattern.search(t)]
        calm = sum(head_value(r, "toxicity") == 0.0 for r in named)
        attacks = sum(head_value(r, "toxicity") == 1.0 for r in named)
        assert attacks > 0 and calm >= 2 * attacks, (noun, calm, attacks)
        civil_uses, hostile_uses = uses[noun]
        assert civil_uses >= 2 * hostile_uses > 0, noun


def test_the_frames_teach_the_words_in_a_neutral_frame() -> None:
    """The phrases typical of anti-immigrant hate appear in civil rows too."""
    civil = [t for t, r in civic_rows() if head_value(r, "toxicity") == 0.0]
    for marker in ("sent back", "went home", "allowed to work", "deported", "came here from"):
        assert any(marker in t for t in civil), marker
    hostile = [t for t, r in civic_rows() if head_value(r, "toxicity") == 1.0]
    for marker in ("go home", "send them back", "allowed to work", "criminal", "parasites"):
        assert any(marker.lower() in t.lower() for t in hostile), marker


def test_rows_are_unique_deterministic_read_well_and_reach_both_tiers() -> None:
    first = [t for t, _ in civic_rows()]
    assert first == [t for t, _ in civic_rows()]
    assert [t for t, _ in civic_rows(seed=1)] != first
    assert len(set(first)) == len(first)
    for t in first:
        assert "{" not in t and "}" not in t and t[0].isupper() and "  " not in t, t
        assert t[-1] in ".?!", t
    assert set(first) <= {t for t, _ in template_rows()}


def test_a_text_made_twice_must_carry_the_same_labels() -> None:
    rows = _Rows()
    rows.add("a civil comment", civil())
    rows.add("a civil comment", civil())
    assert list(rows.rows) == ["A civil comment"]
    with pytest.raises(ValueError, match="made twice with different labels"):
        rows.add("a civil comment", hostile({"jews"}, expel=False))
