"""A comment that denies a slur about a group is read for what else it says."""

from __future__ import annotations

import pytest
from scoring_support import ReadTwice

from threadguard.moderation import Moderator
from threadguard.schema import Verdict
from threadguard.scoring.negated_claims import without_negated_claims


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("Muslims are not terrorists.", "."),
        ("Good point. Refugees aren't criminals.", "Good point. ."),
        ("No, immigrants are not lazy. They work two jobs.", "No, immigrants. They work two jobs."),
        ("I don't think Mexicans are criminals.", "."),
        ("Sikhs are not any more violent than anyone else.", "."),
        ("Refugees are not a bunch of criminals!", "!"),
        # what follows refers back to the group: its name stays
        ("Jews are not greedy. They are parasites.", "Jews. They are parasites."),
        ("Lesbians are not confused; they know who they are.", "Lesbians; they know who they are."),
    ],
)
def test_a_denied_slur_is_cut(text: str, rest: str) -> None:
    assert without_negated_claims(text) == rest


@pytest.mark.parametrize(
    "text",
    [
        "Not all Muslims are terrorists.",  # partial: grants the slur for some
        "Most immigrants are not criminals.",
        "They are not just lazy, they are dangerous.",
        "Immigrants aren't criminals? Look at the numbers.",  # a question: the opposite
        "Muslims are not human.",  # denying what is human is the attack
        "Women are not equal to men.",
        "The schools are not the problem the students are the problem.",  # half an attack
        "They are not terrorists because of anything but their religion.",
        "We aren't terrorists like them.",
        "There aren't any stupid questions.",
        "Muslims are terrorists.",
        # a denial that goes on is read as written
        "Jews are not greedy, they are parasites.",
        "Refugees aren't criminals, just filthy rats.",
        "Muslims are not a threat if shot on sight.",
        "Women are not stupid; just too emotional to vote.",  # another charge swapped in
        "Mexicans are not rapists. Not all of them anyway, most are.",  # taken back
        # no group noun: a slur or a pronoun is no group
        "They are not stupid.",
        # sarcasm: the opposite
        "Oh sure, Mexicans aren't rapists. Totally.",
    ],
)
def test_not_a_denial(text: str) -> None:
    assert without_negated_claims(text) is None


@pytest.mark.parametrize(
    "text", ["Muslims are not terrorists.", "I don't think Mexicans are criminals."]
)
def test_a_denial_of_a_slur_is_published(
    read_twice: ReadTwice, moderator: Moderator, text: str
) -> None:
    once, twice = read_twice(text)
    assert moderator.decide(once, text).action is Verdict.HOLD  # the models read the slur
    assert moderator.decide(twice, text).action is Verdict.APPROVE


@pytest.mark.parametrize(
    ("text", "attribute"),
    [
        ("Jews are not greedy. They are parasites.", "identity_attack"),
        ("Immigrants are not lazy. You absolute moron.", "insult"),
    ],
)
def test_what_else_the_comment_says_is_still_read(
    read_twice: ReadTwice, moderator: Moderator, text: str, attribute: str
) -> None:
    once, twice = read_twice(text)
    assert twice.scores[attribute] >= once.scores[attribute] - 0.05
    assert moderator.decide(twice, text).action is not Verdict.APPROVE
