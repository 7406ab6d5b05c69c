"""A slur reported as abuse someone hurled is named, not held for, by the coded-hate lists
(the models still decide); the same slur used, boasted of, wished for or approved is held.
The civil sentences include the two a tenth news desk found held; the abusive ones the
shapes a reviewer wrote to break the first version of the rule."""

from __future__ import annotations

import pytest
from list_support import CALM, DEFAULT

from threadguard.moderation.coded_hate import match_coded
from threadguard.moderation.hurled_slurs import hurled_and_reported
from threadguard.schema import Verdict
from threadguard.scoring.quotations import quotation_spans

REPORTED = [
    # the desk's two
    "Someone yelled 'go back to your camel, towelhead' at my dad in the Co-op parking lot "
    "last week. He's lived here 31 years.",
    "Growing up in Perth I heard 'dirty pikey' shouted at the Traveller kids in my class "
    "every single day. I'm ashamed I never said anything. Good on the council.",
    # passive, victim telling
    "I was called a 'paki' every day at school and nobody did a thing.",
    "My dad was called a paki at work for twenty years.",
    # plural slur ending the quotation
    "A group of lads shouted 'go home, pakis' at the family.",
    "Someone shouted ‘ragheads’ at the congregation as they left.",
    # abuse received in writing, a colon introducing it (desk 60, session 49)
    'For the record, the abuse I got after posting in support on the community page: "go '
    "back to the desert you raghead\" (I'm from Leicester). Reported to the police.",
    "The message my son was sent: 'go home, raghead'. Police have it.",
    # news style, the verb after the quotation
    "'Dirty pikey,' he yelled, before throwing a bottle.",
    "“Towelhead!” someone yelled from a passing car.",
    # habits, written abuse, chants
    "Someone kept shouting 'wetback' at the workers all afternoon.",
    "Somebody wrote 'muzzies out' on the bus shelter.",
    "He was subjected to chants of 'jungle bunny' from the away end.",
    # the victim remembering, bare slur with the victim after it
    "I still remember the boy who shouted 'ching chong' at me in year seven.",
    "Growing up in Leicester, kids shouted towelhead at me every day.",
    "Some idiot yelled 'pikey' at my cousin, then drove off laughing.",
    # said to the one who tells it (an eleventh desk's: "said on the phone" was held)
    "The broker said on the phone 'owner doesn't want katuas, madam' and hung up.",
    "I've had 'no pakis' said to my face by a landlord.",
    # the writer there, someone else shouting (a reviewer's reports, held at first)
    "I was on the train when a man hissed 'filthy paki' at a woman in a hijab.",
    "At the match someone behind us kept yelling 'kike' at the away fans.",
    "A man on the 38 bus kept calling my sister a raghead.",
    # "was right" only as a verdict: here a place, a judgement of someone's act
    "A man shouted 'pikey' at my cousin outside the pub. Her dad was right there.",
    "A man yelled 'paki' at my sister in Tesco. She was right to report it.",
    # news desk 49 (session 47): the passive's second verb, a slur said as a habit
    "In your day people like me were locked away in institutions and called 'spastics' to "
    "our faces by the staff.",
    "My family have run the Golden Dragon since 1982. Some customers still say 'ching "
    "chong' when they think I can't hear.",
    # a short list of names suffered (a reviewer's, session 40)
    "The abuse this trans kid has had, being called a freak and a groomer, is disgusting.",
    # a [[context]] entry's phrase hurled and reported, as a term's is
    "Someone yelled 'go back to the jungle where you belong' at a Black steward. The club "
    "was right to ban him for life.",
    # session 55's news desks: messages calling the writer names, a witness who saw someone
    # call her one
    "For the record, when I posted about him on Facebook I got messages calling me a 'Paki "
    "lover' and a 'traitor to my own'. I served 12 years. Water off a duck's back.",
    'Saw someone on the trust\'s Facebook post call her a "jungle bunny". The trust deleted '
    "it but the fact people write that under a nurse's award is grim.",
    # a code review's (session 55): a sentence opening "Doing the" or "Did a" is no order
    'Doing the school run yesterday, a man yelled "gyppo" at my son.',
    'Did a lad on the 42 bus really shout "pikey" at your kids too? One did at mine.',
    # fresh variants
    "Heard a lad on the bus call her a 'paki' and nobody said a word.",
    "The texts calling my son a 'paki' came from his own classmates.",
]

USED = [
    # the writer's own message, and a received one approved (session 49)
    "The message I sent him: 'go back to the desert, raghead'.",
    "The abuse he got after the match: 'raghead'. Good.",
    # the writer's own
    "I yelled 'go home, towelhead' at him and he ran.",
    "Our whole stand chanted 'jungle bunny' at their striker, brilliant atmosphere.",
    # approved
    "Someone yelled 'go home, towelhead' at him. Good.",
    "A bloke shouted 'pikey' at them, best thing I've heard all week.",
    "Someone hurled 'kike' at him, and frankly it fits.",
    "Someone shouted 'wetback' at them. Wish more people had the guts.",
    "A guy yelled 'mudslime' at her and I laughed my head off.",
    "I said to my mate 'pakis, the lot of them' and he laughed.",
    "Me and the lads shouted 'pikey' at them all night.",
    "My grandad shouted 'groid' at them for fifty years and he was never wrong.",
    # wishes, plans, calls, nostalgia
    "Someone should have shouted 'paki' at him.",
    "Next time I'll yell 'towelhead' at the lot of them.",
    "Shout 'pikey' at every one of them until they leave.",
    "Back in my day people shouted 'paki' at them and they knew their place.",
    # no report at all: a label, scare quotes, a bare slur
    "The 'towelheads' at the end of the road are at it again.",
    "Towelheads, the lot of them.",
    # a call or the writer's own habit, not a report
    "We should still say 'ching chong' to them.",
    "I always say 'spastics' and I don't care.",
    # a code review's: the writers' own doing, a habit said to be only banter
    "We were at the match and called him a paki all game.",
    "Most of us still say 'ching chong' and it's only banter.",
    "Everyone round here still says 'paki', it's just a word.",
    # session 55's widenings, said as the writer's own or as a call
    "Calling them 'pakis' is just honest.",
    "Call him a 'paki' to his face, go on.",
    "Just call her a 'jungle bunny' and be done with it.",
    # a code review's (session 55): the writer as the one who watches or is heard, a list
    # whose second item is the writer's answer, a slur followed by "did a"
    "Watch me call her a 'pikey' again.",
    'Heard enough from this lot, time to call them "gyppos" and be done with it.',
    'They called me "racist" and "dirty pikey" is what I called them back.',
    'Those "gyppos" did a runner from the petrol station again.',
]


@pytest.mark.parametrize("text", REPORTED)
def test_a_slur_reported_as_hurled_abuse_is_named_and_not_held_for(text: str) -> None:
    outcome = DEFAULT.decide(CALM, text)
    assert outcome.coded, "the slur is named among the reasons"
    assert all(c.rebutted for c in outcome.coded)
    assert all(c.reported for c in outcome.coded), "someone else's words, as a reply reads them"
    assert outcome.action is Verdict.APPROVE, outcome.decision.reasons


@pytest.mark.parametrize("text", USED)
def test_a_slur_used_boasted_of_wished_for_or_approved_is_held(text: str) -> None:
    outcome = DEFAULT.decide(CALM, text)
    assert outcome.coded_held, outcome.decision.reasons
    assert outcome.action is Verdict.HOLD


def test_the_report_is_read_in_the_slurs_own_quotation_and_sentence() -> None:
    """The exception reads the quotation around the slur, not another one: a reported
    slur beside a used one holds the comment for the used one."""
    text = "Someone yelled 'paki' at my dad. Towelheads, the lot of them."
    found = match_coded(text)
    assert [(c.term.pattern, c.rebutted) for c in found] == [
        ("paki", True),
        ("towelhead*", False),
    ]
    first = found[0].where
    assert hurled_and_reported(text, quotation_spans(text), first.begin, first.end)
    second = found[1].where
    assert not hurled_and_reported(text, quotation_spans(text), second.begin, second.end)
