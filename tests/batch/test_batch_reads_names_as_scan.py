"""``batch`` screens a user name as ``scan`` does: read as its words, in the language of its
author's first comment. Scored glued, "hist_nerd" was approved by ``batch`` and held by
``scan`` (desk 69, session 50), though the README says a policy means the same in both."""

from __future__ import annotations

from threadguard.batch.scoring import Scorer
from threadguard.batch.units import Unit
from threadguard.engine import Engine
from threadguard.moderation import Moderator
from threadguard.thread import Comment, Thread

NAMES = ("hist_nerd", "KillAllMuslims", "grumpy_grandad", "nick_m", "Amina Yılmaz")


def test_batch_and_scan_give_each_name_the_same_scores_and_decisions(engine: Engine) -> None:
    thread = Thread(
        "Appleby horse fair",
        comments=tuple(
            Comment(
                f"c{i}",
                "The fair was granted a charter in 1685, a fact for the pub quiz.",
                author=n,
            )
            for i, n in enumerate(NAMES)
        ),
    )
    moderator = Moderator()
    scanned = engine.scan(thread)
    [batched] = Scorer(engine, moderator).moderate([Unit(thread, "test")])
    for s, b in zip(scanned, batched, strict=True):
        assert s.author_analysis is not None and b.author_analysis is not None
        assert b.author_analysis.scores == s.author_analysis.scores, s.comment.author
    by_scan = moderator.decide_thread(scanned, title=thread.title)
    assert [m.outcome.action for m in batched] == [m.outcome.action for m in by_scan]


def test_a_name_met_first_in_another_language_is_read_again_in_this_ones(engine: Engine) -> None:
    """The name's reading depends on its author's language: one process reading a German
    thread and then an English one gives the English thread the English reading (a code
    review: the name was cached from the German partition)."""
    name = "grumpy_grandad"
    german = Thread(
        "Radweg",
        comments=(
            Comment("d0", "Der neue Radweg am Hafen ist eine gute Idee, finde ich.", author=name),
        ),
    )
    english = Thread(
        "Bike lane",
        comments=(Comment("e0", "The new bike lane by the harbour is a good idea.", author=name),),
    )
    scorer = Scorer(engine, Moderator())
    [german_done] = scorer.moderate([Unit(german, "de")])
    [english_done] = scorer.moderate([Unit(english, "en")])
    [scanned] = engine.scan(english)
    assert german_done[0].analysis.language == "de" and scanned.analysis.language == "en"
    assert english_done[0].author_analysis is not None and scanned.author_analysis is not None
    assert english_done[0].author_analysis.scores == scanned.author_analysis.scores
    assert english_done[0].author_analysis.language == "en"
