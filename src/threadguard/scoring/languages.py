"""The fast tier for languages beyond English: a folder of n-gram models, one per language
with labelled data and one shared by the languages without, each calibrated per language.

``models/fast-xx/languages.json`` names the model that serves each language
(``{"format": "threadguard-languages/1", "name": ..., "version": N, "models": {"de": "de",
"es": "xx", ...}}``); each model is a :class:`~threadguard.scoring.linear.LinearModel`
folder whose metadata adds Platt parameters per language it serves. A language's view shares
the weights (nothing is copied) and swaps in that language's calibration, so its scores are
calibrated on that language's held-out rows where it has any. English never comes here: the
English tiers score it. Trained by :mod:`threadguard.training.language_tier`.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from threadguard.scoring.linear import FORMAT, LinearModel, ModelError, read_meta
from threadguard.scoring.model_json import LanguagesIndex, LinearMeta, meta_problem
from threadguard.scoring.registry import shipped_model_dir

#: The folder of the multilingual fast tier under ``threadguard/models``.
LANGUAGE_MODEL = "fast-xx"
INDEX = "languages.json"
INDEX_FORMAT = "threadguard-languages/1"


@dataclass
class LanguageModels:
    """The models of the tier, by the language each serves, loaded when first needed.

    Only the index and each model's ``model.json`` are read up front: the weights (about
    35 MB each once dequantised) are loaded the first time a comment in one of the model's
    languages comes, so a process that only ever sees English pays nothing for them.
    """

    name: str
    version: int
    directory: Path
    folders: dict[str, str]
    metadata: dict[str, dict[str, Any]]
    _models: dict[str, LinearModel] = field(default_factory=dict, repr=False)
    _views: dict[str, LinearModel] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @classmethod
    def load(cls, directory: Path) -> LanguageModels:
        """Read the index and every model's metadata (the weights: see :meth:`model`)."""
        try:
            index = json.loads((directory / INDEX).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ModelError(f"{directory}: cannot read {INDEX}: {exc}") from exc
        if not isinstance(index, dict) or index.get("format") != INDEX_FORMAT:
            raise ModelError(f"{directory}/{INDEX}: not a {INDEX_FORMAT} index")
        problem = meta_problem(index, LanguagesIndex)
        if problem is not None:
            raise ModelError(f"{directory}/{INDEX}: {problem}")
        folders: dict[str, str] = {}
        metadata: dict[str, dict[str, Any]] = {}
        for language, folder in dict(index.get("models", {})).items():
            if not isinstance(folder, str) or "/" in folder or folder.startswith("."):
                raise ModelError(f"{directory}/{INDEX}: bad model folder {folder!r}")
            if folder not in metadata:
                try:
                    meta = read_meta(directory / folder, FORMAT, LinearMeta)
                except (OSError, ValueError) as exc:
                    raise ModelError(f"{directory}/{folder}: cannot load model: {exc}") from exc
                metadata[folder] = meta
            if language not in metadata[folder].get("calibration", {}):
                raise ModelError(f"{directory}/{folder}: no calibration for {language!r}")
            folders[str(language)] = folder
        return cls(
            str(index.get("name", "")), int(index.get("version", 0)), directory, folders, metadata
        )

    @property
    def languages(self) -> frozenset[str]:
        """The ISO 639-1 codes this tier scores."""
        return frozenset(self.folders)

    @property
    def tag(self) -> str:
        return f"{self.name}@{self.version}"

    def model_tag(self, language: str) -> str:
        """``NAME@VERSION`` of the model that serves ``language``."""
        meta = self.metadata[self.folders[language]]
        return f"{meta['name']}@{meta['version']}"

    def labelled_heads(self, language: str) -> frozenset[str]:
        """The heads fitted with rows of the language's own (its data sets or the team's
        templates) among their labels; the others are learnt from other languages only,
        or not at all (too few positives)."""
        folder = self.folders.get(language)
        if folder is None:
            return frozenset()
        meta = self.metadata[folder]
        labelled = set(meta.get("labelled_heads", {}).get(language, ()))
        fitted = meta.get("fitted_heads")
        return frozenset(labelled if fitted is None else labelled & set(fitted))

    def model(self, language: str) -> LinearModel:
        """The model that serves ``language`` (loaded on first use, once per process)."""
        folder = self.folders[language]
        with self._lock:
            if folder not in self._models:
                self._models[folder] = LinearModel.load(self.directory / folder)
            return self._models[folder]

    def view(self, language: str) -> LinearModel:
        """The language's model with its calibration (weights shared, not copied)."""
        if language not in self.folders:
            raise KeyError(f"language {language!r} is not covered by {self.tag}")
        if language not in self._views:
            model = self.model(language)
            cal = model.metadata["calibration"][language]
            self._views[language] = replace(
                model,
                platt_a=np.asarray(cal["platt_a"], dtype=np.float32),
                platt_b=np.asarray(cal["platt_b"], dtype=np.float32),
            )
        return self._views[language]


def covered_languages(directory: Path | None = None) -> frozenset[str]:
    """English and every language the multilingual tier at ``directory`` (else the shipped
    one) scores, from its index alone (no weights): what a policy's ``languages.supported``
    may list (:func:`threadguard.moderation.require_covered`)."""
    path = directory or shipped_model_dir(LANGUAGE_MODEL)
    if not (path / INDEX).is_file():
        return frozenset({"en"})
    return frozenset({"en"}) | LanguageModels.load(path).languages
