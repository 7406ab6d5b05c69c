"""Group commit and the SQLite write lock: many concurrent writers, none lost, none slowed
by SQLite's busy back-off, and one bad write never sinks the others in its batch."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from service_support import Databases
from sqlalchemy import event

from threadguard.analysis import Analysis
from threadguard.moderation import Decision
from threadguard.schema import ATTRIBUTES
from threadguard.storage import Store
from threadguard.storage.records import NewComment, Origin, QueueFilter
from threadguard.storage.repositories.ingest import RecordJob
from threadguard.storage.writer import GroupCommitter, Outcome


def analysis(level: float) -> Analysis:
    return Analysis(None, {a: level for a in ATTRIBUTES}, model="test@1")


LEVEL = {"approve": 0.1, "hold": 0.75, "reject": 0.97}


def record(store: Store, action: str, text: str = "a comment", site: str = "news") -> str:
    return store.record(
        Origin(site, "perspective"),
        NewComment(text, analysis(LEVEL[action]), Decision(action, (f"because {action}",))),
    )


# ------------------------------------------------------------------ GroupCommitter


def test_writes_that_queue_up_are_committed_together() -> None:
    batches: list[list[int]] = []
    gate = threading.Event()

    def commit(jobs: Sequence[int]) -> list[Outcome[int]]:
        gate.wait(5)  # the first batch holds the writer while the others queue
        batches.append(list(jobs))
        return [j * 10 for j in jobs]

    committer: GroupCommitter[int, int] = GroupCommitter(commit)
    with ThreadPoolExecutor(8) as pool:
        futures = [pool.submit(committer.submit, j) for j in range(8)]
        time.sleep(0.2)
        gate.set()
        assert [f.result(5) for f in futures] == [j * 10 for j in range(8)]
    committer.close()
    assert sorted(j for b in batches for j in b) == list(range(8))
    assert len(batches) < 8 and max(len(b) for b in batches) > 1


def test_each_caller_gets_its_own_outcome_and_close_writes_inline() -> None:
    def commit(jobs: Sequence[int]) -> list[Outcome[int]]:
        return [ValueError(f"bad {j}") if j < 0 else j for j in jobs]

    committer: GroupCommitter[int, int] = GroupCommitter(commit)
    assert committer.submit(3) == 3
    with pytest.raises(ValueError, match="bad -1"):
        committer.submit(-1)
    committer.close()
    assert committer.submit(4) == 4  # after close: on the caller's thread, still durable


def test_a_broken_commit_function_fails_its_callers_instead_of_hanging_them() -> None:
    def commit(jobs: Sequence[int]) -> list[Outcome[int]]:
        raise RuntimeError("disk on fire")

    committer: GroupCommitter[int, int] = GroupCommitter(commit)
    with pytest.raises(RuntimeError, match="disk on fire"):
        committer.submit(1)
    committer.close()


# ------------------------------------------------------------------ the store


def test_concurrent_records_are_all_stored_once(store: Store) -> None:
    actions = ["approve", "hold", "reject"] * 32
    with ThreadPoolExecutor(16) as pool:
        ids = list(
            pool.map(lambda ia: record(store, ia[1], f"comment {ia[0]}"), enumerate(actions))
        )
    assert len(set(ids)) == len(actions)
    for i in (0, 1, 2, 95):
        stored = store.comment(ids[i])
        assert stored.text == f"comment {i}"
        assert (
            stored.status
            == {"approve": "approved", "hold": "pending", "reject": "rejected"}[actions[i]]
        )
        assert stored.policy_decision is not None
        assert stored.policy_decision.action == actions[i]
        assert stored.analysis is not None and stored.analysis["model"] == "test@1"
    assert store.queue(QueueFilter(site="news", status="pending")).total == 32
    assert store.queue(QueueFilter(site="news", status="rejected")).total == 32
    assert store.queue(QueueFilter(site="news", status=None)).total == 64


def test_the_bulk_path_writes_what_the_orm_path_writes(store: Store) -> None:
    """A plain comment (no id, author, article) is inserted in bulk; the rows must be the
    ones the general path writes for the same comment."""
    item = NewComment(
        text="same text",
        analysis=analysis(0.97),
        decision=Decision("reject", ("too rude",)),
        parent_id="p-1",
        details={"watchlist": [], "censored_text": None},
    )
    [(orm_id, orm_status)] = store.record_many(
        site="news", source="perspective", article=None, comments=[item]
    )
    bulk_id = store.record(Origin("news", "perspective"), item)
    orm, bulk = store.comment(orm_id), store.comment(bulk_id)
    same = ("site", "article", "parent_id", "author", "text", "source", "depth", "status")
    for field in (*same, "status_source", "version", "author_analysis", "actions"):
        assert getattr(orm, field) == getattr(bulk, field), field
    assert bulk.status == orm_status == "rejected"
    assert bulk.external_id == bulk_id and orm.external_id == orm_id
    assert orm.analysis is not None and bulk.analysis is not None
    assert {**orm.analysis, "id": None} == {**bulk.analysis, "id": None}
    assert orm.policy_decision is not None and bulk.policy_decision is not None
    for field in ("action", "reasons", "source", "actor", "details"):
        assert getattr(orm.policy_decision, field) == getattr(bulk.policy_decision, field)
    queued = {q.comment_id: q for q in store.queue(QueueFilter(status=None)).items}
    a, b = queued[orm_id], queued[bulk_id]
    assert (a.status, a.reasons, a.scores, a.resolved_by) == (
        b.status,
        b.reasons,
        b.scores,
        b.resolved_by,
    )


def test_one_bad_write_fails_alone_and_the_rest_of_its_batch_is_stored(store: Store) -> None:
    def job(action: str, text: str, site: str = "news") -> RecordJob:
        decision = Decision("approve")
        object.__setattr__(decision, "action", action)  # past the type's own check
        return RecordJob(Origin(site, "perspective"), NewComment(text, analysis(0.1), decision))

    # "explode" is no decision: storing it raises, inside the batch's transaction, after
    # the first job was written and after a new site was created for it.
    outcomes = store.comments.writer.commit_records(
        [job("approve", "first"), job("explode", "bad", site="fresh-site"), job("hold", "last")]
    )
    assert isinstance(outcomes[1], Exception)
    first, last = outcomes[0], outcomes[2]
    assert isinstance(first, tuple) and isinstance(last, tuple)
    assert store.comment(first[0]).text == "first"
    assert store.comment(last[0]).status == "pending"
    # The rolled-back batch had cached an id for "fresh-site": it must not be used.
    cid = record(store, "approve", "after the failure", site="fresh-site")
    assert store.comment(cid).site == "fresh-site"


def test_sqlite_writers_queue_in_the_process_not_in_sqlites_busy_handler(
    databases: Databases, tmp_path: Path
) -> None:
    """Thread uploads and records at once: SQLite's busy handler never runs (it would
    show as seconds of latency), because the store hands its write lock over itself."""
    with databases.fresh("sqlite", tmp_path) as url:
        store = Store.open(url, migrate=False)
        try:

            @event.listens_for(store.engine, "connect")
            def _no_waiting(dbapi_connection: Any, _record: Any) -> None:
                dbapi_connection.execute("PRAGMA busy_timeout=0")  # busy = fail, not wait

            store.engine.dispose()

            def upload(i: int) -> None:
                store.record_many(
                    site="news",
                    source="native",
                    article=None,
                    comments=[
                        NewComment(f"upload {i}.{j}", analysis(0.1), Decision("approve"))
                        for j in range(5)
                    ],
                )
                record(store, "hold", f"record {i}")

            started = time.monotonic()
            with ThreadPoolExecutor(16) as pool:
                list(pool.map(upload, range(48)))
            assert time.monotonic() - started < 20
            assert store.queue(QueueFilter(site="news")).total == 48
        finally:
            store.close()


def test_a_site_id_is_shared_only_once_its_row_is_committed(store: Store) -> None:
    record(store, "approve")
    assert store.sessions.cached_site_id("news") is not None  # the hot path looks it up once
    with pytest.raises(RuntimeError), store.sessions.write() as session:
        store.sessions.site_key(session, "ghost")
        raise RuntimeError("rolled back")
    assert store.sessions.cached_site_id("ghost") is None
    assert store.site_doc("ghost") is None
    cid = record(store, "approve", site="ghost")
    assert store.comment(cid).site == "ghost"
    record(store, "approve", site="ghost")  # the bulk path, with the id cached after commit
    assert store.sessions.cached_site_id("ghost") is not None


def test_a_caller_that_gives_up_before_its_write_starts_does_not_stop_the_writer() -> None:
    gate = threading.Event()
    written: list[int] = []

    def commit(jobs: Sequence[int]) -> list[Outcome[int]]:
        gate.wait(5)
        written.extend(jobs)
        return list(jobs)

    committer: GroupCommitter[int, int] = GroupCommitter(commit)

    async def scenario() -> int:
        first = asyncio.ensure_future(committer.submit_async(1))  # holds the writer
        await asyncio.sleep(0.1)
        doomed = asyncio.ensure_future(committer.submit_async(2))
        await asyncio.sleep(0.05)
        doomed.cancel()
        await asyncio.sleep(0.05)  # the cancellation reaches the queued write
        gate.set()
        assert await first == 1
        return await committer.submit_async(3)

    assert asyncio.run(scenario()) == 3
    committer.close()
    assert written == [1, 3]
