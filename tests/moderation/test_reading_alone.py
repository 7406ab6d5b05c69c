"""``--no-context`` reads every comment alone, lists and all: a moderator made with
``context=False`` ignores the parent and title it is given, so a reply that is hate only
through its parent is published, and a held reply takes no group from its thread. The
command line's ``--no-context`` makes that moderator for ``score`` and ``scan``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from list_support import CALM

from threadguard.analysis import Analysis
from threadguard.moderation import Moderator, load_policy, with_findings
from threadguard.schema import Verdict

WITH_THREAD = Moderator(load_policy())
ALONE = Moderator(load_policy(), context=False)
HOSTILE = Analysis(None, {**CALM.scores, "toxicity": 0.6, "identity_attack": 0.5}, language="en")
TOWELHEAD = (
    "Someone yelled 'go back to your camel, towelhead' at my dad in the Co-op car park. "
    "He's lived here 31 years."
)
APPROVAL = "Maybe he should take the hint."
MOSQUE = "Council approves new mosque on Elm Street"


def test_a_reply_hateful_only_through_its_parent_is_published_when_read_alone() -> None:
    assert WITH_THREAD.decide(CALM, APPROVAL, context=TOWELHEAD).action is Verdict.HOLD
    assert ALONE.decide(CALM, APPROVAL, context=TOWELHEAD).action is Verdict.APPROVE


def test_a_held_reply_read_alone_takes_no_group_from_its_thread() -> None:
    text = "Give it time. They breed faster than we do."
    with_thread = with_findings(HOSTILE, WITH_THREAD.decide(HOSTILE, text, context=MOSQUE))
    alone_outcome = ALONE.decide(HOSTILE, text, context=MOSQUE)
    assert {t.group for t in with_thread.targets} == {"muslims", "religion"}
    assert alone_outcome.action is Verdict.HOLD  # its own words still hold it
    assert with_findings(HOSTILE, alone_outcome).targets == ()


def _score(tmp_path: Path, *options: str) -> str:
    line = {"id": "r1", "text": APPROVAL, "parent": TOWELHEAD}
    source = tmp_path / "reply.jsonl"
    source.write_text(json.dumps(line) + "\n", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "threadguard", "score", *options, str(source)],
        capture_output=True,
        text=True,
        check=True,
    )
    return str(json.loads(run.stdout)["decision"])


def test_score_no_context_reads_the_reply_without_its_parent(tmp_path: Path) -> None:
    assert _score(tmp_path) == "hold"
    assert _score(tmp_path, "--no-context") == "approve"
