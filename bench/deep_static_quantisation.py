"""Would static int8, or fused attention, make the deep tier read news comments faster?

The shipped deep tier is int8 with *dynamic* activation scales: each run sets them from the
tensors it sees, so in a batch one comment's activations change another's scores, and the
engine reads every comment alone (``scoring.encoder``), about 30% slower than in
length-sorted batches. Static quantisation fixes every activation scale once, from
calibration comments, so a comment's scores no longer depend on its batch. This script
quantises the deep tier's fp32 network statically (QDQ, weights per channel, scales
calibrated on news training comments), then reports on other news comments (Unhealthy
Conversations dev rows, read without context):

- how far each int8 form's logits lie from fp32 (mean and 99th percentile |difference|);
- whether the static form gives a comment the same logits in a batch as alone;
- comments/s on one thread: the shipped form alone, the static form alone and in
  length-sorted batches of 32.

It also exports the network with eager attention, fuses it with ONNX Runtime's transformer
optimiser (one Attention, SkipLayerNormalization and BiasGelu node per layer, which the
shipped export's SDPA attention does not match) and quantises that dynamically, as the
shipped file is: the same scores read with fewer, larger operators.

A measurement, not a shipped step. Measured 2026-12-02 (session 13, AMD EPYC with VNNI,
deep@20 with its fp32 export from training, 500 comments, mean 28 word pieces; three runs on
idle cores, speeds vary between runs, so compare within one): |logit - fp32| mean (p99) shipped
dynamic int8 0.472 (1.76), static 0.615 (2.49), fused dynamic 0.458 (1.71); a batch changes no
static logit by more than 3e-6. Comments/s, shipped alone / static alone / static in batches of
32 / fused alone / fp32: 268 / 216 / 289 / - / 119 (first run, without the fused form), 212 /
197 / 300 / 246 / 102, and 197 / 183 / 267 / 252 / 89. Static int8 alone is slower and less
exact than the shipped file; in batches it is 1.1-1.4x the shipped file alone. The fused form
is as exact and 1.16-1.28x as fast (`bench/attention_fusion.py`: 1.16x with a hand-fused graph
in session 8). Neither alone brings the cascade to 1,000 news comments/s here (763/s at the
default band, about three quarters of the time in the deep tier).

Usage (needs the `train` extra: PyTorch, onnx):
    PYTHONPATH=src python bench/deep_static_quantisation.py WORK_DIR [--deep DIR]
        [--fp32 FILE] [--data DIR] [--rows N] [--calibration N]
    (--fp32: the training run's export, ``WORK/encoder.fp32.onnx`` of
     ``bench/deep_news_finetune.py``; default: rebuilt from --deep's int8 weights, which
     measures speed the same but distances against the dequantised network)
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path
from typing import Any

import numpy as np
from deep_quantisation_speed import export_fp32, session


def feed(encodings: list[Any]) -> dict[str, np.ndarray]:
    from threadguard.scoring.encoder import pad

    ids, mask, types = pad(encodings)
    return {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}


def logits_alone(path: Path, encodings: list[Any]) -> tuple[np.ndarray, float]:
    """Logits of each comment read alone, and comments/s (after a warm-up pass)."""
    s = session(path)
    for e in encodings[:20]:
        s.run(["logits"], feed([e]))
    start = time.perf_counter()
    out = np.vstack([s.run(["logits"], feed([e]))[0] for e in encodings])
    return out, len(encodings) / (time.perf_counter() - start)


def logits_batched(path: Path, encodings: list[Any], size: int = 32) -> tuple[np.ndarray, float]:
    """Logits of the comments read in length-sorted batches, in input order, and comments/s."""
    s = session(path)
    order = sorted(range(len(encodings)), key=lambda i: len(encodings[i].ids))
    s.run(["logits"], feed(encodings[:size]))
    start = time.perf_counter()
    parts = []
    for k in range(0, len(order), size):
        chunk = order[k : k + size]
        parts.append((chunk, s.run(["logits"], feed([encodings[i] for i in chunk]))[0]))
    elapsed = time.perf_counter() - start
    out = np.zeros((len(encodings), parts[0][1].shape[1]), dtype=np.float32)
    for chunk, values in parts:
        out[chunk] = values
    return out, len(encodings) / elapsed


def quantise_static(fp32: Path, out: Path, calibration: list[Any]) -> None:
    from onnxruntime.quantization import (
        CalibrationDataReader,
        CalibrationMethod,
        QuantFormat,
        QuantType,
        quantize_static,
    )

    class Reader(CalibrationDataReader):  # type: ignore[misc]
        def __init__(self) -> None:
            self.items = iter([feed([e]) for e in calibration])

        def get_next(self) -> dict[str, np.ndarray] | None:
            return next(self.items, None)

    quantize_static(
        str(fp32),
        str(out),
        Reader(),
        quant_format=QuantFormat.QDQ,
        per_channel=True,
        weight_type=QuantType.QInt8,
        activation_type=QuantType.QUInt8,
        op_types_to_quantize=["MatMul"],
        calibrate_method=CalibrationMethod.MinMax,
        extra_options={"ActivationSymmetric": False},
    )


def export_fused(deep: Path, work: Path) -> Path:
    """The network of ``deep`` exported with eager attention, fused by ONNX Runtime's BERT
    optimiser and quantised dynamically (int8 weights per channel, as shipped)."""
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from onnxruntime.transformers import optimizer

    eager = work / "eager.onnx"
    config = export_fp32(deep, eager, eager=True).encoder.config
    fused = optimizer.optimize_model(
        str(eager), "bert", num_heads=config.num_attention_heads, hidden_size=config.hidden_size
    )
    print({k: v for k, v in fused.get_fused_operator_statistics().items() if v})
    fused.save_model_to_file(str(work / "fused.fp32.onnx"))
    out = work / "fused.int8.onnx"
    quantize_dynamic(
        str(work / "fused.fp32.onnx"),
        str(out),
        weight_type=QuantType.QInt8,
        per_channel=True,
        extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT},
    )
    return out


def main() -> None:
    from deep_quantisation_speed import export_variants

    from threadguard.bench import cpu_line
    from threadguard.scoring.encoder import encode, load_tokenizer
    from threadguard.scoring.registry import shipped_model_dir
    from threadguard.training.datasets import load_unhealthy

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("work", type=Path)
    parser.add_argument("--deep", type=Path, default=shipped_model_dir("deep"))
    parser.add_argument("--fp32", type=Path, help="The fp32 export (default: rebuilt from --deep)")
    parser.add_argument("--data", type=Path, default=Path(os.environ.get("THREADGUARD_DATA", "")))
    parser.add_argument("--rows", type=int, default=500)
    parser.add_argument("--calibration", type=int, default=300)
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    rows = load_unhealthy(args.data)
    texts = rows.select("dev").texts[: args.rows]
    calib_texts = rows.select("train").texts[: args.calibration]
    meta = json.loads((args.deep / "model.json").read_text(encoding="utf-8"))
    tokenizer = load_tokenizer(args.deep / "tokenizer.json", int(meta["max_tokens"]))
    encodings = encode(tokenizer, texts)
    print(cpu_line())
    print(f"{len(texts)} comments, mean {np.mean([len(e.ids) for e in encodings]):.0f} pieces")
    fp32 = args.fp32 or export_variants(args.deep, args.work)["fp32"]
    static = args.work / "static.onnx"
    quantise_static(fp32, static, encode(tokenizer, calib_texts))
    fused = export_fused(args.deep, args.work)
    reference, fp32_rate = logits_alone(fp32, encodings)
    shipped, shipped_rate = logits_alone(args.deep / "encoder.int8.onnx", encodings)
    alone, static_rate = logits_alone(static, encodings)
    batched, batched_rate = logits_batched(static, encodings)
    fused_logits, fused_rate = logits_alone(fused, encodings)
    for name, values in (
        ("shipped dynamic", shipped),
        ("static", alone),
        ("fused dynamic", fused_logits),
    ):
        diff = np.abs(values - reference)
        print(
            f"{name:<16} |logit - fp32| mean {diff.mean():.3f}, p99 {np.quantile(diff, 0.99):.3f}"
        )
    gap = np.abs(batched - alone)
    print(f"static batched vs alone: max |difference| {gap.max():.2e}")
    print(f"fp32 alone         {fp32_rate:7.0f} comments/s")
    print(f"shipped alone      {shipped_rate:7.0f} comments/s")
    print(f"static alone       {static_rate:7.0f} comments/s")
    print(f"static batches/32  {batched_rate:7.0f} comments/s")
    print(f"fused alone        {fused_rate:7.0f} comments/s")


if __name__ == "__main__":
    main()
