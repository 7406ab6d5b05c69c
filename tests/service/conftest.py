"""The service's tests: a running app over a fresh SQLite database, per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from service_support import Databases, Service

from threadguard.engine import Engine


@pytest.fixture
def service_options() -> dict[str, Any]:
    """Settings for the ``service`` fixture; a test module overrides this to change them."""
    return {}


@pytest.fixture
def service(
    engine: Engine, databases: Databases, tmp_path: Path, service_options: dict[str, Any]
) -> Iterator[Service]:
    """The app (shipped engine, default policy) over a fresh SQLite database."""
    with databases.fresh("sqlite", tmp_path) as url:
        made = Service(engine, url, **service_options)
        yield made
        made.close()
