"""The dashboard's in-process tests: the app over a fresh SQLite database, with users."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from dashboard_support import Dashboard
from service_support import Databases, Service

from threadguard.engine import Engine


@pytest.fixture
def dashboard(engine: Engine, databases: Databases, tmp_path: Path) -> Iterator[Dashboard]:
    with databases.fresh("sqlite", tmp_path) as url:
        service = Service(engine, url)
        yield Dashboard(service)
        service.close()
