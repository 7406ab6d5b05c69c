"""What a tryout's list cases assert, shared by the files that pin them: an abusive comment
is held, under calm scores (so the lists alone hold it), with a reason of the kind it must
name; a civil look-alike is approved, and no list holds a word of it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest
from timing_support import fastest, linear_budget

from threadguard.analysis import Analysis
from threadguard.moderation import Moderator, load_policy
from threadguard.moderation.coded_hate import context_lexicon, match_coded, match_context
from threadguard.moderation.contact_details import match_contact_details
from threadguard.moderation.threats import match_threats, threat_list
from threadguard.normalize import normalize_text
from threadguard.schema import ATTRIBUTES, Verdict

DEFAULT = Moderator(load_policy())
#: Scores under every threshold: what the lists decide alone.
CALM = Analysis(None, dict.fromkeys(ATTRIBUTES, 0.02), language="en")


def decide_calm(text: str, context: str = "", title: str = "") -> tuple[Verdict, tuple[str, ...]]:
    """The default policy's decision under calm scores: a reply answers ``context`` (a
    parent's text) under ``title``; a comment on the article itself answers ``title``."""
    if not context:
        context, title = title, ""
    outcome = DEFAULT.decide(CALM, text, context=context, title=title)
    return outcome.action, outcome.decision.reasons


def assert_held_for(text: str, reason: str, context: str = "") -> None:
    """``text`` is held, answering ``context``, and one of its reasons starts with
    ``reason``."""
    outcome = DEFAULT.decide(CALM, text, context=context)
    assert outcome.action is Verdict.HOLD, outcome.decision.reasons
    assert any(r.startswith(reason) for r in outcome.decision.reasons), outcome.decision.reasons


def assert_approved_in(text: str, context: str = "") -> None:
    """``text`` is approved under calm scores, answering ``context``: no list holds it."""
    outcome = DEFAULT.decide(CALM, text, context=context)
    assert outcome.action is Verdict.APPROVE, outcome.decision.reasons


def assert_approved_by_the_lists(text: str, *, codes: bool = False) -> None:
    """``text`` is approved and no threat or contact detail is found in it (nor, with
    ``codes``, an unrebutted code of coded hate)."""
    assert [m for m in match_threats(text) if m.holds] == []
    assert match_contact_details(text) == []
    if codes:
        assert [m for m in match_coded(text) if not m.rebutted] == []
    assert DEFAULT.decide(CALM, text).action is Verdict.APPROVE


def assert_threat_entries_run_in_linear_time(text: str, pieces: tuple[str, ...]) -> None:
    """The threat list's entries whose pattern holds one of ``pieces`` (one entry each)
    read ``text``'s first 100,000 characters within :func:`timing_support.linear_budget`."""
    text = text[:100_000]
    canonical = normalize_text(text)
    rules = [r for r in threat_list() if any(k in r.regex.pattern for k in pieces)]
    assert len(rules) == len(pieces)
    budget = linear_budget(text)
    for rule in rules:
        assert fastest(lambda rule=rule: rule.finds(canonical)) < budget, rule.regex.pattern[:60]


def assert_context_entries_run_in_linear_time(text: str, names: tuple[str, ...]) -> None:
    """The coded-hate lexicon's ``[[context]]`` entries named ``names`` (each found) read
    ``text``'s first 100,000 characters within :func:`timing_support.linear_budget`."""
    text = text[:100_000]
    terms = tuple(t for t in context_lexicon() if t.pattern in names)
    assert len(terms) == len(names)
    assert fastest(lambda: match_context(text, terms)) < linear_budget(text)


def tryout_list_tests(
    held: Sequence[tuple[str, str]], civil: Sequence[str]
) -> tuple[Callable[[str, str], None], Callable[[str], None]]:
    """The two tests every news desk's list cases have, parametrised over its own cases:
    each abusive comment held with the reason of its kind, each civil look-alike approved
    with nothing of it found. A module binds them to names of its own starting ``test_``."""

    @pytest.mark.parametrize(("text", "reason"), held)
    def held_with_its_reason(text: str, reason: str) -> None:
        assert_held_for(text, reason)

    @pytest.mark.parametrize("text", civil)
    def civil_approved(text: str) -> None:
        assert_approved_by_the_lists(text, codes=True)

    return held_with_its_reason, civil_approved
