"""The dashboard's people: sign-in sessions, the back-off after failed sign-ins, and each
moderator's reading preferences.

A session is found by the SHA-256 of its cookie's token (the token itself is never
stored) and ends at the first of two times: its absolute expiry, or ``idle`` after it
was last used. ``last_seen_at`` is written at most once a minute, so reading pages does
not turn every request into a write.

Failed sign-ins are counted per key (the dashboard's: ``ip:ADDRESS``,
``pair:ADDRESS|NAME`` and ``user:NAME``); past a threshold (each key's own
:class:`BackOff`) each further failure locks the key for twice as long as the one
before, up to a ceiling. The dashboard decides which locks refuse an attempt, and which
counts a success clears. Every sign-in, failure, refusal and
sign-out is in the audit log.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, select, update

from threadguard.storage.models import SignInFailure, User, WebSession, utcnow
from threadguard.storage.records import Actor, WebSessionRecord
from threadguard.storage.repositories.rows import from_row
from threadguard.storage.sessions import Repository, add_audit

#: How often a session's ``last_seen_at`` is written at most.
TOUCH_EVERY = timedelta(seconds=60)


def session_ref(row: WebSession) -> str:
    """How the audit log names a session: the start of its token's hash, unique to it for
    ever (a row id is handed out again once its session is deleted, so two people's
    sign-ins read as one session)."""
    return row.token_hash[:16]


def token_hash(token: str) -> str:
    """The SHA-256 (hex) of a session token: what the store keeps and looks up."""
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class BackOff:
    """When failed sign-ins start to lock a key, and for how long."""

    #: Failures in a row before the first lock.
    free_failures: int = 5
    #: The first lock; each further failure doubles it.
    first_lock: timedelta = timedelta(seconds=30)
    #: The longest lock.
    longest_lock: timedelta = timedelta(minutes=15)
    #: A key's count starts again after this long without a failure.
    forget_after: timedelta = timedelta(hours=1)

    def lock_for(self, failures: int) -> timedelta | None:
        """How long a key with ``failures`` failures in a row is locked (None: not)."""
        over = failures - self.free_failures
        if over <= 0:
            return None
        lock: timedelta = self.first_lock * (2 ** min(over - 1, 20))
        return min(lock, self.longest_lock)


class WebSessionRepository(Repository):
    """Dashboard sessions, sign-in failures, and users' preferences."""

    # ------------------------------------------------------------------ sessions

    def start_session(
        self,
        token: str,
        user: str,
        role: str,
        *,
        ip: str,
        lifetime: timedelta,
        now: datetime | None = None,
    ) -> WebSessionRecord:
        """Store a new session for ``token`` (hashed) and audit the sign-in."""
        now = now or utcnow()
        with self._sessions.write() as session:
            row = WebSession(
                token_hash=token_hash(token),
                user_name=user,
                role=role,
                ip=ip[:64],
                created_at=now,
                last_seen_at=now,
                expires_at=now + lifetime,
            )
            session.add(row)
            session.flush()
            add_audit(
                session,
                Actor(user, role),
                "user.sign_in",
                "user",
                user,
                after={"ip": ip[:64], "session": session_ref(row)},
            )
            site = session.scalar(select(User.site).where(User.name == user))
            return from_row(WebSessionRecord, row, site=site)

    def find_session(
        self, token: str, *, idle: timedelta, now: datetime | None = None
    ) -> WebSessionRecord | None:
        """The live session of ``token``, or None (unknown, expired or idle too long; a
        session whose user was disabled since is over too)."""
        now = now or utcnow()
        with self._sessions.read() as session:
            found = session.execute(
                select(WebSession, User.disabled, User.role, User.site)
                .join(User, User.name == WebSession.user_name)
                .where(WebSession.token_hash == token_hash(token))
            ).first()
        if found is None:
            return None
        row, disabled, role, site = found
        if disabled or row.expires_at <= now or row.last_seen_at + idle <= now:
            return None
        record = from_row(WebSessionRecord, row, role=role, site=site)
        if now - row.last_seen_at >= TOUCH_EVERY:
            with self._sessions.write() as session:
                session.execute(
                    update(WebSession).where(WebSession.id == row.id).values(last_seen_at=now)
                )
        return record

    def end_session(self, token: str) -> bool:
        """Sign out: delete the session (audited); False when there was none."""
        with self._sessions.write() as session:
            row = session.scalars(
                select(WebSession).where(WebSession.token_hash == token_hash(token))
            ).first()
            if row is None:
                return False
            add_audit(
                session,
                Actor(row.user_name, row.role),
                "user.sign_out",
                "user",
                row.user_name,
                before={"session": session_ref(row)},
            )
            session.delete(row)
        return True

    def drop_expired_sessions(self, *, idle: timedelta, now: datetime | None = None) -> int:
        """Delete sessions that can no longer be used; how many went."""
        now = now or utcnow()
        with self._sessions.write() as session:
            gone = session.execute(
                delete(WebSession).where(
                    (WebSession.expires_at <= now) | (WebSession.last_seen_at <= now - idle)
                )
            )
        return int(gone.rowcount)  # type: ignore[attr-defined]

    # ------------------------------------------------------------------ failures

    def locked_until(self, keys: Sequence[str], *, now: datetime | None = None) -> datetime | None:
        """The latest time until which any of ``keys`` is locked, or None if none is."""
        now = now or utcnow()
        with self._sessions.read() as session:
            until = session.scalar(
                select(SignInFailure.locked_until)
                .where(SignInFailure.key.in_(list(keys)), SignInFailure.locked_until > now)
                .order_by(SignInFailure.locked_until.desc())
                .limit(1)
            )
        return until

    def sign_in_failed(
        self,
        user: str,
        keys: Sequence[str],
        *,
        ip: str,
        why: str,
        back_off: BackOff,
        back_offs: Mapping[str, BackOff] | None = None,
        now: datetime | None = None,
    ) -> datetime | None:
        """Count a failed (or refused) sign-in against each key (under ``back_off``, or
        the key's own in ``back_offs``) and audit it; returns the latest time until which
        any of the keys is locked now (None: none is)."""
        now = now or utcnow()
        latest: datetime | None = None
        with self._sessions.write() as session:
            for key in keys:
                rule = (back_offs or {}).get(key, back_off)
                row = session.get(SignInFailure, key)
                if row is None:
                    row = SignInFailure(key=key, failures=0, last_at=now, locked_until=None)
                    session.add(row)
                elif row.last_at + rule.forget_after <= now:
                    row.failures = 0
                row.failures += 1
                row.last_at = now
                lock = rule.lock_for(row.failures)
                row.locked_until = now + lock if lock is not None else None
                if row.locked_until is not None and (latest is None or row.locked_until > latest):
                    latest = row.locked_until
            add_audit(
                session,
                # nobody signed in: the name tried is the object, not the actor (an audit
                # filtered by actor=bob must not list what anyone typed as bob)
                Actor("anonymous", "anonymous"),
                "user.sign_in_failed",
                "user",
                user[:200],
                after={
                    "ip": ip[:64],
                    "why": why,
                    "locked_until": latest.isoformat() if latest else None,
                },
            )
        return latest

    def failure_counts(
        self,
        keys: Sequence[str],
        *,
        forget_after: timedelta = BackOff.forget_after,
        now: datetime | None = None,
    ) -> dict[str, int]:
        """The failures in a row of each of ``keys`` that has any not yet forgotten."""
        now = now or utcnow()
        with self._sessions.read() as session:
            rows = session.execute(
                select(SignInFailure.key, SignInFailure.failures).where(
                    SignInFailure.key.in_(list(keys)),
                    SignInFailure.last_at > now - forget_after,
                    SignInFailure.failures > 0,
                )
            ).all()
        return {str(k): int(n) for k, n in rows}

    def clear_failures(self, key: str) -> None:
        """Forget a key's failures (after a right password)."""
        with self._sessions.write() as session:
            session.execute(delete(SignInFailure).where(SignInFailure.key == key))

    # ------------------------------------------------------------------ preferences

    def preferences(self, user: str) -> dict[str, Any]:
        """The user's stored dashboard preferences ({} if none, or no such user)."""
        with self._sessions.read() as session:
            found = session.scalar(select(User.preferences).where(User.name == user))
        return dict(found or {})

    def set_preferences(self, user: str, changes: dict[str, Any]) -> dict[str, Any]:
        """Merge ``changes`` into the user's preferences (audited); returns them all."""
        with self._sessions.write() as session:
            row = session.scalars(select(User).where(User.name == user)).first()
            if row is None:
                return {}
            before = dict(row.preferences or {})
            after = {**before, **changes}
            row.preferences = after
            add_audit(
                session,
                Actor(user, row.role),
                "user.preferences",
                "user",
                user,
                before=before,
                after=after,
            )
        return after
