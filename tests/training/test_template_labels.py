"""The label rows and the frame filling that the language templates share (training/labels.py)."""

from __future__ import annotations

from threadguard.training.labels import (
    Filling,
    group_attack,
    groups_in_turn,
    personal_insult,
    swearing_at_no_one,
)

GROUPS = (("jews", "Juden"), ("women", "Frauen"), ("muslims", "Muslime"))


def test_groups_are_taken_in_turn_from_start_wrapping_round() -> None:
    fillings = list(groups_in_turn(["a {g}", "b {g}"], GROUPS, 2, start=2))
    assert [(f.frame, f.noun) for f in fillings] == [
        ("a {g}", "Muslime"),
        ("a {g}", "Juden"),
        ("b {g}", "Frauen"),
        ("b {g}", "Muslime"),
    ]
    assert fillings[3] == Filling("b {g}", "muslims", "Muslime", i=1, j=1, n=3)


def test_the_shared_labels() -> None:
    attack = group_attack("jews")
    assert (attack["toxicity"], attack["identity_attack"], attack["threat"]) == (1.0, 1.0, 0.0)
    assert attack["target:jews"] == 1.0 and attack["target:women"] == 0.0
    insult = personal_insult()
    assert (insult["insult"], insult["identity_attack"]) == (1.0, 0.0)
    assert not any(v for k, v in insult.items() if k.startswith("target:"))
    swearing = swearing_at_no_one()
    assert "profanity" not in swearing and swearing["toxicity"] == 0.0
