"""The fast tier: one calibrated logistic-regression head per attribute and target group.

The artifact is a directory with ``model.json`` (metadata, heads, calibration) and
``weights.npz`` (int8-quantised weights, IDF): plain arrays loaded with
``allow_pickle=False``, so a model file from anywhere cannot run code.
"""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp

from threadguard.scoring.features import FeatureConfig, Featurizer
from threadguard.scoring.model_json import LinearMeta, ModelMeta, meta_problem

FORMAT = "threadguard-linear/1"


class ModelError(Exception):
    """A model artifact is missing, corrupt or of an unknown format."""


def sigmoid(z: np.ndarray) -> np.ndarray:
    """The logistic function, kept off overflow."""
    out: np.ndarray = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
    return out


def platt(logits: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Platt scaling per head: probabilities from raw logits (both tiers use it)."""
    return sigmoid(logits * a + b)


def read_meta(directory: Path, fmt: str, schema: type[ModelMeta]) -> dict[str, Any]:
    """``directory``'s model.json, parsed: :class:`ModelError` naming the file and the
    field when it is not a model of format ``fmt`` or a field ``schema`` reads is of the
    wrong type (:mod:`.model_json`). OSError and ValueError (no file, no JSON) are the
    caller's to word."""
    meta = json.loads((directory / "model.json").read_text(encoding="utf-8"))
    if isinstance(meta, dict) and meta.get("format") != fmt:
        raise ModelError(f"{directory}: not a {fmt} model (format={meta.get('format')!r})")
    problem = meta_problem(meta, schema)
    if problem is not None:
        raise ModelError(f"{directory / 'model.json'}: {problem}")
    return dict(meta)


@dataclass
class LinearModel:
    """Weights (features x heads), bias and Platt calibration (a, b) per head."""

    name: str
    version: int
    heads: tuple[str, ...]
    featurizer: Featurizer
    weights: np.ndarray  # float32 [n_features, n_heads]
    bias: np.ndarray  # float32 [n_heads]
    platt_a: np.ndarray  # float32 [n_heads]
    platt_b: np.ndarray  # float32 [n_heads]
    metadata: dict[str, Any]

    def head_weights(self, heads: tuple[int, ...]) -> np.ndarray:
        """The weight columns of some heads, contiguous, computed once per head set.

        Slicing columns out of the full matrix copies tens of megabytes: done per call it
        dominated single-comment latency.
        """
        cache: dict[tuple[int, ...], np.ndarray] = self.__dict__.setdefault("_head_weights", {})
        if heads not in cache:
            cache[heads] = np.ascontiguousarray(self.weights[:, list(heads)])
        return cache[heads]

    @property
    def tag(self) -> str:
        """``NAME@VERSION``, the form Perspective clients pin models with."""
        return f"{self.name}@{self.version}"

    def margins(self, x: sp.csr_matrix) -> np.ndarray:
        """Raw logits for each row and head."""
        out: np.ndarray = np.asarray(x @ self.weights) + self.bias
        return out

    def calibrate(self, margins: np.ndarray) -> np.ndarray:
        """Platt scaling: calibrated probabilities from raw logits."""
        return platt(margins, self.platt_a, self.platt_b)

    def predict(self, normalised_texts: list[str]) -> np.ndarray:
        """Calibrated probabilities [n_texts, n_heads] for already-normalised texts."""
        if not normalised_texts:
            return np.zeros((0, len(self.heads)), dtype=np.float32)
        x = self.featurizer.transform(normalised_texts)
        return self.calibrate(self.margins(x)).astype(np.float32)

    def save(self, directory: Path) -> None:
        """Write the artifact: int8 weights with a per-head scale, compressed."""
        directory.mkdir(parents=True, exist_ok=True)
        scale = np.abs(self.weights).max(axis=0) / 127.0
        scale[scale == 0] = 1.0
        q = np.round(self.weights / scale).astype(np.int8)
        np.savez_compressed(
            directory / "weights.npz",
            weights=q,
            scale=scale.astype(np.float32),
            idf=self.featurizer.idf.astype(np.float16),
        )
        meta = {
            "format": FORMAT,
            "name": self.name,
            "version": self.version,
            "heads": list(self.heads),
            "features": self.featurizer.config.to_json(),
            "bias": self.bias.tolist(),
            "platt_a": self.platt_a.tolist(),
            "platt_b": self.platt_b.tolist(),
            **{k: v for k, v in self.metadata.items() if k not in {"format", "heads"}},
        }
        (directory / "model.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, directory: Path) -> LinearModel:
        """Read an artifact written by :meth:`save`; refuses anything else."""
        try:
            meta = read_meta(directory, FORMAT, LinearMeta)
            with np.load(directory / "weights.npz", allow_pickle=False) as npz:
                q, scale, idf = npz["weights"], npz["scale"], npz["idf"]
        except (OSError, ValueError, KeyError, zipfile.BadZipFile) as exc:
            # a damaged weights.npz is a BadZipFile, which named no file at all
            raise ModelError(f"{directory}: cannot load model: {exc}") from exc
        config = FeatureConfig.from_json(meta["features"])
        heads = tuple(meta["heads"])
        if q.shape != (config.size, len(heads)):
            raise ModelError(
                f"{directory}: weights have shape {q.shape}, expected {(config.size, len(heads))}"
            )
        weights = q.astype(np.float32) * scale.astype(np.float32)
        return cls(
            name=str(meta["name"]),
            version=int(meta["version"]),
            heads=heads,
            featurizer=Featurizer(config, idf.astype(np.float32)),
            weights=weights,
            bias=np.asarray(meta["bias"], dtype=np.float32),
            platt_a=np.asarray(meta["platt_a"], dtype=np.float32),
            platt_b=np.asarray(meta["platt_b"], dtype=np.float32),
            metadata=meta,
        )
