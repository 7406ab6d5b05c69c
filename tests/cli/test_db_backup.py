"""``threadguard db backup FILE``: a whole, checked copy of the SQLite store, taken while it
serves (two desks of session 51 looked for backup among the commands), and PostgreSQL sent
to its own tools."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from cli_support import run_cli


def _keys(path: Path) -> int:
    with sqlite3.connect(path) as conn:
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
    data = tmp_path / "data"
    assert (
        run_cli(
            "keys", "create", "--role", "admin", "--name", "a", "--data-dir", str(data)
        ).returncode
        == 0
    )
    db = data / "threadguard.db"
    cases = [
        (["db", "backup", str(tmp_path / "no" / "b.db"), "--data-dir", str(data)], "no folder"),
        (["db", "backup", str(tmp_path), "--data-dir", str(data)], "is a folder"),
        (["db", "backup", str(db), "--data-dir", str(data), "--force"], "the database itself"),
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
