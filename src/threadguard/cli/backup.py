"""``threadguard db backup FILE``: a consistent copy of the SQLite store, while it serves.

Two news desks (session 51) looked for backup among the commands and found it only in
docs/service.md, as ``sqlite3 DB ".backup FILE"``, which needs the sqlite3 program (not on
every machine that runs the service). SQLite's online backup (Python's
:meth:`sqlite3.Connection.backup`) copies a live database page by page, as it was at one
moment, while the server goes on writing. The copy is written beside its name, owner-only
as the database itself is (it holds key and password hashes), and renamed into place only
once SQLite has checked it whole, so an interrupted backup leaves nothing under the name
given and no stray file beside it. It copies the database only: ``settings.toml`` (the
Coral secret, the metrics token, the limits) is kept with it by hand. PostgreSQL has its
own tools: the command names them.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Annotated

import typer

from threadguard.cli.common import err, fail, write_fault
from threadguard.cli.service import DatabaseOpt, DataDirOpt, db_app

#: The files SQLite keeps beside a database while it is in use: writing a backup over one
#: of them would corrupt the live database (a code review, session 51).
COMPANIONS = ("-wal", "-shm", "-journal")


@db_app.command("backup")
def db_backup(
    file: Annotated[str, typer.Argument(help="The copy to write, e.g. backup.db.")],
    database: DatabaseOpt = None,
    data_dir: DataDirOpt = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite FILE if it exists.")] = False,
) -> None:
    """Copy the SQLite database to FILE (owner-only), consistent as of one moment, while
    the server runs; run it as the service's user. The database only: keep settings.toml
    with it. Restore: stop the service, put the copy in place of the database file (and
    remove its -wal and -shm files), start it. A PostgreSQL database is backed up with
    pg_dump (docs/service.md, "Backup and restore")."""
    source = _source(database, data_dir)
    target = _target(file, source, force)
    partial = target.with_name(target.name + ".partial")
    try:
        _copy(source, partial)
        os.replace(partial, target)
    except KeyboardInterrupt:
        _discard(partial)
        err.print(f"interrupted: nothing written to {target}", markup=False)
        raise typer.Exit(130) from None
    except OSError as exc:
        _discard(partial)
        fail(f"{target}: cannot write: {exc.strerror or exc}", write_fault(exc))
    except _SourceError as exc:
        _discard(partial)
        fail(str(exc), exc.code)
    except sqlite3.Error as exc:  # the copy's side: its folder or disk
        _discard(partial)
        fail(f"{target}: cannot write the copy: {exc}", 1)
    typer.echo(f"backed up {source} to {target} ({target.stat().st_size:,} bytes, checked whole)")


def _source(database: str | None, data_dir: Path | None) -> Path:
    """The SQLite file the store is in (exit 2 for PostgreSQL, a URI, no file or a file
    that is no ThreadGuard database)."""
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
    name = url.database or ""
    if name.startswith("file:"):
        fail(
            f"{name}: a SQLite URI: give db backup the database file's path "
            "(--database /path/to/threadguard.db)",
            2,
        )
    source = Path(name).resolve()
    if not source.is_file():
        fail(f"{source}: no database here, nothing to back up (--database or --data-dir)", 2)
    fault = db.sqlite_file_fault(source)
    if fault is not None:  # an empty file was "backed up" as a 4 KiB database, exit 0
        fail(
            f"{source} holds no ThreadGuard database ({fault}): nothing to back up "
            "(--database or --data-dir)",
            2,
        )
    return source


def _target(given: str, source: Path, force: bool) -> Path:
    """Where the copy goes, checked: never the database or a file SQLite keeps beside it,
    never a folder or a link, never an existing file without ``force`` (exit 2)."""
    if given.endswith(("/", os.sep)):  # as a Path, "backups/" would name a file "backups"
        fail(f"{given}: names a folder: name the file to write in it ({given}backup.db)", 2)
    file = Path(given).expanduser()
    if file.is_dir():
        fail(f"{file}: is a folder: name the file to write in it ({file / 'backup.db'})", 2)
    if file.is_symlink():
        fail(f"{file}: is a link: name the file itself ({file.resolve()})", 2)
    target = file.absolute()
    if not target.parent.is_dir():
        fail(f"{file}: no folder {target.parent} to write it in", 2)
    live = [source, *(source.with_name(source.name + end) for end in COMPANIONS)]
    if target.resolve() in live or any(_same(target, path) for path in live):
        fail(f"{file}: is the database or a file SQLite keeps beside it; name another file", 2)
    if target.exists() and not force:
        fail(f"{file}: already exists (pass --force to overwrite it)", 2)
    return target


def _same(a: Path, b: Path) -> bool:
    """Whether two existing paths are one file (a hard link, another spelling of it)."""
    try:
        return a.exists() and b.exists() and a.samefile(b)
    except OSError:
        return False


class _SourceError(Exception):
    """The database could not be read: the message names it and why, with an exit code."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


def _copy(source: Path, target: Path) -> None:
    """SQLite's online backup of ``source`` into ``target`` (made anew, owner-only), then
    its own integrity check of the copy (:class:`sqlite3.DatabaseError` if not whole)."""
    _discard(target)
    os.close(os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    try:
        src = sqlite3.connect(source)
        src.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise _SourceError(f"{source}: busy ({exc}): try again in a moment", 1) from exc
        writable = os.access(source.parent, os.W_OK)
        if not writable:
            raise _SourceError(
                f"{source}: cannot be read: {exc} (SQLite needs write access to "
                f"{source.parent} for its -shm file: run this as the service's user)",
                1,
            ) from exc
        raise _SourceError(f"{source}: cannot be read as a SQLite database: {exc}", 2) from exc
    with closing(src), closing(sqlite3.connect(target)) as dst:
        src.backup(dst)
        verdict = dst.execute("PRAGMA integrity_check").fetchone()
        if verdict is None or verdict[0] != "ok":
            raise sqlite3.DatabaseError(f"the copy failed its integrity check: {verdict}")


def _discard(partial: Path) -> None:
    """Remove a copy that was not finished, with the journal SQLite may have left. What
    cannot be removed is left to the error being reported (on a read-only file system
    the unlink's own EROFS escaped, naming `backup.db.partial` instead of the file given
    and the reason); a copy that is still there is refused by its exclusive create."""
    for path in (partial, partial.with_name(partial.name + "-journal")):
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)
