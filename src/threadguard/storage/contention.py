"""When writers contend for the database: a fair write lock, and "busy" as one error.

**A fair lock.** On SQLite every writer of the process queues on one lock before ``BEGIN
IMMEDIATE`` (see :mod:`threadguard.storage.sessions`). A plain :class:`threading.Lock` is
not fair: a thread that releases it and asks again at once (a large upload written in
many short transactions) usually gets it back before a thread that has been waiting, so
the hot path's group commit could wait for the whole upload after all. :class:`FairLock`
hands the lock to the longest waiter, so a writer waits for at most the transactions
queued before it.

**Busy is busy, whatever says so.** SQLite says "database is locked" (another process
held the file past the busy timeout), PostgreSQL a lock, statement or serialisation
timeout, and SQLAlchemy's pool that no connection came free in time. All of these mean
"try again shortly", never "the request was wrong" or "the service is broken";
:func:`busy_as_store_error` turns each into
:class:`~threadguard.storage.records.StoreBusyError`, which every HTTP surface answers
with 503 and ``Retry-After``.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import exc as sa_exc

from threadguard.storage.records import StoreBusyError

#: The message every busy error carries (safe to show: it says nothing of the request).
BUSY_MESSAGE = "the database is busy; try again shortly"

#: PostgreSQL SQLSTATEs that mean "contended, try again": lock_not_available,
#: serialization_failure, deadlock_detected, query_canceled (lock or statement timeout),
#: too_many_connections.
_POSTGRES_BUSY = frozenset({"55P03", "40001", "40P01", "57014", "53300"})
#: SQLite's primary result codes SQLITE_BUSY and SQLITE_LOCKED.
_SQLITE_BUSY = frozenset({5, 6})


class FairLock:
    """A mutual-exclusion lock granted in the order it was asked for (FIFO).

    On release, ownership passes straight to the longest waiter, so a thread that
    releases and asks again queues behind everyone already waiting.
    """

    def __init__(self) -> None:
        self._mutex = threading.Lock()
        self._held = False
        self._waiters: deque[threading.Event] = deque()
        #: How many times the lock has been granted (taken free, or handed over).
        self.grants = 0

    def acquire(self, timeout: float) -> bool:
        """Take the lock, waiting at most ``timeout`` seconds; whether it was taken."""
        with self._mutex:
            if not self._held:
                self._held = True
                self.grants += 1
                return True
            turn = threading.Event()
            self._waiters.append(turn)
        if turn.wait(timeout):
            return True
        with self._mutex:
            if turn.is_set():  # handed over just as the wait ran out: it is ours
                return True
            self._waiters.remove(turn)
            return False

    def release(self) -> None:
        """Hand the lock to the longest waiter, or free it."""
        with self._mutex:
            if self._waiters:
                self._waiters.popleft().set()  # still held: now by the waiter
                self.grants += 1
            else:
                self._held = False

    @property
    def waiting(self) -> int:
        """How many threads are waiting for the lock."""
        return len(self._waiters)


def is_busy(error: BaseException) -> bool:
    """Whether a database error means the database was contended (see the module docs)."""
    if isinstance(error, StoreBusyError | sa_exc.TimeoutError):
        return True
    if not isinstance(error, sa_exc.DBAPIError):
        return False
    orig = error.orig
    if isinstance(orig, sqlite3.OperationalError):
        code = getattr(orig, "sqlite_errorcode", None)
        if code is not None:
            return code & 0xFF in _SQLITE_BUSY
        message = str(orig).lower()
        return "database is locked" in message or "database table is locked" in message
    return getattr(orig, "sqlstate", None) in _POSTGRES_BUSY


#: What each PostgreSQL busy state means, for a line an operator reads.
_POSTGRES_CAUSES = {
    "55P03": "a lock it needed was held by another session too long",
    "57014": "a statement or lock timeout ran out",
    "40001": "a transaction conflicted with another (serialisation failure)",
    "40P01": "a transaction deadlocked with another",
    "53300": "the server has no connection slot free (too many connections)",
}


def busy_cause(error: BaseException) -> str:
    """Why a :class:`StoreBusyError` (or the driver error under it) was busy, in words.

    An operator told that "another process held its lock" looks for a stuck writer; on
    PostgreSQL the cause may be a deadlock or a statement timeout instead, and the fix
    differs (session 54 noticed the one line said "lock" for every cause). A full
    connection table (53300) is named where a driver gives its state; psycopg 3 refuses the
    connection before it has one, and the line then says "cannot open the database: ... too
    many clients already" (a code review's, session 55).
    """
    seen: set[int] = set()
    cause: BaseException | None = error
    while cause is not None and id(cause) not in seen:
        seen.add(id(cause))
        if isinstance(cause, sa_exc.TimeoutError):
            return "no connection of the pool came free in time"
        state = getattr(getattr(cause, "orig", None), "sqlstate", None) or getattr(
            cause, "sqlstate", None
        )
        if isinstance(state, str) and state in _POSTGRES_CAUSES:
            return _POSTGRES_CAUSES[state]
        cause = cause.__cause__ or getattr(cause, "orig", None)
    return "another process held its lock too long"


@contextmanager
def busy_as_store_error() -> Iterator[None]:
    """Raise :class:`StoreBusyError` for any busy error inside the block (others pass)."""
    try:
        yield
    except StoreBusyError:
        raise
    except Exception as exc:
        if is_busy(exc):
            raise StoreBusyError(BUSY_MESSAGE) from exc
        raise
