"""``threadguard db backup FILE``: a whole, checked copy of the SQLite store, taken while it
serves (two desks of session 51 looked for backup among the commands), and PostgreSQL sent
to its own tools."""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
import threading
from contextlib import closing
from pathlib import Path

import pytest
from cli_support import run_cli

from threadguard.cli import backup


def _store_in(data: Path) -> Path:
    """A data folder with a store in it (one admin key)."""
    made = run_cli("keys", "create", "--role", "admin", "--name", "a", "--data-dir", str(data))
    assert made.returncode == 0, made.stderr
    return data


def _keys(path: Path) -> int:
    with closing(sqlite3.connect(path)) as conn:
        return int(conn.execute("SELECT count(*) FROM api_keys").fetchone()[0])


def test_a_backup_holds_what_the_database_holds_and_never_overwrites(tmp_path: Path) -> None:
    data = tmp_path / "data"
    made = run_cli("keys", "create", "--role", "admin", "--name", "ops", "--data-dir", str(data))
    assert made.returncode == 0, made.stderr
    copy = tmp_path / "backup.db"
    result = run_cli("db", "backup", str(copy), "--data-dir", str(data))
    assert result.returncode == 0, result.stderr
    assert "checked whole" in result.stdout
    assert _keys(copy) == _keys(data / "threadguard.db") == 1
    # owner-only, as the database is: it holds key and password hashes (a code review)
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert not (tmp_path / "backup.db.partial").exists()
    # a second key, then a backup over the first only when asked
    run_cli(
        "keys",
        "create",
        "--role",
        "client",
        "--name",
        "cms",
        "--site",
        "news",
        "--data-dir",
        str(data),
    )
    again = run_cli("db", "backup", str(copy), "--data-dir", str(data))
    assert again.returncode == 2 and "--force" in again.stderr and _keys(copy) == 1
    forced = run_cli("db", "backup", str(copy), "--data-dir", str(data), "--force")
    assert forced.returncode == 0 and _keys(copy) == 2


def test_a_backup_that_cannot_be_made_says_why_and_writes_nothing(tmp_path: Path) -> None:
    data = _store_in(tmp_path / "data")
    db = data / "threadguard.db"
    cases = [
        (["db", "backup", str(tmp_path / "no" / "b.db"), "--data-dir", str(data)], "no folder"),
        (["db", "backup", str(tmp_path), "--data-dir", str(data)], "is a folder"),
        (["db", "backup", str(db), "--data-dir", str(data), "--force"], "is the database"),
        # a file SQLite keeps beside the live database: written over, it loses commits
        (["db", "backup", f"{db}-wal", "--data-dir", str(data), "--force"], "is the database"),
        (["db", "backup", f"{db}-shm", "--data-dir", str(data)], "beside it"),
        (["db", "backup", str(tmp_path / "backups") + "/", "--data-dir", str(data)], "folder"),
        (
            ["db", "backup", str(tmp_path / "b.db"), "--data-dir", str(tmp_path / "none")],
            "no database here",
        ),
        (
            [
                "db",
                "backup",
                str(tmp_path / "b.db"),
                "--database",
                "postgresql://u:secret@localhost/db",
            ],
            "pg_dump",
        ),
    ]
    for args, said in cases:
        result = run_cli(*args)
        assert result.returncode == 2, (args, result.stderr)
        assert said in result.stderr and "Traceback" not in result.stderr
        assert "secret" not in result.stderr
    assert not (tmp_path / "b.db").exists() and not (tmp_path / "none").exists()
    assert _keys(db) == 1


def test_a_copy_taken_while_a_writer_commits_holds_whole_transactions(tmp_path: Path) -> None:
    live = tmp_path / "live.db"
    with closing(sqlite3.connect(live)) as conn:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("CREATE TABLE t (batch INTEGER, n INTEGER)")
        conn.commit()
    stop = threading.Event()

    def write() -> None:
        with closing(sqlite3.connect(live, check_same_thread=False)) as conn:
            batch = 0
            while not stop.is_set():
                conn.executemany("INSERT INTO t VALUES (?, ?)", [(batch, n) for n in range(50)])
                conn.commit()
                batch += 1

    writer = threading.Thread(target=write)
    writer.start()
    try:
        copies = [tmp_path / f"copy{i}.db" for i in range(3)]
        for copy in copies:
            backup._copy(live, copy)
    finally:
        stop.set()
        writer.join()
    for copy in copies:
        with closing(sqlite3.connect(copy)) as conn:
            rows = conn.execute("SELECT batch, count(*) FROM t GROUP BY batch").fetchall()
        assert all(count == 50 for _, count in rows)  # no transaction cut in two


def test_an_interrupted_backup_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = _store_in(tmp_path / "data")

    def interrupted(source: Path, target: Path) -> None:
        target.write_bytes(b"half a copy")
        raise KeyboardInterrupt

    monkeypatch.setattr(backup, "_copy", interrupted)
    from typer.testing import CliRunner

    from threadguard.cli import app

    result = CliRunner().invoke(
        app, ["db", "backup", str(tmp_path / "b.db"), "--data-dir", str(data)]
    )
    assert result.exit_code == 130
    assert sorted(os.listdir(tmp_path)) == ["data"]


def test_a_backup_onto_a_read_only_file_system_names_the_file_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An on-call night: on a read-only mount, removing the stale copy failed too, and its
    # EROFS escaped: "error: /backups/x.db.partial: Read-only file system", naming a
    # file the operator never gave (the tests run as root, which ignores a folder's mode:
    # the file system's refusals are made here)
    data = _store_in(tmp_path / "data")
    target = tmp_path / "b.db"

    def read_only(*args: object, **_kwargs: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system", str(args[0]))

    monkeypatch.setattr(Path, "unlink", read_only)
    monkeypatch.setattr(backup.os, "open", read_only)
    from typer.testing import CliRunner

    from threadguard.cli import app

    result = CliRunner().invoke(app, ["db", "backup", str(target), "--data-dir", str(data)])
    assert result.exit_code == 1
    assert f"error: {target}: cannot write: Read-only file system" in result.output
    assert ".partial" not in result.output
