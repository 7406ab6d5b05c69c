"""Decisions on non-English labelled rows with no language stated, and stated as English.

Integrations state a site's language, not each comment's (many send ``"en"`` with every
comment). `threadguard.scoring.mixed_language.written_in` lets a stated language give way to
the one a comment is plainly written in; this prints, for a seeded sample of OffensEval-tr
and GermEval test rows, civil and offensive rows held or rejected under the default policy
with the language unstated and stated as English:

    PYTHONPATH=src python bench/stated_language.py --data $THREADGUARD_DATA [--rows 1500]

Session 35: tr civil 16 / 16 of 1,192, offensive 290 / 288 of 308; de civil 103 / 103 of
977, offensive 265 / 265 of 523 (before `written_in`, stated as English: tr 129 and 160,
de 403 and 338).
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterator
from pathlib import Path

from threadguard.engine import CommentInput, Engine
from threadguard.moderation import Moderator


def turkish(data: Path) -> Iterator[tuple[str, bool]]:
    path = data / "offenseval2020_tr" / "offenseval-tr-training-v1.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 3 and parts[2] in ("NOT", "OFF"):
            yield parts[1], parts[2] == "OFF"


def german(data: Path) -> Iterator[tuple[str, bool]]:
    path = data / "germeval2018" / "germeval2018.test.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2:
            yield parts[0], parts[1] == "OFFENSE"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--rows", type=int, default=1500)
    args = ap.parse_args()
    engine, moderator = Engine.load(), Moderator()
    for name, rows in (("tr", list(turkish(args.data))), ("de", list(german(args.data)))):
        random.Random(0).shuffle(rows)
        rows = rows[: args.rows]
        for stated in (None, "en"):
            items = [CommentInput(text, language=stated) for text, _ in rows]
            flagged = [
                moderator.decide(a, text).action.value != "approve"
                for a, (text, _) in zip(engine.analyze(items, spans=False), rows, strict=True)
            ]
            civil = [f for f, (_, off) in zip(flagged, rows, strict=True) if not off]
            off = [f for f, (_, o) in zip(flagged, rows, strict=True) if o]
            print(
                f"{name} stated {stated or '-'}: civil flagged {sum(civil)}/{len(civil)}, "
                f"offensive flagged {sum(off)}/{len(off)}",
                flush=True,
            )


if __name__ == "__main__":
    main()
