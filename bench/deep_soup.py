"""Average several warm-started deep-tier runs into one version (issue 12, session 15).

Each RUN is ``OUT:WORK``, the two folders one ``bench/deep_news_finetune.py`` run wrote: its
``WORK/checkpoint.pt`` holds the trained weights, its ``OUT/model.json`` the recipe. The runs
must have continued from the same start (same WARM_FROM, same layers trained); their weights
are averaged (:mod:`threadguard.training.deep_soup`), exported to int8 ONNX and calibrated
on the dev rows the runs calibrated on (seed SEED, default 13, and DIVISOR, default 20, as
deep_news_finetune was given; single-class labels of MASK_SETS masked, default toxic_spans),
into OUT (never the shipped folder). The new model.json's recipe lists every run's recipe and checkpoint
hash under ``made_from``.

Usage: [DEEP_VERSION=N] [SEED=N] PYTHONPATH=src \
       python bench/deep_soup.py OUT WORK RUN_OUT:RUN_WORK RUN_OUT:RUN_WORK [...]
       (session 15: deep@29 = the runs of deep_news_finetune.py from deep@18 with deep@25's
        settings, SEED=13, 14 and 15; see docs/evaluation.md)
"""

import json
import os
import sys
from pathlib import Path

from deep_news_finetune import caps_for

from threadguard.training.deep_soup import soup_checkpoint
from threadguard.training.deep_tier import export_checkpoint
from threadguard.training.recipe import file_sha256


def main() -> None:
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    out, work = Path(sys.argv[1]), Path(sys.argv[2])
    runs = [tuple(Path(p) for p in arg.split(":", 1)) for arg in sys.argv[3:]]
    work.mkdir(parents=True, exist_ok=True)
    made_from = []
    for run_out, run_work in runs:
        meta = json.loads((run_out / "model.json").read_text(encoding="utf-8"))
        checkpoint = run_work / "checkpoint.pt"
        made_from.append(
            {"recipe": meta.get("recipe"), "checkpoint_sha256": file_sha256(checkpoint)}
        )
    soup = soup_checkpoint([w / "checkpoint.pt" for _, w in runs], work / "soup.pt")
    print(f"averaged {len(runs)} runs into {soup}", flush=True)
    root = Path(os.environ.get("THREADGUARD_DATA", "../shared/data"))
    export_checkpoint(
        soup,
        root,
        out,
        work,
        version=int(os.environ.get("DEEP_VERSION", "29")),
        seed=int(os.environ.get("SEED", "13")),
        log=lambda m: print(m, flush=True),
        made_from={"average_of": made_from},
        caps=caps_for(int(os.environ.get("DIVISOR", "20"))),
        mask_sets=tuple(os.environ.get("MASK_SETS", "toxic_spans").split(",")),
    )


if __name__ == "__main__":
    main()
