"""Harsh words at things and the same words at people: the judgements suite.

A news site publishes "The minister's housing plan is idiotic." and holds "The minister is
an idiot.": the words are the same, their aim is not. ``resources/judgements_suite.jsonl``
was written on 2026-12-03 by a helper that saw no code, test, suite or data of the
project, given only the site's policy (publish harsh words about ideas, policies,
articles, products, events; hold insults aimed at a person or a group) and a list of
forms to vary (a judgement after a thing's name, "that's stupid", superlatives, bare
dismissals, a thing's owner named; and at people: the reader, a named person, the people
behind a thing, groups, a thing and a person in one breath): 70 comments of each kind.

It measured :mod:`threadguard.scoring.insulted_things`'s judgements after a thing once
blind, on all 140: civil published 47 -> 58 of 70, held 60 of 70 before and after. The
module's thing names were then widened after reading its misses ("the carbon tax rebate
scheme": 63 of 70), so its figures are no longer blind; and a veiled threat sharing five
words in a row with a training template was left out (69 held remain). Reported by
``threadguard eval --suite decisions``; never training data (the overlap test keeps
templates five words away).

Each line is one case::

    {"id": "th-01", "functionality": "judgement_of_thing", "text": "...",
     "decision": "approve"}
"""

from __future__ import annotations

from importlib import resources
from typing import Final

from threadguard.evaluation.blind_check import BlindCase, parse_blind_check
from threadguard.schema import Verdict

#: The packaged file, in ``threadguard.resources``.
JUDGEMENTS_FILE: Final = "judgements_suite.jsonl"

#: Both functionalities, with the decision their cases expect.
FUNCTIONALITIES: Final = {
    "judgement_of_thing": Verdict.APPROVE,
    "judgement_of_person": Verdict.HOLD,
}


def load_judgements() -> list[BlindCase]:
    """The cases that ship in the package."""
    text = resources.files("threadguard.resources").joinpath(JUDGEMENTS_FILE).read_text("utf-8")
    return parse_blind_check(text.splitlines(), JUDGEMENTS_FILE, FUNCTIONALITIES)
