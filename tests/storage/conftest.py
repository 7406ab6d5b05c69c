"""The store's tests: every test runs on SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from service_support import DIALECTS, Databases

from threadguard.storage import Store


@pytest.fixture(params=DIALECTS)
def store(request: pytest.FixtureRequest, databases: Databases, tmp_path: Path) -> Iterator[Store]:
    """A migrated store on a fresh database of each dialect."""
    with databases.fresh(request.param, tmp_path) as url:
        s = Store.open(url, migrate=False)
        try:
            yield s
        finally:
            s.close()
