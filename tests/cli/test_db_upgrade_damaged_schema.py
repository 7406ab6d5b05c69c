"""``threadguard db upgrade`` on a database whose schema was damaged by hand names what is
missing and what to do, exits 2, and changes nothing (before: a dropped table or column
was "at revision 0010_erased_comments", exit 0, and a lost ``alembic_version`` gave "table
sites already exists")."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from threadguard.cli import app as cli
from threadguard.storage import db

WHAT_TO_DO = (
    "Nothing was changed: `db upgrade` does not repair a schema. Restore the database from a "
    "backup (`threadguard db backup FILE` makes one), or start a new one (another --data-dir "
    "or --database)"
)


def _schema(file: Path) -> list[tuple[str, ...]]:
    """The database's tables and indexes as SQLite keeps them, and its revision."""
    with sqlite3.connect(file) as conn:
        found = conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()
        if any(name == "alembic_version" for _, name, _ in found):
            found += conn.execute("SELECT 'revision', version_num, '' FROM alembic_version")
    return found


def _damaged(file: Path, revision: str, damage: str) -> list[tuple[str, ...]]:
    engine = db.connect(f"sqlite:///{file}")
    try:
        db.upgrade(engine, revision)
    finally:
        engine.dispose()
    with sqlite3.connect(file) as conn:
        conn.executescript(damage)
    return _schema(file)


@pytest.mark.parametrize(
    ("revision", "damage", "said"),
    [
        pytest.param(
            "head",
            "DROP TABLE jobs;",
            "error: the database's schema is damaged: table 'jobs' is missing.",
            id="table",
        ),
        pytest.param(
            "head",
            "ALTER TABLE comments DROP COLUMN erased_by; ALTER TABLE users DROP COLUMN preferences;",
            "error: the database's schema is damaged: table 'comments' is missing column "
            "'erased_by'; table 'users' is missing column 'preferences'.",
            id="columns",
        ),
        pytest.param(
            "0009_audit_object",
            "DROP TABLE jobs;",
            "error: the database's schema is damaged (at revision '0009_audit_object': its "
            f"upgrade to '{db.head_revision()}' was stopped): table 'jobs' is missing.",
            id="older-revision",
        ),
        pytest.param(
            "0009_audit_object",
            "DROP TABLE comments;",
            "error: cannot upgrade the database from schema revision '0009_audit_object': no "
            "such table: comments. Its schema is not the one that revision makes (changed by "
            "hand?).",
            id="older-revision-migration-fails",
        ),
        pytest.param(
            "head",
            "DROP TABLE alembic_version;",
            "error: the database has no schema revision (its alembic_version table is missing "
            "or empty) but holds 16 table(s) of ThreadGuard's (analyses, api_keys, articles, "
            "audit_log, authors, ...): its schema cannot be told.",
            id="no-revision",
        ),
    ],
)
def test_db_upgrade_names_a_damaged_schema_and_changes_nothing(
    tmp_path: Path, revision: str, damage: str, said: str
) -> None:
    file = tmp_path / "threadguard.db"
    before = _damaged(file, revision, damage)
    result = CliRunner().invoke(cli, ["db", "upgrade", "--database", str(file)])
    assert result.exit_code == 2, result.output
    assert " ".join(result.output.split()) == f"{said} {WHAT_TO_DO}"
    assert _schema(file) == before


def test_a_whole_database_is_upgraded_as_before(tmp_path: Path) -> None:
    file = tmp_path / "threadguard.db"
    _damaged(file, "0009_audit_object", "")
    result = CliRunner().invoke(cli, ["db", "upgrade", "--database", str(file)])
    assert result.exit_code == 0, result.output
    assert f"is at revision {db.head_revision()}" in result.output
