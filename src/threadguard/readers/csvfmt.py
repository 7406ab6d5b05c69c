"""CSV (or TSV) with one comment per row: what spreadsheets and CMS exports produce.

Columns are matched by name, case-insensitively: a text column (``text``, ``comment``,
``body`` or ``comment_text``) is required; ``id``, ``parent_id``, ``author``, ``created_at``,
``article`` (the article's title) and ``language`` (the comment's, ISO 639-1) are optional. The delimiter is whichever of ``,`` ``;`` and
tab is most frequent in the header line: counting one line is cheap and cannot be misled by
a multi-megabyte comment further down, unlike :class:`csv.Sniffer`. A first line
``sep=X`` (Excel writes one) names the delimiter instead, and the header follows it.

A row with the wrong number of fields is reported by line and skipped, except when the text
column is the last one and the row has too many fields: then the extra fields are the text's
own unquoted delimiters, and are joined back into it. A quoted field that is never closed is
reported and reading resumes on the next line, so the rest of the file is not swallowed.
:func:`iter_csv` does all of this for the thread reader and for ``threadguard batch``.
"""

from __future__ import annotations

import csv
import itertools
import re
from collections.abc import Callable, Iterable, Iterator

from threadguard.readers.errors import ReaderError
from threadguard.readers.tree import RawComment, build_comments
from threadguard.readers.values import as_language, as_timestamp
from threadguard.thread import Problem, ReadResult, Thread

TEXT_COLUMNS = ("text", "comment", "body", "comment_text")
OPTIONAL_COLUMNS = {
    "id": ("id", "comment_id"),
    "parent": ("parent_id", "parent"),
    "author": ("author", "user", "username"),
    "created_at": ("created_at", "created", "date", "timestamp"),
    "article": ("article", "article_title"),
    "language": ("language", "lang"),
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


_SEP_RE = re.compile(r'\s*"?sep=(.)"?\s*', re.IGNORECASE)


def sep_line(line: str) -> str | None:
    """The delimiter Excel's first line ``sep=;`` declares (its "CSV (semicolon)" and
    regional saves write one), or None when ``line`` is not such a line."""
    match = _SEP_RE.fullmatch(line.lstrip("\ufeff"))
    return match.group(1) if match and match.group(1) not in '\r\n"' else None


def normalised_name(name: str) -> str:
    """A header's column name as it is matched: ``" Parent-ID "`` is ``parent_id``."""
    return name.strip().strip('"').strip().lower().replace(" ", "_").replace("-", "_")


def _column(header: list[str], names: tuple[str, ...]) -> int | None:
    normalised = [normalised_name(h) for h in header]
    for name in names:
        if name in normalised:
            return normalised.index(name)
    return None


class _Tracked:
    """The lines fed to :class:`csv.reader`: counts the quotes since the current record
    began (:meth:`next_record` starts the count again) and notes when the input ends."""

    def __init__(self, lines: Iterable[str]) -> None:
        self._lines = iter(lines)
        self.quotes = 0
        self.ended = False

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        try:
            line = next(self._lines)
        except StopIteration:
            self.ended = True
            raise
        self.quotes += line.count('"')
        return line

    def next_record(self) -> None:
        self.quotes = 0


def iter_csv(
    open_lines: Callable[[int], Iterable[str]], source: str, problems: list[Problem], *, size: int
) -> Iterator[tuple[int, dict[str, str]]]:
    """Every data row of a CSV, as (its first line's number, {column: cell}), columns named
    as :func:`normalised_name` spells the header's; damaged rows are reported to
    ``problems`` as the module docstring says. ``open_lines(n)`` gives the decoded lines
    (``\n`` endings) from the ``n``-th on, counting from 0: reading resumes that way after
    an unclosed quote, so a file can be streamed. ``size`` bounds the longest field.

    Raises :class:`ReaderError` (when the rows are first asked for) when there is no
    header row or it has no text column. The thread reader and ``threadguard batch``
    both read CSV through this, so they read the same rows with the same problems.
    """
    _allow_fields_of(size)
    number, first_line = next(
        ((n, line) for n, line in enumerate(open_lines(0)) if line.strip()), (0, "")
    )
    declared = sep_line(first_line)
    delimiter = declared or _delimiter(first_line)
    columns: _Columns | None = None
    # Excel's "sep=;" line is no row: the header is the line after it
    start, resumes = (number + 1 if declared else 0), 0
    while True:
        restart = None
        lines = _Tracked(open_lines(start))
        reader = csv.reader(lines, delimiter=delimiter)
        previous_end = start
        try:
            for row in reader:
                first, last = previous_end + 1, start + reader.line_num
                previous_end = last
                quotes = lines.quotes
                lines.next_record()
                if not row or not any(cell.strip() for cell in row):
                    continue
                if lines.ended and last == first and quotes % 2 == 1:
                    # the file's last line opens a quote it never closes: nothing after it
                    # was swallowed, so the row is kept, and the damage named
                    problems.append(
                        Problem(
                            source,
                            f"line {first}",
                            "a quoted field is never closed; read to the end of the file",
                        )
                    )
                elif lines.ended and last > first and quotes % 2 == 1:
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
                record = columns.record(row, first, source, problems)
                if record is not None:
                    yield first, record
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


def cell(record: dict[str, str], names: tuple[str, ...]) -> str | None:
    """The first of the columns ``names`` that ``record`` has, stripped; None if empty."""
    for name in names:
        if name in record:
            return record[name].strip() or None
    return None


def text_of(record: dict[str, str]) -> str:
    """The comment's text in ``record``, as written (the text column :func:`iter_csv`
    found)."""
    return next(record[name] for name in TEXT_COLUMNS if name in record)


def read_csv(text: str, source: str) -> ReadResult:
    """Read comments from CSV text (decoded, ``\n`` line endings)."""
    lines = [line + "\n" for line in text.split("\n")]
    if lines and lines[-1] == "\n":
        lines.pop()
    problems: list[Problem] = []
    raws: list[RawComment] = []
    titles: list[str] = []
    records = iter_csv(
        lambda start: itertools.islice(lines, start, None), source, problems, size=len(text)
    )
    for line, record in records:
        language, bad_language = as_language(cell(record, OPTIONAL_COLUMNS["language"]))
        if bad_language is not None:
            problems.append(Problem(source, f"line {line}", bad_language))
        raws.append(
            RawComment(
                text=text_of(record),
                id=cell(record, OPTIONAL_COLUMNS["id"]),
                parent=cell(record, OPTIONAL_COLUMNS["parent"]),
                author=cell(record, OPTIONAL_COLUMNS["author"]) or "",
                created_at=as_timestamp(cell(record, OPTIONAL_COLUMNS["created_at"])),
                location=f"line {line}",
                language=language,
            )
        )
        title = cell(record, OPTIONAL_COLUMNS["article"])
        if title:
            titles.append(title)
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
    """The header: its column names (normalised), and where the text column is."""

    def __init__(self, header: list[str], text: int, delimiter: str) -> None:
        self.names = [normalised_name(h) for h in header]
        self.width = len(header)
        self.delimiter = delimiter
        self.text = text

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

    def record(
        self, row: list[str], line: int, source: str, problems: list[Problem]
    ) -> dict[str, str] | None:
        """The row by column name, or None (with a problem) when it cannot be lined up
        with the header."""
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
        record: dict[str, str] = {}
        for name, value in zip(self.names, row, strict=True):
            record.setdefault(name, value)  # a repeated column: the first one counts
        return record
