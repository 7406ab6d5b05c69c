"""Opening the labelled data's files: one place that names the file when one is damaged.

Every loader reads its CSV, TSV or JSON files through :func:`data_file` (or
:func:`read_json`), which records the read for the recipe (:func:`note_read`) and turns a
file that cannot be decoded or parsed (a byte that is not UTF-8, a broken CSV quote, bad
JSON) into :class:`DataFileError`, whose message names the file and, where it can be
found, the line. The command line reports it as bad input (exit 2), like a missing file.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from threadguard.training.recipe import note_read


class DataFileError(ValueError):
    """A data file that is there but cannot be read as what its loader expects."""

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path


def _bad_byte(path: Path, encoding: str) -> str:
    """Where the first undecodable byte of the file is: 'line N, byte 0xff'."""
    try:
        raw = path.read_bytes()
        raw.decode(encoding)
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        return f"line {line}: byte 0x{raw[exc.start]:02x} is not {exc.encoding} text"
    except OSError:
        pass
    return "not UTF-8 text"


@contextmanager
def data_file(path: Path, encoding: str = "utf-8") -> Iterator[IO[str]]:
    """The file opened as text for the csv module; a decode or CSV error names the file.

    A missing file still raises :class:`FileNotFoundError` (the commands say which one).
    """
    note_read(path)
    with path.open(encoding=encoding, newline="") as fh:
        try:
            yield fh
        except UnicodeDecodeError:
            raise DataFileError(path, _bad_byte(path, encoding)) from None
        except csv.Error as exc:
            raise DataFileError(path, f"not a readable CSV file ({exc})") from None


def dict_rows(path: Path, delimiter: str = ",") -> list[dict[str, str]]:
    """A CSV or TSV data file's rows keyed by its header. A row with fewer or more fields
    than the header raises :class:`DataFileError` naming its line: a file cut short ends
    in such a row, whose missing fields read as None, and the loaders stopped on a bare
    ``TypeError`` (or took a label cut in half for a label)."""
    rows = []
    with data_file(path) as fh:
        reader = csv.DictReader(fh, delimiter=delimiter)
        for row in reader:
            extra = row.pop(None, None) or []
            if extra or None in row.values():
                width = len(reader.fieldnames or ())
                found = width + len(extra) - sum(v is None for v in row.values())
                raise DataFileError(
                    path,
                    f"line {reader.line_num}: row has {found} fields, the header has {width} "
                    "(is the file cut short?)",
                )
            rows.append(row)
    return rows


def read_json(path: Path) -> Any:
    """A JSON data file's content; a decode or JSON error names the file and line."""
    note_read(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise DataFileError(path, _bad_byte(path, "utf-8")) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataFileError(path, f"line {exc.lineno}: not valid JSON ({exc.msg})") from None
