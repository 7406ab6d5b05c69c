"""Average several warm-started deep-tier runs into one version (issue 12, session 15).

Each RUN is ``OUT:WORK``, the two folders one ``bench/deep_news_finetune.py`` run wrote: its
``WORK/checkpoint.pt`` holds the trained weights, its ``OUT/model.json`` the recipe. The runs
must share their start, the layers they trained and the dev rows and masks they calibrated on
(:func:`threadguard.training.deep_soup.check_runs` refuses them otherwise). Their weights are
averaged, exported to int8 ONNX and calibrated like a run, on the dev rows and masked labels of
the first run (its seed, dev caps and masked sets, from its recipe), into OUT. The new
model.json's recipe lists every run's recipe and checkpoint hash under ``made_from``.

Usage: DEEP_VERSION=N [THREADGUARD_DATA=DIR] PYTHONPATH=src \
       python bench/deep_soup.py OUT WORK RUN_OUT:RUN_WORK RUN_OUT:RUN_WORK [...]
       (session 15: the three runs of deep_news_finetune.py from deep@18 with deep@25's
        settings and SEED=13, 14, 15, averaged with DEEP_VERSION=29; docs/evaluation.md)
"""

import json
import os
import sys
from pathlib import Path

from threadguard.scoring.registry import shipped_model_dir
from threadguard.training.deep_soup import check_runs, soup_checkpoint
from threadguard.training.deep_tier import export_checkpoint
from threadguard.training.recipe import file_sha256


def main() -> None:
    if len(sys.argv) < 5 or "DEEP_VERSION" not in os.environ:
        sys.exit(__doc__)
    out, work = Path(sys.argv[1]), Path(sys.argv[2])
    if out.resolve() == shipped_model_dir("deep").resolve():
        sys.exit(f"{out}: the shipped deep tier; write the new version elsewhere")
    runs: list[tuple[Path, Path]] = []
    for arg in sys.argv[3:]:
        run_out, sep, run_work = arg.rpartition(":")
        if not sep or not run_out or not run_work:
            sys.exit(f"{arg}: a run is RUN_OUT:RUN_WORK (the two folders of one run)")
        runs.append((Path(run_out), Path(run_work)))
    recipes = [
        json.loads((o / "model.json").read_text(encoding="utf-8")).get("recipe") or {}
        for o, _ in runs
    ]
    check_runs(recipes)
    work.mkdir(parents=True, exist_ok=True)
    checkpoints = [w / "checkpoint.pt" for _, w in runs]
    made_from = [
        {"recipe": r, "checkpoint_sha256": file_sha256(c)}
        for r, c in zip(recipes, checkpoints, strict=True)
    ]
    soup = soup_checkpoint(checkpoints, work / "soup.pt")
    print(f"averaged {len(runs)} runs into {soup}", flush=True)
    first = recipes[0]["hyperparameters"]
    export_checkpoint(
        soup,
        Path(os.environ.get("THREADGUARD_DATA", "../shared/data")),
        out,
        work,
        version=int(os.environ["DEEP_VERSION"]),
        seed=int(recipes[0]["seed"]),
        log=lambda m: print(m, flush=True),
        made_from={"average_of": made_from},
        dev_caps=first["dev_caps"],
        mask_sets=tuple(first.get("masked_single_class") or ()),
    )


if __name__ == "__main__":
    main()
