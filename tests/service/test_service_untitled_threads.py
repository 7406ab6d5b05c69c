"""Threads with no id or URL (text dumps) are filed under a hash of their title and text:
the same thread again updates it, and a different thread under the same title never
overwrites it.

A hardening review (session 51): Monday's "Open thread" and Tuesday's, both text dumps whose
comments are numbered c1, c2, ..., were one article by their title: Tuesday's upload
replaced Monday's stored text and dropped its moderator's verdict. A code review then
found that putting the first comment into the key split re-uploads of one thread (a first
comment edited, an export ordered newest first) and still merged two threads opening with
the same pinned comment: such an upload is refused instead, naming ``?article=``."""

from __future__ import annotations

from service_support import Service

MONDAY = "Open thread\n\n  • regular_reader\n\n    Monday: the new bus timetable is a disgrace.\n"
TUESDAY = "Open thread\n\n  • regular_reader\n\n    Tuesday: nice weather today.\n"
REPLY = "\n    • another_reader\n\n      Agreed, it is.\n"


def _upload(service: Service, body: str, **query: str) -> list[dict[str, object]]:
    answer = service.post_thread(body, site="news", format="text", **query)
    assert answer.status_code == 200, answer.text
    return list(answer.json()["comments"])


def test_another_thread_under_the_same_title_is_refused_not_merged(service: Service) -> None:
    monday = _upload(service, MONDAY)[0]
    assert service.act(str(monday["comment_id"]), "reject").status_code == 200
    refused = service.post_thread(TUESDAY, site="news", format="text")
    assert refused.status_code == 409, refused.text
    message = refused.json()["error"]["message"]
    assert "1 of its comments (c1) differ" in message and "?article=" in message
    kept = service.store.comment(str(monday["comment_id"]))
    assert kept.text.startswith("Monday") and kept.status == "rejected"
    # named as its own article, it is stored apart
    tuesday = _upload(service, TUESDAY, article="open-thread-tuesday")[0]
    assert tuesday["comment_id"] != monday["comment_id"]


def test_the_same_thread_again_with_a_reply_added_updates_it(service: Service) -> None:
    first = _upload(service, MONDAY)
    again = _upload(service, MONDAY + REPLY)
    assert again[0]["comment_id"] == first[0]["comment_id"] and len(again) == 2
