"""Swearing as an exclamation at no one is no insult: the comment is read again without
it, insult and toxicity keep the lower reading, profanity its own."""

from __future__ import annotations

import pytest
from scoring_support import ReadTwice

from threadguard.moderation import Moderator
from threadguard.schema import Verdict
from threadguard.scoring.exclamations import without_exclamations


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        # a fifteenth news desk's civil comments, held at toxicity 0.44 to 0.68
        (
            "What a damn mess. Nobody comes out of this well.",
            " Nobody comes out of this well.",
        ),
        (
            "What a shitshow from start to finish. Everyone involved should be embarrassed.",
            " Everyone involved should be embarrassed.",
        ),
        ("Damn right it should be extended.", " it should be extended."),
        (
            "We still need guards outside the school gates. What the actual hell.",
            "We still need guards outside the school gates. ",
        ),
        (
            "Holy shit, the lighting plan includes our side. About damn time.",
            " the lighting plan includes our side. About  time.",
        ),
        # intensifiers of praise, size and time
        ("That concert was fucking amazing.", "That concert was  amazing."),
        ("Bloody brilliant result for the club.", " brilliant result for the club."),
        ("Shit, I forgot the meeting was today.", " I forgot the meeting was today."),
        # an eighteenth news desk's, held at toxicity 0.46: the exclamation without "what"
        (
            "Shocking. Absolute fucking shambles. How was this allowed to go on for years?",
            "Shocking.  How was this allowed to go on for years?",
        ),
        ("A bloody mess.", ""),
        # a twenty-first news desk's, held at toxicity 0.44 and 0.86
        ("What a fucking fight. Up at 1am watching it.", " Up at 1am watching it."),
        (
            "Honestly, who gives a shit who's married to who. Fix the potholes.",
            " who's married to who. Fix the potholes.",
        ),
        # a news desk's (session 43), held at toxicity 0.58
        (
            "Honestly I couldn't give a damn who chairs the WI as long as the fair goes on.",
            " who chairs the WI as long as the fair goes on.",
        ),
    ],
)
def test_swearing_exclamations_and_intensifiers_are_cut(text: str, rest: str) -> None:
    assert without_exclamations(text) == rest


@pytest.mark.parametrize(
    "text",
    [
        # spoken to someone, or aimed at people: read as written
        "What the hell is wrong with you?",
        "Holy shit, you're thick.",
        "Honestly, f*** the people sending death threats to a teenager.",
        "Fuck the lot of them.",
        "Who gives a fuck about you?",
        "Who gives a shit about Muslims anyway.",
        "I don't give a shit about gays, they should keep it to themselves.",
        "I couldn't give a damn what you think, you moron.",
        "I couldn't give a damn about them, send them all back.",
        "We don't give a damn if she gets death threats, she brought it on herself.",
        # a situation's exclamation going on to someone, a group named, words that insult
        # or menace said of a person (a reviewer's, session 40)
        "What a bloody joke of a human being.",
        "What a damn disaster that new headteacher is.",
        "Absolute fucking joke of a man.",
        "Total bloody disaster, that new head.",
        "Holy shit, these migrants are animals.",
        "It's bloody obvious the Jews run the council.",
        "The new neighbours are fucking insane, proper lowlife.",
        "Someone should give him a bloody good kicking.",
        # a swear word before contempt, not praise
        "Muslims are fucking disgusting.",
        "The councillors are bloody useless.",
        "What a fucking idiot.",
        # a group named, even as its place of worship: read as written (desk 15's "... guards
        # outside synagogues. What the actual hell." stays held; the reading cannot tell
        # whom the swearing is at)
        "We still need guards outside synagogues. What the actual hell.",
        # no swearing, or a character the models never see inside it
        "What a mess. Nobody comes out of this well.",
        "What a da\u200bmn mess.",
    ],
)
def test_swearing_at_someone_or_with_contempt_is_read_as_written(text: str) -> None:
    assert without_exclamations(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "What a damn mess. Nobody comes out of this well.",
        "What a shitshow from start to finish. Everyone involved should be embarrassed.",
    ],
)
def test_an_exclamation_at_no_one_is_published_and_still_profane(
    text: str, read_twice: ReadTwice, moderator: Moderator
) -> None:
    once, twice = read_twice(text)
    assert moderator.decide(once, text).action is Verdict.HOLD  # toxicity, read as written
    assert moderator.decide(twice, text).action is Verdict.APPROVE
    assert twice.scores["toxicity"] < once.scores["toxicity"]
    assert twice.scores["profanity"] == pytest.approx(once.scores["profanity"], abs=1e-6)


def test_a_comment_long_with_exclamations_is_cut_in_linear_time() -> None:
    text = "Holy shit, what a day. Damn right. " * 3000
    rest = without_exclamations(text)
    assert rest is not None and "shit" not in rest and "Damn" not in rest
