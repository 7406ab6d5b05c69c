"""Two news desks of session 52 (a Hindu temple festival closing a road, a rugby player
banned for a racist remark, a food bank run by Muslim volunteers, a council estate
regenerated, a lesbian couple's adoption; Ukrainian refugees in a village, a Black
headteacher, a Traveller wedding in a hotel, a doctors' strike, a migrant boat landing).
Pinned here: what their threads showed the lists missing, each beside civil sentences
that share its words."""

from __future__ import annotations

import pytest
from list_support import CALM, DEFAULT, assert_approved_in, assert_held_for

from threadguard.engine import ScoredComment
from threadguard.moderation import Moderator, load_policy
from threadguard.schema import Verdict
from threadguard.thread import Comment

WEDDING = "Mullingar hotel defends hosting Traveller wedding after online complaints"
NO_INCIDENTS = (
    "Gardaí said there were no incidents. Three hundred people had a wedding and went home. "
    "That's the story."
)
SLUR = "Three hundred knackers in one place and no incidents. Give it time, the week's young."


def test_a_context_entry_finds_its_topic_in_the_title_above_the_parent() -> None:
    # Desk 78: the reply answered a parent that names no Traveller; the article's title
    # does, and the lists read only the parent (the title only where there is none).
    assert_approved_in(SLUR, NO_INCIDENTS)
    held = DEFAULT.decide(CALM, SLUR, context=NO_INCIDENTS, title=WEDDING)
    assert held.action is Verdict.HOLD
    assert held.decision.reasons[0].startswith('coded hate "knackers"')
    tired = "Three hundred guests and a band till four. I was knackered just reading it."
    assert DEFAULT.decide(CALM, tired, context=NO_INCIDENTS, title=WEDDING).action is (
        Verdict.APPROVE
    )
    alone = Moderator(load_policy(), context=False)  # --no-context reads no title either
    assert alone.decide(CALM, SLUR, context=NO_INCIDENTS, title=WEDDING).action is (Verdict.APPROVE)


def test_a_threads_replies_are_decided_with_its_title_too() -> None:
    comments = [
        Comment("c1", NO_INCIDENTS, "Bridget"),
        Comment("c2", SLUR, "Dessie", parent="c1", depth=1),
    ]
    decided = DEFAULT.decide_thread([ScoredComment(c, CALM, None) for c in comments], title=WEDDING)
    assert [m.outcome.action for m in decided] == [Verdict.APPROVE, Verdict.HOLD]
    untitled = DEFAULT.decide_thread([ScoredComment(c, CALM, None) for c in comments])
    assert [m.outcome.action for m in untitled] == [Verdict.APPROVE, Verdict.APPROVE]


SHOUTED = (
    "Someone shouted 'Paki go home' at my mum outside the Co-op on Saturday. She's lived here "
    "40 years."
)


@pytest.mark.parametrize(
    "text",
    [
        "Whoever shouted had a point.",  # desk 77: held only as "whoever shouted it"
        "Maybe whoever shouted had a point.",
        "Whoever yelled wasn't wrong.",
    ],
)
def test_approving_whoever_shouted_the_reported_slur_is_held(text: str) -> None:
    assert_held_for(text, "approves whoever", SHOUTED)


@pytest.mark.parametrize(
    "text",
    [
        "Whoever shouted should be found and charged.",
        "Whoever shouted it, I hope your mum is OK.",
        "Somebody has to say it to the council: the Co-op needs a camera.",
        # a code review's: counter-speech, not approval ("someone had to say it" is read)
        "Somebody has to say it. This town has a racism problem.",
        "Sorry about your mum. Whoever did this is a coward.",
    ],
)
def test_replies_that_condemn_whoever_shouted_are_approved(text: str) -> None:
    assert_approved_in(text, SHOUTED)


def test_dinghy_divers_is_held_as_a_sneer_at_asylum_seekers() -> None:
    # Desk 78: "More dinghy divers arriving" under a boat landing scored toxicity 0.13.
    assert_held_for(
        "More dinghy divers arriving on Camber Sands today.", 'coded hate "dinghy diver'
    )
    assert_held_for("More dingy divers on the beach.", 'coded hate "dingy divers')
    assert_approved_in("The dinghy club's divers pulled two swimmers out at Camber today.")
    assert_approved_in("Divers searched the water near the upturned dinghy all night.")
    # a code review's: the first entry's "*" matched inside a word
    assert_approved_in("The dinghy diverted to Ramsgate when the wind turned.")
    assert_approved_in("Lifeboat volunteers rescued a dinghy diver off Hastings pier.")


@pytest.mark.parametrize(
    "text",
    [
        "I live on Merriman Road and the bins have not been collected in three weeks.",
        "We live on Merriman Road; the new crossing is a godsend.",
        # "they live on" stays unread (desk 77's family): said of office-holders too
        "I know they live on Downing Street, that's the whole point of the job.",
        "The new bakery at 14 Elm Walk is open. Call in and tell them Sue sent you.",
        "They live in hope, like the rest of us on the waiting list.",
    ],
)
def test_ones_own_street_a_shop_or_a_figure_of_speech_is_not(text: str) -> None:
    assert_approved_in(text)


BOAT = "Small boat with 40 people lands on Camber Sands"


@pytest.mark.parametrize(
    "text",
    [
        "Turn them round mid-Channel. If they capsize, they capsize.",  # desk 78
        "If they drown, so be it. Stop the boats.",
        "If they drown, they drown. Should have stayed in France.",
        # a second code review's: the shrug need not end its sentence
        "Turn them round mid-Channel. If they capsize, they capsize, not our problem.",
        "Turn them round mid-Channel. If they drown, they drown 🤷",
        "I said it last week: turn the boats round. If they capsize, they capsize.",
        "Stop the boats. If they drown, so be it. The minister should grow a spine.",
    ],
)
def test_deaths_at_sea_shrugged_off_are_held_as_a_wish_of_harm(text: str) -> None:
    assert_held_for(text, "wish of harm", BOAT)


@pytest.mark.parametrize(
    "text",
    [
        "If they capsize, who rescues them? The RNLI is stretched as it is.",
        "If they sink, they sink: the council's pedalos were never seaworthy.",
        '"If they die, they die," the general said of his own men in 1916.',  # quoted
        "If the business goes under, so be it, said the owner of the boat yard.",
        # a code review's
        "If the boats capsize, tough questions will follow for the Home Office.",
        "The minister said of the dinghies: if they drown, so be it. Shameful.",
        "On the fishing fleet: if the boats die, they die because of quotas.",
    ],
)
def test_a_fear_for_them_or_boats_that_sink_are_not(text: str) -> None:
    assert_approved_in(text, BOAT)
