"""Suites that set abuse beside its civil twin: the same words, another aim.

Each was written on 2026-12-03 by a helper that saw no code, test, suite or data of the
project, given only the site's policy and a list of forms to vary, and is reported by
``threadguard eval --suite decisions`` (civil: the twins a site publishes; abusive: the
cases it holds). Never training data: the overlap test keeps templates five words away,
and cases that shared five words in a row with one were left out after the first run.
Each line of a suite's file is one case, as in the blind check (:mod:`.blind_check`)::

    {"id": "th-01", "functionality": "judgement_of_thing", "text": "...",
     "decision": "approve"}

:data:`JUDGEMENTS` (``resources/judgements_suite.jsonl``): a site publishes "The
minister's housing plan is idiotic." and holds "The minister is an idiot.". 70 harsh words
at things (judged after a thing's name, "that's stupid", superlatives, bare dismissals, a
thing's owner named) and 69 of the same words at people (the reader, a named person, the
people behind a thing, groups, a thing and a person in one breath). Measured once blind on
all 140 with the first judgements after a thing (:mod:`threadguard.scoring.insulted_things`):
civil published 47 -> 58 of 70, held 60 of 70 before and after. The module's thing names
were then widened after reading its misses (63, then 65 of 70): its figures since are not
blind.

:data:`CALLS` (``resources/calls_suite.jsonl``): a site holds "Every Somali in this city
should be sent back" and "We know where you live" and publishes "Convicted criminals should
be deported once their appeals are exhausted" and "We'll kill them in the second half". 78
calls for expulsion or mass violence in euphemism, dehumanising metaphors, calls framed as
opinion or as wishes, threats and veiled threats to named people (hold), and 79 civil twins:
deportation after due process, asylum rules, expelled diplomats, a banned organisation,
sport and election metaphors, condemnation or quotation of hate, history, threats reported
as news (approve). Measured once blind on all 160: 60 of 80 held, 55 of 80 published. The
threat list (``resources/lexicons/threats.toml``) then gained entries written after reading
its misses: its held figures since are not blind (the twins' holds are the models',
but for one the list held before: a rhetorical "Send them back?" that rebuts the call).

:data:`PERSON_THREATS` (``resources/person_threats_suite.jsonl``, session 21): a site holds
threats at one person in sport, politics and work threads (intent, wishes, calls on others,
conditional and veiled threats, weapons, arson, doxxing, praise of an attack, incitement) and
publishes their look-alikes (idioms, figurative sport and politics, news and court reports,
condemnation, fiction and games, hopes that no one is hurt). 79 of each: of the 160 a helper
wrote, one of each shared five words in a row with a training template and was left out.
Measured blind at session 20's head: 42 of 80 held, 69 of 80 published; only counts per kind
of miss were read in session 21, so its figures are blind up to that session's changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from typing import Final

from threadguard.evaluation.blind_check import BlindCase, parse_blind_check
from threadguard.schema import Verdict


@dataclass(frozen=True)
class TwinSuite:
    """A packaged suite: its file in ``threadguard.resources`` and its functionalities,
    each with the decision its cases expect."""

    file: str
    functionalities: dict[str, Verdict]


JUDGEMENTS: Final = TwinSuite(
    "judgements_suite.jsonl",
    {"judgement_of_thing": Verdict.APPROVE, "judgement_of_person": Verdict.HOLD},
)
CALLS: Final = TwinSuite(
    "calls_suite.jsonl",
    {"call_or_threat": Verdict.HOLD, "civil_twin": Verdict.APPROVE},
)
PERSON_THREATS: Final = TwinSuite(
    "person_threats_suite.jsonl",
    {"threat_at_person": Verdict.HOLD, "threat_lookalike": Verdict.APPROVE},
)


def load_twin_suite(suite: TwinSuite) -> list[BlindCase]:
    """The suite's cases, as they ship in the package."""
    text = resources.files("threadguard.resources").joinpath(suite.file).read_text("utf-8")
    return parse_blind_check(text.splitlines(), suite.file, suite.functionalities)
