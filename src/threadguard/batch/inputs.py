"""What a batch job reads: its input files, each with its kind and content hash.

Inputs are paths or glob patterns (``archive/*.jsonl``), expanded and sorted so that the
same command names the same files in the same order: partitions are numbered along that
order, and resuming depends on it. Each file's SHA-256 goes into the manifest, so a rerun
over a changed file is noticed.

A file is read one of two ways. *Rows* (JSON Lines, CSV, Parquet) hold one comment per
row, grouped into threads by a thread column (:mod:`.rows`, :mod:`.grouping`). *Threads*
(a text dump, a JSON document, a Reddit page, a Disqus export) go through the thread
readers, every thread of a Disqus export included.
"""

from __future__ import annotations

import glob
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from threadguard.readers import ReaderError, detect_format

#: Row kinds by extension; anything else is a thread format, detected as ``scan`` does.
ROW_EXTENSIONS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "csv",
    ".parquet": "parquet",
    ".pq": "parquet",
}
ROW_KINDS = frozenset(ROW_EXTENSIONS.values())
#: The kind of an input that cannot be read at all (its ``error`` says why).
UNREADABLE = "unreadable"
#: How much of a file content detection reads.
_SNIFF_BYTES = 64 * 1024


class InputError(ValueError):
    """An input that cannot be read: the message names it and says why."""


@dataclass(frozen=True)
class InputFile:
    """One input file: where it is, how it is read, its size and its content hash."""

    path: Path
    kind: str  # a row kind (jsonl, csv, parquet), a thread format name, or UNREADABLE
    size: int
    sha256: str
    #: Why the file cannot be read at all (empty, binary...): it is then one input
    #: problem of the job, and the other inputs are read.
    error: str = ""

    def to_json(self) -> dict[str, object]:
        described: dict[str, object] = {
            "path": str(self.path),
            "kind": self.kind,
            "bytes": self.size,
            "sha256": self.sha256,
        }
        if self.error:
            described["error"] = self.error
        return described


def expand(patterns: Sequence[str]) -> list[Path]:
    """The files the patterns name, sorted within each pattern, each once; a pattern that
    names nothing is an error (a typo must not silently shrink the job)."""
    found: dict[Path, None] = {}
    for pattern in patterns:
        matches = (
            sorted(glob.glob(pattern, recursive=True)) if glob.has_magic(pattern) else [pattern]
        )
        files = [Path(m) for m in matches if Path(m).is_file()]
        if not files and Path(pattern).is_dir():
            raise InputError(f"{pattern}: is a folder; name its files (say '{pattern}/*.jsonl')")
        if not files:
            raise InputError(f"{pattern}: no such file")
        found.update(dict.fromkeys(files))
    return list(found)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while block := f.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def kind_of(path: Path) -> str:
    """How ``path`` is read: by extension for rows, else by the thread readers' detection
    (a ``.json`` of comment lines counts as JSON Lines). Raises :class:`ReaderError` for
    a file no reader can use (empty, binary)."""
    by_extension = ROW_EXTENSIONS.get(path.suffix.lower())
    if by_extension:
        _check_not_empty(path)
        return by_extension
    with path.open("rb") as f:
        sample = f.read(_SNIFF_BYTES)
        kind = detect_format(sample, path.name)
        if kind == "json" and f.read(1):
            # a JSON document is told from a Reddit page by its parsed shape, which a
            # cut sample does not have (every comment of a Reddit page over 64 KiB was
            # read as one JSON thread of nothing); the reader reads it whole anyway
            f.seek(0)
            kind = detect_format(f.read(), path.name)
    return kind


_BOM = b"\xef\xbb\xbf"


def _check_not_empty(path: Path) -> None:
    """:class:`ReaderError` for a row file with nothing in it (no byte, or only blanks),
    as the thread readers (and ``scan``) say of any empty file: an empty ``.jsonl`` was a
    run of no comments that exited 0, an empty ``.txt`` an input problem (exit 2)."""
    with path.open("rb") as f:
        head = f.read(len(_BOM))
        if not head:
            raise ReaderError(str(path), "is empty")
        block = head.removeprefix(_BOM)
        while not block.strip():
            block = f.read(1 << 16)
            if not block:
                raise ReaderError(str(path), "contains only whitespace")


def _described(path: Path) -> InputFile:
    try:
        size, digest = path.stat().st_size, sha256_of(path)
    except OSError as exc:
        return InputFile(path, UNREADABLE, 0, "", f"cannot read the file: {exc.strerror or exc}")
    try:
        kind = kind_of(path)
    except ReaderError as exc:
        return InputFile(path, UNREADABLE, size, digest, exc.reason)
    return InputFile(path, kind, size, digest)


def describe(paths: Sequence[Path]) -> list[InputFile]:
    """Every input with its kind, size and hash (the manifest's ``inputs``); a file that
    cannot be read at all (empty, binary, no permission) is described with its ``error``
    rather than stopping the job."""
    return [_described(p) for p in paths]
