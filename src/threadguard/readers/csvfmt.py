"""CSV (or TSV) with one comment per row: what spreadsheets and CMS exports produce.

Columns are matched by name, case-insensitively: a text column (``text``, ``comment``,
``body`` or ``comment_text``) is required; ``id``, ``parent_id``, ``author``, ``created_at`` and
``article`` (the article's title) are optional. The delimiter is whichever of ``,`` ``;`` and
tab is most frequent in the header line: counting one line is cheap and cannot be misled by
a multi-megabyte comment further down, unlike :class:`csv.Sniffer`.

A row with the wrong number of fields is reported by line and skipped, except when the text
column is the last one and the row has too many fields: then the extra fields are the text's
own unquoted delimiters, and are joined back into it. A quoted field that is never closed is
reported and reading resumes on the next line, so the rest of the file is not swallowed.
"""

from __future__ import annotations

import csv
import itertools
from collections.abc import Iterator

from threadguard.readers.errors import ReaderError
from threadguard.readers.tree import RawComment, build_comments
from threadguard.thread import Problem, ReadResult, Thread

TEXT_COLUMNS = ("text", "comment", "body", "comment_text")
OPTIONAL_COLUMNS = {
    "id": ("id", "comment_id"),
    "parent": ("parent_id", "parent"),
    "author": ("author", "user", "username"),
    "created_at": ("created_at", "created", "date", "timestamp"),
    "article": ("article", "article_title"),
}
_DELIMITERS = (",", ";", "\t")
_MAX_RESUMES = 20
_FIELD_LIMIT_CAP = 2**31 - 1


def _allow_fields_of(size: int) -> None:
    """Raise the csv module's per-field limit (128 KiB by default) to fit ``size`` chars.

    The limit is process-wide; it is only ever raised, so concurrent readers are safe.
    """
    wanted = min(size + 1, _FIELD_LIMIT_CAP)
    if csv.field_size_limit() < wanted:
        csv.field_size_limit(wanted)


def _delimiter(header: str) -> str:
    counts = {d: header.count(d) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def _normalise(name: str) -> str:
    return name.strip().strip('"').strip().lower().replace(" ", "_").replace("-", "_")


def _column(header: list[str], names: tuple[str, ...]) -> int | None:
    normalised = [_normalise(h) for h in header]
    for name in names:
        if name in normalised:
            return normalised.index(name)
    return None


def _rows(lines: list[str], start: int, delimiter: str) -> Iterator[tuple[int, int, list[str]]]:
    """Yield (first line number, last line number, fields) for rows from line ``start``."""
    reader = csv.reader(itertools.islice(lines, start, None), delimiter=delimiter)
    previous_end = start
    for row in reader:
        end = start + reader.line_num
        yield previous_end + 1, end, row
        previous_end = end


def _unterminated(lines: list[str], first: int, last: int) -> bool:
    """A row that runs to the end of the file with an odd number of quotes never closed one."""
    return last >= len(lines) and last > first and "".join(lines[first - 1 :]).count('"') % 2 == 1


def read_csv(text: str, source: str) -> ReadResult:
    """Read comments from CSV text (decoded, ``\\n`` line endings)."""
    _allow_fields_of(len(text))
    lines = [line + "\n" for line in text.split("\n")]
    if lines and lines[-1] == "\n":
        lines.pop()
    delimiter = _delimiter(next((line for line in lines if line.strip()), ""))
    problems: list[Problem] = []
    columns: _Columns | None = None
    raws: list[RawComment] = []
    titles: list[str] = []
    start, resumes = 0, 0
    while start < len(lines):
        restart = None
        try:
            for first, last, row in _rows(lines, start, delimiter):
                if not row or not any(cell.strip() for cell in row):
                    continue
                if _unterminated(lines, first, last):
                    problems.append(
                        Problem(
                            source,
                            f"line {first}",
                            "a quoted field is never closed; row skipped, reading resumed at "
                            f"line {first + 1}",
                        )
                    )
                    restart = first
                    break
                if columns is None:
                    columns = _Columns.find(row, delimiter, source)
                    continue
                raw = columns.comment(row, first, source, problems)
                if raw is not None:
                    raws.append(raw)
                    title = columns.cell(row, columns.article)
                    if title:
                        titles.append(title)
        except csv.Error as exc:
            problems.append(Problem(source, "document", f"CSV error: {exc}; reading stopped"))
        if restart is None:
            break
        resumes += 1
        if resumes > _MAX_RESUMES:
            problems.append(
                Problem(source, f"line {restart}", "too many unclosed quotes; reading stopped")
            )
            break
        start = restart
    if columns is None:
        raise ReaderError(source, "no CSV header row found")
    comments, tree_problems = build_comments(raws, source)
    distinct = list(dict.fromkeys(titles))
    if len(distinct) > 1:
        problems.append(
            Problem(
                source,
                "article column",
                f"rows name {len(distinct)} different articles; all rows were read into one "
                f"thread titled {distinct[0]!r}",
            )
        )
    thread = Thread(title=distinct[0] if distinct else "", comments=comments)
    return ReadResult(thread=thread, problems=problems + tree_problems, format="csv")


class _Columns:
    """Where each known column sits in the header, and how to read a row with it."""

    def __init__(self, header: list[str], text: int, delimiter: str) -> None:
        self.width = len(header)
        self.delimiter = delimiter
        self.text = text
        self.id = _column(header, OPTIONAL_COLUMNS["id"])
        self.parent = _column(header, OPTIONAL_COLUMNS["parent"])
        self.author = _column(header, OPTIONAL_COLUMNS["author"])
        self.created_at = _column(header, OPTIONAL_COLUMNS["created_at"])
        self.article = _column(header, OPTIONAL_COLUMNS["article"])

    @classmethod
    def find(cls, header: list[str], delimiter: str, source: str) -> _Columns:
        text = _column(header, TEXT_COLUMNS)
        if text is None:
            found = ", ".join(repr(h.strip()) for h in header) or "none"
            raise ReaderError(
                source,
                f"no text column: expected one of {', '.join(TEXT_COLUMNS)}; "
                f"found columns: {found}",
                "line 1",
            )
        return cls(header, text, delimiter)

    @staticmethod
    def cell(row: list[str], index: int | None) -> str | None:
        if index is None or index >= len(row):
            return None
        return row[index].strip() or None

    def comment(
        self, row: list[str], line: int, source: str, problems: list[Problem]
    ) -> RawComment | None:
        if len(row) != self.width:
            fits = len(row) > self.width and self.text == self.width - 1
            action = "the extra fields were joined into the text" if fits else "row skipped"
            problems.append(
                Problem(
                    source,
                    f"line {line}",
                    f"row has {len(row)} fields, the header has {self.width}; {action}",
                )
            )
            if not fits:
                return None
            row = [*row[: self.text], self.delimiter.join(row[self.text :])]
        return RawComment(
            text=row[self.text],
            id=self.cell(row, self.id),
            parent=self.cell(row, self.parent),
            author=self.cell(row, self.author) or "",
            created_at=self.cell(row, self.created_at),
            location=f"line {line}",
        )
