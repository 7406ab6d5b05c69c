"""Named counters every process of the service shares: the keys' version, the heartbeat.

A server with several workers (or several machines over one PostgreSQL) keeps a cache of
API keys in each process. Every change to a key (:mod:`.accounts`) bumps the ``keys``
counter in the same transaction, so a process that sees the counter move knows its cache
is stale, at the price of reading one row now and then instead of every key on every
request. The deep health check bumps ``heartbeat``: a write of its own, so a database
that answers reads but cannot store (a full disk, a read-only mount) is reported as down.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from threadguard.storage.models import CounterRow, utcnow
from threadguard.storage.sessions import Repository

#: The API keys' version: any key created or revoked bumps it.
KEYS = "keys"
#: Bumped by every deep health check.
HEARTBEAT = "heartbeat"


def bump(session: Session, name: str) -> int:
    """Add one to the counter ``name`` in the session's transaction (1 if new); its value.

    One upsert statement, so two processes bumping at once both count (no lost update),
    on SQLite and PostgreSQL alike.
    """
    dialect = sqlite if session.get_bind().dialect.name == "sqlite" else postgresql
    stmt = dialect.insert(CounterRow).values(name=name, value=1, updated_at=utcnow())
    stmt = stmt.on_conflict_do_update(
        index_elements=[CounterRow.name],
        set_={"value": CounterRow.value + 1, "updated_at": stmt.excluded.updated_at},
    )
    return int(session.execute(stmt.returning(CounterRow.value)).scalar_one())


class CounterRepository(Repository):
    """Reading the shared counters, and the health check's heartbeat."""

    def counter(self, name: str) -> int:
        """The counter's value (0 for one never bumped)."""
        with self._sessions.read() as session:
            value = session.scalar(select(CounterRow.value).where(CounterRow.name == name))
        return int(value or 0)

    def keys_version(self) -> int:
        """The API keys' version: it changes whenever a key is created or revoked."""
        return self.counter(KEYS)

    def heartbeat(self) -> int:
        """Write to the database, in a transaction of its own: the deep health check.

        Raises what the write raises (a full or read-only database raises
        :class:`~threadguard.storage.records.StoreFullError`).
        """
        with self._sessions.write() as session:
            return bump(session, HEARTBEAT)
