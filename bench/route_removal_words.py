"""Measured, not kept (session 29): words of removal and extermination as routing words.

``scoring/harm_words.py`` sends a comment that names physical harm to the deep tier whatever
the fast tier scores. This runs another command with :data:`REMOVAL` added to that routing
(``words``), or only where the comment also names a group (``words+group``; ``none`` runs it
unchanged), by replacing the engine's routing test in this process. The command is
``probes FILE ...`` (``bench/probe_decisions.py`` on probe files) or any ``threadguard``
command line. Session 29: with a group named, one hateful comment gained per civil one lost
(docs/evaluation.md, "Issue 12, session 29").

Usage: PYTHONPATH=src python bench/route_removal_words.py none|words|words+group \
           probes FILE [FILE ...]
       PYTHONPATH=src python bench/route_removal_words.py words+group \
           eval --suite decisions --split dev --data $THREADGUARD_DATA
"""

from __future__ import annotations

import re
import runpy
import sys
from typing import Final

import threadguard.engine as engine_module
from threadguard.scoring.group_words import names_group
from threadguard.scoring.harm_words import names_harm

REMOVAL: Final = re.compile(
    r"\b(?:deport\w*|expel\w*|expuls\w*|cleans\w*|purg\w*|get rid of|rid (?:the|our|this)|"
    r"send (?:them|em|'em|the lot)(?: all)? (?:back|home)|sent back|ship(?:ped)? (?:them|em|'em)|"
    r"into the sea|gas(?:sed|sing)?|gas chambers?|ovens?|camps?|round(?:ed)? (?:them|em|'em)? ?up|"
    r"intern(?:ed|ment)|sterili[sz]\w*|euthan\w*|genocide|final solution|wipe[sd]? (?:them|out|off)|"
    r"fair game|open season|pogroms?|remigration|kick (?:them|em|'em)(?: all)? out|go back|"
    r"cull\w*|eradicat\w*|purify\w*)\b"
)


def main() -> None:
    mode, *rest = sys.argv[1:]
    if mode == "words":
        engine_module.names_harm = lambda c: names_harm(c) or REMOVAL.search(c) is not None  # type: ignore[assignment]
    elif mode == "words+group":
        engine_module.names_harm = lambda c: (
            names_harm(c)
            or (  # type: ignore[assignment]
                REMOVAL.search(c) is not None and names_group(c)
            )
        )
    elif mode != "none":
        raise SystemExit("the first argument is none, words or words+group")
    if rest[:1] == ["probes"]:
        sys.argv = ["bench/probe_decisions.py", *rest[1:]]
        runpy.run_path("bench/probe_decisions.py", run_name="__main__")
        return
    from threadguard.cli import app

    sys.argv = ["threadguard", *rest]
    app()


if __name__ == "__main__":
    main()
