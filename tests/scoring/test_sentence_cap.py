"""The deep tier's reading capped at a comment's worst sentence (off by default): kind
sentences the whole over-reads are brought down, and identity attack and threat never."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from threadguard.engine import CommentInput, Engine
from threadguard.schema import Tier
from threadguard.scoring.sentence_cap import CHECK_FROM, cap_to_sentences

HEADS = ("toxicity", "identity_attack", "threat")


def reader(scores: dict[str, list[float]]):
    def read(parts: list[str]) -> np.ndarray:
        return np.array([scores[p.strip()] for p in parts])

    return read


def test_a_whole_read_above_every_sentence_is_capped_on_the_capped_heads_only() -> None:
    texts = ["I'm so sorry. Hope your lad is ok."]
    whole = np.array([[0.79, 0.5, 0.6]])
    read = reader({"I'm so sorry.": [0.03, 0.01, 0.02], "Hope your lad is ok.": [0.1, 0.02, 0.05]})
    out = cap_to_sentences(whole, texts, read, 0.0, HEADS)
    assert np.allclose(out, [[0.1, 0.5, 0.6]])
    out = cap_to_sentences(whole, texts, read, 0.1, HEADS)
    assert np.allclose(out, [[0.2, 0.5, 0.6]])


def test_one_sentence_or_a_calm_whole_is_not_read_again() -> None:
    def refuse(parts: list[str]) -> np.ndarray:
        raise AssertionError(f"read {parts}")

    one = cap_to_sentences(np.array([[0.9, 0.0, 0.0]]), ["One sentence only."], refuse, 0.0, HEADS)
    assert one[0, 0] == 0.9
    calm = np.array([[CHECK_FROM - 0.01, 0.9, 0.9]])
    assert np.array_equal(cap_to_sentences(calm, ["Calm. Twice."], refuse, 0.0, HEADS), calm)


def test_a_sentence_that_reads_worse_alone_leaves_the_whole_as_it_was() -> None:
    texts = ["The bypass consultation closes Friday. You are all brainless sheep."]
    whole = np.array([[0.3, 0.0, 0.0]])
    read = reader(
        {
            "The bypass consultation closes Friday.": [0.02, 0, 0],
            "You are all brainless sheep.": [0.9, 0, 0],
        }
    )
    assert np.array_equal(cap_to_sentences(whole, texts, read, 0.0, HEADS), whole)


def test_the_engine_caps_only_when_asked(engine: Engine) -> None:
    text = "I'm so sorry. Hope your lad is ok."
    deep = replace(engine.cascade, tier=Tier.DEEP)
    off = engine.with_cascade(deep).analyze([CommentInput(text)], spans=False)[0]
    on = engine.with_cascade(replace(deep, sentence_cap=0.0)).analyze(
        [CommentInput(text)], spans=False
    )[0]
    assert engine.cascade.sentence_cap is None
    assert off.scores["toxicity"] > 0.4 > on.scores["toxicity"]


def test_a_negative_or_missing_margin_is_refused() -> None:
    import pytest

    whole = np.array([[0.9, 0.0, 0.0]])
    for bad in (-0.5, float("nan")):
        with pytest.raises(ValueError, match="margin"):
            cap_to_sentences(whole, ["A. B."], lambda p: np.zeros((len(p), 3)), bad, HEADS)
