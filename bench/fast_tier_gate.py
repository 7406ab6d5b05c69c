"""How many comments of a kind the cascade leaves with the fast tier, and whether the fast
tier's scores could tell them from the news comments it also leaves there.

The cascade sends a comment to the deep tier when the fast tier scores any attribute at or
above the band (0.2) or it names a way to hurt someone (:mod:`threadguard.scoring.harm_words`);
every other comment is decided on the fast tier's scores alone. Session 23 found that 249 of
the 695 sexual-harassment training rows (``templates_sexual_harassment``) never reached the
deep tier beside fast@2, which scored them as it scored the civil news comments it kept
(Unhealthy dev: toxicity median 0.113, 90th percentile 0.179; harassment 0.129, 0.190). fast@4
(session 24) has read those rows: 5 of 695 stay (in-sample, a routing count only). This prints
those counts and quantiles per attribute for the harassment rows, their civil look-alikes and
the dev rows of four data sets.

    PYTHONPATH=src python bench/fast_tier_gate.py [--data DIR] [--model DIR]
"""

from __future__ import annotations

import argparse
import os
from dataclasses import replace
from pathlib import Path

import numpy as np

from threadguard.engine import CommentInput, Engine
from threadguard.evaluation.decision_sets import DATA_SETS, data_items
from threadguard.schema import ATTRIBUTES
from threadguard.scoring.harm_words import names_harm
from threadguard.training.templates_sexual_harassment import CIVIL, HARASSMENT

SETS = ("unhealthy", "sfu", "cadd", "ruddit")


def kept_by_fast_tier(engine: Engine, texts: list[str]) -> np.ndarray:
    """The fast tier's scores [n, attributes] of the texts the cascade would not send on.

    Read from the fast tier's analyses, after the second readings (which only lower a score
    the models misread), so a text a second reading brings under the band counts as kept: a
    close count of what the cascade routes, not the engine's own routing statistics."""
    band = engine.cascade.deep_from
    fast = engine.with_cascade(replace(engine.cascade, tier="fast"))
    rows = [
        [a.scores[x] for x in ATTRIBUTES]
        for a in fast.analyze([CommentInput(t) for t in texts], spans=False)
        if max(a.scores.values()) < band and not names_harm(a.canonical[1])
    ]
    return np.array(rows).reshape(-1, len(ATTRIBUTES))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path(os.environ.get("THREADGUARD_DATA", "")))
    ap.add_argument("--model", type=Path, help="a model folder replacing its tier")
    args = ap.parse_args()
    if not args.data.is_dir() or args.data == Path(""):
        raise SystemExit("no data folder: pass --data DIR or set THREADGUARD_DATA")
    engine = Engine.load(args.model)
    texts = {
        "sexual harassment rows": [t for t, _ in HARASSMENT],
        "their civil look-alikes": list(CIVIL),
    }
    for key in SETS:
        spec = next(s for s in DATA_SETS if s.key == key)
        texts[f"{spec.name}, dev"] = [it.text for it in data_items(spec, args.data, "dev", 2000)]
    for name, rows in texts.items():
        kept = kept_by_fast_tier(engine, rows)
        print(f"{name}: {len(rows)} comments, {len(kept)} left with the fast tier")
        for j, attribute in enumerate(ATTRIBUTES):
            q = np.quantile(kept[:, j], [0.5, 0.9]) if len(kept) else [np.nan, np.nan]
            print(f"  {attribute:18} median {q[0]:.3f}  90th percentile {q[1]:.3f}")


if __name__ == "__main__":
    main()
