"""A comment's stated language: thread JSON, JSON Lines and CSV carry a per-comment
``language`` through to the comment (and so to the engine, which then reads it in that
language instead of detecting one); a value that is no language code is reported and
dropped."""

from __future__ import annotations

import json

from threadguard.readers import read_thread
from threadguard.thread import Comment, ReadResult, Thread


def read_thread_text(text: str, name: str) -> ReadResult:
    return read_thread(text.encode("utf-8"), name=name)


THREAD = {
    "thread": {"title": "Stadtfest"},
    "comments": [
        {"id": "c1", "text": "Schönes Fest!"},
        {"id": "c2", "parent": "c1", "language": "de", "text": "Verpiss dich, Kanake."},
        {"id": "c3", "language": "pt-BR", "text": "Muito bom."},
    ],
}


def test_a_json_thread_carries_each_comments_language() -> None:
    result = read_thread_text(json.dumps(THREAD), "t.json")
    assert [c.language for c in result.thread.comments] == [None, "de", "pt"]
    assert result.problems == []


def test_json_lines_carry_it_too() -> None:
    lines = "\n".join(json.dumps(c) for c in THREAD["comments"])
    result = read_thread_text(lines, "t.jsonl")
    assert [c.language for c in result.thread.comments] == [None, "de", "pt"]


def test_a_csv_language_column_is_read() -> None:
    text = 'id,text,language\nc1,"Kop dicht, kankerlijer.",nl\nc2,Lovely day,\n'
    result = read_thread_text(text, "t.csv")
    assert [c.language for c in result.thread.comments] == ["nl", None]
    assert result.problems == []


def test_a_value_that_is_no_language_code_is_reported_and_dropped() -> None:
    doc = {"comments": [{"id": "c1", "language": 7, "text": "Hallo"}]}
    result = read_thread_text(json.dumps(doc), "t.json")
    assert result.thread.comments[0].language is None
    assert any("not a language code" in p.message for p in result.problems)
    csv = "id,text,language\nc1,Hallo,deutsch!\n"
    result = read_thread_text(csv, "t.csv")
    assert result.thread.comments[0].language is None
    assert any("line 2" in p.location and "language" in p.message for p in result.problems)


def test_a_default_language_fills_only_the_comments_that_state_none() -> None:
    thread = Thread(comments=(Comment("a", "x"), Comment("b", "y", language="fr")))
    assert [c.language for c in thread.in_language("de").comments] == ["de", "fr"]
