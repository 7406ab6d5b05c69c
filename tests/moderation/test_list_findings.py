"""What the lists find is the comment's too: a comment held for a code of coded hate, a
call for expulsion or dehumanising language names its group in ``targets`` and marks the
words among its ``spans`` (score line, scan document, store), not only in its reasons,
however low the models scored it; a rebutted or quoted find, a code in the user name and a
calm comment add nothing."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from list_support import CALM, DEFAULT

from threadguard.analysis import Span, Target, merged_targets
from threadguard.engine import CommentInput, Engine, ScoredComment
from threadguard.moderation import Moderator
from threadguard.moderation.decision import LISTED_TARGET, with_findings
from threadguard.schema import Verdict
from threadguard.score_lines import score_stream
from threadguard.thread import Comment


@pytest.mark.parametrize(
    ("text", "groups"),
    [
        # dehumanising language (the threat list)
        ("Muslims are a cancer on this country.", {"muslims", "religion"}),
        # a call for expulsion
        ("Muslims must go.", {"muslims", "religion"}),
        # a code of coded hate
        ("Canada needs remigration, full stop.", {"nationality_migration"}),
        ("Spastics shouldn't be in charge of anything.", {"disability"}),
    ],
)
def test_a_comment_held_by_the_lists_names_their_group_as_its_target(
    text: str, groups: set[str]
) -> None:
    outcome = DEFAULT.decide(CALM, text)
    assert outcome.action is Verdict.HOLD
    assert outcome.named_groups == groups
    named = with_findings(CALM, outcome)
    assert {t.group for t in named.targets} == groups
    assert all(t.score == LISTED_TARGET for t in named.targets)
    # the find's words are marked, as the attribute it is
    (span,) = named.spans
    assert (span.attribute, span.score) == ("identity_attack", LISTED_TARGET)
    assert text[span.begin : span.end].lower().startswith(("muslims", "remigration", "spastic"))
    # the rest of the analysis is the engine's
    assert (named.scores, named.language) == (CALM.scores, "en")
    assert with_findings(CALM, outcome, spans=False).spans == ()


@pytest.mark.parametrize(
    "text",
    [
        "Calling Muslims a cancer on this country is vile, and the councillor should resign.",
        'He wrote "Muslims are a cancer" and was rightly sacked.',
        "There is no migrant invasion; the numbers are lower than in 2015.",
        "The mosque's open day drew a big crowd.",
    ],
)
def test_a_rebutted_quoted_or_calm_comment_names_no_group(text: str) -> None:
    outcome = DEFAULT.decide(CALM, text)
    assert outcome.action is Verdict.APPROVE
    assert outcome.named_groups == frozenset()
    assert with_findings(CALM, outcome) is CALM


def test_a_code_in_the_user_name_is_the_names_not_the_comments_target() -> None:
    comment = Comment("c1", "They earned that name.", author="Pikey_hunter")
    (m,) = DEFAULT.decide_thread([ScoredComment(comment, CALM, CALM)])
    assert m.decision.action is not Verdict.APPROVE
    assert any(c.where.in_author for c in m.outcome.coded), "the name's code is found"
    assert m.analysis.targets == ()


def test_the_models_higher_score_for_a_group_stands() -> None:
    seen = replace(CALM, targets=(Target("muslims", 0.91), Target("women", 0.3)))
    outcome = DEFAULT.decide(seen, "Muslims are a cancer on this country.")
    named = with_findings(seen, outcome)
    assert named.targets == (
        Target("muslims", 0.91),
        Target("religion", LISTED_TARGET),
        Target("women", 0.3),
    )


def test_merged_targets_keep_each_group_once_at_its_highest_score() -> None:
    a = (Target("jews", 0.4), Target("religion", 0.9))
    b = (Target("jews", 0.8), Target("gender", 0.4))
    assert merged_targets(a, b) == (
        Target("religion", 0.9),
        Target("jews", 0.8),
        Target("gender", 0.4),
    )
    assert merged_targets() == ()


def test_the_score_line_and_the_thread_report_the_lists_groups(
    engine: Engine, moderator: Moderator
) -> None:
    """End to end with the shipped models: the dehumanising comment's group heads stay
    under the report line (the reason the lists' groups are needed), and its score line
    names the group all the same."""
    text = "Muslims are a cancer on this country."
    (alone,) = engine.analyze([CommentInput(text)])
    assert not {"muslims", "religion"} <= {t.group for t in alone.targets}
    lines = list(score_stream(engine, moderator, [json.dumps({"id": "c1", "text": text})]))
    ((line, ok),) = lines
    assert ok and line["decision"] == "hold"
    assert {t["group"] for t in line["targets"]} >= {"muslims", "religion"}


def test_a_threat_is_marked_as_a_threat_and_a_models_span_there_keeps_its_score() -> None:
    text = "We know where you live."
    outcome = DEFAULT.decide(CALM, text)
    assert outcome.threat_held
    (span,) = with_findings(CALM, outcome).spans
    assert (text[span.begin : span.end], span.attribute) == ("We know where you live", "threat")
    seen = replace(
        CALM, spans=(Span(span.begin, span.end, "threat", 0.93), Span(0, 2, "insult", 0.6))
    )
    assert with_findings(seen, outcome).spans == (
        Span(0, 2, "insult", 0.6),
        Span(span.begin, span.end, "threat", 0.93),
    )
