"""The service's tests: a running app over a fresh SQLite database, per test."""

from __future__ import annotations

import contextlib
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from service_support import DIALECTS, Databases, Service

from threadguard.engine import Engine
from threadguard.service import unavailable


@pytest.fixture(autouse=True)
def no_failed_writes_remembered() -> Iterator[None]:
    """Each test starts with no write remembered as failed for a full disk (the deep health
    check says unwritable for 30 s after one: :func:`unavailable.writes_failing`)."""
    yield
    unavailable._last_full[0] = -math.inf
    unavailable.forget_failures()


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


@pytest.fixture(params=DIALECTS)
def service_on_each_backend(
    request: pytest.FixtureRequest,
    engine: Engine,
    databases: Databases,
    tmp_path: Path,
    service_options: dict[str, Any],
) -> Iterator[Service]:
    """The ``service`` fixture's app over a fresh database of each dialect, SQLite and
    PostgreSQL."""
    with databases.fresh(request.param, tmp_path) as url:
        made = Service(engine, url, **service_options)
        yield made
        made.close()


@pytest.fixture
def make_service(engine: Engine, databases: Databases, tmp_path: Path) -> Iterator[Any]:
    """Builds apps over fresh SQLite databases with the settings given (closed after the
    test): for tests that compare settings."""
    with contextlib.ExitStack() as stack:

        def build(**settings: Any) -> Service:
            url = stack.enter_context(databases.fresh("sqlite", tmp_path))
            made = Service(engine, url, **settings)
            stack.callback(made.close)
            return made

        yield build
