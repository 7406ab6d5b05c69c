"""py3langid's language model, restricted to the languages ThreadGuard tells apart.

py3langid (BSD) is a naive Bayes classifier over byte n-grams whose model ships inside its
wheel: nothing is downloaded. Its raw scores are log-likelihoods, and :func:`scores` gives
them for the candidate languages of :data:`CANDIDATES`, so a caller can ask how much
likelier a language is than another rather than take a bare best guess.

The model ships LZMA-compressed, and decompressing it costs about 0.4 s of CPU in every
process that detects a language (each ``threadguard score`` worker, each server worker).
The restricted model is therefore kept uncompressed in a cache folder
(``$XDG_CACHE_HOME/threadguard``, else ``~/.cache/threadguard``) after the first load,
and read from there in about 0.02 s. The cache is only an optimisation: a missing,
unreadable or unwritable one means the slow load, never an error. Its name carries
py3langid's version and the language list, so an upgrade never reads a stale one.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from array import array
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any, Final

import numpy as np
import py3langid
from py3langid.langid import MODEL_FILE, LanguageIdentifier

#: Per script, the languages told apart in it; the first is the script's default, the
#: answer whenever another one is not clearly likelier.
CANDIDATES: Final[dict[str, tuple[str, ...]]] = {
    "Latn": (
        "en", "de", "fr", "es", "it", "pt", "nl", "pl", "tr", "sv", "da", "no", "fi", "ro",
        "cs", "sk", "hu", "id", "hr", "sl", "lt", "et", "ca", "vi", "tl", "sq", "is", "eu", "mt", "uz", "lv",
        "cy", "ga",
    ),
    "Cyrl": ("ru", "uk", "bg", "be", "sr", "mk", "kk", "ky", "mn", "tg", "tt", "ba"),
    "Arab": ("ar", "fa", "ur", "ps", "ug"),
    "Deva": ("hi", "mr", "ne"),
}  # fmt: skip
_ALL: Final[tuple[str, ...]] = tuple(sorted({c for cs in CANDIDATES.values() for c in cs}))
#: The model's arrays, one ``.npy`` file each in the cache folder.
_ARRAYS: Final = ("ptc", "pc", "classes", "nextmove", "row", "output")
#: The arrays the identifier keeps as they are (read whole; the others are converted).
_KEPT: Final = frozenset({"ptc", "pc"})


def scores(text: str) -> dict[str, float]:
    """Log-likelihood of the text in each candidate language (higher is likelier)."""
    ranked: list[tuple[str, float]] = _identifier().rank(text)
    return dict(ranked)


@cache
def _identifier() -> Any:
    """The restricted model: from the cache when it is there, else from the wheel."""
    folder = _cache_folder()
    try:
        return _read(folder)
    except (OSError, ValueError, KeyError):
        pass
    full = LanguageIdentifier.from_model_file(MODEL_FILE)
    full.set_languages(_ALL)
    arrays = {
        "ptc": np.ascontiguousarray(full.nb_ptc),
        "pc": np.asarray(full.nb_pc),
        "classes": np.array(full.nb_classes),
        "nextmove": np.asarray(full.tk_nextmove),
        "row": np.asarray(full.tk_row),
        "output": np.asarray(full.tk_output, dtype=np.int32),
    }
    _write(folder, arrays)
    return _build(arrays)  # without the full model that ``full`` still holds


def _cache_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    key = hashlib.sha256(f"{py3langid.__version__} {' '.join(_ALL)}".encode()).hexdigest()
    return Path(base) / "threadguard" / f"py3langid-{key[:16]}"


def _read(folder: Path) -> Any:
    """The cached arrays (plain ``.npy`` files: no decompression, no pickle). Those that
    :func:`_build` copies into other forms are mapped, not read, so they are never in
    memory twice."""
    arrays = {
        name: np.load(folder / f"{name}.npy", mmap_mode=None if name in _KEPT else "r")
        for name in _ARRAYS
    }
    if set(arrays["classes"].tolist()) != set(_ALL):
        raise ValueError(f"{folder}: not the expected languages")
    return _build(arrays)


def _write(folder: Path, arrays: dict[str, np.ndarray[Any, Any]]) -> None:
    """Best effort, atomically: a whole folder appears under its name, or none does
    (processes that start together each write their own and one rename wins)."""
    try:
        folder.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        temporary = Path(tempfile.mkdtemp(dir=folder.parent, prefix=".tmp-"))
    except OSError:
        return
    try:
        for name in _ARRAYS:
            np.save(temporary / f"{name}.npy", arrays[name], allow_pickle=False)
        os.replace(temporary, folder)
    except OSError:
        pass
    finally:
        shutil.rmtree(temporary, ignore_errors=True)


def _build(arrays: Mapping[str, np.ndarray[Any, Any]]) -> Any:
    """An identifier over the arrays (the DFA as stdlib arrays: its walk indexes bytewise)."""
    return LanguageIdentifier(
        arrays["ptc"],
        np.asarray(arrays["pc"]),
        arrays["classes"].tolist(),
        _stdlib(arrays["nextmove"]),
        arrays["output"].tolist(),
        tk_row=_stdlib(arrays["row"]),
    )


def _stdlib(values: np.ndarray[Any, Any]) -> array[int]:
    out = array({2: "H", 4: "I", 8: "L"}[values.dtype.itemsize])
    out.frombytes(np.ascontiguousarray(values).data.cast("B"))
    return out
