"""What a trained model was made from: the ``recipe`` both trainers write into model.json.

A model's figures can only be checked, or its run repeated, if the model says what
produced it: the data files it read (each with the sha256 of its content, so a changed
copy of a data set shows), the hyper-parameters, the seed and the code commit. The data
loaders report each file they open through :func:`note_read`; a trainer collects those
reports with :func:`recording_reads` around its loading, then calls :func:`recipe`.
"""

from __future__ import annotations

import hashlib
import math
import platform
import subprocess
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from threadguard import __version__
from threadguard.schema import Tier

#: The files read while a recording is open: path -> sha256 of its content.
_READS: ContextVar[dict[Path, str] | None] = ContextVar("threadguard_reads", default=None)
#: The training command's options while :func:`training_command` is open.
_COMMAND: ContextVar[dict[str, Any] | None] = ContextVar("threadguard_command", default=None)

#: The libraries whose versions a recipe records, by tier: what fits, exports or runs the
#: model (the deep tier adds the encoder's; a library that is not installed is left out).
PACKAGES: dict[str, tuple[str, ...]] = {
    Tier.FAST: ("numpy", "scipy", "scikit-learn"),
    Tier.DEEP: ("numpy", "scipy", "scikit-learn", "onnxruntime", "torch", "transformers"),
}


def file_sha256(path: Path) -> str:
    """The sha256 of a file's content, as hex."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def note_read(path: Path) -> None:
    """Called by a data loader for each file it reads; a no-op unless a recording is open."""
    reads = _READS.get()
    if reads is not None and path not in reads:
        reads[path] = file_sha256(path)


@contextmanager
def recording_reads() -> Iterator[dict[Path, str]]:
    """Collect the files the data loaders read inside the ``with`` block, with their hashes."""
    reads: dict[Path, str] = {}
    token = _READS.set(reads)
    try:
        yield reads
    finally:
        _READS.reset(token)


@contextmanager
def training_command(options: Mapping[str, Any]) -> Iterator[None]:
    """Record the training command's options (tier, version, --out...) in every recipe
    written inside the ``with`` block, under ``command``."""
    token = _COMMAND.set(dict(options))
    try:
        yield
    finally:
        _COMMAND.reset(token)


def software(tier: str) -> dict[str, str]:
    """Python's version and that of each of the tier's :data:`PACKAGES` installed here."""
    from importlib.metadata import PackageNotFoundError, version

    out = {"python": platform.python_version()}
    for name in PACKAGES.get(str(tier), PACKAGES[Tier.FAST]):
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            continue
    return out


def rows_sha256(rows: Iterable[tuple[str, Iterable[float]]]) -> str:
    """A sha256 of generated rows (the templates' text and labels, in order), so a recipe
    tells apart two runs whose template rows differ by a word or a label; NaN (unsaid)
    is written as such."""
    digest = hashlib.sha256()
    for text, labels in rows:
        values = ",".join("nan" if math.isnan(v) else repr(float(v)) for v in labels)
        digest.update(f"{text}\t{values}\n".encode())
    return digest.hexdigest()


def data_hashes(root: Path, reads: dict[Path, str]) -> dict[str, dict[str, str]]:
    """``{data set folder: {file inside it: sha256}}`` for files read under ``root``.

    Paths are relative to the data folder, so two machines that hold the same data in
    different places write the same recipe. A file outside ``root`` keeps its full path,
    under the key ``""``.
    """
    out: dict[str, dict[str, str]] = {}
    for path, digest in sorted(reads.items()):
        try:
            rel = path.relative_to(root)
        except ValueError:
            out.setdefault("", {})[str(path)] = digest
            continue
        folder, _, name = rel.as_posix().partition("/")
        out.setdefault(folder if name else "", {})[name or folder] = digest
    return out


def code_commit(where: Path | None = None) -> str:
    """``git rev-parse HEAD`` of the checkout holding this code, with ``+dirty`` when its
    ``src`` or ``bench`` has uncommitted changes (the commit alone would not rebuild the
    model), or ``"unknown"``.

    An installed package (no checkout around it), a machine without git, or a git that
    does not answer all give ``"unknown"`` rather than an error: the recipe is a record,
    not a reason to stop a training run.
    """
    try:
        done = subprocess.run(
            ["git", "rev-parse", "HEAD"],  # noqa: S607 (git from PATH, fixed arguments)
            cwd=where or Path(__file__).resolve().parent,
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    commit = done.stdout.strip()
    if done.returncode != 0 or not commit:
        return "unknown"
    try:  # code changed since that commit trained the model: say so
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", ":(top)src", ":(top)bench"],  # noqa: S607
            cwd=where or Path(__file__).resolve().parent,
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        dirty = ""
    return f"{commit}+dirty" if dirty else commit


def recipe(
    *,
    tier: str,
    data_root: Path,
    reads: dict[Path, str],
    hyperparameters: dict[str, Any],
    seed: int,
) -> dict[str, Any]:
    """The ``recipe`` section of a model.json: with the software's versions and, inside
    :func:`training_command`, the command's options."""
    command = _COMMAND.get()
    return {
        "tier": str(tier),
        "data": data_hashes(data_root, reads),
        "hyperparameters": hyperparameters,
        "seed": seed,
        "code_commit": code_commit(),
        "threadguard": __version__,
        "software": software(tier),
        **({"command": command} if command is not None else {}),
    }
