"""Progress bars for long commands: on standard error, and only when it is a terminal.

``batch``, ``score`` and ``scan`` report how far they are, how fast they go and how long
is left, for a person watching. A pipe or a log file gets nothing (standard output is the
data; standard error stays for warnings), and ``--quiet`` turns the bar off. The counts
are comments; the total may be an estimate that firms up as the input is read (``None``
while unknown: the bar then shows the count and rate alone).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from threadguard.analysis import Analysis
from threadguard.engine import BATCH, CommentInput, Engine

#: Called with (comments done, expected total or None).
Advance = Callable[[int, int | None], None]


class RateColumn(ProgressColumn):
    """Comments per second, over Rich's recent window."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:,.0f} comments/s" if speed else "", style="progress.data.speed")


def shows_progress(quiet: bool, console: Console | None = None) -> bool:
    """Whether to draw a bar: not asked to be quiet, and standard error is a terminal."""
    return not quiet and (console or Console(stderr=True)).is_terminal


@contextmanager
def progress_bar(description: str, *, quiet: bool = False) -> Iterator[Advance]:
    """A bar on standard error while the block runs, if :func:`shows_progress`; yields the
    function to call as work is done (a no-op when there is no bar)."""
    console = Console(stderr=True)
    if not shows_progress(quiet, console):
        yield lambda done, total: None
        return
    columns = (
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
        # each time with its word before it: "0:00:26 left 0:00:03" read as 26 s left
        TextColumn("elapsed"),
        TimeElapsedColumn(),
        TextColumn("·"),
        TimeRemainingColumn(),
        TextColumn("left"),
    )
    with Progress(*columns, console=console, transient=False) as bar:
        task = bar.add_task(description, total=None)

        def advance(done: int, total: int | None) -> None:
            bar.update(task, completed=done, total=total)

        yield advance


class ProgressEngine(Engine):
    """The same loaded models, reporting each batch it scores (``scan`` on a terminal).

    Batches are whole multiples of the engine's own batch size, so the engine sees the
    same batches it would see in one call.
    """

    def __init__(self, engine: Engine, advance: Advance, total: int) -> None:
        # Every part of the engine it wraps, not a new engine built from some of them: one
        # rebuilt from the tiers alone had no multilingual models, so `scan` on a terminal
        # scored Turkish and German comments with the English tiers (and approved them).
        self.__dict__.update(engine.__dict__)
        self._advance, self._total, self._done = advance, total, 0

    def analyze(self, items: Sequence[CommentInput], *, spans: bool = True) -> list[Analysis]:
        out: list[Analysis] = []
        step = 4 * BATCH
        for start in range(0, len(items), step):
            out.extend(super().analyze(items[start : start + step], spans=spans))
            self._done = min(self._total, self._done + len(items[start : start + step]))
            self._advance(self._done, self._total)
        return out
