"""Would a site's adaptation learn more from the deep encoder's sentence embedding?

The shipped adaptation (``threadguard adapt``, kind ``head``) is a logistic regression over
the seven attribute logits. Issue 12 asks for "light per-site head weights" where they
help; the richest features the engine has are the deep tier's mean-pooled encoder output
(384 numbers, the input of its heads). This measures, on the simulated site of
``threadguard eval --suite adaptation`` (Unhealthy Conversations; verdicts on one half,
civil held at equal caught on the other), the shipped head against a logistic regression
over the standardised logits plus the embedding scaled by ``w`` (``w = 0``: logits only),
for several ``C``, shifted as the shipped fit shifts its head, on the hash halving and 20
seeded random halvings.

The embedding is read from the shipped ONNX graph (its pooled output exposed as a second
output) with each comment's text alone, as the deep tier reads it without context. It needs
the ``onnx`` package (``pip install -e '.[train]'``).

    PYTHONPATH=src python bench/adaptation_embeddings.py --data $THREADGUARD_DATA --split dev

Session 10 (fast@2 + deep@16, default policy; reduction of civil held at equal caught, on
the hash halving / mean of 20 random halvings): dev, shipped head 30.2% / 17.7%; with the
embedding the best mean was 17.4% (C 0.01, w 0.25), no better; test (one look), shipped
head 17.8% / 8.0%, embedding 26.8% / 10.6% at dev's best setting and at best 26.8% / 14.5%
over all settings. No setting beat the head on dev, none reached the 30% target on the
random halvings of either split: not shipped (it would also need the deep tier to read
every comment of an adapted site, the fast tier's comments having no embedding).
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

from threadguard.adaptation import Example, fit_adaptation
from threadguard.adaptation.apply import adapted_scores
from threadguard.engine import CommentInput, Engine
from threadguard.evaluation.adaptation import DATA_SET, verdict_half
from threadguard.evaluation.decision_sets import DATA_SETS, data_items
from threadguard.moderation import load_policy
from threadguard.schema import ATTRIBUTES

POOLED = "/Div_output_0"  # the mean-pooled encoder output in the exported graph


def embed(texts: list[str]) -> np.ndarray:
    """Each text's pooled encoder output, from the shipped deep model."""
    import onnx
    import onnxruntime as ort

    from threadguard.scoring.encoder import encode, load_tokenizer, pad, session_options

    folder = Path(__file__).resolve().parents[1] / "src/threadguard/models/deep"
    graph = onnx.load(str(folder / "encoder.int8.onnx"))
    graph.graph.output.append(
        onnx.helper.make_tensor_value_info(POOLED, onnx.TensorProto.FLOAT, None)
    )
    # the engine's options: exact int8 products on a CPU without VNNI
    session = ort.InferenceSession(graph.SerializeToString(), session_options(2))
    tokenizer = load_tokenizer(folder / "tokenizer.json", 128)
    rows = []
    for text in texts:
        ids, mask, types = pad(encode(tokenizer, [text]))
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}
        rows.append(session.run([POOLED], feeds)[0][0])
    return np.asarray(rows, dtype=np.float32)


def civil_at_caught(ratios: np.ndarray, abusive: np.ndarray, caught: int) -> int:
    """Civil comments held when the thresholds are scaled to catch ``caught`` abusive."""
    scale = np.sort(ratios[abusive])[::-1][min(caught, int(abusive.sum())) - 1]
    return int(((ratios >= scale) & ~abusive).sum())


def site_scores(scores: np.ndarray, z: np.ndarray) -> np.ndarray:
    """A head's scores: its probability as toxicity, every attribute capped at it."""
    site = 1.0 / (1.0 + np.exp(-z))
    out = np.minimum(scores, site[:, None])
    out[:, 0] = site
    return out


def caught_shift(
    scores: np.ndarray, z: np.ndarray, abusive: np.ndarray, level: np.ndarray
) -> float:
    """The logit shift after which the head's scores catch as many abusive comments as
    ``scores`` did at the policy's levels (as the shipped fit shifts its head)."""
    target = int(((scores / level).max(1)[abusive] >= 1).sum())
    lo, hi = -30.0, 30.0
    for _ in range(60):
        mid = (lo + hi) / 2
        got = int(((site_scores(scores, z + mid) / level).max(1)[abusive] >= 1).sum())
        lo, hi = (lo, mid) if got >= target else (mid, hi)
    return hi


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--split", choices=("dev", "test"), default="dev")
    args = ap.parse_args()
    spec = next(s for s in DATA_SETS if s.key == DATA_SET)
    items = data_items(spec, args.data, args.split, None)
    engine = Engine.load(None)
    analyses = engine.analyze([CommentInput(it.text) for it in items], spans=False)
    scores = np.array([[a.scores[x] for x in ATTRIBUTES] for a in analyses])
    emb = embed([it.text for it in items])
    abusive = np.array([it.kind == "abusive" for it in items])
    levels = load_policy().flag_levels()
    level = np.array([levels.get(a, np.inf) for a in ATTRIBUTES])
    logits = np.log(np.clip(scores, 1e-4, 1 - 1e-4) / (1 - np.clip(scores, 1e-4, 1 - 1e-4)))

    def halving(seed: int) -> np.ndarray:
        rng = random.Random(seed)  # a reproducible sample, not a secret
        return np.array([rng.random() < 0.5 for _ in items])

    halvings = [np.array([verdict_half(it.text) for it in items])]
    halvings += [halving(s) for s in range(20)]

    def reduction(fit: np.ndarray, c: float | None, w: float) -> float:
        test = ~fit
        before = (scores[test] / level).max(1)
        caught = int((before[abusive[test]] >= 1).sum())
        held = int((before[~abusive[test]] >= 1).sum())
        if c is None:  # the shipped head, as `threadguard adapt` fits it
            examples = [
                Example(dict(zip(ATTRIBUTES, s, strict=True)), bool(y))
                for s, y in zip(scores[fit], abusive[fit], strict=True)
            ]
            head = fit_adaptation(examples, levels, kind="head", minimum=1).adaptation
            after = np.array(
                [
                    [
                        adapted_scores(dict(zip(ATTRIBUTES, s, strict=True)), head)[a]
                        for a in ATTRIBUTES
                    ]
                    for s in scores[test]
                ]
            )
        else:
            x = np.hstack([logits, emb]) if w > 0 else logits
            scaler = StandardScaler().fit(x[fit])
            xf, xt = scaler.transform(x[fit]), scaler.transform(x[test])
            xf[:, 7:] *= w
            xt[:, 7:] *= w
            model = LogisticRegression(C=c, max_iter=2000).fit(xf, abusive[fit])
            shift = caught_shift(scores[fit], model.decision_function(xf), abusive[fit], level)
            after = site_scores(scores[test], model.decision_function(xt) + shift)
        ratios = (after / level).max(1)
        return 1.0 - civil_at_caught(ratios, abusive[test], caught) / held if held else 0.0

    settings: list[tuple[float | None, float]] = [(None, 0.0)]
    settings += [(c, w) for c in (0.001, 0.003, 0.01, 0.03) for w in (0.0, 0.25, 0.5, 1.0)]
    print(f"{spec.name}, {args.split}: {len(items)} comments, {int(abusive.sum())} abusive")
    for c, w in settings:
        got = [reduction(h, c, w) for h in halvings]
        name = "shipped head" if c is None else f"C={c} w={w}"
        print(
            f"{name:18s} hash halving {got[0]:6.1%}   20 random: mean {np.mean(got[1:]):6.1%}"
            f"  median {np.median(got[1:]):6.1%}"
        )


if __name__ == "__main__":
    main()
