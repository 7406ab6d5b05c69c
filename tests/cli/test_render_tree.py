"""The terminal tree of `scan`: deep threads collapse visibly, and no held or rejected
comment is ever hidden."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from pathlib import Path

from cli_support import run_cli
from rich.console import Console

from threadguard.analysis import Analysis, Span
from threadguard.moderation import Moderated
from threadguard.moderation.decision import Decision, Outcome
from threadguard.render import levels_for, summary_line, thread_tree
from threadguard.thread import Comment, Thread


def moderated(i: int, parent: int | None, action: str = "approve") -> Moderated:
    text = f"{action} comment number {i}" if action != "approve" else f"reply {i}"
    comment = Comment(
        id=f"c{i}",
        text=text,
        author=f"user{i}",
        parent=None if parent is None else f"c{parent}",
        position=i,
    )
    reasons = () if action == "approve" else (f"{action} because of {i}",)
    return Moderated(
        comment, Analysis(comment.id, {"toxicity": 0.1}), None, Outcome(Decision(action, reasons))
    )


def render(scored: list[Moderated], levels: int, width: int = 200) -> str:
    console = Console(width=width, record=True, file=io.StringIO())
    console.print(thread_tree(Thread(title="Deep"), scored, levels))
    console.print(summary_line(scored))
    return console.export_text()


def chain(n: int, flagged: dict[int, str]) -> list[Moderated]:
    return [moderated(i, i - 1 if i else None, flagged.get(i, "approve")) for i in range(n)]


def test_a_deep_thread_collapses_visibly_and_shows_every_held_comment() -> None:
    held = {5: "hold", 40: "hold", 700: "hold", 1500: "hold", 2222: "hold", 4000: "hold"}
    held[4999] = "reject"
    out = render(chain(5000, held), levels=12)
    # Twelve levels drawn, the other 4,988 replies counted on one line.
    assert "reply 11" in out and "reply 12" not in out
    assert "… 4,988 more replies, 5 held, 1 rejected" in out
    # Every held or rejected comment is shown, with the path that leads to it.
    for i, action in held.items():
        assert f"{action} comment number {i}" in out
        assert f"{action} because of {i}" in out
    assert "⋮ 29 replies down, via user11 › user12 › … 25 more › user38 › user39" in out
    assert "⋮ 4,988 replies down, via user11 › user12" in out
    assert "5000 comments: 4993 approved, 6 held, 1 rejected" in out


def test_a_collapsed_branch_with_nothing_flagged_says_so() -> None:
    scored = chain(30, {})
    scored.append(moderated(30, None, "hold"))  # a second top-level comment, shown in full
    out = render(scored, levels=3)
    assert "… 27 more replies, all approved" in out
    assert "hold comment number 30" in out


def test_a_thread_that_fits_is_drawn_whole() -> None:
    scored = [moderated(0, None), moderated(1, 0), moderated(2, 1, "hold"), moderated(3, 0)]
    scored.append(moderated(4, 99))  # a reply to a comment not in the thread: top level
    out = render(scored, levels=12)
    assert "more repl" not in out
    for s in scored:
        assert s.comment.text in out


def test_levels_fit_the_terminal() -> None:
    assert levels_for(80) == 10
    assert levels_for(20) == 2
    assert levels_for(500) == 12


def test_scan_collapses_a_deep_thread(tmp_path: Path) -> None:
    rows: list[dict[str, object]] = [{"thread": {"title": "Deep", "body": "b", "url": "u"}}]
    for i in range(300):
        text = "You are a pathetic idiot and a moron." if i == 250 else f"I still think {i}."
        rows.append({"id": f"c{i}", "parent": f"c{i - 1}" if i else None, "text": text})
    thread = tmp_path / "deep.jsonl"
    thread.write_text("\n".join(json.dumps(r) for r in rows))
    proc = run_cli("scan", str(thread), "--tier", "fast", env={"COLUMNS": "80"})
    assert proc.returncode == 0, proc.stderr
    assert "… 290 more replies, " in proc.stdout  # ten levels fit 80 columns
    assert "pathetic idiot" in proc.stdout
    assert "⋮ 241 replies down" in proc.stdout


def _flagged(action: str) -> Moderated:
    text = "You are a worthless idiot and a liar."
    comment = Comment(id="c1", text=text, author="a", parent=None, position=0)
    spans = (
        Span(10, 19, "insult", 0.9),
        Span(20, 25, "insult", 0.95),
        Span(20, 25, "toxicity", 0.9),
    )
    analysis = Analysis("c1", {"insult": 0.95, "toxicity": 0.9}, spans=spans)
    reasons = () if action == "approve" else ("insult 0.95 ≥ 0.27 (hold)",)
    return Moderated(comment, analysis, None, Outcome(Decision(action, reasons)))


def test_a_held_comment_lists_its_flagged_words_in_plain_text() -> None:
    out = render([_flagged("hold")], levels=12)
    assert 'words: "worthless" insult  "idiot" insult' in out
    assert "toxicity" not in out.split("words:")[1].split("\n")[0]  # one word, one line


def test_an_approved_comment_lists_no_words() -> None:
    assert "words:" not in render([_flagged("approve")], levels=12)


def test_a_group_inferred_for_a_held_comment_is_marked_as_inferred() -> None:
    """An inference (the group a held comment names, or its thread's) reads differently
    from a head's reading in the tree (desk 14: "inferred targets look like real ones")."""
    from threadguard.analysis import Target
    from threadguard.moderation.inferred_targets import INFERRED_TARGET

    comment = Comment(id="c1", text="They breed faster than we do.", author="a", position=0)
    targets = (Target("muslims", INFERRED_TARGET, inferred=True), Target("women", 0.62))
    analysis = Analysis("c1", {"toxicity": 0.6}, targets=targets)
    outcome = Outcome(Decision("hold", ("toxicity 0.60 ≥ 0.40 (hold)",)))
    outcome = replace(outcome, inferred_groups=frozenset({"muslims"}))
    out = render([Moderated(comment, analysis, None, outcome)], levels=12)
    assert "targets: women 0.62\n" in out
    assert "probably about (inferred, not scored): muslims" in out
    # a head that read the group at the inference's score is no inference
    read = replace(analysis, targets=(Target("muslims", INFERRED_TARGET),))
    out = render([Moderated(comment, read, None, outcome)], levels=12)
    assert "targets: muslims 0.45\n" in out and "inferred" not in out


def test_a_score_reads_on_its_line_as_its_reason_shows_it() -> None:
    # Desk 63 (session 49): "toxicity 0.40" above the reason "toxicity 0.409 ≥ 0.40 (hold)".
    comment = Comment(id="c0", text="A close call.", author="ann", parent=None, position=0)
    held = Moderated(
        comment,
        Analysis(comment.id, {"toxicity": 0.4093, "insult": 0.3141}),
        None,
        Outcome(Decision("hold", ("toxicity 0.409 ≥ 0.40 (hold)",))),
    )
    text = render([held], levels=4)
    assert "toxicity 0.409  insult 0.31" in text
    assert "toxicity 0.40 " not in text


def test_a_reason_about_the_score_before_a_sites_adaptation_is_not_the_lines_number() -> None:
    comment = Comment(id="c0", text="Adapted.", author="ann", parent=None, position=0)
    reasons = (
        "toxicity 0.93 ≥ 0.90 (reject, the engine's score before the site's adaptation)",
        "toxicity 0.60 ≥ 0.40 (hold)",
    )
    held = Moderated(
        comment,
        Analysis(comment.id, {"toxicity": 0.6012}),
        None,
        Outcome(Decision("hold", reasons)),
    )
    scores_line = next(ln for ln in render([held], levels=4).splitlines() if "toxicity" in ln)
    assert "≥" not in scores_line and scores_line.strip().endswith("toxicity 0.60")


def test_a_bullet_line_that_reads_as_a_sentence_says_where_its_words_went() -> None:
    # Desk 63 (session 49): "• Thanks for posting this." read as lost text.
    sentence = Comment(id="c0", text="", author="Thanks for posting this.", parent=None, position=0)
    name = Comment(id="c1", text="", author="quietreader", parent=None, position=1)
    scored = [
        Moderated(c, Analysis(c.id, {"toxicity": 0.01}), None, Outcome(Decision("approve", ())))
        for c in (sentence, name)
    ]
    text = render(scored, levels=4)
    assert "read as the author's name, and screened" in text
    assert text.count("(no text)") == 1


def test_the_count_of_one_comment_is_singular() -> None:
    # Desk 75: "1 comments: 1 approved"
    assert "1 comment: 1 approved, 0 held, 0 rejected" in render(chain(1, {}), levels=12)
    assert "2 comments: 2 approved" in render(chain(2, {}), levels=12)
