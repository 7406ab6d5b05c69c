"""`threadguard scan`: a thread in, every comment scored and decided, shown as tree or JSON."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from threadguard.engine import Engine
from threadguard.moderation import Moderator
from threadguard.readers import read_thread


def scan(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "threadguard", "scan", *args],
        capture_output=True,
        text=True,
        check=False,
    )


def test_json_output_follows_the_contract(example_thread: Path) -> None:
    proc = scan(str(example_thread), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert set(doc) == {"thread", "comments", "signals"}
    assert set(doc["thread"]) == {"title", "body", "url", "id"}
    thread = read_thread(example_thread).thread
    assert [c["id"] for c in doc["comments"]] == [c.id for c in thread.comments]
    for c, original in zip(doc["comments"], thread.comments, strict=True):
        assert c["author"] == original.author
        assert c["depth"] == original.depth
        assert c["parent"] == original.parent
        assert c["decision"]["action"] in ("approve", "hold", "reject")
        assert c["decision"]["action"] == c["analysis"]["decision"] or c.get("author_analysis")
        assert set(c["analysis"]) >= {"scores", "targets", "spans", "decision", "language", "model"}
    counts = doc["signals"]["decisions"]
    assert sum(counts.values()) == len(doc["comments"])


def test_example_thread_gets_mixed_decisions(
    engine: Engine, moderator: Moderator, example_thread: Path
) -> None:
    scored = moderator.moderate_thread(engine, read_thread(example_thread).thread)
    actions = {s.decision.action for s in scored}
    assert "approve" in actions
    assert actions & {"hold", "reject"}, (
        "the example thread has insults that must not all be approved"
    )


def test_example_thread_holds_its_hate_and_its_veiled_threat(
    engine: Engine, moderator: Moderator, example_thread: Path
) -> None:
    """What the bundled thread is for: a news desk's decisions on it must be right. A model
    or policy that approves harbourwatch's anti-immigrant comment or veiled threat is not
    shipped, however much it lowers the civil comments held elsewhere (issue 12)."""
    scored = moderator.moderate_thread(engine, read_thread(example_thread).thread)
    action = {s.comment.text[:40]: s.decision.action for s in scored if s.comment.text}
    must_stop = (
        "The real problem is all the immigrants",  # hate against a group
        "People like you should watch your back",  # a veiled threat, in reply
        "Nobody asked for your life story. Shut u",  # insults
        "Pete, you are a pathetic moron. Dave is",
    )
    must_publish = (
        "Half-hourly is great news for commuters,",
        "They did. There was a consultation in Fe",
        "Fair point",
        "I work on the Tern, so for what it",
        "I do tie it up, yes.",
        "My parents came here in 1994",  # counter-speech to the hate above it
        "Reminder: from June our Thursday late op",
    )
    for start in must_stop:
        (text,) = [t for t in action if t.startswith(start)]
        assert action[text] in ("hold", "reject"), f"approved: {text!r}"
    for start in must_publish:
        (text,) = [t for t in action if t.startswith(start)]
        assert action[text] == "approve", f"{action[text]}: {text!r}"


def test_tree_output_shows_authors_decisions_and_summary(example_thread: Path) -> None:
    proc = scan(str(example_thread))
    assert proc.returncode == 0, proc.stderr
    thread = read_thread(example_thread).thread
    for c in thread.comments:
        if c.author:
            assert c.author.split()[0] in proc.stdout
    assert "APPROVE" in proc.stdout
    assert f"{len(thread.comments)} comments:" in proc.stdout


def test_sentence_in_a_bullet_line_is_screened(
    engine: Engine, moderator: Moderator, tmp_path: Path
) -> None:
    dump = tmp_path / "t.txt"
    dump.write_text(
        "Ferry timetable changes\n\nThe ferry leaves earlier from May.\n\n"
        "  • Lena\n\n    Good to know, thanks.\n\n"
        "  • You are all pathetic idiots and morons\n"
        "  • Sam\n\n    Does the night boat still run?\n",
        encoding="utf-8",
    )
    scored = moderator.moderate_thread(engine, read_thread(dump).thread)
    by_author = {s.comment.author: s for s in scored}
    abusive = by_author["You are all pathetic idiots and morons"]
    assert abusive.comment.text == ""
    assert abusive.decision.action in ("hold", "reject")
    assert any(r.startswith("author name:") for r in abusive.decision.reasons)
    assert by_author["Lena"].decision.action == "approve"


def test_unreadable_file_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "garbage.bin"
    bad.write_bytes(bytes(range(256)) * 20)
    proc = scan(str(bad))
    assert proc.returncode == 2
    assert "garbage.bin" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_missing_file_and_bad_option_exit_2(tmp_path: Path) -> None:
    assert scan(str(tmp_path / "none.txt")).returncode == 2
    proc = scan(str(tmp_path / "none.txt"), "--format", "yaml")
    assert proc.returncode == 2
    assert "--format must be text or json" in proc.stderr


def test_a_folder_is_named_as_a_folder_not_as_missing(tmp_path: Path) -> None:
    proc = scan(str(tmp_path))
    assert proc.returncode == 2
    assert "is a folder, not a thread file" in proc.stderr
    assert "no such file" not in proc.stderr


def test_a_malformed_line_costs_only_itself_and_the_exit_code_says_so(tmp_path: Path) -> None:
    """Like `score`: every readable comment is decided and shown, the warning names the
    line, and the exit code is 2 (bad input) so a script notices the part it lost."""
    thread = tmp_path / "thread.jsonl"
    thread.write_text(
        '{"id": "a", "text": "Thanks for the clear write-up."}\n'
        '{"id": "b", "text": "unterminated\n'
        '{"id": "c", "parent": "a", "text": "Agreed, good piece."}\n',
        encoding="utf-8",
    )
    proc = scan(str(thread), "--format", "json", "--quiet")
    assert proc.returncode == 2, proc.stderr
    assert [c["id"] for c in json.loads(proc.stdout)["comments"]] == ["a", "c"]
    assert "line 2" in proc.stderr and "1 problem in" in proc.stderr
    assert "Traceback" not in proc.stderr
    clean = tmp_path / "clean.jsonl"
    clean.write_text('{"id": "a", "text": "Thanks for the clear write-up."}\n', encoding="utf-8")
    assert scan(str(clean), "--format", "json", "--quiet").returncode == 0


def test_the_format_is_read_whatever_its_case(example_thread: Path) -> None:
    # Desk 66 (session 50): "--format JSON" was refused.
    proc = scan(str(example_thread), "--format", "JSON", "-q")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["comments"]
