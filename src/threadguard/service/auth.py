"""API key authentication, roles and per-key rate limits.

A key arrives as ``Authorization: Bearer KEY`` or, for Perspective clients that only know
``developerKey``, as ``?key=KEY``. Roles nest: an admin may do everything a moderator
may, and a moderator everything a client may. A key bound to a site acts on that site
only. Keys are checked against their stored SHA-256 and cached by their public prefix,
so the hot path (a Perspective ``analyze``) costs no database round trip; the key itself
is never logged, cached, or echoed in an error.

**Revocation.** Every key created or revoked bumps the keys' version in the store
(:mod:`threadguard.storage.repositories.counters`), in the same transaction. Each process
reads that one number at most every ``key_check_s`` seconds (1 s by default; one read
serves all the requests that arrive meanwhile) and empties its cache when it has moved.
So a key revoked at time T is refused, in every worker and on every machine, by each
request that starts after T + ``key_check_s``; with ``key_check_s = 0`` each request
reads the version itself, and a revocation takes effect at once, for one indexed
single-row read per request. If the version cannot be read, the request gets 503: a
revocation is never assumed not to have happened. The cache's entries also expire after
``cache_seconds`` (30 s), for a key changed by hand in the database.

The check (:meth:`Authenticator.admit`, behind the role dependencies of
:mod:`threadguard.service.dependencies`) is ``async``: on a cache hit it does no I/O (a
dictionary lookup, a SHA-256, a token bucket), so running it on the event loop saves the
worker-thread hop FastAPI gives a plain ``def`` dependency, which cost more than the check
itself. The reads of the store go to a worker thread.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future

from fastapi.security import APIKeyHeader, APIKeyQuery, HTTPBearer
from starlette.concurrency import run_in_threadpool

from threadguard.schema import Role
from threadguard.service.errors import ApiError
from threadguard.service.limits import RateLimiter, retry_after
from threadguard.service.protocols import Principal, ServiceSettings
from threadguard.service.unavailable import describe
from threadguard.storage import credentials
from threadguard.storage.records import KeyRecord, StoreBusyError
from threadguard.storage.store import Store
from threadguard.validation import check_name, check_site

log = logging.getLogger("threadguard.service")

DEFAULT_SITE = "default"

#: Where a request's key may be: FastAPI dependencies, which also document both in OpenAPI.
bearer_key = HTTPBearer(
    auto_error=False, description="An API key from `threadguard keys create`, as a Bearer token."
)
query_key = APIKeyQuery(
    name="key", auto_error=False, description="The API key as `?key=` (Perspective clients)."
)
header_key = APIKeyHeader(
    name="X-Goog-Api-Key",
    auto_error=False,
    description="The API key in Google's header (Perspective clients that send it there).",
)


def _unauthorized(message: str) -> ApiError:
    return ApiError(401, message, headers={"WWW-Authenticate": "Bearer"})


class Authenticator:
    """Checks keys, enforces roles and rate limits; one per app (see the module docs)."""

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
        self.limiter = limiter or RateLimiter(workers=settings.workers)
        self.cache_seconds = cache_seconds
        self.check_seconds = settings.key_check_s
        #: prefix -> (record or None, expiry, the keys' version it was read under)
        self._cache: dict[str, tuple[KeyRecord | None, float, int | None]] = {}
        self._lock = threading.Lock()
        self._version: int | None = None
        self._version_read_at = float("-inf")
        #: The last read of the keys' version: when it started, and its outcome.
        self._check: tuple[float, Future[int]] | None = None

    # ------------------------------------------------------------------ revocations

    def _read_version(self, started: float, future: Future[int]) -> None:
        """Read the keys' version (blocking); a new one empties the cache. A read that
        started before the one whose answer is kept is older news, and is dropped."""
        try:
            version = self.store.keys_version()
        except Exception as exc:
            future.set_exception(exc)
            return
        with self._lock:
            if started > self._version_read_at:
                self._version_read_at = started
                if version != self._version:
                    self._version = version
                    self._cache.clear()
        future.set_result(version)

    async def _check_revocations(self) -> None:
        """Make sure the keys' version was read no more than ``check_seconds`` before now.

        One read serves every request that arrives while it is under way and started
        recently enough; with ``check_seconds`` 0 each request reads it itself. A version
        that cannot be read refuses the request (503): a key's revocation is never
        assumed not to have happened.
        """
        now = time.monotonic()
        with self._lock:
            check = self._check
            fresh = check is not None and check[0] >= now - self.check_seconds
            if fresh and check is not None and self.check_seconds > 0:
                future = check[1]
                mine = False
            else:
                future = Future()
                self._check = (now, future)
                mine = True
        if mine:
            await run_in_threadpool(self._read_version, now, future)
        elif future.done() and future.exception() is None:
            return  # the usual case: a recent read, already answered
        try:
            await asyncio.wrap_future(future)
        except Exception as exc:
            with self._lock:
                if self._check is not None and self._check[1] is future:
                    self._check = None  # the next request tries again
            log.error("cannot read the API keys' version: %s", describe(exc))
            raise StoreBusyError("cannot check API keys now; try again shortly") from exc

    # ------------------------------------------------------------------ the cache

    def _cached(self, prefix: str) -> tuple[bool, KeyRecord | None]:
        """``(True, record)`` when the cache has a fresh answer for ``prefix`` (the record
        may be None: unknown prefixes are cached too), else ``(False, None)``."""
        with self._lock:
            hit = self._cache.get(prefix)
            version = self._version
        if hit is not None and hit[1] > time.monotonic() and hit[2] == version:
            return True, hit[0]
        return False, None

    def _load(self, prefix: str) -> KeyRecord | None:
        """Read the key from the store (blocking) and cache the answer under the keys'
        version known before the read (so a revocation seen meanwhile discards it)."""
        with self._lock:
            version = self._version
        now = time.monotonic()
        record = self.store.find_key(prefix)
        with self._lock:
            if len(self._cache) > 10_000:
                self._cache.clear()
            self._cache[prefix] = (record, now + self.cache_seconds, version)
        return record

    def forget(self, prefix: str) -> None:
        """Drop a key from the cache (after revoking it in this process)."""
        with self._lock:
            self._cache.pop(prefix, None)

    async def authenticate(self, key: str | None) -> Principal:
        """The principal for a key's text; 401 for a missing, unknown or revoked key, 429 if
        the key is over its rate. The database is read (in a worker thread) only for the
        keys' version now and then, and for a key not in the cache."""
        if not key:
            raise _unauthorized(
                "missing API key: send 'Authorization: Bearer KEY' or add ?key=KEY to the URL"
            )
        parts = credentials.split_key(key)
        record = None
        if parts is not None:
            await self._check_revocations()
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
        principal = await self.authenticate(key)
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


def resolve_site(
    principal: Principal,
    site: str | None,
    *,
    making: bool = False,
    exists: Callable[[str], bool] | None = None,
) -> str:
    """The site a request acts on: the one asked for, else the key's, else the default;
    403 when a site-bound key asks for another site, 400 for a name no store can keep, or,
    where the request may make the site (``making``: an upload, a policy), for a name no
    site may have (:func:`threadguard.validation.site_problem`) unless ``exists`` (the
    store's ``has_site``) says the site is there already. A request that reads or deletes a site takes
    any stored name, so one made before that rule can be used and cleaned up.
    An empty ``site`` (``?site=``, a template's unset variable) is none given: a site-bound
    key was refused it as "this key is for site 'news', not ''"."""
    site = site or None
    if site is not None and principal.site is not None and site != principal.site:
        raise ApiError(403, f"this key is for site {principal.site!r}, not {site!r}")
    if making:
        check_site("site", site, exists=exists)
    else:
        check_name("site", site)
    return site or principal.site or DEFAULT_SITE
