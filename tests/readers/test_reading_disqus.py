"""Reading Disqus XML exports, safely."""

from __future__ import annotations

import pytest

from threadguard.readers import ReaderError, read_disqus_threads, read_thread
from threadguard.thread import ReadResult

HEAD = (
    '<?xml version="1.0" encoding="utf-8"?>\n'
    '<disqus xmlns="http://disqus.com" '
    'xmlns:dsq="http://disqus.com/disqus-internals">\n'
)


def thread_xml(dsq_id: str, title: str) -> str:
    return (
        f'<thread dsq:id="{dsq_id}"><id>article-{dsq_id}</id>'
        f"<link>https://news.test/{dsq_id}</link><title>{title}</title>"
        "<message><![CDATA[<p>Article body.</p>]]></message></thread>\n"
    )


def post_xml(
    dsq_id: str, thread: str, message: str, parent: str | None = None, deleted: bool = False
) -> str:
    parent_xml = f'<parent dsq:id="{parent}"/>' if parent else ""
    return (
        f'<post dsq:id="{dsq_id}"><message><![CDATA[{message}]]></message>'
        f"<createdAt>2024-05-0{dsq_id[-1]}T10:00:00Z</createdAt>"
        f"<isDeleted>{'true' if deleted else 'false'}</isDeleted><isSpam>false</isSpam>"
        f"<author><name>User {dsq_id}</name><username>user{dsq_id}</username></author>"
        f'<thread dsq:id="{thread}"/>{parent_xml}</post>\n'
    )


EXPORT = (
    HEAD
    + thread_xml("10", "Quiet thread")
    + thread_xml("20", "Ferry timetable")
    + post_xml("1", "10", "<p>Only post here</p>")
    + post_xml("2", "20", "<p>Great news &amp; about time.</p><p>Second&nbsp;para<br>line</p>")
    + post_xml("3", "20", "<p>Reply</p>", parent="2")
    + post_xml("4", "20", "<p>gone</p>", parent="3", deleted=True)
    + post_xml("5", "20", "<p>Another</p>")
    + "</disqus>\n"
)


def read(xml: str, name: str = "export.xml") -> ReadResult:
    return read_thread(xml.encode("utf-8"), name=name)


def test_the_thread_with_the_most_posts_is_read_and_the_choice_reported() -> None:
    result = read(EXPORT)
    thread = result.thread
    assert result.format == "disqus"
    assert thread.title == "Ferry timetable"
    assert thread.id == "article-20"
    assert thread.url == "https://news.test/20"
    assert thread.body == "Article body."
    assert [(c.id, c.parent, c.depth) for c in thread.comments] == [
        ("2", None, 0),
        ("3", "2", 1),
        ("4", "3", 2),
        ("5", None, 0),
    ]
    assert [p.location for p in result.problems] == ["document"]
    assert "holds 2 threads" in result.problems[0].message


def test_html_messages_become_plain_text_paragraphs() -> None:
    first = read(EXPORT).thread.comments[0]
    assert first.text == "Great news & about time.\n\nSecond\xa0para\nline"
    assert first.author == "User 2"
    assert first.created_at == "2024-05-02T10:00:00Z"


def test_deleted_posts_are_kept_with_empty_text() -> None:
    deleted = read(EXPORT).thread.comments[2]
    assert (deleted.id, deleted.text, deleted.author) == ("4", "", "User 4")


def test_every_thread_can_be_read() -> None:
    results = read_disqus_threads(EXPORT.encode(), name="export.xml")
    assert [r.thread.title for r in results] == ["Quiet thread", "Ferry timetable"]
    assert [len(r.thread.comments) for r in results] == [1, 4]


def test_posts_of_a_thread_missing_from_the_export_are_still_read() -> None:
    result = read(HEAD + post_xml("1", "99", "<p>stray</p>") + "</disqus>")
    assert [c.text for c in result.thread.comments] == ["stray"]
    assert "not in the export" in result.problems[0].message


def test_a_truncated_export_keeps_the_posts_before_the_break() -> None:
    truncated = HEAD + thread_xml("20", "T") + post_xml("1", "20", "<p>kept</p>") + "<post dsq:i"
    result = read(truncated)
    assert [c.text for c in result.thread.comments] == ["kept"]
    problem = str(result.problems[0])
    assert problem.startswith("export.xml: line 5, column ")
    assert "broken XML" in problem


def test_xml_broken_before_anything_was_read_is_an_error_with_its_position() -> None:
    with pytest.raises(
        ReaderError, match=r"^export\.xml: line 4, column \d+: broken XML: mismatched tag"
    ):
        read(HEAD + "<thread>\n<a></b></thread></disqus>")


def test_a_document_without_disqus_elements_is_an_error() -> None:
    with pytest.raises(ReaderError, match="no Disqus <thread> or <post> elements"):
        read('<?xml version="1.0"?><rss><channel/></rss>')


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<disqus><post><message>&lol9;</message></post></disqus>
"""

EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE disqus [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<disqus><post><message>&secret;</message></post></disqus>
"""


@pytest.mark.parametrize("attack", [BILLION_LAUGHS, EXTERNAL_ENTITY], ids=["laughs", "xxe"])
def test_entity_attacks_are_refused_with_a_clear_error(attack: str) -> None:
    with pytest.raises(ReaderError) as info:
        read(attack, name="evil.xml")
    message = str(info.value)
    assert message.startswith("evil.xml: refused:")
    assert "entity-expansion" in message
    assert "lol" * 3 not in message and "root:" not in message


def test_iter_threads_yields_every_thread_of_an_export_with_its_posts() -> None:
    from threadguard.readers import iter_threads

    results = list(iter_threads(EXPORT.encode("utf-8"), name="export.xml"))
    assert [r.thread.title for r in results] == ["Quiet thread", "Ferry timetable"]
    assert [len(r.thread.comments) for r in results] == [1, 4]
    assert all(r.format == "disqus" for r in results)


def test_scan_of_a_many_thread_export_says_batch_reads_them_all() -> None:
    result = read(EXPORT)
    assert any("threadguard batch" in p.message for p in result.problems)


def test_html_entities_outside_cdata_do_not_cost_the_rest_of_the_export() -> None:
    """One '&nbsp;' as plain text in a <message> stopped the parser: every post after it
    was lost."""
    posts = [
        '<post dsq:id="1"><message>Hello&nbsp;there &eacute;t&eacute; &amp; co</message>'
        '<thread dsq:id="10"/></post>\n',
        '<post dsq:id="2"><message>&bogus; stays text</message><thread dsq:id="10"/></post>\n',
        '<post dsq:id="3"><message><![CDATA[<p>a &nbsp; b</p>]]></message>'
        '<thread dsq:id="10"/></post>\n',
    ]
    result = read(HEAD + thread_xml("10", "Caf&eacute;") + "".join(posts) + "</disqus>\n")
    assert result.thread.title == "Café"
    assert [c.text for c in result.thread.comments] == [
        "Hello\xa0there été & co",
        "&bogus; stays text",
        "a \xa0 b",
    ]
    assert [str(p) for p in result.problems] == [
        "export.xml: line 5: undefined entities (&bogus;) read as plain text"
    ]


def test_a_repeated_post_id_names_two_different_places() -> None:
    """'post 1: duplicate comment id '1' (first at post 1)' named one place twice."""
    xml = HEAD + thread_xml("10", "T") + post_xml("1", "10", "a") + post_xml("1", "10", "b")
    result = read(xml + "</disqus>\n")
    assert [str(p) for p in result.problems] == [
        "export.xml: post 1 (post #2 of the export): duplicate comment id '1' "
        "(first at post 1); renamed to '1~2'"
    ]


def test_an_export_declaring_iso_8859_1_is_read_in_it_without_a_warning() -> None:
    """It was warned 'not valid UTF-8 ... read as Windows-1252' although it said its
    encoding."""
    xml = (
        '<?xml version="1.0" encoding="ISO-8859-1"?>\n'
        + HEAD.split("\n", 1)[1]
        + thread_xml("10", "Caf\xe9")
        + post_xml("1", "10", "d\xe9j\xe0 vu \xa4")
        + "</disqus>\n"
    )
    result = read_thread(xml.encode("latin-1"), name="latin.xml")
    assert result.problems == []
    assert result.thread.title == "Café"
    assert [c.text for c in result.thread.comments] == ["déjà vu ¤"]  # not cp1252's €
