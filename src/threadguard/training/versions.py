"""Which version number ``threadguard train`` gives a new model, and which it refuses.

A tag names one model. The shipped model's number is taken, and so is every number that
the docs report a measured model under, shipped or not: ``docs/evaluation.md`` reports
fast@5 (session 27, not shipped) and deep@44 (not shipped), so a new fast model that
took fast@5 would be told from neither. :data:`USED_VERSIONS` lists those numbers; add
one whenever the docs report a model under a number above the shipped one.

By default a new model takes the next number above the shipped one, every used number
and every candidate (``<name>@N`` holding a model) already in the folder it is written
into: ``--out``'s parent folder, or ``work/models`` (under the current directory) without
``--out``. Candidates elsewhere do not count, so the number does not change with the
folder ``train`` is run from when ``--out`` says where the model goes; and it is always
above the shipped version. A number at or below the shipped one, or a used one, is
refused unless ``--force`` (to reproduce an older version on purpose).
"""

from __future__ import annotations

import json
from pathlib import Path

from threadguard.scoring.languages import INDEX, LANGUAGE_MODEL
from threadguard.scoring.registry import (
    WORK_MODELS,
    RegistryError,
    next_free_version,
    shipped_model,
    shipped_model_dir,
)

#: Numbers above the shipped one that a model was measured and reported under without
#: shipping (docs/evaluation.md), per model name (a tier, or the multilingual ``fast-xx``).
USED_VERSIONS: dict[str, tuple[int, ...]] = {
    "fast": (5,),  # session 27: fast@5, measured and not shipped
    # "Measured, not shipped: deep@44"; session 37: deep@45 (control), deep@46, deep@47;
    # session 41: deep@48 (the civil verdict rows)
    "deep": (44, 45, 46, 47, 48),
    LANGUAGE_MODEL: (),
}


def shipped_version(name: str) -> int:
    """The shipped model's version of ``name`` (``fast``, ``deep`` or ``fast-xx``); 0 if none."""
    if name == LANGUAGE_MODEL:
        try:
            index = json.loads((shipped_model_dir(name) / INDEX).read_text(encoding="utf-8"))
            return int(index["version"])
        except (OSError, ValueError, KeyError):
            return 0
    shipped = shipped_model(name)
    return 0 if shipped is None else shipped.version


def candidates_folder(out: Path | None) -> Path:
    """Where the candidates a new model is numbered past live: beside ``--out`` (its
    parent folder), else ``work/models``."""
    return WORK_MODELS if out is None else out.parent


def default_version(name: str, where: Path = WORK_MODELS) -> int:
    """One past the shipped version, every used one and every candidate in ``where`` (the
    folder the new model is written into: :func:`candidates_folder`)."""
    used = max(USED_VERSIONS.get(name, ()), default=0)
    return max(next_free_version(name, shipped_version(name), where), used + 1)


def checked_version(
    name: str, version: int | None, *, force: bool = False, where: Path = WORK_MODELS
) -> int:
    """The version to train ``name`` under: ``version``, or :func:`default_version` for
    a model written into ``where``.

    :class:`RegistryError` for a number at or below the shipped one, or one the docs
    already report a model under, unless ``force``.
    """
    if version is None:
        return default_version(name, where)
    if force:
        return version
    shipped = shipped_version(name)
    if version <= shipped:
        raise RegistryError(
            f"--model-version {version} is at or below the shipped {name}@{shipped}: a new "
            f"model takes {default_version(name)} (the default); pass --force to reuse an "
            "older number (to reproduce that version)"
        )
    if version in USED_VERSIONS.get(name, ()):
        raise RegistryError(
            f"--model-version {version}: {name}@{version} is a model the docs already report "
            f"(measured, not shipped; training/versions.py): take {default_version(name)}, or "
            "pass --force"
        )
    return version
