"""Small comment archives for the batch and report tests, written on the fly (no shared data)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from threadguard.batch.inputs import InputFile, describe
from threadguard.batch.manifest import Manifest
from threadguard.batch.output import OutputDir
from threadguard.batch.plan import Reading, partitions, read_units
from threadguard.batch.runner import summarize
from threadguard.batch.scoring import Scorer, score
from threadguard.engine import CascadeSettings, Engine
from threadguard.moderation import Moderator, policy_text
from threadguard.schema import Tier

TEXTS = (
    "Thanks for the clear reporting on this.",
    "You are a complete idiot and everyone here knows it.",
    "I disagree, the council had no other option.",
    "Shut up, nobody asked you, moron.",
    "Good point, I had not thought of that.",
    "The bridge will be finished next spring.",
)


def archive_rows(threads: int, per_thread: int) -> list[dict[str, str]]:
    """Comment rows of ``threads`` threads, interleaved as a time-ordered export is, each
    reply answering the comment before it in its thread."""
    rows = []
    for i in range(per_thread):
        for t in range(threads):
            row = {
                "id": f"t{t}-c{i}",
                "thread_id": f"t{t}",
                "title": f"Article {t}",
                "text": TEXTS[(t + i) % len(TEXTS)],
                "author": f"user{(t * 7 + i) % 5}",
                "created_at": f"2024-0{1 + t % 9}-1{i % 10}T10:00:00Z",
            }
            if i:
                row["parent_id"] = f"t{t}-c{i - 1}"
            rows.append(row)
    return rows


def write_jsonl(path: Path, rows: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


#: A Disqus export of two threads (1 and 4 posts), as a site exports it.
DISQUS_EXPORT = (
    '<?xml version="1.0" encoding="utf-8"?>\n'
    '<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">\n'
    '<thread dsq:id="10"><id>a-10</id><title>Quiet thread</title></thread>\n'
    '<thread dsq:id="20"><id>a-20</id><title>Ferry timetable</title></thread>\n'
    + "".join(
        f'<post dsq:id="{p}"><message><![CDATA[<p>{text}</p>]]></message>'
        f"<createdAt>2024-05-0{p}T10:00:00Z</createdAt><author><name>User {p}</name></author>"
        f'<thread dsq:id="{t}"/>{parent}</post>\n'
        for p, t, text, parent in (
            (1, 10, "Only post here", ""),
            (2, 20, "Great news, about time.", ""),
            (3, 20, "You people are pathetic idiots", '<parent dsq:id="2"/>'),
            (4, 20, "Calm down", '<parent dsq:id="3"/>'),
            (5, 20, "Another", ""),
        )
    )
    + "</disqus>\n"
)


def run_batch(*inputs: Path, out: Path) -> subprocess.CompletedProcess[str]:
    """``threadguard batch INPUTS --out OUT`` in a child process, one worker, the fast tier,
    quiet: what an operator's script sees (exit status, standard output and error)."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    command = [sys.executable, "-m", "threadguard", "batch", *map(str, inputs), "--out", str(out)]
    return subprocess.run(
        [*command, "--workers", "1", "--tier", "fast", "--quiet"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def scored_output(
    rows: list[dict[str, str]], root: Path, engine: Engine, moderator: Moderator, size: int
) -> tuple[OutputDir, list[InputFile]]:
    """A batch output of ``rows`` made in this process (a worker's scoring by the fast
    tier, without Dask), in partitions of ``size`` comments, and its input files; no
    manifest yet (:func:`finish`)."""
    source = write_jsonl(root / "archive.jsonl", rows)
    files = describe([source])
    out = OutputDir(root / "out")
    out.prepare()
    scorer = Scorer(engine.with_cascade(CascadeSettings(tier=Tier.FAST)), moderator)
    for part in partitions(read_units(files, Reading(1), root / "work"), size):
        scored = score(scorer, part)
        out.write(scored.name, scored.comments, scored.threads)
    return out, files


def finish(out: OutputDir, files: list[InputFile], moderator: Moderator) -> Path:
    """Write ``out``'s manifest as a finished batch does; its folder."""
    text = policy_text(moderator.policy) or ""
    manifest = Manifest.new(files, "threadguard-test", {"fast": "ab" * 32}, text, "default", {})
    manifest.finished(summarize(out), []).save(out.manifest)
    return out.root
