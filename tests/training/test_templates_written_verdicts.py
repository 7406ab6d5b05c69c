"""Sympathy, anger at a crime, verdicts on events, criticism of public figures, swearing at
no one and pushback on prejudice, beside the same words aimed at a person: what each row
teaches, and that both tiers' training reads them."""

from __future__ import annotations

import numpy as np
from template_support import (
    assert_civil,
    assert_unique_and_read_by_both_tiers,
    head_value,
    targets_set,
)

from threadguard.training.templates_written_verdicts import (
    CHEERS_AT_PEOPLE,
    CHEERS_CIVIL,
    CRIME_ANGER,
    CRIME_VIGILANTE,
    POLITICIANS_ABUSE,
    POLITICIANS_CIVIL,
    REBUTTALS_ABUSIVE,
    REBUTTALS_CIVIL,
    SYMPATHY,
    SYMPATHY_MOCKING,
    VERDICTS_AT_PEOPLE,
    VERDICTS_CIVIL,
    written_verdict_rows,
)

CIVIL_KINDS = (VERDICTS_CIVIL, POLITICIANS_CIVIL, CHEERS_CIVIL, REBUTTALS_CIVIL)
INSULT_KINDS = (SYMPATHY_MOCKING, VERDICTS_AT_PEOPLE, CHEERS_AT_PEOPLE, REBUTTALS_ABUSIVE)


def test_every_civil_kind_stands_beside_its_look_alikes_in_the_same_words() -> None:
    for civil, abusive in zip(
        (SYMPATHY, CRIME_ANGER, *CIVIL_KINDS),
        (SYMPATHY_MOCKING, CRIME_VIGILANTE, POLITICIANS_ABUSE, *INSULT_KINDS[1:]),
        strict=True,
    ):
        assert len(civil) >= 45 and len(abusive) >= 25


def test_the_civil_kinds_are_civil_and_may_still_swear() -> None:
    rows = dict(written_verdict_rows())
    for kind in CIVIL_KINDS:
        for text in kind:
            assert_civil(rows[text], text)
            assert np.isnan(head_value(rows[text], "profanity")), text


def test_sympathy_and_anger_at_a_crime_are_no_toxicity_but_may_name_the_attacker() -> None:
    """ "Whoever did this to her is a coward": an insult a news site publishes, so insult
    stays unknown while toxicity, threat and identity attack are no."""
    rows = dict(written_verdict_rows())
    for text in SYMPATHY + CRIME_ANGER:
        r = rows[text]
        for head in ("toxicity", "severe_toxicity", "threat", "identity_attack"):
            assert head_value(r, head) == 0.0, (head, text)
        assert np.isnan(head_value(r, "insult")) and targets_set(r) == set()


def test_the_same_words_at_a_person_are_an_insult_of_no_group() -> None:
    rows = dict(written_verdict_rows())
    for kind in (*INSULT_KINDS, POLITICIANS_ABUSE):
        for text in kind:
            r = rows[text]
            assert head_value(r, "toxicity") == 1.0 and head_value(r, "insult") == 1.0, text
            assert head_value(r, "identity_attack") == 0.0 and targets_set(r) == set()
    assert all(np.isnan(head_value(rows[t], "threat")) for t in POLITICIANS_ABUSE)


def test_calls_to_hurt_a_criminal_are_threats_at_a_person() -> None:
    rows = dict(written_verdict_rows())
    for text in CRIME_VIGILANTE:
        r = rows[text]
        assert head_value(r, "toxicity") == 1.0 and head_value(r, "threat") == 1.0, text
        assert head_value(r, "identity_attack") == 0.0 and targets_set(r) == set()


def test_the_rows_are_unique_and_reach_both_tiers() -> None:
    assert_unique_and_read_by_both_tiers([t for t, _ in written_verdict_rows()])
