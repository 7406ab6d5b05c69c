"""The thread page's logic: the reply tree and the signals from stored comments."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from threadguard.dashboard.thread_page import (
    build_tree,
    moderated,
    stored_codes,
    thread_view,
    verdict_of,
    walk,
)
from threadguard.schema import ATTRIBUTES
from threadguard.storage.records import AuthorInfo, StoredThread, ThreadComment, ThreadSummary

NOW = datetime(2026, 3, 1, tzinfo=UTC)


def comment(ext: str, parent: str | None = None, **kw: Any) -> ThreadComment:
    values: dict[str, Any] = {
        "id": f"cm_{ext}",
        "external_id": ext,
        "parent_id": parent,
        "author": f"author-{ext}",
        "text": f"text of {ext}",
        "depth": 0,
        "position": 0,
        "posted_at": None,
        "received_at": NOW,
        "status": "approved",
        "status_source": "policy",
        "scores": dict.fromkeys(ATTRIBUTES, 0.05),
        "targets": [],
        "spans": [],
        "language": "en",
        "policy_action": "approve",
        "policy_reasons": [],
        "policy_details": None,
        "moderator_action": None,
        "moderator": None,
        "moderator_reasons": [],
    }
    values.update(kw)
    return ThreadComment(**values)


def shape(roots: list[Any]) -> list[Any]:
    return [(n.comment.external_id, n.level, shape(n.children)) for n in roots]


def test_replies_hang_under_their_parents_in_order() -> None:
    roots = build_tree(
        [comment("a"), comment("b", "a"), comment("c"), comment("d", "b"), comment("e", "a")]
    )
    assert shape(roots) == [
        ("a", 0, [("b", 1, [("d", 2, [])]), ("e", 1, [])]),
        ("c", 0, []),
    ]
    assert [n.comment.external_id for n in walk(roots)] == ["a", "b", "d", "e", "c"]


def test_orphans_cycles_and_self_replies_become_top_level() -> None:
    roots = build_tree(
        [
            comment("x", "missing"),
            comment("p", "q"),
            comment("q", "p"),
            comment("s", "s"),
            comment("r", "p"),
        ]
    )
    flat = [(n.comment.external_id, n.level) for n in walk(roots)]
    assert sorted(e for e, _ in flat) == ["p", "q", "r", "s", "x"]
    assert ("x", 0) in flat and ("s", 0) in flat


def test_a_long_reply_chain_needs_no_recursion() -> None:
    chain = [comment("0")] + [comment(str(i), str(i - 1)) for i in range(1, 5000)]
    nodes = walk(build_tree(chain))
    assert len(nodes) == 5000 and nodes[-1].level == 4999


def test_the_verdict_that_stands_and_what_a_node_shows() -> None:
    held = comment(
        "h",
        policy_action="hold",
        scores={**dict.fromkeys(ATTRIBUTES, 0.1), "insult": 0.8, "toxicity": 0.6},
        targets=[{"group": "women", "score": 0.4}, {"group": "religion", "score": 0.9}],
        policy_details={
            "watchlist": [{"pattern": "idiot*", "action": "flag"}],
            "coded_hate": [
                {"pattern": "1488", "meaning": "a neo-Nazi code", "begin": 0, "end": 4},
                {"pattern": "no longer listed", "meaning": "m", "begin": 0, "end": 1},
                {"pattern": "londonistan", "begin": "x", "end": 3},
            ],
        },
    )
    assert verdict_of(held) == "hold"
    assert verdict_of(comment("m", policy_action="hold", moderator_action="approve")) == "approve"
    assert verdict_of(comment("n", policy_action=None)) == "approve"
    [node] = build_tree([held])
    assert node.top_scores == [("insult", 0.8), ("toxicity", 0.6)]
    assert [(t.group, t.score, t.inferred) for t in node.targets] == [
        ("religion", 0.9, False),
        ("women", 0.4, False),
    ]
    assert node.watched == ["idiot*"]
    assert node.coded == [
        ("1488", "a neo-Nazi code"),
        ("londonistan", ""),
        ("no longer listed", "m"),
    ]
    # the signals read the codes the lexicon still lists, from well-formed entries
    assert [c.term.pattern for c in stored_codes(held.policy_details or {})] == ["1488"]
    broken: list[Any] = [
        {"pattern": ["1488"], "begin": 0, "end": 4},
        {"pattern": "1488", "begin": float("inf"), "end": 4},
        5,
    ]
    assert stored_codes({"coded_hate": broken}) == ()
    assert stored_codes({"coded_hate": 5}) == ()
    assert node.anchor == "c-cm_h"


def test_a_node_shows_the_threats_found_marking_quoted_and_reported_ones() -> None:
    held = comment(
        "t",
        policy_action="hold",
        policy_details={
            "threats": [
                {"kind": "veiled threat", "phrase": "We know where\nyou live", "begin": 0},
                {"kind": "intent to harm", "phrase": "I will kill you", "quoted": True},
                {"kind": "call for expulsion", "phrase": "don't belong here", "rebutted": True},
                {"kind": "veiled threat", "phrase": "We know where\nyou live", "begin": 30},
                {"kind": "intent to harm"},
                7,
            ]
        },
    )
    [node] = build_tree([held])
    assert node.threats == [
        ("veiled threat", "We know where you live"),
        ("intent to harm", "I will kill you (quoted)"),
        ("call for expulsion", "don't belong here (reported)"),
    ]
    [bare] = build_tree([comment("b", policy_details={"threats": "broken"})])
    assert bare.threats == []


def test_signals_count_the_verdict_that_stands_and_skip_context() -> None:
    comments = [
        comment("a", author="troll", policy_action="reject"),
        comment("b", author="troll", policy_action="hold"),
        comment("c", author="troll", policy_action="hold", moderator_action="approve"),
        comment("ctx", scores=None, policy_action=None),
    ]
    assert [m.comment.id for m in moderated(comments)] == ["a", "b", "c"]
    thread = StoredThread(
        ThreadSummary(1, "news", "a1", "Title", "", 3, 1, 1, NOW), comments, False
    )
    view = thread_view(thread, {"troll": AuthorInfo("troll", banned=True, recent_rejections=4)})
    assert view.signals.decisions == {"approve": 1, "hold": 1, "reject": 1}
    [author] = view.signals.authors
    assert (author.author, author.held, author.rejected) == ("troll", 1, 1)
    assert view.link("b") == "c-cm_b" and view.link("nope") == ""
    assert view.standing["troll"].banned
    assert len(view.nodes) == 4


def test_a_stored_code_keeps_the_group_it_was_found_for() -> None:
    # two entries share the name "groomers": beside trans people it targets gender, beside
    # gay people sexual orientation; the thread page's signals read the stored group
    stored = [
        {"pattern": "groomers", "group": group, "begin": 0, "end": 8}
        for group in ("gender", "sexual_orientation")
    ]
    found = stored_codes({"coded_hate": stored})
    assert [(c.term.pattern, c.term.group) for c in found] == [
        ("groomers", "gender"),
        ("groomers", "sexual_orientation"),
    ]
