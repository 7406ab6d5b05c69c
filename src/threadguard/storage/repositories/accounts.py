"""API keys and dashboard users: only hashes are stored, and every change is audited.

Every change to a key also bumps the keys' version (:mod:`.counters`), in the same
transaction, which is how every process's key cache learns of it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from threadguard.schema import Role
from threadguard.storage import credentials
from threadguard.storage.models import ApiKey as ApiKeyModel
from threadguard.storage.models import User, WebSession, utcnow
from threadguard.storage.records import (
    Actor,
    ConflictError,
    InvalidError,
    KeyRecord,
    NotFoundError,
    UserRecord,
)
from threadguard.storage.repositories.counters import KEYS, bump
from threadguard.storage.repositories.rows import from_row
from threadguard.storage.sessions import Repository, add_audit

#: Who acts when the caller names no one (the command line names its operator, ``cli:USER``).
SYSTEM = Actor("system", Role.ADMIN)
#: The roles a key may have, strongest first (the order error messages list them in).
KEY_ROLES = tuple(reversed(Role))
#: The roles a user may have: keys for clients, accounts for people.
USER_ROLES = (Role.ADMIN, Role.MODERATOR)


#: The longest user name: a name is shown in the dashboard and the audit log.
USER_NAME_CHARS = 100


def user_name_fault(name: str) -> str | None:
    """Why ``name`` cannot be a user's name, or None. No control or invisible format
    characters (a newline in the audit log, "ann" + a zero-width space beside "ann"), no
    spaces around it, and at most :data:`USER_NAME_CHARS` characters."""
    if len(name) > USER_NAME_CHARS:
        return f"at most {USER_NAME_CHARS} characters, not {len(name)}"
    if name != name.strip():
        return "no spaces before or after it"
    if any(unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Cn") for c in name):
        return "no control, invisible or unassigned characters"
    return None


class AccountRepository(Repository):
    """API keys (by their public prefix) and moderators' and admins' accounts."""

    def create_key(
        self,
        role: str,
        *,
        site: str | None = None,
        name: str = "",
        rate_per_minute: int | None = None,
        actor: Actor = SYSTEM,
        shown: Callable[[str], None] | None = None,
    ) -> str:
        """Make an API key and store its hash; returns the key text (the only time it exists).

        ``shown`` is given the key before the transaction commits: where it raises (the
        key could not be printed), nothing is stored, since no one would hold the key."""
        if role not in KEY_ROLES:
            raise InvalidError(f"role must be one of {', '.join(KEY_ROLES)}, not {role!r}")
        if site is not None and not site.strip():
            # a blank site would be listed like a key to every site and serve none of them
            raise InvalidError("a key's site must be a site's name (none: every site)")
        key = credentials.new_key()
        with self._sessions.write() as session:
            session.add(
                ApiKeyModel(
                    prefix=key.prefix,
                    secret_hash=key.secret_hash,
                    role=role,
                    site=site,
                    name=name,
                    rate_per_minute=rate_per_minute,
                    created_at=utcnow(),
                )
            )
            add_audit(
                session,
                actor,
                "key.create",
                "api_key",
                key.prefix,
                site=site,
                after={
                    "role": role,
                    "site": site,
                    "name": name,
                    "rate_per_minute": rate_per_minute,
                },
            )
            bump(session, KEYS)
            if shown is not None:
                session.flush()  # the store's own refusals come before the key is shown
                shown(key.text)
        return key.text

    def find_key(self, prefix: str) -> KeyRecord | None:
        """The key with this public prefix (revoked ones too), or None."""
        with self._sessions.read() as session:
            row = session.scalars(select(ApiKeyModel).where(ApiKeyModel.prefix == prefix)).first()
            return from_row(KeyRecord, row) if row is not None else None

    def api_keys(self) -> list[KeyRecord]:
        """Every key, oldest first (hashes included; callers show prefixes only)."""
        with self._sessions.read() as session:
            return [
                from_row(KeyRecord, r)
                for r in session.scalars(select(ApiKeyModel).order_by(ApiKeyModel.id))
            ]

    def revoke_key(self, prefix: str, actor: Actor = SYSTEM) -> KeyRecord:
        """Revoke the key whose prefix starts with ``prefix`` (a unique start of at least
        :data:`MIN_KEY_PREFIX` characters, see :func:`_one_key`); every process of the
        service refuses it once it next checks the keys' version (see
        :class:`threadguard.service.auth.Authenticator`). Returns the key as it was."""
        with self._sessions.write() as session:
            row = _one_key(session, prefix)
            if row.revoked_at is not None:
                raise ConflictError(f"key tg_{row.prefix}_… is already revoked")
            record = from_row(KeyRecord, row)
            row.revoked_at = utcnow()
            add_audit(session, actor, "key.revoke", "api_key", row.prefix, site=row.site)
            bump(session, KEYS)
            return record

    def rotate_key(
        self,
        prefix: str,
        actor: Actor = SYSTEM,
        shown: Callable[[str, KeyRecord], None] | None = None,
    ) -> tuple[str, KeyRecord]:
        """Replace an active key (a unique start of its prefix, as for :meth:`revoke_key`)
        by a new one with the same role, site, name and rate, and revoke it, in one
        transaction audited as ``key.rotate``: either both happen or neither. Returns the
        new key's text (the only time it exists) and the old key as it was. ``shown`` is
        given both before the transaction commits: where it raises, neither happens (the
        old key stays active rather than be replaced by a key no one holds)."""
        key = credentials.new_key()
        with self._sessions.write() as session:
            row = _one_key(session, prefix)
            if row.revoked_at is not None:
                raise ConflictError(
                    f"key tg_{row.prefix}_… is revoked: create a new one with `keys create`"
                )
            old = from_row(KeyRecord, row)
            row.revoked_at = utcnow()
            session.add(
                ApiKeyModel(
                    prefix=key.prefix,
                    secret_hash=key.secret_hash,
                    role=row.role,
                    site=row.site,
                    name=row.name,
                    rate_per_minute=row.rate_per_minute,
                    created_at=utcnow(),
                )
            )
            add_audit(
                session,
                actor,
                "key.rotate",
                "api_key",
                row.prefix,
                site=row.site,
                before={"prefix": row.prefix},
                after={
                    "prefix": key.prefix,
                    "role": row.role,
                    "site": row.site,
                    "name": row.name,
                    "rate_per_minute": row.rate_per_minute,
                },
            )
            bump(session, KEYS)
            if shown is not None:
                session.flush()
                shown(key.text, old)
        return key.text, old

    def add_user(
        self,
        name: str,
        role: str,
        password: str,
        actor: Actor = SYSTEM,
        *,
        site: str | None = None,
    ) -> None:
        """Add a moderator or admin with a scrypt-hashed password; ``site``: the one site
        the account may see and act on in the dashboard (None: every site)."""
        _check_user_role(role)
        if site is not None and not site.strip():
            raise InvalidError("a user's site must be a site's name (none: every site)")
        if not name.strip():
            raise InvalidError("a user needs a name")
        fault = user_name_fault(name)
        if fault is not None:
            raise InvalidError(f"user name {name!r}: {fault}")
        if not password:
            raise InvalidError("a user needs a password")
        hashed = credentials.hash_password(password)
        try:
            with self._sessions.write() as session:
                same = _name_in_any_case(session, name)
                if same is not None:  # "Alice" beside "alice": one person, or a look-alike
                    raise ConflictError(f"a user named {same!r} already exists")
                session.add(
                    User(name=name, role=role, password_hash=hashed, created_at=utcnow(), site=site)
                )
                session.flush()
                after = {"role": role, **({"site": site} if site is not None else {})}
                add_audit(session, actor, "user.add", "user", name, site=site, after=after)
        except IntegrityError as exc:
            raise ConflictError(f"a user named {name!r} already exists") from exc

    def verify_user(self, name: str, password: str) -> str | None:
        """The user's role when the password is right (and the user enabled), else None."""
        with self._sessions.read() as session:
            row = session.scalars(select(User).where(User.name == name)).first()
        if row is None or row.disabled:
            credentials.verify_password(password, credentials.stand_in_hash())  # same time
            return None
        return row.role if credentials.verify_password(password, row.password_hash) else None

    def users(self) -> list[UserRecord]:
        """Every account, oldest first, with how many dashboard sessions it has open
        (no password hashes: nothing that lists people needs them)."""
        with self._sessions.read() as session:
            open_sessions = dict(
                session.execute(
                    select(WebSession.user_name, func.count()).group_by(WebSession.user_name)
                ).all()
            )
            return [
                UserRecord(
                    name=u.name,
                    role=u.role,
                    disabled=u.disabled,
                    created_at=u.created_at,
                    sessions=open_sessions.get(u.name, 0),
                    site=u.site,
                )
                for u in session.scalars(select(User).order_by(User.id))
            ]

    def set_user_disabled(self, name: str, disabled: bool, actor: Actor = SYSTEM) -> int:
        """Disable an account (a moderator who left: no sign-in, and every session of
        theirs ends now) or enable it again; audited. Returns the sessions ended."""
        with self._sessions.write() as session:
            row = self._user(session, name)
            if row.disabled == disabled:
                state = "disabled" if disabled else "enabled"
                raise ConflictError(f"user {name!r} is already {state}")
            row.disabled = disabled
            ended = _end_sessions(session, name) if disabled else 0
            add_audit(
                session,
                actor,
                "user.disable" if disabled else "user.enable",
                "user",
                name,
                before={"disabled": not disabled},
                after={"disabled": disabled, "sessions_ended": ended},
            )
        return ended

    def set_password(self, name: str, password: str, actor: Actor = SYSTEM) -> int:
        """Give an account a new password and end its sessions (a reset after a leak must
        sign the other holder out too); audited without the hash. Returns the sessions
        ended."""
        if not password:
            raise InvalidError("a user needs a password")
        hashed = credentials.hash_password(password)
        with self._sessions.write() as session:
            row = self._user(session, name)
            row.password_hash = hashed
            ended = _end_sessions(session, name)
            add_audit(
                session, actor, "user.password", "user", name, after={"sessions_ended": ended}
            )
        return ended

    def set_user_role(self, name: str, role: str, actor: Actor = SYSTEM) -> None:
        """Make a moderator an admin or an admin a moderator; audited. Open sessions take
        the new role at their next request (sessions read the role from the account)."""
        _check_user_role(role)
        with self._sessions.write() as session:
            row = self._user(session, name)
            if row.role == role:
                raise ConflictError(f"user {name!r} is already {role}")
            before, row.role = row.role, role
            add_audit(
                session,
                actor,
                "user.role",
                "user",
                name,
                before={"role": before},
                after={"role": role},
            )

    @staticmethod
    def _user(session: Session, name: str) -> User:
        """The account named exactly ``name``; a miss names the account that differs only
        in case, if there is one."""
        row = session.scalars(select(User).where(User.name == name)).first()
        if row is not None:
            return row
        near = _name_in_any_case(session, name)
        hint = (
            f" (did you mean {near!r}?)" if near is not None else " (see `threadguard user list`)"
        )
        raise NotFoundError(f"no user named {name!r}{hint}")


def _check_user_role(role: str) -> None:
    if role not in USER_ROLES:
        raise InvalidError(f"a user's role is admin or moderator, not {role!r}")


def _name_in_any_case(session: Session, name: str) -> str | None:
    """The stored user name equal to ``name`` but for case ("Alice" for "alice", "Ömer"
    for "ömer"), or None. Compared here, not in SQL: SQLite's lower() folds ASCII only,
    and a team has tens of accounts, not millions."""
    folded = name.casefold()
    return next((n for n in session.scalars(select(User.name)) if n.casefold() == folded), None)


def _end_sessions(session: Session, name: str) -> int:
    """Delete every dashboard session of ``name``; how many there were."""
    result = session.execute(delete(WebSession).where(WebSession.user_name == name))
    return int(getattr(result, "rowcount", 0) or 0)


#: The fewest characters of a key's prefix that ``keys revoke`` and ``keys rotate`` take
#: (prefixes are 8 hex characters: 4 tell apart tens of keys, and a slip of the keyboard
#: is less likely to hit another one).
MIN_KEY_PREFIX = 4


def _one_key(session: Session, prefix: str) -> ApiKeyModel:
    """The one key whose prefix starts with ``prefix`` (``tg_`` and anything from the
    second ``_`` on, as in a whole key pasted, are dropped; hex letters in either case).
    :class:`InvalidError` for a start under :data:`MIN_KEY_PREFIX` characters or not
    alphanumeric, :class:`NotFoundError` when no key's prefix starts so, and
    :class:`InvalidError` naming every match when more than one does."""
    start = prefix.strip().removeprefix("tg_").split("_")[0].lower()
    if not (start.isascii() and start.isalnum()) or len(start) < MIN_KEY_PREFIX:
        raise InvalidError(
            f"give at least {MIN_KEY_PREFIX} characters of the key's prefix (letters and "
            f"digits, as `keys list` shows them after tg_), not {prefix!r}"
        )
    rows = session.scalars(
        select(ApiKeyModel)
        .where(ApiKeyModel.prefix.startswith(start, autoescape=True))
        .order_by(ApiKeyModel.id)
        .limit(21)
    ).all()
    if not rows:
        raise NotFoundError(f"no key's prefix starts with {start!r} (see `threadguard keys list`)")
    if len(rows) > 1:
        shown = "; ".join(_described(r) for r in rows[:20])
        more = " and more" if len(rows) > 20 else ""
        raise InvalidError(
            f"{start!r} is the start of {len(rows) if not more else 'over 20'} keys' prefixes: "
            f"{shown}{more}; give more of the prefix"
        )
    return rows[0]


def _described(row: ApiKeyModel) -> str:
    """A key as a refusal lists it: ``tg_ab12cd34_… (admin, site news, "me", active)``."""
    site = f"site {row.site}" if row.site else "every site"
    state = "revoked" if row.revoked_at is not None else "active"
    name = f'"{row.name}", ' if row.name else ""
    return f"tg_{row.prefix}_… ({row.role}, {site}, {name}{state})"
