"""Rows into whole threads, in bounded memory, the same way on every run.

Rows of one thread may be anywhere in a file (exports are often in time order, threads
interleaved). A row's thread is its ``thread_id``, else its ``title``; a row with neither
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

from threadguard.batch.rows import Row
from threadguard.batch.units import Unit, unit_from_rows
from threadguard.thread import Problem

#: Inputs up to this size (bytes on disk; Parquet counted four times) group in memory.
IN_MEMORY_BYTES = 64 * 1024 * 1024
#: About this much input per bucket file when spilling.
BUCKET_BYTES = 16 * 1024 * 1024


def thread_key(row: Row) -> str | None:
    """Which thread a row belongs to: its thread id, else its title; None for neither."""
    if row.get("thread_id"):
        return f"id:{row['thread_id']}"
    if row.get("title"):
        return f"title:{row['title']}"
    return None


def _grouped(
    rows: Iterable[tuple[int, Row]], source: str, problems: list[Problem]
) -> Iterator[Unit]:
    """Threads of keyed rows held in memory, in the order their first rows came."""
    threads: dict[str, list[tuple[int, Row]]] = {}
    for number, row in rows:
        threads.setdefault(thread_key(row) or "", []).append((number, row))
    for members in threads.values():
        unit, found = unit_from_rows(members, source)
        problems.extend(found)
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
            (spill_dir / f"bucket-{i:05d}.jsonl").open("w+", encoding="utf-8")
            for i in range(buckets)
        ]
    try:
        for number, row in rows:
            if isinstance(row, Problem):
                problems.append(row)
                continue
            key = thread_key(row)
            if key is None:
                unit, found = unit_from_rows([(number, row)], source)
                problems.extend(found)
                yield unit
            elif files:
                bucket = files[zlib.crc32(key.encode("utf-8")) % buckets]
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
