"""Sex named as a subject of news is not sexual content."""

from __future__ import annotations

import pytest
from scoring_support import ReadTwice

from threadguard.moderation import Moderator
from threadguard.schema import Verdict
from threadguard.scoring.sexual_topics import without_sexual_topics


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("Lack of comprehensive sex education.", "Lack of comprehensive education."),
        ("The bill would decriminalise sex work.", "The bill would decriminalise work."),
        ("Sex-based rights matter.", "based rights matter."),
        ("He was charged with sexual assault.", "He was charged with assault."),
        ("Chlamydia is a sexually transmitted infection.", "Chlamydia is a transmitted infection."),
        ("That comment was sexist.", "That comment was ."),
        ("Same-sex marriage is legal here.", "marriage is legal here."),
        ("Sex and gender are not the same.", " and gender are not the same."),
        ("The rape trial starts Monday.", "The trial starts Monday."),
        ("He was convicted of rape in 2019.", "He was convicted of  in 2019."),
        ("He was found guilty of attempted rape.", "He was found guilty of attempted ."),
        ("Statutory rape laws differ by state.", "Statutory laws differ by state."),
        # the crime counted (a fourth news desk: a rape-crisis volunteer's figures held)
        ("The conviction rate for rape is tiny.", "The conviction rate for  is tiny."),
        ("Only 1 in 60 rapes ends in a charge.", "Only 1 in 60  ends in a charge."),
        ("Reported rapes rose 10% last year.", "Reported  rose 10% last year."),
        # desk 87's two rejected comments on a picture-book story
        (
            "Why does everything have to be about sex now?",
            "Why does everything have to be about  now?",
        ),
        (
            "There's no sex in any of these books.",
            "There's no  in any of these books.",
        ),
        ("It has nothing to do with sex.", "It has nothing to do with ."),
        ("It's all about sex these days!", "It's all about  these days!"),
    ],
)
def test_the_words_that_name_a_subject_are_cut(text: str, rest: str) -> None:
    assert without_sexual_topics(text) == rest


@pytest.mark.parametrize(
    "text",
    [
        "I will rape you.",  # a verb, a threat: read as written
        "They had sex in the car park.",
        "Send me nudes.",
        "Sex with you would be a punishment.",
        "She was raped by her uncle.",
        "The housing bill passed.",  # nothing to do with sex
        # the review's come-ons and excuses (src/threadguard/scoring/sexual_topics.py)
        "Let me give you some sexual education tonight, baby.",
        "Wanna have sexual relations in the back seat?",
        "Wanna be sexually active with me tonight?",
        "A little date rape never hurt anyone.",
        "Spousal rape is a husband's right.",
        "She deserved to be a victim of rape for that outfit.",
        "Rape allegations are what women do when the sex was bad.",
        "She's asking to be sexually harassed with that skirt.",
        "Sex tourism is great, the girls in Manila are so young.",
        "She only got promoted because of sex.",
        "Ask the new intern about her sex work rates.",
        "I'm going to date rape you tonight.",
        "Let's try some other sex toys on you.",
        "The conviction rate for rape is low because she enjoyed it.",
        "Rapes are rising and they deserved it for dressing like that.",
        "All I think about is sex with her.",
        "He only talks about sex with the new girls at work.",
        "I read a book about sex positions.",
        "Talk about sex, you and me, tonight.",
        # a review's, against a looser first version of the desk 87 patterns
        "The best part was sex in the shower with her.",
        "Any sex in the back of the car is hot when she gets on top.",
        "The new girl only cares about sex, I bet she swallows.",
        "Kids should learn about sex from an older friend in private, keep it a secret.",
        "Girls her age think about sex constantly, that's why I message them at night.",
        "No sex in the house for a month, so she'll be gagging for it.",
        "The teacher wanted to do with sex what she'd read, so she got the boy to undress.",
        "It's all about sex with her, every night on the kitchen table.",
        "I'm thinking about cocky sex all night, spreading her legs.",
    ],
)
def test_sex_described_or_wished_is_read_as_written(text: str) -> None:
    assert without_sexual_topics(text) is None


NEWS_ON_SEX = (
    "Lack of comprehensive sex education.",
    "The bill would decriminalise sex work.",
    "Sex education should start earlier in our schools.",
)


@pytest.mark.parametrize("text", NEWS_ON_SEX)
def test_a_comment_on_sex_in_the_news_is_published(
    read_twice: ReadTwice, text: str, moderator: Moderator
) -> None:
    once, twice = read_twice(text)
    assert moderator.decide(twice, text).action is Verdict.APPROVE
    assert twice.scores["sexually_explicit"] <= once.scores["sexually_explicit"]


def test_the_second_reading_is_what_publishes_them(
    read_twice: ReadTwice, moderator: Moderator
) -> None:
    """As written, the shipped models still hold some of them (deep@33 learned to publish
    the third on its own): the reading is what publishes those, lowering sexual content."""
    held = [
        t
        for t in NEWS_ON_SEX
        if moderator.decide(read_twice(t)[0], t).action is not Verdict.APPROVE
    ]
    assert held
    for text in held:
        once, twice = read_twice(text)
        assert twice.scores["sexually_explicit"] < once.scores["sexually_explicit"]


def test_only_sexual_content_moves(
    read_twice: ReadTwice,
) -> None:
    """The threat, the insult and the toxicity are the comment's own; explicit words
    left in the second reading keep it explicit."""
    text = "Sex offenders like you should be shot. Suck my dick, you sexist pig."
    once, twice = read_twice(text)
    for attribute in ("toxicity", "insult", "threat", "identity_attack", "profanity"):
        assert twice.scores[attribute] == once.scores[attribute]
    assert twice.scores["sexually_explicit"] >= 0.6


@pytest.mark.parametrize(
    "text",
    [
        "Why does everything have to be about sex now?",
        "There's no sex in any of these books. There's a boy who wants to dress like a "
        "mermaid and his grandma thinks that's lovely.",
    ],
)
def test_sex_as_what_a_book_is_about_is_not_sexual_content(
    read_twice: ReadTwice, text: str, moderator: Moderator
) -> None:
    """Desk 87 (a school board's picture books): a reader's question and a librarian's
    answer, both rejected as sexual content (0.95) in their thread. Toxicity is the comment's own (the
    question may still wait for a moderator on it), but nothing rejects them."""
    once, twice = read_twice(text)
    assert once.scores["sexually_explicit"] > 0.8
    assert twice.scores["sexually_explicit"] < 0.5
    decided = moderator.decide(twice, text)
    assert decided.action is not Verdict.REJECT
    assert not any("sexually_explicit" in reason for reason in decided.decision.reasons)


def test_a_lookalike_and_a_topic_are_cut_in_one_reading() -> None:
    from threadguard.scoring.second_readings import without_sexual_misreadings

    assert (
        without_sexual_misreadings("Cockroaches in the sex education block again.")
        == " in the education block again."
    )
    # topics found in the text as written: a cut lookalike makes no topic meet
    assert (
        without_sexual_misreadings("I'm thinking about cocky sex all night.")
        == "I'm thinking about  sex all night."
    )
    assert without_sexual_misreadings("The housing bill passed.") is None
