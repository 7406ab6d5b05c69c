"""Four news desks of session 53 (a car-wash raid, a racist chant at a winger, a school's
first Pride week, a Sikh constable's turban, Homes for Ukraine payments ending, Roma
families evicted, an asylum hotel, a Nigerian-born nurse reinstated, Somali youth
unemployment). Pinned here: the calls for expulsion that named a destination and no group,
a slur told as suffered that was held, "Pride" as the topic of the "groomers" smear, and
user names that are a slur or a code; each beside civil sentences that share its words."""

from __future__ import annotations

import pytest
from list_support import CALM, DEFAULT

from threadguard.moderation import AuthorContext
from threadguard.moderation.coded_hate import LexiconError, match_coded, parse_lexicon
from threadguard.schema import Verdict

CALL = "call for expulsion"
RAID_PARENT = (
    "What happens to the workers now? Are they treated as trafficking victims and supported, "
    "or deported? The article doesn't really say."
)
UKRAINE = "Homes for Ukraine payments to end in March, leaving families facing uncertainty"
ROMA_READER = (
    "I am Roma, born in Ostrava, I have lived on Brindley Court for seven years and worked at "
    "the distribution centre for six of them. My children are at St Anne's. Where do we go now?"
)
NURSE_READER = (
    "As a Nigerian-born pharmacist, I'll say it: many of us have felt this. You make one "
    "mistake and it follows you for years, while others get a quiet word."
)
HOTEL_PARENT = (
    "The men in the hotel have been protesting too, quietly, about the food. Apparently half "
    "of it is inedible. Nobody covers that."
)
HOTEL = "Hundreds gather outside Eastholme asylum hotel as protests enter third weekend"
SOMALI = "Youth unemployment among Bristol's Somali community twice city average, report finds"
TURBAN = "Sikh officer told to remove turban for riot training under new uniform rule"
BOATS = "Small boats: record number of migrants cross the Channel in a day"


def _decide(text: str, context: str = "", title: str = "") -> tuple[Verdict, tuple[str, ...]]:
    """The default policy's decision under calm scores: a reply answers ``context`` (a
    parent's text) under ``title``; a comment on the article itself answers ``title``."""
    if not context:
        context, title = title, ""
    outcome = DEFAULT.decide(CALM, text, context=context, title=title)
    return outcome.action, outcome.decision.reasons


# A slur told as suffered, by its victim or about theirs: only named, the models decide.
SUFFERED = [
    # a slur told as suffered
    (
        "When I joined in 2008 a sergeant called me 'the towelhead' for a whole year. Nobody "
        "did anything. Good on PC Singh for pushing back.",
        TURBAN,
    ),
    ("When I joined in 2008 a sergeant called me the towelhead for a whole year.", ""),
    ("When I started at the depot the foreman called me a towelhead every morning.", ""),
    ("I was only seven when a teacher called me 'chinky' in front of the class.", ""),
    ("At school they called my son a paki and the head did nothing.", ""),
    ("I got called a pikey at work for two years before I left.", ""),
    ("A man shouted 'paki' at my wife outside Tesco.", ""),
    ("When we moved here in 1985 the lads on the estate called us pakis.", ""),
    ("I remember when I was at primary school a dinner lady called me 'the little towelhead'.", ""),
]


@pytest.mark.parametrize(("text", "title"), SUFFERED)
def test_a_slur_told_as_suffered_is_approved(text: str, title: str) -> None:
    action, reasons = _decide(text, "", title)
    assert action is Verdict.APPROVE, reasons


# A slur told as suffered is only named; the writer's own use stays held.
SUFFERED_HELD = [
    "I called him a towelhead and he deserved it.",
    "He called me a racist so I called him a towelhead.",
    "He called me racist, called him towelhead.",
    "You are what I'd call a towelhead.",
    "I called my brother a towelhead as a joke.",
    "We called him the towelhead at school and he loved it.",
    "A sergeant called me 'the towelhead' for a year. Good.",
    "A sergeant called me 'the towelhead' for a year, and he was right.",
    "The word 'pikey' is offensive, and that's exactly why I use it.",
]


@pytest.mark.parametrize("text", SUFFERED_HELD)
def test_the_writers_own_slur_is_held(text: str) -> None:
    action, reasons = _decide(text)
    assert action is Verdict.HOLD, reasons
    assert any(r.startswith("coded hate") for r in reasons), reasons


def test_a_slur_said_to_the_writer_is_named_as_suffered() -> None:
    text = "When I joined in 2008 a sergeant called me 'the towelhead' for a whole year."
    (found,) = match_coded(text)
    assert found.rebutted and found.reported


# "Pride" in ordinary English, and "groomers" reported, rebutted or of dogs: approved.
PRIDE_CIVIL = [
    # "pride" in ordinary English, "groomers" reported or rebutted
    ("Groomers will always find a way in.", "Town takes pride in its new library"),
    (
        "The groomers were jailed for twenty years. The town can take pride in the victims.",
        "Pride week",
    ),
    (
        "The groomers in Rotherham were protected for years by the council.",
        "Pride of Britain awards honour Rotherham whistleblower",
    ),
    (
        "Dog groomers from the high street ran a stall at the fair.",
        "Oakfield Academy holds first Pride week",
    ),
    (
        "Calling teachers groomers for holding a Pride week is a smear.",
        "Oakfield Academy holds first Pride week",
    ),
    (  # desk 82's reader, in the same thread: "exactly why" explains, it endorses nothing
        "Calling teachers 'groomers' for running an anti-bullying week is disgusting, and it's "
        "exactly why these kids need the week in the first place.",
        "Parents complain as Oakfield Academy holds first Pride week",
    ),
]


@pytest.mark.parametrize(("text", "title"), PRIDE_CIVIL)
def test_pride_in_ordinary_english_names_no_topic(text: str, title: str) -> None:
    action, reasons = _decide(text, "", title)
    assert action is Verdict.APPROVE, reasons


@pytest.mark.parametrize(
    "title",
    [
        "Parents complain as Oakfield Academy holds first Pride week",
        "Council flies the Pride flag for the first time",
        "Thousands join Pride march in Leeds",
        "Library marks Pride month with a display",
    ],
)
def test_pride_is_the_topic_of_the_groomers_smear(title: str) -> None:
    text = (
        "Groomers will always find a way in. First the library, then the assemblies, then "
        "the 'optional' clubs."
    )
    action, reasons = _decide(text, "", title)
    assert action is Verdict.HOLD, reasons
    assert reasons[0].startswith('coded hate "groomers"')
    assert _decide(text, "Great week for the school", title)[0] is Verdict.HOLD


# "Yellow peril" named to rebut it: only named.
PERIL_CIVIL = [
    # "yellow peril" named to rebut it
    ("The 'yellow peril' cartoons of the 1900s were openly racist.", ""),
    ("Yellow peril rhetoric is back with every China story, and it's ugly.", ""),
    ("My grandad was taught the yellow peril myth at school; he married a Chinese woman.", ""),
]


@pytest.mark.parametrize(("text", "title"), PERIL_CIVIL)
def test_yellow_peril_named_to_rebut_it_is_approved(text: str, title: str) -> None:
    action, reasons = _decide(text, "", title)
    assert action is Verdict.APPROVE, reasons


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("yellow_peril_yes", "yellow peril"),
        ("YellowPerilYes", "yellow peril"),
        ("spaz_attack_99", "spaz"),
        ("SpazAttack99", "spaz"),
        ("dirty_spastics", "spastics"),
        ("spacker_99", "spacker*"),
        ("pikey_pete", "pikey*"),
    ],
)
def test_a_user_name_that_is_a_slur_or_a_code_is_held(name: str, code: str) -> None:
    outcome = DEFAULT.decide(CALM, "Nice weather today.", AuthorContext(name, 5))
    assert outcome.action is Verdict.HOLD, outcome.decision.reasons
    assert outcome.decision.reasons[0].startswith(f'author name: coded hate "{code}"')


@pytest.mark.parametrize(
    "name",
    [
        "spazio_design",
        "perilous_pete",
        "Scunthorpe_fan",
        "yellow_submarine_fan",
        "spa_weekend",
        "Spaziani",
        "Peril_Sensitive_Sunglasses",
    ],
)
def test_ordinary_names_holding_those_letters_are_approved(name: str) -> None:
    outcome = DEFAULT.decide(CALM, "Nice weather today.", AuthorContext(name, 5))
    assert outcome.action is Verdict.APPROVE, outcome.decision.reasons


@pytest.mark.parametrize(
    "text",
    [
        "I spaz out when I get really excited.",
        "The spaz-outs by the left would be glorious.",
        "Stop spazzing, it's only a game.",
        "The Spastics Society became Scope in 1994.",
    ],
)
def test_a_term_of_names_only_is_not_looked_for_in_a_comment(text: str) -> None:
    assert [m for m in match_coded(text) if not m.rebutted] == []
    assert _decide(text)[0] is Verdict.APPROVE


def test_yellow_peril_is_a_code_in_a_comment_too() -> None:
    action, reasons = _decide("The yellow peril is real, look at who's buying the high street.")
    assert action is Verdict.HOLD
    assert reasons[0].startswith('coded hate "yellow peril"')


def test_a_terms_names_only_must_be_true_or_false() -> None:
    entry = '[[term]]\npattern = "x"\ngroup = "jews"\nmeaning = "m"\nnames_only = "yes"\n'
    with pytest.raises(LexiconError, match="names_only must be true or false"):
        parse_lexicon(entry)
    (term,) = parse_lexicon(entry.replace('"yes"', "true"))
    assert term.names_only
