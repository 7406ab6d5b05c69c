"""Unnamed abusers dismissed in support of someone ("Ignore the idiots.") insult no one a
moderator could name: the comment is read again without the dismissal, insult and
toxicity keep the lower reading; one person dismissed, or people named, is read as
written."""

from __future__ import annotations

import pytest
from scoring_support import ReadTwice

from threadguard.moderation import Moderator
from threadguard.schema import Verdict
from threadguard.scoring.dismissed_trolls import without_dismissed_trolls


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        # a twentieth news desk's supportive comments, rejected and held on "idiots"
        ("Well done Aisha. Ignore the idiots.", "Well done Aisha. ."),
        ("Facebook's full of idiots. Ignore them.", ". Ignore them."),
        ("Proud of her. Just ignore the trolls on here, love.", "Proud of her. , love."),
        ("Don't listen to the haters, keep going!", ", keep going!"),
        # the verbs the cheap test first missed ("mind", "notice")
        ("Don't mind the idiots, pet. Proud of you.", ", pet. Proud of you."),
        (
            "Take no notice of the morons, Aisha, you're a role model.",
            ", Aisha, you're a role model.",
        ),
        # a twenty-first's
        (
            "Chloe, don't let the grumps in here get to you. Bristol is proud of you.",
            "Chloe, . Bristol is proud of you.",
        ),
        (
            "Naomi, ignore the idiots in the comments. Most of us just love your bread.",
            "Naomi, . Most of us just love your bread.",
        ),
        (
            "Don't feed the trolls. Lovely piece about a lovely woman.",
            ". Lovely piece about a lovely woman.",
        ),
        (
            "The internet is full of bigots, but she handled it brilliantly.",
            ", but she handled it brilliantly.",
        ),
        ("Good for her. Pay no attention to all the keyboard warriors online.", "Good for her. ."),
    ],
)
def test_dismissals_of_unnamed_abusers_are_cut(text: str, rest: str) -> None:
    assert without_dismissed_trolls(text) == rest


@pytest.mark.parametrize(
    "text",
    [
        # one person dismissed: someone the reader can point at
        "Just ignore the fool.",
        "Just block the idiot. He's not even worth this post.",
        # people named by where they come from or what they did, or a place that is no site
        "Ignore the idiots from Bradford.",
        "Ignore the idiots who voted for this.",
        "The council's full of idiots.",
        # a group named anywhere in the comment
        "Ignore the idiots, Muslims are all the same anyway.",
        # a reviewer's (session 42): what points back at the insulted once the insult is
        # cut, a dismissal that goes on, no word of support, a place that is no site
        "Well done Aisha. Ignore the idiots. Like Pete above.",
        "Facebook's full of idiots and Aisha is one of them. Well done though.",
        "Ignore the trolls, Aisha, you're the biggest one of the lot. Well done.",
        "Proud of her. Ignore the idiots, you included.",
        "Well done. Ignore the idiots, @NorthernLad.",
        "Ignore the idiots, Aisha, you'd fit right in.",
        "Ignore the morons. Hi Steve!",
        "Generation X is full of idiots. Well done though.",
        "Round here is full of idiots. Proud of her.",
        # no dismissal, or a character the models never see inside it
        "What a lot of idiots.",
        "Ignore the idi\u200bots.",
    ],
)
def test_dismissing_someone_namable_is_read_as_written(text: str) -> None:
    assert without_dismissed_trolls(text) is None


def test_support_that_dismisses_the_trolls_is_published(
    read_twice: ReadTwice, moderator: Moderator
) -> None:
    text = "Well done Aisha. Ignore the idiots."
    once, twice = read_twice(text)
    assert moderator.decide(once, text).action is not Verdict.APPROVE  # insult, as written
    assert moderator.decide(twice, text).action is Verdict.APPROVE
    assert twice.scores["insult"] < once.scores["insult"]


def test_what_the_comment_says_besides_is_still_read(
    read_twice: ReadTwice, moderator: Moderator
) -> None:
    text = "Ignore the idiots. You're a pathetic moron yourself."
    _, twice = read_twice(text)
    assert moderator.decide(twice, text).action is not Verdict.APPROVE


def test_a_long_comment_of_dismissals_is_cut_in_linear_time() -> None:
    text = "Well done. Ignore the idiots. Don't feed the trolls. " * 3000
    rest = without_dismissed_trolls(text)
    assert rest is not None and "idiots" not in rest and "trolls" not in rest
