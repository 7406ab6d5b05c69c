"""Spans from the deep tier's token head: grouping pieces into words, merging words into
spans, mapping back through the normaliser, and the training labels the head learns from."""

from __future__ import annotations

import math

import numpy as np

from threadguard.analysis import Span
from threadguard.engine import DEEP_MODEL, CommentInput, Engine, shipped_model_dir
from threadguard.normalize import normalize
from threadguard.scoring.deep_spans import (
    attribute_spans,
    original_spans,
    whole_words_read,
    word_spans,
)
from threadguard.scoring.encoder import TokenScores, encode, load_tokenizer
from threadguard.training.datasets import HEADS
from threadguard.training.deep_tier import Example, prepare, token_labels


def test_pieces_of_one_word_count_as_one_word_marked_by_its_strongest_piece() -> None:
    # "idiot" read as "id" + "iot": only the second piece is above the threshold.
    offsets = [(0, 3), (4, 6), (6, 9)]
    assert word_spans("you idiot", offsets, [0.1, 0.2, 0.9], threshold=0.5) == [(4, 9, 0.9)]


def test_punctuation_is_never_part_of_a_word() -> None:
    text = "idiot, moron"
    offsets = [(0, 5), (5, 6), (7, 12)]
    assert word_spans(text, offsets, [0.9, 0.9, 0.1], threshold=0.5) == [(0, 5, 0.9)]
    # two marked words still merge across the comma and space between them
    assert word_spans(text, offsets, [0.9, 0.1, 0.8], threshold=0.5) == [(0, 12, 0.9)]


def test_a_masked_word_is_marked_whole() -> None:
    # "f**k" is read as "f", "*", "*", "k": a strong last piece marks the whole word.
    text = "what the f**k"
    offsets = [(0, 4), (5, 8), (9, 10), (10, 11), (11, 12), (12, 13)]
    assert word_spans(text, offsets, [0.1, 0.1, 0.2, 0.0, 0.0, 0.9], 0.5) == [(9, 13, 0.9)]


def test_marked_words_a_space_apart_merge_and_distant_ones_do_not() -> None:
    text = "damn dumb as      idiot"
    offsets = [(0, 4), (5, 9), (10, 12), (18, 23)]
    probs = [0.8, 0.7, 0.1, 0.6]
    assert word_spans(text, offsets, probs, threshold=0.5) == [(0, 9, 0.8), (18, 23, 0.6)]


def test_nothing_marked_below_the_threshold() -> None:
    assert word_spans("damn dumb", [(0, 4), (5, 9)], [0.49, 0.2], threshold=0.5) == []


def test_spans_map_back_through_the_normaliser() -> None:
    original = "you are an 1d10t"
    norm = normalize(original)
    begin = norm.text.index("idiot")
    found = original_spans(norm, [(begin, begin + 5)], [0.9], threshold=0.5)
    assert [(original[b:e], p) for b, e, p in found] == [("1d10t", 0.9)]


def test_spans_are_reported_only_for_attributes_scored_high_enough() -> None:
    text = "what an idiot"
    pieces = TokenScores(offsets=[(0, 4), (5, 7), (8, 13)], probs=[0.0, 0.1, 0.95])
    scores = {"toxicity": 0.9, "insult": 0.8, "threat": 0.1}
    spans = attribute_spans(normalize(text), pieces, scores, threshold=0.5, min_score=0.5)
    assert {(text[s.begin : s.end], s.attribute) for s in spans} == {
        ("idiot", "toxicity"),
        ("idiot", "insult"),
    }
    assert all(0.0 < s.score <= 0.95 for s in spans)
    low = {"toxicity": 0.3}
    assert attribute_spans(normalize(text), pieces, low, threshold=0.5, min_score=0.5) == []


def test_the_fast_tier_says_which_attribute_a_marked_span_carries() -> None:
    text = "you worthless piece of shit"
    pieces = TokenScores(
        offsets=[(0, 3), (4, 13), (14, 19), (20, 22), (23, 27)], probs=[0.1, 0.9, 0.2, 0.1, 0.95]
    )
    scores = {"toxicity": 0.95, "profanity": 0.6, "insult": 0.7}
    guides = [Span(23, 27, "profanity", 0.6), Span(4, 13, "toxicity", 0.9)]
    spans = attribute_spans(normalize(text), pieces, scores, 0.5, 0.3, guides)
    by_attribute: dict[str, set[str]] = {}
    for sp in spans:
        by_attribute.setdefault(sp.attribute, set()).add(text[sp.begin : sp.end])
    assert by_attribute["profanity"] == {"shit"}  # the fast tier's profanity word only
    assert by_attribute["toxicity"] == {"worthless", "shit"}  # the token head's spans
    assert by_attribute["insult"] == {"worthless", "shit"}  # no fast-tier insult words


def test_the_partly_read_last_word_is_left_to_the_fast_tier() -> None:
    text = "you stupid moron"
    cut = TokenScores(offsets=[(0, 3), (4, 10), (11, 14)], probs=[0.1, 0.9, 0.9])  # "mor"
    pieces, end = whole_words_read(text, cut)
    assert (pieces.offsets, end) == ([(0, 3), (4, 10)], 11)
    whole = TokenScores(offsets=[(0, 3), (4, 10), (11, 16)], probs=[0.1, 0.9, 0.9])
    assert whole_words_read(text, whole) == (whole, 16)


def _labels(**values: float) -> np.ndarray:
    row = np.full(len(HEADS), np.nan, dtype=np.float32)
    for k, v in values.items():
        row[HEADS.index(k)] = v
    return row


def test_token_labels_follow_the_raters_characters_and_mask_what_is_unknown() -> None:
    tokenizer = load_tokenizer(shipped_model_dir(DEEP_MODEL) / "tokenizer.json", 64)
    text = "shut up you moron"
    rated = Example(text, "", _labels(toxicity=1.0), frozenset(range(12, 17)))
    clean = Example("lovely weather", "a parent", _labels(toxicity=0.0))
    unknown = Example("no spans rated", "", _labels(toxicity=1.0))
    examples = [rated, clean, unknown]
    encodings = encode(tokenizer, [e.text for e in examples], [e.context for e in examples])
    y = token_labels(encodings, examples)
    marked = [
        text[b:e]
        for (b, e), v in zip(encodings[0].offsets, y[0], strict=False)
        if not math.isnan(v) and v == 1.0
    ]
    assert "".join(marked) == "moron"
    assert np.isnan(y[0][0])  # [CLS]
    clean_known = [
        v for v, seq in zip(y[1], encodings[1].sequence_ids, strict=False) if not math.isnan(v)
    ]
    assert clean_known and set(clean_known) == {0.0}
    # the parent's pieces are never labelled
    for v, seq in zip(y[1], encodings[1].sequence_ids, strict=False):
        if seq == 1:
            assert math.isnan(v)
    assert np.isnan(y[2]).all()


def test_prepared_examples_carry_their_spans_onto_the_normalised_text() -> None:
    text = "you are an 1d10t"
    gold = frozenset(range(11, 16))
    (prepared,) = prepare([Example(text, "", _labels(toxicity=1.0), gold)])
    assert prepared.gold is not None
    assert "".join(prepared.text[i] for i in sorted(prepared.gold)) == "idiot"


def test_the_shipped_engine_marks_the_abusive_words_of_a_comment_the_deep_tier_read(
    engine: Engine,
) -> None:
    assert engine.deep is not None and engine.deep.has_token_head
    text = "Shut up, you pathetic 1d10t, nobody asked you."
    (analysis,) = engine.analyze([CommentInput(text)])
    marked = {text[s.begin : s.end] for s in analysis.spans if s.attribute == "insult"}
    assert any("1d10t" in m for m in marked)
    assert not any("nobody" in m or "asked" in m for m in marked)
    (civil,) = engine.analyze([CommentInput("Thanks for the article, very informative.")])
    assert civil.spans == ()


def test_abuse_past_what_the_deep_tier_reads_is_still_marked(engine: Engine) -> None:
    # The deep tier reads 128 word pieces; the end of a long comment keeps the fast tier's
    # spans, so the insult at the end is marked as well as the one at the start.
    filler = " ".join(["The ferry timetable changes again in the spring."] * 14)
    text = f"You stupid pathetic idiot, shut up. {filler} Honestly, you are a stupid moron."
    (analysis,) = engine.analyze([CommentInput(text)])
    marked = [(s.begin, text[s.begin : s.end]) for s in analysis.spans if s.attribute == "insult"]
    assert any(begin < 10 and "idiot" in m for begin, m in marked)
    assert any(begin > len(filler) and "stupid" in m for begin, m in marked)
