"""`threadguard scan` and the engine read a comment in the language its thread states
(``{"language": "de"}``), as `score` does, instead of detecting one from a few words; and
`scan --language` states one for the comments that state none."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from threadguard.engine import Engine
from threadguard.moderation import Moderator
from threadguard.readers import read_thread

THREAD = {
    "thread": {"title": "Stadtfest in Köln"},
    "comments": [
        {"id": "c1", "text": "Schönes Fest, tolle Stimmung am Rhein."},
        {"id": "c2", "parent": "c1", "language": "de", "text": "Verpiss dich, Kanake."},
    ],
}


def test_the_engine_reads_a_comment_in_its_stated_language(
    engine: Engine, moderator: Moderator
) -> None:
    thread = read_thread(json.dumps(THREAD).encode(), name="t.json").thread
    scored = engine.scan(thread)
    assert scored[1].analysis.language == "de"
    outcome = moderator.decide(scored[1].analysis, scored[1].comment.text)
    assert outcome.action.value in ("hold", "reject")
    assert any('"Kanake"' in r for r in outcome.decision.reasons)


def scan(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "threadguard", "scan", *args, "--format", "json", "--quiet"],
        capture_output=True,
        text=True,
        check=False,
    )


def test_scan_honours_the_language_field_and_the_language_option(tmp_path: Path) -> None:
    path = tmp_path / "thread.json"
    path.write_text(json.dumps(THREAD), "utf-8")
    proc = scan(str(path))
    assert proc.returncode == 0, proc.stderr
    c2 = json.loads(proc.stdout)["comments"][1]
    assert c2["analysis"]["language"] == "de"
    assert c2["decision"]["action"] == "hold"
    bare = tmp_path / "bare.json"
    bare.write_text(json.dumps({"comments": [{"id": "x", "text": "Taci, stronzo."}]}), "utf-8")
    proc = scan(str(bare), "--language", "it")
    assert proc.returncode == 0, proc.stderr
    x = json.loads(proc.stdout)["comments"][0]
    assert x["analysis"]["language"] == "it"
    assert x["decision"]["action"] == "hold"
    assert scan(str(bare), "--language", "it!").returncode != 0
