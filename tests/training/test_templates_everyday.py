"""The swearing-at-no-one and stereotype-denial templates: what each row teaches."""

from __future__ import annotations

import numpy as np
from template_support import head_value

from threadguard.training.augment import template_rows
from threadguard.training.templates_everyday import (
    everyday_rows,
    stereotype_rows,
    swearing_rows,
)


def test_swearing_at_things_is_civil_and_swearing_at_people_is_an_insult() -> None:
    rows = swearing_rows()
    civil = [(t, r) for t, r in rows if head_value(r, "toxicity") == 0.0]
    insults = [(t, r) for t, r in rows if head_value(r, "toxicity") == 1.0]
    assert len(civil) > 3 * len(insults) > 0
    for _, r in civil:
        assert head_value(r, "insult") == 0.0 and head_value(r, "identity_attack") == 0.0
    for _, r in insults:
        assert head_value(r, "insult") == 1.0 and head_value(r, "identity_attack") == 0.0
    # the strong words are marked profane, so "civil" never means "not profane"
    assert any(head_value(r, "profanity") == 1.0 for _, r in civil)
    assert any(np.isnan(head_value(r, "profanity")) for _, r in civil)


def test_a_denied_stereotype_is_civil_and_the_same_stereotype_asserted_is_hate() -> None:
    rows = stereotype_rows()
    denied = [t for t, r in rows if head_value(r, "identity_attack") == 0.0]
    asserted = [t for t, r in rows if head_value(r, "identity_attack") == 1.0]
    assert len(denied) + len(asserted) == len(rows)
    assert any("not freeloaders" in t for t in denied)
    assert "Face it, migrants are freeloaders." in asserted
    for t in denied + asserted:
        assert t[0].isupper() and "{" not in t


def test_the_rows_are_deterministic_and_reach_both_tiers() -> None:
    first = [t for t, _ in everyday_rows()]
    assert first == [t for t, _ in everyday_rows()]
    assert len(set(first)) == len(first)
    assert set(first) <= {t for t, _ in template_rows()}
