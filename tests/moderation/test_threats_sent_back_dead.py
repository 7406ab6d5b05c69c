"""People to be sent home dead ("send them back in body bags", a twenty-seventh news
desk's report, session 44) is a call for violence; reports of the war dead and of a
crash's victims are not, and a report of someone shouting it is named, not held."""

from __future__ import annotations

import pytest
from list_support import CALM, DEFAULT

from threadguard.moderation.threats import match_threats
from threadguard.schema import Verdict


@pytest.mark.parametrize(
    "text",
    [
        "Send them back in body bags.",
        "Send the lot of them home in body bags.",
        "Send the migrants back in body bags.",
        "They should all be sent back in body bags.",
        "Ship em home in coffins, every last one of them.",
        # a review's
        "They'll be going home in boxes if they carry on.",
        "Body bags for the lot of them.",
    ],
)
def test_a_call_to_send_people_back_dead_is_held(text: str) -> None:
    (found,) = match_threats(text)
    assert found.kind == "call for violence" and not found.rebutted
    assert DEFAULT.decide(CALM, text).action is Verdict.HOLD


@pytest.mark.parametrize(
    "text",
    [
        "Our soldiers were sent home in body bags from a war that was a lie.",
        "They sent him back in a coffin after the crash, the family are devastated.",
        "Send the troops home in body bags again? Not in my name.",
        "The body bags were sent back to the hospital.",
        "Our soldiers will be going home in boxes if this war goes on.",
        "Body bags for the hospital ran out in the second week.",
    ],
)
def test_reports_of_the_dead_are_not_calls(text: str) -> None:
    assert match_threats(text) == []
    assert DEFAULT.decide(CALM, text).action is Verdict.APPROVE


def test_a_report_of_the_call_is_named_not_held() -> None:
    text = (
        "A man at my bus stop was shouting 'send them back in body bags' at a lad going to "
        "work. Nobody said anything."
    )
    (found,) = match_threats(text)
    assert found.rebutted
    assert DEFAULT.decide(CALM, text).action is Verdict.APPROVE
