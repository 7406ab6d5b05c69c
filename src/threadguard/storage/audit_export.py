"""The audit log as a file, CSV or JSON Lines: one row per entry, newest first.

The dashboard's ``GET /audit.csv`` and ``threadguard db audit`` write the same rows from
here, read from :meth:`~threadguard.storage.repositories.audit.AuditRepository.audit_entries`
a page at a time (:data:`PAGE_ROWS`) and written out as they come, so a log of a million
entries is never held whole, neither as records nor as text.

Every field of an entry is written, and its states whole (the audit page cuts them at
300 characters): ``id`` (the entry's number in the log: its order, and what a complaint
can cite), ``when_utc`` (ISO 8601, UTC), ``actor``, ``actor_role``, ``action``,
``object_type``, ``object_id``, ``site`` (empty: none), ``before`` and ``after`` (JSON,
keys sorted; empty: none).

A CSV cell is opened by a spreadsheet, and actor names, author names and comment text are
anyone's input: a cell whose text begins with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return would be read as a formula, so it gets a single quote in front
(:func:`neutralised`, OWASP's advice on CSV injection). JSON Lines is for programs and
keeps every value as stored.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from typing import Any, Literal

from threadguard.storage.records import AuditRecord

#: How many entries one read of the store brings (and at most how many are held at once).
PAGE_ROWS = 1000
#: The columns, in order: the CSV's header and the JSON Lines' keys.
FIELDS = (
    "id",
    "when_utc",
    "actor",
    "actor_role",
    "action",
    "object_type",
    "object_id",
    "site",
    "before",
    "after",
)
#: The first characters that make a spreadsheet read a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: The audit action an export is recorded under.
EXPORT_ACTION = "audit.export"
#: The object type of an export's entry (its object id: the file's name, or ``stdout``).
EXPORT_OBJECT = "audit_log"
#: How much CSV text is gathered before it is handed on (one chunk of the response).
_CHUNK_CHARS = 64 * 1024

ExportFormat = Literal["csv", "jsonl"]


def file_name(day: date, export_format: ExportFormat = "csv") -> str:
    """The name an export of ``day`` (UTC) is saved under."""
    return f"threadguard-audit-{day.isoformat()}.{export_format}"


def today() -> date:
    """Today's date in UTC."""
    return datetime.now(UTC).date()


def when_utc(at: datetime) -> str:
    """``at`` in ISO 8601, UTC, to the microsecond (``2025-06-01T09:30:00.123456Z``); a
    naive time is the store's UTC."""
    aware = at if at.tzinfo is not None else at.replace(tzinfo=UTC)
    return aware.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def state_json(state: dict[str, Any] | None) -> str:
    """A before or after state as JSON, whole, keys sorted; empty for none."""
    if state is None:
        return ""
    return json.dumps(state, ensure_ascii=False, sort_keys=True, default=str)


def neutralised(cell: str) -> str:
    """``cell`` with a single quote in front when a spreadsheet would read it as a
    formula (it begins with one of :data:`FORMULA_STARTS`)."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def csv_row(entry: AuditRecord) -> list[str]:
    """An entry as CSV cells, in :data:`FIELDS` order, each one :func:`neutralised`."""
    cells = (
        str(entry.id),
        when_utc(entry.at),
        entry.actor,
        entry.actor_role,
        entry.action,
        entry.object_type,
        entry.object_id,
        entry.site or "",
        state_json(entry.before),
        state_json(entry.after),
    )
    return [neutralised(cell) for cell in cells]


def json_record(entry: AuditRecord) -> dict[str, Any]:
    """An entry as one JSON Lines object, :data:`FIELDS` its keys, states as objects."""
    return {
        "id": entry.id,
        "when_utc": when_utc(entry.at),
        "actor": entry.actor,
        "actor_role": entry.actor_role,
        "action": entry.action,
        "object_type": entry.object_type,
        "object_id": entry.object_id,
        "site": entry.site,
        "before": entry.before,
        "after": entry.after,
    }


def csv_chunks(entries: Iterable[AuditRecord]) -> Iterator[str]:
    """The CSV file (RFC 4180: CRLF line ends, quoted where needed), header first, in
    chunks of about 64 KiB as the entries come."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(FIELDS)
    for entry in entries:
        writer.writerow(csv_row(entry))
        if buffer.tell() >= _CHUNK_CHARS:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def jsonl_chunks(entries: Iterable[AuditRecord]) -> Iterator[str]:
    """One JSON object a line per entry (non-ASCII text kept as is), as the entries come."""
    for entry in entries:
        yield json.dumps(json_record(entry), ensure_ascii=False, default=str) + "\n"


def chunks(entries: Iterable[AuditRecord], export_format: ExportFormat) -> Iterator[str]:
    """The file's text in ``export_format``, as the entries come."""
    return csv_chunks(entries) if export_format == "csv" else jsonl_chunks(entries)


def export_state(
    export_format: ExportFormat,
    *,
    site: str | None = None,
    actor: str | None = None,
    action: str | None = None,
    since: datetime | None = None,
) -> dict[str, Any]:
    """The after state of an export's own audit entry: its format and filters (None:
    not filtered on)."""
    return {
        "format": export_format,
        "filters": {
            "site": site,
            "actor": actor,
            "action": action,
            "since": when_utc(since) if since is not None else None,
        },
    }
