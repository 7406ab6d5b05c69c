"""The plumbing every repository of the store shares: transactions, sites, the audit writer.

Two rules hold for every write (see :mod:`threadguard.storage.store` for the why):

- Every write is one transaction, on SQLite a ``BEGIN IMMEDIATE`` one (see
  :mod:`threadguard.storage.db`), so a failure leaves nothing half done.
- On SQLite, writers of this process queue on a fair lock before ``BEGIN IMMEDIATE``
  (:class:`~threadguard.storage.contention.FairLock`): SQLite has one write lock per
  file, and a thread that finds it taken sleeps in SQLite's busy handler with a growing
  back-off (up to 100 ms a try), while our lock hands it over at once, in order. So a
  large upload, written in short transactions, lets every other writer in between.
  PostgreSQL locks rows, not the database, so its writers run side by side.
- A contended database (our lock, SQLite's or PostgreSQL's timeouts, an exhausted
  connection pool) raises :class:`~threadguard.storage.records.StoreBusyError`, whatever
  the driver said (:func:`~threadguard.storage.contention.busy_as_store_error`).

Site ids are cached by name: a site row is created once and never renamed, and deleted
only while it holds no comments (``threadguard sites delete``, for a name made by a typo),
so no comment's write can pick up a deleted site's id from a cache. A site created by a transaction enters the cache only once that transaction has
committed, so no other writer can pick up the id of a row that is then rolled back; and
the cache is dropped whenever a write fails, so a store whose sites were removed behind
its back (by hand, or a test truncating tables) recovers on the next write.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Concatenate, ParamSpec, TypeVar

from sqlalchemy import Connection, Engine, ScalarSelect, Select, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from threadguard.storage import db
from threadguard.storage.contention import BUSY_MESSAGE, FairLock, busy_as_store_error
from threadguard.storage.models import (
    Article,
    AuditEntry,
    Author,
    Comment,
    ModeratorAction,
    Site,
    utcnow,
)
from threadguard.storage.records import Actor, StoreBusyError

#: How long a writer waits for the in-process SQLite write lock before giving up (the
#: same bound as SQLite's own busy timeout, see :mod:`threadguard.storage.db`).
WRITE_WAIT_S = 30.0

P = ParamSpec("P")
R = TypeVar("R")

#: ``Session.info`` key of the sites a write transaction created (cached after commit).
_NEW_SITES = "threadguard_new_sites"


class Sessions:
    """Read and write transactions over one engine, and the cache of site ids."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._writer = engine.execution_options(**{db.BEGIN_MODE: "IMMEDIATE"})
        # SQLite: one writer at a time in this process (see the module docs).
        self._serial: FairLock | None = FairLock() if engine.dialect.name == "sqlite" else None
        self._site_ids: dict[str, int] = {}

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only transaction's session (nothing it loads expires on commit)."""
        with (
            busy_as_store_error(),
            Session(self.engine, expire_on_commit=False) as session,
            session.begin(),
        ):
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A write transaction's session: committed when the block ends, else rolled back."""
        with self._exclusive():
            try:
                with (
                    busy_as_store_error(),
                    Session(self._writer, expire_on_commit=False) as session,
                ):
                    with session.begin():
                        yield session
                    # Committed: the sites this transaction created may now be shared.
                    self._site_ids.update(session.info.get(_NEW_SITES, {}))
            except BaseException:
                self._site_ids.clear()
                raise

    @contextmanager
    def write_core(self) -> Iterator[Connection]:
        """A write transaction without an ORM session, for bulk inserts of plain comments
        (a session costs more than the inserts it would wrap)."""
        with self._exclusive():
            try:
                with busy_as_store_error(), self._writer.begin() as conn:
                    yield conn
            except BaseException:
                self._site_ids.clear()
                raise

    def on_its_own(self, change: Callable[Concatenate[Session, P], R]) -> Callable[P, R]:
        """``change``, a function that adds to a session, as a call that runs in a write
        transaction of its own (same arguments, less the session)."""

        def run(*args: P.args, **kwargs: P.kwargs) -> R:
            with self.write() as session:
                return change(session, *args, **kwargs)

        return run

    @contextmanager
    def _exclusive(self) -> Iterator[None]:
        """Hold this process's SQLite write lock (nothing on PostgreSQL)."""
        if self._serial is None:
            yield
            return
        if not self._serial.acquire(timeout=WRITE_WAIT_S):
            raise StoreBusyError(BUSY_MESSAGE)
        try:
            yield
        finally:
            self._serial.release()

    def write_grants(self) -> int:
        """How many times this process's SQLite write lock has been granted so far (0 on
        PostgreSQL): a long writer compares two readings to learn whether others wrote."""
        return self._serial.grants if self._serial is not None else 0

    def cached_site_id(self, name: str) -> int | None:
        """The site's id if this store has already seen it committed (no database read)."""
        return self._site_ids.get(name)

    def forget_site(self, name: str) -> None:
        """Drop the site's cached id (its row was deleted)."""
        self._site_ids.pop(name, None)

    def site_key(self, session: Session, name: str) -> int:
        """The site's id, created if new; cached, as every stored comment needs it.

        A site that exists (committed) is cached at once; one this transaction creates is
        cached by :meth:`write` after the commit (see the module docs).
        """
        site_id = self._site_ids.get(name)
        if site_id is not None:
            return site_id
        created: dict[str, int] = session.info.setdefault(_NEW_SITES, {})
        if name in created:
            return created[name]
        site_id = find_site_id(session, name)
        if site_id is not None:
            if len(self._site_ids) > 100_000:
                self._site_ids.clear()
            self._site_ids[name] = site_id
            return site_id
        created[name] = site_id = site_row(session, name).id
        return site_id


class Repository:
    """Reads and writes some of the store's tables through its shared :class:`Sessions`."""

    def __init__(self, sessions: Sessions) -> None:
        self._sessions = sessions


def get_or_create(session: Session, model: Any, where: dict[str, Any], **new: Any) -> Any:
    """The row matching ``where``, inserting it if absent (race-safe via a savepoint)."""
    stmt = select(model).filter_by(**where)
    row = session.scalars(stmt).first()
    if row is not None:
        return row
    try:
        with session.begin_nested():
            row = model(**where, **new)
            session.add(row)
    except IntegrityError:
        row = session.scalars(stmt).one()
    return row


def site_row(session: Session, name: str) -> Site:
    """The site's row, created (with no policy) if new."""
    site: Site = get_or_create(session, Site, {"name": name}, policy_version=0)
    return site


#: The tables whose rows belong to a site (through ``site_id``).
Sited = TypeVar("Sited", Article, Author, Comment, ModeratorAction)


def with_site_name(model: type[Sited]) -> Select[Sited, str]:
    """A query for ``model``'s rows, each with its site's name."""
    return select(model, Site.name).join(Site, Site.id == model.site_id)


def find_site_id(session: Session, name: str) -> int | None:
    """The site's id, or None for a site never seen (nothing is created)."""
    return session.scalar(select(Site.id).where(Site.name == name))


def site_id_of(name: str) -> ScalarSelect[int]:
    """The site's id as a subquery, to select a site's rows in one query: NULL for a site
    never seen, which no row's ``site_id`` equals."""
    return select(Site.id).where(Site.name == name).scalar_subquery()


def add_audit(
    session: Session,
    actor: Actor,
    action: str,
    object_type: str,
    object_id: str,
    *,
    site: str | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    """Append an audit entry to the session's transaction (so it commits with the change)."""
    session.add(
        AuditEntry(
            at=utcnow(),
            actor=actor.id,
            actor_role=actor.role,
            action=action,
            object_type=object_type,
            object_id=object_id,
            site=site,
            before=before,
            after=after,
        )
    )
