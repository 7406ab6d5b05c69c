"""Writes that must happen once: a client token stores one comment, however often (and
however concurrently) it is sent; key changes bump the version every process checks."""

from __future__ import annotations

import asyncio
import threading

from sqlalchemy import func, select

from threadguard.analysis import Analysis
from threadguard.moderation import Decision
from threadguard.schema import ATTRIBUTES
from threadguard.storage import Store
from threadguard.storage.models import Comment
from threadguard.storage.records import NewComment, Origin

PERSPECTIVE = Origin("news", "perspective")


def plain(text: str, token: str | None) -> NewComment:
    scores = dict.fromkeys(ATTRIBUTES, 0.1)
    return NewComment(
        text, Analysis(None, scores, model="t@1"), Decision("approve"), client_token=token
    )


def stored_comments(store: Store) -> int:
    with store.sessions.read() as session:
        return int(session.scalar(select(func.count()).select_from(Comment)) or 0)


def test_a_repeated_client_token_stores_one_comment_per_site(store: Store) -> None:
    first = store.record(PERSPECTIVE, plain("hello", "tok-1"))
    again = store.record(PERSPECTIVE, plain("hello", "tok-1"))
    assert again == first
    assert asyncio.run(store.record_async(PERSPECTIVE, plain("hello", "tok-1"))) == first
    assert stored_comments(store) == 1
    # Another site, another token, or no token at all: new comments.
    other_site = store.record(Origin("blog", "perspective"), plain("hello", "tok-1"))
    other_token = store.record(PERSPECTIVE, plain("hello", "tok-2"))
    untokened = [store.record(PERSPECTIVE, plain("hello", None)) for _ in range(2)]
    assert len({first, other_site, other_token, *untokened}) == 5
    assert stored_comments(store) == 5


def test_any_token_fits_every_database(store: Store) -> None:
    """Stored hashed: long tokens, NUL and lone surrogates cannot break PostgreSQL."""
    for token in ("x" * 100_000, "nul\x00byte", "lone \ud800 surrogate"):
        first = store.record(PERSPECTIVE, plain("hi", token))
        assert store.record(PERSPECTIVE, plain("hi", token)) == first


def test_concurrent_requests_with_one_token_store_one_comment(store: Store) -> None:
    """Sent at once, the requests may share a group commit or race on the index: either
    way, one row, and every caller gets its id."""
    ids: list[str] = []
    start = threading.Barrier(12)

    def send(n: int) -> None:
        start.wait()
        ids.append(store.record(PERSPECTIVE, plain("same", f"tok-{n % 3}")))

    threads = [threading.Thread(target=send, args=(n,)) for n in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(ids) == 12 and len(set(ids)) == 3
    assert stored_comments(store) == 3


def test_key_changes_bump_the_keys_version_and_the_heartbeat_writes(store: Store) -> None:
    before = store.keys_version()
    key = store.create_key("client")
    created = store.keys_version()
    assert created > before
    store.revoke_key(key.split("_")[1])
    assert store.keys_version() > created
    assert store.heartbeat() + 1 == store.heartbeat()
