"""Two news desks of session 43 (a Sikh officer's patka, a Roma family's council house, a
Syrian refugee's bakery, an autistic student's exams, a women's captain as a pundit; Eid
lights, a Traveller site, a Black British rower's documentary, a trans woman chairing a
Women's Institute, a Ukrainian doctor): the trope that denies British-born people of colour
their nationality ("born in a stable", "medals don't make you British"), a trans woman
called "a man in a dress", and patience "running out with your sort" had no entry; a
twenty-fifth (a wheelchair-using MP) published "should've been put down at birth"."""

from __future__ import annotations

import pytest
from list_support import CALM, DEFAULT

from threadguard.schema import Verdict

WI = "Transgender woman elected chair of village Women's Institute"


@pytest.mark.parametrize(
    ("text", "context", "reason"),
    [
        ("Born in a stable doesn't make you a horse.", "", 'coded hate "born in a stable'),
        ("And? Being born in a stable doesn't make you a horse.", "", 'coded hate "born in a'),
        ("Medals don't make you British.", "", 'coded hate "papers don'),
        ("A bit of paper will never make him British.", "", 'coded hate "papers don'),
        ("It's a man in a dress, say it plainly. Women are being erased.", "", 'coded hate "man'),
        ("Still a bloke in a wig.", WI, 'coded hate "man in a dress'),
        (
            "Enjoy the hope while it lasts. People are running out of patience with your sort.",
            "",
            "veiled threat",
        ),
        # paraphrases a review wrote (session 43)
        ("Being born in a garage doesn't make you a car.", "", 'coded hate "born in a stable'),
        ("No amount of passports will make them British.", "", 'coded hate "papers don'),
        ("Men in skirts now running the WI, the country has gone mad.", "", 'coded hate "man in'),
        ("Folk are running out of patience with you lot.", "", "veiled threat"),
        # a twenty-fifth desk (a wheelchair-using MP's story)
        (
            "Should've been put down at birth like the rest of them, not given a seat.",
            "",
            "call for violence",
        ),
        ("People like her should have been aborted at birth.", "", "call for violence"),
        ("Babies like that should have been put down at birth, honestly.", "", "call for violence"),
    ],
)
def test_the_tropes_and_the_warning_are_held(text: str, context: str, reason: str) -> None:
    outcome = DEFAULT.decide(CALM, text, context=context)
    assert outcome.action is Verdict.HOLD, outcome.decision.reasons
    assert any(r.startswith(reason) or reason in r for r in outcome.decision.reasons), (
        outcome.decision.reasons
    )


@pytest.mark.parametrize(
    ("text", "context"),
    [
        (
            "Wellington supposedly said being born in a stable doesn't make you a horse, "
            "about being Irish.",
            "",
        ),
        ("Saying 'born in a stable doesn't make you a horse' to a British athlete is racist.", ""),
        ("A passport alone doesn't make you a British citizen for tax purposes.", ""),
        ("The panto dame is a man in a dress, that's the joke, and the kids love her.", ""),
        ("Police are looking for a man in a dress who robbed a women's clothes shop.", ""),
        ("My brother went to the stag do as a man in a dress. The WI ladies loved it.", ""),
        ("People are running out of patience with the council's excuses.", ""),
        ("I'm running out of patience with this weather.", WI),
        # a review's civil look-alikes (session 43)
        (
            "Anyone replying 'born in a stable doesn't make you a horse' to a British Olympian "
            "should be banned from this site.",
            "",
        ),
        ("A passport doesn't make you British if it was obtained by fraud, the judge ruled.", ""),
        (
            "My husband ran the London Marathon as a man in a dress for the breast cancer "
            "charity, and the women in his office sponsored him.",
            "",
        ),
        (
            "The judge, an elderly man in a wig and scarlet robes, told her she was lucky to "
            "avoid prison.",
            "",
        ),
        ("People are running out of patience with their type of politics.", ""),
        ("The runt should have been put down at birth, the vet said.", ""),
        ("That plan should have been strangled at birth.", ""),
        ("Should have been strangled at birth, that policy.", ""),
        ("Should've been killed at birth, this stupid idea.", ""),
        ("He should have been vaccinated at birth.", ""),
    ],
)
def test_the_saying_reports_pantomime_and_impatience_with_things_are_not(
    text: str, context: str
) -> None:
    outcome = DEFAULT.decide(CALM, text, context=context)
    assert outcome.action is Verdict.APPROVE, outcome.decision.reasons
