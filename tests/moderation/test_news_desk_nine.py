"""A ninth news-desk tryout (a carnival's route, a Muslim mayor in Brampton, Filipino nurses
in a Galway care home, a gay footballer in Adelaide, a deaf actor on Broadway) published
"Brampton is basically Brampistan now.", "Another goat herder running a Canadian city." and
"they'll outbreed us in a generation" at toxicities under 0.35. Each is held with its reason
under calm scores (the lists alone), where the comment or what it answers names Islam or
the group; the real places ending in -istan, satire, real herders, breeders and the trope
named to rebut it are approved (a review's sentences among them)."""

from __future__ import annotations

import pytest
from list_support import CALM, DEFAULT, assert_context_entries_run_in_linear_time, tryout_list_tests

from threadguard.moderation.coded_hate import match_coded
from threadguard.schema import Verdict

#: (comment, the start of a reason it must be held for)
HELD = [
    ("Welcome to Bradistan, where the mosques outnumber the pubs.", "coded hate"),
    (
        "Give it ten years and Leicester will be Leicesteristan, sharia courts and all.",
        "coded hate",
    ),
    ("Another goat herder running the country. Great job. Muslims everywhere.", "coded hate"),
    ("These Pakistani goat herders want to run our council now?", "coded hate"),
    ("Small people, big families, they'll outbreed us in a generation.", "coded hate"),
    ("Open the borders and they will be outbreeding us within twenty years.", "coded hate"),
    # a review's forms: "-stan" without the i, "goatherd", "breed us out"
    ("Mississaugastan, what did you expect. More mosques than schools.", "coded hate"),
    ("Another goatherd in charge of the council. Muslims everywhere.", "coded hate"),
    ("Muslim birth rates say it all: they'll breed us out.", "coded hate"),
]

CIVIL = [
    "Muslims in Pakistan and Afghanistan face the same drought.",
    "The Hindustan Times reported on the mosque opening.",
    "Kurdistan's Muslims voted for independence in 2017.",
    "Refugees from Balochistan and Waziristan were housed in the hotel.",
    "Our council is pure Absurdistan, three forms to get a bin emptied.",
    "Afghan goat herders lost their flocks in the drought.",
    "My grandfather was a goat herder in the mountains of Pakistan.",
    "The idea that migrants will 'outbreed us' is a racist conspiracy theory.",
    "Calling Brampton 'Brampistan' is plain bigotry and the mayor deserves better.",
    "Uzbekistan and Tajikistan sent Muslim delegations to the summit.",
    # a review's civil sentences the first version held
    "The Khalistan movement has many supporters among Sikh immigrants in Canada.",
    "Welcome to Trumpistan, where asylum seekers are jailed for asking for help.",
    "The Dead Sea Scrolls were found by a Bedouin goat herder; the minister opened the exhibit.",
    "Afghan goat herders rescued two climbers, the president thanked them.",
    "The stud's stallions will outbreed us at the county show again.",
    "Our rival breeders always outbreed us, they have better stock.",
]

(
    test_each_class_of_the_tryout_is_held_with_its_reason,
    test_civil_sentences_sharing_the_words_are_approved,
) = tryout_list_tests(HELD, CIVIL)


def test_the_story_answered_can_name_the_group() -> None:
    """The desk's comment names no group: the article's title does."""
    text, title = "Brampton is basically Brampistan now.", "Brampton elects its first Muslim mayor"
    found = [m for m in match_coded(text, context=title) if not m.rebutted]
    assert [m.term.group for m in found] == ["muslims"]
    assert DEFAULT.decide(CALM, text, context=title).action is Verdict.HOLD
    assert [m for m in match_coded(text) if not m.rebutted] == []


def test_a_goat_herder_in_office_is_held_and_names_the_group() -> None:
    text = "Another goat herder running a Canadian city."
    outcome = DEFAULT.decide(CALM, text, context="Brampton elects its first Muslim mayor")
    assert outcome.action is Verdict.HOLD
    assert any("(targets muslims)" in r for r in outcome.decision.reasons)


@pytest.mark.parametrize(
    "text",
    [
        "brampistan muslims " * 5000,
        "goat herder goat mayor " * 4500,
        "aaa" * 30000 + "istan",
        "another" + " " * 99_000 + "goat",
        "goat" + " " * 99_000 + "herder",
        "they outbreed us " * 5500,
        "out" + "-" * 99_000 + "breed us",
    ],
)
def test_the_new_context_entries_run_in_linear_time(text: str) -> None:
    assert_context_entries_run_in_linear_time(
        text, ("-istan nickname", "goat herder", "outbreed us")
    )
