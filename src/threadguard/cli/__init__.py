"""The ``threadguard`` command line: a thin layer over the engine, readers and trainers.

One module per family of commands; importing them registers their commands on ``app``.
Exit codes (DESIGN.md): 0 success, 2 bad usage or bad input, 1 any other failure.
Errors are one clear line on standard error, never a traceback.
"""

from __future__ import annotations

import os
import sys

import typer

# Importing a module registers its commands; --help lists them in this order.
from threadguard.cli import scoring, batch, training, evaluation, service, sites, adaptation  # noqa: F401  # isort: skip
from threadguard.cli import keys  # noqa: F401  # isort: skip  # `keys`, on service's store
from threadguard.cli import rescore  # noqa: F401  # isort: skip  # `db rescore`, on service's `db`
from threadguard.cli import audit  # noqa: F401  # isort: skip  # `db audit`, on service's `db`
from threadguard.cli import policy  # noqa: F401  # isort: skip  # `policy show`, `policy init`
from threadguard.cli import backup  # noqa: F401  # isort: skip  # `db backup`, on service's `db`
from threadguard.cli import stdout
from threadguard.cli.common import app, err

__all__ = ["app", "main"]


#: The width help is laid out for when standard output is no terminal (a pipe, a file, a
#: pager) and no ``COLUMNS`` or ``TERMINAL_WIDTH`` says otherwise: Rich's 80 cut option names
#: ("--restart,--for…") and squeezed each help text into a narrow column (desks 66-68).
PIPED_HELP_WIDTH = 120


def _help_width() -> None:
    try:
        terminal = sys.stdout.isatty()
    except (AttributeError, ValueError, OSError):
        return  # no standard output, or a closed one (a code review): nothing to lay out
    if terminal or os.environ.get("COLUMNS") or os.environ.get("TERMINAL_WIDTH"):
        return
    import typer.rich_utils

    typer.rich_utils.MAX_WIDTH = PIPED_HELP_WIDTH


def main() -> None:
    """Entry point: map usage errors to exit 2 and unexpected ones to 1, one line each;
    standard output that cannot be written ends it as :mod:`.stdout` says."""
    _help_width()
    stdout.guard()
    try:
        try:
            code = _run()
        finally:  # what is still buffered fails here, not unnamed at Python's exit
            stdout.flush()
    except stdout.Unwritable as fault:
        code = stdout.end(fault)
    raise SystemExit(code)


def _run() -> int:
    """Run the command line; its exit status."""
    try:
        # Without standalone mode click returns an Exit's code instead of exiting.
        code = app(standalone_mode=False)
        return code if isinstance(code, int) else 0
    except typer.Exit as exc:
        return exc.exit_code
    except stdout.Unwritable:
        raise  # main()'s to end
    except typer.BadParameter as exc:
        # format_message names the option ("Invalid value for '--workers': ...").
        # one line however long (Rich wrapped a long one at 80 columns off a terminal)
        err.print(f"error: {exc.format_message()}", markup=False, soft_wrap=True)
        return 2
    except typer.Abort as exc:
        err.print(f"error: {exc}", markup=False, soft_wrap=True)
        return 2
    except OSError as exc:
        if exc.filename is None or not exc.strerror:
            return _unexpected(exc)
        # a file or folder the command could not reach, named: the catch-all below said
        # "error: PermissionError: [Errno 13] Permission denied: '/srv/x'" (scan FILE,
        # batch --out, keys --data-dir, train --data under a folder not the user's)
        from threadguard.cli.arguments import shown
        from threadguard.cli.common import write_fault

        name = shown(os.fsdecode(exc.filename))[1:-1]
        err.print(f"error: {name}: {exc.strerror}", markup=False, soft_wrap=True)
        return write_fault(exc)
    except Exception as exc:  # the click usage errors and anything unexpected
        # Typer may bring its own copy of click, so its usage errors are recognised by
        # what they offer (show() and an exit code), not by click's class.
        show, exit_code = getattr(exc, "show", None), getattr(exc, "exit_code", None)
        if callable(show) and isinstance(exit_code, int):
            show()
            return exit_code
        return _unexpected(exc)


def _unexpected(exc: Exception) -> int:
    """Say ``exc`` in one line; exit 1."""
    err.print(f"error: {type(exc).__name__}: {exc}", markup=False, soft_wrap=True)
    return 1
