"""A comment scores at least what its clearly abusive worst sentence does alone."""

from __future__ import annotations

import numpy as np

from threadguard.engine import CommentInput, Engine
from threadguard.scoring.worst_sentence import CLEAR, at_least_worst, worst_sentences

#: Written for this test (a tryout's bypass thread, session 33).
INSULT = "You are all brainless sheep and I hope you choke."
CIVIL = "The consultation on the bypass closes on Friday."


def fake_fast(parts: list[str]) -> np.ndarray:
    """One head: 0.9 for a sentence with "sheep", 0.1 otherwise."""
    return np.array([[0.9 if "sheep" in p else 0.1] for p in parts])


def test_the_worst_sentence_of_each_comment_with_two_is_found() -> None:
    texts = [f"{CIVIL} {INSULT}", INSULT, f"{CIVIL} Thanks for the summary.", CIVIL]
    found = worst_sentences(texts, fake_fast, [0])
    assert list(found) == [0]  # one sentence alone is the comment's own reading
    assert found[0].text == INSULT and found[0].fast.tolist() == [0.9]


def test_only_a_clearly_abusive_sentence_raises_its_comment() -> None:
    scores = np.array([[0.1, 0.1], [0.1, 0.1]])
    raised = at_least_worst(scores, [0, 1], np.array([[CLEAR, 0.6], [0.79, 0.1]]))
    assert raised.tolist() == [[CLEAR, 0.1], [0.1, 0.1]]


def test_a_civil_sentence_before_an_insult_no_longer_hides_it(engine: Engine) -> None:
    """ "{CIVIL} {INSULT}" scored toxicity 0.08 (the insult alone 0.85) and was approved."""
    alone, diluted, civil = engine.analyze(
        [CommentInput(INSULT), CommentInput(f"{CIVIL} {INSULT}"), CommentInput(CIVIL)]
    )
    assert alone.scores["toxicity"] >= CLEAR
    assert diluted.scores["toxicity"] >= alone.scores["toxicity"] - 1e-6
    assert civil.scores["toxicity"] < 0.4


def test_a_title_or_an_initial_ends_no_sentence() -> None:
    """Perspective's span annotations gave "Mr." and "Dr." as sentences of their own."""
    from threadguard.scoring.windows import sentences

    text = "Mr. Smith is wrong. Dr. Jones wrote to the U.S. embassy. I said no. Fine."
    assert [text[b:e] for b, e in sentences(text)] == [
        "Mr. Smith is wrong.",
        "Dr. Jones wrote to the U.S. embassy.",
        "I said no.",
        "Fine.",
    ]


def test_a_one_letter_word_before_a_full_stop_hides_no_insult() -> None:
    """Read with the abbreviations' rule, "Plan B. <insult>" was one sentence (review)."""
    text = f"The council backed Plan B. {INSULT}"
    found = worst_sentences([text], fake_fast, [0])
    assert found[0].text == INSULT
