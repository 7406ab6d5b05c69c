"""A witness's report of abuse given as an order ("a man told a Nigerian customer, a nurse
who has lived here twelve years, to 'go back to the jungle where you belong'") names the
code and does not hold the comment, however many words stand between the order and the
quotation; the writer's own order, one wished for, one approved, or the words unquoted,
still hold. (Any code quoted right after a reporting word, "A man told her to '...'", is
read as reported whatever follows: "Quite right too." after it does not hold it, as it
did not before the order was read.)"""

from __future__ import annotations

import pytest
from list_support import CALM, DEFAULT

from threadguard.moderation.quotes import order_verb
from threadguard.schema import Verdict

REPORTS = [
    "I work in the local pharmacy. On Thursday a man told a Nigerian customer, a nurse who "
    "has lived here twelve years, to 'go back to the jungle where you belong'. She was "
    "shaking. This is what the rhetoric does.",
    'A lad on the bus told my daughter to "go back to the jungle you came from". She\'s nine.',
    "The referee heard a fan telling the winger, who had just scored, to 'go back to the "
    "jungle you came from' and did nothing.",
    "Some bloke in a van ordered my husband to 'go back to the jungle where you belong'. "
    "We reported it.",
    # a time's colon between the order and the quotation
    # approval words that are not of the one who gave the order, and a hypothetical
    # (a reviewer's, session 40: held by a version that took them anywhere after it)
    "A passenger told a nurse to 'go back to the jungle where you belong'. The driver who "
    "threw him off was right.",
    "A passenger told a nurse to 'go back to the jungle where you belong'. Spot on reporting "
    "by the Echo, by the way.",
    "A man told my colleague to 'go back to the jungle where you belong'. Finally someone at "
    "the paper is covering this.",
    "A man told my wife to 'go back to the jungle you came from'. 100% of the people in that "
    "shop just looked away.",
    "If a customer tells you to 'go back to the jungle where you belong', you can refuse "
    "service and call security.",
    # a habit of someone else's, reported
    "My grandad would always say 'go back to the jungle where you belong' to anyone darker "
    "than him. I was ashamed of him.",
    "A man told my daughter at 3:30 outside the school gates, in front of all the parents, "
    "to 'go back to the jungle where you belong'. She is nine.",
]
HELD = [
    # the writer's own order
    "I told him to 'go back to the jungle where you belong' and I meant it.",
    # wished for
    "Someone should tell him to 'go back to the jungle where he belongs'.",
    # approved in the same breath, the order far enough before the quotation that only
    # the order reads it as a report
    "A man told the nurse at the counter, who has lived here twelve years, to 'go back to "
    "the jungle where you belong'. Quite right too.",
    # not a quotation: the writer's own words
    "He was told to go back to the jungle where he belongs, and he should.",
    # an order given, then the abuse as the writer's own sentence
    "Told my neighbour to stop complaining. Go back to the jungle where you belong.",
    # a reviewer's, against the first version: the writer's own order, a call, an
    # instruction, approval after
    "I went into the barbers and told the new lad, the one from Lagos, to 'go back to the "
    "jungle you came from'.",
    "Mum told me, and now I'm telling the new family on our street, young or old, to 'go "
    "back to the jungle you came from'.",
    "They should all be told, every single one who came over on a boat this summer, to 'go "
    "back to the jungle you came from'.",
    "Keep telling them, whoever they are and wherever they turn up, to 'go back to the "
    "jungle you came from'.",
    "Been telling them for years, the lot at number 9, to 'go back to the jungle you came from'.",
    "A man at the match told the striker, who had just missed a penalty, to 'go back to the "
    "jungle you came from'. Needed saying.",
    "A man at the match told the striker, who had just missed a penalty, to 'go back to the "
    "jungle you came from'. And honestly? He wasn't wrong.",
    # approval after an order within reach of a bare "told", and the telling called for
    # (a reviewer's, session 40)
    "A man told the nurse to 'go back to the jungle where you belong'. Spot on.",
    "A passenger told him to 'go back to the jungle where you belong'. 👍",
    "A passenger told him to 'go back to the jungle where you belong'. He's not wrong, is he?",
    "Someone needs telling 'go back to the jungle where you belong'.",
    "Wish someone had told him 'go back to the jungle where you belong'.",
    "They need to be told 'go back to the jungle where you belong'.",
    "Make sure they're told to 'go back to the jungle you came from'.",
]


@pytest.mark.parametrize("text", REPORTS)
def test_abuse_reported_as_someone_elses_order_is_named_but_not_held(text: str) -> None:
    outcome = DEFAULT.decide(CALM, text)
    assert outcome.action is Verdict.APPROVE
    assert [c.reported for c in outcome.coded] == [True]


@pytest.mark.parametrize("text", HELD)
def test_the_writers_own_wished_approved_or_unquoted_order_is_held(text: str) -> None:
    assert DEFAULT.decide(CALM, text).action is Verdict.HOLD


def test_an_order_is_reported_only_when_the_quotation_follows_it() -> None:
    verb = order_verb("a man told a customer, a nurse who has lived here twelve years, to ")
    assert verb is not None and verb.group(0) == "told"
    # the last verb governs the quotation
    last = order_verb("Mum told me, and now I'm telling the new family to ")
    assert last is not None and last.group(0) == "telling"
    assert order_verb("a man told her the truth. Then he ") is None
    # bounded: a long run before the quotation is read in linear time
    assert order_verb("told " + "x " * 5000) is None
