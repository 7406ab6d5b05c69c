"""Who is signed in to the dashboard: sessions in the store, cookies, back-off.

Signing in checks the password (scrypt, in a worker thread: it is slow on purpose) and
then starts a server-side session: a random token in an ``HttpOnly``,
``SameSite=Strict`` cookie (``Secure`` whenever the page was reached over HTTPS or the
service's public URL is HTTPS), of which the store keeps only the hash. A session ends
at sign-out, after :data:`IDLE` without a request, or :data:`LIFETIME` after sign-in.

Failed sign-ins are counted per address, per name from that address, and per name from
every address together. Past a few failures from one address (whatever the names), or of
one name from one address, each further one locks that address, or that name there, for
longer (:class:`~threadguard.storage.repositories.web_sessions.BackOff`), and a locked
attempt is refused without its password being checked. The name's own count has a much
higher threshold (:data:`NAME_BACK_OFF`) and its lock refuses only addresses that have
already failed that name: guessing one name from many addresses is slowed, but nobody can
lock the real user out by failing their name from elsewhere (the right password from an
address that has not failed is still checked and accepted). Every failed attempt is in the
audit log (as the anonymous actor, the name tried as its object), and the first refusal
of each lock.

The address is the connection's (:func:`client_ip`): ``X-Forwarded-For`` is honoured only
by uvicorn, and only from the proxies that ``FORWARDED_ALLOW_IPS`` names (uvicorn's
setting; by default the loopback addresses, that is a proxy on the same machine), so a
client connecting directly cannot pick the address its failures count against.

Pages depend on :data:`SignedIn` (a moderator or admin, any method) or
:data:`Checked` (the same, for a POST, with its CSRF token checked); an admin-only page
on :data:`AdminSignedIn` / :data:`AdminChecked`.
"""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Annotated, cast

from fastapi import Depends, Request, Response
from starlette.concurrency import run_in_threadpool

from threadguard.dashboard import csrf
from threadguard.schema import Role
from threadguard.service.context import ServiceState
from threadguard.storage.records import Actor
from threadguard.storage.repositories.web_sessions import BackOff
from threadguard.storage.store import Store

#: The session cookie.
COOKIE = "tg_session"
#: A session ends this long after its last request...
IDLE = timedelta(hours=1)
#: ... and this long after sign-in in any case.
LIFETIME = timedelta(hours=12)
#: When failed sign-ins start to lock an address, or a name from one address, and for how
#: long.
BACK_OFF = BackOff()
#: When failed sign-ins of one name from every address together start to lock it, for the
#: addresses that have failed it (never for one that has not: see :func:`sign_in`).
NAME_BACK_OFF = BackOff(free_failures=20)
#: Longer values are not tokens we made (and are not looked up).
MAX_TOKEN = 100


class SignInRequired(Exception):
    """The request needs a signed-in moderator or admin, and has none (or the role is
    too weak: ``role_too_weak``)."""

    def __init__(self, role_too_weak: bool = False, user: WebUser | None = None) -> None:
        super().__init__("sign in required")
        self.role_too_weak = role_too_weak
        #: Who is signed in, when it is the role that is too weak (the page keeps its
        #: navigation and sign-out).
        self.user = user


@dataclass(frozen=True)
class WebUser:
    """The person a request comes from: name, role, session, the page's CSRF token, and
    the one site the account is limited to (None: every site)."""

    name: str
    role: str
    session_id: int
    csrf: str
    site: str | None = None

    @property
    def sites(self) -> tuple[str, ...] | None:
        """The sites the user may see and act on (None: all of them), as the store's
        ``sites`` filters take them (the same scope as a site-bound key's)."""
        return None if self.site is None else (self.site,)

    def may_see(self, site: str) -> bool:
        """Whether the user may see and act on ``site``."""
        return self.site is None or site == self.site

    def visible(self, names: list[str]) -> list[str]:
        """Of the site names, those the user may see (a site filter's choices)."""
        return [n for n in names if self.may_see(n)]

    @property
    def actor(self) -> Actor:
        """The user as the audit log and moderator actions record them."""
        return Actor(self.name, self.role)

    @property
    def is_admin(self) -> bool:
        return self.role == Role.ADMIN


def state_of(request: Request) -> ServiceState:
    """The app's service state (engine, store, settings, policies)."""
    return cast(ServiceState, request.app.state.service)


def store_of(request: Request) -> Store:
    """The app's store."""
    return state_of(request).store


def client_ip(request: Request) -> str:
    """The address a request came from: the connection's; a proxy's ``X-Forwarded-For``
    only where uvicorn trusts that proxy (``FORWARDED_ALLOW_IPS``), never a header a
    client sends directly."""
    return request.client.host if request.client is not None else "unknown"


def secure_cookies(request: Request) -> bool:
    """Whether cookies get ``Secure``: over HTTPS, or when the public URL is HTTPS (a
    TLS proxy in front); plain HTTP is for a service on this machine."""
    public = state_of(request).settings.public_url or ""
    return request.url.scheme == "https" or public.lower().startswith("https://")


def set_cookie(request: Request, response: Response, name: str, value: str, max_age: int) -> None:
    """Set a dashboard cookie: HttpOnly, SameSite=Strict, Secure over HTTPS."""
    response.set_cookie(
        name,
        value,
        max_age=max_age,
        path="/",
        httponly=True,
        samesite="strict",
        secure=secure_cookies(request),
    )


def forget_cookie(request: Request, response: Response, name: str) -> None:
    """Delete a dashboard cookie."""
    response.delete_cookie(
        name, path="/", httponly=True, samesite="strict", secure=secure_cookies(request)
    )


def session_token(request: Request) -> str | None:
    """The session cookie's token, if it looks like one of ours."""
    token = request.cookies.get(COOKIE)
    if not token or len(token) > MAX_TOKEN:
        return None
    return token


async def current_user(request: Request) -> WebUser | None:
    """The signed-in user of a request, or None."""
    token = session_token(request)
    if token is None:
        return None
    record = await run_in_threadpool(store_of(request).find_session, token, idle=IDLE)
    if record is None:
        return None
    return WebUser(record.user_name, record.role, record.id, csrf.token_for(token), record.site)


def require_web(role: Role, *, check_csrf: bool) -> Callable[[Request], Awaitable[WebUser]]:
    """A dependency: the signed-in user if their role includes ``role`` (else
    :class:`SignInRequired`), with the request's CSRF token checked when ``check_csrf``
    (else :class:`~threadguard.dashboard.csrf.CsrfRefused`)."""

    async def dependency(request: Request) -> WebUser:
        user = await current_user(request)
        if user is None:
            raise SignInRequired
        if Role(user.role).rank < role.rank:
            raise SignInRequired(role_too_weak=True, user=user)
        if check_csrf:
            await csrf.check(request, user.csrf)
        return user

    dependency.__name__ = f"web_{role}{'_checked' if check_csrf else ''}"
    return dependency


#: A signed-in moderator or admin (pages, GET).
SignedIn = Annotated[WebUser, Depends(require_web(Role.MODERATOR, check_csrf=False))]
#: The same for a POST: the CSRF token is checked.
Checked = Annotated[WebUser, Depends(require_web(Role.MODERATOR, check_csrf=True))]
#: A signed-in admin (pages, GET).
AdminSignedIn = Annotated[WebUser, Depends(require_web(Role.ADMIN, check_csrf=False))]
#: A signed-in admin's POST, CSRF token checked.
AdminChecked = Annotated[WebUser, Depends(require_web(Role.ADMIN, check_csrf=True))]


@dataclass(frozen=True)
class SignInOutcome:
    """A sign-in attempt's result: the new session's token, or why not."""

    token: str | None = None
    role: str | None = None
    locked_until: datetime | None = None

    @property
    def ok(self) -> bool:
        return self.token is not None


@dataclass(frozen=True)
class FailureKeys:
    """The back-off counters of a sign-in attempt: its address, the name from that
    address, and the name from every address."""

    address: str
    pair: str
    name: str

    @property
    def all(self) -> list[str]:
        return [self.address, self.pair, self.name]


def failure_keys(user: str, ip: str) -> FailureKeys:
    """The back-off counters a failed sign-in counts against (the address first in the
    pair's key: a name may contain any separator, an address none)."""
    return FailureKeys(
        address=f"ip:{ip[:64]}",
        pair=f"pair:{ip[:64]}|{user[:200]}",
        name=f"user:{user[:280]}",
    )


#: Per counter, the lock whose first refusal this process has audited (bounded: cleared
#: when full, which at worst audits a lock's refusal once more).
_AUDITED_LOCKS: dict[str, datetime] = {}
_AUDITED_LOCKS_MAX = 10_000


def first_refusal(keys: list[str], locked: datetime) -> bool:
    """Whether this refusal under the lock ending at ``locked`` is the first this process
    has seen of any of ``keys`` (new names tried from a locked address, or a locked name
    tried from new addresses, are the same lock)."""
    seen = any(_AUDITED_LOCKS.get(key) == locked for key in keys)
    if len(_AUDITED_LOCKS) >= _AUDITED_LOCKS_MAX:
        _AUDITED_LOCKS.clear()
    _AUDITED_LOCKS.update(dict.fromkeys(keys, locked))
    return not seen


def lock_on(store: Store, keys: FailureKeys) -> datetime | None:
    """Until when this attempt is refused without its password being checked: its address
    or its name from this address locked, or its name locked and this address one that
    has failed it (an address that has not is never refused for the name's lock)."""
    locked = store.locked_until([keys.address, keys.pair])
    if locked is not None:
        return locked
    name_locked = store.locked_until([keys.name])
    if name_locked is not None and store.web.failure_counts([keys.pair]):
        return name_locked
    return None


def sign_in(store: Store, user: str, password: str, ip: str) -> SignInOutcome:
    """Check a name and password (run in a worker thread: scrypt is slow) and start a
    session, counting failures and refusing locked attempts (all audited)."""
    keys = failure_keys(user, ip)
    locked = lock_on(store, keys)
    if locked is not None:
        # Locked: do not even check the password (that would let guessing go on), and
        # audit the refusal once per lock: a row for each let anyone signed out grow the
        # database by 750 bytes a request (180 a second from one connection)
        if first_refusal(keys.all, locked):
            store.sign_in_failed(user, [], ip=ip, why="locked", back_off=BACK_OFF)
        return SignInOutcome(locked_until=locked)
    role = store.verify_user(user, password) if user and password else None
    if role is None or Role(role).rank < Role.MODERATOR.rank:
        store.sign_in_failed(
            user,
            keys.all,
            ip=ip,
            why="bad credentials",
            back_off=BACK_OFF,
            back_offs={keys.name: NAME_BACK_OFF},
        )
        return SignInOutcome(locked_until=lock_on(store, keys))
    # The name from this address starts again; the address does not (one right password
    # must not unlock guessing at other accounts), nor the name elsewhere.
    store.clear_failures(keys.pair)
    store.web.drop_expired_sessions(idle=IDLE)  # housekeeping, at a moment that is rare
    token = secrets.token_urlsafe(32)
    store.start_session(token, user, role, ip=ip, lifetime=LIFETIME)
    return SignInOutcome(token=token, role=role)
