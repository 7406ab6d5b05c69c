"""The blind check: hard cases written apart from every training template, to catch overfit.

The functional suite and the civil sentences measure behaviours the team then wrote
training templates for, knowing the functionalities' names; a template can learn a
suite's frames without learning the behaviour. ``resources/blind_check_suite.jsonl`` was
written on 2026-12-02 by a helper that had not seen the project's templates, suites,
benches or tests, nor any public hate-speech test set: 20 news-comment cases each of
swearing at no one, harsh words about things, stereotypes denied (approve), swearing at a
person, stereotypes asserted (hold), sharp civil opinions on contested news (approve),
and direct or veiled threats to a person (hold). The templates written after it
(``templates_threats``) were written by another helper that did not see it either. Four
cases were left out (after a first run of deep@13 and deep@14 on all 140, whose figures
are not reported) because a template written independently shares five words in a row
with them (a library printer, troops
at the border, "come here to live off", "like this and you'll"): 136 remain.

German, French and Spanish have blind checks of their own
(``blind_check_suite_<lang>.jsonl``, reported by ``threadguard eval --suite languages``),
written the same day by another helper that had not seen the repository at all: native
comments, ten a functionality; seven cases that share five words in a row with a language
template were left out before any figure was read from them (de 68, fr 68, es 67 remain).

Like the other suites it is a diagnostic, never training data, and a test keeps every
template five words away from it. Its figures are reported, never chosen on: the rule
that picks the default policy (``bench/decision_frontier.py choose``) does not read it.

Each line is one case::

    {"id": "sw-01", "functionality": "swearing_no_target", "text": "...",
     "decision": "approve"}
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Final

from threadguard.evaluation.functional import SuiteError, grouped, string_documents
from threadguard.schema import Verdict

#: The packaged file, in ``threadguard.resources``.
BLIND_CHECK_FILE: Final = "blind_check_suite.jsonl"

#: Every functionality, with the decision its cases expect.
FUNCTIONALITIES: Final = {
    "swearing_no_target": Verdict.APPROVE,
    "harsh_words_about_things": Verdict.APPROVE,
    "denied_stereotype": Verdict.APPROVE,
    "swearing_at_person": Verdict.HOLD,
    "stereotype_asserted": Verdict.HOLD,
    "civil_news_opinion": Verdict.APPROVE,
    "threat_direct": Verdict.HOLD,
}
_FIELDS: Final = ("id", "functionality", "text", "decision")


@dataclass(frozen=True)
class BlindCase:
    """One case: approve (published) or hold (held or rejected both pass)."""

    id: str
    functionality: str
    text: str
    decision: Verdict


def parse_blind_check(
    lines: Iterable[str],
    source: str = BLIND_CHECK_FILE,
    functionalities: Mapping[str, Verdict] = FUNCTIONALITIES,
) -> list[BlindCase]:
    """Parse and validate the cases (of ``functionalities``, each with the decision its
    cases expect); a typo fails loudly, naming its line."""
    out: list[BlindCase] = []
    known = {"functionality": functionalities}
    for where, doc in string_documents(lines, source, SuiteError, _FIELDS, known):
        expected = functionalities[doc["functionality"]]
        if doc["decision"] != expected.value:
            raise SuiteError(f"{where}: {doc['functionality']} cases expect {expected.value}")
        out.append(BlindCase(doc["id"], doc["functionality"], doc["text"], expected))
    return out


#: The languages with a blind check beside English (``blind_check_suite_<lang>.jsonl``).
BLIND_LANGUAGES: Final = ("de", "fr", "es")


def blind_check_file(language: str = "en") -> str:
    """The packaged file of ``language``'s blind check."""
    return BLIND_CHECK_FILE if language == "en" else f"blind_check_suite_{language}.jsonl"


def load_blind_check(language: str = "en") -> list[BlindCase]:
    """The cases that ship in the package, in ``language`` (English by default)."""
    name = blind_check_file(language)
    text = resources.files("threadguard.resources").joinpath(name).read_text("utf-8")
    return parse_blind_check(text.splitlines(), name)


def judge_blind_check(
    cases: Sequence[BlindCase], actions: Sequence[Verdict]
) -> dict[str, tuple[int, int]]:
    """Per functionality (in :data:`FUNCTIONALITIES` order): (decided right, cases). Right:
    published when the case expects approve, held or rejected when it expects hold."""
    if len(cases) != len(actions):
        raise ValueError(f"{len(cases)} cases but {len(actions)} decisions")
    oks = [
        (action is Verdict.APPROVE) == (case.decision is Verdict.APPROVE)
        for case, action in zip(cases, actions, strict=True)
    ]
    result = grouped(cases, oks, order=tuple(FUNCTIONALITIES))
    return {r.functionality: (r.correct, r.cases) for r in result.functionalities}
