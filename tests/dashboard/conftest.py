"""The dashboard's fixtures: the app in process over a fresh SQLite database, with users,
and headless Chromium for the browser tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from dashboard_support import CHROMIUM, Dashboard, need_browser
from service_support import Databases, Service

from threadguard.engine import Engine


@pytest.fixture
def dashboard(engine: Engine, databases: Databases, tmp_path: Path) -> Iterator[Dashboard]:
    with databases.fresh("sqlite", tmp_path) as url:
        service = Service(engine, url)
        yield Dashboard(service)
        service.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's Chromium, headless, through Playwright (one per test module)."""
    sync_api = need_browser()
    with sync_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        yield launched
        launched.close()
