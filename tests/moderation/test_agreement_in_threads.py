"""In a thread a reply of bare agreement is decided against its parent's own decision:
what the lists found there, read with what the parent itself answers. "The groomers have
captured every sports body in the country." is coded hate under an article about a trans
athlete (the code needs the topic near, and the title names it), and "This. Every single
one of them." under it was published (a fifteenth news desk): read alone, the parent holds
nothing."""

from __future__ import annotations

from threadguard.analysis import Analysis
from threadguard.engine import ScoredComment
from threadguard.moderation import Moderator, load_policy
from threadguard.schema import ATTRIBUTES, Verdict
from threadguard.thread import Comment

DEFAULT = Moderator(load_policy())
CALM = Analysis(None, dict.fromkeys(ATTRIBUTES, 0.02), language="en")
TITLE = "Tribunal lets trans sprinter, 17, race in girls' events"
PARENT = "The groomers have captured every sports body in the country. Keep them away from our daughters."
REPLY = "This. Every single one of them."


def scored(*comments: Comment) -> list[ScoredComment]:
    return [ScoredComment(c, CALM, None) for c in comments]


def test_a_reply_agreeing_with_what_its_parent_was_held_for_is_held() -> None:
    parent = Comment("c1", PARENT)
    reply = Comment("c2", REPLY, parent="c1")
    first, second = DEFAULT.decide_thread(scored(parent, reply), title=TITLE)
    assert first.decision.action is Verdict.HOLD
    assert second.decision.action is Verdict.HOLD
    assert second.decision.reasons[0].startswith(
        'agrees with what it answers: coded hate "groomers"'
    )


def test_alone_the_parent_holds_nothing_so_neither_does_the_reply() -> None:
    # the parent's text without its thread: the code lacks the topic it needs
    assert DEFAULT.decide(CALM, PARENT).action is Verdict.APPROVE
    assert DEFAULT.decide(CALM, REPLY, context=PARENT).action is Verdict.APPROVE


def test_reading_alone_carries_nothing_over() -> None:
    alone = Moderator(load_policy(), context=False)
    parent = Comment("c1", PARENT)
    reply = Comment("c2", REPLY, parent="c1")
    _, second = alone.decide_thread(scored(parent, reply), title=TITLE)
    assert second.decision.action is Verdict.APPROVE


def test_agreement_under_a_civil_parent_stays_published() -> None:
    parent = Comment("c1", "Good on the tribunal. Let the kid run.")
    reply = Comment("c2", REPLY, parent="c1")
    _, second = DEFAULT.decide_thread(scored(parent, reply), title=TITLE)
    assert second.decision.action is Verdict.APPROVE
