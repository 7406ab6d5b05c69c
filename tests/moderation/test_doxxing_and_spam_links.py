"""A street address beside words of where someone lives or a call to go round, and sales
words beside a bare domain, are held as contact details and spam (session 34, a news
standards editor's tryout of English news threads: each was published); streets named in
civil comments and sources linked are not."""

from __future__ import annotations

import pytest
from list_support import DEFAULT

from threadguard.analysis import Analysis
from threadguard.moderation.contact_details import match_contact_details
from threadguard.schema import ATTRIBUTES, Verdict

CALM = Analysis(id=None, scores=dict.fromkeys(ATTRIBUTES, 0.01), language="en")

HELD = [
    (
        "I found out where Hinchcliffe lives. 22 Moorside Lane, Baildon. Let's give her a "
        "council tax protest she won't forget.",
        "contact details: home address",
    ),
    (
        "22 Moorside Lane, Baildon. Go and tell her what you think of the tax rise.",
        "contact details: home address",
    ),
    (
        "I know exactly which hotel in Folkestone they're putting the survivors in. The "
        "Premier Inn on Cheriton Road. Maybe some of us should pay them a visit.",
        "contact details: home address",
    ),
    (
        "Cheap derby tickets available now! Visit www.cheap-tix-4u.biz/derby for 50% off",
        "spam: commercial offer with a link",
    ),
    (
        "Lose 10kg in 10 days with our miracle pills, no injection needed! Order at "
        "slimfast-pharma.shop",
        "spam: commercial offer with a link",
    ),
    (
        "Great article! Check out my blog at www.bestcasino-uk.win for free spins!!!",
        "spam: commercial offer with a link",
    ),
    ("Get 40% off today at www.designer-bags-outlet.club", "spam: commercial offer with a link"),
]

CIVIL = [
    "The roadworks on Cheriton Road have gone on for months.",
    "I live on Moorside Lane and the bins weren't collected again.",
    "The consultation is at 22 Market Street. Go and tell them what you think of the plan.",
    "The mayor's office is at 1 Civic Way; go and see her on Fridays.",
    "The new cafe on Cheriton Road is lovely, we should pay them a visit.",
    "The hotel on Cheriton Road had a fire safety check last week, see www.kentonline.co.uk.",
    "See www.ons.gov.uk for the figures.",
    "The council's site www.leeds.gov.uk has the consultation.",
    "Prices rose 5% off the back of the energy cap, see www.ons.gov.uk for the figures.",
    "The casino on Harbour Road closed, see www.bbc.co.uk/news for the story.",
    "Everything was in order at the count, see www.electoralcommission.org.uk for the result.",
    "Cheap tickets for pensioners were the council's idea; www.leeds.gov.uk has the details.",
    "He scored 22 at Moorside Lane cricket ground, where the club lives on donations.",
]


@pytest.mark.parametrize(("text", "reason"), HELD)
def test_addresses_of_homes_and_sales_links_are_held(text: str, reason: str) -> None:
    outcome = DEFAULT.decide(CALM, text)
    assert outcome.action is Verdict.HOLD
    assert any(r.startswith(reason) for r in outcome.decision.reasons), outcome.decision.reasons


@pytest.mark.parametrize("text", CIVIL)
def test_streets_and_sources_in_civil_comments_are_not(text: str) -> None:
    assert match_contact_details(text) == []
    assert DEFAULT.decide(CALM, text).action is Verdict.APPROVE


@pytest.mark.parametrize(
    "text",
    [
        "1 " * 50_000 + "free spins order at lose 10kg in 10 days",
        "a-a " * 25_000 + "22 Moorside Lane",
        "his address 22 Moorside Lane " * 3_500,
        "pay them a visit which hotel on Aa Road " * 2_500,
        "50% off " * 12_000 + "www.x.biz",
        "where " * 17_000 + "12 Aa Road",
    ],
)
def test_the_new_patterns_read_long_adversarial_text_in_linear_time(text: str) -> None:
    import time

    start = time.perf_counter()
    match_contact_details(text)
    assert time.perf_counter() - start < 2.0  # quadratic backtracking takes minutes here
