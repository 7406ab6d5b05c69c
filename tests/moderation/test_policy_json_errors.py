"""A JSON policy document with a key given twice is refused at once, whatever follows it.

Before, the refusal of a repeated key was caught with every other ValueError and the whole
document searched for a number too long to read, with a pattern that tried a string again
from every quote of a tail like ``"\\"\\"\\"...`` that never closes: 11 s for a 40 KB
document, 7.6 s for an admin's PUT of a 30 KB policy, hours for a megabyte.
"""

from __future__ import annotations

import json

import pytest
from timing_support import fastest

from threadguard.moderation.policy import PolicyError, parse_document

MEGABYTE = 1_000_000


def plain_document(size: int) -> str:
    """A valid JSON policy document of about ``size`` characters."""
    words = ["ferry", "timetable", "harbour", "council"] * (size // 40)
    return json.dumps({"name": "news", "watchlist": {"hold": words}})


def refused(text: str) -> str:
    with pytest.raises(PolicyError) as caught:
        parse_document(text, "json", "site news")
    return str(caught.value)


def answered_quickly(adversarial: str, size: int) -> None:
    """``adversarial`` is refused in at most 5 times the time a plain document of its size
    is read (ten times the size took a hundred times as long: a megabyte, hours)."""
    plain = plain_document(size)
    assert len(plain) >= size and len(adversarial) >= size
    reading = fastest(lambda: parse_document(plain, "json", "site news"))
    took = fastest(lambda: refused(adversarial))
    assert took < 5 * reading, (size, took, reading)


#: Growing sizes up to a megabyte: a pattern in time square fails at the first, in seconds.
SIZES = (10_000, 100_000, MEGABYTE)


def test_a_repeated_key_before_an_open_string_of_escapes_is_named_quickly() -> None:
    for size in SIZES:
        adversarial = '{"a": 1, "a": 2} "' + '\\"' * (size // 2)
        said = refused(adversarial)
        assert said == "site news: invalid JSON: the key 'a' is given twice in one object"
        answered_quickly(adversarial, size)


def test_a_long_number_before_an_open_string_is_placed_quickly() -> None:
    for size in SIZES:
        adversarial = '{"name": "x",\n "a": ' + "9" * 5000 + ' "' + '\\"' * (size // 2)
        said = refused(adversarial)
        assert said == (
            "site news: invalid JSON at line 2, column 7: "
            "a number of 5,000 digits is longer than the 4,300 read"
        )
        answered_quickly(adversarial, size)
