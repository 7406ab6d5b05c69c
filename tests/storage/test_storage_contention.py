"""A large upload never blocks other writers, and a busy database is StoreBusyError on
both backends (issue 11, defect 2)."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from service_support import Databases
from sqlalchemy import event, text

from threadguard.analysis import Analysis
from threadguard.moderation import Decision
from threadguard.schema import ATTRIBUTES
from threadguard.storage import Actor, Store
from threadguard.storage.contention import FairLock
from threadguard.storage.records import ArticleRef, NewComment, Origin, StoreBusyError
from threadguard.storage.repositories import ingest

MOD = Actor("mod-1", "moderator")


def comment(n: int, action: str = "approve", author: str | None = None) -> NewComment:
    level = {"approve": 0.1, "hold": 0.75, "reject": 0.97}[action]
    return NewComment(
        text=f"comment number {n}",
        analysis=Analysis(None, {a: level for a in ATTRIBUTES}, model="test@1"),
        decision=Decision(action, (f"because {action}",)),
        external_id=f"c{n}",
        author=author if author is not None else f"user{n % 7}",
        parent_id=f"c{n // 2}" if n else None,
    )


def test_the_fair_lock_hands_over_in_the_order_asked() -> None:
    lock = FairLock()
    assert lock.acquire(1)
    order: list[int] = []

    def wait(n: int) -> None:
        assert lock.acquire(5)
        order.append(n)
        lock.release()

    threads = []
    for n in range(4):
        threads.append(threading.Thread(target=wait, args=(n,)))
        threads[-1].start()
        while lock.waiting <= n:
            time.sleep(0.001)
    lock.release()
    for t in threads:
        t.join()
    assert order == [0, 1, 2, 3]
    assert lock.acquire(0.01)
    got: list[bool] = []
    other = threading.Thread(target=lambda: got.append(lock.acquire(0.05)))
    other.start()
    other.join()
    assert got == [False] and lock.waiting == 0  # gave up, and left the queue
    lock.release()
    assert lock.acquire(0.01)
    assert lock.grants == 7  # what an upload reads to learn whether others wrote


def test_an_upload_is_written_in_short_transactions_in_order(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ingest, "MAX_PER_TX", 40)
    seen: list[int] = []
    items = [comment(n, ("approve", "hold", "reject")[n % 3]) for n in range(300)]
    stored = store.record_many(
        site="news",
        source="native",
        article=ArticleRef("a1"),
        comments=items,
        progress=seen.append,
    )
    assert len(seen) >= 300 // 40 and seen == sorted(seen) and seen[-1] == 300
    assert [store.comment(cid).external_id for cid, _ in stored[:5]] == [f"c{n}" for n in range(5)]
    assert [status for _, status in stored[:3]] == ["approved", "pending", "rejected"]
    user0 = store.authors("news", ["user0"])["user0"]
    assert user0.comment_count == len(range(0, 300, 7))
    assert user0.held_count == sum(1 for n in range(0, 300, 7) if n % 3 == 1)
    # Ranks among each author's comments, as the one-by-one path gives them.
    mine = [f"c{n}" for n in range(0, 300, 7)]
    assert store.known_comments("news", "a1", mine) == {c: i + 1 for i, c in enumerate(mine)}


def test_a_repeated_id_in_one_upload_is_one_comment(store: Store) -> None:
    first, again = comment(1, "hold", "ann"), comment(1, "hold", "ann")
    stored = store.record_many(
        site="news", source="native", article=ArticleRef("a1"), comments=[first, again]
    )
    assert stored[0][0] == stored[1][0]
    assert store.authors("news", ["ann"])["ann"].comment_count == 1


def test_other_writers_get_in_while_a_large_upload_is_being_stored(store: Store) -> None:
    """The hot path's record and a moderator's verdict are answered while the upload is
    still being written: they wait for one short transaction, not the whole upload."""
    [(held, _)] = store.record_many(
        site="news", source="native", article=ArticleRef("a0"), comments=[comment(0, "hold")]
    )
    total = 4000
    progress: list[int] = []
    started = threading.Event()

    def told(count: int) -> None:
        progress.append(count)
        started.set()

    uploader = threading.Thread(
        target=store.record_many,
        kwargs={
            "site": "news",
            "source": "native",
            "article": ArticleRef("big"),
            "comments": [comment(n) for n in range(total)],
            "progress": told,
        },
    )
    uploader.start()
    try:
        assert started.wait(30)
        t0 = time.monotonic()
        cid = store.record(Origin("news", "perspective"), comment(1, author=""))
        store.moderate(held, "approve", MOD)
        waited = time.monotonic() - t0
        during = progress[-1]
    finally:
        uploader.join()
    assert during < total, "the upload finished before the other writers got in"
    assert waited < 5
    assert store.comment(cid).status == "approved"


def test_a_locked_sqlite_file_is_store_busy(databases: Databases, tmp_path: Path) -> None:
    with databases.fresh("sqlite", tmp_path) as url:
        store = Store.open(url, migrate=False)

        @event.listens_for(store.engine, "connect")
        def _short_wait(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.execute("PRAGMA busy_timeout=50")

        store.engine.dispose()
        other = sqlite3.connect(url.removeprefix("sqlite:///"), isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")  # another process holding the write lock
            with pytest.raises(StoreBusyError, match="busy"):
                store.record(Origin("news", "perspective"), comment(1, author=""))
            other.execute("ROLLBACK")
            store.record(Origin("news", "perspective"), comment(1, author=""))
        finally:
            other.close()
            store.close()


def test_a_locked_postgresql_row_is_store_busy(databases: Databases, tmp_path: Path) -> None:
    with databases.fresh("postgresql", tmp_path) as url:
        store = Store.open(url, migrate=False)
        [(cid, _)] = store.record_many(
            site="news", source="native", article=ArticleRef("a1"), comments=[comment(1, "hold")]
        )

        @event.listens_for(store.engine, "connect")
        def _short_wait(dbapi_connection: Any, _record: Any) -> None:
            with dbapi_connection.cursor() as cursor:
                cursor.execute("SET lock_timeout = '100ms'")
            dbapi_connection.commit()

        store.engine.dispose()
        try:
            with store.engine.connect() as other:
                other.execute(
                    text("SELECT id FROM comments WHERE id = :id FOR UPDATE"), {"id": cid}
                )
                with pytest.raises(StoreBusyError, match="busy"):
                    store.moderate(cid, "approve", MOD)
                other.rollback()
            assert store.moderate(cid, "approve", MOD).comment_status == "approved"
        finally:
            store.close()
