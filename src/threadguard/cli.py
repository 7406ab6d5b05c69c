"""The ``threadguard`` command line: a thin layer over the engine, readers and trainers.

Exit codes (DESIGN.md): 0 success, 2 bad usage or bad input, 1 any other failure.
Errors are one clear line on standard error, never a traceback.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console

from threadguard import __version__

app = typer.Typer(
    name="threadguard",
    help="Context-aware moderation for threaded comment sections.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False)

DEFAULT_DATA = Path(os.environ.get("THREADGUARD_DATA", "../shared/data"))

ModelOpt = Annotated[
    Path | None, typer.Option("--model", help="Model directory (default: the shipped model).")
]
PolicyOpt = Annotated[
    Path | None,
    typer.Option("--policy", help="Policy TOML file (default: the built-in news-site policy)."),
]
DataOpt = Annotated[
    Path,
    typer.Option(
        "--data", help="Folder of the labelled data sets ($THREADGUARD_DATA, else ../shared/data)."
    ),
]


def fail(message: str, code: int = 2) -> NoReturn:
    """Print one error line and exit with the DESIGN.md exit code."""
    err.print(f"[bold red]error:[/] {message}", markup=True, soft_wrap=True)
    raise typer.Exit(code)


def _engine(model: Path | None, policy: Path | None):  # type: ignore[no-untyped-def]
    from threadguard.engine import Engine
    from threadguard.policy import PolicyError, load_policy
    from threadguard.scoring.linear import LinearModel, ModelError

    try:
        pol = load_policy(policy)
    except PolicyError as exc:
        fail(str(exc), 2)
    try:
        from threadguard.engine import shipped_model_dir

        m = LinearModel.load(model or shipped_model_dir())
    except ModelError as exc:
        fail(f"{exc}. Train one with `threadguard train`.", 1)
    return Engine(m, pol)


@app.callback(invoke_without_command=True)
def _root(
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False,
) -> None:
    if version:
        typer.echo(f"threadguard {__version__}")
        raise typer.Exit(0)


@app.command()
def score(
    input: Annotated[
        str, typer.Argument(help="JSON Lines file to score, or - for standard input.")
    ] = "-",
    model: ModelOpt = None,
    policy: PolicyOpt = None,
) -> None:
    """Score comments: JSON Lines in, one JSON line out per input line, in order.

    Each input line is {"id", "text", "parent", "title"} (only "text" required) or plain
    text. Blank lines are skipped. A bad line gives an {"error": ...} line and the run goes
    on; the exit code is 2 if any line failed.
    """
    from threadguard.score_lines import score_stream

    engine = _engine(model, policy)
    if input == "-":
        stream = sys.stdin
    else:
        try:
            stream = open(input, encoding="utf-8", errors="replace", newline="")  # noqa: SIM115
        except OSError as exc:
            fail(f"{input}: cannot open: {exc.strerror}")
    failed = 0
    out = sys.stdout
    with stream:
        for obj, ok in score_stream(engine, stream):
            out.write(json.dumps(obj, ensure_ascii=False) + "\n")
            failed += not ok
    out.flush()
    if failed:
        err.print(f'{failed} line(s) could not be scored (see their "error" objects)')
        raise typer.Exit(2)


@app.command()
def scan(
    file: Annotated[
        Path,
        typer.Argument(help="Thread file: text dump, JSON/JSONL, CSV, Disqus XML, Reddit JSON."),
    ],
    format: Annotated[
        str, typer.Option("--format", help="Output: text (a tree) or json.")
    ] = "text",
    input_format: Annotated[
        str | None,
        typer.Option("--input-format", help="Force the input format instead of detecting it."),
    ] = None,
    model: ModelOpt = None,
    policy: PolicyOpt = None,
) -> None:
    """Read a thread, score and decide every comment, and show it."""
    from threadguard.readers import ReaderError, read_thread
    from threadguard.render import signals_panel, summary_line, thread_json, thread_tree
    from threadguard.signals import compute_signals

    if format not in ("text", "json"):
        fail(f"--format must be text or json, not {format!r}")
    if not file.is_file():
        fail(f"{file}: no such file")
    try:
        result = read_thread(file, format=input_format)
    except ReaderError as exc:
        fail(str(exc))
    for problem in result.problems:
        err.print(f"[yellow]warning:[/] {problem}", markup=True, soft_wrap=True)
    engine = _engine(model, policy)
    scored = engine.scan(result.thread)
    if format == "json":
        doc = thread_json(result.thread, scored)
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        return
    console = Console()
    console.print(thread_tree(result.thread, scored))
    console.print(signals_panel(compute_signals(result.thread, scored)))
    console.print(summary_line(scored))


@app.command()
def train(
    data: DataOpt = DEFAULT_DATA,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", help="Where to write the model (default: the shipped model's folder)."
        ),
    ] = None,
    model_version: Annotated[
        int, typer.Option("--model-version", help="Version number of the new model.")
    ] = 1,
    c: Annotated[
        float, typer.Option("-C", help="Inverse regularisation strength of the heads.")
    ] = 4.0,
) -> None:
    """Train the fast tier from the labelled data and write it with its model card."""
    from threadguard.engine import shipped_model_dir
    from threadguard.training.fast_tier import train_fast_tier
    from threadguard.training.model_card import write_model_card

    if not data.is_dir():
        fail(f"{data}: no such data folder (set --data or THREADGUARD_DATA)")
    target = out or shipped_model_dir()
    try:
        result = train_fast_tier(data, version=model_version, c=c, log=lambda m: err.print(m))
    except (OSError, KeyError, ValueError) as exc:
        fail(f"cannot train from {data}: {exc}", 1)
    result.model.save(target)
    err.print(f"model written to {target} in {result.seconds:.0f}s; evaluating on the test splits")
    write_model_card(result, target, data, log=lambda m: err.print(m))
    err.print(f"model card: {target / 'MODEL_CARD.md'}")


@app.command("eval")
def evaluate(
    data: DataOpt = DEFAULT_DATA,
    model: ModelOpt = None,
    split: Annotated[
        str, typer.Option("--split", help="Which split to report: test or dev.")
    ] = "test",
) -> None:
    """Report the model on every data set's test split (and the majority baseline)."""
    from rich.table import Table

    from threadguard.training.evaluate import evaluate_all

    if not data.is_dir():
        fail(f"{data}: no such data folder (set --data or THREADGUARD_DATA)")
    if split not in ("test", "dev"):
        fail("--split must be test or dev")
    engine = _engine(model, None)
    rows = evaluate_all(engine.model, data, split=split)
    table = Table(title=f"ThreadGuard {engine.model.tag} on the {split} splits")
    for col in (
        "data set",
        "attribute",
        "rows",
        "positives",
        "AUROC",
        "F1",
        "macro-F1",
        "baseline macro-F1",
    ):
        table.add_column(col, justify="right" if col not in ("data set", "attribute") else "left")
    for r in rows:
        table.add_row(
            r.dataset,
            r.head,
            str(r.rows),
            str(r.positives),
            f"{r.auroc:.3f}",
            f"{r.f1:.3f}",
            f"{r.macro_f1:.3f}",
            f"{r.baseline_macro_f1:.3f}",
        )
    Console().print(table)


@app.command()
def bench(
    n: Annotated[int, typer.Option("-n", help="Comments to score.")] = 20000,
    model: ModelOpt = None,
) -> None:
    """Throughput of each stage, as ratios against a JSON round-trip baseline in the same run."""
    from threadguard.bench import run_bench

    engine = _engine(model, None)
    for line in run_bench(engine, n):
        typer.echo(line)


def main() -> None:
    """Entry point: map usage errors to exit 2 and unexpected ones to 1, one line each."""
    try:
        # Without standalone mode click returns an Exit's code instead of exiting.
        code = app(standalone_mode=False)
        raise SystemExit(code if isinstance(code, int) else 0)
    except typer.Exit as exc:
        raise SystemExit(exc.exit_code) from None
    except (typer.BadParameter, typer.Abort) as exc:
        err.print(f"error: {exc}")
        raise SystemExit(2) from None
    except Exception as exc:  # the click usage errors and anything unexpected
        import click

        if isinstance(exc, click.ClickException):
            exc.show()
            raise SystemExit(exc.exit_code) from None
        err.print(f"error: {type(exc).__name__}: {exc}")
        raise SystemExit(1) from None
