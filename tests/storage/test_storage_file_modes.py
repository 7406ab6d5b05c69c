"""The embedded database holds key and password hashes, comments and authors: its file
is readable by its owner alone, and so is the data folder ThreadGuard makes for it."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from threadguard.storage import Store
from threadguard.storage.db import SQLITE_FILE

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_database_file_is_0600_and_the_folder_we_make_0700(tmp_path: Path) -> None:
    old = os.umask(0o022)  # the usual umask, which leaves new files world-readable
    try:
        folder = tmp_path / "made" / "data"
        store = Store.open(None, folder)
        try:
            store.create_key("admin", name="root")  # a write: the WAL and its index appear
            assert mode(folder) == 0o700
            files = sorted(folder.iterdir())
            assert folder / SQLITE_FILE in files
            for path in files:
                assert mode(path) == 0o600, path
        finally:
            store.close()
    finally:
        os.umask(old)


def test_an_existing_folder_keeps_its_mode(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir(mode=0o750)
    folder.chmod(0o750)
    store = Store.open(None, folder)
    store.close()
    assert mode(folder) == 0o750
    assert mode(folder / SQLITE_FILE) == 0o600
