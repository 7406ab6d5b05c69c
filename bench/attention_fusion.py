"""Would a fused attention make the deep tier fast enough? A measurement, not a shipped step.

The deep tier's int8 graph (``torch.onnx.export`` then ``quantize_dynamic``) computes each
layer's attention with dozens of small nodes (reshapes, transposes, shape arithmetic, the
mask, softmax). ONNX Runtime's own transformer optimiser does not recognise this export's
attention pattern (0 ``Attention`` fused), so this script rewrites it by hand: each layer's
attention core becomes one ``com.microsoft.MultiHeadAttention`` on the same int8
projections. It prints both graphs' ONNX node counts (as stored, before ONNX Runtime's own
graph optimisations), then reads news comments one at a time, as the engine does, with
both graphs on one thread, and prints comments/s and how far the logits move. ``--deep``
defaults to the shipped deep tier, so a later run measures whatever model ships then.

Measured 2026-12-02 on threadguard-deep@13 (commit 81e5676; Unhealthy Conversations dev,
600 comments, three rounds, shared cores): 824 ONNX nodes as shipped, 322 fused (six
MultiHeadAttention, one a layer); 322-352 -> 379-409 comments/s (about 1.16x), logits
moved by 0.0035 on average and up to 0.33 (the next layer's dynamic quantisation rounds
differently). Not shipped: the cascade spends about three quarters of its time in the deep
tier on news comments, so 1.16x there is about 1.1x overall, short of the issue's 1,000
comments/s, and a changed graph is a new model version to evaluate in full. Also measured
and rejected: the same weights in fp32 (dequantised) are 4-5x slower per comment, and
batching the int8 graph (1.2-1.3x) changes a comment's scores with its batch-mates (up to
1.6 in logit: the activations are quantised per batch).

Usage (needs ``onnx``, from ``pip install -e .[train]``):
    PYTHONPATH=src python bench/attention_fusion.py --out FILE [--deep DIR] [--data DIR]
        [--rows N] [--rounds N]
(``--data`` defaults to ``THREADGUARD_DATA``.)
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from threadguard.scoring.encoder import encode, load_tokenizer, pad
from threadguard.scoring.registry import shipped_model_dir
from threadguard.training.datasets import load_unhealthy

#: all-MiniLM-L6-v2's attention heads (384 hidden units, 32 per head).
HEADS = 12


def fuse_attention(source: Path, target: Path) -> Counter[str]:
    """Write ``source``'s graph with each layer's attention core as one MultiHeadAttention."""
    import onnx
    from onnx import helper

    model = onnx.load(str(source))
    graph = model.graph
    producer = {out: node for node in graph.node for out in node.output}
    layers = sorted(
        {n.name.split("/")[3] for n in graph.node if "/encoder/encoder/layer." in n.name}
    )
    mask = helper.make_node(
        "Cast", ["attention_mask"], ["attention_mask_int32"], to=onnx.TensorProto.INT32
    )
    graph.node.insert(0, mask)
    for layer in layers:
        prefix = f"/encoder/encoder/{layer}/attention/self/"
        q, k, v = (prefix + p + "/Add_output_0" for p in ("query", "key", "value"))
        out = prefix + "Reshape_4_output_0"  # the heads merged back: the dense layer's input
        fused = helper.make_node(
            "MultiHeadAttention",
            [q, k, v, "", "attention_mask_int32"],
            [out],
            domain="com.microsoft",
            num_heads=HEADS,
            name=prefix + "MultiHeadAttention",
        )
        old = producer[out]
        at = list(graph.node).index(old)
        graph.node.remove(old)
        graph.node.insert(at, fused)
    outputs = {o.name for o in graph.output}
    while True:  # drop what no longer feeds an output
        used = {i for n in graph.node for i in n.input} | outputs
        dead = [n for n in graph.node if not any(o in used for o in n.output)]
        if not dead:
            break
        for node in dead:
            graph.node.remove(node)
    used = {i for n in graph.node for i in n.input}
    kept = [t for t in graph.initializer if t.name in used]
    del graph.initializer[:]
    graph.initializer.extend(kept)
    if not any(o.domain == "com.microsoft" for o in model.opset_import):
        model.opset_import.append(helper.make_opsetid("com.microsoft", 1))
    onnx.save(model, str(target))
    ops = Counter(n.op_type for n in graph.node)
    if not ops["MultiHeadAttention"] == len(layers) > 0:
        raise ValueError(
            f"{source}: fused {ops['MultiHeadAttention']} attention cores for {len(layers)} "
            "encoder layers; the graph is not the export this script knows"
        )
    return ops


def node_count(path: Path) -> int:
    """The ONNX graph's nodes, as stored (before ONNX Runtime optimises it)."""
    import onnx

    return len(onnx.load(str(path)).graph.node)


def _session(path: Path) -> Any:
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


def _read(session: Any, encodings: list[Any]) -> tuple[float, np.ndarray]:
    """Comments/s and the logits, one comment a call (as the engine reads them)."""
    start = time.perf_counter()
    out = []
    for encoding in encodings:
        ids, mask, types = pad([encoding])
        feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}
        out.append(session.run(["logits"], feed)[0][0])
    return len(encodings) / (time.perf_counter() - start), np.array(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--deep", type=Path, default=shipped_model_dir("deep"))
    data = os.environ.get("THREADGUARD_DATA")
    ap.add_argument("--data", type=Path, default=Path(data) if data else None)
    ap.add_argument("--rows", type=int, default=600)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--out", type=Path, required=True, help="where to write the fused graph")
    args = ap.parse_args()
    if args.data is None:
        ap.error("--data is required unless THREADGUARD_DATA is set")
    meta = json.loads((args.deep / "model.json").read_text("utf-8"))
    shipped = args.deep / "encoder.int8.onnx"
    ops = fuse_attention(shipped, args.out)
    print(
        f"{meta['name']}@{meta['version']}: {node_count(shipped)} ONNX nodes as shipped, "
        f"{node_count(args.out)} fused ({ops['MultiHeadAttention']} MultiHeadAttention)"
    )
    texts = load_unhealthy(args.data).select("dev").texts[: args.rows]
    tokenizer = load_tokenizer(args.deep / "tokenizer.json", int(meta["max_tokens"]))
    encodings = encode(tokenizer, texts, [""] * len(texts))
    sessions = {
        "as shipped": _session(args.deep / "encoder.int8.onnx"),
        "fused": _session(args.out),
    }
    logits: dict[str, np.ndarray] = {}
    for r in range(args.rounds):
        rates = {}
        for name, session in sessions.items():
            rates[name], logits[name] = _read(session, encodings)
        ratio = rates["fused"] / rates["as shipped"]
        print(
            f"round {r + 1}: as shipped {rates['as shipped']:,.0f} comments/s, "
            f"fused {rates['fused']:,.0f} ({ratio:.2f}x)"
        )
    moved = np.abs(logits["fused"] - logits["as shipped"])
    print(f"logits moved: mean {moved.mean():.4f}, max {moved.max():.3f}")


if __name__ == "__main__":
    main()
