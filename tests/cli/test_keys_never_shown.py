"""A key `keys create` or `keys rotate` could not print in full (standard output closed,
full or read by nobody) is not kept, and standard error says so: nobody holds it, yet
before it stayed active, and `keys list` showed a usable key no one could use (session
53's note: `keys create ... >&-`). A rotation that could not print its new key leaves
the old one active."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from threadguard.cli.stdout import BROKEN_PIPE_EXIT
from threadguard.storage import Store


def _close_standard_output() -> None:
    os.close(1)


def _keys(
    data_dir: Path, *args: str, closed: bool = False, stdout: int | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "threadguard", "keys", *args],
        preexec_fn=_close_standard_output if closed else None,
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
        env={**os.environ, "THREADGUARD_DATA_DIR": str(data_dir)},
    )


def _states(data_dir: Path) -> list[tuple[str, bool]]:
    store = Store.open(None, data_dir)
    try:
        return [(k.role, k.revoked_at is not None) for k in store.api_keys()]
    finally:
        store.close()


def test_a_created_key_not_shown_is_revoked(tmp_path: Path) -> None:
    result = _keys(tmp_path, "create", "--role", "client", closed=True)
    assert result.returncode == 1
    assert "could not be printed in full, so it was not kept" in result.stderr
    assert "cannot write standard output" in result.stderr
    assert _states(tmp_path) == []


def test_a_created_key_a_reader_never_read_is_revoked(tmp_path: Path) -> None:
    read, write = os.pipe()
    os.close(read)
    try:
        result = _keys(tmp_path, "create", "--role", "admin", stdout=write)
    finally:
        os.close(write)
    assert result.returncode == BROKEN_PIPE_EXIT
    assert "could not be printed in full, so it was not kept" in result.stderr
    assert _states(tmp_path) == []


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
def test_a_rotation_whose_key_was_not_shown_leaves_the_old_key_active(
    tmp_path: Path,
) -> None:
    made = _keys(tmp_path, "create", "--role", "moderator", stdout=subprocess.PIPE)
    assert made.returncode == 0, made.stderr
    prefix = made.stdout.strip().splitlines()[-1].split("_")[1]
    with open("/dev/full", "wb") as full:
        result = _keys(tmp_path, "rotate", prefix, stdout=full.fileno())
    assert result.returncode == 1
    assert "could not be printed in full, so it was not kept (the old key stays active)" in (
        result.stderr
    )
    assert _states(tmp_path) == [("moderator", False)]
    rotated = _keys(tmp_path, "rotate", prefix, stdout=subprocess.PIPE)  # and it still can be
    assert rotated.returncode == 0, rotated.stderr
    assert _states(tmp_path) == [("moderator", True), ("moderator", False)]


def test_a_shown_key_stays_active(tmp_path: Path) -> None:
    result = _keys(tmp_path, "create", "--role", "client", stdout=subprocess.PIPE)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1].startswith("tg_")
    assert _states(tmp_path) == [("client", False)]
