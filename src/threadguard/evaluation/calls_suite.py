"""Calls for violence or expulsion and threats, beside their civil twins: the calls suite.

A news site holds "Every Somali in this city should be sent back" and "We know where you
live" and publishes "Convicted criminals should be deported once their appeals are
exhausted" and "We'll kill them in the second half": the words are close, their aim is
not. ``resources/calls_suite.jsonl`` was written on 2026-12-03 by a helper that saw no
code, test, suite or data of the project, given only the site's policy and a list of forms:
80 calls for expulsion or mass violence in euphemism, dehumanising metaphors about a
named group, wishes and questions that call for violence, calls framed as opinion,
threats to a named person, veiled threats, groups named only by "they" (hold); and 80
civil twins: deportation after due process, asylum rules, expelled diplomats, a banned
organisation, sport and election metaphors with violent words, condemnation or quotation
of hate, history, metaphors about institutions, threats reported in news style (approve).

It measured the engine once blind on all 160: 60 of 80 held, 55 of 80 published. Three
cases that share five words in a row with a training template were left out after that
run (78 calls and 79 twins remain). The threat list
(``resources/lexicons/threats.toml``) then gained entries written after reading its
misses, so its held figures since are not blind; the civil twins the list might have
broken stayed as they were (their holds come from the models' scores). Reported by
``threadguard eval --suite decisions``; never training data (the overlap test keeps
templates five words away).

Each line is one case::

    {"id": "ca-01", "functionality": "call_or_threat", "text": "...", "decision": "hold"}
"""

from __future__ import annotations

from importlib import resources
from typing import Final

from threadguard.evaluation.blind_check import BlindCase, parse_blind_check
from threadguard.schema import Verdict

#: The packaged file, in ``threadguard.resources``.
CALLS_FILE: Final = "calls_suite.jsonl"

#: Both functionalities, with the decision their cases expect.
FUNCTIONALITIES: Final = {
    "call_or_threat": Verdict.HOLD,
    "civil_twin": Verdict.APPROVE,
}


def load_calls() -> list[BlindCase]:
    """The cases that ship in the package."""
    text = resources.files("threadguard.resources").joinpath(CALLS_FILE).read_text("utf-8")
    return parse_blind_check(text.splitlines(), CALLS_FILE, FUNCTIONALITIES)
