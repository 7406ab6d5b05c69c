"""A slogan quoted mid-sentence is read as a sentence of its own: "Someone spray-painted
'Somalis go home' on the mosque wall" names the call for expulsion (quoted: not held for
it), so a reply approving whoever wrote it ("Good. Somebody had to say it.") is held, as
under a slogan quoted whole. A fifteenth news desk's tryout found both replies of this
kind published: the entries anchored at a sentence's start and end never saw the slogan
between "spray-painted '" and "' on the wall"."""

from __future__ import annotations

import pytest
from list_support import CALM, DEFAULT

from threadguard.moderation.threats import match_threats
from threadguard.schema import Verdict

GRAFFITI = (
    "Someone spray-painted 'Somalis go home' on the mosque wall on the 24th last month. "
    "That's the kind of 'concern' these businesses deal with."
)
CAR_PARK = (
    "My wife wears a headscarf and was told to 'go back to your own country' in the Co-op "
    "car park last month. Stuff like that is a bigger problem in this town than traffic."
)


@pytest.mark.parametrize(
    ("report", "phrase"),
    [(GRAFFITI, "Somalis go home"), (CAR_PARK, "go back to your own country")],
)
def test_a_slogan_quoted_mid_sentence_is_named_but_not_held_for(report: str, phrase: str) -> None:
    (found,) = match_threats(report)
    assert found.kind == "call for expulsion" and found.phrase == phrase
    assert found.quoted and not found.holds
    assert report[found.begin : found.end] == phrase
    assert DEFAULT.decide(CALM, report).action is Verdict.APPROVE


SCRAWLED = (
    "Someone scrawled 'Jew rats out' on his campaign office window last month. The police "
    "still haven't charged anyone. Disgraceful."
)


@pytest.mark.parametrize(
    ("parent", "reply"),
    [
        (GRAFFITI, "Good. Somebody had to say it."),
        # a seventeenth desk's: a slogan with a word of vermin, in the singular
        (SCRAWLED, "Whoever did it had a point."),
        (CAR_PARK, "Maybe she should take the hint."),
    ],
)
def test_a_reply_approving_whoever_said_it_is_held(parent: str, reply: str) -> None:
    outcome = DEFAULT.decide(CALM, reply, context=parent)
    assert outcome.action is Verdict.HOLD
    assert outcome.decision.reasons[0].startswith("approves whoever its parent reports said")


@pytest.mark.parametrize(
    "reply",
    ["That's awful, I'm sorry it happened to her.", "Did anyone report it to the police?"],
)
def test_sympathy_under_the_report_is_published(reply: str) -> None:
    assert DEFAULT.decide(CALM, reply, context=CAR_PARK).action is Verdict.APPROVE


def test_the_phrase_unquoted_in_a_sentence_is_still_not_a_slogan() -> None:
    # the anchors still hold for the comment's own sentences: no find mid-sentence
    assert match_threats("In the end most refugees go home when the war ends.") == []
    assert match_threats("They said most refugees go home when the war ends.") == []


def test_quotations_are_read_in_linear_time() -> None:
    # a comment of thousands of quotations reads its first few as sentences; the rest of
    # the text is read once, as before
    text = "He wrote 'Somalis go home' there. " * 5000
    found = match_threats(text)
    assert found and all(f.quoted for f in found)
