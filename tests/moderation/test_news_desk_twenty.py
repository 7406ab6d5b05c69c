"""A twentieth news desk (Romanian fruit pickers on strike, the first hijab-wearing referee,
a trans teacher's tribunal win, a university living on Chinese students' fees, a Black
woman made a bishop): a British slur for Chinese people had no entry, a trans person
called "it" in quotation marks named no group, and "If the cap fits." under a reader who
rebutted a smear was read as agreeing with the rebuttal."""

from __future__ import annotations

import pytest
from list_support import CALM, DEFAULT

from threadguard.schema import Verdict

TITLE = "Transgender teacher wins unfair dismissal claim against Lancashire primary school"


@pytest.mark.parametrize(
    ("text", "context", "code"),
    [
        ("Chinky takeaway's open longer than the library these days.", "", "chinky"),
        ("'It' won't be the last to milk the tribunal system either.", TITLE, "'it' for a"),
        ("The trans teacher won. 'It' has a job again, apparently.", "", "'it' for a"),
        ('"It" wants compensation now, of course.', TITLE, "'it' for a"),
    ],
)
def test_a_slur_and_a_trans_person_called_it_are_held_as_coded_hate(
    text: str, context: str, code: str
) -> None:
    outcome = DEFAULT.decide(CALM, text, context=context)
    assert outcome.action is Verdict.HOLD
    assert outcome.decision.reasons[0].startswith(f'coded hate "{code}')


@pytest.mark.parametrize(
    ("text", "context"),
    [
        # the pronoun named, reported or condemned; Stephen King; no talk of trans people
        ("Calling her 'it' is dehumanising and the tribunal said so.", TITLE),
        ("She was referred to as 'it' in the governors' minutes. Shameful.", TITLE),
        ("'It' was the scariest book I read as a teen, trans or not.", TITLE),
        ("'It' won't be the last storm this winter, the forecast says.", ""),
        ("The first chink in the council's armour appeared on Tuesday.", ""),
        ("The Chinese takeaway on Elm Street is open until midnight now.", ""),
    ],
)
def test_the_pronoun_named_a_novel_and_a_chink_in_the_armour_are_not(
    text: str, context: str
) -> None:
    assert DEFAULT.decide(CALM, text, context=context).action is Verdict.APPROVE
