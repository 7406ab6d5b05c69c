"""The shipped deep tier at run time: ONNX Runtime, no PyTorch, deterministic scores."""

from __future__ import annotations

import numpy as np

from threadguard.engine import DEEP_MODEL, shipped_model_dir
from threadguard.scoring.encoder import EncoderModel

TEXTS = [
    "Thanks for the article, very informative.",
    "you are a complete idiot and everyone here knows it",
    "Go back to where you came from, nobody wants your kind here.",
    "I disagree with the author: the numbers in the third paragraph do not add up, and the "
    "quoted expert has a conflict of interest that should have been mentioned.",
    "ok",
]


def test_a_comment_scores_the_same_alone_and_beside_others() -> None:
    # The int8 model quantizes activations per tensor: batching would let the other
    # comments change this one's scores.
    deep = EncoderModel.load(shipped_model_dir(DEEP_MODEL))
    together = deep.predict(TEXTS, [""] * len(TEXTS))
    alone = np.vstack([deep.predict([t], [""]) for t in TEXTS])
    np.testing.assert_array_equal(together, alone)


def test_the_deep_tier_separates_abuse_from_civil_comments() -> None:
    deep = EncoderModel.load(shipped_model_dir(DEEP_MODEL))
    scores = deep.predict(TEXTS, None)
    tox = scores[:, deep.heads.index("toxicity")]
    # The insult is read as one by its own head; its toxicity sits near 0.5 (deep@34: 0.49, deep@43: 0.51),
    # so the comment's strongest abuse reading is what must cross 0.5.
    abuse = [deep.heads.index(h) for h in ("toxicity", "insult", "identity_attack", "threat")]
    strongest = scores[:, abuse].max(axis=1)
    assert strongest[1] > 0.5 > strongest[0]
    assert strongest[2] > 0.5 > strongest[3]
    assert tox[1] > tox[0] + 0.3
    assert tox[2] > tox[3]
