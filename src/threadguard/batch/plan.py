"""The plan of a batch job: inputs, read in order, into numbered partitions of whole threads.

The plan is a pure function of the input bytes and the partition size: a rerun over the
same inputs makes the same partitions with the same names, which is what lets a rerun
skip the partitions already written and still hold every comment exactly once. It is
made lazily, while earlier partitions are being scored, so memory holds a few partitions
and never the whole input.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from threadguard.batch.grouping import group_rows
from threadguard.batch.inputs import ROW_KINDS, InputFile
from threadguard.batch.rows import NOT_READ, READING_STOPPED, Row, read_rows
from threadguard.batch.units import NO_TEXT, ODD_DATE, Unit, comment_problems
from threadguard.readers import ReaderError, iter_threads
from threadguard.thread import Problem

#: Comments per partition unless told otherwise: a few seconds of work for one worker.
PARTITION_COMMENTS = 4096


@dataclass(frozen=True)
class Partition:
    """Whole threads, at most about ``max_comments`` comments unless one thread is more."""

    name: str
    units: tuple[Unit, ...]

    @property
    def size(self) -> int:
        return sum(u.size for u in self.units)


#: A problem's message when its record was left out (``...; comment skipped``, ``row
#: skipped, reading resumed at line 9``); "its parent was skipped" keeps its comment.
_LEFT_OUT = re.compile(r"; (?:comment |line |row )?skipped\b")


def leaves_out_a_record(problem: Problem) -> bool:
    """Whether ``problem`` cost its record (a comment, line or row left out)."""
    return bool(_LEFT_OUT.search(problem.message))


#: A problem's message when what follows it in its file was not read: the readers' own
#: words for it (a Disqus export cut short: "...; everything before this point was read,
#: anything after it is lost"; a CSV or Parquet file: "...; reading stopped").
_LOSES_THE_REST = re.compile(rf"{re.escape(READING_STOPPED)}\b|\banything after it is lost\b")


def loses_the_rest(problem: Problem) -> bool:
    """Whether ``problem`` ended the reading of its file: the file was read in part."""
    return bool(_LOSES_THE_REST.search(problem.message))


#: The counts that say input was lost: a record left out, a file not read at all, a file
#: read only in part. Any of them makes ``threadguard batch`` exit 2.
LOSSES = ("left_out", "unread_files", "partly_read_files")


def lost_input(counts: Mapping[str, int]) -> bool:
    """Whether ``counts`` (a job's, as :meth:`Reading.counts` gives them) say input was lost."""
    return any(counts.get(name, 0) for name in LOSSES)


def loses_nothing(problem: Problem) -> bool:
    """Whether ``problem`` is one that loses nothing (docs/archives.md: "a repaired
    parent, a Reddit 'load more' stub, a deleted post, an odd date leave it 0"): the
    reader tagged it :attr:`~threadguard.thread.Problem.harmless` where it made it (a
    parent not in the input or skipped, a loop of parent links, a stated depth the parent
    links contradict, comments a Reddit page did not include, a comment with no text, a
    date kept as written). These are the only problems after which ``threadguard batch``
    exits 0, every other one being malformed input, as ``scan`` exits 2 for it (a text
    dump with no comment bullet line, "read as an article only", exited 0 in batch and 2
    in scan; a text dump's misindented bullet is also "read as a top-level comment", and
    is malformed). The tag, not the message's words: a parent id with an apostrophe is
    quoted with double quotes, and a JSON comment with no text field is named twice."""
    return problem.harmless


def bad_input(counts: Mapping[str, int]) -> bool:
    """Whether ``counts`` say some input was lost or malformed: ``threadguard batch``'s
    exit code 2 (docs/using.md's exit codes: where only part of an input is malformed, the
    rest is written and the exit code is 2)."""
    return lost_input(counts) or counts.get("malformed", 0) > 0


@dataclass
class Reading:
    """How far reading has come (bytes and comments read; the progress bar's total is
    counted apart by :func:`count_comments`: a guess from the bytes read was 41% off),
    and the problems met in the input (kept to the first ``keep``, all counted, and
    every one handed to ``sink`` when there is one: the job's ``problems.jsonl``)."""

    total_bytes: int
    comments: int = 0
    bytes_done: int = 0
    problems: list[Problem] = field(default_factory=list)
    problem_count: int = 0
    keep: int = 100
    #: Records (comments, lines, rows) a problem left out, and inputs not read at all.
    left_out: int = 0
    unread_files: int = 0
    #: Inputs read only in part (a truncated export: what follows the break is lost), by
    #: path, with the first problem that says so (its location and message).
    partly_read: dict[str, str] = field(default_factory=dict)
    #: Comments with no text (read, left out of the results: no record was lost), and
    #: dates kept as written that the report cannot place.
    no_text: int = 0
    odd_dates: int = 0
    #: Problems other than those that lose nothing (:func:`loses_nothing`): the input was
    #: malformed (the losses above are among them).
    malformed: int = 0
    sink: Callable[[Problem], None] | None = None

    @property
    def partly_read_files(self) -> int:
        return len(self.partly_read)

    def counts(self) -> dict[str, int]:
        """What reading met, as the manifest's counts name it."""
        return {
            "problems": self.problem_count,
            "left_out": self.left_out,
            "unread_files": self.unread_files,
            "partly_read_files": self.partly_read_files,
            "no_text": self.no_text,
            "odd_dates": self.odd_dates,
            "malformed": self.malformed,
        }

    def note(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            self.problem_count += 1
            self.left_out += leaves_out_a_record(problem)
            self.unread_files += problem.message.endswith(NOT_READ)
            if loses_the_rest(problem):
                self.partly_read.setdefault(
                    problem.source, f"{problem.location}: {problem.message}"
                )
            self.no_text += problem.message == NO_TEXT
            self.odd_dates += problem.message.startswith(ODD_DATE)
            self.malformed += not loses_nothing(problem)
            if len(self.problems) < self.keep:
                self.problems.append(problem)
            if self.sink is not None:
                self.sink(problem)


def _counted(
    rows: Iterator[tuple[int, Row | Problem]], reading: Reading
) -> Iterator[tuple[int, Row | Problem]]:
    for item in rows:
        reading.comments += not isinstance(item[1], Problem)
        yield item


def _units_of(item: InputFile, reading: Reading, work_dir: Path) -> Iterator[Unit]:
    source = str(item.path)
    if item.error:  # counted as not read by its message's end
        reading.note([Problem(source, "file", f"{item.error}{NOT_READ}")])
        return
    if item.kind in ROW_KINDS:
        problems: list[Problem] = []
        rows = _counted(read_rows(item.path, item.kind), reading)
        scale = 4 if item.kind == "parquet" else 1
        for unit in group_rows(rows, source, problems, size=item.size * scale, spill_dir=work_dir):
            reading.note(problems)
            problems.clear()
            yield unit
        reading.note(problems)
        return
    try:
        for result in iter_threads(item.path, format=item.kind):
            reading.comments += len(result.thread.comments)
            reading.note(result.problems)
            reading.note(comment_problems(result.thread, source))
            yield Unit(result.thread, source)
    except ReaderError as exc:  # its message names the file: the problem names it once
        reading.unread_files += 1
        reading.note([Problem(source, exc.location or "file", exc.reason)])


def count_comments(inputs: Iterable[InputFile], stop: threading.Event) -> int | None:
    """The comments of all inputs, counted without grouping them into threads (rows as
    read, threads' comments as their readers give them): the progress bar's total, made
    beside the scoring. None when ``stop`` is set first. A comment left out when its
    thread is built (a lone surrogate) is still counted: the total may end a few over."""
    total = 0
    for item in inputs:
        if item.error:
            continue
        if item.kind in ROW_KINDS:
            for _, row in read_rows(item.path, item.kind):
                if stop.is_set():
                    return None
                total += not isinstance(row, Problem)
            continue
        try:
            for result in iter_threads(item.path, format=item.kind):
                if stop.is_set():
                    return None
                total += len(result.thread.comments)
        except ReaderError:
            continue
    return total


def read_units(inputs: Iterable[InputFile], reading: Reading, work_dir: Path) -> Iterator[Unit]:
    """Every thread of every input, in input order; ``reading`` follows along."""
    for number, item in enumerate(inputs):
        yield from _units_of(item, reading, work_dir / f"spill-{number:04d}")
        reading.bytes_done += item.size


def partitions(
    units: Iterable[Unit], max_comments: int = PARTITION_COMMENTS
) -> Iterator[Partition]:
    """Consecutive threads into partitions ``part-000000``, ``part-000001``, ...: a
    partition closes once it holds ``max_comments`` or more comments."""
    batch: list[Unit] = []
    size = number = 0
    for unit in units:
        if batch and size + unit.size > max_comments:
            yield Partition(f"part-{number:06d}", tuple(batch))
            batch, size, number = [], 0, number + 1
        batch.append(unit)
        size += unit.size
    if batch:
        yield Partition(f"part-{number:06d}", tuple(batch))
