"""What every command shares: the Typer app, common options, the error exit, the engine.

Exit codes (DESIGN.md): 0 success, 2 bad usage or bad input, 1 any other failure.
Errors are one clear line on standard error, never a traceback.
"""

from __future__ import annotations

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

#: The labelled data never ships with the code: commands that read it are told where by
#: ``--data`` or this variable, and say so when neither is given (:func:`data_folder`).
DATA_ENV = "THREADGUARD_DATA"

ModelOpt = Annotated[
    Path | None, typer.Option("--model", help="Model directory (default: the shipped model).")
]
PolicyOpt = Annotated[
    Path | None,
    typer.Option("--policy", help="Policy TOML file (default: the built-in news-site policy)."),
]
DataOpt = Annotated[
    Path | None,
    typer.Option("--data", envvar=DATA_ENV, help="Folder of the labelled data sets."),
]


def fail(message: str, code: int = 2) -> NoReturn:
    """Print one error line and exit with the DESIGN.md exit code."""
    err.print(f"[bold red]error:[/] {message}", markup=True, soft_wrap=True)
    raise typer.Exit(code)


def data_folder(data: Path | None) -> Path:
    """The data folder given by ``--data`` or ``$THREADGUARD_DATA``; else exit 2 saying how."""
    if data is None:
        fail(f"no data folder given: pass --data DIR or set {DATA_ENV}")
    if not data.is_dir():
        fail(f"{data}: no such data folder (pass --data DIR or set {DATA_ENV})")
    return data


TierOpt = Annotated[
    str,
    typer.Option(
        "--tier",
        help="fast (n-grams only), cascade (deep tier where the fast tier is unsure) or deep.",
    ),
]
DeepFromOpt = Annotated[
    float,
    typer.Option(
        "--deep-from",
        min=0.0,
        max=1.0,
        help="Cascade band: comments with any fast-tier score at or above this go to the deep "
        "tier (0: all of them, 1: almost none). Lower is slower and better on dev rows; "
        "`threadguard bench` prints the curve.",
    ),
]
#: The shipped default band (chosen on dev rows; see engine.CascadeSettings).
DEFAULT_DEEP_FROM = 0.1
ContextOpt = Annotated[
    bool,
    typer.Option("--context/--no-context", help="Use the parent comment and title as context."),
]


def _engine(  # type: ignore[no-untyped-def]
    model: Path | None,
    tier: str = "cascade",
    context: bool = True,
    deep_from: float = DEFAULT_DEEP_FROM,
):
    """The engine with the shipped (or given) models; a bad setting or model exits."""
    from threadguard.engine import CascadeSettings, Engine
    from threadguard.scoring.linear import ModelError

    try:
        cascade = CascadeSettings(tier=tier, use_context=context, deep_from=deep_from)
    except ValueError as exc:
        fail(str(exc))
    try:
        return Engine.load(model, cascade=cascade)
    except ModelError as exc:
        fail(f"{exc}. Train one with `threadguard train`.", 1)


def _moderator(policy: Path | None):  # type: ignore[no-untyped-def]
    """The moderator under the policy file (every section of it), or the default policy;
    a policy that cannot be read or is invalid exits 2 with the fault named."""
    from threadguard.moderation import Moderator, PolicyError, load_policy

    try:
        return Moderator(load_policy(policy))
    except PolicyError as exc:
        fail(str(exc), 2)


@app.callback(invoke_without_command=True)
def _root(
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False,
) -> None:
    if version:
        typer.echo(f"threadguard {__version__}")
        raise typer.Exit(0)
