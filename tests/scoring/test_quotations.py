"""Quotations (:mod:`threadguard.scoring.quotations`): only paired marks quote; apostrophes
never do; the question "is this range quoted?" is answered from spans found once; and the
two leans, strict for the moderation's lists and loose for the second readings, differ
only where a mark may be an apostrophe or a quotation mark."""

from __future__ import annotations

from threadguard.scoring.quotations import (
    LONGEST,
    Lean,
    Quotations,
    outermost,
    quotation_spans,
    words,
)


def inside(text: str, part: str) -> bool:
    i = text.index(part)
    return Quotations(text).inside(i, i + len(part))


def quoted(text: str) -> list[str]:
    """The words of the quotations a second reading reads (the loose lean, outermost)."""
    return [words(text, span) for span in outermost(text)]


# ---------------------------------------------------------------- the strict lean


def test_double_quotes_pair_in_order() -> None:
    text = 'He said "stop" and then "go away now".'
    assert quotation_spans(text) == [(8, 14), (24, 37)]
    assert inside(text, "go away") and not inside(text, "and then")


def test_curly_and_single_quotes_quote_but_apostrophes_do_not() -> None:
    assert inside("She wrote ‘leave now’ on the door.", "leave now")
    assert inside("He shouted 'get out' twice.", "get out")
    assert not inside("Don't go to the Smiths' house, it's late.", "go to")
    assert not inside("It’s the team’s last match.", "last match")


def test_a_lone_mark_quotes_nothing() -> None:
    assert quotation_spans('a 27" monitor and a long day') == []
    assert not inside('" never closed', "never closed")


def test_quotes_do_not_pair_across_paragraphs_whatever_the_line_endings() -> None:
    for brk in ("\n\n", "\r\n\r\n", "\n  \n"):
        text = f'He said "hi.{brk}And "this" too.'
        assert not inside(text, "And")
        assert inside(text, "this")


def test_a_quotation_nested_in_another_of_another_family_is_seen() -> None:
    text = 'The article says “the man shouted "I will kill you" at the officer”.'
    assert inside(text, "I will kill you")
    assert inside(text, "at the officer")
    assert not inside(text, "The article says")


def test_an_elided_word_opens_nothing_in_either_lean_whatever_its_case() -> None:
    for text in ("'Cause they 'round them up.'", "‘Cause they ‘round them up.’"):
        assert quotation_spans(text) == []
        assert quotation_spans(text, Lean.LOOSE) == []


# ---------------------------------------------------------------- the loose lean


def test_the_loose_lean_closes_after_a_plural_where_the_strict_one_does_not() -> None:
    text = "'Somalis are rats' - he was right."
    assert quotation_spans(text) == []  # "s'": a plural's apostrophe, excusing nothing
    assert quoted(text) == ["Somalis are rats"]


def test_the_loose_lean_pairs_a_straight_single_mark_with_a_curly_one() -> None:
    text = "A man shouted 'go back to Pakistan’ at her."
    assert quotation_spans(text) == []
    assert quoted(text) == ["go back to Pakistan"]


def test_a_quotation_may_hold_apostrophes_inside_words_and_before_elided_ones() -> None:
    text = "He said 'send 'em back, they're all the same' and he was right."
    assert quoted(text) == ["send 'em back, they're all the same"]
    assert quoted("They're right, the teachers' union's plan won't work.") == []


def test_a_doubled_straight_mark_quotes_the_words_between() -> None:
    text = 'they are not immigrants, they are ""intruder invaders"", all of them.'
    assert quoted(text) == ["intruder invaders"]


def test_a_mark_too_far_from_the_next_is_a_stray_and_the_next_may_open() -> None:
    text = 'how you want to be defined"? ' + "a" * LONGEST + ' what the "Pavlovian Left" thinks.'
    assert quoted(text) == ["Pavlovian Left"]


def test_the_loose_lean_pairs_within_a_line_and_reads_the_outermost() -> None:
    assert quoted('He said "hi\nthere" to me.') == []
    assert inside('He said "hi\nthere" to me.', "there")  # the strict lean: a paragraph
    text = "The article says “the man shouted 'I will kill you' at the officer”."
    assert quoted(text) == ["the man shouted 'I will kill you' at the officer"]
    # a same-family mark nested inside: the closing mark pairs with the nearest opening one
    assert quoted("“the man shouted “get out” at the officer”. Shameful.") == ["get out"]


def test_a_single_marked_quotation_holds_two_characters_at_least() -> None:
    assert quoted("Toys 'R' Us and a triple 'A' rating") == []
    assert quoted("He said 'no' twice.") == ["no"]
