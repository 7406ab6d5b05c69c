"""A user name that names its author's group ("secular_jew_e5") holds nothing by its
scores; a name that attacks a group, or holds contempt, harm or hostility, still does, and
the lists still read every name."""

from __future__ import annotations

import pytest

from threadguard.analysis import Analysis
from threadguard.moderation import Moderator, load_policy
from threadguard.moderation.authors import AuthorContext
from threadguard.moderation.self_named import says_who_they_are
from threadguard.schema import ATTRIBUTES, Verdict

CALM = Analysis(id=None, scores=dict.fromkeys(ATTRIBUTES, 0.01), language="en")
#: What the models gave "secular jew e5" (a twenty-eighth news desk, session 44).
NAME_READ = Analysis(
    id=None,
    scores={**dict.fromkeys(ATTRIBUTES, 0.05), "toxicity": 0.85, "identity_attack": 0.71},
    language="en",
)
TEXT = "British Jews in Stamford Hill are not the Israeli government. Leave your neighbours be."


@pytest.mark.parametrize(
    "name", ["secular_jew_e5", "proud muslim mum", "gay geordie", "Sikh lad", "StamfordHillJew"]
)
def test_a_name_that_says_who_its_author_is_holds_nothing(name: str) -> None:
    assert says_who_they_are(name)
    outcome = Moderator(load_policy()).decide(
        CALM, TEXT, AuthorContext(name, prior_comments=3), NAME_READ
    )
    assert outcome.action is Verdict.APPROVE


@pytest.mark.parametrize(
    "name",
    [
        "JewHater88",
        "IHateJews88",
        "KillAllMuslims",
        "MuslimsOut",
        "no_more_mosques",
        "BanIslam",
        "PakiBasher",
        "stupid_bitch",  # no group: the scores decide as before
        "Tom Brannigan",
    ],
)
def test_other_names_are_screened_as_before(name: str) -> None:
    assert not says_who_they_are(name)
    outcome = Moderator(load_policy()).decide(
        CALM, TEXT, AuthorContext(name, prior_comments=3), NAME_READ
    )
    assert outcome.action is Verdict.HOLD
    assert outcome.decision.reasons[0].startswith("author name: ")
