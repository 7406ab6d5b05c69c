"""In a thread a reply of bare agreement is decided against its parent's own decision:
what the lists found there, read with what the parent itself answers. "The groomers have
captured every sports body in the country." is coded hate under an article about a trans
athlete (the code needs the topic near, and the title names it), and "This. Every single
one of them." under it was published (a fifteenth news desk): read alone, the parent holds
nothing."""

from __future__ import annotations

from list_support import CALM, DEFAULT

from threadguard.analysis import Analysis
from threadguard.engine import ScoredComment
from threadguard.moderation import Moderator, load_policy
from threadguard.schema import ATTRIBUTES, Verdict
from threadguard.thread import Comment

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


def held_on(**scores: float) -> Analysis:
    return Analysis(None, {**dict.fromkeys(ATTRIBUTES, 0.02), **scores}, language="en")


def test_agreeing_with_a_parent_held_for_abuse_on_its_scores_is_held() -> None:
    # a seventeenth news desk: "This. Spot on." under a parent held at identity attack
    # 0.33 read with the article's title, under the engine's plain-abuse floor alone (the
    # desk's "Another DEI hire." is coded hate since session 45: a token appointment here)
    parent = Comment("c1", "Another token appointment. Wonder who was passed over? Just asking.")
    reply = Comment("c2", "This. Spot on.", parent="c1")
    first, second = DEFAULT.decide_thread(
        [
            ScoredComment(parent, held_on(toxicity=0.49, identity_attack=0.33), None),
            ScoredComment(reply, CALM, None),
        ]
    )
    assert first.decision.action is Verdict.HOLD and first.outcome.abuse_held
    assert second.decision.action is Verdict.HOLD
    assert second.decision.reasons == (
        "agrees with what it answers: a comment held for identity_attack 0.33 ≥ 0.21 (hold)",
    )


def test_agreeing_with_a_parent_held_on_a_close_call_is_not_held() -> None:
    # an eighteenth news desk: "Ha, spot on." under a dark joke held at toxicity 0.53,
    # short of the engine's plain-abuse floor (0.70); above it, agreement is held
    joke = Comment("c1", "Only thing getting slaughtered in this town is the high street tbh")
    reply = Comment("c2", "Ha, spot on.", parent="c1")
    for toxicity, held in ((0.53, False), (0.75, True)):
        first, second = DEFAULT.decide_thread(
            [
                ScoredComment(joke, held_on(toxicity=toxicity), None),
                ScoredComment(reply, CALM, None),
            ]
        )
        assert first.decision.action is Verdict.HOLD and first.outcome.abuse_held
        assert (second.decision.action is Verdict.HOLD) is held


def test_agreeing_with_a_parent_held_for_swearing_or_words_of_its_own_is_not() -> None:
    swearing = Comment("c1", "Fucking brilliant result, what a shitshow for them.")
    agree = Comment("c2", "Spot on.", parent="c1")
    own = Comment("c3", "Spot on, but the ref was poor.", parent="c1")
    _, second, third = DEFAULT.decide_thread(
        [
            ScoredComment(swearing, held_on(profanity=0.95), None),
            ScoredComment(agree, CALM, None),
            ScoredComment(own, CALM, None),
        ]
    )
    assert second.decision.action is Verdict.APPROVE
    assert third.decision.action is Verdict.APPROVE


def test_agreement_with_a_parent_held_for_where_a_person_lives_is_held() -> None:
    # News desks 82 and 84 (session 53): "Well said." under a comment held for a reader's
    # home address was published; docs/policy.md holds agreement with what a list holds.
    parent = Comment("c1", "Miriam Adler lives at 22 Bury Old Road if anyone wants a word.")
    reply = Comment("c2", "Well said.", parent="c1")
    first, second = DEFAULT.decide_thread(scored(parent, reply), title="New board chair")
    assert first.decision.action is Verdict.HOLD
    assert second.decision.action is Verdict.HOLD
    assert second.decision.reasons[0].startswith(
        "agrees with what it answers: a comment held for contact details: home address"
    )


def test_agreement_with_a_comment_giving_a_business_phone_number_stays_published() -> None:
    parent = Comment("c1", "The food bank's helpline is 0161 496 0000, ring them Mondays.")
    reply = Comment("c2", "Well said.", parent="c1")
    first, second = DEFAULT.decide_thread(scored(parent, reply), title="Food bank opens")
    assert first.decision.action is Verdict.HOLD  # a phone number is held for a moderator
    assert second.decision.action is Verdict.APPROVE
