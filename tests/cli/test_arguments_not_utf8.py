"""Command-line values and typed passwords that are not UTF-8 text: one line naming the
option, argument or password, exit 2, nothing stored (they ended with a UnicodeEncodeError
line and exit 1, some after writing to the store). A file a command only reads may be
named in any bytes, as Linux allows."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from cli_support import run_cli

from threadguard.cli import service

#: How Python reads the byte 0xff of an argument (os.fsdecode): a lone surrogate, which
#: the child process gets back as that byte (os.fsencode).
FF = "\udcff"


def _in(data_dir: Path, *args: str) -> list[str]:
    return [*args, "--data-dir", str(data_dir)]


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["keys", "create", "--role", "client", "--name", FF], "'--name': '\\xff'"),
        (["keys", "create", "--role", "client", "--site", f"news{FF}"], "'--site': 'news\\xff'"),
        (
            ["user", "add", f"Jos{FF}", "--role", "admin", "--password", "a" * 12],
            "'name': 'Jos\\xff'",
        ),
        (["db", "audit", "--actor", f"Jos{FF}"], "'--actor': 'Jos\\xff'"),
        (["sites", "delete", FF], "'name': '\\xff'"),
    ],
)
def test_a_value_that_is_not_utf8_is_refused_by_name_and_nothing_is_stored(
    tmp_path: Path, args: list[str], named: str
) -> None:
    data = tmp_path / "data"
    result = run_cli(*_in(data, *args))
    assert result.returncode == 2, result.stderr
    assert result.stderr == f"error: Invalid value for {named} is not UTF-8 text\n"
    assert not data.exists()  # no store opened, let alone written


def test_a_password_that_is_not_utf8_is_refused_without_showing_it(tmp_path: Path) -> None:
    secret = "correct horse battery" + FF
    result = run_cli(*_in(tmp_path, "user", "add", "ann", "--role", "admin", "--password", secret))
    assert result.returncode == 2
    assert "'--password': the value is not UTF-8 text" in result.stderr
    assert "horse" not in result.stderr


@pytest.mark.parametrize("decoding", ["surrogateescape", "strict"])
def test_a_password_on_standard_input_that_is_not_utf8_is_refused(
    tmp_path: Path, decoding: str
) -> None:
    # as the C locale decodes stdin (a lone surrogate), and as a UTF-8 locale does (an error)
    add = ["user", "add", "ann", "--role", "admin", "--password-stdin"]
    result = subprocess.run(
        [sys.executable, "-m", "threadguard", *add, "--data-dir", str(tmp_path / "data")],
        input=b"\xffcorrect horse battery\n",
        capture_output=True,
        check=False,
        env={**os.environ, "PYTHONIOENCODING": f"utf-8:{decoding}"},
    )
    assert result.returncode == 2
    assert result.stderr == b"error: the password on standard input is not UTF-8 text\n"
    assert not (tmp_path / "data").exists()


def test_a_typed_password_that_is_not_utf8_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    import getpass

    def undecodable(prompt: str) -> str:
        raise UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")

    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr(getpass, "getpass", undecodable)
    with pytest.raises(typer.Exit) as ended:
        service._new_password("ann", None)
    assert ended.value.exit_code == 2
    monkeypatch.setattr(getpass, "getpass", lambda prompt: "correct horse battery" + FF)
    with pytest.raises(typer.Exit):
        service._new_password("ann", None)


def test_a_file_name_that_is_not_utf8_is_refused_where_it_would_be_stored(
    tmp_path: Path, archive_file: Path
) -> None:
    # Dask and Arrow take only UTF-8 names: batch made the folder, then failed
    out = tmp_path / f"out{FF}"
    result = run_cli("batch", str(archive_file), "--out", str(out))
    assert result.returncode == 2
    assert result.stderr.startswith("error: Invalid value for '--out': ")
    assert not out.exists()
    # a database URL cannot hold one either
    result = run_cli("user", "list", "--data-dir", str(tmp_path / FF))
    assert result.returncode == 2 and "'--data-dir'" in result.stderr


def test_an_environment_variable_that_is_not_utf8_is_named(tmp_path: Path) -> None:
    result = run_cli("eval", env={"THREADGUARD_DATA": str(tmp_path / FF)})
    assert result.returncode == 2
    assert result.stderr == (
        "error: Invalid value for '--data' (env var: 'THREADGUARD_DATA'): "
        f"'{tmp_path}/\\xff' is not UTF-8 text\n"
    )


def test_a_data_dir_from_the_environment_that_is_not_utf8_is_named(tmp_path: Path) -> None:
    # a code review: THREADGUARD_DATA_DIR was read past the check, a UnicodeEncodeError line
    result = run_cli("keys", "list", env={"THREADGUARD_DATA_DIR": str(tmp_path / FF)})
    assert result.returncode == 2, result.stderr
    assert "Invalid value for '--data-dir' (env var: 'THREADGUARD_DATA_DIR')" in result.stderr
    assert not (tmp_path / FF).exists()


def test_a_login_name_that_is_not_utf8_is_logged_as_unknown(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from threadguard.cli import common

    monkeypatch.setattr(common.getpass, "getuser", lambda: f"jos{FF}")
    assert common.cli_user() == "unknown"
    monkeypatch.setattr(common.getpass, "getuser", lambda: "josé")
    assert common.cli_user() == "josé"


def test_a_file_only_read_may_be_named_in_any_bytes(tmp_path: Path, example_thread: Path) -> None:
    named = tmp_path / f"thread{FF}.txt"
    shutil.copy(example_thread, named)
    result = run_cli("scan", str(named), "--tier", "fast", "--format", "json")
    assert result.returncode == 0, result.stderr
    lines = tmp_path / f"lines{FF}.jsonl"
    lines.write_text('{"id": "a", "text": "Thanks, good article."}\n', encoding="utf-8")
    result = run_cli("score", str(lines), "--tier", "fast")
    assert result.returncode == 0, result.stderr
    assert '"id": "a"' in result.stdout


@pytest.fixture
def archive_file(tmp_path: Path) -> Path:
    path = tmp_path / "archive.jsonl"
    path.write_text('{"id": "a", "thread_id": "t", "text": "Good point."}\n', encoding="utf-8")
    return path
