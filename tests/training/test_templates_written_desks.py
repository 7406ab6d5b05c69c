"""Insults of one person, insinuated stereotypes, threats naming no harm and replies hateful
only through their parent, beside civil look-alikes: what each row teaches, and that the
trainers read them (the replies always with their parent)."""

from __future__ import annotations

import numpy as np
from template_support import (
    assert_civil,
    assert_group_attack,
    assert_unique_and_read_by_both_tiers,
    head_value,
    targets_set,
)

from threadguard.training.augment import context_rows
from threadguard.training.templates_written_desks import (
    GROUP_THREADS,
    INSINUATIONS,
    INSINUATIONS_CIVIL,
    INSULTS,
    INSULTS_CIVIL,
    PLAIN_THREADS,
    VEILED,
    VEILED_CIVIL,
    written_desk_reply_rows,
    written_desk_rows,
)


def test_an_insult_of_one_person_attacks_no_group_and_threatens_no_one() -> None:
    rows = dict(written_desk_rows())
    assert len(INSULTS) >= 200
    for text in INSULTS:
        r = rows[text]
        assert head_value(r, "toxicity") == 1.0 and head_value(r, "insult") == 1.0, text
        assert head_value(r, "identity_attack") == 0.0 and head_value(r, "threat") == 0.0
        assert targets_set(r) == set()
        assert np.isnan(head_value(r, "severe_toxicity")) and np.isnan(head_value(r, "profanity"))


def test_an_insinuation_attacks_the_group_the_writer_named_and_threatens_no_one() -> None:
    rows = dict(written_desk_rows())
    assert len(INSINUATIONS) >= 200
    for text, group in INSINUATIONS:
        assert_group_attack(rows[text], group)
        assert head_value(rows[text], "threat") == 0.0
    assert len({g for _, g in INSINUATIONS}) >= 12


def test_a_veiled_threat_is_a_threat_of_unknown_severity_at_a_group_only_where_named() -> None:
    rows = dict(written_desk_rows())
    assert sum(not g for _, g in VEILED) >= 80 and sum(bool(g) for _, g in VEILED) >= 80
    for text, group in VEILED:
        r = rows[text]
        assert head_value(r, "toxicity") == 1.0 and head_value(r, "threat") == 1.0, text
        assert np.isnan(head_value(r, "severe_toxicity"))
        if group:
            assert_group_attack(r, group)
        else:
            assert head_value(r, "identity_attack") == 0.0 and targets_set(r) == set()


def test_the_look_alikes_are_civil_and_a_reported_insult_may_still_swear() -> None:
    rows = dict(written_desk_rows())
    assert min(len(INSULTS_CIVIL), len(INSINUATIONS_CIVIL), len(VEILED_CIVIL)) >= 200
    for text in INSULTS_CIVIL + INSINUATIONS_CIVIL + VEILED_CIVIL:
        assert_civil(rows[text], text)
    assert all(np.isnan(head_value(rows[t], "profanity")) for t in INSULTS_CIVIL)
    assert all(head_value(rows[t], "profanity") == 0.0 for t in INSINUATIONS_CIVIL)


def test_the_rows_read_alone_are_unique_and_reach_both_tiers() -> None:
    assert_unique_and_read_by_both_tiers([t for t, _ in written_desk_rows()])


def test_hostile_replies_attack_the_parents_group_and_civil_ones_nothing() -> None:
    rows = {(reply, parent): labels for reply, parent, labels in written_desk_reply_rows()}
    assert len(GROUP_THREADS) >= 40 and len(PLAIN_THREADS) >= 20
    for parent, group, hostile, civil in GROUP_THREADS:
        assert hostile and civil
        for reply in hostile:
            assert_group_attack(rows[(reply, parent)], group)
            assert np.isnan(head_value(rows[(reply, parent)], "threat"))
        for reply in civil:
            assert_civil(rows[(reply, parent)], reply)
    for parent, replies in PLAIN_THREADS:
        for reply in replies:
            assert_civil(rows[(reply, parent)], reply)


def test_every_reply_has_its_parent_and_reaches_the_context_trainer() -> None:
    rows = written_desk_reply_rows()
    assert all(parent for _, parent, _ in rows)
    assert len(rows) == sum(len(h) + len(c) for _, _, h, c in GROUP_THREADS) + sum(
        len(r) for _, r in PLAIN_THREADS
    )
    assert {(r, p) for r, p, _ in rows} <= {(r, p) for r, p, _ in context_rows()}
