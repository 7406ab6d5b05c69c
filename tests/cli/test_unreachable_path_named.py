"""A file or folder a command cannot reach is named with the system's reason, in one line:
the catch-all said ``error: PermissionError: [Errno 13] Permission denied: '/srv/x'`` or
``error: OSError: [Errno 36] File name too long: '...'`` (scan FILE, batch --out, policy
init, keys --data-dir, eval --data, a --model folder not the user's); and ``policy init``
given a folder said it "already exists (pass --force to overwrite it)", which --force did
not."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from cli_support import run_cli

LONG = "a" * 300  # over any file system's 255 bytes a name


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["scan", "{long}.txt"], id="scan"),
        pytest.param(["policy", "init", "{long}.toml"], id="policy-init"),
        pytest.param(["keys", "list", "--data-dir", "{long}"], id="keys-data-dir"),
    ],
)
def test_a_name_too_long_is_named_without_the_exceptions_class(
    args: list[str], tmp_path: Path
) -> None:
    path = tmp_path / LONG
    result = run_cli(*(a.format(long=path) for a in args))
    assert (result.returncode, result.stderr) == (
        1,
        f"error: {path}{args[-1].removeprefix('{long}')}: File name too long\n",
    )


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_a_file_under_a_folder_not_ours_is_named(tmp_path: Path) -> None:
    closed = tmp_path / "closed"
    closed.mkdir()
    closed.chmod(0)
    try:
        result = run_cli("scan", str(closed / "thread.txt"))
    finally:
        closed.chmod(0o700)
    assert (result.returncode, result.stderr) == (
        1,
        f"error: {closed / 'thread.txt'}: Permission denied\n",
    )


def test_policy_init_given_a_folder_says_so(tmp_path: Path) -> None:
    for force in ([], ["--force"]):
        result = run_cli("policy", "init", str(tmp_path), *force)
        assert result.returncode == 2
        assert " ".join(result.stderr.split()) == (
            f"error: {tmp_path}: is a folder; name the file to write in it (say "
            f"{tmp_path / 'my_site.toml'})"
        )
