"""``threadguard batch`` and ``threadguard report``: an archive scored on Dask, and read.

``batch`` scores every comment of many inputs into Parquet partitions, resumably;
``report`` turns such a folder into one HTML page for an editor. Both are thin layers over
:mod:`threadguard.batch` and :mod:`threadguard.report`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape

from threadguard.cli import common
from threadguard.cli.common import (
    app,
    cascade_settings,
    err,
    fail,
    load_moderator,
    worker_count,
)
from threadguard.schema import Tier

if TYPE_CHECKING:
    from threadguard.batch.progress import JobProgress, Report


@contextmanager
def _job_bar(quiet: bool) -> Iterator[Report]:
    """The batch's progress bar on standard error (a terminal only, as every command's
    bar): what the job is doing, done of total, already done, recent speed and time left,
    all from :class:`~threadguard.batch.progress.JobProgress`, redrawn ten times a second
    so that the time left counts down between two partitions."""
    from rich.console import Console
    from rich.progress import BarColumn, Progress, ProgressColumn, Task
    from rich.text import Text

    from threadguard.progress import shows_progress

    console = Console(stderr=True)
    if not shows_progress(quiet, console):
        yield lambda state: None
        return
    latest: list[JobProgress] = []

    class Line(ProgressColumn):
        def render(self, task: Task) -> Text:
            return Text(latest[-1].describe(time.monotonic()) if latest else "starting…")

    with Progress(BarColumn(bar_width=20), Line(), console=console, transient=False) as bar:
        task = bar.add_task("batch", total=None)

        def report(state: JobProgress) -> None:
            latest[:] = [state]
            total = state.total if state.stage == "scoring" else None
            bar.update(task, completed=state.done, total=total)

        yield report


#: The loggers of Dask's side of this process: its client, scheduler and nannies, and the
#: Tornado loop they run on (which logs a callback that failed, as Dask's own clean-up of a
#: wait that Ctrl-C broke off does).
_DASK_LOGGERS = ("distributed", "tornado.application")


@contextmanager
def _quiet_dask_client() -> Iterator[None]:
    """Dask's client logs a lost scheduler as dozens of lines of traceback, and an
    interrupted job as more; the command says either in one line instead (the local
    workers' own logs are kept to what is critical: see threadguard.batch.runner)."""
    loggers = [logging.getLogger(name) for name in _DASK_LOGGERS]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


@app.command()
def batch(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Files or glob patterns: JSON Lines, CSV, Parquet, or any thread format "
            "(a whole-site Disqus export included).",
            show_default=False,
        ),
    ],
    out: Annotated[Path, typer.Option("--out", help="Output folder (Parquet + manifest.json).")],
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            help="Address of a running Dask scheduler (tcp://host:8786); default: a local "
            "cluster on this machine.",
        ),
    ] = None,
    workers: Annotated[
        int,
        typer.Option("--workers", min=0, help="Local worker processes (0: one per core)."),
    ] = 0,
    partition_size: Annotated[
        int,
        typer.Option(
            "--partition-size", min=1, help="Comments per partition (whole threads stay together)."
        ),
    ] = 4096,
    model: common.ModelOpt = None,
    policy: common.PolicyOpt = None,
    spans: Annotated[
        bool, typer.Option("--spans/--no-spans", help="Find the words behind each attribute.")
    ] = True,
    tier: common.TierOpt = Tier.CASCADE,
    deep_from: common.DeepFromOpt = None,
    context: common.ContextOpt = True,
    restart: Annotated[
        bool,
        typer.Option(
            "--restart",
            "--force",
            help="Discard what --out holds and start over (needed when the inputs, model, "
            "policy or settings changed since the run that wrote it).",
        ),
    ] = False,
    quiet: common.QuietOpt = False,
) -> None:
    """Score an archive on Dask into Parquet partitions, resumably.

    Every comment gets one row with its scores, targets, spans, decision and reasons; every
    thread one row with its signals. Run the same command again after a crash (even
    kill -9) and it carries on where it stopped: the output then holds every comment
    exactly once, and a partition that cannot be read back (overwritten, cut short) is
    named and scored again. A run into a folder written from other inputs, models, policy or
    settings is refused unless --restart.

    An input file that is empty (or holds only blank lines) is an input problem, as in
    `threadguard scan`: it is named, the other inputs are scored, and the exit code is 2.
    So is any other input problem (a text dump with no comment bullet line, a row left
    out, a character that could not be read), except those that lose nothing: a repaired
    parent, a Reddit "load more" stub, a comment with no text and an odd date leave it 0.

    For a cluster of several machines start `dask scheduler` on one and
    `dask worker tcp://HOST:8786 --nthreads 1` on each (ThreadGuard installed), then pass
    --scheduler tcp://HOST:8786.
    """
    from threadguard.batch import BatchJob, JobRefused, Recipe, run_batch
    from threadguard.batch.inputs import InputError
    from threadguard.batch.output import PartitionError
    from threadguard.batch.plan import bad_input
    from threadguard.batch.runner import SchedulerError
    from threadguard.moderation import policy_text
    from threadguard.scoring.linear import ModelError
    from threadguard.scoring.registry import ModelChoiceError

    if out.exists() and not out.is_dir():
        fail(f"--out {out}: is a file; --out names the folder the batch writes into")
    # a remote scheduler has its own workers: --workers is not used, so not checked
    processes = worker_count(workers) if scheduler is None else workers
    moderator = load_moderator(policy)
    text = policy_text(moderator.policy)
    if text is None:
        fail(f"{policy}: cannot read the policy again")
    recipe = Recipe(
        str(model) if model else None,
        cascade_settings(tier, context, deep_from),
        text,
        moderator.policy.source,
        spans,
    )
    job = BatchJob(
        inputs=inputs,
        out=out,
        recipe=recipe,
        model_dir=model,
        scheduler=scheduler,
        workers=processes,
        partition_comments=partition_size,
        restart=restart,
    )
    started = time.perf_counter()
    try:
        with _job_bar(quiet) as report_progress, _quiet_dask_client():
            result = run_batch(job, report_progress)
    except (JobRefused, InputError, ModelChoiceError) as exc:
        fail(str(exc))
    except SchedulerError as exc:  # a malformed address is bad usage; the others, failures
        fail(str(exc), 2 if exc.usage else 1)
    except OSError as exc:  # the output folder cannot be made or written, say
        where = exc.filename if exc.filename is not None else out
        fail(f"{where}: {exc.strerror or exc}", 1)
    except KeyboardInterrupt:
        # every partition written so far is kept; the manifest knows which are done
        err.print(
            f"interrupted: the partitions written to {escape(str(out))} are kept; run the same "
            "command again to go on from there",
            soft_wrap=True,
        )
        raise typer.Exit(130) from None
    except ModelError as exc:
        fail(f"{exc}. Train one with `threadguard train`.", 1)
    except PartitionError as exc:  # damaged while the job ran, or no partition of this job
        fail(str(exc), 1)
    seconds = time.perf_counter() - started
    counts = result.counts
    # the first problems, even with --quiet (which is about the bar, as for score and scan)
    for problem in result.problems[:10]:
        err.print(f"[yellow]warning:[/] {escape(str(problem))}", markup=True, soft_wrap=True)
    if result.problem_count > 10:
        listed = escape(str(result.problems_file or out / "problems.jsonl"))
        err.print(
            f"[yellow]warning:[/] {result.problem_count - 10} more; every problem is "
            f"listed in {listed}",
            soft_wrap=True,
        )
    for fault in result.repaired.values():
        # an earlier run's partition that could not be read back: scored again, not lost
        err.print(
            f"[yellow]warning:[/] {escape(fault)}; scored again from its input",
            markup=True,
            soft_wrap=True,
        )
    typer.echo(
        f"{counts['comments']} comments in {counts['threads']} threads, "
        f"{counts['partitions']} partitions ({result.written} written, {result.skipped} "
        f"already done) in {seconds:.1f} s: {counts['approve']} approve, {counts['hold']} hold, "
        f"{counts['reject']} reject; {result.problem_count} input problem(s) -> {out}"
    )
    # three lines at most, printed even with --quiet (which is about the bar): the totals
    # above do not say that they leave these out
    for line in _uncounted(counts):
        err.print(f"[yellow]warning:[/] {escape(line)}", markup=True, soft_wrap=True)
    if bad_input(counts):
        # every readable row is written; the exit code tells a pipeline that some input
        # was lost or malformed (a row left out, a file not read or read only in part, a
        # text dump with no comment bullet line, a character replaced: problems.jsonl says
        # where), as `score` and `scan` do for a bad line. Only problems that lose nothing
        # (a repaired parent, a Reddit "load more" stub, a deleted post, an odd date) and
        # partitions scored again leave it 0 (docs/archives.md)
        malformed = counts.get("malformed", 0)
        err.print(
            f"{malformed:,} input problem(s) other than repaired parents, 'load more' "
            "stubs, comments with no text and odd dates (warnings above; every one in "
            f"{escape(str(result.problems_file or out / 'problems.jsonl'))}); everything "
            "else was read, scored and written: exit code 2",
            soft_wrap=True,
        )
        raise typer.Exit(2)


def _uncounted(counts: dict[str, int]) -> list[str]:
    """What the totals leave out or cannot date, in words (none when nothing)."""
    lines = []
    if counts.get("partly_read_files"):
        lines.append(
            f"{counts['partly_read_files']:,} input file(s) read only in part (cut short or "
            "broken): what follows the break in each is lost, and not in these totals"
        )
    if counts.get("no_text"):
        lines.append(
            f"{counts['no_text']:,} comment(s) with no text (deleted posts, empty fields) "
            "are left out of the results"
        )
    if counts.get("odd_dates"):
        lines.append(
            f"{counts['odd_dates']:,} comment(s) have a created_at that is no ISO 8601 date "
            "(such as 01/02/2019, day and month either way round): kept as written, and left "
            "out of the report's timeline"
        )
    return lines


#: What a report may be written over: an earlier report (a hardening review found
#: `report --out` writing over the batch's manifest.json and over an input archive).
REPORT_SUFFIXES = (".html", ".htm")


def _check_report_path(folder: Path, out: Path) -> None:
    """Exit 2 where the report would destroy data: a file of the batch output it reads, or
    an existing file that is not a web page."""
    inside = folder.resolve() in out.resolve().parents
    if inside and out.suffix.lower() not in REPORT_SUFFIXES:
        fail(f"--out {out}: inside the batch output it reports on; name an .html file", 2)
    # a regular file that is no earlier report (by its name or its first bytes); a pipe or
    # /dev/stdout is written as before (a code review)
    if out.is_file() and out.suffix.lower() not in REPORT_SUFFIXES and not _is_page(out):
        fail(
            f"--out {out}: already exists and is not a web page; name an .html file "
            "(a report only writes over an earlier report)",
            2,
        )


def _is_page(path: Path) -> bool:
    """Whether a file starts as an HTML page does."""
    try:
        with path.open("rb") as fh:
            head = fh.read(64).lstrip().lower()
    except OSError:
        return False
    return head.startswith((b"<!doctype html", b"<html"))


@app.command()
def report(
    folder: Annotated[Path, typer.Argument(help="A `threadguard batch` output folder.")],
    out: Annotated[Path, typer.Option("--out", help="The HTML file to write.")] = Path(
        "report.html"
    ),
) -> None:
    """Write one self-contained HTML page about a batch output: hostility and held rate
    over time, by article and by attribute, targeted groups, the most heated threads,
    the authors most often rejected, examples (blurred), and the model and policy used."""
    from threadguard.report import ReportError, write_report

    _check_report_path(folder, out)
    try:
        data = write_report(folder, out)
    except ReportError as exc:  # a full disk exited 2, as if the command line were wrong
        fail(str(exc), 1 if exc.failure else 2)
    from threadguard.report.files import is_standard_output

    # not into the page, where it is written to standard output
    typer.echo(f"{out}: report on {data.totals.comments} comments", err=is_standard_output(out))
    if data.unfinished:
        err.print(
            f"[yellow]warning:[/] {escape(str(folder))}: the batch has not finished; the report "
            "covers only the comments scored so far (it says so at the top). Run the same "
            "batch command again to finish it.",
            soft_wrap=True,
        )
