"""Hate quoted to condemn it is read without the quotation."""

from __future__ import annotations

import pytest
from scoring_support import ReadTwice

from threadguard.moderation import Moderator
from threadguard.schema import Verdict
from threadguard.scoring.quoted_speech import without_condemned_quotes


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        (
            'A man on the bus shouted "filthy foreigners, go home" at a nurse. Shameful.',
            "A man on the bus shouted  at a nurse. Shameful.",
        ),
        (
            "The leaflet said “Jews are greedy parasites”. That is antisemitism.",
            "The leaflet said . That is antisemitism.",
        ),
        (
            'Someone sprayed "gays are vermin" on the community centre. It is hate speech, plain '
            "and simple.",
            "Someone sprayed  on the community centre. It is hate speech, plain and simple.",
        ),
    ],
)
def test_a_condemned_quotation_is_cut(text: str, rest: str) -> None:
    assert without_condemned_quotes(text) == rest


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        # a twenty-first news desk's report of a slur at a deaf barista: two condemnations
        # in a row (the pattern read only one: the space between them ended the search)
        (
            'A man came in, shouted "learn to talk properly, you retard" and walked out. '
            "Disgusting. That is ableism, plain and simple.",
            "A man came in, shouted  and walked out. Disgusting. That is ableism, plain and "
            "simple.",
        ),
        (
            'A man on the bus shouted "filthy foreigners" at a nurse. Shameful. That is racism.',
            "A man on the bus shouted  at a nurse. Shameful. That is racism.",
        ),
    ],
)
def test_condemnations_one_after_another_are_read_together(text: str, rest: str) -> None:
    assert without_condemned_quotes(text) == rest


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        # an eighteenth news desk's reports, in single marks, of a call to leave and a wish
        # of harm, condemned by a word of disgust or a question
        (
            "Her leaflet came through our door and someone had already scrawled 'go back to "
            "Pakistan' across her face. She was born at the General. Sickening.",
            "Her leaflet came through our door and someone had already scrawled  across her "
            "face. She was born at the General. Sickening.",
        ),
        (
            "He got abuse within an hour. Someone replied 'hope you get AIDS you f*****'. "
            "What is wrong with people?",
            "He got abuse within an hour. Someone replied . What is wrong with people?",
        ),
        (
            "A man in the queue shouted ‘dirty foreigners’ at the cashier. That's vile.",
            "A man in the queue shouted  at the cashier. That's vile.",
        ),
    ],
)
def test_a_condemned_quotation_in_single_marks_is_cut(text: str, rest: str) -> None:
    assert without_condemned_quotes(text) == rest


@pytest.mark.parametrize(
    "text",
    [
        'My uncle says "immigrants are parasites" and he is right.',  # agreed with
        'Call me racist, but "Muslims are terrorists" is just the truth.',
        'Another "Swedish" man in court for knife crime. Shameful.',  # scare quotes
        'The so-called "refugees" are at it again. Disgraceful.',
        'Oh sure, "refugees welcome". Shameful, lol.',  # sarcasm
        'You wrote "send them all back". Shameful, and you know it.',  # at the reader
        '"Immigrants are parasites and should be shamed out of the country."',  # all quote
        'Refugees are "fleeing war", they say. Shameful lies.',  # no reporting word
        'He wrote "deport them" and nothing happened.',  # nothing condemns it
        'A man said "a Muslim family is moving in next door". Shameful.',  # no contempt quoted
        # the review's smuggled hate (src/threadguard/scoring/quoted_speech.py)
        'It\'s not hate speech to say "Muslims are savages who breed like rats". It is hatred.',
        'Bigotry my foot. "Women are too stupid to vote" is what he said. Shameful.',
        'The real shame is the migrants. As the sign said, "send the rapists back". Shameful.',
        'The word I use is "Jews are greedy vermin". Think about that.',
        'Our banner said "Gays are sick perverts". That is bigotry? Good.',
        'The sign "No Muslims allowed" was taken down. Shameful, the owner had every right.',
        '"Migrants are rats," the leaflet said. So true. Shameful that it was banned.',
        # the second review's: approval after the condemnation, a group's mouth, a newline
        'He called them "stinking dirty rats" in the paper. Shameful. Respect to him.',
        'The sign read "No dogs, no blacks, no Irish". Shameful. Bring it back.',
        'A lad shouted "dirty stinking gypsies" at the market. Shameful. Nothing wrong with that.',
        'Muslims chant "death to the infidels" at every march. That is hatred.',
        'Our estate is ruined.\nMy uncle said "they are filthy parasites". Apparently, that is racism.',
        'Protesters chanted "refugees welcome". Shameful. They are parasites.',
        # single marks: an apostrophe is no quotation, nor a quotation the comment owns,
        # puts in a group's mouth, agrees with or denies is hate; a civil one condemned
        "They're parasites, that's the truth of it, and the Smiths' lad says it. Sickening.",
        "Someone wrote 'refugees welcome' on the bus shelter. Disgusting.",
        "Muslims replied 'infidels go home'. What is wrong with people?",
        "My neighbour said 'send the scum home' and he's right. Vile lot.",
        "It's not racism to say 'go back home'. Disgusting that anyone thinks so.",
        "I wrote 'go back to your own country' on his post. Sickening, I know.",
        "Someone shouted 'go home, bin head' at her in the shop.",
        # a review of the single-quoted form: affirmed, mocked, the punishment condemned,
        # blame or approval in a phrase
        "They called him a 'dirty immigrant'. Oh how terrible, someone said the truth. Sickening.",
        "They called him a 'dirty immigrant'. He is. Vile.",
        "A man called the lot at the hotel 'parasites'. They are. Disgusting.",
        "Someone called him a 'filthy gypsy'. Oh dear, how sad, never mind. Shameful.",
        "A lad called the hotel lot 'parasites' and was sacked for it. Appalling.",
        "She got called a 'dirty foreigner' in the queue. Had it coming. Vile.",
        "Someone told him to 'go home, you filthy foreigner' and got arrested. What's wrong with people?",
    ],
)
def test_a_quotation_not_condemned_is_read_as_written(text: str) -> None:
    assert without_condemned_quotes(text) is None


def test_counter_speech_quoting_hate_is_published(
    read_twice: ReadTwice, moderator: Moderator
) -> None:
    # Held as written (the quoted words read as the writer's), published read again.
    text = (
        'A man on the bus kept shouting "Muslims are terrorists" at a woman. That should '
        "shame all of us."
    )
    once, twice = read_twice(text)
    assert moderator.decide(once, text).action is Verdict.HOLD
    assert moderator.decide(twice, text).action is Verdict.APPROVE
    # The reading lowers only what the quotation carried. (The words around a quotation
    # stay the model's to read: "The man outside the mosque kept shouting "..." and nobody
    # stopped him. That should shame all of us." is still held, toxicity 0.46 without the
    # quotation with deep@43, 0.38 with deep@34, a close call at the 0.40 hold.)
    text = (
        'The man outside the mosque kept shouting "Muslims are terrorists" and nobody '
        "stopped him. That should shame all of us."
    )
    once, twice = read_twice(text)
    assert twice.scores["toxicity"] < once.scores["toxicity"]
    for attribute in ("threat", "profanity", "sexually_explicit"):
        assert twice.scores[attribute] == once.scores[attribute]
