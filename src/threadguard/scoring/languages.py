"""The fast tier for languages beyond English: one artifact, a calibrated view per language.

The multilingual fast tier (``models/fast-xx``, trained by
:mod:`threadguard.training.language_tier`) is a :class:`~threadguard.scoring.linear.LinearModel`
whose metadata adds the languages it covers and Platt parameters per language. A
language's view shares the weights (nothing is copied) and swaps in that language's
calibration, so its scores are calibrated on that language's held-out rows. English never
comes here: the English tiers score it as before.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

import numpy as np

from threadguard.scoring.linear import LinearModel, ModelError

#: The folder of the multilingual fast tier under ``threadguard/models``.
LANGUAGE_MODEL = "fast-xx"


@dataclass
class LanguageModels:
    """The multilingual fast tier and its per-language views."""

    model: LinearModel

    @classmethod
    def load(cls, directory: Path) -> LanguageModels:
        model = LinearModel.load(directory)
        if not isinstance(model.metadata.get("calibration"), dict):
            raise ModelError(f"{directory}: no per-language calibration in model.json")
        return cls(model)

    @cached_property
    def languages(self) -> frozenset[str]:
        """The ISO 639-1 codes this model scores."""
        return frozenset(self.model.metadata.get("languages", ()))

    @property
    def tag(self) -> str:
        return self.model.tag

    def labelled_heads(self, language: str) -> frozenset[str]:
        """The heads that the language's own training rows label (its data or the team's
        templates); the others are learnt from other languages only (model card)."""
        return frozenset(self.model.metadata.get("labelled_heads", {}).get(language, ()))

    def view(self, language: str) -> LinearModel:
        """The model with ``language``'s calibration (weights shared, not copied)."""
        if language not in self.languages:
            raise KeyError(f"language {language!r} is not covered by {self.tag}")
        views: dict[str, LinearModel] = self.__dict__.setdefault("_views", {})
        if language not in views:
            cal = self.model.metadata["calibration"].get(language)
            if cal is None:  # a language with no dev rows: the pooled calibration
                views[language] = self.model
            else:
                views[language] = replace(
                    self.model,
                    platt_a=np.asarray(cal["platt_a"], dtype=np.float32),
                    platt_b=np.asarray(cal["platt_b"], dtype=np.float32),
                )
        return views[language]
