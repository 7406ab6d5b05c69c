"""A database file this user may read but not write (another user's) is named as one that
cannot be opened for writing, with what to do: it was "cannot create the database file",
of a file that was there."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from threadguard.storage import db


def test_an_existing_file_that_cannot_be_written_is_not_said_to_be_created(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = tmp_path / "threadguard.db"
    file.write_bytes(b"")
    opened = os.open

    def refused(path: str, flags: int, mode: int = 0o777) -> int:
        if Path(path) == file and flags & os.O_RDWR:  # as for a file not this user's
            raise PermissionError(13, "Permission denied", str(path))
        return opened(path, flags, mode)

    monkeypatch.setattr(db.os, "open", refused)
    with pytest.raises(db.DatabaseError) as raised:
        db.connect(f"sqlite:///{file}")
    assert str(raised.value) == (
        f"cannot open the database file {file} for writing: Permission denied. Every command "
        "writes to it (SQLite's write-ahead log, beside it): run it as the user who owns the "
        "file, or give this one write access to the file and its folder"
    )


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes any file")
def test_a_read_only_database_file_is_named(tmp_path: Path) -> None:
    file = tmp_path / "threadguard.db"
    file.write_bytes(b"")
    file.chmod(0o400)
    with pytest.raises(db.DatabaseError, match="for writing: Permission denied"):
        db.connect(f"sqlite:///{file}")
