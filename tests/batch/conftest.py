"""The batch tests' fixtures: a small archive, written on the fly."""

from __future__ import annotations

from pathlib import Path

import pytest
from batch_support import archive_rows, write_jsonl


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """A JSON Lines archive: 6 threads of 5 comments."""
    return write_jsonl(tmp_path / "archive.jsonl", archive_rows(6, 5))
