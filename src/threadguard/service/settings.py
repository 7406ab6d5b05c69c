"""The service's settings: one frozen object, built once and handed to every process.

``threadguard serve`` builds it (:func:`load_settings`) from the defaults here, then
``<data-dir>/settings.toml``, then ``THREADGUARD_*`` environment variables, then its own
options, and passes it to :func:`threadguard.service.app.create_app`; with several
workers the same object is pickled to each worker process. Nothing writes the
environment to carry a setting across.

Secrets (the Coral signing secret, the metrics token) belong in the environment or in the settings file,
never on the command line, where any user of the machine can read them in ``ps``. Where
the model, policy and database are comes from the command line only: the settings file
lives in the data directory, so it cannot say where that is.
"""

from __future__ import annotations

import logging
import math
import os
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from threadguard.engine import CascadeSettings
from threadguard.schema import Tier
from threadguard.storage.db import DATA_DIR_ENV

SETTINGS_FILE = "settings.toml"
#: The engine's default tier, as the settings' type.
ENGINE_TIER = Tier(CascadeSettings.tier)


log = logging.getLogger("threadguard.service")


@dataclass(frozen=True)
class ServiceSettings:
    """Everything the service runs with: limits and secrets the routers need, the engine's
    tier and cascade band, and where the model, policy and database are."""

    max_body_bytes: int = 1_000_000
    max_text_chars: int = 20_000
    coral_secret: str | None = None
    coral_deadline_s: float = 0.5
    #: When scoring or storing a Coral comment fails or misses the deadline: False (fail
    #: closed) answers PREMOD, so nothing is published unmoderated; True answers 204.
    coral_fail_open: bool = False
    public_url: str | None = None
    #: Bodies of thread uploads (POST /api/v1/threads) may be larger than API calls.
    max_upload_bytes: int = 20_000_000
    #: Uploads of more comments than this are stored in the background: 202 and a job.
    async_upload_comments: int = 1_000
    #: Requests per minute per API key unless the key sets its own (0: no limit).
    rate_per_minute: int = 600
    #: Which models score; the default is the engine's.
    tier: Tier = ENGINE_TIER
    #: The cascade band (:class:`~threadguard.engine.CascadeSettings`); the default is the engine's.
    deep_from: float = CascadeSettings.deep_from
    #: Model directory (None: the shipped model).
    model_dir: Path | None = None
    #: Base policy file (None: the built-in news-site policy).
    policy_path: Path | None = None
    #: SQLAlchemy URL (None: SQLite in ``data_dir``).
    database_url: str | None = None
    #: Where the service keeps its data (None: ``$THREADGUARD_DATA_DIR``, else ./threadguard-data).
    data_dir: Path | None = None
    #: Log lines as escaped text or as one JSON object a line (:mod:`.log_format`).
    log_format: str = "text"
    #: Origins a browser may call the API from (CORS); none: CORS is off.
    cors_origins: tuple[str, ...] = ()
    #: Who may read ``/metrics``: ``off``, ``admin`` (an admin key) or ``open`` (anyone
    #: who can reach it: a private network only).
    metrics: str = "admin"
    #: A bearer token that may also read ``/metrics`` (a scraper then needs no API key).
    metrics_token: str | None = None
    #: How stale a process's knowledge of revoked keys may be, in seconds (0: check the
    #: store on every request; see :class:`threadguard.service.auth.Authenticator`).
    key_check_s: float = 1.0
    #: PostgreSQL: how long a statement of the service waits for a lock, and runs, before
    #: it is given up (503 with ``Retry-After``); 0: no limit.
    db_lock_timeout_s: float = 5.0
    db_statement_timeout_s: float = 30.0
    #: On SIGTERM/SIGINT: how long requests in flight may take to finish (uvicorn's
    #: ``timeout_graceful_shutdown``), and then how long a running upload job may take to
    #: finish before it is stopped (:meth:`~threadguard.service.upload_jobs.UploadJobs.close`).
    shutdown_grace_s: float = 30.0
    #: Worker processes serving (set by ``serve --workers``): each enforces its share of
    #: a key's rate (:func:`threadguard.service.limits.worker_share`).
    workers: int = 1

    @property
    def cascade(self) -> CascadeSettings:
        """The engine's cascade settings: these settings' tier and band, its other defaults."""
        return CascadeSettings(tier=self.tier, deep_from=self.deep_from)


class SettingsError(Exception):
    """A settings file or variable that cannot be used."""


def _count(value: Any) -> int:
    if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
        raise ValueError  # 5.7 requests a minute was cut to 5 without a word
    number = int(value)
    if number < 0:
        raise ValueError
    return number


def _positive_count(value: Any) -> int:
    """A whole number above 0: a limit of 0 would refuse every request."""
    number = _count(value)
    if number == 0:
        raise ValueError
    return number


#: The largest body limit: a body is held in memory whole, and zlib takes the most it may
#: inflate as a C integer (a limit of 10**23 bytes was taken at start, then every gzip body
#: was a 500: "Python int too large to convert to C ssize_t").
MAX_BODY_LIMIT = 1_000_000_000_000


def _byte_limit(value: Any) -> int:
    """A body limit in bytes: a whole number from 1 to :data:`MAX_BODY_LIMIT`."""
    number = _positive_count(value)
    if number > MAX_BODY_LIMIT:
        raise ValueError
    return number


def _positive(value: Any) -> float:
    number = float(value)
    if not 0 < number < math.inf:  # "inf" and "nan" are floats too
        raise ValueError
    return number


def _fraction(value: Any) -> float:
    number = float(value)
    if not 0.0 <= number <= 1.0:
        raise ValueError
    return number


def _seconds(value: Any) -> float:
    number = float(value)
    if not 0.0 <= number <= 3600.0:
        raise ValueError
    return number


def _choice(*options: str) -> Callable[[Any], str]:
    def parse(value: Any) -> str:
        if value not in options:
            raise ValueError
        return str(value)

    return parse


_ORIGIN = re.compile(r"https?://[^/\s?#]+")


def _origins(value: Any) -> tuple[str, ...]:
    """A list of origins (the settings file) or a comma-separated string (environment)."""
    items = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, list | tuple):
        raise TypeError
    origins = tuple(str(o).strip().rstrip("/") for o in items if str(o).strip())
    if not all(_ORIGIN.fullmatch(o) for o in origins):
        raise ValueError
    return origins


def _flag(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("1", "true", "yes", "on"):
        return True
    if isinstance(value, str) and value.strip().lower() in ("0", "false", "no", "off"):
        return False
    raise ValueError


_URL = re.compile(r"https?://[^/\s?#@]+(/[^\s?#]*)?", re.IGNORECASE)


def _url(value: Any) -> str | None:
    """An http(s) URL with a host (``notaurl`` was taken silently, and became the
    Perspective discovery document's ``rootUrl``); an empty string is no value."""
    text = _text(value)
    if text is not None and not _URL.fullmatch(text):
        raise ValueError
    return text


def _text(value: Any) -> str | None:
    if not isinstance(value, str):
        raise TypeError
    return value or None  # an empty string is no value


_BYTES = f"a whole number of bytes from 1 to {MAX_BODY_LIMIT:,}"
#: What the settings file and the environment may set: each setting's parser, and what
#: a value must be (for the message when the parser refuses it).
PARSERS: dict[str, tuple[Callable[[Any], Any], str]] = {
    "max_body_bytes": (_byte_limit, _BYTES),
    "max_text_chars": (_positive_count, "a whole number above 0"),
    "coral_secret": (_text, "a string"),
    "coral_deadline_s": (_positive, "a positive number"),
    "coral_fail_open": (_flag, "true or false"),
    "public_url": (_url, "an http:// or https:// URL such as https://moderation.example"),
    "max_upload_bytes": (_byte_limit, _BYTES),
    "async_upload_comments": (_count, "a whole number, 0 or more (0: every upload is a job)"),
    "rate_per_minute": (_count, "a whole number, 0 or more (0: no limit)"),
    "tier": (Tier, "fast, cascade or deep"),
    "deep_from": (_fraction, "a number from 0 to 1"),
    "log_format": (_choice("text", "json"), "text or json"),
    "cors_origins": (_origins, "origins such as https://news.example (a list, or comma-separated)"),
    "metrics": (_choice("off", "admin", "open"), "off, admin or open"),
    "metrics_token": (_text, "a string"),
    "key_check_s": (_seconds, "a number of seconds from 0 to 3600"),
    "db_lock_timeout_s": (_seconds, "a number of seconds from 0 to 3600 (0: no limit)"),
    "db_statement_timeout_s": (_seconds, "a number of seconds from 0 to 3600 (0: no limit)"),
    "shutdown_grace_s": (_seconds, "a number of seconds from 0 to 3600"),
}
#: Environment variables and the setting each one sets.
ENVIRONMENT = {
    "THREADGUARD_CORAL_SECRET": "coral_secret",
    "THREADGUARD_CORAL_DEADLINE_S": "coral_deadline_s",
    "THREADGUARD_CORAL_FAIL_OPEN": "coral_fail_open",
    "THREADGUARD_PUBLIC_URL": "public_url",
    "THREADGUARD_MAX_BODY_BYTES": "max_body_bytes",
    "THREADGUARD_MAX_UPLOAD_BYTES": "max_upload_bytes",
    "THREADGUARD_ASYNC_UPLOAD_COMMENTS": "async_upload_comments",
    "THREADGUARD_MAX_TEXT_CHARS": "max_text_chars",
    "THREADGUARD_RATE_PER_MINUTE": "rate_per_minute",
    "THREADGUARD_TIER": "tier",
    "THREADGUARD_DEEP_FROM": "deep_from",
    "THREADGUARD_LOG_FORMAT": "log_format",
    "THREADGUARD_CORS_ORIGINS": "cors_origins",
    "THREADGUARD_METRICS": "metrics",
    "THREADGUARD_METRICS_TOKEN": "metrics_token",
    "THREADGUARD_KEY_CHECK_S": "key_check_s",
    "THREADGUARD_DB_LOCK_TIMEOUT_S": "db_lock_timeout_s",
    "THREADGUARD_DB_STATEMENT_TIMEOUT_S": "db_statement_timeout_s",
    "THREADGUARD_SHUTDOWN_GRACE_S": "shutdown_grace_s",
}


def _coerce(name: str, value: Any, source: str) -> Any:
    parse, kind = PARSERS[name]
    try:
        return parse(value)
    except (TypeError, ValueError):
        raise SettingsError(f"{source}: {name} must be {kind}, got {value!r}") from None


def _from_file(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise SettingsError(f"{path}: cannot read settings: {exc}") from exc
    known = {f.name for f in fields(ServiceSettings)}
    unknown = set(data) - known
    if unknown:
        raise SettingsError(f"{path}: unknown setting(s) {', '.join(sorted(unknown))}")
    elsewhere = set(data) - set(PARSERS)
    if elsewhere:
        raise SettingsError(
            f"{path}: {', '.join(sorted(elsewhere))} can only be given on the command line"
        )
    return {k: _coerce(k, v, str(path)) for k, v in data.items()}


#: ThreadGuard's environment variables that are not settings of this table: the service's
#: data directory (read where the store is found), the labelled data of the command line,
#: and the test suite's.
OTHER_VARIABLES = frozenset(
    {
        DATA_DIR_ENV,
        "THREADGUARD_DATA",
        "THREADGUARD_TEST_POSTGRES",
        "THREADGUARD_REQUIRE_POSTGRES",
        "THREADGUARD_SCREENSHOTS",
    }
)


def load_settings(
    data_dir: Path | None = None,
    environ: Mapping[str, str] | None = None,
    **overrides: Any,
) -> ServiceSettings:
    """The settings: defaults, then ``data_dir``'s settings file, then the environment,
    then ``overrides`` (command-line options; None means not given)."""
    env = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    if data_dir is not None:
        values["data_dir"] = data_dir
        if (data_dir / SETTINGS_FILE).is_file():
            values.update(_from_file(data_dir / SETTINGS_FILE))
    for variable, name in ENVIRONMENT.items():
        if env.get(variable):
            values[name] = _coerce(name, env[variable], variable)
    for variable in sorted(set(env) - set(ENVIRONMENT) - OTHER_VARIABLES):
        if variable.startswith("THREADGUARD_"):
            # a mistyped name (THREADGUARD_RATE_PER_MINUT) was ignored without a word
            log.warning("%s is no ThreadGuard setting and is ignored", variable)
    values.update({k: v for k, v in overrides.items() if v is not None})
    return replace(ServiceSettings(), **values)
