"""Stopping the scoring pool ends its manager thread even when a worker died halfway
through writing a result: Python's exit joins that thread without a timeout, so a thread
left waiting for the rest of a message hung `score | head` for ever (a loaded CI run,
session 55)."""

from __future__ import annotations

import multiprocessing
import os
import struct
import time
from concurrent.futures import ProcessPoolExecutor

from threadguard.parallel import ScoringPool


def _pool_with_a_half_written_result() -> tuple[ScoringPool, ProcessPoolExecutor]:
    executor = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
    assert executor.submit(pow, 2, 3).result(timeout=60) == 8  # the worker and thread run
    pool = object.__new__(ScoringPool)
    pool.workers = 1
    pool._pool = executor
    # what a worker killed mid-write leaves: a length header promising more than follows
    writer = executor._result_queue._writer  # type: ignore[attr-defined]
    os.write(writer.fileno(), struct.pack("!i", 1000) + b"x" * 10)
    manager = executor._executor_manager_thread  # type: ignore[attr-defined]
    deadline = time.monotonic() + 10
    while manager.is_alive() and time.monotonic() < deadline:
        time.sleep(0.05)
        if not executor._result_queue._reader.poll():  # type: ignore[attr-defined]
            break  # the thread took the header and waits for the rest
    return pool, executor


def test_a_stopped_pool_leaves_no_thread_waiting_on_a_half_written_result() -> None:
    pool, executor = _pool_with_a_half_written_result()
    manager = executor._executor_manager_thread  # type: ignore[attr-defined]
    assert manager is not None and manager.is_alive()
    pool.stop()
    assert not manager.is_alive()
