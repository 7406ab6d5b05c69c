"""An insulting word aimed at a thing is no insult."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scoring_support import ReadTwice

from threadguard.moderation import Moderator
from threadguard.schema import Verdict
from threadguard.scoring import insulted_things
from threadguard.scoring.insulted_things import without_insults_at_things
from threadguard.scoring.person_words import is_person_word


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("Stupid printer jammed again.", "printer jammed again."),
        ("This idiotic policy will cost us billions.", "This policy will cost us billions."),
        ("What a pathetic budget.", "What a budget."),
        ("I hate these stupid new roadworks.", "I hate these new roadworks."),
        ("My bloody car won't start.", "My car won't start."),
        ("Sorry, stupid auto correct.", "Sorry, auto correct."),
        ("Ugh, damn spell checker.", "Ugh, spell checker."),
        ("That fucking stupid ticket machine ate my card.", "That ticket machine ate my card."),
        ("This stupid parking app charged me twice.", "This parking app charged me twice."),
        # swearing as an adjective, after an intensifier (a news desk, session 43)
        ("Ask any officer. Absolute shite kit.", "Ask any officer. Absolute kit."),
        ("This crap phone keeps dying.", "This phone keeps dying."),
    ],
)
def test_the_insulting_words_before_a_thing_are_cut(text: str, rest: str) -> None:
    assert without_insults_at_things(text) == rest


@pytest.mark.parametrize(
    "text",
    [
        "That stupid mayor again.",  # a person
        "What a pathetic bunch of commenters.",
        "Your stupid idea will never work.",  # aimed at the reader
        "The plan is stupid and so are you.",  # the sentence turns to the reader
        "Stupid people everywhere.",
        "This stupid Trudeau plan.",  # a name between: about a person
        "The printer jammed again.",
        "You are a shit referee.",
        "Absolute shite, the lot of them.",
        "What a shit manager.",
        # a review of session 43's swearing adjectives: the thing said of someone
        "What a shit show you are, mate. Embarrassing.",
        "Crap helmet, you. Go back to school.",
        "Utter shite uniforms round here, couldn't catch a cold, bent the lot of them.",
        "The uniforms are shite, thick as mince and twice as bent.",
        "absolute shite bill, sack him now and don't let him near a mic again.",
        "The crap equipment lads at the club are thick as two short planks.",
        "What a naff helmet he is, the prat.",
    ],
)
def test_not_an_insult_at_a_thing(text: str) -> None:
    assert without_insults_at_things(text) is None


@pytest.mark.parametrize(
    "text",
    # "This stupid parking app charged me twice." is published as written since fast@4
    # (insult 0.268, just under the hold of 0.27): the reading is shown on a harsher word
    [
        "This idiotic parking app charged me twice.",
        "The minister's housing plan is idiotic.",
        "Shame they can't sort the helmets that fog up in the rain first. Absolute shite kit.",
    ],
)
def test_a_complaint_about_a_thing_is_published(
    text: str, read_twice: ReadTwice, moderator: Moderator
) -> None:
    once, twice = read_twice(text)
    assert moderator.decide(once, text).action is Verdict.HOLD  # insult, read as written
    assert moderator.decide(twice, text).action is Verdict.APPROVE
    assert twice.scores["insult"] < once.scores["insult"]


def test_swearing_and_insults_at_people_are_still_read(
    read_twice: ReadTwice, moderator: Moderator
) -> None:
    text = "This stupid fucking printer, and you are a useless idiot for buying it."
    once, twice = read_twice(text)
    assert twice.scores["profanity"] == pytest.approx(once.scores["profanity"], abs=1e-6)
    assert twice.scores["insult"] > 0.5
    assert moderator.decide(twice, text).action is not Verdict.APPROVE


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        # a judgement after a thing's name
        ("The minister's plan is idiotic.", "The minister's plan is ."),
        ("The new parking rules are just plain stupid!", "The new parking rules are !"),
        (
            "I think the carbon tax rebate scheme is a joke.",
            "I think the carbon tax rebate scheme is .",
        ),
        ("Nice try, but the budget was a complete mess.", "Nice try, but the budget was ."),
        ("This op-ed is brain-dead drivel.", "This op-ed is ."),
        ("The wifi on this train is pathetic.", "The wifi on this train is ."),
        # "this", "that", "it" standing alone
        ("That would be really really stupid.", "That would be ."),
        ("This is utter nonsense, as usual.", "This is , as usual."),
        ("Honestly, it's absurd.", "Honestly, it's ."),
        # superlatives before a thing's name
        ("This is the dumbest policy I have ever seen.", "This is the policy I have ever seen."),
        ("The most idiotic plan yet.", "The plan yet."),
        # a sentence that only dismisses
        ("Complete nonsense.", "."),
        ("What a load of rubbish! Crime is down.", "! Crime is down."),
        ("Utter garbage reporting.", "."),
        ("Ridiculous. Nobody believes this.", ". Nobody believes this."),
    ],
)
def test_judgements_after_a_thing_and_dismissals_are_cut(text: str, rest: str) -> None:
    assert without_insults_at_things(text) == rest


@pytest.mark.parametrize(
    "text",
    [
        "The minister is an idiot.",  # a person
        "The bus driver is stupid.",  # a thing's name, then a word for a person
        "The new voters are idiots.",
        "The council is stupid.",  # a group of people is no thing
        "Your argument is idiotic.",  # the reader's thing
        "Anyone who supports this plan is brain-dead.",  # not where a clause starts
        "The editor of this article is brain-dead.",
        "You and the plan are stupid.",
        "He is a man that is stupid.",
        "The plan is stupid, just like its author.",  # the sentence turns to someone
        "That's stupid, you moron.",
        "Pathetic.",  # may answer a person
        "Stupid.",
        "Typical liberal nonsense.",  # a word between: about people
    ],
)
def test_judgements_of_people_are_read_as_written(text: str) -> None:
    assert without_insults_at_things(text) is None


def test_the_same_words_at_the_minister_are_held(
    read_twice: ReadTwice, moderator: Moderator
) -> None:
    text = "The housing minister is idiotic."
    once, twice = read_twice(text)
    assert twice.scores == once.scores
    assert moderator.decide(twice, text).action is Verdict.HOLD


@pytest.mark.parametrize("word", insulted_things.INSULTING_WORDS)
def test_every_insulting_word_is_cut_before_a_thing(word: str) -> None:
    """The search is skipped in comments without one of the module's words: each listed
    word must still get through (written in capitals, as comments shout them)."""
    assert without_insults_at_things(f"This {word.upper()} budget.") == "This budget."


@pytest.mark.parametrize(
    "word",
    [
        *insulted_things.JUDGING_WORDS,
        *insulted_things.DISMISSIVE_WORDS,
        *(f"a {noun}" for noun in insulted_things.CONTEMPT_NOUNS),
    ],
)
def test_every_judgement_is_cut_after_a_thing(word: str) -> None:
    assert without_insults_at_things(f"The budget is {word}.") == "The budget is ."


@pytest.mark.parametrize(
    "word",
    [
        *(
            w
            for w in insulted_things.DISMISSIVE_WORDS
            if w not in insulted_things.SAID_OF_PEOPLE_TOO
        ),
        *insulted_things.DISMISSIVE_ADJECTIVES,
    ],
)
def test_every_dismissal_alone_is_cut(word: str) -> None:
    assert (
        without_insults_at_things(f"{word.capitalize()}. Read the report.") == ". Read the report."
    )


@pytest.mark.parametrize(
    "text",
    [
        # a person further on in the noun phrase, or joined to it
        "LOL at all the low-info that voted for this stupid game show host.",
        "those stupid tax and spend Liberals",
        "Those stupid road construction workers blocked my lane again.",
        "these stupid show hosts",
        "the idiotic decision-makers at city hall",
        "This column's idiotic author should stick to sports.",
        "the idiotic article\N{ACUTE ACCENT}s author",
        "this stupid bus (driver)",
        "this stupid bus dri\u200bver",  # a character the models never see
        # stock phrases and names
        "What a pathetic excuse for a journalist.",
        "Bill is stupid.",
        "The Bills are pathetic.",
        # a possessive read as "is", a person after the judgement
        "The show's stupid host should be fired.",
        "It's stupid people like Ford who ruin everything.",
        "That was plain stupid of the North Korean Prez.",
        "It's pathetic how Trudeau grovels.",
        # people before the thing's name
        "Ford and his plan are idiotic.",
        "The lady in the ad is stupid.",
        "Trudeau in that interview was pathetic.",
        "Liberals backing this plan are stupid.",
        "Anyone who would say that is stupid.",
        "People who believe that are crazy.",
        # the sentence, or the next one, turns to someone
        "Ford's plan is idiotic, just like Ford.",
        "The plan is stupid and Ford is too.",
        "The plan is idiotic. So is the premier.",
        "The plan is stupid, just like y'all.",
        "It's pathetic, these people.",
        "You still believe him? That is pathetic.",
        # dismissals that may name a person
        "Paresse K. Lai doesn't belong on this island.  Such trash!",
        "Trudeau? Garbage.",
        "Typical trash.",
        # people named as a thing
        "The useless public service",
        "those stupid phone humans",
    ],
)
def test_judgements_that_reach_a_person_are_read_as_written(text: str) -> None:
    """Found by a review of the judgements after a thing: each of these lowered an insult
    at a person and published it."""
    assert without_insults_at_things(text) is None


@pytest.mark.parametrize(
    ("word", "person"),
    [
        ("host", True),
        ("hosts", True),
        ("activists", True),
        ("salesman", True),
        ("Liberals", True),
        ("decision-makers", True),
        ("policy", False),
        ("water", False),
        ("paper", False),
        ("never", False),
    ],
)
def test_words_for_people(word: str, person: bool) -> None:
    assert is_person_word(word) is person


_PEOPLE = st.sampled_from(
    ["host", "hosts", "driver", "activists", "Liberals", "fans", "salesman", "Ford", "ref"]
)
_THINGS = st.sampled_from(["plan", "budget", "policy", "article", "bus", "show", "tax"])
_JUDGEMENTS = st.sampled_from(["stupid", "idiotic", "pathetic", "a joke", "utter nonsense"])
_INSULTS = st.sampled_from(["stupid", "idiotic", "pathetic", "useless", "bloody"])


@settings(max_examples=200, deadline=None)
@given(thing=_THINGS, person=_PEOPLE, insult=_INSULTS, judgement=_JUDGEMENTS)
def test_no_cut_reaches_a_person_however_the_phrase_is_built(
    thing: str, person: str, insult: str, judgement: str
) -> None:
    """A word for a person right after a thing's name, the person before it, or the person
    named as its like: never cut, whichever words fill the frames."""
    for text in (
        f"This {insult} {thing} {person} again.",
        f"The {thing} {person} is {judgement}.",
        f"{person.capitalize()} and the {thing} are {judgement}.",
        f"The {thing} is {judgement}, just like {person}.",
        f"The {thing}'s {insult} {person} should go.",
    ):
        assert without_insults_at_things(text) is None, text


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        # session 44's news desks: contempt for what someone said, calling out a bigot
        ("Disgusting comment.", "comment."),
        ("Pathetic excuses from a pathetic campaign.", "excuses from a campaign."),
        ("What a vile comment. Reported.", "What a comment. Reported."),
    ],
)
def test_contempt_for_a_comment_or_a_campaign_is_cut(text: str, rest: str) -> None:
    assert without_insults_at_things(text) == rest


@pytest.mark.parametrize(
    "text",
    [
        "Vile post, vile man.",  # the same contempt said of a person too
        "Disgusting comment from a disgusting person.",
        "Your disgusting comment says more about you.",  # the reader's
        "You are a disgusting excuse for a human being.",
        # a review: the same words before a word the person list does not hold
        "Disgusting post. The author is a disgusting nonce.",
        "Revolting manifesto from revolting vermin.",
        "Vile tweet. She's a vile creature.",
        "Vile post from a vile, fat slob.",
        # an insult before a word for what someone said insults whoever said it
        "What a stupid comment.",
        "Pathetic post, as usual.",
    ],
)
def test_contempt_that_reaches_a_person_is_read_as_written(text: str) -> None:
    assert without_insults_at_things(text) is None
