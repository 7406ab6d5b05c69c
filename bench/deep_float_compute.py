"""Is the deep tier's int8 arithmetic what limits its decisions? A measurement, not a shipped step.

The shipped graph (``quantize_dynamic``) quantises each matrix product's activations per
tensor at run time (``DynamicQuantizeLinear`` + ``MatMulInteger``): the source of the scores
that differ by CPU (VNNI or not) and by batch. This writes a model folder whose graph
multiplies in float32 by the *same* int8 weights, dequantised (weight x scale, per output
channel): only the activations' rounding is gone. The folder loads like any deep tier
(its file keeps the name ``encoder.int8.onnx`` that the loader reads), so the shipped
commands measure it:

    PYTHONPATH=src python bench/deep_float_compute.py OUT [--deep DIR] [--data DIR] [--rows N]
    threadguard eval --suite decisions --split dev --model OUT

The script prints the comments/s of both graphs on one thread (news comments read one at a
time as the engine reads them, and in length-sorted batches of 8 and 32) and how far the
logits move.

Session 19 (deep@20, AMD EPYC with AVX-512 VNNI, two idle cores, Unhealthy Conversations
dev, 1,500 comments): int8 257 comments/s one at a time, 339 in batches of 8, 334 of 32;
float32 109, 142, 130 (float32 logits do not depend on the batch: at most 4e-6 apart); mean
|logit difference| int8 against float32 0.19. Decisions on dev rows at the default policy
(civil held / abusive caught; ``threadguard eval --suite decisions --split dev --model
OUT``), float32 against the shipped int8: Unhealthy 10.2 / 54.9 against 9.6 / 56.9, CADD
9.8 / 80.9 against 11.0 / 82.4, Ruddit 5.1 / 81.1 against 4.5 / 84.9, functional suite
8.8 / 77.4 against 8.5 / 76.0; the curves (policy scaled 0.8 to 1.4) cross each other. Not
shipped: 2.4x slower and ranked no better. Session 13 measured float32 from the PyTorch
export at 4-5x slower (bench/attention_fusion.py).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import time
from pathlib import Path
from typing import Any

import numpy as np

from threadguard.scoring.encoder import encode, load_tokenizer, pad
from threadguard.scoring.registry import shipped_model_dir
from threadguard.training.datasets import load_unhealthy

GRAPH = "encoder.int8.onnx"


def float_weights(source: Path, target: Path) -> int:
    """Write ``source``'s graph with each int8 matrix product done in float32 on the
    dequantised weights; returns how many products were rewritten."""
    import onnx
    from onnx import helper, numpy_helper

    model = onnx.load(str(source))
    graph = model.graph
    inits = {i.name: i for i in graph.initializer}
    producer = {out: n for n in graph.node for out in n.output}
    consumers: dict[str, list[Any]] = {}
    for n in graph.node:
        for name in n.input:
            consumers.setdefault(name, []).append(n)

    def value(name: str) -> np.ndarray:
        if name in inits:
            return numpy_helper.to_array(inits[name])
        return numpy_helper.to_array(producer[name].attribute[0].t)  # a Constant node

    replaced: dict[int, Any] = {}
    dropped: set[int] = set()
    added = []
    for n in graph.node:
        if n.op_type != "MatMulInteger":
            continue
        a_q, b_q, _a_zero, b_zero = n.input
        quantise = producer[a_q]  # DynamicQuantizeLinear(x) -> x_q, x_scale, x_zero
        (cast,) = consumers[n.output[0]]
        (scaled,) = consumers[cast.output[0]]  # Mul(cast, x_scale * w_scale)
        scale_name = next(i for i in scaled.input if i != cast.output[0])
        scales = producer[scale_name]
        w_scale = value(next(i for i in scales.input if i != quantise.output[1]))
        weights = (value(b_q).astype(np.float32) - value(b_zero).astype(np.float32)) * w_scale
        added.append(numpy_helper.from_array(weights.astype(np.float32), b_q + "_float"))
        matmul = helper.make_node("MatMul", [quantise.input[0], b_q + "_float"], [scaled.output[0]])
        replaced[id(scaled)] = matmul
        dropped.update({id(n), id(cast)})
    nodes = [replaced.get(id(n), n) for n in graph.node if id(n) not in dropped]
    needed = {o.name for o in graph.output}
    while True:  # drop what nothing reads any more (the quantisers, the scale products)
        read = needed | {i for n in nodes for i in n.input}
        kept = [n for n in nodes if any(o in read for o in n.output)]
        if len(kept) == len(nodes):
            break
        nodes = kept
    read = {i for n in nodes for i in n.input}
    initializers = [i for i in graph.initializer if i.name in read] + added
    del graph.node[:]
    graph.node.extend(nodes)
    del graph.initializer[:]
    graph.initializer.extend(initializers)
    onnx.checker.check_model(model)
    onnx.save(model, str(target))
    return len(replaced)


def _session(path: Path) -> Any:
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


def _logits(session: Any, encodings: list[Any], batch: int) -> tuple[np.ndarray, float]:
    """Logits of every comment in length-sorted batches (1: one at a time), and seconds."""
    order = sorted(range(len(encodings)), key=lambda i: len(encodings[i].ids))
    out: np.ndarray | None = None
    started = time.perf_counter()
    for k in range(0, len(order), batch):
        rows = order[k : k + batch]
        ids, mask, types = pad([encodings[i] for i in rows])
        got = session.run(
            ["logits"], {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}
        )[0]
        if out is None:
            out = np.zeros((len(encodings), got.shape[1]), dtype=np.float32)
        out[rows] = got
    assert out is not None
    return out, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path, help="the model folder to write")
    parser.add_argument("--deep", type=Path, default=shipped_model_dir("deep"))
    parser.add_argument("--data", type=Path, default=os.environ.get("THREADGUARD_DATA"))
    parser.add_argument("--rows", type=int, default=1500)
    args = parser.parse_args()
    if args.data is None:
        parser.error("no data folder: pass --data DIR or set THREADGUARD_DATA")
    args.out.mkdir(parents=True, exist_ok=True)
    shutil.copy(args.deep / "tokenizer.json", args.out / "tokenizer.json")
    meta = json.loads((args.deep / "model.json").read_text(encoding="utf-8"))
    # its own name, so its scores and a batch manifest are never taken for the shipped model's
    meta["name"] = f"{meta['name']}-float32"
    (args.out / "model.json").write_text(json.dumps(meta, indent=1), encoding="utf-8")
    print(f"{float_weights(args.deep / GRAPH, args.out / GRAPH)} products now in float32")
    tokenizer = load_tokenizer(args.deep / "tokenizer.json", int(meta["max_tokens"]))
    texts = [t for t in load_unhealthy(args.data).select("dev").texts if t.strip()][: args.rows]
    encodings = encode(tokenizer, texts)
    read: dict[tuple[str, int], np.ndarray] = {}
    for label, path in (("int8", args.deep / GRAPH), ("float32", args.out / GRAPH)):
        session = _session(path)
        _logits(session, encodings[:100], 1)  # warm up
        for batch in (1, 8, 32):
            logits, seconds = _logits(session, encodings, batch)
            read[(label, batch)] = logits
            print(f"{label:8s} batch {batch:2d}: {len(texts) / seconds:6.0f} comments/s")
    moved = np.abs(read[("int8", 1)] - read[("float32", 1)]).mean()
    by_batch = np.abs(read[("float32", 1)] - read[("float32", 32)]).max()
    print(f"mean |logit difference| int8 vs float32: {moved:.3f}")
    print(f"float32, one at a time vs batches of 32: at most {by_batch:.1e} apart")


if __name__ == "__main__":
    main()
