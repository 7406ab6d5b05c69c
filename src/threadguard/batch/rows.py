"""Row inputs (JSON Lines, CSV, Parquet): one comment a row, streamed, never read whole.

A row is the ``threadguard score`` contract's line (``id``, ``text``, ``parent``, ``title``)
with the fields an archive adds: ``thread_id``, ``parent_id``, ``author``, ``created_at``,
``url``. Only ``text`` is required. Column names are matched as the CSV thread reader matches
them (``comment``, ``body``, ``article``... are accepted). In JSON Lines and Parquet
``parent`` is the text replied to, as in ``score``; in CSV it is the parent's id, as in
the CSV thread format. A JSON line ``{"thread": {...}}`` names the thread of the lines
after it that name none (the JSON Lines thread format). A line that is not a JSON object
is a bad row, reported and skipped, as ``scan`` reads JSON Lines: in an archive such a line
is a truncated record or a stray log line, and scoring it as a comment put it in every
figure, approved (``score`` alone, fed by hand, reads a plain line as the text).

``created_at`` is converted as the thread readers convert it
(:func:`~threadguard.readers.values.as_timestamp`: epoch seconds and RFC 2822 dates to ISO
8601 UTC), so ``batch`` and ``scan`` give the same date; ``language`` is the comment's
stated language, which the engine reads it in, as ``scan`` does.

A row that cannot be read becomes a :class:`~threadguard.thread.Problem` naming its line
(or row), and reading goes on. A file of which no row can be read (binary bytes, no CSV
header, no Parquet footer) is one problem ending :data:`NOT_READ`; damage that stops the
reading part-way (a broken Parquet row group) ends :data:`READING_STOPPED`, as the CSV
reader's own such problems do: the job counts the file as not read, or read in part.

CSV is read by the CSV thread reader's own row reader
(:func:`~threadguard.readers.csvfmt.iter_csv`), streamed: a damaged row is mended or
skipped as ``scan`` does it, with the same problems. A CSV whose header links rows by a
parent id column but names no thread (no thread id or title column) is one thread, as
``scan`` reads it: its rows are marked :data:`FILE_THREAD` so they are grouped together
(they would otherwise each stand alone, and every reply would lose its parent).
Text that cannot be scored, and other fields that are not Unicode text, are dealt with
when the thread is built (:mod:`.units`), as the thread readers deal with them.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from threadguard.readers.csvfmt import OPTIONAL_COLUMNS, TEXT_COLUMNS, iter_csv
from threadguard.readers.decoding import file_lines
from threadguard.readers.errors import ReaderError
from threadguard.readers.values import as_timestamp, id_fault
from threadguard.thread import Problem
from threadguard.validation import json_problem

#: One comment row, keys as :data:`FIELDS` names them (absent: None).
Row = dict[str, str | None]
FIELDS = (
    "id",
    "text",
    "parent",
    "parent_id",
    "thread_id",
    "title",
    "url",
    "author",
    "created_at",
    "language",
)

#: Accepted names per field, first match wins (case-insensitive).
_ALIASES: dict[str, tuple[str, ...]] = {
    "id": OPTIONAL_COLUMNS["id"],
    "text": (*TEXT_COLUMNS, "message"),
    "parent": ("parent", "parent_text"),
    "parent_id": ("parent_id",),
    "thread_id": ("thread_id", "article_id", "thread", "story_id"),
    "title": ("title", "thread_title", *OPTIONAL_COLUMNS["article"]),
    "url": ("url", "article_url"),
    "author": OPTIONAL_COLUMNS["author"],
    "created_at": OPTIONAL_COLUMNS["created_at"],
    "language": OPTIONAL_COLUMNS["language"],
}
#: In CSV, ``parent`` names the parent's id (the CSV thread format's meaning).
_CSV_ALIASES = {**_ALIASES, "parent": (), "parent_id": OPTIONAL_COLUMNS["parent"]}
#: A row's mark (its value: the file) that it belongs to its file's one thread.
FILE_THREAD = "file_thread"
#: How a problem's message ends when nothing of its file could be read (no rows at all:
#: binary bytes, no header, no Parquet footer); ``; reading stopped`` when the rows
#: before the damage were read and the rest of the file is lost.
NOT_READ = "; the file was not read"
READING_STOPPED = "; reading stopped"
_BATCH_ROWS = 4096


#: Every integer below this is a float exactly; above it floats skip integers.
_EXACT_FLOATS = 2**53


def _missing(value: Any) -> bool:
    """Whether a field's value is no value: null, or NaN (a float column's missing value,
    as pandas and Parquet write it: a date read as 'nan' was reported as an odd date)."""
    return value is None or (isinstance(value, float) and math.isnan(value))


def _text(value: Any) -> str | None:
    """A field as text: ids and times may come as numbers (or timestamps, from Parquet).
    A whole float is written as the integer it is: pandas stores an id column with a gap
    as floats, and its parent ids read '1.0' where the ids read '1', so that every reply
    lost its parent. Only below 2**53, where every integer is a float exactly: a larger
    one (a snowflake id, rounded when it was stored) would become a wrong integer that
    looks right, so it keeps the float's own text."""
    if _missing(value) or isinstance(value, str):
        return None if _missing(value) else value
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float) and value.is_integer() and abs(value) < _EXACT_FLOATS:
        return str(int(value))
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


#: The id fields of a row, and what becomes of the row when one is of the wrong type.
_ID_FIELDS = {
    "id": "the comment was given a new id",
    "parent_id": "the parent link was dropped",
    "thread_id": "the thread's id was dropped",
}


def _id_fault(field: str, key: str, value: object) -> str | None:
    """What is wrong with ``value``, under ``key``, as the row's ``field`` and what becomes
    of it; None where the field is no id or the value is one."""
    fault = id_fault(key, value) if field in _ID_FIELDS else None
    return None if fault is None else f"{fault}; {_ID_FIELDS[field]}"


def to_row(
    obj: dict[str, Any],
    aliases: dict[str, tuple[str, ...]] = _ALIASES,
    faults: list[str] | None = None,
) -> Row | str:
    """A row from a record's fields, or why it is not one (no text, a text not a string).
    Given ``faults`` (JSON Lines), an id of the wrong type (a list, an object) is dropped
    and said so there, as the thread readers say it
    (:func:`~threadguard.readers.values.id_fault`): written out as text, ``[1, 2]`` became
    the comment's id, where ``scan`` gave it a new one. Without (CSV cells are text;
    Parquet's typed columns, a date as a thread id say, are written out), ids are text."""
    lowered = {str(k).strip().lower(): v for k, v in obj.items()}
    row: Row = {}
    for field, names in aliases.items():
        key = next((n for n in names if not _missing(lowered.get(n))), None)
        value = None if key is None else lowered[key]
        fault = None if faults is None or key is None else _id_fault(field, key, value)
        if faults is not None and fault is not None:
            faults.append(fault)
            row[field] = None
            continue
        if field == "text" and not isinstance(value, str):
            return 'missing "text"' if value is None else '"text" must be a string'
        if field == "created_at" and isinstance(value, str | int | float):
            # as scan converts it: 1546300800 and "Tue, 01 Jan 2019 00:00:00 +0000" were
            # kept as written, and the report's timeline left them out
            row[field] = as_timestamp(value)
            continue
        row[field] = _text(value)
    return row


def _thread_line(obj: dict[str, Any], faults: list[str]) -> Row | None:
    """The thread a ``{"thread": {...}}`` line names, as default fields for the next rows
    (an id of the wrong type dropped, said so in ``faults``)."""
    meta = obj.get("thread", obj.get("article"))
    if len(obj) != 1 or not isinstance(meta, dict):
        return None
    fault = _id_fault("thread_id", "id", meta.get("id"))
    if fault is not None:
        faults.append(fault)
    return {
        "thread_id": None if fault else _text(meta.get("id")),
        "title": _text(meta.get("title")),
        "url": _text(meta.get("url")),
    }


_NOT_AN_OBJECT = 'expected a JSON object with a "text" field, got a list'
_NOT_JSON = 'not a JSON object with a "text" field'
_SKIP = "line skipped"


def jsonl_rows(path: Path) -> Iterator[tuple[int, Row | Problem]]:
    """(line number, row or problem) for every non-blank line of a JSON Lines file."""
    source = str(path)
    current: Row = {}
    problems: list[Problem] = []
    # decoded as scan and score decode: a byte-order mark dropped, UTF-16 read as such,
    # bytes UTF-8 rejects read as Windows-1252 with the first such line reported
    try:
        lines = file_lines(path, source, problems)(0)
    except ReaderError as exc:  # binary bytes, say: no line was read
        yield 0, Problem(source, exc.location or "file", f"{exc.reason}{NOT_READ}")
        return
    for number, line in enumerate(lines, start=1):
        yield from ((number, p) for p in problems)
        problems.clear()
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith(("{", "[")):
            # "just some plain words" in an archive is damage (a cut record, a log line),
            # as scan reports it: it was scored as a comment, approved and counted
            yield number, Problem(source, f"line {number}", f"{_NOT_JSON}; {_SKIP}")
            continue
        try:
            obj = json.loads(stripped)
        except json.JSONDecodeError as exc:
            # "[Update] The ferry is late" is text, not a broken list
            what = (
                _NOT_JSON
                if stripped.startswith("[")
                else f"invalid JSON at column {exc.colno}: {json_problem(exc)}"
            )
            yield number, Problem(source, f"line {number}", f"{what}; {_SKIP}")
            continue
        except RecursionError:
            yield number, Problem(source, f"line {number}", f"JSON nested too deeply; {_SKIP}")
            continue
        except ValueError as exc:  # a number too long to convert, say
            yield number, Problem(source, f"line {number}", f"invalid JSON: {exc}; {_SKIP}")
            continue
        if not isinstance(obj, dict):
            # a list is a broken export, as score says of it; a number or a string is no row
            what = _NOT_AN_OBJECT if isinstance(obj, list) else _NOT_JSON
            yield number, Problem(source, f"line {number}", f"{what}; {_SKIP}")
            continue
        faults: list[str] = []
        meta = _thread_line(obj, faults)
        row = to_row(obj, faults=faults) if meta is None else meta
        if isinstance(row, str):
            yield number, Problem(source, f"line {number}", f"{row}; {_SKIP}")
            continue
        yield from ((number, Problem(source, f"line {number}", f)) for f in faults)
        if meta is not None:
            current = {k: v for k, v in meta.items() if v is not None}
            continue
        for key, value in current.items():
            if row.get(key) is None:
                row[key] = value
        yield number, row


def _one_thread(columns: set[str]) -> bool:
    """Whether a CSV with these columns is one thread: rows linked by parent id, and no
    column saying which thread a row is in."""
    names = set(_CSV_ALIASES["thread_id"] + _CSV_ALIASES["title"])
    return bool(columns & set(_CSV_ALIASES["parent_id"])) and not columns & names


def csv_rows(path: Path) -> Iterator[tuple[int, Row | Problem]]:
    """(line number, row or problem) for every record of a CSV or TSV file."""
    source = str(path)
    problems: list[Problem] = []
    one_thread: bool | None = None
    number = 1
    read_any = False
    try:
        records = iter_csv(
            file_lines(path, source, problems), source, problems, size=path.stat().st_size
        )
        for number, record in records:
            yield from ((number, p) for p in problems)
            problems.clear()
            if one_thread is None:
                one_thread = _one_thread(set(record))
            row = to_row(record, _CSV_ALIASES)
            if isinstance(row, str):
                yield number, Problem(source, f"line {number}", f"{row}; row skipped")
                continue
            if one_thread:
                row[FILE_THREAD] = source
            read_any = True
            yield number, row
    except ReaderError as exc:  # no header or no text column, binary bytes...
        ending = READING_STOPPED if read_any else NOT_READ
        problems.append(Problem(source, exc.location or "file", f"{exc.reason}{ending}"))
    yield from ((number, p) for p in problems)


def _no_text_column(schema: Any) -> str | None:
    """Why no row of a Parquet file with this schema can have a text (no text column, or
    none of text's type), or None. Found row by row, a file whose text column was called
    ``content`` gave one 'missing "text"' problem per row, and was not counted unread."""
    import pyarrow as pa

    def textual(kind: Any) -> bool:
        if pa.types.is_dictionary(kind):
            kind = kind.value_type
        return bool(pa.types.is_string(kind) or pa.types.is_large_string(kind))

    columns = {str(n).strip().lower(): schema.field(n).type for n in schema.names}
    found = [n for n in _ALIASES["text"] if n in columns]
    if not found:
        names = ", ".join(repr(n) for n in schema.names) or "none"
        wanted = ", ".join(_ALIASES["text"])
        return f"no text column: expected one of {wanted}; found columns: {names}"
    if any(textual(columns[n]) or pa.types.is_null(columns[n]) for n in found):
        return None
    return f"the text column {found[0]!r} holds {columns[found[0]]}, not strings"


def parquet_rows(path: Path) -> Iterator[tuple[int, Row | Problem]]:
    """(row number from 1, row or problem) for every row of a Parquet file, in batches."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    source = str(path)
    number = 0
    try:
        parquet = pq.ParquetFile(path)
        unreadable = _no_text_column(parquet.schema_arrow)
        if unreadable is not None:
            yield 0, Problem(source, "columns", f"{unreadable}{NOT_READ}")
            return
        for batch in parquet.iter_batches(batch_size=_BATCH_ROWS):
            for record in batch.to_pylist():
                number += 1
                row = to_row(record)
                if isinstance(row, str):
                    yield number, Problem(source, f"row {number}", f"{row}; row skipped")
                else:
                    yield number, row
    except (OSError, pa.ArrowException) as exc:  # not Parquet, or damaged: the rest is lost
        where, ending = (f"row {number + 1}", READING_STOPPED) if number else ("file", NOT_READ)
        yield number, Problem(source, where, f"unreadable Parquet ({exc}){ending}")


READERS = {"jsonl": jsonl_rows, "csv": csv_rows, "parquet": parquet_rows}


def read_rows(path: Path, kind: str) -> Iterator[tuple[int, Row | Problem]]:
    """The rows of a row input of ``kind`` (``jsonl``, ``csv`` or ``parquet``)."""
    return READERS[kind](path)


__all__ = [
    "FIELDS",
    "FILE_THREAD",
    "NOT_READ",
    "READERS",
    "READING_STOPPED",
    "Row",
    "read_rows",
    "to_row",
]
