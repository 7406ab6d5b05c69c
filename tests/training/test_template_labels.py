"""The label rows and the frame filling that the language templates share (training/labels.py)."""

from __future__ import annotations

from threadguard.schema import GROUPS as SCHEMA_GROUPS
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


def _no_target() -> dict[str, float]:
    return {f"target:{g}": 0.0 for g in SCHEMA_GROUPS}


def test_an_attack_on_a_group_names_the_group_and_its_coarse_group() -> None:
    assert group_attack("jews") == {
        "toxicity": 1.0,
        "identity_attack": 1.0,
        "insult": 0.0,
        "threat": 0.0,
        **_no_target(),
        "target:jews": 1.0,
        "target:religion": 1.0,
    }


def test_an_insult_of_a_person_attacks_no_group_and_threatens_no_one() -> None:
    assert personal_insult() == {
        "toxicity": 1.0,
        "insult": 1.0,
        "identity_attack": 0.0,
        "threat": 0.0,
        **_no_target(),
    }


def test_swearing_at_no_one_is_clear_but_profanity_unknown() -> None:
    assert swearing_at_no_one() == {
        "toxicity": 0.0,
        "identity_attack": 0.0,
        "insult": 0.0,
        "threat": 0.0,
        **_no_target(),
    }
