"""An eighth news-desk tryout (asylum seekers in a seaside hotel, a Sikh sergeant's poppy
turban, a women's football pundit, a synagogue's security grant, a wheelchair-using MP)
published "Spastics shouldn't be in charge of anything more complicated than a colouring
book." at toxicity 0.05. The slur said of people is held with its reason, under calm scores
(the list alone); the medical adjective, the Spastics Society and the word reported or
named are approved."""

from __future__ import annotations

import pytest
from list_support import CALM, DEFAULT, assert_context_entries_run_in_linear_time, tryout_list_tests

from threadguard.moderation.coded_hate import match_coded
from threadguard.schema import Verdict

#: (comment, the start of a reason it must be held for)
HELD = [
    (
        "Spastics shouldn't be in charge of anything more complicated than a colouring book.",
        "coded hate",
    ),
    ("She is a spastic.", "coded hate"),
    ("Shut up you spastic.", "coded hate"),
    ("The MP is a total spastic and should resign.", "coded hate"),
    ("Bunch of spastics running this council.", "coded hate"),
    ("What a spacker.", "coded hate"),
    # a review's forms: leetspeak, "those", a bare vocative
    ("You're a sp@stic, no wonder nobody listens.", "coded hate"),
    ("Those spastic councillors ruined our town.", "coded hate"),
    ("Oi spastic, nobody asked.", "coded hate"),
]

CIVIL = [
    "My son has spastic cerebral palsy and the lift has been broken for a month.",
    "She walks with a spastic gait since the stroke.",
    "He is a spastic quadriplegic and a brilliant lawyer.",
    "I have a spastic colon, so the bus journey is an ordeal.",
    "Spastic diplegia is the most common form of CP.",
    "The Spastics Society was renamed Scope in 1994.",
    "He called her a spastic on air and was rightly sacked.",
    "The word 'spastic' was a medical term before it was an insult.",
    "Calling disabled people spastics is vile and it has to stop.",
    "The spasticity in her legs is worse in the cold.",
    # a review's civil sentences that the first version held: the word reported, a
    # charity's name, a symptom
    "As a disabled writer, I was called a spastic at school every single day.",
    "The manager was sacked after calling a player a spastic in the dressing room.",
    "In Australia the Spastic Centre became the Cerebral Palsy Alliance in 2008.",
    "There was a spastic twitch in his eyelid all through the press conference.",
    "Her left leg is spastic since the stroke.",
]

(
    test_each_class_of_the_tryout_is_held_with_its_reason,
    test_civil_sentences_sharing_the_words_are_approved,
) = tryout_list_tests(HELD, CIVIL)


def test_the_slur_names_the_group_it_attacks() -> None:
    text = "Spastics shouldn't be in charge of anything."
    found = [m for m in match_coded(text) if not m.rebutted]
    assert [m.term.group for m in found] == ["disability"]
    outcome = DEFAULT.decide(CALM, text)
    assert outcome.action is Verdict.HOLD
    assert any("(targets disability)" in r for r in outcome.decision.reasons)


@pytest.mark.parametrize(
    "text",
    [
        "a spastic spastic " * 5000,
        "you spastics society " * 4500,
        "spackers spakka " * 5000,
        # the first version's lookahead was quadratic in a run of spaces (16,000: 25 s)
        "a spastic" + " " * 99_000 + "x",
        "oi spastic" + "\t" * 99_000 + "x",
    ],
)
def test_the_new_context_entry_runs_in_linear_time(text: str) -> None:
    assert_context_entries_run_in_linear_time(text, ("spastics",))
