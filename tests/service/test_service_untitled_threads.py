"""Threads with no id or URL (text dumps) are filed under a hash of what they say: two
different threads under one title are two articles, and the same thread again is one.

A hardening review (session 51): Monday's "Open thread" and Tuesday's, both text dumps whose
comments are numbered c1, c2, ..., were one article by their title: Tuesday's upload
replaced Monday's stored text and dropped its moderator's verdict."""

from __future__ import annotations

import hashlib

from service_support import Service

MONDAY = "Open thread\n\n  • regular_reader\n\n    Monday: the new bus timetable is a disgrace.\n"
TUESDAY = "Open thread\n\n  • regular_reader\n\n    Tuesday: nice weather today.\n"
REPLY = "\n    • another_reader\n\n      Agreed, it is.\n"


def _upload(service: Service, body: str, **query: str) -> list[dict[str, object]]:
    answer = service.post_thread(body, site="news", format="text", **query)
    assert answer.status_code == 200, answer.text
    return list(answer.json()["comments"])


def test_two_threads_under_one_title_are_two_articles(service: Service) -> None:
    monday = _upload(service, MONDAY)[0]
    assert service.act(str(monday["comment_id"]), "reject").status_code == 200
    tuesday = _upload(service, TUESDAY)[0]
    assert tuesday["comment_id"] != monday["comment_id"]
    kept = service.store.comment(str(monday["comment_id"]))
    assert kept.text.startswith("Monday") and kept.status == "rejected"


def test_the_same_thread_again_with_a_reply_added_is_one_article(service: Service) -> None:
    first = _upload(service, MONDAY)
    again = _upload(service, MONDAY + REPLY)
    assert again[0]["comment_id"] == first[0]["comment_id"] and len(again) == 2


def test_a_thread_filed_under_the_title_alone_before_stays_there(service: Service) -> None:
    # what an earlier version filed it under: a hash of the title and body alone
    legacy = "sha256:" + hashlib.sha256(b"Open thread\n").hexdigest()[:20]
    before = _upload(service, MONDAY, article=legacy)
    again = _upload(service, MONDAY + REPLY)
    assert again[0]["comment_id"] == before[0]["comment_id"]
    # another thread under the same title does not go there
    assert _upload(service, TUESDAY)[0]["comment_id"] != before[0]["comment_id"]
