"""A database that cannot take writes (full disk, read-only) as the store's own error.

When the disk under SQLite fills up, the driver raises ``sqlite3.OperationalError:
database or disk is full``; PostgreSQL raises ``DiskFull`` (SQLSTATE 53100); a database
mounted read-only, or a PostgreSQL standby, refuses every write. None of these is the
caller's fault or a bug in the service, and none is permanent: the answer is 503 with
``Retry-After``, not 500. So :func:`install` hooks SQLAlchemy's ``handle_error`` event
on the store's engine, and every such driver error, wherever it is raised (a statement,
a ``COMMIT``, a new connection), leaves the store as a
:class:`~threadguard.storage.records.StoreFullError`, chained to the original for the
log. :func:`out_of_space` also recognises the same condition in a plain ``OSError``
(``ENOSPC``, ``EDQUOT``, ``EROFS``), for the service's handlers.
"""

from __future__ import annotations

import errno
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.engine import ExceptionContext

from threadguard.storage.records import StoreFullError

#: SQLite result codes (the primary code, the low byte of the extended one).
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_FULL = 13
_SQLITE_CODES = {
    SQLITE_READONLY: "the database is read-only",
    SQLITE_IOERR: "the database's disk failed a read or write",
    SQLITE_FULL: "the database's disk is full",
}
#: What SQLite says for those codes, for errors raised without a code attached.
_SQLITE_MESSAGES = {
    "database or disk is full": SQLITE_FULL,
    "attempt to write a readonly database": SQLITE_READONLY,
    "disk i/o error": SQLITE_IOERR,
}
#: PostgreSQL SQLSTATEs that mean "cannot write now".
_POSTGRES_STATES = {
    "53100": "the database's disk is full",  # disk_full
    "25006": "the database is read-only",  # read_only_sql_transaction (a standby, say)
    "58030": "the database's disk failed a read or write",  # io_error
}
#: ``OSError`` numbers that mean the same.
_OS_ERRNOS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EROFS: "the file system is read-only",
}


def _sqlite_problem(exc: BaseException) -> str | None:
    code = getattr(exc, "sqlite_errorcode", None)
    if not isinstance(code, int):
        text = str(exc).strip().lower()
        code = next((c for m, c in _SQLITE_MESSAGES.items() if text.startswith(m)), None)
        if code is None:
            return None
    return _SQLITE_CODES.get(code & 0xFF)


def out_of_space(exc: BaseException) -> str | None:
    """Why ``exc`` means the store cannot write now (disk full, read-only), or None.

    Reads the driver's own error (SQLite's result code or message, PostgreSQL's
    SQLSTATE) or an ``OSError``'s number; any other exception is None.
    """
    if isinstance(exc, OSError) and exc.errno in _OS_ERRNOS:
        return _OS_ERRNOS[exc.errno]
    state = getattr(exc, "sqlstate", None)
    if isinstance(state, str):
        return _POSTGRES_STATES.get(state)
    if type(exc).__module__.startswith("sqlite3"):
        return _sqlite_problem(exc)
    return None


#: What a client is told when a write failed for lack of space: an upload is stored in
#: short transactions, so one that fails part way has its earlier parts stored ("nothing
#: was stored" was false: 326 of 900 comments were in the queue).
NOT_STORED = (
    "this write was not stored (a large upload keeps the parts stored before it: sending it "
    "again updates them, never duplicates); try again later"
)


def install(engine: Engine) -> None:
    """Make ``engine`` raise :class:`StoreFullError` for a full or read-only database."""

    @event.listens_for(engine, "handle_error")
    def _translate(context: ExceptionContext) -> Any:
        problem = out_of_space(context.original_exception)
        if problem is None:
            return None
        raise StoreFullError(f"{problem}: {NOT_STORED}") from context.original_exception
