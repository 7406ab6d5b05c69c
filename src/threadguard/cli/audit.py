"""``threadguard db audit``: the audit log as a file (CSV or JSON Lines), from the database
``db upgrade`` uses, for an operator answering a complaint or a regulator.

The rows are the dashboard's ``GET /audit.csv`` rows (:mod:`threadguard.storage.audit_export`),
read a page of the store at a time and written as they come. The export is audited
``audit.export`` (actor ``cli:USER``, its format and filters in the after state) before the
first entry is read. A database that does not exist is refused, exit 2, rather than made
empty (as ``keys list`` would make it).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO

import typer

from threadguard.cli.common import check_names, cli_user, fail, write_fault
from threadguard.cli.service import DatabaseOpt, DataDirOpt, _cannot_open, _store, db_app

if TYPE_CHECKING:
    from threadguard.storage.audit_export import ExportFormat
    from threadguard.storage.records import AuditRecord


class AuditFormat(StrEnum):
    """``--format`` of ``db audit``."""

    CSV = "csv"
    JSONL = "jsonl"


@db_app.command("audit")
def db_audit(
    site: Annotated[
        str | None, typer.Option("--site", help="Only this site's entries; default: every one.")
    ] = None,
    actor: Annotated[
        str | None, typer.Option("--actor", help="Only this actor's entries (alice, cli:ops).")
    ] = None,
    action: Annotated[
        str | None,
        typer.Option("--action", help="Only this action (comment.reject) or family (comment)."),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            help="Only entries from then on: ISO 8601 (2025-06-01, 2025-06-01T09:30+02:00); "
            "without an offset, UTC.",
        ),
    ] = None,
    file_format: Annotated[
        AuditFormat, typer.Option("--format", help="CSV (for a spreadsheet) or JSON Lines.")
    ] = AuditFormat.CSV,
    out: Annotated[
        Path | None, typer.Option("--out", help="The file to write; default: standard output.")
    ] = None,
    database: DatabaseOpt = None,
    data_dir: DataDirOpt = None,
) -> None:
    """Write the audit log, newest first, every entry the filters match with its before
    and after states whole: the dashboard's **Download CSV**, from the command line.

    Columns (CSV) or keys (JSON Lines): id, when_utc, actor, actor_role, action,
    object_type, object_id, site, before, after. A CSV cell that a spreadsheet would read
    as a formula (it begins with =, +, -, @, a tab or a carriage return) gets a single
    quote in front. The export is audited `audit.export` before the first entry is read,
    so an export its filters match lists its own entry first."""
    from threadguard.storage import audit_export
    from threadguard.storage.records import Actor

    # --actor, --action and --out are UTF-8 text by now, as every command's values are
    # (cli/arguments.py): the export's own audit entry records them, and a lone surrogate
    # stored there broke every later read of the log (a hardening review)
    check_names(site=site)
    actor, action, start = actor or None, action or None, _since(since)
    chosen: ExportFormat = "csv" if file_format is AuditFormat.CSV else "jsonl"
    require_database(database, data_dir)
    partial = _partial(out)
    target = _opened(partial if partial is not None else out)
    try:
        with _store(database, data_dir) as store:
            store.audit(
                Actor(f"cli:{cli_user()}", "admin"),
                audit_export.EXPORT_ACTION,
                audit_export.EXPORT_OBJECT,
                out.name[:200] if out is not None else "stdout",
                site=site,
                after=audit_export.export_state(
                    chosen, site=site, actor=actor, action=action, since=start
                ),
            )
            entries = store.audit_trail.audit_entries(
                site=site, actor=actor, action=action, since=start, batch=audit_export.PAGE_ROWS
            )
            written = _write(entries, chosen, target)
        if out is not None:
            # what is still buffered is written now: a full disk fails here, and the
            # partial file was left behind with "error: OSError: [Errno 28] ..." (on call)
            target.close()
    except BaseException as exc:
        if out is not None:
            with contextlib.suppress(OSError):  # the failure being reported, again
                target.close()
        if partial is not None:
            # the export went to a file beside the one asked for: a failed one leaves
            # whatever was there before (it deleted an existing file: a hardening review)
            partial.unlink(missing_ok=True)
        if out is not None and isinstance(exc, OSError) and exc.filename is None:
            fail(f"--out {out}: cannot write: {exc.strerror or exc}", write_fault(exc))
        raise
    if out is None:
        target.flush()
        return
    if partial is not None:
        final = out.resolve()  # a link's file, not the link
        try:
            if final.exists():
                shutil.copymode(final, partial)  # an owner-only export stays owner-only
            os.replace(partial, final)
        except OSError as exc:
            partial.unlink(missing_ok=True)
            fail(f"--out {out}: {exc.strerror or exc}", write_fault(exc))
    typer.echo(f"wrote {written} audit {'entry' if written == 1 else 'entries'} to {out}", err=True)


def _write(entries: Iterable[AuditRecord], file_format: ExportFormat, target: TextIO) -> int:
    """Write the export of ``entries`` to ``target`` as they come; how many it holds."""
    from threadguard.storage.audit_export import chunks

    written = 0

    def counted() -> Iterator[AuditRecord]:
        nonlocal written
        for entry in entries:
            written += 1
            yield entry

    for chunk in chunks(counted(), file_format):
        target.write(chunk)
    return written


def _since(value: str | None) -> datetime | None:
    """``--since`` as a UTC time (a date is its midnight; no offset: UTC); exit 2 when it
    is no ISO 8601 date or time."""
    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        fail(f"--since {value!r}: not an ISO 8601 date or time (2025-06-01, 2025-06-01T09:30Z)")
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def require_database(database: str | None, data_dir: Path | None) -> None:
    """Exit 2 unless the database exists and holds ThreadGuard's tables: opening one
    otherwise makes it (a new SQLite file, the schema in an empty database; connecting
    alone writes into an empty file, so a SQLite file is first judged as it lies:
    :func:`~threadguard.storage.db.sqlite_file_fault`), and an export
    of a database made by the typo that named it would be an empty file that looks right
    (a hardening review found `db rescore`, `sites list` and `adapt --list` run from the
    wrong folder making one and saying "no decision changed": they ask this first too).
    A database that cannot be reached is exit 1, as for every command."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import SQLAlchemyError

    from threadguard.storage import db, default_data_dir

    try:
        url = db.resolve_url(database, data_dir or default_data_dir())
    except db.DatabaseError as exc:
        fail(str(exc))
    parsed = make_url(url)
    file = parsed.database or ""
    local = parsed.get_backend_name() == "sqlite" and not file.startswith("file:")
    if local and not Path(file).is_file():
        fail(f"no database at {file}: check --database or --data-dir")
    fault = db.sqlite_file_fault(Path(file)) if local else None
    if fault is not None:  # refused before connecting, which would write into it
        fail(f"{file} holds no ThreadGuard database ({fault}): check --database or --data-dir")
    try:
        engine = db.connect(url)
    except db.DatabaseError as exc:
        fail(str(exc))
    try:
        revision = db.current_revision(engine)
    except SQLAlchemyError as exc:
        fail(_cannot_open(exc), 2 if _no_such_database(exc) else 1)
    finally:
        engine.dispose()
    if revision is None:
        fail(f"{db.redact(url)} holds no ThreadGuard database: check --database or --data-dir")


def _no_such_database(exc: Exception) -> bool:
    """Whether PostgreSQL refused the connection for a database that does not exist (a
    name given wrong, not a server that is down): SQLSTATE 3D000, which libpq reports on
    connecting only in the server's message (in English unless the server's
    ``lc_messages`` says otherwise; then it is exit 1, as a server that is down)."""
    orig = getattr(exc, "orig", None)
    if getattr(orig, "sqlstate", None) == "3D000":
        return True
    message = str(orig or exc)
    return 'database "' in message and "does not exist" in message


def _partial(out: Path | None) -> Path | None:
    """Where a file export is written before it takes ``out``'s name: beside the file
    ``out`` is (or names through a link); None to write ``out`` as it is, standard output
    or something that is not a file (a pipe, /dev/stdout: a code review found them
    replaced). A folder is refused before anything is logged."""
    if out is None:
        return None
    if out.is_dir():
        fail(f"--out {out}: is a folder: name the file to write in it")
    final = out.resolve()
    if final.exists() and not final.is_file():
        return None
    return final.with_name(final.name + ".partial")


def _opened(out: Path | None) -> TextIO:
    """Where the export goes: ``out`` (UTF-8), else standard output; exit 2 when ``out``
    cannot be written."""
    if out is None:
        return sys.stdout
    try:
        return out.open("w", encoding="utf-8", newline="")
    except OSError as exc:
        fail(f"--out {out}: {exc.strerror or exc}")
