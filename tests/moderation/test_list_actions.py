"""A site may have a list's finds rejected instead of held (``action = "reject"`` for coded
hate, threats, abusive words and contact details): two news desks asked why "Sterilise
the lot of them." and "The gays in Accra should know their days are numbered." were only
ever held. The default stays "hold"; what a list only names (a reported code, ``flag``)
rejects nothing, and what the models score keeps its own thresholds."""

from __future__ import annotations

import pytest
from list_support import CALM

from threadguard.analysis import Analysis
from threadguard.moderation import (
    Moderator,
    PolicyError,
    load_policy,
    merge_documents,
    parse_document,
    parse_policy,
)
from threadguard.schema import Verdict

BASE = load_policy()
FINDS = {
    "coded_hate": "Time for remigration.",
    "threats": "They should all be shot.",
    "abusive_words": "Ty kurwo jebana.",
    "contact_details": "Councillor Reid lives at 14 Mill Lane. Pay him a visit.",
}


def moderator(table: str, action: str) -> Moderator:
    site = parse_document(f'[{table}]\naction = "{action}"\n', "toml", "site.toml")
    return Moderator(parse_policy(merge_documents(BASE.raw, site), "site.toml"))


@pytest.mark.parametrize("table", sorted(FINDS))
def test_a_list_set_to_reject_rejects_what_it_would_hold(table: str) -> None:
    text = FINDS[table]
    language = "pl" if table == "abusive_words" else "en"
    analysis = Analysis(None, CALM.scores, language=language)
    assert moderator(table, "hold").decide(analysis, text).action is Verdict.HOLD
    rejected = moderator(table, "reject").decide(analysis, text)
    assert rejected.action is Verdict.REJECT
    assert rejected.decision.reasons  # the find is named, as when it holds
    assert moderator(table, "flag").decide(analysis, text).action is Verdict.APPROVE


def test_a_reported_code_is_named_but_rejects_nothing() -> None:
    report = "My neighbour posted 'time for remigration' on the estate group. I reported it."
    assert moderator("coded_hate", "reject").decide(CALM, report).action is Verdict.APPROVE


def test_a_reply_agreeing_with_a_rejected_find_is_held_not_rejected() -> None:
    """Agreement is an inference from the thread: a person decides."""
    site = moderator("threats", "reject")
    outcome = site.decide(CALM, "Exactly.", context=FINDS["threats"])
    assert outcome.action is Verdict.HOLD


def test_an_unknown_action_is_refused_naming_the_four() -> None:
    with pytest.raises(PolicyError, match="hold, reject, flag, off"):
        moderator("threats", "delete")
