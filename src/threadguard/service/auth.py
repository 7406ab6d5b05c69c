"""API key authentication, roles and per-key rate limits.

A key arrives as ``Authorization: Bearer KEY`` or, for Perspective clients that only know
``developerKey``, as ``?key=KEY``. Roles nest: an admin may do everything a moderator
may, and a moderator everything a client may. A key bound to a site acts on that site
only. Keys are checked against their stored SHA-256 and cached briefly by their public
prefix, so the hot path (a Perspective ``analyze``) costs no database round trip; the key
itself is never logged, cached, or echoed in an error.

The check (:meth:`Authenticator.admit`, behind the role dependencies of
:mod:`threadguard.service.dependencies`) is ``async``: on a cache hit it does no I/O (a
dictionary lookup, a SHA-256, a token bucket), so running it on the event loop saves the
worker-thread hop FastAPI gives a plain ``def`` dependency, which cost more than the check
itself. Only a cache miss reads the database, and that read goes to a worker thread. A
revoked key stops working within ``cache_seconds`` (30 s by default) in other processes,
and at once in the process that revoked it (:meth:`Authenticator.forget`).
"""

from __future__ import annotations

import threading
import time

from fastapi.security import APIKeyQuery, HTTPBearer
from starlette.concurrency import run_in_threadpool

from threadguard.schema import Role
from threadguard.service.errors import ApiError
from threadguard.service.limits import RateLimiter, retry_after
from threadguard.service.protocols import Principal, ServiceSettings
from threadguard.storage import credentials
from threadguard.storage.records import KeyRecord
from threadguard.storage.store import Store
from threadguard.validation import check_site

DEFAULT_SITE = "default"

#: Where a request's key may be: FastAPI dependencies, which also document both in OpenAPI.
bearer_key = HTTPBearer(
    auto_error=False, description="An API key from `threadguard keys create`, as a Bearer token."
)
query_key = APIKeyQuery(
    name="key", auto_error=False, description="The API key as `?key=` (Perspective clients)."
)


def _unauthorized(message: str) -> ApiError:
    return ApiError(401, message, headers={"WWW-Authenticate": "Bearer"})


class Authenticator:
    """Checks keys, enforces roles and rate limits; one per app."""

    def __init__(
        self,
        store: Store,
        settings: ServiceSettings,
        *,
        limiter: RateLimiter | None = None,
        cache_seconds: float = 30.0,
    ) -> None:
        self.store = store
        self.settings = settings
        self.limiter = limiter or RateLimiter()
        self.cache_seconds = cache_seconds
        self._cache: dict[str, tuple[KeyRecord | None, float]] = {}
        self._lock = threading.Lock()

    def _cached(self, prefix: str) -> tuple[bool, KeyRecord | None]:
        """``(True, record)`` when the cache has a fresh answer for ``prefix`` (the record
        may be None: unknown prefixes are cached too), else ``(False, None)``."""
        with self._lock:
            hit = self._cache.get(prefix)
        if hit is not None and hit[1] > time.monotonic():
            return True, hit[0]
        return False, None

    def _load(self, prefix: str) -> KeyRecord | None:
        """Read the key from the store (blocking) and cache the answer."""
        now = time.monotonic()
        record = self.store.find_key(prefix)
        with self._lock:
            if len(self._cache) > 10_000:
                self._cache.clear()
            self._cache[prefix] = (record, now + self.cache_seconds)
        return record

    def _record(self, prefix: str) -> KeyRecord | None:
        found, record = self._cached(prefix)
        return record if found else self._load(prefix)

    def forget(self, prefix: str) -> None:
        """Drop a key from the cache (after revoking it in this process)."""
        with self._lock:
            self._cache.pop(prefix, None)

    def authenticate(self, key: str | None) -> Principal:
        """The principal for a key's text; 401 for a missing, unknown or revoked key, 429 if
        the key is over its rate."""
        if not key:
            raise _unauthorized(
                "missing API key: send 'Authorization: Bearer KEY' or add ?key=KEY to the URL"
            )
        parts = credentials.split_key(key)
        record = self._record(parts[0]) if parts is not None else None
        return self._admit(parts, record)

    async def authenticate_async(self, key: str | None) -> Principal:
        """:meth:`authenticate` for the event loop: the database is read (in a worker
        thread) only when the key is not in the cache."""
        if not key:
            return self.authenticate(key)
        parts = credentials.split_key(key)
        record = None
        if parts is not None:
            found, record = self._cached(parts[0])
            if not found:
                record = await run_in_threadpool(self._load, parts[0])
        return self._admit(parts, record)

    def _admit(self, parts: tuple[str, str] | None, record: KeyRecord | None) -> Principal:
        """The principal for a split key and its stored record; 401 or 429 as they say."""
        if (
            parts is None
            or record is None
            or record.revoked_at is not None
            or not credentials.secret_matches(parts[1], record.secret_hash)
        ):
            raise _unauthorized("invalid or revoked API key")
        rate = (
            record.rate_per_minute
            if record.rate_per_minute is not None
            else self.settings.rate_per_minute
        )
        wait = self.limiter.check(record.prefix, rate)
        if wait is not None:
            raise ApiError(
                429,
                f"rate limit of {rate} requests a minute exceeded for this key",
                headers={"Retry-After": retry_after(wait)},
            )
        return Principal(key_id=record.prefix, role=record.role, site=record.site, name=record.name)

    async def admit(self, key: str | None, role: Role) -> Principal:
        """The principal for a key if its role includes ``role``: 401, 403 or 429 if not
        (the check behind :func:`threadguard.service.dependencies.require`)."""
        principal = await self.authenticate_async(key)
        if _rank(principal.role) < role.rank:
            raise ApiError(403, f"this needs the {role} role; the key's role is {principal.role}")
        return principal


def _rank(role: str) -> int:
    """A stored role's rank (-1 for a role this version does not know)."""
    try:
        return Role(role).rank
    except ValueError:
        return -1


def actor_id(principal: Principal) -> str:
    """How a principal is named in the audit log: key name and public prefix, never the key."""
    return f"{principal.name} [{principal.key_id}]" if principal.name else f"key {principal.key_id}"


def site_scope(principal: Principal) -> tuple[str, ...] | None:
    """The sites a principal may see (None: all of them)."""
    return None if principal.site is None else (principal.site,)


def resolve_site(principal: Principal, site: str | None) -> str:
    """The site a request acts on: the one asked for, else the key's, else the default;
    403 when a site-bound key asks for another site, 400 for a name no store can keep."""
    if site is not None and principal.site is not None and site != principal.site:
        raise ApiError(403, f"this key is for site {principal.site!r}, not {site!r}")
    check_site("site", site)
    return site or principal.site or DEFAULT_SITE
