"""A reviewer's findings on the English lists added in sessions 34 and 35: coded hate's
context entries and the contact-details patterns stop at their first holding match and
examine a bounded number of candidates (repeating a phrase 10,000 times took seconds);
civil sentences that shared their words are not held."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from threadguard.moderation.coded_hate import match_context
from threadguard.moderation.contact_details import match_contact_details

TRANS_PARENT = "Trans activists demand new school guidance " * 50


def _best_of_three(run: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("13/50 " * 16_667, ""),
        ("13/50 myth " * 10_000, ""),
        ("groomers " * 11_112, TRANS_PARENT),
        ("groomers are a smear against trans people. " * 2_400, ""),
        ("deus vult " * 10_000, "Plans for a new mosque " * 90),
        ("deus vult muslims crusade " * 4_000, ""),
        ("Rothschilds control the banks, a conspiracy theory. " * 2_000, ""),
        ("Sorry, 'she'. " * 7_200, ""),
    ],
)
def test_context_entries_read_100k_adversarial_characters_quickly(text: str, context: str) -> None:
    assert _best_of_three(lambda: match_context(text, context=context)) < 0.5


def test_a_repeated_code_is_named_once_per_entry_at_its_first_holding_place() -> None:
    text = "13/50 is a myth. " + "13/50. " * 100
    (found,) = match_context(text)
    assert not found.rebutted and found.where.begin == len("13/50 is a myth. ")
    (only,) = match_context("13/50 is a myth.")
    assert only.rebutted


@pytest.mark.parametrize(
    "text",
    [
        "22 Moorside Lane " * 6_000,
        "22 Moorside Lane, the office. Go and tell him. " * 2_200,
        "22 Moorside Lane is where he lives. " * 2_800,
    ],
)
def test_street_addresses_read_100k_adversarial_characters_quickly(text: str) -> None:
    assert _best_of_three(lambda: match_contact_details(text)) < 0.5
