"""Recalibrate the deep tier without retraining it: the same encoder, new intercepts.

Fine-tuning the encoder takes hours on two cores and needs PyTorch; moving its Platt
intercepts toward the base rate of news comments (:func:`~threadguard.training.calibration.fit_intercepts`)
needs only ONNX Runtime and one pass over the dev rows. The new version shares every
byte of the encoder with the one it came from (only ``model.json`` differs), so it adds
nothing to the repository's pack but a few lines.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from threadguard.normalize import normalize_text
from threadguard.schema import Tier
from threadguard.scoring.encoder import EncoderModel
from threadguard.training.calibration import (
    DEEP_NEWS_SHARE,
    NEWS_SETS,
    fit_intercepts,
)
from threadguard.training.datasets import load_all, mask_single_class
from threadguard.training.recipe import recipe, recording_reads
from threadguard.training.weak_labels import add_weak_labels

#: Files of an encoder model folder besides ``model.json``, copied as they are.
ENCODER_FILES = ("encoder.int8.onnx", "tokenizer.json", "MODEL_CARD.md")


def recalibrate_deep_tier(
    data_root: Path,
    source: Path,
    out: Path,
    *,
    version: int,
    share: float = DEEP_NEWS_SHARE,
    log: Callable[[str], None] = print,
) -> dict[str, Any]:
    """Write ``source``'s encoder to ``out`` as ``version``, its attribute intercepts refitted
    on every training set's dev rows and news comments (news at ``share``); returns the
    new ``model.json``.

    The comments are read alone (no context), normalised, as the cascade reads them first.
    """
    model = EncoderModel.load(source)
    with recording_reads() as reads:
        sets = load_all(data_root)
    for b in sets:
        add_weak_labels(b)
    # as in training: a label a set only ever gives as positive says nothing (GHC toxicity)
    mask_single_class(sets)
    blocks = [b.select("dev") for b in sets]
    texts = [normalize_text(t) for b in blocks for t in b.texts]
    labels = np.vstack([b.matrix() for b in blocks if len(b)])
    is_news = np.array([b.dataset in NEWS_SETS for b in blocks for _ in b.texts])
    log(f"reading {len(texts)} dev comments ({int(is_news.sum())} of news) with {model.tag}")
    logits = model.logits(texts, [""] * len(texts))
    platt_b = fit_intercepts(logits, labels, is_news, model.platt_a, model.platt_b, share)
    meta = dict(model.metadata)
    meta.update(
        version=version,
        platt_b=[float(v) for v in platt_b],
        recalibrated={
            "from": model.tag,
            "news_share": share,
            "dev_rows": len(texts),
            "news_rows": int(is_news.sum()),
            "recipe": recipe(
                tier=Tier.DEEP,
                data_root=data_root,
                reads=reads,
                hyperparameters={"news_share": share, "refit": "intercepts of attribute heads"},
                seed=0,
            ),
        },
    )
    out.mkdir(parents=True, exist_ok=True)
    if out.resolve() != source.resolve():
        for name in ENCODER_FILES:
            if (source / name).is_file():
                shutil.copy(source / name, out / name)
    (out / "model.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    moved = {h: round(float(platt_b[i] - model.platt_b[i]), 3) for i, h in enumerate(model.heads)}
    log(f"intercepts moved by {dict((h, v) for h, v in moved.items() if v)}")
    return meta
