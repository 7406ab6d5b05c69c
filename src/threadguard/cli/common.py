"""What every command shares: the Typer app, common options, the error exit, the engine.

Exit codes (DESIGN.md): 0 success, 2 bad usage or bad input, 1 any other failure.
Errors are one clear line on standard error, never a traceback.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.markup import escape

from threadguard import __version__
from threadguard.cli.arguments import TextArgumentsGroup
from threadguard.schema import Tier
from threadguard.validation import lone_surrogate

if TYPE_CHECKING:
    from threadguard.moderation import Policy

app = typer.Typer(
    name="threadguard",
    cls=TextArgumentsGroup,  # every value given must be UTF-8 text (cli/arguments.py)
    help="Context-aware moderation for threaded comment sections.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # paragraphs are reflowed to the terminal's width: the docstrings' own line breaks
    # printed as they stand read as a second, broken wrap at 80 columns (desk 15)
    rich_markup_mode="markdown",
)
err = Console(stderr=True, highlight=False)

#: The labelled data never ships with the code: commands that read it are told where by
#: ``--data`` or this variable, and say so when neither is given (:func:`data_folder`).
DATA_ENV = "THREADGUARD_DATA"

ModelOpt = Annotated[
    Path | None,
    typer.Option(
        "--model",
        help="A model folder `threadguard train` wrote, of either tier: it replaces that tier, "
        "the other stays the shipped one (default: the shipped models).",
    ),
]
PolicyOpt = Annotated[
    Path | None,
    typer.Option("--policy", help="Policy TOML file (default: the built-in news-site policy)."),
]
DataOpt = Annotated[
    Path | None,
    typer.Option("--data", envvar=DATA_ENV, help="Folder of the labelled data sets."),
]


def cli_user() -> str:
    """Who runs the command, for the audit log's ``cli:NAME`` actor ("unknown" in a
    container without a passwd entry)."""
    try:
        name = getpass.getuser()
    except (KeyError, OSError):
        return "unknown"
    # a login name that is not UTF-8 text could not be logged (a code review)
    return "unknown" if lone_surrogate(name) is not None else name


def fail(message: str, code: int = 2) -> NoReturn:
    """Print one error line and exit with the DESIGN.md exit code."""
    # escaped: a message quotes files and policy tables ("[thresholds]") that are no markup
    err.print(f"[bold red]error:[/] {escape(message)}", markup=True, soft_wrap=True)
    raise typer.Exit(code)


def write_fault(exc: OSError) -> int:
    """The exit code for a file the command cannot write: 2 where the path given is wrong
    (no such folder, a folder named as the file), 1 otherwise (a full disk, no permission).
    A desk's `policy init nodir/x.toml` exited 1, which the README keeps for failures that
    are not the input's."""
    return 2 if isinstance(exc, (FileNotFoundError, NotADirectoryError, IsADirectoryError)) else 1


def check_names(
    *,
    making: bool = False,
    exists: Callable[[str], bool] | None = None,
    **options: str | None,
) -> None:
    """Exit 2 naming the option when a site or key name given on the command line is not
    one the store accepts (``check_names(site=site)`` checks ``--site``); ``making``: a
    ``--site`` the command binds a key or a user to, which must be a name a site may have
    (:func:`threadguard.validation.site_problem`) unless ``exists`` (the store's
    ``has_site``) finds the site there already, where a command that reads a site takes
    any stored name."""
    from threadguard.validation import InvalidField, check_name, check_site

    try:
        for option, value in options.items():
            if making and option == "site":
                check_site(f"--{option}", value, exists=exists)
            else:
                check_name(f"--{option}", value)
    except InvalidField as exc:
        fail(str(exc))


#: ``--workers`` beyond this many per core is cut down to it, with a warning: each worker
#: is a process that loads the models, and ``batch --workers 100000`` spent ten minutes
#: starting a local cluster for one comment (``score`` would have forked as many).
MAX_WORKERS_PER_CORE = 4


def worker_count(workers: int) -> int:
    """The processes ``--workers`` asks for (0: one per core), at most
    :data:`MAX_WORKERS_PER_CORE` per core: more is never refused (a script's
    ``--workers 9`` on a small machine, or an input too short to start any), but cut down
    to that with one warning line saying what was asked and what is used."""
    from threadguard.parallel import default_workers

    cores = default_workers()
    most = MAX_WORKERS_PER_CORE * cores
    if workers > most:
        err.print(
            f"[yellow]warning:[/] --workers {workers}: using {most} ({MAX_WORKERS_PER_CORE} "
            f"per core, {cores} core{'s' if cores != 1 else ''}; each worker is a process "
            "that loads the models)",
            markup=True,
            soft_wrap=True,
        )
        return most
    return workers or cores


def data_folder(data: Path | None) -> Path:
    """The data folder given by ``--data`` or ``$THREADGUARD_DATA``; else exit 2 saying how."""
    if data is None:
        fail(f"no data folder given: pass --data DIR or set {DATA_ENV}")
    if not data.is_dir():
        fail(f"{data}: no such data folder (pass --data DIR or set {DATA_ENV})")
    return data


_TIER = typer.Option(
    "--tier",
    help="fast (n-grams only), cascade (deep tier where the fast tier is unsure) or deep.",
)
TierOpt = Annotated[Tier, _TIER]
#: ``--tier`` where leaving it out defers to the settings file and environment (serve).
SettingTierOpt = Annotated[Tier | None, _TIER]
#: The engine's default band (engine.CascadeSettings.deep_from, chosen on dev rows), written
#: here so the help can show it without loading the engine; a test keeps the two equal.
SHIPPED_DEEP_FROM = 0.2
_DEEP_FROM_HELP = (
    "Cascade band: comments with any fast-tier score at or above this go to the deep "
    "tier (0: all of them, 1: almost none). Lower is slower and better on dev rows; "
    "`threadguard bench` prints the curve."
)


def _deep_from(shown: str) -> Any:
    """The ``--deep-from`` option, its default shown as ``shown``."""
    return typer.Option("--deep-from", min=0.0, max=1.0, show_default=shown, help=_DEEP_FROM_HELP)


#: Left out, the band is the engine's default.
DeepFromOpt = Annotated[float | None, _deep_from(f"{SHIPPED_DEEP_FROM:g}")]
#: ``--deep-from`` where leaving it out defers to the settings file and environment (serve,
#: db rescore): a code review found serve's help stating 0.2 whatever the settings said.
SettingDeepFromOpt = Annotated[
    float | None, _deep_from(f"the settings file's, else {SHIPPED_DEEP_FROM:g}")
]
QuietOpt = Annotated[
    bool,
    typer.Option(
        "--quiet", "-q", help="No progress bar (there is none unless stderr is a terminal)."
    ),
]
ContextOpt = Annotated[
    bool,
    typer.Option(
        "--context/--no-context",
        help="Read each comment with its parent comment and the article title: the models "
        "score the pair, and the lists (coded hate, threats, agreement with an abusive "
        "parent) look in them too; --no-context reads each comment alone.",
    ),
]


def cascade_settings(  # type: ignore[no-untyped-def]
    tier: Tier = Tier.CASCADE, context: bool = True, deep_from: float | None = None
):
    """The cascade settings the options ask for; a bad one exits 2."""
    from dataclasses import replace

    from threadguard.engine import CascadeSettings

    try:
        cascade = CascadeSettings(tier=tier, use_context=context)
        if deep_from is not None:  # else the engine's own default band
            cascade = replace(cascade, deep_from=deep_from)
    except ValueError as exc:
        fail(str(exc))
    return cascade


def load_engine(  # type: ignore[no-untyped-def]
    model: Path | None,
    tier: Tier = Tier.CASCADE,
    context: bool = True,
    deep_from: float | None = None,
):
    """The engine with the shipped (or given) models; a bad setting or model exits."""
    from threadguard.engine import Engine
    from threadguard.scoring.languages import INDEX
    from threadguard.scoring.linear import ModelError
    from threadguard.scoring.registry import ModelChoiceError

    cascade = cascade_settings(tier, context, deep_from)
    try:
        engine = Engine.load(model, cascade=cascade)
    except ModelError as exc:
        # a --model folder that holds no model is bad usage (2); the shipped one failing, 1
        fail(f"{exc}. Train one with `threadguard train`.", 1 if model is None else 2)
    except ModelChoiceError as exc:  # a deep model with --tier fast
        fail(str(exc))
    if model is not None and engine.languages is not None and (model / INDEX).is_file():
        # a `train --tier languages` folder replaces the multilingual tier only: a line of
        # English scored exactly as before, under the same model string, looked ignored
        covered = ", ".join(sorted(engine.languages.languages))
        err.print(
            f"note: {model} is a multilingual model ({INDEX}, {engine.languages.tag}): it "
            f"scores comments in {covered} only; English and other comments keep "
            f"{engine.model_version}",
            markup=False,
            soft_wrap=True,
        )
    return engine


def warn_left_out(policy: Policy) -> None:
    """Say on stderr what a policy file turns off by leaving out the built-in policy's
    tables (:func:`threadguard.moderation.left_out`): it still loads, since a site may mean
    it, but nothing else would tell that its lists are off."""
    from threadguard.moderation import left_out

    missing = left_out(policy)
    if not missing:
        return
    lines = [
        f"warning: {policy.source} is a whole policy and leaves out tables (or thresholds) "
        "the built-in one has, so under it:",
        *(f"  {m}" for m in missing),
        "  (`threadguard policy init FILE` writes every table; a table written out, a "
        'list\'s with action = "off" too, says it on purpose and silences this)',
    ]
    for line in lines:
        err.print(line, markup=False, highlight=False, soft_wrap=True)


def load_moderator(policy: Path | None, context: bool = True):  # type: ignore[no-untyped-def]
    """The moderator under the policy file (every section of it), or the default policy;
    a policy that cannot be read or is invalid exits 2 with the fault named, and one that
    leaves tables out is warned of. ``context``: whether it reads each comment with its
    parent and title (``--context/--no-context``)."""
    from threadguard.moderation import Moderator, PolicyError, load_policy, require_covered
    from threadguard.scoring.languages import covered_languages

    try:
        loaded = load_policy(policy)
        require_covered(loaded, covered_languages())
    except PolicyError as exc:
        fail(str(exc), 2)
    warn_left_out(loaded)
    return Moderator(loaded, context=context)


@app.callback(invoke_without_command=True)
def _root(
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False,
) -> None:
    if version:
        typer.echo(f"threadguard {__version__}")
        raise typer.Exit(0)
