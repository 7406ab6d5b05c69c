"""``threadguard db audit``: the audit log as a CSV or JSON Lines file from the database
``db upgrade`` uses (the dashboard's Download CSV, for an operator at a shell), filtered,
streamed a page at a time, and audited; a bad ``--since`` or a database that is not there
is one error line, exit 2, and no database is made for it."""

from __future__ import annotations

import csv
import errno
import io
import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from service_support import POSTGRES, postgres_problem
from sqlalchemy.engine import make_url
from typer.testing import CliRunner

from threadguard.cli import app
from threadguard.storage import Actor, Store, audit_export
from threadguard.storage.audit_export import FIELDS

ALICE = Actor("alice", "moderator")


def audit(data_dir: Path, *args: str) -> tuple[int, str, str]:
    """``db audit ARGS`` over the store in ``data_dir``: exit code, stdout, stderr."""
    result = CliRunner().invoke(
        app, ["db", "audit", *args], env={"THREADGUARD_DATA_DIR": str(data_dir)}
    )
    return result.exit_code, result.stdout, result.stderr


def seeded(store: Store) -> None:
    store.audit(ALICE, "comment.reject", "comment", "c1", site="news", after={"why": "=spam"})
    store.audit(ALICE, "author.ban", "author", "=cmd|' /C calc'!A0", site="news")
    store.audit(Actor("bob", "moderator"), "comment.approve", "comment", "c2", site="sport")
    store.audit(Actor("ops", "admin"), "policy.save", "policy", "news", site="news")


def test_the_log_is_written_as_csv_to_standard_output(store: Store, tmp_path: Path) -> None:
    seeded(store)
    code, out, err = audit(tmp_path)
    assert code == 0, err
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert tuple(rows[0]) == FIELDS
    export, *entries = [dict(zip(FIELDS, r, strict=True)) for r in rows[1:]]
    assert [e["action"] for e in entries] == [
        "policy.save",
        "comment.approve",
        "author.ban",
        "comment.reject",
    ]
    assert entries[2]["object_id"] == "'=cmd|' /C calc'!A0"  # neutralised, as on the dashboard
    assert json.loads(entries[3]["after"]) == {"why": "=spam"}
    # audited before the first entry was read: its own entry heads the file
    assert (export["action"], export["object_id"], export["actor_role"]) == (
        "audit.export",
        "stdout",
        "admin",
    )
    assert export["actor"].startswith("cli:")


def test_jsonl_to_a_file_with_every_filter(store: Store, tmp_path: Path) -> None:
    seeded(store)
    file = tmp_path / "out" / "log.jsonl"
    file.parent.mkdir()
    since = (datetime.now(UTC) - timedelta(hours=1)).isoformat()
    code, out, err = audit(
        tmp_path,
        *("--site", "news", "--actor", "alice", "--action", "comment"),
        *("--since", since, "--format", "jsonl", "--out", str(file)),
    )
    assert code == 0, err
    assert out == "" and f"wrote 1 audit entry to {file}" in err
    [entry] = [json.loads(line) for line in file.read_text(encoding="utf-8").splitlines()]
    assert list(entry) == list(FIELDS)
    assert (entry["actor"], entry["action"], entry["object_id"], entry["site"]) == (
        "alice",
        "comment.reject",
        "c1",
        "news",
    )
    assert entry["after"] == {"why": "=spam"} and entry["before"] is None  # as stored
    [export] = store.audit_log(action="audit.export").items
    assert export.object_id == "log.jsonl" and export.site == "news"
    assert export.after is not None and export.after["format"] == "jsonl"
    assert export.after["filters"]["actor"] == "alice"
    assert export.after["filters"]["since"] is not None
    code, _, err = audit(tmp_path, "--action", "policy", "--out", str(file.with_suffix(".csv")))
    assert code == 0, err
    assert file.with_suffix(".csv").read_bytes().splitlines(keepends=True)[0].endswith(b"\r\n")
    # a later --since leaves everything out; a date alone is its midnight, UTC
    tomorrow = (datetime.now(UTC) + timedelta(days=1)).date().isoformat()
    code, out, _ = audit(tmp_path, "--since", tomorrow, "--format", "jsonl")
    assert code == 0 and out == ""


def test_a_long_log_is_read_a_page_at_a_time_with_every_entry_once(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(audit_export, "PAGE_ROWS", 4)
    for n in range(19):
        store.audit(ALICE, "comment.hold", "comment", f"c{n}", site="news")
    code, out, err = audit(tmp_path, "--format", "jsonl", "--action", "comment.hold")
    assert code == 0, err
    ids = [json.loads(line)["id"] for line in out.splitlines()]
    assert len(ids) == len(set(ids)) == 19 and ids == sorted(ids, reverse=True)


@pytest.mark.parametrize(
    "since", ["yesterday", "2025-13-01", "01/06/2025", ""], ids=["word", "month", "us", "empty"]
)
def test_a_bad_since_is_one_line_and_exit_2(store: Store, tmp_path: Path, since: str) -> None:
    store.audit(ALICE, "comment.reject", "comment", "c1", site="news")
    code, out, err = audit(tmp_path, "--since", since)
    assert code == 2 and out == ""
    assert "--since" in err and "ISO 8601" in err and "Traceback" not in err
    assert store.audit_log(action="audit.export").total == 0  # refused before anything


def test_a_missing_database_is_exit_2_and_none_is_made(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    code, out, err = audit(empty)  # the data folder holds no database
    assert code == 2 and out == "" and "no database at" in err and "Traceback" not in err
    assert list(empty.iterdir()) == []
    named = tmp_path / "typo.db"
    code, _, err = audit(empty, "--database", str(named), "--out", str(tmp_path / "x.csv"))
    assert code == 2 and "no database at" in err and not named.exists()
    assert not (tmp_path / "x.csv").exists()
    code, _, err = audit(empty, "--database", str(tmp_path / "no" / "x.db"))
    assert code == 2 and "does not exist" in err
    (empty / "threadguard.db").touch()  # a file, but no ThreadGuard database in it
    code, _, err = audit(empty)
    assert code == 2 and "holds no ThreadGuard database (an empty file)" in err
    # left as it was: connecting to check it wrote SQLite's header into it (4 KiB)
    assert (empty / "threadguard.db").stat().st_size == 0
    with sqlite3.connect(empty / "threadguard.db") as made:  # not made into one
        assert made.execute("SELECT name FROM sqlite_master").fetchall() == []


def test_an_unwritable_out_or_a_bad_format_is_exit_2(store: Store, tmp_path: Path) -> None:
    code, _, err = audit(tmp_path, "--out", str(tmp_path / "no" / "x.csv"))
    assert code == 2 and "--out" in err and "Traceback" not in err
    code, _, err = audit(tmp_path, "--format", "xlsx")
    assert code == 2 and "xlsx" in err


def test_a_postgresql_database_that_does_not_exist_is_exit_2(tmp_path: Path) -> None:
    problem = postgres_problem()
    if problem is not None:
        pytest.skip(problem)
    url = make_url(POSTGRES).set(database="threadguard_no_such_database")
    code, _, err = audit(tmp_path, "--database", url.render_as_string(hide_password=False))
    assert code == 2 and "does not exist" in err and "Traceback" not in err


@pytest.mark.parametrize("option", ["--actor", "--action"])
def test_a_filter_that_is_not_text_is_refused_before_anything_is_logged(
    store: Store, tmp_path: Path, option: str
) -> None:
    # A hardening review: "--actor Jos\xe9" from a Latin-1 terminal was stored in the
    # export's own audit entry before the command failed, and every read of the log broke.
    seeded(store)
    before = len(list(store.audit_trail.audit_entries()))
    code, _, err = audit(tmp_path, option, "Jos\udce9")
    assert code == 2 and f"'{option}': 'Jos\\xe9' is not UTF-8 text" in err
    assert len(list(store.audit_trail.audit_entries())) == before
    code, out, err = audit(tmp_path)
    assert code == 0 and "comment.reject" in out, err


def test_an_export_to_a_file_replaces_it_only_when_it_is_written_whole(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seeded(store)
    kept = tmp_path / "audit.csv"
    kept.write_text("keep me\n")
    from threadguard.cli import audit as audit_cli

    def broken(*_args: object) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(audit_cli, "_write", broken)
    code, _, _ = audit(tmp_path, "--out", str(kept))
    assert code != 0
    assert kept.read_text() == "keep me\n"  # a failed export leaves what was there
    assert not (tmp_path / "audit.csv.partial").exists()
    monkeypatch.undo()
    code, _, err = audit(tmp_path, "--out", str(kept))
    assert code == 0, err
    assert "comment.reject" in kept.read_text()


def test_an_export_keeps_the_files_mode_and_writes_through_a_link(
    store: Store, tmp_path: Path
) -> None:
    # A code review: written beside and renamed, a chmod 600 export came back 644 and a
    # link was replaced by a plain file
    seeded(store)
    real = tmp_path / "real.csv"
    real.write_text("old\n")
    real.chmod(0o600)
    link = tmp_path / "latest.csv"
    link.symlink_to(real)
    code, _, err = audit(tmp_path, "--out", str(link))
    assert code == 0, err
    assert link.is_symlink() and "comment.reject" in real.read_text()
    assert (real.stat().st_mode & 0o777) == 0o600
    code, _, err = audit(tmp_path, "--out", str(tmp_path))
    assert code == 2 and "is a folder" in err


def test_an_export_that_fills_the_disk_as_it_closes_names_the_file_and_leaves_nothing(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An on-call night: a small export stays in the file's buffer until it is closed, so
    # a full disk failed there, outside the clean-up: "error: OSError: [Errno 28] No
    # space left on device", and audit.csv.partial was left beside the file
    seeded(store)
    kept = tmp_path / "audit.csv"
    kept.write_text("keep me\n")
    from threadguard.cli import audit as audit_cli

    opened = audit_cli._opened

    def on_a_full_disk(out: Path | None) -> Any:
        file = opened(out)
        close = file.close

        def full() -> None:
            close()
            raise OSError(errno.ENOSPC, "No space left on device")

        file.close = full  # type: ignore[method-assign]
        return file

    monkeypatch.setattr(audit_cli, "_opened", on_a_full_disk)
    code, _, err = audit(tmp_path, "--out", str(kept))
    assert code == 1
    assert f"--out {kept}: cannot write: No space left on device" in err
    assert kept.read_text() == "keep me\n"
    assert not (tmp_path / "audit.csv.partial").exists()
