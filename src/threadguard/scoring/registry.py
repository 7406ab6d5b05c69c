"""The model registry: which version of each tier ships, and where a new one is written.

``threadguard.models`` is a data package (model files, no code): ``fast/`` and ``deep/``
each hold the one version of that tier that ships, with its ``model.json`` and
``MODEL_CARD.md``. Everything that needs to know those folders asks here: the engine
loads from them, ``threadguard models`` lists them, and ``threadguard train`` numbers
a new model one past the shipped version and writes it to a folder of its own
(``work/models/<tier>@<version>`` unless told otherwise). A training run replaces a
shipped model only when asked to (``--replace-shipped``): the shipped files are what
every user scores with, and overwriting them by accident used to be the default.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from threadguard.schema import Tier
from threadguard.scoring.encoder import FORMAT as DEEP_FORMAT
from threadguard.scoring.linear import FORMAT as FAST_FORMAT
from threadguard.scoring.linear import ModelError

#: The tiers that have a model of their own (``cascade`` combines the two).
MODEL_TIERS: tuple[Tier, ...] = (Tier.FAST, Tier.DEEP)
#: Where ``threadguard train`` writes a new version unless given ``--out``.
WORK_MODELS = Path("work/models")
CARD = "MODEL_CARD.md"


class RegistryError(ValueError):
    """A training target the registry refuses: the message says why and what to do."""


class ModelChoiceError(ValueError):
    """Model folders and settings that contradict each other (a deep tier given to be
    scored by the fast tier alone): a usage error, the message says which."""


@dataclass(frozen=True)
class ShippedModel:
    """One tier's shipped version: its tag (``NAME@VERSION``), folder and model card."""

    tier: Tier
    name: str
    version: int
    folder: Path

    @property
    def tag(self) -> str:
        """``NAME@VERSION``, the form the score output and Perspective clients use."""
        return f"{self.name}@{self.version}"

    @property
    def card(self) -> Path | None:
        """The model card beside the model, if it ships one."""
        path = self.folder / CARD
        return path if path.is_file() else None


@dataclass(frozen=True)
class TrainingTarget:
    """Where a training run writes its model, and the version number it gives it."""

    folder: Path
    version: int
    replaces_shipped: bool


def shipped_model_dir(name: str = Tier.FAST) -> Path:
    """Where the model that ships inside the package for tier ``name`` lives."""
    return Path(str(resources.files("threadguard.models").joinpath(name)))


def _tier(tier: str) -> Tier:
    if tier not in MODEL_TIERS:
        raise RegistryError(f"no model tier {tier!r}: one of {', '.join(MODEL_TIERS)}")
    return Tier(tier)


def shipped_model(tier: str) -> ShippedModel | None:
    """The shipped version of ``tier``, or None when the package holds none."""
    folder = shipped_model_dir(_tier(tier))
    try:
        meta = json.loads((folder / "model.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    return ShippedModel(Tier(tier), str(meta["name"]), int(meta["version"]), folder)


#: ``model.json``'s ``format`` for each tier's model folder.
TIER_FORMATS: dict[str, Tier] = {FAST_FORMAT: Tier.FAST, DEEP_FORMAT: Tier.DEEP}


def _format_of(folder: Path) -> str | None:
    """The ``format`` a folder's ``model.json`` states; None without a readable one."""
    try:
        meta = json.loads((folder / "model.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return str(meta.get("format")) if isinstance(meta, dict) else None


def tier_of(folder: Path) -> Tier | None:
    """Which tier the model in ``folder`` is, by its ``model.json``'s format: what lets one
    ``--model`` option take either tier's output of ``threadguard train``. None when the
    folder holds no readable ``model.json`` or another format."""
    fmt = _format_of(folder)
    return None if fmt is None else TIER_FORMATS.get(fmt)


def model_folders(
    model_dir: Path | None, deep_dir: Path | None, tier: str
) -> tuple[Path, Path | None]:
    """The fast tier's folder and the deep tier's (None: ``tier`` is fast, no deep tier is
    read) for a ``--model`` folder of either tier: a deep-tier folder replaces the shipped
    deep tier and leaves the shipped fast tier; a folder without a readable model.json is
    taken for the fast tier's (its loader says what is wrong with it). What the engine
    loads and what a batch manifest records, decided in one place, reading model.json
    once. :class:`ModelError` for a format no tier reads; :class:`ModelChoiceError` for a
    deep folder with the fast tier alone, or with a deep tier given too."""
    fmt = None if model_dir is None else _format_of(model_dir)
    if fmt is not None and fmt not in TIER_FORMATS:
        # a model.json no tier reads: say so, not "not a linear model"
        raise ModelError(
            f"{model_dir}: a model of format {fmt!r}, which no tier reads (the fast "
            f"tier's is {FAST_FORMAT}, the deep tier's {DEEP_FORMAT})"
        )
    if fmt is not None and TIER_FORMATS[fmt] is Tier.DEEP:
        if deep_dir is not None:
            raise ModelChoiceError(f"{model_dir}: a deep-tier model, and a deep tier is given too")
        if tier == Tier.FAST:
            raise ModelChoiceError(
                f"{model_dir}: a deep-tier model, which the fast tier alone never reads "
                "(choose the cascade or deep tier)"
            )
        model_dir, deep_dir = None, model_dir
    fast = model_dir or shipped_model_dir(Tier.FAST)
    if tier == Tier.FAST:
        return fast, None
    return fast, deep_dir or shipped_model_dir(Tier.DEEP)


def shipped_models() -> list[ShippedModel]:
    """Every tier's shipped version, fast tier first."""
    return [m for m in map(shipped_model, MODEL_TIERS) if m is not None]


def next_version(tier: str) -> int:
    """The number a newly trained model of ``tier`` gets: one past the shipped version and
    past every candidate already in ``work/models`` (each run used to write the shipped
    version + 1, over the last candidate, under the same name)."""
    shipped = shipped_model(tier)
    return next_free_version(tier, 0 if shipped is None else shipped.version)


def next_free_version(name: str, shipped: int, where: Path = WORK_MODELS) -> int:
    """One past ``shipped`` and past every ``<where>/<name>@N`` that holds a model
    (``where``: the folder the new model goes in, ``work/models`` by default)."""
    taken = [shipped]
    for folder in where.glob(f"{name}@*"):
        number = folder.name.rpartition("@")[2]
        if number.isdigit() and holds_model(folder):
            taken.append(int(number))
    return max(taken) + 1


#: The files that say a folder holds a trained model: either tier's, or the languages'.
MODEL_INDEXES = ("model.json", "languages.json")


def holds_model(folder: Path) -> bool:
    """Whether ``folder`` already holds a trained model (it must not be written over)."""
    return any((folder / index).is_file() for index in MODEL_INDEXES)


def check_training_folder(folder: Path, name: str, shipped_version: int, version: int) -> None:
    """Refuse a folder a new model must not be written to: the shipped models' folder or
    inside it, a folder that already holds a model (a candidate measured earlier), or the
    shipped model's own version number (two models under one tag)."""
    if _in_shipped_models(folder):
        raise RegistryError(
            f"{folder} is where the shipped models live: write the new one elsewhere (--out), "
            "or pass --replace-shipped to overwrite the shipped model"
        )
    if holds_model(folder):
        raise RegistryError(
            f"{folder} already holds a model: choose another --out, or remove that folder "
            "first (a candidate is never written over)"
        )
    if version == shipped_version:
        raise RegistryError(
            f"--model-version {version} is the shipped {name}'s tag: a candidate under it "
            f"could not be told from the shipped model (take {shipped_version + 1} or more; "
            "an older number reproduces an older version)"
        )


def _in_shipped_models(folder: Path) -> bool:
    """Whether ``folder`` is the package's models folder or inside it (a shipped model's)."""
    target = folder.resolve()
    # a namespace package has no single folder of its own: its tiers' parents are it
    roots = {shipped_model_dir(t).resolve().parent for t in MODEL_TIERS}
    return any(target == root or root in target.parents for root in roots)


def training_target(
    tier: str, out: Path | None, version: int | None, *, replace_shipped: bool = False
) -> TrainingTarget:
    """Where ``threadguard train --tier TIER`` writes, and which version it writes.

    The version defaults to one past the shipped one. The folder is ``out``, else
    ``work/models/<tier>@<version>``; a shipped model's folder only with
    ``replace_shipped`` (and then ``out`` may only name that folder).
    """
    tier = _tier(tier)
    number = next_version(tier) if version is None else version
    if number < 1:
        raise RegistryError(f"--model-version must be 1 or more, not {number}")
    shipped = shipped_model_dir(tier)
    current = shipped_model(tier)
    if replace_shipped:
        if out is not None and out.resolve() != shipped.resolve():
            raise RegistryError(
                f"--replace-shipped writes the shipped {tier} model at {shipped}: "
                f"drop --out {out}, or drop --replace-shipped"
            )
        return TrainingTarget(shipped, number, True)
    folder = out if out is not None else WORK_MODELS / f"{tier}@{number}"
    check_training_folder(folder, f"{tier} tier", 0 if current is None else current.version, number)
    return TrainingTarget(folder, number, False)
