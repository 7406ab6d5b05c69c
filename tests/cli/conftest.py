"""A store in the test's own data folder, which the command line then reads."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from threadguard.storage import Store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """The SQLite store the command line opens with ``THREADGUARD_DATA_DIR=tmp_path``."""
    made = Store.open(None, tmp_path)
    yield made
    made.close()
