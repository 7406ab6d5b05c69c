"""A reviewer's findings on the English lists added in sessions 34 and 35: coded hate's
context entries and the contact-details patterns stop at their first holding match and
examine a bounded number of candidates (repeating a phrase 10,000 times took seconds);
civil sentences that shared their words are not held."""

from __future__ import annotations

import pytest
from timing_support import fastest

from threadguard.moderation.coded_hate import match_context
from threadguard.moderation.contact_details import match_contact_details

TRANS_PARENT = "Trans activists demand new school guidance " * 50


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("13/50 " * 16_667, ""),
        ("13/50 myth " * 10_000, ""),
        ("groomers " * 11_112, TRANS_PARENT),
        ("groomers are a smear against trans people. " * 2_400, ""),
        ("deus vult " * 10_000, "Plans for a new mosque " * 90),
        ("deus vult muslims crusade " * 4_000, ""),
        ("Rothschilds control the banks, a conspiracy theory. " * 2_000, ""),
        ("Sorry, 'she'. " * 7_200, ""),
    ],
)
def test_context_entries_read_100k_adversarial_characters_quickly(text: str, context: str) -> None:
    assert fastest(lambda: match_context(text, context=context)) < 0.5


def test_a_repeated_code_is_named_once_per_entry_at_its_first_holding_place() -> None:
    text = "13/50 is a myth. " + "13/50. " * 100
    (found,) = match_context(text)
    assert not found.rebutted and found.where.begin == len("13/50 is a myth. ")
    (only,) = match_context("13/50 is a myth.")
    assert only.rebutted


@pytest.mark.parametrize(
    "text",
    [
        "22 Moorside Lane " * 6_000,
        "22 Moorside Lane, the office. Go and tell him. " * 2_200,
        "22 Moorside Lane is where he lives. " * 2_800,
    ],
)
def test_street_addresses_read_100k_adversarial_characters_quickly(text: str) -> None:
    assert fastest(lambda: match_contact_details(text)) < 0.5


CODED_CIVIL = [
    "Online groomers target gay and straight teens alike; parents should check their kids' phones.",
    "The dog groomers at the LGBT-owned salon in town are excellent.",
    "The Rothschild family controlled the banks in Frankfurt in the 19th century, a fact of "
    "business history.",
    "Sorry, 'he' refers to the minister, not the journalist.",
    'Sorry, "they" means the council here, not residents.',
]


@pytest.mark.parametrize("text", CODED_CIVIL)
def test_the_reviewers_civil_sentences_hold_no_context_entry(text: str) -> None:
    assert [m for m in match_context(text) if not m.rebutted] == []


@pytest.mark.parametrize(
    "text",
    [
        "Groomers. The lot of them. Trans activists want access to our kids.",
        "The Rothschilds control the banks and fund both sides of every war.",
        'Sorry, "she".',
        "Sorry, 'he'. Still a man in a dress.",
    ],
)
def test_the_entries_still_hold_what_they_were_written_for(text: str) -> None:
    assert any(not m.rebutted for m in match_context(text))


ADDRESS_CIVIL = [
    "The vet at 5 High Street saved my dog. Pop round and tell him thanks.",
    "The polling station is at 3 Victoria Road. Go and tell him what you think at the ballot box.",
    "The band is playing at 10 Market Square; go and tell her she was brilliant afterwards.",
    "The fire at 31 Oak Drive: neighbours say the family's home address was given out to the "
    "press.",
    "The hotel on Cheriton Road is where they're putting the refugees; pay them a visit with "
    "some donations, they need coats.",
]

SPAM_CIVIL = [
    "Doctors warn against miracle pills sold online: https://www.nhs.uk/live-well/healthy-weight/",
    "Free bets are a scourge, says the report at https://www.gamblingcommission.gov.uk/report",
    "The online casino ban is explained at https://www.gov.uk/government/news/online-casino-rules",
    "50% off is not a real discount if they doubled the price first: https://www.which.co.uk/news",
    "I managed to lose 5kg in 10 weeks with the NHS plan https://www.nhs.uk/better-health/",
    "Tickets for the derby are on sale at www.derbycountyfc.co.uk, cheap tickets available for "
    "under 16s.",
]


@pytest.mark.parametrize("text", ADDRESS_CIVIL + SPAM_CIVIL)
def test_the_reviewers_civil_streets_and_sources_are_not_contact_details(text: str) -> None:
    assert match_contact_details(text) == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("22 Moorside Lane, Baildon. Pop round and tell him what you think.", "home address"),
        (
            "Miracle pills, order at https://www.slimfast-pharma.shop today, or see "
            "https://www.nhs.uk for the boring advice.",
            "commercial offer with a link",
        ),
        (
            "Cheap derby tickets available now at www.cheap-tix-4u.biz",
            "commercial offer with a link",
        ),
    ],
)
def test_homes_and_offers_beside_the_fixes_are_still_found(text: str, kind: str) -> None:
    assert kind in [m.kind for m in match_contact_details(text)]
