"""Would per-token activation scales let the deep tier read comments in batches, faster?

The shipped deep tier quantises each layer's input with *one* scale per tensor, set at run
time (``DynamicQuantizeLinear``): in a batch, one comment's activations set every other
comment's scale, so the engine reads each comment alone (``scoring.encoder``). This script
rewrites the shipped graph so that every row (word piece) of a layer's input gets its own
symmetric scale (``max |x| / 127``, zero point 128), computed by plain ONNX operators, and the
row's scale multiplies the integer product afterwards. A word piece's scale then depends on
that word piece only; padding pieces cannot move real ones. The weights stay as shipped.

It reports, on Unhealthy Conversations dev rows read without context (as news comments reach
the deep tier), one thread:

- the mean and largest |logit difference| from the shipped file (both are int8 readings of
  the same fp32 network; the shipped Platt calibration was fitted on the shipped form);
- whether a comment's logits in a batch equal its logits alone (largest difference);
- comments/s: shipped alone, per-token alone, per-token in length-sorted batches of 32.

Measured 2026-12-03 (session 15, AMD EPYC with VNNI, deep@20, 800 comments, mean 28 word
pieces, two runs on idle cores): batch-independent to 4e-6; mean |logit - shipped| 0.198
(largest 2.55); shipped alone 212 and 175 comments/s, per-token alone 179 and 131, per-token in
batches 188 and 168: 0.89x and 0.96x the shipped file alone (a first, throwaway version of this
rewrite measured 1.05x). The first form tried multiplied the row scale in where the shipped
graph multiplies the tensor scale: ONNX Runtime then fused it into ``MatMulIntegerToFloat``,
which reads that scale per *column*, and the logits moved by up to 11. Not shipped: the extra
operators (eight per quantised input, one more multiplication per quantised product) cost what
batching saves on comments this short.

Usage (needs the `train` extra for onnx):
    PYTHONPATH=src python bench/deep_per_token_quantisation.py WORK_DIR [--deep DIR]
        [--data DIR] [--rows N]
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

import numpy as np
from deep_static_quantisation import logits_alone, logits_batched


def per_token(source: Path, target: Path) -> int:
    """Write ``source`` with per-row symmetric activation scales to ``target``; returns how
    many quantised inputs were rewritten."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    model = onnx.load(str(source))
    graph = model.graph
    consts = {
        "pt_127": np.array(127.0, np.float32),
        "pt_128f": np.array(128.0, np.float32),
        "pt_eps": np.array(1e-8, np.float32),
        "pt_zp": np.array(128, np.uint8),
        "pt_one": np.array(1.0, np.float32),
    }
    users: dict[str, list[onnx.NodeProto]] = {}
    for node in graph.node:
        for name in node.input:
            users.setdefault(name, []).append(node)
    # the Mul after each MatMulInteger -> Cast that reads a rewritten input: its output
    # gets the row scale multiplied in afterwards
    row_scale_of: dict[str, str] = {}
    for node in graph.node:
        if node.op_type != "DynamicQuantizeLinear":
            continue
        for matmul in users[node.output[0]]:
            cast = users[matmul.output[0]][0]
            mul = users[cast.output[0]][0]
            if (matmul.op_type, cast.op_type, mul.op_type) != ("MatMulInteger", "Cast", "Mul"):
                raise ValueError(f"{source}: unexpected pattern after {node.name}")
            row_scale_of[mul.output[0]] = node.name + "_row_scale"
    nodes: list[onnx.NodeProto] = []
    rewritten = 0
    for node in graph.node:
        if node.op_type == "Mul" and node.output[0] in row_scale_of:
            out = node.output[0]
            node.output[0] = out + "_by_tensor"
            nodes += [node, helper.make_node("Mul", [out + "_by_tensor", row_scale_of[out]], [out])]
            continue
        if node.op_type != "DynamicQuantizeLinear":
            nodes.append(node)
            continue
        rewritten += 1
        x, (xq, xs, xzp), p = node.input[0], node.output, node.name
        nodes += [
            helper.make_node("Abs", [x], [p + "_abs"]),
            helper.make_node("ReduceMax", [p + "_abs"], [p + "_max"], axes=[-1], keepdims=1),
            helper.make_node("Max", [p + "_max", "pt_eps"], [p + "_max_eps"]),
            helper.make_node("Div", [p + "_max_eps", "pt_127"], [p + "_row_scale"]),
            helper.make_node("Div", [x, p + "_row_scale"], [p + "_scaled"]),
            helper.make_node("Round", [p + "_scaled"], [p + "_rounded"]),
            helper.make_node("Add", [p + "_rounded", "pt_128f"], [p + "_shifted"]),
            helper.make_node("Cast", [p + "_shifted"], [xq], to=TensorProto.UINT8),
            # the tensor scale becomes 1 (the row scale is applied after the product)
            helper.make_node("Identity", ["pt_one"], [xs]),
            helper.make_node("Identity", ["pt_zp"], [xzp]),
        ]
    del graph.node[:]
    graph.node.extend(nodes)
    graph.initializer.extend(numpy_helper.from_array(v, k) for k, v in consts.items())
    onnx.checker.check_model(model)
    onnx.save(model, str(target))
    return rewritten


def main() -> None:
    from threadguard.scoring.encoder import encode, load_tokenizer
    from threadguard.scoring.registry import shipped_model_dir
    from threadguard.training.datasets import load_unhealthy

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("work", type=Path)
    parser.add_argument("--deep", type=Path, default=shipped_model_dir("deep"))
    parser.add_argument(
        "--data", type=Path, default=Path(os.environ.get("THREADGUARD_DATA", "../shared/data"))
    )
    parser.add_argument("--rows", type=int, default=800)
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    shipped = args.deep / "encoder.int8.onnx"
    target = args.work / "encoder.per_token.onnx"
    print(f"{per_token(shipped, target)} quantised inputs rewritten")
    texts = load_unhealthy(args.data).select("dev").texts[: args.rows]
    meta = json.loads((args.deep / "model.json").read_text(encoding="utf-8"))
    tokenizer = load_tokenizer(args.deep / "tokenizer.json", int(meta["max_tokens"]))
    encodings = encode(tokenizer, texts)
    base, base_rate = logits_alone(shipped, encodings)
    alone, alone_rate = logits_alone(target, encodings)
    batched, batched_rate = logits_batched(target, encodings)
    gap = np.abs(alone - base)
    print(f"{len(texts)} comments, mean {np.mean([len(e.ids) for e in encodings]):.0f} pieces")
    print(f"|logit - shipped|: mean {gap.mean():.3f}, largest {gap.max():.3f}")
    print(f"batch vs alone: largest |difference| {np.abs(batched - alone).max():.1e}")
    print(
        f"comments/s: shipped alone {base_rate:.0f}, per-token alone {alone_rate:.0f}, "
        f"per-token batched {batched_rate:.0f} ({batched_rate / base_rate:.2f}x shipped alone)"
    )


if __name__ == "__main__":
    main()
