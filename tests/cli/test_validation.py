"""What every surface accepts as text: the rules of :mod:`threadguard.validation`."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from threadguard.storage import models
from threadguard.thread import Comment, Thread
from threadguard.validation import (
    ID_CHARS,
    SITE_CHARS,
    TIMESTAMP_CHARS,
    InvalidField,
    check_id,
    check_name,
    check_site,
    check_strings,
    check_text,
    check_thread,
    lone_surrogate,
    printable,
)


def test_the_limits_are_the_store_s_column_widths() -> None:
    comments = models.Comment.__table__.c
    for column in ("external_id", "parent_external_id", "author", "article_key"):
        assert comments[column].type.length == ID_CHARS
    assert models.Article.__table__.c.external_id.type.length == ID_CHARS
    assert models.Author.__table__.c.name.type.length == ID_CHARS
    assert comments.posted_at.type.length == TIMESTAMP_CHARS
    assert models.Site.__table__.c.name.type.length == SITE_CHARS
    assert models.ApiKey.__table__.c.site.type.length == SITE_CHARS


@pytest.mark.parametrize(
    ("value", "stored", "message"),
    [
        ("ok \ud800", False, "lone surrogate (U+D800) at offset 3"),
        ("\udfff", True, "lone surrogate (U+DFFF) at offset 0"),
        ("a\x00b", True, "NUL character (U+0000) at offset 1"),
    ],
)
def test_a_bad_value_is_refused_naming_the_field(value: str, stored: bool, message: str) -> None:
    with pytest.raises(InvalidField) as caught:
        check_text("comment.text", value, stored=stored)
    assert caught.value.field == "comment.text"
    assert str(caught.value).startswith("comment.text contains a ")
    assert message in str(caught.value)


def test_a_nul_is_refused_only_where_it_would_be_stored() -> None:
    check_text("input", "a\x00b", stored=False)
    check_text("input", None)
    check_text("text", "emoji \U0001f600 pairs are fine")  # one code point, not surrogates


def test_ids_and_sites_have_their_column_widths() -> None:
    check_id("comment.id", "x" * ID_CHARS)
    with pytest.raises(InvalidField, match=r"comment.id is 501 characters long; the limit is 500"):
        check_id("comment.id", "x" * (ID_CHARS + 1))
    check_site("site", "s" * SITE_CHARS)
    with pytest.raises(InvalidField, match="limit is 200"):
        check_site("site", "s" * (SITE_CHARS + 1))


def test_every_string_of_a_document_is_checked_keys_included() -> None:
    check_strings("policy", {"watchlist": {"block": ["fine", "words"]}, "n": 1})
    with pytest.raises(InvalidField, match=r"policy\.watchlist\.block\[1\] contains a lone"):
        check_strings("policy", {"watchlist": {"block": ["fine", "\ud800"]}})
    with pytest.raises(InvalidField, match=r"a key of policy\.thresholds contains a NUL"):
        check_strings("policy", {"thresholds": {"tox\x00": {}}})
    deep: object = "\ud800"
    for _ in range(100_000):  # deeper than Python's recursion limit
        deep = [deep]
    with pytest.raises(InvalidField, match="lone surrogate"):
        check_strings("doc", deep)


def test_a_thread_is_checked_field_by_field() -> None:
    good = Comment(id="c1", text="hello", author="ann", created_at="2024-05-01T12:00:00Z")
    check_thread(Thread(title="t", body="b\x00 is only context", comments=(good,)))
    cases = [
        (Thread(title="t\x00"), "thread.title"),
        (Thread(id="i" * 501), "thread.id"),
        (
            Thread(comments=(good, Comment(id="c2", text="x", author="a" * 501))),
            "comments[1].author",
        ),
        (Thread(comments=(Comment(id="c1", text="\ud800"),)), "comments[0].text"),
        (Thread(comments=(Comment(id="c1", text="x", parent="p\x00"),)), "comments[0].parent"),
        (
            Thread(comments=(Comment(id="c1", text="x", created_at="9" * 65),)),
            "comments[0].created_at",
        ),
    ]
    for thread, field in cases:
        with pytest.raises(InvalidField) as caught:
            check_thread(thread)
        assert caught.value.field == field


@given(st.text(alphabet=st.characters(codec=None, categories=["Cs", "Cc", "Lu", "Ll"])))
def test_any_text_either_passes_or_is_refused_and_is_always_printable(text: str) -> None:
    has_surrogate = any(0xD800 <= ord(c) <= 0xDFFF for c in text)
    assert (lone_surrogate(text) is not None) == has_surrogate
    try:
        check_text("f", text)
    except InvalidField as exc:
        str(exc).encode("utf-8")  # the message itself never quotes the bad text
    else:
        text.encode("utf-8")
        assert "\x00" not in text
    printable(text).encode("utf-8")


@pytest.mark.parametrize(
    ("site", "said"),
    [
        ("a/b", "contains '/'"),
        ("a\tb", "U+0009 at offset 1"),
        ("a\u2028b", "U+2028 at offset 1"),
        ("\u2066x", "U+2066 at offset 0"),
        ("  ", "is blank"),
        ("news ", "spaces before or after it"),
    ],
)
def test_a_site_name_no_address_or_list_could_show_is_refused(site: str, said: str) -> None:
    with pytest.raises(InvalidField) as caught:
        check_site("--site", site)
    assert caught.value.field == "--site" and said in str(caught.value)


def test_a_plain_site_name_and_a_key_name_with_a_slash_pass() -> None:
    for site in ("news", "The Daily Ferry", "çà-et-là.fr", "東京", "a.b_c-d", None, ""):
        check_site("site", site)
    check_name("--name", "cms/prod")  # a key's name is never in an address
    with pytest.raises(InvalidField, match="limit is 200"):
        check_name("--name", "n" * (SITE_CHARS + 1))
