"""The deep tier at run time: the fine-tuned MiniLM encoder in ONNX Runtime, no PyTorch.

Input is the comment and, when known, its context (parent comment or article title) as a
text pair.

Each comment is run through the network alone, never padded into a batch with others.
The int8 model quantizes its activations per tensor, at run time: in a batch, one
comment's activations set the scale every other comment is quantized with, so the same
comment got different scores depending on what it was scored beside (logits moved by up
to 1.0, 0.22 on average, on HateXplain dev rows). A moderation score must not depend on
the traffic around it. Running alone costs about 30% of the deep tier's throughput
(410 against 590 comments/s on those rows, with length-sorted batches of 32).

Nor may it depend on the CPU. The network's int8 products are exact on a CPU with VNNI,
but ONNX Runtime's default kernel on AVX2 (and AVX-512 without VNNI) adds pairs of them in
16 bits, which saturates: the same comment scored differently on two machines of one fleet
("Black lives matter." identity-attack logit -4.36 on an AVX2 EPYC, -3.54 with exact
products). On such a CPU the session is therefore opened with :data:`EXACT_INT8`, which
makes ONNX Runtime shift the weights to unsigned bytes and multiply exactly; where VNNI is
present the default kernel is exact already and faster, and the setting is left off
(:func:`needs_exact_int8`). The integer products are then the same everywhere (the float
steps around them may still round differently in the last bits); the thresholds were chosen
on exact products.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from threadguard.scoring.linear import ModelError, platt, read_meta, sigmoid
from threadguard.scoring.model_json import EncoderMeta

FORMAT = "threadguard-encoder/1"
#: ONNX Runtime's session setting for exact int8 products on CPUs without VNNI (see the
#: module docs): key and value.
EXACT_INT8 = ("session.x64quantprecision", "1")
#: The CPU flags of VNNI, whose int8 products are exact with the default kernel.
VNNI_FLAGS = frozenset({"avx512_vnni", "avx_vnni"})


@lru_cache(maxsize=1)
def read_cpuinfo() -> str | None:
    """/proc/cpuinfo's text, read once; None where the system has none."""
    try:
        return Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None


def cpu_flags(cpuinfo: str) -> frozenset[str]:
    """The instruction-set flags /proc/cpuinfo's text gives for the first processor."""
    return frozenset(
        next(
            (ln.split(":", 1)[1].split() for ln in cpuinfo.splitlines() if ln.startswith("flags")),
            (),
        )
    )


def needs_exact_int8(cpuinfo: str | None = None) -> bool:
    """Whether the session must ask for exact int8 products: yes unless the CPU has VNNI.

    With VNNI the default kernel is exact and the fastest; ONNX Runtime's setting would
    also rewrite the weights there and run its slower unsigned kernel (its header says as
    much), for the same integers. Where the flags cannot be read (no /proc/cpuinfo), the
    setting is asked for: exact before fast. ``cpuinfo``: /proc/cpuinfo's text (read here
    when None)."""
    text = cpuinfo if cpuinfo is not None else read_cpuinfo()
    return text is None or not VNNI_FLAGS & cpu_flags(text)


def session_options(threads: int | None = None) -> Any:
    """Options every deep-tier session is opened with: full graph optimisation, exact int8
    products on every x86 CPU (:func:`needs_exact_int8`), and ``threads`` intra-op threads
    when given."""
    import onnxruntime as ort

    options = ort.SessionOptions()
    if threads:
        options.intra_op_num_threads = threads
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    if needs_exact_int8():
        options.add_session_config_entry(*EXACT_INT8)
    return options


def load_tokenizer(path: Path, max_tokens: int) -> Any:
    """The encoder's tokenizer, truncating pairs to ``max_tokens`` (longest side first)."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(path))
    tokenizer.enable_truncation(max_length=max_tokens, strategy="longest_first")
    tokenizer.no_padding()
    return tokenizer


def encode(tokenizer: Any, texts: list[str], contexts: list[str] | None = None) -> list[Any]:
    """Tokenize comments, each with its context as the second segment when it has one."""
    ctx = contexts or [""] * len(texts)
    inputs = [(t, c) if c else t for t, c in zip(texts, ctx, strict=True)]
    return list(tokenizer.encode_batch(inputs))


def pad(encodings: list[Any]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """input_ids, attention_mask, token_type_ids padded to the longest in the batch."""
    width = max(len(e.ids) for e in encodings)
    ids = np.zeros((len(encodings), width), dtype=np.int64)
    mask = np.zeros_like(ids)
    types = np.zeros_like(ids)
    for row, e in enumerate(encodings):
        k = len(e.ids)
        ids[row, :k] = e.ids
        mask[row, :k] = e.attention_mask
        types[row, :k] = e.type_ids
    return ids, mask, types


@dataclass(frozen=True)
class TokenScores:
    """The token head's reading of one comment: each word piece's character range in the
    text as read and its probability of lying inside an abusive span."""

    offsets: list[tuple[int, int]]
    probs: list[float]


@dataclass
class EncoderModel:
    """An ONNX session, its tokenizer, and per-head Platt calibration."""

    name: str
    version: int
    heads: tuple[str, ...]
    session: Any
    tokenizer: Any
    platt_a: np.ndarray
    platt_b: np.ndarray
    metadata: dict[str, Any]

    @property
    def tag(self) -> str:
        return f"{self.name}@{self.version}"

    @classmethod
    def load(cls, directory: Path, threads: int | None = None) -> EncoderModel:
        """Load ``encoder.int8.onnx``, ``tokenizer.json`` and ``model.json`` from a folder."""
        import onnxruntime as ort

        try:
            meta = read_meta(directory, FORMAT, EncoderMeta)
            session = ort.InferenceSession(
                str(directory / "encoder.int8.onnx"),
                session_options(threads),
                providers=["CPUExecutionProvider"],
            )
            tokenizer = load_tokenizer(directory / "tokenizer.json", int(meta["max_tokens"]))
        except ModelError:  # not an encoder, or a field of the wrong type: said so
            raise
        except (OSError, ValueError, KeyError) as exc:
            raise ModelError(f"{directory}: cannot load encoder: {exc}") from exc
        except Exception as exc:  # onnxruntime raises its own exception types
            raise ModelError(f"{directory}: cannot load encoder: {exc}") from exc
        return cls(
            name=str(meta["name"]),
            version=int(meta["version"]),
            heads=tuple(meta["heads"]),
            session=session,
            tokenizer=tokenizer,
            platt_a=np.asarray(meta["platt_a"], dtype=np.float32),
            platt_b=np.asarray(meta["platt_b"], dtype=np.float32),
            metadata=meta,
        )

    @cached_property
    def has_token_head(self) -> bool:
        """Whether this model also tags word pieces (``token_logits``): deep@3 and later."""
        return any(o.name == "token_logits" for o in self.session.get_outputs())

    def chars_read(self, text: str) -> int:
        """How much of ``text`` (characters from its start) the encoder reads when it reads
        the text alone: all of it, or up to the end of its last word piece that fits in
        ``max_tokens`` (what :mod:`threadguard.scoring.windows` reads again after)."""
        encoding = self.tokenizer.encode(text)
        if not encoding.overflowing:
            return len(text)
        ends = [
            end
            for (_, end), special in zip(
                encoding.offsets, encoding.special_tokens_mask, strict=True
            )
            if not special
        ]
        return max(ends, default=0)

    def logits(self, texts: list[str], contexts: list[str] | None = None) -> np.ndarray:
        """Raw head logits [n, heads]; contexts (same length) may hold empty strings."""
        return self.read(texts, contexts, tokens=False)[0]

    def read(
        self, texts: list[str], contexts: list[str] | None = None, *, tokens: bool = True
    ) -> tuple[np.ndarray, list[TokenScores | None]]:
        """Raw head logits [n, heads] and, per text, its word pieces' span probabilities.

        The pieces are those of the comment itself (not its context), with their character
        offsets into ``texts[i]``; ``None`` where the model has no token head or
        ``tokens`` is false.
        """
        n = len(texts)
        out = np.zeros((n, len(self.heads)), dtype=np.float32)
        pieces: list[TokenScores | None] = [None] * n
        if not n:
            return out, pieces
        names = ["logits", "token_logits"] if tokens and self.has_token_head else ["logits"]
        for i, encoding in enumerate(encode(self.tokenizer, texts, contexts)):
            # One at a time: see the module docs (batching changes the int8 scores).
            ids, mask, types = pad([encoding])
            result = self.session.run(
                names, {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}
            )
            out[i] = result[0][0]
            if len(result) > 1:
                keep = [
                    k
                    for k, (seq, special) in enumerate(
                        zip(encoding.sequence_ids, encoding.special_tokens_mask, strict=True)
                    )
                    if seq == 0 and not special
                ]
                z = result[1][0, keep, 0]
                pieces[i] = TokenScores(
                    offsets=[encoding.offsets[k] for k in keep],
                    probs=sigmoid(z).tolist(),
                )
        return out, pieces

    def calibrate(self, logits: np.ndarray) -> np.ndarray:
        """Per-head Platt calibration of raw logits into probabilities."""
        return platt(logits, self.platt_a, self.platt_b)

    def predict(self, texts: list[str], contexts: list[str] | None = None) -> np.ndarray:
        """Calibrated probabilities [n, heads]."""
        return self.calibrate(self.logits(texts, contexts))
