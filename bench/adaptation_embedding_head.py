"""Site adaptation heads beyond the seven scores: the deep tier's sentence embedding.

Measured in session 34 and not shipped. On the simulated site of `threadguard eval --suite
adaptation` (Unhealthy Conversations), over 20 seeded halvings: a logistic regression per
site on the deep tier's mean-pooled embedding (read from the ONNX graph's pooling output),
on the embedding and the seven logits, or on the logits alone, each ranked with and without
the policy's flag ratio; printed: civil held at equal caught on the other half, as a
reduction against the default policy (mean, median, min, max), the 15 best settings.

    PYTHONPATH=src python bench/adaptation_embedding_head.py $THREADGUARD_DATA [dev|test]

Session 34, test: embedding alone (C 0.01) 16.2% fewer on average, logits (balanced, C 1)
14.5%; dev: logits 23.9%, the embedding settings lower. The shipped head: 5.3% (session 30).
"""

import sys
import time
from pathlib import Path

import numpy as np
import onnx
import onnxruntime as ort
from sklearn.linear_model import LogisticRegression

from threadguard.engine import CommentInput, Engine
from threadguard.evaluation.adaptation import DATA_SET, RESAMPLES, flag_ratio
from threadguard.evaluation.decision_sets import DATA_SETS, data_items
from threadguard.moderation import load_policy
from threadguard.schema import ATTRIBUTES
from threadguard.scoring.encoder import encode, load_tokenizer, pad, session_options
from threadguard.scoring.registry import shipped_model_dir

split = sys.argv[2] if len(sys.argv) > 2 else "dev"
data = Path(sys.argv[1])
engine, policy = Engine.load(), load_policy()
spec = next(s for s in DATA_SETS if s.key == DATA_SET)
items = data_items(spec, data, split, None)
t = time.time()
analyses = list(
    engine.analyze(
        [CommentInput(i.text, parent=i.parent, title=i.title) for i in items], spans=False
    )
)
print("scored", len(items), time.time() - t, flush=True)
scores = np.array([[a.scores.get(k, 0.0) for k in ATTRIBUTES] for a in analyses])
ratio = np.array([flag_ratio(a, policy) for a in analyses])
abusive = np.array([i.kind == "abusive" for i in items])
if True:
    d = shipped_model_dir("deep")
    m = onnx.load(str(d / "encoder.int8.onnx"))
    m.graph.output.append(
        onnx.helper.make_tensor_value_info("/Div_output_0", onnx.TensorProto.FLOAT, None)
    )
    s = ort.InferenceSession(
        m.SerializeToString(), session_options(1), providers=["CPUExecutionProvider"]
    )
    tok = load_tokenizer(d / "tokenizer.json", 128)
    emb = np.zeros((len(items), 384), np.float32)
    t = time.time()
    for i, e in enumerate(encode(tok, [it.text for it in items])):
        ids, mask, types = pad([e])
        emb[i] = s.run(
            ["/Div_output_0"], {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}
        )[0][0]
    print("embedded", time.time() - t, flush=True)


def civil_held_at(rank, ab, caught):
    if caught <= 0:
        return 0
    top = np.sort(rank[ab])[::-1]
    return int(((rank >= top[min(caught, len(top)) - 1]) & ~ab).sum())


p = np.clip(scores, 1e-4, 1 - 1e-4)
z = np.log(p / (1 - p))
lr_ratio = np.log(np.clip(ratio, 1e-4, None))
print(f"{split}: civil {(~abusive).sum()} abusive {abusive.sum()}")
configs = []
for feats in ("emb", "emb+z", "z"):
    for C in (0.01, 0.1, 1.0):
        for cw in (None, "balanced"):
            for alpha in (0.0, 1.0, 3.0):
                configs.append((feats, C, cw, alpha))
res = {c: [] for c in configs}
for seed in range(RESAMPLES):
    r = np.random.default_rng(seed)
    half = r.random(len(items)) < 0.5
    rest = ~half
    k = int(((ratio[rest] >= 1) & abusive[rest]).sum())
    before = int(((ratio[rest] >= 1) & ~abusive[rest]).sum())
    for feats in ("emb", "emb+z", "z"):
        X = {"emb": emb, "z": z, "emb+z": np.hstack([emb, z])}[feats]
        mu, sd = X[half].mean(0), X[half].std(0) + 1e-6
        Xs = (X - mu) / sd
        for C in (0.01, 0.1, 1.0):
            for cw in (None, "balanced"):
                lr = LogisticRegression(C=C, class_weight=cw, max_iter=3000).fit(
                    Xs[half], abusive[half]
                )
                dfun = lr.decision_function(Xs[rest])
                dfun = (dfun - dfun.mean()) / dfun.std()
                for alpha in (0.0, 1.0, 3.0):
                    rank = dfun + alpha * lr_ratio[rest]
                    after = civil_held_at(rank, abusive[rest], k)
                    res[(feats, C, cw, alpha)].append(1 - after / max(before, 1))
best = sorted(res.items(), key=lambda kv: -np.mean(kv[1]))
for c, v in best[:15]:
    v = np.array(v)
    print(c, f"mean {v.mean():.1%} median {np.median(v):.1%} min {v.min():.1%} max {v.max():.1%}")
