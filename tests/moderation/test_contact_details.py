"""Contact details and spam: held for a person, named without copying them out."""

from __future__ import annotations

import pytest

from threadguard.analysis import Analysis
from threadguard.moderation import Moderator
from threadguard.moderation.contact_details import match_contact_details, shape
from threadguard.moderation.policy import load_policy, parse_policy
from threadguard.schema import ATTRIBUTES, Verdict

CALM = Analysis(id=None, scores=dict.fromkeys(ATTRIBUTES, 0.01))

#: A tryout's news threads (session 33): every one was published.
FOUND = [
    (
        "Councillor Hargreaves lives at 14 Mill Lane, Eastfield. Pay him a visit.",
        "home address",
    ),
    ("Her daughter lives at 22 Rosewood Avenue, Hampstead. Send flowers.", "home address"),
    (
        "Here's the finance director's mobile: 07700 900123. Ring him day and night.",
        "phone number",
    ),
    ("My number is +44 7700 900123", "phone number"),
    ("Call him on (617) 994-5800 and tell him.", "phone number"),
    ("call 5558675309", "phone number"),
    ("Email her at jo.bloggs@example.com and let her know.", "e-mail address"),
    ("Make £3000 a week from home, click bit.ly/easy-cash-now", "shortened link"),
    (
        "EARN £5000 A WEEK FROM HOME!!! Click www.quick-cash-loans.biz",
        "commercial offer with a link",
    ),
    ("Buy followers cheap at www.socialboost-pro.ru - 10k for £5", "commercial offer with a link"),
    # desk 102 (session 55): readers told they know where to go, beside a person's street
    (
        "Aisha Rahman, 14 Brookfield Close, the one with the blue door. Parents who want to "
        "make their feelings known about her 'modesty' policy know where to go.",
        "home address",
    ),
    ("Councillor Dean, 22 Moorside Lane. You all know where to find him.", "home address"),
    # a code review's: where to find him is about him, whatever he does there
    (
        "Mark Jones, 5 Elm Grove, volunteers at the food bank. You know where to find him.",
        "home address",
    ),
    # desks 103 and 106: a drive to go and skate on, a home above a shop
    (
        "Karen Holt from 14 Riverside Road everyone, the woman who called the police on a "
        "10 year old on a scooter. Maybe we should all go and skate on her drive.",
        "home address",
    ),
    (
        "The one with the tattoos is called Andrei, he's living above the bookies on Pit Lane "
        "with his mates. Someone go and have a word.",
        "home address",
    ),
]

#: Numbers, places and offers in civil comments.
CIVIL = [
    "The shop at 14 High Street has closed after forty years.",
    "Who gets the house? 24 Sussex Dr. needs a lot of work.",
    "Undid revision 597776308 by Aoidh.",
    "A British billion used to be 1 000 000 000 000.",
    "The vote was 52.3 to 47.7, with 17,410,742 for leave.",
    "The 1990-2000 figures were revised twice.",
    "Read https://www.bbc.co.uk/news/uk-politics-33268521 before you comment.",
    "I make £500 a week from home as a childminder.",
    "The budget is £12,500,000 over five years.",
    "The years 1914 1918 1939 1945 shaped the town.",
    "Working from home is fine, see www.gov.uk for the rules.",
    # where to go, said of a public place or of kindness (session 55)
    "The food bank at 3 Mill Lane is open Tuesdays; anyone who needs it knows where to go.",
    "The new clinic is at 14 Station Road, so patients know where to go.",
    "Drop your old coats at 9 Elm Grove, you know where to go, thank you all.",
    "I live above the bakery on Mill Lane and the bins are a disgrace.",
    # a code review's: where to go for a takeaway or a lost cat
    "The Thai takeaway at 44 Station Road is the best in town. Curry lovers know where to go.",
    "Lost a ginger cat? Someone handed one in at 5 Elm Grove, so you know where to go.",
    "The Golden Dragon, 14 High Street: if you like dim sum you know where to go.",
    "Your missing parcels all went to 9 Oak Close by mistake, so you know where to find them.",
    "The chippy at 14 Riverside Road has a lovely front garden.",
]


@pytest.mark.parametrize(("text", "kind"), FOUND)
def test_contact_details_and_spam_are_found(text: str, kind: str) -> None:
    assert kind in {m.kind for m in match_contact_details(text)}


@pytest.mark.parametrize("text", CIVIL)
def test_numbers_places_and_offers_in_civil_comments_are_not(text: str) -> None:
    assert match_contact_details(text) == []


def test_the_default_policy_holds_them_and_the_reason_does_not_copy_them() -> None:
    text = FOUND[2][0]
    outcome = Moderator(load_policy()).decide(CALM, text)
    assert outcome.action is Verdict.HOLD
    (reason,) = outcome.decision.reasons
    assert reason.startswith("contact details: phone number") and "900123" not in reason


def test_flag_names_them_and_off_looks_for_none() -> None:
    text = FOUND[0][0]
    flag = Moderator(parse_policy({"contact_details": {"action": "flag"}}, "s"))
    outcome = flag.decide(CALM, text)
    assert outcome.action is Verdict.APPROVE and outcome.decision.reasons
    off = Moderator(parse_policy({"contact_details": {"action": "off"}}, "s"))
    assert off.decide(CALM, text).decision.reasons == ()
    # a policy file without the table does not look for them (as for threats)
    assert Moderator(parse_policy({}, "s")).decide(CALM, text).decision.reasons == ()


def test_a_link_is_a_scheme_or_a_name_ending_in_a_known_domain() -> None:
    """Links are blanked before numbers are looked for; a dotted name without a domain at
    its end is no link (and is read once: it was tried from every dot in it)."""
    from threadguard.moderation.contact_details import _links

    text = "see www.x.org/1 and news.example.co.uk/story/597776308 or v1.2.3 and a.b.c"
    found = [text[b:e] for b, e in _links(text)]
    assert found == ["www.x.org/1", "news.example.co.uk/story/597776308"]
    assert match_contact_details("1 " + "a." * 2_000) == []


def test_a_reason_shows_a_finds_plain_words_and_only_the_shape_of_the_rest() -> None:
    # Four news desks (session 45) could not tell what 'home address "liv…"' had found.
    assert (
        shape("works at the tyre place on Hall Street") == "works at the tyre place on H••• S•••••"
    )
    assert shape("14 Marlow Close") == "1• M••••• C••••"
    assert shape("jane.doe@example.com") == "j" + "•" * 19
    long = shape("lives in " + "Longtownname " * 10)
    assert len(long) == 60 and long.endswith("…") and "Longtownname" not in long
