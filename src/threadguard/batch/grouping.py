"""Rows into whole threads, in bounded memory, the same way on every run.

Rows of one thread may be anywhere in a file (exports are often in time order, threads
interleaved). A row's thread is its ``thread_id``, else its ``title``, else its file's one
thread when the reader marked it so (:data:`~.rows.FILE_THREAD`); a row with none of them
is a thread of its own and goes out at once. A file small enough is grouped in memory.
A larger one is first spread over bucket files on disk by a stable hash of the thread
key (every row of a thread lands in the same bucket), then each bucket is grouped in
memory in turn: memory holds one bucket, whatever the size of the input. The order
threads come out in depends only on the input, so partitions are numbered the same on a
rerun (resuming depends on it).
"""

from __future__ import annotations

import json
import shutil
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from threadguard.batch.rows import FILE_THREAD, Row
from threadguard.batch.units import Unit, unit_from_rows
from threadguard.thread import Problem

#: Inputs up to this size (bytes on disk; Parquet counted four times) group in memory.
IN_MEMORY_BYTES = 64 * 1024 * 1024
#: About this much input per bucket file when spilling.
BUCKET_BYTES = 16 * 1024 * 1024


#: Bucket files hold rows as read, unreadable text included (a lone surrogate from a
#: JSON escape): it is reported, and left out, only when the thread is built.
_SPILL_ERRORS = "surrogatepass"


def thread_key(row: Row) -> str | None:
    """Which thread a row belongs to: its thread id, else its title, else its file's one
    thread; None for none of them."""
    if row.get("thread_id"):
        return f"id:{row['thread_id']}"
    if row.get("title"):
        return f"title:{row['title']}"
    if row.get(FILE_THREAD):
        return f"file:{row[FILE_THREAD]}"
    return None


def _grouped(
    rows: Iterable[tuple[int, Row]], source: str, problems: list[Problem]
) -> Iterator[Unit]:
    """Threads of keyed rows held in memory, in the order their first rows came."""
    threads: dict[str, list[tuple[int, Row]]] = {}
    for number, row in rows:
        threads.setdefault(thread_key(row) or "", []).append((number, row))
    for members in threads.values():
        yield from _unit(members, source, problems)


def _unit(rows: list[tuple[int, Row]], source: str, problems: list[Problem]) -> Iterator[Unit]:
    """The thread of ``rows``, unless every one of them was left out (each is reported)."""
    unit, found = unit_from_rows(rows, source)
    problems.extend(found)
    if unit.size:
        yield unit


def group_rows(
    rows: Iterable[tuple[int, Row | Problem]],
    source: str,
    problems: list[Problem],
    *,
    size: int,
    spill_dir: Path,
) -> Iterator[Unit]:
    """Whole threads from ``rows``; rows that are problems go to ``problems``. ``size`` is
    the input's size, which decides between grouping in memory and spilling to
    ``spill_dir`` (emptied afterwards)."""
    buckets = 0 if size <= IN_MEMORY_BYTES else -(-size // BUCKET_BYTES)
    keyed: list[tuple[int, Row]] = []
    files = []
    if buckets:
        spill_dir.mkdir(parents=True, exist_ok=True)
        files = [
            (spill_dir / f"bucket-{i:05d}.jsonl").open("w+", encoding="utf-8", errors=_SPILL_ERRORS)
            for i in range(buckets)
        ]
    try:
        for number, row in rows:
            if isinstance(row, Problem):
                problems.append(row)
                continue
            key = thread_key(row)
            if key is None:
                yield from _unit([(number, row)], source, problems)
            elif files:
                bucket = files[zlib.crc32(key.encode("utf-8", _SPILL_ERRORS)) % buckets]
                bucket.write(json.dumps([number, row], ensure_ascii=False) + "\n")
            else:
                keyed.append((number, row))
        if not files:
            yield from _grouped(keyed, source, problems)
            return
        for bucket in files:
            bucket.seek(0)
            spilled = (tuple(json.loads(line)) for line in bucket)
            yield from _grouped(spilled, source, problems)
            bucket.close()
    finally:
        for bucket in files:
            bucket.close()
        if buckets:
            shutil.rmtree(spill_dir, ignore_errors=True)
