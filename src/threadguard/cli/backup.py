"""``threadguard db backup FILE``: a consistent copy of the SQLite store, while it serves.

Two news desks (session 51) looked for backup among the commands and found it only in
docs/service.md, as ``sqlite3 DB ".backup FILE"``, which needs the sqlite3 program (not on
every machine that runs the service). SQLite's online backup (Python's
:meth:`sqlite3.Connection.backup`) copies a live database page by page, as it was at one
moment, while the server goes on writing. The copy is written beside its name and renamed
into place only once SQLite has checked it whole, so an interrupted backup never leaves a
half file under the name given. PostgreSQL has its own tools: the command names them.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Annotated

import typer

from threadguard.cli.common import fail, write_fault
from threadguard.cli.service import DatabaseOpt, DataDirOpt, db_app


@db_app.command("backup")
def db_backup(
    file: Annotated[Path, typer.Argument(help="The copy to write, e.g. backup.db.")],
    database: DatabaseOpt = None,
    data_dir: DataDirOpt = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite FILE if it exists.")] = False,
) -> None:
    """Copy the SQLite database to FILE, consistent as of one moment, while the server
    runs. Restore: stop the service, put the copy in place of the database file (and
    remove its -wal and -shm files), start it. A PostgreSQL database is backed up with
    pg_dump (docs/service.md, "Backup and restore")."""
    from sqlalchemy.engine import make_url

    from threadguard.storage import DatabaseError, db, default_data_dir

    try:
        url = make_url(db.resolve_url(database, data_dir or default_data_dir()))
    except DatabaseError as exc:
        fail(str(exc), 2)
    if url.get_backend_name() != "sqlite":
        fail(
            f"{db.redact(str(url))}: a PostgreSQL database is backed up with its own tools: "
            "pg_dump -Fc DBNAME > backup.dump (restore with pg_restore -d NEWDB backup.dump)",
            2,
        )
    source = Path(url.database or "")
    if not source.is_file():
        fail(f"{source}: no database here, nothing to back up (--database or --data-dir)", 2)
    if file.is_dir():
        fail(f"{file}: is a folder: name the file to write in it ({file / 'backup.db'})", 2)
    if not file.parent.is_dir():
        fail(f"{file}: no folder {file.parent} to write it in", 2)
    if file.exists() and file.resolve() == source.resolve():
        fail(f"{file}: is the database itself; name another file", 2)
    if file.exists() and not force:
        fail(f"{file}: already exists (pass --force to overwrite it)", 2)
    partial = file.with_name(file.name + ".partial")
    try:
        _copy(source, partial)
        os.replace(partial, file)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        fail(f"{file}: cannot write: {exc.strerror or exc}", write_fault(exc))
    except sqlite3.Error as exc:
        partial.unlink(missing_ok=True)
        fail(f"{source}: cannot be copied: {exc}", 1)
    typer.echo(f"backed up {source} to {file} ({file.stat().st_size:,} bytes, checked whole)")


def _copy(source: Path, target: Path) -> None:
    """SQLite's online backup of ``source`` into ``target`` (made anew), then its own
    integrity check of the copy (:class:`sqlite3.DatabaseError` if the copy is not whole)."""
    target.unlink(missing_ok=True)
    with (
        closing(sqlite3.connect(source)) as src,
        closing(sqlite3.connect(target)) as dst,
    ):
        src.backup(dst)
        verdict = dst.execute("PRAGMA integrity_check").fetchone()
        if verdict is None or verdict[0] != "ok":
            raise sqlite3.DatabaseError(f"the copy failed its integrity check: {verdict}")
