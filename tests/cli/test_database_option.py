"""``--database`` of ``db``, ``keys`` and ``user`` (and ``serve``, which reads it the same
way: ``threadguard.storage.db.resolve_url``) takes a SQLite file as README says, not only a
URL: ``threadguard db upgrade --database /tmp/x/direct2.db`` failed with "cannot parse
database URL: Could not parse SQLAlchemy URL from given URL string"."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from typer.testing import CliRunner

from threadguard.cli import app as cli
from threadguard.storage import Store, db


def test_db_upgrade_and_keys_take_a_plain_sqlite_file(tmp_path: Path) -> None:
    file = tmp_path / "direct2.db"
    runner = CliRunner()
    upgraded = runner.invoke(cli, ["db", "upgrade", "--database", str(file)])
    assert upgraded.exit_code == 0, upgraded.output
    assert f"sqlite:///{file} is at revision {db.head_revision()}" in upgraded.output
    made = runner.invoke(cli, ["keys", "create", "--role", "admin", "--database", str(file)])
    assert made.exit_code == 0, made.output
    store = Store.open(f"sqlite:///{file}", migrate=False)
    try:
        assert [k.role for k in store.api_keys()] == ["admin"]
    finally:
        store.close()
    listed = runner.invoke(cli, ["keys", "list", "--database", str(file)])
    assert listed.exit_code == 0 and "admin" in listed.output


def test_a_file_in_a_missing_folder_or_in_memory_is_refused_with_exit_2(tmp_path: Path) -> None:
    runner = CliRunner()
    missing = runner.invoke(cli, ["db", "upgrade", "--database", str(tmp_path / "no" / "x.db")])
    assert missing.exit_code == 2
    assert "folder of the SQLite database" in missing.output and "does not exist" in missing.output
    assert not (tmp_path / "no").exists()
    for memory in (":memory:", "sqlite://"):
        refused = runner.invoke(cli, ["user", "list", "--database", memory])
        assert refused.exit_code == 2 and "keeps nothing" in refused.output


def test_the_help_says_a_file_is_taken() -> None:
    shown = CliRunner().invoke(cli, ["db", "upgrade", "--help"], env={"COLUMNS": "200"})
    assert "SQLite file" in shown.output and "postgresql://" in shown.output


def test_commands_that_read_refuse_a_database_that_is_not_there_and_make_none(
    tmp_path: Path,
) -> None:
    # A hardening review: `db rescore` from the wrong folder (or with a typo) made an empty
    # database and said "no decision changed", exit 0; `sites list` made one too.
    runner = CliRunner()
    typo = tmp_path / "threadguard.bd"
    for args in (
        ["db", "rescore", "--database", str(typo)],
        ["sites", "list", "--database", str(typo)],
    ):
        result = runner.invoke(cli, args)
        assert result.exit_code == 2, result.output
        assert "no database at" in result.output
    assert not typo.exists()


def test_commands_that_read_refuse_a_file_that_holds_no_threadguard_database_unchanged(
    tmp_path: Path,
) -> None:
    """`db audit --database EMPTY_FILE` refused it, exit 2, after connecting had written
    SQLite's header into it; another program's SQLite database was switched to WAL mode
    before the same refusal, and a text file was exit 1 ("cannot open the database").
    Each is refused before connecting, and left byte for byte as it was."""
    empty = tmp_path / "empty.db"
    empty.touch()
    text = tmp_path / "notes.db"
    text.write_text("not a database\n", encoding="utf-8")
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as made:
        made.execute("CREATE TABLE t (a)")
    made.close()
    files = {empty: "an empty file", text: "not SQLite", other: "without ThreadGuard's tables"}
    before = {file: file.read_bytes() for file in files}
    runner = CliRunner()
    for file, why in files.items():
        for command in (
            ["db", "audit"],
            ["db", "rescore", "--dry-run"],
            ["sites", "list"],
            ["adapt", "--list", "--site", "news"],
            ["db", "backup", str(tmp_path / "copy.db")],
        ):
            result = runner.invoke(cli, [*command, "--database", str(file)])
            assert result.exit_code == 2, (command, result.output)
            assert f"{file} holds no ThreadGuard database (" in result.output, command
            assert why in result.output and "Traceback" not in result.output
    assert {file: file.read_bytes() for file in files} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.db", "notes.db", "other.db"]
