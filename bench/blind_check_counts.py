"""The English blind check per functionality, decided right, for one or more deep tiers.

``threadguard eval --suite decisions`` reports the blind check as two shares (civil held,
abusive caught); this prints how many cases of each functionality the default policy decides
right (published when the case expects approve, held or rejected when it expects hold), with
the shipped fast tier and each deep tier given. Counts only: the cases' texts are never
printed, so the check stays blind. A measurement, not a test.

Usage:
    PYTHONPATH=src python bench/blind_check_counts.py [DEEP_DIR ...]
(no DEEP_DIR: the shipped deep tier)
"""

from __future__ import annotations

import sys
from pathlib import Path

from threadguard.engine import CommentInput, Engine
from threadguard.evaluation.blind_check import judge_blind_check, load_blind_check
from threadguard.moderation import Moderator
from threadguard.moderation.policy import load_policy


def main() -> None:
    cases = load_blind_check("en")
    moderator = Moderator(load_policy())
    folders: list[str | None] = [*sys.argv[1:]] or [None]
    for folder in folders:
        engine = Engine.load(deep_dir=Path(folder) if folder else None)
        analyses = engine.analyze([CommentInput(c.text) for c in cases], spans=False)
        actions = [moderator.decide(a, c.text).action for a, c in zip(analyses, cases, strict=True)]
        counts = judge_blind_check(cases, actions)
        right = sum(r for r, _ in counts.values())
        print(f"{engine.model_version}: {right} of {len(cases)}")
        for name, (r, n) in counts.items():
            print(f"  {name:<28}{r:>3} of {n}")


if __name__ == "__main__":
    main()
