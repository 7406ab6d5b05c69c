"""A short reply approving whoever said the slur or threat its parent reports is held
("Maybe he should take the hint." under a victim's report of "towelhead"): the parent is
published as a report, and the reply is hate only through it. Sympathetic replies, the
same words of someone else, and the same verdict under a parent that reports nothing are
not."""

from __future__ import annotations

import pytest
from list_support import CALM, DEFAULT
from timing_support import fastest, linear_budget

from threadguard.schema import Verdict

TOWELHEAD = (
    "Someone yelled 'go back to your camel, towelhead' at my dad in the Co-op car park. "
    "He's lived here 31 years."
)
GRAFFITI = "Someone sprayed 'no more muzzie mayors' on the town hall steps last night."
BIN_DAY = "The council has moved bin collections to Thursdays again."
PIKEY = (
    "The commentator on one of the streams called him a 'pikey' on air. How is that still "
    "allowed in 2025?"
)
NURSE = (
    "I work in the local pharmacy. On Thursday a man told a Nigerian customer, a nurse who "
    "has lived here twelve years, to 'go back to the jungle where you belong'. She was "
    "shaking. This is what the rhetoric does."
)

REBUTTED = "I teach. Calling trans colleagues groomers is a lie, and a dangerous one."
BODY_BAGS = (
    'A man at my bus stop was shouting "send them back in body bags" at a lad in a hi-vis '
    "going to work. Nobody said anything. I should have."
)
#: The desk's own parent: single marks, the threat ending in an s' (no quotation in the
#: moderation's strict lean, one in the readings' loose lean).
BODY_BAGS_SINGLE = BODY_BAGS.replace('"', "'")


def assert_held_only_for(parent: str, reply: str, reason: str) -> None:
    """The parent, a report, is published; the reply under it is held for one reason,
    starting with ``reason``."""
    assert DEFAULT.decide(CALM, parent).action is Verdict.APPROVE
    outcome = DEFAULT.decide(CALM, reply, context=parent)
    assert outcome.action is Verdict.HOLD
    (found,) = outcome.decision.reasons
    assert found.startswith(reason)


APPROVING = [
    (TOWELHEAD, "Maybe he should take the hint."),
    (TOWELHEAD, "Whoever said it has a point tbh."),
    (GRAFFITI, "Whoever did it has a point."),
    (GRAFFITI, "Best thing anyone has written all year."),
    (TOWELHEAD, "Sounds like the only sane person in that car park."),
    (TOWELHEAD, "He's got a point tbh lol."),
    (GRAFFITI, "Legend, whoever did that."),
    (GRAFFITI, "Not gonna lie, whoever did it has a point."),
    (NURSE, "Sounds like he only said out loud what half the town is thinking."),
    (NURSE, "He just said what most of us are afraid to say."),
    # a reviewer's wordings the first version missed
    (TOWELHEAD, "He said what we were all thinking."),
    (TOWELHEAD, "He says what the silent majority think."),
    (NURSE, "He said what half the town's thinking."),
    # a nineteenth news desk's (the slur reported in its parent); and inverted
    (PIKEY, "If the cap fits."),
    (PIKEY, "If the shoe fits, wear it lol"),
    (TOWELHEAD, "Not wrong is he."),
    (GRAFFITI, "Whoever did it got that one right for once."),
    # a twentieth news desk's: the label said to fit, under a parent that rebuts it
    (REBUTTED, "If the cap fits."),
    (REBUTTED, "If the shoe fits."),
]
CIVIL = [
    (BODY_BAGS, "Can't say I blame you for keeping quiet, it's scary. Report it though."),
    (BODY_BAGS, "I don't blame him for walking off."),
    (TOWELHEAD, "I'm so sorry that happened to your dad. That's not who most of us are."),
    (TOWELHEAD, "He's not wrong to be angry. Report it to the police."),
    (TOWELHEAD, "Your dad has a point about the car park cameras, ask for the footage."),
    (GRAFFITI, "Nobody thinks whoever did it has a point."),
    (GRAFFITI, "Does the council think whoever did it has a point?"),
    (TOWELHEAD, "My mum always says 'ignore them', she's not wrong."),
    (TOWELHEAD, "Your dad has a point. Report it."),
    (TOWELHEAD, "The council needs to take the hint and put cameras in."),
    (
        "There is no migrant invasion, the numbers are lower than in 2015, as the Home "
        "Office chief pointed out.",
        "He's not wrong.",
    ),
    (BIN_DAY, "He's not wrong though."),
    (BIN_DAY, "Whoever decided that has a point."),
    (BIN_DAY, "If the cap fits."),
    (PIKEY, "If the cap fits the broadcaster, it should pay the fine."),
    (PIKEY, "The regulator got that one right, he's been taken off air."),
    (NURSE, "Half the town is thinking of her tonight. Sending love."),
    (NURSE, "He said what? That's vile. I hope she reported it."),
    (BIN_DAY, "He only said out loud what half the town is thinking."),
    # the speaker the parent reports rebutted the code (session 39's note: held)
    ('The minister said "the great replacement is a lie".', "He's not wrong."),
    (
        'The minister said "this migrant invasion talk" is racist nonsense and has to stop.',
        "She said what most of us are thinking.",
    ),
    # under a rebuttal, approval of someone agrees with it; only the label's fit carries
    (REBUTTED, "He's not wrong."),
    (REBUTTED, "She has a point."),
    # the group condemned in the slot the first version left free
    (NURSE, "He just said what all the racists are thinking."),
    (NURSE, "He said what most bigots are thinking."),
]


@pytest.mark.parametrize(
    "reply",
    [
        # a twenty-seventh news desk's (session 44), under a report of a call to kill
        "Sounds like a man who's had enough. Can't say I blame him.",
        "Cannot honestly say I blame him.",
        # a review's
        "Can't say I'd blame him.",
        "I can't say I blame the fella.",
    ],
)
@pytest.mark.parametrize("parent", [BODY_BAGS, BODY_BAGS_SINGLE])
def test_a_reply_approving_whoever_shouted_a_reported_threat_is_held(
    reply: str, parent: str
) -> None:
    assert DEFAULT.decide(CALM, parent).action is Verdict.APPROVE  # the report
    outcome = DEFAULT.decide(CALM, reply, context=parent)
    assert outcome.action is Verdict.HOLD
    assert outcome.decision.reasons == (
        'approves whoever its parent reports said call for violence "send them back in body bags"',
    )


@pytest.mark.parametrize(("parent", "reply"), APPROVING)
def test_a_reply_approving_whoever_said_what_its_parent_reports_is_held(
    parent: str, reply: str
) -> None:
    assert_held_only_for(parent, reply, "approves whoever its parent reports said coded hate ")


@pytest.mark.parametrize(("parent", "reply"), CIVIL)
def test_sympathy_other_people_denials_and_plain_parents_are_not(parent: str, reply: str) -> None:
    assert DEFAULT.decide(CALM, reply, context=parent).action is Verdict.APPROVE


SALON = (
    "I work in a salon in this town. Today two customers cancelled and one man shouted at us "
    "through the door. Please remember we are people."
)
FINLAY = (
    "Someone messaged Finlay after the final calling him a 'freak who should be in a home'. "
    "He showed me and asked if it was true."
)
NOTE = "We had a note through the door telling us to go home. My daughter was in tears."
LETTER = "The council sent us a letter about the bins and nobody answered my emails."


# a blind review's (session 47): parents that tell of abuse in more ways, and the abuser
# approved by the noun the report used, by "whoever", with a tag question
REVIEWED = [
    # a final blind review's: praise of whoever did it, or of the lads who did
    (
        "Someone pushed dog mess through our letterbox after we put up a Pride flag.",
        "Nice one, whoever that was.",
    ),
    ("A group of men chased us out of the park shouting slurs at my kids.", "Well done lads."),
    (
        "A man followed me for three streets calling me names because of my hijab.",
        "Sounds like he had the right idea.",
    ),
    (
        "Got a Facebook message from a total stranger telling me to go back to Poland.",
        "He's not wrong though.",
    ),
    (
        "A woman in Tesco told my mum to speak English or get out.",
        "The woman in Tesco was spot on.",
    ),
    (
        "We had dog mess pushed through our letterbox with a note saying LEAVE.",
        "Note writer's got the right idea.",
    ),
    ("Someone painted GO HOME on our garden fence in red paint.", "Somebody had to say it."),
    (
        "A woman at the school gate told me my kids shouldn't be in this country.",
        "She's not wrong, is she.",
    ),
    (
        "Two lads on the bus called my mate a terrorist and told him to get off.",
        "The lads on the bus said what we're all thinking.",
    ),
    (
        "My nan got an anonymous letter saying people like her should go back to Jamaica.",
        "Whoever wrote that letter should run for council.",
    ),
    ("Someone messaged my son calling him a freak.", "Whoever messaged him had a point."),
    ("Got a letter through the letterbox telling us to go home.", "Can't blame the writer."),
    (
        "Somebody sprayed swastikas on the synagogue wall overnight.",
        "Hats off to whoever sprayed it.",
    ),
    (
        "Some driver leaned out of his van and yelled at me to get back to my own country.",
        "Legend, whoever he was.",
    ),
    (
        "A driver hurled abuse at me at the lights because I'm in a wheelchair.",
        "Driver had a point, to be fair.",
    ),
]


@pytest.mark.parametrize(("parent", "reply"), REVIEWED)
def test_a_reviews_approvals_of_an_abuser_its_parent_tells_of_are_held(
    parent: str, reply: str
) -> None:
    outcome = DEFAULT.decide(CALM, reply, context=parent)
    assert outcome.action is Verdict.HOLD, outcome.decision.reasons


@pytest.mark.parametrize(
    ("parent", "reply"),
    [
        # session 47's news desks, the abuse in the parent's own words (no list's find)
        (SALON, "Maybe the man at the door had his reasons."),
        (FINLAY, "Sounds like somebody had the right idea."),
        (NOTE, "Note writer wasn't wrong though."),
        (NOTE, "Whoever wrote it had a point."),
        (SALON, "Bloke at the door had a point, mind."),
        # session 55's news desks: a refusal of a faith's building quoted, a verdict typed
        # without its apostrophe, the abuser as "the guy who did that"
        (
            'Someone wrote "No mosques in our cathedral" on the noticeboard outside on '
            "Sunday. The volunteers had it cleaned off by 9. Proud of them.",
            "Whoever wrote it had a point tbh",
        ),
        (
            "Someone wrote 'go home terrorist' on the ward noticeboard after the trust "
            "newsletter mentioned him last year. Glad he didn't let it stop him.",
            "whoever wrote it wasnt wrong",
        ),
        (
            "Someone sprayed 'English only, Gaels go home' on the bilingual sign at "
            "Dalwhinnie last year. Good to see the council not backing down.",
            "the guy who did that had the right idea tbh",
        ),
        # fresh variants of the three
        (
            "Somebody scrawled 'no Poles' on the community centre door last month.",
            "The bloke who did that had a point.",
        ),
        (
            "A man painted 'no more refugees' on the bridge by the station.",
            "Whoever did that isnt wrong",
        ),
        # a blind review's (session 55): a verdict ending on its own tag; the vandal
        ("Someone sprayed 'No mosques here' on the new community centre.", "Not wrong, are they?"),
        (
            "Vandals painted 'No Jews' on a synagogue in Gateshead.",
            "Honestly, the vandal isnt wrong.",
        ),
    ],
)
def test_a_reply_approving_whoever_abused_the_people_its_parent_speaks_of_is_held(
    parent: str, reply: str
) -> None:
    assert_held_only_for(parent, reply, "approves whoever abused the people its parent speaks of: ")


@pytest.mark.parametrize(
    ("parent", "reply"),
    [
        (LETTER, "Whoever wrote it had a point."),  # no abuse told of
        (LETTER, "Somebody had the right idea."),
        (SALON, "Somebody had the right idea calling the police."),  # the sentence goes on
        (SALON, "The woman at the till had a point, report it."),
        (SALON, "Nobody thinks the man at the door had his reasons."),
        (FINLAY, "Finlay's mum has a point."),
        # a code review's: advice or a boss's text, and a parent that names a helper too
        ("I was told by my GP to get off the sofa and walk more.", "She's not wrong."),
        ("My boss texted me to say I could leave early today.", "He had the right idea."),
        ("The nurse told my mum to leave the ward by 8, visiting hours.", "She has a point."),
        ("A man shouted at my son on the bus. A stranger stepped in.", "Legend, whoever he was."),
        ("A man shouted at my son on the bus and the driver threw him off.", "Driver was spot on."),
        (
            "Someone sprayed graffiti on the mosque; volunteers cleaned it by noon.",
            "Hats off to whoever cleaned it.",
        ),
        (
            "A man shouted at us through the door. My neighbour caught it on camera.",
            "Whoever filmed it deserves a medal.",
        ),
        # a final blind review's twin: the lads chased the abusers off
        (
            "A group of men chased off the thugs who were harassing us in the park.",
            "Well done lads.",
        ),
        # a blind review's civil parents: no abuse told of, whatever is quoted
        (
            "Someone left a note on my car saying I'd left my lights on.",
            "Somebody had the right idea.",
        ),
        (
            "A passer-by told my son to go back and get his bike lights before riding home.",
            "Stranger was right.",
        ),
        (
            "Someone wrote 'thank you NHS' in chalk on the hospital path.",
            "Whoever wrote it deserves a medal.",
        ),
        # session 55's widenings under parents that tell of no abuse, or of a helper
        (
            "Someone wrote 'Happy birthday Gran' on the pier wall in chalk.",
            "the guy who did that had the right idea tbh",
        ),
        (
            "Someone wrote 'no parking' on the cones outside the mosque.",
            "Whoever wrote it had a point tbh",
        ),
        (
            "A man shouted at my son on the bus. A stranger stepped in.",
            "The guy who did that wasnt wrong",
        ),
        # a code review's (session 55): a quotation that goes on is no refusal of a group, and
        # the person who posted it is the parent's own writer
        (
            'The mosque put a sign up saying "No refugees turned away - free hot meals".',
            "Whoever wrote it has a point.",
        ),
        (
            'Our vicar sent a letter round saying "no migrants will sleep rough in this parish".',
            "They have a point.",
        ),
        (
            'Someone sprayed "Pakis out" on the shutter of our shop last night. My dad is shaking.',
            "The person who posted this is right.",
        ),
    ],
)
def test_a_verdict_under_no_report_of_abuse_or_about_someone_else_is_approved(
    parent: str, reply: str
) -> None:
    assert DEFAULT.decide(CALM, reply, context=parent).action is Verdict.APPROVE


def test_a_verdict_padded_with_spaces_is_read_in_linear_time() -> None:
    text = "He's not wrong" + " " * 10_000 + "x"
    budget = linear_budget(text)
    assert fastest(lambda: DEFAULT.decide(CALM, text, context="A man shouted at us.")) < budget
