"""What a tryout's list cases assert, shared by the files that pin them: an abusive comment
is held, under calm scores (so the lists alone hold it), with a reason of the kind it must
name; a civil look-alike is approved, and no list holds a word of it."""

from __future__ import annotations

from threadguard.analysis import Analysis
from threadguard.moderation import Moderator, load_policy
from threadguard.moderation.coded_hate import match_coded
from threadguard.moderation.contact_details import match_contact_details
from threadguard.moderation.threats import match_threats
from threadguard.schema import ATTRIBUTES, Verdict

DEFAULT = Moderator(load_policy())
#: Scores under every threshold: what the lists decide alone.
CALM = Analysis(None, dict.fromkeys(ATTRIBUTES, 0.02), language="en")


def assert_held_for(text: str, reason: str) -> None:
    """``text`` is held, and one of its reasons starts with ``reason``."""
    outcome = DEFAULT.decide(CALM, text)
    assert outcome.action is Verdict.HOLD
    assert any(r.startswith(reason) for r in outcome.decision.reasons), outcome.decision.reasons


def assert_approved_by_the_lists(text: str, *, codes: bool = False) -> None:
    """``text`` is approved and no threat or contact detail is found in it (nor, with
    ``codes``, an unrebutted code of coded hate)."""
    assert [m for m in match_threats(text) if m.holds] == []
    assert match_contact_details(text) == []
    if codes:
        assert [m for m in match_coded(text) if not m.rebutted] == []
    assert DEFAULT.decide(CALM, text).action is Verdict.APPROVE
