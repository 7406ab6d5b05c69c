"""A writer naming their own group is no attack on it: the comment is read again without
the self-description, toxicity, severe toxicity, insult and identity attack keeping the
lower reading; a comment that names a group beyond it, or a description that is not the
writer's own, is read as written."""

from __future__ import annotations

import pytest
from scoring_support import ReadTwice
from timing_support import fastest, linear_budget

from threadguard.moderation import Moderator
from threadguard.normalize import normalize_text
from threadguard.schema import Verdict
from threadguard.scoring.self_descriptions import own_groups, without_self_descriptions

# session 47's news desks: readers of the group a story was about, held for saying so
HIJAB = (
    "I wear a hijab and I'd happily answer your questions if you asked them honestly. "
    "Nothing is going on in my household except a broken dishwasher."
)
DRY_CLEANER = (
    "I'm Jewish, and my dad ran a dry cleaner's that went bust twice. Funny how that never "
    "makes the stereotype."
)


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        (HIJAB, HIJAB.replace("I wear a hijab and", "")),
        (DRY_CLEANER, DRY_CLEANER.replace("I'm Jewish,", "")),
        ("Gay woman here, and honestly this made my week.", " and honestly this made my week."),
        ("Lesbian mum of two boys here. Lovely story.", " Lovely story."),
        ("My son is autistic and loves chess.", " loves chess."),
        ("As a Black officer in this force, I was proud.", " officer in this force, I was proud."),
        ("My family came from the Philippines in 1990.", " in 1990."),
        # news desk 88 (session 54): a reclaimed word the writer gives themselves
        (
            "Proud wog here, and the knafeh is better than my teta's.",
            " and the knafeh is better than my teta's.",
        ),
        ("As a Greek wog I can confirm it.", " I can confirm it."),
    ],
)
def test_a_self_description_is_cut(text: str, rest: str) -> None:
    assert without_self_descriptions(text) == rest


@pytest.mark.parametrize(
    "text",
    [
        # a group named beyond the self-description: read as written
        "As a Muslim I say the Jews run the banks and the media.",
        "I'm Jewish and Muslims are vermin.",
        # no writer's own group
        "The hardest part about being a Muslim is the airport.",
        "Now do one of them as a Muslim woman getting stoned.",
        "Muslims. Why are they still here.",
        "Immigrants are not welcome here.",
        "I'm sure the Polish community will cope.",
        "I'm tired of Muslims complaining.",
        # a blind review's, which a first version cut: a description after "myself" is not
        # the writer's, nor is a group after "and the"
        "Being Asian myself, Black people are genetically less intelligent, it's just science.",
        "I'm Irish and the Travellers are subhuman knackers, gas the lot.",
        # white is not cut (see the module docs); a place of the writer's own is kept
        "As a white man I'm sick of this.",
        "We had a swastika sprayed on our synagogue door in March.",
    ],
)
def test_other_sentences_are_read_as_written(text: str) -> None:
    assert without_self_descriptions(text) is None


@pytest.mark.parametrize("text", [HIJAB, DRY_CLEANER])
def test_a_reader_saying_who_they_are_is_published(
    text: str, read_twice: ReadTwice, moderator: Moderator
) -> None:
    once, twice = read_twice(text)
    assert moderator.decide(once, text).action is Verdict.HOLD  # as the models read it
    assert moderator.decide(twice, text).action is Verdict.APPROVE
    assert twice.scores["threat"] == pytest.approx(once.scores["threat"], abs=1e-6)


def test_own_groups_name_the_writers_group() -> None:
    assert own_groups(normalize_text(DRY_CLEANER)) == {"jews"}
    assert own_groups(normalize_text("Sikh, born and bred in this town.")) == {"religion"}
    assert own_groups(normalize_text("I'm sure the Syrian family will settle.")) == set()
    # news desks 87 and 90 (session 54): the replies to these readers were published
    assert own_groups(normalize_text("I'm a Romany Gypsy myself.")) == {"race_ethnicity"}
    assert own_groups(normalize_text("I'm Yemeni-American, born at Beaumont.")) == {"arabs"}


def test_a_long_comment_is_read_in_linear_time() -> None:
    text = "I'm a proud Muslim and I'm Jewish here, " * 2500
    assert fastest(lambda: without_self_descriptions(text)) < linear_budget(text)
