"""Service settings: defaults, then ``<data-dir>/settings.toml``, then the environment.

Secrets (the Coral signing secret) belong in the environment or in the settings file,
never on the command line, where any user of the machine can read them in ``ps``.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

from threadguard.service.protocols import ServiceSettings

SETTINGS_FILE = "settings.toml"
#: Environment variables and the setting each one sets.
ENVIRONMENT = {
    "THREADGUARD_CORAL_SECRET": "coral_secret",
    "THREADGUARD_CORAL_DEADLINE_S": "coral_deadline_s",
    "THREADGUARD_PUBLIC_URL": "public_url",
    "THREADGUARD_MAX_BODY_BYTES": "max_body_bytes",
    "THREADGUARD_MAX_UPLOAD_BYTES": "max_upload_bytes",
    "THREADGUARD_MAX_TEXT_CHARS": "max_text_chars",
    "THREADGUARD_RATE_PER_MINUTE": "rate_per_minute",
}


class SettingsError(Exception):
    """A settings file or variable that cannot be used."""


def _coerce(name: str, value: Any, source: str) -> Any:
    kinds = {f.name: f.type for f in fields(ServiceSettings)}
    kind = str(kinds[name])
    try:
        if kind.startswith("int"):
            if isinstance(value, bool):
                raise ValueError
            number = int(value)
            if number < 0:
                raise ValueError
            return number
        if kind.startswith("float"):
            number_f = float(value)
            if number_f <= 0:
                raise ValueError
            return number_f
    except (TypeError, ValueError):
        raise SettingsError(f"{source}: {name} must be a positive number, got {value!r}") from None
    if not isinstance(value, str):
        raise SettingsError(f"{source}: {name} must be a string")
    return value or None


def load_settings(
    data_dir: Path | None = None,
    environ: Mapping[str, str] | None = None,
    **overrides: Any,
) -> ServiceSettings:
    """Settings from the data directory's settings file, the environment and ``overrides``."""
    env = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    known = {f.name for f in fields(ServiceSettings)}
    if data_dir is not None and (data_dir / SETTINGS_FILE).is_file():
        path = data_dir / SETTINGS_FILE
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise SettingsError(f"{path}: cannot read settings: {exc}") from exc
        unknown = set(data) - known
        if unknown:
            raise SettingsError(f"{path}: unknown setting(s) {', '.join(sorted(unknown))}")
        values.update({k: _coerce(k, v, str(path)) for k, v in data.items()})
    for variable, name in ENVIRONMENT.items():
        if env.get(variable):
            values[name] = _coerce(name, env[variable], variable)
    values.update({k: v for k, v in overrides.items() if v is not None})
    return replace(ServiceSettings(), **values)
