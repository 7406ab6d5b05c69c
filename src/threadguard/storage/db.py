"""Database connections: which URL, how to connect, and bringing the schema up to date.

SQLite is the embedded default (one file under the data directory), PostgreSQL the
production store. Both are reached through one SQLAlchemy engine built here, so the rest
of the storage layer never branches on the dialect except where SQL itself differs.

SQLite needs three things the driver does not do by itself: WAL mode (readers never block
the writer, so the service can answer while a moderator acts), foreign keys (off by
default in SQLite), and real transactions. Python's ``sqlite3`` starts a transaction only
at the first write, which lets two moderators read the same queue item and both "win";
we emit ``BEGIN`` ourselves, and ``BEGIN IMMEDIATE`` for writing sessions so the write
lock is taken before anything is read.
"""

from __future__ import annotations

import os
import re
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.script.revision import RevisionError
from alembic.util import CommandError
from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import OperationalError, ProgrammingError
from sqlalchemy.pool import ConnectionPoolEntry

from threadguard import __version__
from threadguard.storage import failures

#: File name of the embedded database inside the data directory.
SQLITE_FILE = "threadguard.db"
#: Where the service keeps its data when neither --data-dir nor the variable says.
DEFAULT_DATA_DIR = "threadguard-data"
DATA_DIR_ENV = "THREADGUARD_DATA_DIR"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
#: Execution option read by the SQLite ``begin`` hook: "IMMEDIATE" for writing sessions.
BEGIN_MODE = "threadguard_begin"


class DatabaseError(Exception):
    """A database URL that cannot be used, or a schema that cannot be brought up to date."""


def default_data_dir() -> Path:
    """``$THREADGUARD_DATA_DIR``, else ``./threadguard-data``."""
    return Path(os.environ.get(DATA_DIR_ENV) or DEFAULT_DATA_DIR)


#: How a database URL starts (``postgresql://``, ``sqlite:``): anything else is a file path.
#: Two letters at least, so that a Windows drive (``C:``) is read as a path.
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]+:")


def resolve_url(database: str | None, data_dir: Path | None) -> str:
    """The SQLAlchemy URL to use: the given one (normalised), else SQLite in the data dir.

    ``database`` is a URL or the path of a SQLite file (README: "``--database`` takes a
    SQLite file or PostgreSQL URL"); a path is made absolute, as the server's workers and
    upload jobs are handed the URL. ``postgresql://`` and ``postgres://`` are rewritten to
    the psycopg 3 driver, the one we ship, so operators can paste the URL their hosting
    gives them.
    """
    if database:
        if not _SCHEME.match(database):
            database = _file_url(database)
        for plain in ("postgresql://", "postgres://"):
            if database.startswith(plain):
                database = "postgresql+psycopg://" + database[len(plain) :]
        try:
            url = make_url(database)
            url.port  # noqa: B018  (a port that is no number fails only when read)
        except Exception as exc:  # SQLAlchemy raises ArgumentError, a bad port ValueError
            raise DatabaseError(f"cannot parse database URL: {exc}") from exc
        if url.get_backend_name() not in ("sqlite", "postgresql"):
            raise DatabaseError(
                f"unsupported database {url.get_backend_name()!r}: use sqlite or postgresql"
            )
        if url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:"):
            raise DatabaseError(_IN_MEMORY)
        file = url.database or ""
        if url.get_backend_name() == "sqlite" and not file.startswith("file:"):
            if Path(file).is_dir():
                raise DatabaseError(
                    f"{file} is a folder: name the database file in it ({Path(file) / SQLITE_FILE})"
                )
            folder = Path(file).parent
            if not folder.is_dir():
                # a typo in the path would otherwise give a fresh, empty database (no keys,
                # no users) in a folder made for it; the data directory is made, a URL not
                raise DatabaseError(
                    f"the folder of the SQLite database {file} does not exist: "
                    "create it first, or check the path"
                )
        return database
    folder = data_dir if data_dir is not None else default_data_dir()
    return _sqlite_url((folder / SQLITE_FILE).resolve())


#: Why an in-memory SQLite database is refused: keys, users and verdicts would vanish when
#: the command ends.
_IN_MEMORY = (
    "an in-memory SQLite database keeps nothing: name a file "
    "(/path/to/threadguard.db or sqlite:////path/to/threadguard.db) or leave --database out"
)


def _file_url(path: str) -> str:
    """The URL of the SQLite file at ``path`` (absolute; ``~`` expanded)."""
    if path == ":memory:":
        raise DatabaseError(_IN_MEMORY)
    return _sqlite_url(Path(path).expanduser().absolute())


def _sqlite_url(path: Path) -> str:
    """``sqlite:////path``, a name SQLAlchemy would read as a query (``?``) escaped."""
    return URL.create("sqlite", database=str(path)).render_as_string(hide_password=False)


#: Query keys that carry a password (libpq's and psycopg's spellings): a URL such as
#: ``postgresql+psycopg://app@db/tg?password=...`` printed it in an error message.
_PASSWORD_KEYS = frozenset({"password", "passwd", "pwd", "sslpassword"})


def redact(url: str) -> str:
    """The URL with its passwords hidden, for messages and logs: the one before the host
    and any in the query string (``?password=``, ``?PWD=``, ``?sslpassword=``)."""
    try:
        parsed = make_url(url)
        hidden = {
            key: "***" if key.lower() in _PASSWORD_KEYS else value
            for key, value in parsed.query.items()
        }
        shown = parsed.set(query=hidden).render_as_string(hide_password=True)
    except Exception:
        return "<unparseable database URL>"
    return shown.replace("=%2A%2A%2A", "=***")  # the query's value, written as the password's


def _sqlite_hooks(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
        # Take transaction control away from the driver; the "begin" hook issues BEGIN.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA busy_timeout=30000")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        mode = conn.get_execution_options().get(BEGIN_MODE, "")
        conn.exec_driver_sql("BEGIN IMMEDIATE" if mode == "IMMEDIATE" else "BEGIN")


#: The first bytes of every SQLite database file.
SQLITE_HEADER = b"SQLite format 3\x00"


def sqlite_file_fault(path: Path) -> str | None:
    """Why the existing file ``path`` is no ThreadGuard database, judged without changing
    it (``an empty file``, ``not SQLite``...), or None when it may be one (or
    cannot be read: connecting says why). Connecting would change it first: SQLite writes
    its header into an empty file, and the WAL mode set on every connection rewrites a
    database's header, so a command refusing the file afterwards had changed it.

    A database in WAL mode is taken for one of ours (connecting changes nothing there;
    the schema is checked then); another is read-only, for ThreadGuard's table."""
    try:
        with path.open("rb") as file:
            header = file.read(20)
    except OSError:
        return None
    if not header:
        return "an empty file"
    if not header.startswith(SQLITE_HEADER):
        return "not SQLite"
    if header[18:20] == b"\x02\x02":  # WAL mode, as ThreadGuard sets it
        return None
    try:
        uri = path.resolve().as_uri() + "?mode=ro"
        with closing(sqlite3.connect(uri, uri=True)) as conn:
            found = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
            ).fetchone()
    except sqlite3.Error:
        return None  # locked, say: connecting says what it is
    return None if found else "SQLite, without ThreadGuard's tables"


def _private_file(path: Path) -> None:
    """Create the SQLite file (and its folder) readable by its owner alone.

    The file holds API key hashes, password hashes, comments and authors: 0600, and its
    folder 0700 when we make it (SQLite gives the -wal and -shm files the database file's
    mode). An existing file or folder keeps the mode its owner gave it.
    """
    if path.parent.exists() and not path.parent.is_dir():
        raise DatabaseError(f"{path.parent} is a file, not a folder for the database")
    existed = path.exists()
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.close(os.open(path, os.O_RDWR | os.O_CREAT, 0o600))
    except OSError as exc:
        if existed:  # it said "cannot create the database file" of one that was there
            raise DatabaseError(
                f"cannot open the database file {path} for writing: "
                f"{exc.strerror or exc}. Every command writes to it (SQLite's write-ahead "
                "log, beside it): run it as the user who owns the file, or give this one "
                "write access to the file and its folder"
            ) from exc
        raise DatabaseError(f"cannot create the database file {path}: {exc}") from exc


def _postgres_timeouts(engine: Engine, lock_timeout_s: float, statement_timeout_s: float) -> None:
    """Set PostgreSQL's ``lock_timeout`` and ``statement_timeout`` on every new connection
    (0: no limit): a statement waiting on a table lock (an operator's ``LOCK TABLE``, a
    long migration) hung the request for as long as the lock was held. Both raise errors
    that :mod:`~threadguard.storage.contention` reads as busy (503, ``Retry-After``)."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
        autocommit = dbapi_connection.autocommit
        dbapi_connection.autocommit = True  # a SET inside a rolled-back transaction is undone
        try:
            with dbapi_connection.cursor() as cursor:
                cursor.execute(f"SET lock_timeout = {round(lock_timeout_s * 1000)}")
                cursor.execute(f"SET statement_timeout = {round(statement_timeout_s * 1000)}")
        finally:
            dbapi_connection.autocommit = autocommit


def connect(url: str, *, lock_timeout_s: float = 0.0, statement_timeout_s: float = 0.0) -> Engine:
    """An engine for ``url`` (already resolved), creating the SQLite file and its folder; a
    full or read-only database raises :class:`~threadguard.storage.records.StoreFullError`
    (:mod:`~threadguard.storage.failures`). On PostgreSQL, a statement waits at most
    ``lock_timeout_s`` for a lock and runs at most ``statement_timeout_s`` (0: no limit;
    :meth:`upgrade` lifts both for a migration)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:" and not database.startswith("file:"):
            _private_file(Path(database))
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "timeout": 30}, pool_pre_ping=False
        )
        _sqlite_hooks(engine)
    else:
        engine = create_engine(
            url,
            pool_pre_ping=True,
            pool_size=10,
            max_overflow=20,
            pool_timeout=POOL_TIMEOUT_S,
            connect_args=_postgres_args(parsed.query)
            if parsed.get_backend_name() == "postgresql"
            else {},
        )
        if lock_timeout_s or statement_timeout_s:
            _postgres_timeouts(engine, lock_timeout_s, statement_timeout_s)
    failures.install(engine)
    return engine


#: libpq's own limits, so that a database that stops answering fails a request instead of
#: hanging it for the kernel's minutes (a session's tryout: a stalled PostgreSQL hung every
#: request past a minute): connecting at most 10 s; dead peers found by keepalives after
#: about 25 s idle; unacknowledged writes given up after 30 s.
LIBPQ_TIMEOUTS: dict[str, int] = {
    "connect_timeout": 10,
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 5,
    "keepalives_count": 3,
    "tcp_user_timeout": 30_000,
}
#: The name ThreadGuard's PostgreSQL connections give themselves (``pg_stat_activity``'s
#: ``application_name``), unless the URL names one: ``db upgrade`` counts them.
APPLICATION_NAME = "threadguard"


def _postgres_args(query: Any) -> dict[str, Any]:
    args: dict[str, Any] = dict(LIBPQ_TIMEOUTS)
    if "application_name" not in query:
        args["application_name"] = APPLICATION_NAME
    return args


#: How long a request waits for a free connection of the pool (SQLAlchemy's default, 30 s,
#: let requests queue behind a stalled database for half a minute each).
POOL_TIMEOUT_S = 10


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic configuration built in code: no alembic.ini, no path to get wrong.

    The connection travels in ``attributes`` rather than as a URL option, because
    Alembic's ini interpolation would mangle a ``%`` in a password.
    """
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest migration shipped with this version of ThreadGuard."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at (None for an empty database)."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


#: Key of the PostgreSQL advisory lock that serialises migrations of one database.
_MIGRATION_LOCK = 0x7467_6D69  # "tgmi"


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision`` (default: the newest), in one transaction.

    Several service instances may start at once against one PostgreSQL database; an
    advisory lock makes the second wait and then find nothing left to do. (SQLite's
    ``BEGIN`` already serialises writers.)

    A schema damaged by hand is refused with :class:`DatabaseError` naming what is wrong,
    and the transaction rolled back: a table or column of the newest schema missing
    (:func:`schema_problems`: it was "at revision ...", exit 0), a migration that finds
    the schema not as its revision left it, tables of ours with no revision.
    """
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            # A migration may wait for the service's locks and run long: no limits here.
            conn.exec_driver_sql("SET LOCAL lock_timeout = 0")
            conn.exec_driver_sql("SET LOCAL statement_timeout = 0")
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK})")
        current = MigrationContext.configure(conn).get_current_revision()
        _refuse_unknown(current)
        if current is None:
            _refuse_unversioned(conn)
        try:
            command.upgrade(alembic_config(conn), revision)
        except (OperationalError, ProgrammingError) as exc:
            if current is None or not _SCHEMA_MISMATCH.search(str(exc.orig)):
                raise
            raise DatabaseError(
                f"cannot upgrade the database from schema revision {current!r}: "
                f"{_first_line(exc.orig)}. Its schema is not the one that revision makes "
                f"(changed by hand?). {_NOTHING_CHANGED}"
            ) from None
        if revision == "head":
            missing = schema_problems(conn)
            if missing:
                head = head_revision()
                stopped = (
                    f" (at revision {current!r}: its upgrade to {head!r} was stopped)"
                    if current != head
                    else ""
                )
                raise DatabaseError(
                    f"the database's schema is damaged{stopped}: {'; '.join(missing)}. "
                    f"{_NOTHING_CHANGED}"
                )


#: What to do about a damaged schema, said after what is wrong with it.
_NOTHING_CHANGED = (
    "Nothing was changed: `db upgrade` does not repair a schema. Restore the database from "
    "a backup (`threadguard db backup FILE` makes one), or start a new one (another "
    "--data-dir or --database)"
)
#: What a migration's SQL error says when the schema it finds is not the one it expects.
_SCHEMA_MISMATCH = re.compile(
    r"no such (table|column)|already exists|does not exist|duplicate column", re.IGNORECASE
)


def _first_line(error: BaseException | None) -> str:
    text = str(error or "").strip()
    return text.splitlines()[0] if text else type(error).__name__


def schema_problems(conn: Connection) -> list[str]:
    """What the database lacks of this ThreadGuard's schema (its tables and their
    columns), one phrase each (``table 'jobs' is missing``); [] when nothing is. Tables
    and columns it has besides are no concern of ours."""
    from threadguard.storage.models import Base

    inspector = inspect(conn)
    present = set(inspector.get_table_names())
    problems: list[str] = []
    for name, table in Base.metadata.tables.items():
        if name not in present:
            problems.append(f"table {name!r} is missing")
            continue
        columns = {column["name"] for column in inspector.get_columns(name)}
        lost = [c.name for c in table.columns if c.name not in columns]
        if lost:
            names = ", ".join(repr(c) for c in lost)
            problems.append(
                f"table {name!r} is missing column{'s' if len(lost) > 1 else ''} {names}"
            )
    return problems


def _refuse_unversioned(conn: Connection) -> None:
    """A database with no schema revision but tables of ThreadGuard's names lost its
    ``alembic_version`` (by hand, or another tool): migrating it from the start failed
    with "table sites already exists". Say so, and touch nothing."""
    from threadguard.storage.models import Base

    ours = sorted(set(inspect(conn).get_table_names()) & set(Base.metadata.tables))
    if ours:
        shown = ", ".join(ours[:5]) + (", ..." if len(ours) > 5 else "")
        raise DatabaseError(
            f"the database has no schema revision (its alembic_version table is missing or "
            f"empty) but holds {len(ours)} table(s) of ThreadGuard's ({shown}): its schema "
            f"cannot be told. {_NOTHING_CHANGED}"
        )


def other_connections(engine: Engine) -> dict[str, int]:
    """On PostgreSQL, the other client connections to this database (ours excluded), by
    ``application_name`` (``(unnamed)`` when none is set); {} on SQLite, which cannot say."""
    if engine.dialect.name != "postgresql":
        return {}
    query = (
        "SELECT coalesce(nullif(application_name, ''), '(unnamed)'), count(*) "
        "FROM pg_stat_activity WHERE datname = current_database() "
        "AND pid <> pg_backend_pid() AND backend_type = 'client backend' GROUP BY 1"
    )
    with engine.connect() as conn:
        rows = conn.exec_driver_sql(query).all()
    return {str(name): int(count) for name, count in rows}


def connected_warning(engine: Engine) -> str | None:
    """What to warn of before migrating a PostgreSQL database that other clients are still
    connected to (servers of the older version should be stopped first), or None: none
    connected, SQLite, or nothing to migrate. Run it before opening any other connection
    of this process (each pooled connection counts as another)."""
    current = current_revision(engine)
    if current == head_revision():
        return None
    others = other_connections(engine)
    if not others:
        return None
    total = sum(others.values())
    names = ", ".join(f"{name}: {count}" for name, count in sorted(others.items()))
    return (
        f"{total} other connection(s) to this database are open ({names}); servers of an "
        "older ThreadGuard should be stopped before its schema changes under them. "
        "Upgrading anyway"
    )


def require_current(engine: Engine) -> None:
    """Make a new (empty) database whole, and refuse one behind this ThreadGuard's schema
    without changing it: only ``serve`` and ``db upgrade`` change a schema (a ``keys list``
    run by a newer ThreadGuard must not migrate the database under older servers)."""
    current = current_revision(engine)
    if current is None:
        upgrade(engine)
        return
    _refuse_unknown(current)
    head = head_revision()
    if current != head:
        raise DatabaseError(
            f"the database is at schema revision {current!r}, older than this ThreadGuard's "
            f"{head!r}: run `threadguard db upgrade` first (with the same --database or "
            "--data-dir; servers of the older version should be stopped)"
        )


def _refuse_unknown(current: str | None) -> None:
    """A database at a revision this ThreadGuard does not ship was written by a newer one:
    say so, rather than Alembic's "Can't locate revision" (and never touch it)."""
    if current is None:
        return
    try:
        ScriptDirectory.from_config(alembic_config()).get_revision(current)
    except (CommandError, RevisionError):
        raise DatabaseError(
            f"the database is at schema revision {current!r}, which this ThreadGuard "
            f"({__version__}, newest revision {head_revision()!r}) does not know: a newer "
            "ThreadGuard wrote it. Upgrade ThreadGuard, or use another database"
        ) from None
