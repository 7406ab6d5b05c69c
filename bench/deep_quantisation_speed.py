"""How fast the deep tier's network reads news comments in each numeric form, on this CPU.

The shipped file is int8 with signed weights (U8S8, dynamic, per output channel). On a CPU
without VNNI, ONNX Runtime computes U8S8 products with AVX2 instructions that saturate, so
session 12 asked whether another form would be faster or as fast and exact. This script
rebuilds the fp32 network from the shipped int8 file (``training.deep_tier.onnx_state_dict``:
weights dequantised), exports it, quantises it again as U8S8 and as U8U8 (unsigned weights,
exact on every x86 CPU), and reads news comments (Unhealthy Conversations dev) one at a
time on one thread, as the engine does, with each file and the shipped one. A measurement,
not a shipped step.

Measured 2026-12-02 (session 12, AMD EPYC without VNNI, deep@16, 500 comments, mean 28 word
pieces), two runs: shipped int8 107-116 comments/s, re-quantised U8S8 105-128, U8U8 90-105,
fp32 62-67. The int8 forms lie within the runs' spread of each other; fp32 is about 0.6x.

Usage (needs the `train` extra: PyTorch, onnx):
    PYTHONPATH=src python bench/deep_quantisation_speed.py WORK_DIR [--deep DIR] [--data DIR]
        [--rows N]
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path
from typing import Any

import numpy as np


def export_fp32(deep: Path, path: Path, *, eager: bool = False) -> Any:
    """Rebuild the fp32 network of ``deep`` from its int8 weights (dequantised), export it to
    ``path`` as the shipped export does, and return the PyTorch model. ``eager``: eager
    attention instead of SDPA (what ONNX Runtime's BERT optimiser can fuse)."""
    import torch
    import transformers

    from threadguard.scoring.encoder import encode, load_tokenizer, pad
    from threadguard.training.deep_tier import _build_model, onnx_state_dict

    meta = json.loads((deep / "model.json").read_text(encoding="utf-8"))
    load = transformers.AutoModel.from_pretrained
    if eager:
        transformers.AutoModel.from_pretrained = lambda *a, **k: load(
            *a, attn_implementation="eager", **k
        )
    try:
        model = _build_model(len(meta["heads"]), token_head=True)
    finally:
        transformers.AutoModel.from_pretrained = load
    state = onnx_state_dict(deep / "encoder.int8.onnx")
    model.load_state_dict({k: torch.from_numpy(v) for k, v in state.items()}, strict=False)
    model.eval()
    tokenizer = load_tokenizer(deep / "tokenizer.json", int(meta["max_tokens"]))
    sample = tuple(
        torch.from_numpy(a) for a in pad(encode(tokenizer, ["an example"], ["its context"]))
    )
    names = ["input_ids", "attention_mask", "token_type_ids"]
    axes = {n: {0: "batch", 1: "tokens"} for n in [*names, "token_logits"]}
    path.parent.mkdir(parents=True, exist_ok=True)
    torch.onnx.export(
        model,
        sample,
        str(path),
        input_names=names,
        output_names=["logits", "token_logits"],
        dynamic_axes=axes | {"logits": {0: "batch"}},
        opset_version=17,
        dynamo=False,
    )
    return model


def export_variants(deep: Path, work: Path) -> dict[str, Path]:
    """fp32, U8S8 and U8U8 files of the network in ``deep``, written under ``work``."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    fp32 = work / "fp32.onnx"
    export_fp32(deep, fp32)
    out = {"fp32": fp32}
    for name, weights in (("u8s8", QuantType.QInt8), ("u8u8", QuantType.QUInt8)):
        out[name] = work / f"{name}.onnx"
        quantize_dynamic(str(fp32), str(out[name]), weight_type=weights, per_channel=True)
    return out


def session(path: Path) -> Any:
    """An ONNX Runtime session on one thread, graph optimisations on, as measured here."""
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


def rate(path: Path, encodings: list, rounds: int = 2) -> float:
    """Comments/s reading each encoding alone on one thread (best of ``rounds``)."""
    from threadguard.scoring.encoder import pad

    reader = session(path)
    best = 0.0
    for _ in range(rounds + 1):  # the first round warms up
        start = time.perf_counter()
        for e in encodings:
            ids, mask, types = pad([e])
            reader.run(
                ["logits", "token_logits"],
                {"input_ids": ids, "attention_mask": mask, "token_type_ids": types},
            )
        best = max(best, len(encodings) / (time.perf_counter() - start))
    return best


def main() -> None:
    from threadguard.bench import cpu_line
    from threadguard.scoring.encoder import encode, load_tokenizer
    from threadguard.scoring.registry import shipped_model_dir
    from threadguard.training.datasets import load_unhealthy

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("work", type=Path)
    parser.add_argument("--deep", type=Path, default=shipped_model_dir("deep"))
    parser.add_argument("--data", type=Path, default=Path(os.environ.get("THREADGUARD_DATA", "")))
    parser.add_argument("--rows", type=int, default=500)
    args = parser.parse_args()
    texts = load_unhealthy(args.data).select("dev").texts[: args.rows]
    meta = json.loads((args.deep / "model.json").read_text(encoding="utf-8"))
    tokenizer = load_tokenizer(args.deep / "tokenizer.json", int(meta["max_tokens"]))
    encodings = encode(tokenizer, texts)
    print(cpu_line())
    print(f"{len(texts)} comments, mean {np.mean([len(e.ids) for e in encodings]):.0f} word pieces")
    files = {"shipped": args.deep / "encoder.int8.onnx"} | export_variants(args.deep, args.work)
    for name, path in files.items():
        print(f"{name:<8}{rate(path, encodings):8.0f} comments/s, one thread, one at a time")


if __name__ == "__main__":
    main()
