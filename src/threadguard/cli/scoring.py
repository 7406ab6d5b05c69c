"""``threadguard score`` and ``threadguard scan``: comments and threads in, decisions out."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, BinaryIO

import typer
from rich.console import Console
from rich.markup import escape

from threadguard.cli.arguments import ANY_BYTES
from threadguard.cli.common import (
    ContextOpt,
    DeepFromOpt,
    ModelOpt,
    PolicyOpt,
    QuietOpt,
    TierOpt,
    app,
    err,
    fail,
    load_engine,
    load_moderator,
    worker_count,
)
from threadguard.readers.registry import format_names
from threadguard.schema import Tier

if TYPE_CHECKING:
    from threadguard.engine import Engine
    from threadguard.moderation import Moderated, Moderator
    from threadguard.thread import Thread


@app.command()
def score(
    input: Annotated[
        str,
        typer.Argument(help="JSON Lines file to score, or - for standard input."),
        ANY_BYTES,  # a file only read: its name may be any bytes (cli/arguments.py)
    ] = "-",
    model: ModelOpt = None,
    policy: PolicyOpt = None,
    tier: TierOpt = Tier.CASCADE,
    context: ContextOpt = True,
    deep_from: DeepFromOpt = None,
    workers: Annotated[
        int,
        typer.Option(
            "--workers",
            help="Processes scoring in parallel on a large input (0: one per core).",
            min=0,
        ),
    ] = 0,
    spans: Annotated[
        bool,
        typer.Option(
            "--spans/--no-spans",
            help="Find the words that carry each attribute (--no-spans: empty spans, faster).",
        ),
    ] = True,
    quiet: QuietOpt = False,
) -> None:
    """Score comments: JSON Lines in, one JSON line out per input line, in order.

    Each input line is {"id", "text", "parent", "title"} (only "text" required) or plain
    text. Blank lines are skipped. A bad line (broken JSON, a JSON list, number, true,
    false or null) gives an {"error": ...} line naming its line number and the run goes
    on; the exit code is 2 if any line failed. Inputs longer than a few thousand lines are
    scored on every core.
    """
    from threadguard.parallel import EngineRecipe, score_lines
    from threadguard.progress import progress_bar

    processes = worker_count(workers)  # before the models load
    moderator = load_moderator(policy, context)
    engine = load_engine(model, tier, context, deep_from)
    recipe = EngineRecipe(model, policy, engine.cascade)
    from threadguard.readers.decoding import stream_lines
    from threadguard.thread import Problem

    # Bytes UTF-8 rejects are read as Windows-1252 and the first such line is named; a
    # byte-order mark is dropped (or line 1's JSON would be scored as plain text); a UTF-16
    # file (what a Windows PowerShell redirect writes) is read as UTF-16, not as lines of
    # zero bytes with every id lost
    source = "standard input" if input == "-" else input
    if input == "-":
        binary: BinaryIO = sys.stdin.buffer
    else:
        try:
            binary = open(input, "rb")  # noqa: SIM115
        except OSError as exc:
            fail(f"{input}: cannot open: {exc.strerror}")
    problems: list[Problem] = []
    stream = stream_lines(binary, source, problems)
    failed = 0
    out = sys.stdout
    total = None if input == "-" else _line_count(Path(input), quiet)
    with binary, progress_bar("scoring", quiet=quiet) as advance:
        lines = score_lines(engine, moderator, recipe, stream, processes, spans=spans)
        done = 0
        for done, (line, ok) in enumerate(lines, start=1):
            out.write(line + "\n")
            failed += not ok
            if done % 256 == 0:
                advance(done, total)
        advance(done, done)
    out.flush()
    for problem in problems:
        err.print(f"[yellow]warning:[/] {escape(str(problem))}", markup=True, soft_wrap=True)
    if failed:
        err.print(f'{failed} line(s) could not be scored (see their "error" objects)')
        raise typer.Exit(2)


@app.command()
def scan(
    file: Annotated[
        Path,
        typer.Argument(help="Thread file: text dump, JSON/JSONL, CSV, Disqus XML, Reddit JSON."),
        ANY_BYTES,  # a file only read: its name may be any bytes (cli/arguments.py)
    ],
    format: Annotated[
        str, typer.Option("--format", help="Output: text (a tree) or json.")
    ] = "text",
    input_format: Annotated[
        str | None,
        typer.Option(
            "--input-format",
            help=f"Force the input format instead of detecting it: {', '.join(format_names())}.",
        ),
    ] = None,
    model: ModelOpt = None,
    policy: PolicyOpt = None,
    tier: TierOpt = Tier.CASCADE,
    context: ContextOpt = True,
    deep_from: DeepFromOpt = None,
    quiet: QuietOpt = False,
    language: Annotated[
        str | None,
        typer.Option(
            "--language",
            help="The language (ISO 639-1) of comments that state none: read in it instead "
            "of the detected one, except a comment plainly written in another language (four "
            "words or more, or fewer in another script or with that language's own marker "
            "words), which is read in that: a stated language cannot hide a comment from the "
            "model of the language it is written in (docs/languages.md).",
        ),
    ] = None,
) -> None:
    """Read a thread, score and decide every comment, and show it.

    A Disqus export holds many threads: scan shows the one with the most comments and
    says so; `threadguard batch` reads them all. An empty file (or one of only blank
    lines) holds no thread: exit 2, as `threadguard batch` exits for one."""
    from threadguard.documents import thread_document
    from threadguard.readers import ReaderError, read_thread
    from threadguard.render import levels_for, signals_panel, summary_line, thread_tree
    from threadguard.signals import compute_signals

    format = format.strip().lower()  # "JSON" is json (desk 66)
    if format not in ("text", "json"):
        fail(f"--format must be text or json, not {format!r}")
    if file.is_dir():
        fail(f"{file}: is a folder, not a thread file")
    if not file.is_file():
        fail(f"{file}: no such file")
    try:
        result = read_thread(file, format=input_format)
    except ReaderError as exc:
        fail(str(exc))
    for problem in result.problems:
        err.print(f"[yellow]warning:[/] {escape(str(problem))}", markup=True, soft_wrap=True)
    if language is not None:
        from threadguard.language import LANGUAGE_CODE, primary_language

        if not LANGUAGE_CODE.fullmatch(language):
            fail(f"--language must be a language code such as de, not {language!r}")
        result.thread = result.thread.in_language(primary_language(language))
    moderator = load_moderator(policy, context)
    engine = load_engine(model, tier, context, deep_from)
    scored = _moderate(moderator, engine, result.thread, quiet)
    if format == "json":
        doc = thread_document(result.thread, scored, moderator)
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    else:
        console = Console()
        console.print(thread_tree(result.thread, scored, levels_for(console.width)))
        console.print(signals_panel(compute_signals(result.thread, scored)))
        console.print(summary_line(scored))
    if result.problems:
        # as `score` does for a bad line: everything readable is shown, and the exit code
        # tells a script that part of the file was malformed (the warnings say where)
        count = len(result.problems)
        err.print(
            f"{count} problem{'s' if count != 1 else ''} in {escape(str(file))} (warnings above); "
            "the rest was read and decided: exit code 2",
            soft_wrap=True,
        )
        raise typer.Exit(2)


def _line_count(path: Path, quiet: bool) -> int | None:
    """About how many lines ``score`` will write for ``path`` (its newlines), counted only
    when a progress bar will show it."""
    from threadguard.progress import shows_progress

    if not shows_progress(quiet):
        return None
    try:
        with path.open("rb") as f:
            return sum(block.count(b"\n") for block in iter(lambda: f.read(1 << 20), b""))
    except OSError:
        return None


def _moderate(moderator: Moderator, engine: Engine, thread: Thread, quiet: bool) -> list[Moderated]:
    """``moderator.moderate_thread``, with a progress bar on a terminal."""
    from threadguard.progress import ProgressEngine, progress_bar, shows_progress

    if not shows_progress(quiet):
        return moderator.moderate_thread(engine, thread)
    names = {c.author for c in thread.comments if c.author}
    total = len(thread.comments) + (len(names) if moderator.policy.screen_authors else 0)
    with progress_bar("scanning", quiet=quiet) as advance:
        return moderator.moderate_thread(ProgressEngine(engine, advance, total), thread)
