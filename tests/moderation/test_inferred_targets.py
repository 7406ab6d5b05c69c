"""A held comment the target heads name no group for takes one, at a weaker score than a
head's or a list's: a comment held for an identity attack, the groups it names; a reply
held for abuse that speaks of "them", the group its parent or the article's title names
("They breed faster than we do." under a story about a mosque). A calm comment, one held
for something else, one held for toxicity that names a group itself, or one that speaks
of no one takes none."""

from __future__ import annotations

import pytest
from list_support import CALM, DEFAULT

from threadguard.analysis import Analysis, Target
from threadguard.engine import ScoredComment
from threadguard.moderation import with_findings
from threadguard.moderation.inferred_targets import (
    INFERRED_TARGET,
    groups_from_thread,
    inferred_groups,
)
from threadguard.schema import GROUPS
from threadguard.scoring.group_words import FORM_GROUPS, groups_mentioned
from threadguard.thread import Comment

HOSTILE = Analysis(None, {**CALM.scores, "toxicity": 0.6, "identity_attack": 0.5}, language="en")
RUDE = Analysis(None, {**CALM.scores, "toxicity": 0.6}, language="en")
SWEARING = Analysis(None, {**CALM.scores, "profanity": 0.95}, language="en")
MOSQUE = "Council approves new mosque on Elm Street"


def decided(text: str, analysis: Analysis, context: str) -> Analysis:
    return with_findings(analysis, DEFAULT.decide(analysis, text, context=context))


def test_a_held_reply_about_them_takes_the_group_its_title_names() -> None:
    got = decided("Give it time. They breed faster than we do.", HOSTILE, MOSQUE)
    assert set(got.targets) == {
        Target("muslims", INFERRED_TARGET, inferred=True),
        Target("religion", INFERRED_TARGET, inferred=True),
    }


@pytest.mark.parametrize(
    ("text", "analysis"),
    [
        ("Give it time, they'll see.", CALM),  # published: no target
        ("They can go to hell.", SWEARING),  # held for profanity alone
        ("Muslims breed faster than we do.", RUDE),  # names a group, held for toxicity only
        ("Absolute disgrace, the whole council.", HOSTILE),  # speaks of no "them"
    ],
)
def test_otherwise_the_thread_names_no_target(text: str, analysis: Analysis) -> None:
    outcome = DEFAULT.decide(analysis, text, context=MOSQUE)
    assert outcome.inferred_groups == frozenset()
    assert not {t.group for t in with_findings(analysis, outcome).targets} & {"muslims"}


def test_a_comment_held_for_an_identity_attack_takes_the_groups_it_names() -> None:
    """The identity-attack head read an attack and no target head named its group: the
    group the comment names is shown (desk 13: "These sodomites are a disease and this
    bill is the cure." held at identity attack 0.24 with no target)."""
    text = "Good. The gays have had it too easy for too long."
    got = decided(text, HOSTILE, "Parliament passes the bill")
    assert Target("sexual_orientation", INFERRED_TARGET, inferred=True) in got.targets
    assert {"group": "sexual_orientation", "score": 0.45, "inferred": True} in [
        t.to_json() for t in got.targets
    ]
    # its own words come before its thread's: the title names Muslims, the comment gays
    got = decided(text, HOSTILE, MOSQUE)
    assert {t.group for t in got.targets} == {"sexual_orientation"}


def test_a_group_the_heads_name_keeps_their_score() -> None:
    """An inferred group never lowers what a head read."""
    named = Analysis(None, HOSTILE.scores, targets=(Target("muslims", 0.8),), language="en")
    got = decided("Muslims breed faster than we do.", named, "")
    assert Target("muslims", 0.8) in got.targets


def test_held_for_toxicity_or_not_held_a_comment_naming_a_group_takes_none() -> None:
    text = "Muslims breed faster than we do."
    assert inferred_groups(text, "", identity_attack=True) == {"muslims"}
    assert inferred_groups(text, "", identity_attack=False) == frozenset()
    assert decided(text, CALM, "").targets == ()


def test_the_parent_comes_before_the_title_in_a_thread() -> None:
    """In a thread, a reply's context is its parent's text (else the title)."""
    parent = Comment("c1", "Polish workers have kept the factory open for a decade.")
    reply = Comment("c2", "They should all go back.", parent="c1", depth=1)
    scored = [ScoredComment(parent, CALM, None), ScoredComment(reply, HOSTILE, None)]
    _, moderated = DEFAULT.decide_thread(scored, title=MOSQUE)
    assert {t.group for t in moderated.analysis.targets} == {"nationality_migration"}


def test_groups_mentioned_reads_peoples_places_and_feasts() -> None:
    assert groups_mentioned("a gypsy/traveller site near kinross") == {"race_ethnicity"}
    assert groups_mentioned("school keeps pride flag") == {"sexual_orientation", "gender"}
    assert groups_mentioned("nigerian nurses") == {"black_people", "nationality_migration"}
    assert groups_mentioned("the weather was fine") == frozenset()
    assert all(set(groups) <= set(GROUPS) for groups in FORM_GROUPS.values())


def test_only_a_reply_that_names_no_group_and_speaks_of_them_reads_its_thread() -> None:
    assert groups_from_thread("This lot are criminals, every one.", "Refugees arrive") == {
        "nationality_migration"
    }
    assert groups_from_thread("Criminals, every one.", "Refugees arrive") == frozenset()
    assert (
        groups_from_thread("Refugees are criminals, all of them.", "Refugees arrive") == frozenset()
    )
    assert groups_from_thread("They are criminals.", "") == frozenset()


def test_a_group_from_the_thread_is_shown_but_not_counted_as_a_concentration() -> None:
    """A civil reply the models held wrongly takes its thread's group too ("I'm sorry
    that happens to your kids, Hodan. Kids repeat what they hear at home."): the group is
    shown with each comment, and three such replies are no concentration on the group."""
    from threadguard.signals import compute_signals
    from threadguard.thread import Thread

    parent = Comment("c0", "Polish workers have kept the factory open for a decade.")
    replies = [
        Comment(f"c{i}", "They should all go back.", author=f"u{i}", parent="c0", depth=1)
        for i in range(1, 4)
    ]
    scored = [ScoredComment(parent, CALM, None)] + [
        ScoredComment(r, HOSTILE, None) for r in replies
    ]
    moderated = DEFAULT.decide_thread(scored, title=MOSQUE)
    assert all(
        Target("nationality_migration", INFERRED_TARGET, inferred=True) in m.analysis.targets
        for m in moderated[1:]
    )
    thread = Thread(title=MOSQUE, comments=(parent, *replies))
    assert compute_signals(thread, moderated).group_concentration == ()


def test_a_reply_about_the_threads_own_readers_takes_no_group_from_the_title() -> None:
    # Desk 71 (session 50): an insult at readers that said "their lives" took the article's
    # groups ("probably about: black_people, nationality_migration").
    title = "Somali-British councillor elected mayor"
    assert (
        groups_from_thread(
            "Half the people in this section are smug do-gooders who've never done a day's graft "
            "in their lives. Get off your backsides, you useless parasites.",
            title,
        )
        == frozenset()
    )
    assert groups_from_thread("They never did a day's graft in their lives.", title)
