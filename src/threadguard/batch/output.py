"""The output folder of a batch job, and writing into it so that a crash leaves no half file.

``DIR/comments/part-NNNNNN.parquet`` (one row per comment), ``DIR/threads/part-NNNNNN.parquet``
(one row per thread, with its signals), ``DIR/manifest.json`` and ``DIR/problems.jsonl``
(every input problem, one JSON object a line). Every file is written
to a temporary name, flushed to disk and renamed into place: a rename is atomic, so a
file under its final name is always whole. A partition counts as done when its comments
file exists; its threads file is written first, so a done partition always has both.
A file damaged after it was written (a bad disk block, a file overwritten or cut short)
is found when a rerun reads it back (:meth:`OutputDir.fault`), and that partition is
scored again: the rest of the folder is kept.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from threadguard.thread import Problem

MANIFEST = "manifest.json"
#: Every input problem of the last run, one JSON object a line (the manifest keeps 100).
PROBLEMS = "problems.jsonl"
COMMENTS = "comments"
THREADS = "threads"
WORK = ".work"
_TMP = ".tmp"
#: A partition's file name, whole or as written before its rename.
_PARTITION = re.compile(r"part-\d{6,}\.parquet(\.\d+\.tmp)?")


#: Arrow's preamble to why a file cannot be read, which names the file again.
_OPEN_FAILED = re.compile(r"^Could not open Parquet input source '.*?': ", re.DOTALL)


class PartitionError(ValueError):
    """A partition file of the output that cannot be read: the message names it, says
    why, and what to do."""


def arrow_reason(exc: BaseException) -> str:
    """Why Arrow could not read a file, without its repetition of the file's name."""
    return _OPEN_FAILED.sub("", str(exc)).strip() or type(exc).__name__


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all (temporary file, fsync, rename)."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}{_TMP}")
    with tmp.open("wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


@dataclass(frozen=True)
class OutputDir:
    """Where a batch job's files go."""

    root: Path

    @property
    def manifest(self) -> Path:
        return self.root / MANIFEST

    @property
    def problems(self) -> Path:
        return self.root / PROBLEMS

    @property
    def work(self) -> Path:
        return self.root / WORK

    def comments(self, name: str) -> Path:
        return self.root / COMMENTS / f"{name}.parquet"

    def threads(self, name: str) -> Path:
        return self.root / THREADS / f"{name}.parquet"

    def prepare(self) -> None:
        """Create the folders and remove what a killed run left half-written."""
        for folder in (self.root / COMMENTS, self.root / THREADS):
            folder.mkdir(parents=True, exist_ok=True)
            for stale in folder.glob(f"part-*{_TMP}"):
                if _PARTITION.fullmatch(stale.name):
                    stale.unlink(missing_ok=True)
        for stale in self.root.glob(f"{PROBLEMS}.*{_TMP}"):
            stale.unlink(missing_ok=True)

    def done(self, name: str) -> bool:
        return self.comments(name).is_file()

    def fault(self, name: str) -> str | None:
        """Why the done partition ``name`` cannot be used (its file, and what is wrong),
        None when both its files read whole. Every page is read and its checksum checked
        (:mod:`.table` writes them), so a file cut short, overwritten or with a bad block
        is found, not only one without its footer."""
        for path in (self.comments(name), self.threads(name)):
            if not path.is_file():
                return f"{path}: the file is missing"
            try:
                pq.read_table(path, page_checksum_verification=True)
            except (OSError, pa.ArrowException) as exc:
                return f"{path}: cannot be read ({arrow_reason(exc)})"
        return None

    def clear(self) -> None:
        """Remove this job's own files (``--restart``): its partitions (``part-NNNNNN``,
        whole or half-written), its manifest and its problem list. Anything else a user
        keeps in the folder
        (``comments/mydata.parquet``) is left alone."""
        for folder in (self.root / COMMENTS, self.root / THREADS):
            for path in folder.glob("part-*.parquet*"):
                if _PARTITION.fullmatch(path.name):
                    path.unlink()
        self.manifest.unlink(missing_ok=True)
        self.problems.unlink(missing_ok=True)

    @contextmanager
    def problem_log(self) -> Iterator[Callable[[Problem], None]]:
        """A function that records one input problem; the list replaces
        ``problems.jsonl`` when the block ends, with an error too (Ctrl-C, a lost
        scheduler): an interrupted run lists the problems of what it read, where it wrote
        none before. A rerun reads every input again, so it lists every problem again. A
        run killed outright leaves its temporary file, which the next run removes
        (:meth:`prepare`)."""
        tmp = self.problems.with_name(f"{PROBLEMS}.{os.getpid()}{_TMP}")
        try:
            with tmp.open("w", encoding="utf-8", errors="surrogatepass") as f:

                def record(problem: Problem) -> None:
                    listed = {
                        "source": problem.source,
                        "location": problem.location,
                        "message": problem.message,
                    }
                    f.write(json.dumps(listed, ensure_ascii=True) + "\n")

                try:
                    yield record
                finally:
                    f.flush()
                    os.fsync(f.fileno())
        finally:
            if tmp.exists():
                os.replace(tmp, self.problems)

    def write(self, name: str, comments: bytes, threads: bytes) -> None:
        """One partition's two files, the threads first (see the module's docstring)."""
        atomic_write(self.threads(name), threads)
        atomic_write(self.comments(name), comments)

    def comment_files(self) -> list[Path]:
        return sorted((self.root / COMMENTS).glob("part-*.parquet"))

    def thread_files(self) -> list[Path]:
        """The thread files of done partitions only."""
        return [
            self.threads(p.stem) for p in self.comment_files() if self.threads(p.stem).is_file()
        ]
