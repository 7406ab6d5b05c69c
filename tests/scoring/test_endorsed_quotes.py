"""A quotation the comment agrees with is read as the writer's own words
(:mod:`threadguard.scoring.endorsed_quotes`), and only then."""

from __future__ import annotations

from dataclasses import replace

import pytest
from scoring_support import ReadTwice

from threadguard.engine import CascadeSettings, CommentInput, Engine
from threadguard.moderation import Moderator
from threadguard.schema import Verdict
from threadguard.scoring.endorsed_quotes import endorsed_quotation

HATE = "Somalis are rats who breed in the sewers"


@pytest.mark.parametrize(
    "text",
    [
        f"The leaflet through my door said '{HATE}' and the leaflet was right.",
        f'My late uncle, who drove a bus in this city for thirty years, always said "{HATE}". '
        "He called it.",
        f"Someone at the pub said '{HATE}'. Couldn't agree more.",
        f"'{HATE}' - spot on, the bloke was right.",
        f"A councillor said '{HATE}' years ago. Time has proved him right.",
    ],
)
def test_an_agreed_quotation_is_read_alone(text: str) -> None:
    assert endorsed_quotation(text) == HATE


@pytest.mark.parametrize(
    "text",
    [
        # condemned, reported or refuted: the quotation stays someone else's
        f"The leaflet through my door said '{HATE}'. Racist filth, and I reported it.",
        f"A man shouted '{HATE}' at a mother on the bus. She was right to call the police.",
        f"The leaflet said '{HATE}'. Was he right? Of course not.",
        f"The leaflet said '{HATE}' and he was not right, whatever his fans say.",
        f"Sure, '{HATE}', he was right, totally.",
        f"The judge was right: '{HATE}' is a hate crime, not an opinion.",
        # the agreement is with someone else in the story, or with the article
        f"A man on the train told a mother '{HATE}', and a student stood up and told him to "
        "get off. She was right, and people clapped.",
        f"The chant '{HATE}' started in the away end. The referee walked the players off. "
        "He was right.",
        f"Great piece. A cabbie was told '{HATE}' by a passenger, and the writer is spot on "
        "about how nobody helps.",
        # agreement on one thing, a quotation rejected in the same breath
        f"On the budget she was right, but '{HATE}' is no way for a minister to talk.",
        # reported to the police, a court, a newspaper: a report, whatever else it says
        f"Police say a man shouted '{HATE}' at a family on Saturday. He has been charged.",
        # a quotation about no group: an insult at one person, read as written
        "My wife calls me 'a useless lump of lard' on match days. She's right, in fairness.",
        # doubted or asked
        f"Nobody here thinks he was right when he said '{HATE}'.",
        f"'{HATE}', he said. He was right, wasn't he?",
        # agreement with the sentence between, taken back after it, doubted before the quote
        f"An MP said '{HATE}' in 1998. His party threw him out. They were right.",
        f"'{HATE}' - he's right, if your only news is his own Facebook page.",
        f"Nobody who says '{HATE}' is right about anything.",
        f"Half the callers said '{HATE}' and they were wrong. The host was right.",
        # "that's it", "that's right": a report confirmed, not a claim agreed with
        f"'{HATE}' - that's it, that was the whole leaflet.",
        f"Did a councillor really write '{HATE}'? That's right, in the parish newsletter.",
        # "right" of place or time, agreement with someone else, no quotation at all
        f"The graffiti '{HATE}' is right there on the bridge for every child to read.",
        "Agreed, the council should clean the bridge today.",
        "He was right about the budget, and they're right to say so.",
    ],
)
def test_no_agreement_no_second_reading(text: str) -> None:
    assert endorsed_quotation(text) is None


def test_an_elided_word_inside_a_quotation_does_not_split_it() -> None:
    text = "He said 'send 'em back, the Somalis, every one' and the bloke was right."
    assert endorsed_quotation(text) == "send 'em back, the Somalis, every one"


def test_apostrophes_are_not_quotation_marks() -> None:
    text = "They're right, the teachers' union's plan won't work and it's not the kids' fault."
    assert endorsed_quotation(text) is None


def test_an_agreed_hateful_quotation_is_held_and_its_condemnation_is_not(
    read_twice: ReadTwice,
) -> None:
    moderator = Moderator()
    agreed = "The placard at the march said 'Muslims are vermin' and the placard was right."
    once, twice = read_twice(agreed)
    assert twice.scores["identity_attack"] > once.scores["identity_attack"] + 0.3
    assert moderator.decide(twice, agreed).action != Verdict.APPROVE
    condemned = "The placard at the march said 'Muslims are vermin'. Vile, and I reported it."
    once, twice = read_twice(condemned)
    assert twice.scores == once.scores


def test_an_agreed_civil_quotation_stays_civil(read_twice: ReadTwice) -> None:
    # Read alone, a civil quotation is civil: keeping the higher reading holds nothing.
    text = "After the match the coach said 'we were unlucky today' and he was right."
    _, twice = read_twice(text)
    assert max(twice.scores[a] for a in ("toxicity", "identity_attack", "insult")) < 0.2
    assert Moderator().decide(twice, text).action == Verdict.APPROVE


def test_a_civil_quotation_agreed_with_is_not_held_for_a_group_noun(
    read_twice: ReadTwice,
) -> None:
    # Read alone, a short slogan naming a group can score over the policy's identity-attack
    # threshold; under ENDORSED_QUOTE_FLOOR its reading does not count.
    text = "The banner at the march said 'Trans women are women', and the banner was right."
    assert endorsed_quotation(text) == "Trans women are women"
    once, twice = read_twice(text)
    assert twice.scores == once.scores
    assert Moderator().decide(twice, text).action == Verdict.APPROVE


def test_one_reading_can_be_left_out_to_measure_it(engine: Engine) -> None:
    # bench/reading_effect.py compares the engine with and without one reading by name.
    text = "The placard at the march said 'Muslims are vermin' and the placard was right."
    off = engine.with_cascade(replace(engine.cascade, readings_off=frozenset({"endorsed quote"})))
    (with_it,) = engine.analyze([CommentInput(text)], spans=False)
    (without_it,) = off.analyze([CommentInput(text)], spans=False)
    assert with_it.scores["identity_attack"] > without_it.scores["identity_attack"] + 0.3
    with pytest.raises(ValueError, match="no second reading named"):
        CascadeSettings(readings_off=frozenset({"endorsed quotes"}))
