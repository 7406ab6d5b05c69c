"""A plea to leave someone alone, praise put as an order, a wish that someone is well,
pity and a rebuke to a reader are no abuse: the comment is read again without them,
toxicity, severe toxicity, insult and identity attack keep the lower reading; a comment
with a word of abuse anywhere is read as written."""

from __future__ import annotations

import pytest
from scoring_support import ReadTwice

from threadguard.engine import CommentInput, Engine
from threadguard.moderation import Moderator
from threadguard.schema import Verdict
from threadguard.scoring.kind_words import tells_of_harm, without_kind_words


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        # session 44's news desks: readers defending a victim, held at toxicity 0.76-0.94
        ("Leave her alone.", "."),
        ("Can everyone just leave her alone.", "."),
        (
            "Leave the poor woman alone, she's been through enough. Mods please remove this.",
            ", she's been through enough. Mods please remove this.",
        ),
        (
            "Why on earth would you post that? Leave her family out of it.",
            "Why on earth would you post that? .",
        ),
        ("For god's sake, leave the lad alone!", "!"),
        ("Leave Tomek alone, he saved a kid.", ", he saved a kid."),
        ("Leave them alone - they did nothing wrong", " - they did nothing wrong"),
        # praise put as an order
        ("What a hero. Give the man a medal.", "What a hero. ."),
        ("Give her a knighthood. Damehood.", ". Damehood."),
        ("Buy the lad a pint.", "."),
        ("Give that man a pay rise!", "!"),
        # wishes of well-being and pity
        (
            "CPR on a toddler while soaking wet. That takes guts. Hope the little lad is ok.",
            "CPR on a toddler while soaking wet. That takes guts. .",
        ),
        ("Poor lad, hope he's ok.", ", ."),
        ("That poor woman.", "."),
        ("Really hoping she's back on her feet soon.", "."),
        ("I hope she is ok, the poor thing.", ", ."),
        # a twenty-eighth news desk's (session 44)
        (
            "Hope the little one's okay. Being lifted out of your cot at 3am must be terrifying.",
            ". Being lifted out of your cot at 3am must be terrifying.",
        ),
        ("Hope your family are safe.", "."),
        # a thirtieth news desk's (session 45): a hope that someone makes it
        ("Fair play to the eldest. Hope she makes it.", "Fair play to the eldest. ."),
        ("Hope he pulls through, poor lad.", ", ."),
        # a thirty-third's: indifference to a mayor's faith
        (
            "Doesn't matter what religion he is. Question is will he sort the bins.",
            ". Question is will he sort the bins.",
        ),
        ("Who cares what colour she is? She's a brilliant nurse.", "? She's a brilliant nurse."),
        (
            "Honestly who gives a toss what religion the mayor is. Nan's just glad he came.",
            ". Nan's just glad he came.",
        ),
    ],
)
def test_pleas_and_praise_are_cut(text: str, rest: str) -> None:
    assert without_kind_words(text) == rest


@pytest.mark.parametrize(
    "text",
    [
        "Leave her alone or else.",  # the sentence goes on: a condition, not a plea
        "Leave him alone and go after his dad instead.",
        "Give him a medal for being the thickest man alive.",
        "They should leave her alone if they know what's good for them.",  # not an order
        "Leave our women alone.",  # a group, not a person
        "Leave Muslims alone.",
        "Leave the Muslims alone, they have done nothing.",
        "Leave the country.",
        "Lock her up.",
        "Leave\u200b her alone.",  # a character the models never see
        # a word of abuse anywhere else: the comment is read as written (a review)
        "Leave her alone, you vile troll.",
        "Leave her alone, the thick cow isn't worth it.",
        "Leave her family out of it. He's the one who deserves a good kicking.",
        "Leave the poor woman alone. Go after her slag of a daughter instead.",
        "Buy the lad a pint. His opponent is a fat useless waste of space.",
        # asked and refused
        "Leave him alone? No chance.",
        "Poor sods? They're orcs.",
        # a wish of something else, or pity for a group
        "Hope he gets what he deserves.",
        "Poor Muslims.",
        "Hope the lad is ok. Shame about his idiot dad.",
        # a second review's: the sentence goes on after a comma, or the wish is taken back
        "Buy the lad a pint, then buy him a brain.",
        "Really hoping he's ok, so I can finish the job myself.",
        "Poor lad, hope he's ok. Pity the knife missed.",
        "Hope she's ok... not.",
        "Hope she makes it home tonight. Be a shame if she didn't, you slag.",
        "Hope he makes it to the final so someone can finally kick him.",
        # indifference beside a charge, or going on after a comma
        "Doesn't matter what religion he is. They're all the same.",
        "Doesn't matter what religion he is, he'll still be a terrorist.",
        "It doesn't matter what religion they follow, deport the lot.",
        "Doesn't matter what colour she is. Typical of the council.",
    ],
)
def test_other_orders_are_read_as_written(text: str) -> None:
    assert without_kind_words(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Leave her alone.",
        "Can everyone just leave her alone.",
        "Leave the poor woman alone, she's been through enough. Mods please remove this.",
        "What a hero. Give the man a medal.",
        "That poor woman.",
    ],
)
def test_a_plea_or_praise_is_published(
    text: str, read_twice: ReadTwice, moderator: Moderator
) -> None:
    once, twice = read_twice(text)
    assert moderator.decide(once, text).action is Verdict.HOLD  # as the models read it
    assert moderator.decide(twice, text).action is Verdict.APPROVE
    assert twice.scores["toxicity"] < once.scores["toxicity"]
    assert twice.scores["threat"] == pytest.approx(once.scores["threat"], abs=1e-6)


def test_an_insult_beside_a_plea_is_still_held(read_twice: ReadTwice, moderator: Moderator) -> None:
    text = "Leave her alone, you pathetic little troll."
    _, twice = read_twice(text)
    assert moderator.decide(twice, text).action is Verdict.HOLD


def test_a_long_comment_of_pleas_is_cut_in_linear_time() -> None:
    text = "Please leave her alone. Give the man a medal. " * 3000
    rest = without_kind_words(text)
    assert rest is not None and "alone" not in rest and "medal" not in rest


def test_praise_under_a_report_of_an_attack_is_read_as_written(
    engine: Engine, moderator: Moderator
) -> None:
    # a second review's: praise for whoever the parent reports attacking a mosque
    parent = "Man jailed for throwing pig's head at mosque."
    (alone,) = engine.analyze([CommentInput("Give the man a medal.")], spans=False)
    (reply,) = engine.analyze([CommentInput("Give the man a medal.", parent=parent)], spans=False)
    assert tells_of_harm(parent) and not tells_of_harm("Builder pulls boy from canal.")
    assert reply.scores["toxicity"] > alone.scores["toxicity"]
    outcome = moderator.decide(reply, "Give the man a medal.", context=parent)
    assert outcome.action is Verdict.HOLD


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        # session 47's news desks: warm replies held on the deep tier's reading of them
        ("Get well soon Ron x", ""),
        ("See you Sunday Rav 🙏", ""),
        ("🎯🎯🎯 go Lisa", ""),
        ("Good luck to the lads!", "!"),
        ("Congratulations Azad!", "!"),
        ("Happy birthday, Nan.", "."),
        ("Go on Katie!! Bring it home 🥊", "!! Bring it home 🥊"),  # a blind review's
        ("Well done Jeremy, another bin strike.", ", another bin strike."),
    ],
)
def test_greetings_and_cheers_are_cut(text: str, rest: str) -> None:
    assert without_kind_words(text) == rest


@pytest.mark.parametrize(
    "text",
    [
        "Good luck with that, Ahmed.",  # the sentence goes on: sarcasm is read
        "Go back home Lisa.",
        "Go Lisa, and take your mates with you.",
        "See you in hell Rav.",
        "Congrats to the idiots who voted for this.",
        "Happy Birthday Bitch!! You not a teenager no more.",  # abuse in the greeting
        # a blind review's: a greeting beside a sentence of its own is read as written
        "Go Lisa! Go back to the kitchen where you belong",
        "Get well soon Ron x... said nobody ever. Hope the cancer wins",
        # a code review's: three words left, but they send someone away
        "Well done Rav, now go home.",
        "Go on Rav, go back home.",
    ],
)
def test_look_alike_greetings_are_read_as_written(text: str) -> None:
    assert without_kind_words(text) is None


def test_a_greeting_under_a_thread_that_names_a_group_is_published(
    engine: Engine, read_once: Engine, moderator: Moderator
) -> None:
    parent = "Sikh, born and bred in this town, third generation."
    for text in ("See you Sunday Rav 🙏", "Get well soon Ron x"):
        (once,) = read_once.analyze([CommentInput(text, parent=parent)], spans=False)
        (reply,) = engine.analyze([CommentInput(text, parent=parent)], spans=False)
        assert moderator.decide(once, text, context=parent).action is Verdict.HOLD
        assert moderator.decide(reply, text, context=parent).action is Verdict.APPROVE


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        # session 50's news desks: readers who stood up to a harasser, held at 0.48-0.86
        (
            "Kev, she's a professional doing her job. Maybe keep that to yourself.",
            "Kev, she's a professional doing her job. .",
        ),
        (
            "She's a young woman who just sat her exams. Have a word with yourself.",
            "She's a young woman who just sat her exams. .",
        ),
        ("Grow up. Seriously.", ". Seriously."),
        (
            "She's been here eleven years and works nights in a nursing home. Give it a rest.",
            "She's been here eleven years and works nights in a nursing home. .",
        ),
        ("Pack it in, Dave. Nobody wants to hear it.", ", Dave. Nobody wants to hear it."),
        (
            "Would you ever cop on to yourself. She's a mother of two trying to run a business.",
            ". She's a mother of two trying to run a business.",
        ),
    ],
)
def test_a_rebuke_to_a_reader_is_cut(text: str, rest: str) -> None:
    assert without_kind_words(text) == rest


@pytest.mark.parametrize(
    "text",
    [
        "Grow up, you thick cow.",
        "Have a word with yourself, you pathetic little man.",
        "Grow up and go back where you came from.",  # the rebuke goes on: read whole
        "Give it a rest or someone will give you a kicking.",
        "Do better? Why should I.",
        # a blind review's (session 50): published by the first version
        "Give it a rest, love. Send me some pics and I'll show you what a real man is.",
        "Grow up. Trannies are freaks and always will be.",
        "Shame on you. Just kill yourself.",
        # a code review's (session 50): the rest attacks women, looks or a group
        "Grow up. Women like you belong in the kitchen, not in a newsroom.",
        "Cop on. Women like you should keep your mouths shut.",
        "Pack it in. Nobody wants to look at a fat woman on the telly.",
        "Grow up. She was asking for it dressed like that.",
        "Have a word with yourself. Girls like you belong barefoot and pregnant.",
        "Wind your neck in. Immigrants are all rapists and thieves.",
    ],
)
def test_a_rebuke_with_abuse_or_going_on_is_read_as_written(text: str) -> None:
    assert without_kind_words(text) is None


def test_a_rebuke_to_a_harasser_is_published(read_twice: ReadTwice, moderator: Moderator) -> None:
    text = "She's a young woman who just sat her exams. Have a word with yourself."
    once, twice = read_twice(text)
    assert moderator.decide(once, text).action is Verdict.HOLD  # as the models read it
    assert moderator.decide(twice, text).action is Verdict.APPROVE
