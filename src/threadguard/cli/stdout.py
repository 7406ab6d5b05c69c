"""Standard output that cannot be written: a closed pipe ends quietly, anything else is
named in one line.

Every command prints through ``sys.stdout`` (Rich, ``typer.echo``, ``print``, its
``buffer``), and a write to it can fail at any of them, or only when Python flushes it
at exit. The failures were told apart by nobody: ``scan FILE > /dev/full`` said
``error: OSError: [Errno 28] No space left on device`` (which file?), and ``scan FILE |
head -c 10`` exited 1 or printed ``Exception ignored ... BrokenPipeError``, by timing.
:func:`guard` puts a writer under ``sys.stdout`` whose failures raise :class:`Unwritable`,
which is no ``OSError``: no command's handler of its own files' errors takes it for one of
theirs, and Typer's handling of a broken pipe (exit 1) does not see it either.
:func:`end` then says what happened once, and how the command ends.

Standard output closed outright (``scan FILE >&-``) leaves Python no ``sys.stdout`` at
all, and Rich and ``print`` then drop what they are given: the output was lost and the
command exited 0. :func:`guard` puts a writer there too, each of whose writes fails as a
closed descriptor's does, and holds descriptor 1 open for reading only, so that no file
the command opens later takes it for its standard output (a program the command starts
finds it closed, as it was).
"""

from __future__ import annotations

import errno
import io
import os
import sys

#: The exit status for a reader that went away (``threadguard scan FILE | head -1``):
#: 128 + SIGPIPE, the status a shell reports for ``cat``, ``grep`` and the rest, which
#: SIGPIPE ends in that pipeline (Python ignores the signal and gets EPIPE instead). A
#: script with ``set -o pipefail`` reads the same from this command as from them, and it
#: claims no more than is true: 0 would say that all of the output was written.
BROKEN_PIPE_EXIT = 128 + 13


class Unwritable(Exception):
    """Standard output cannot be written; ``error`` is the write's own error."""

    def __init__(self, error: OSError) -> None:
        super().__init__(error.strerror or str(error))
        self.error = error


class _Writer(io.FileIO):
    """Standard output's file descriptor, each failed write an :class:`Unwritable`."""

    def write(self, data: bytes) -> int | None:  # type: ignore[override]
        try:
            return super().write(data)
        except OSError as exc:
            raise Unwritable(exc) from None


class _Closed(io.RawIOBase):
    """Standard output closed outright: every write an :class:`Unwritable`, until
    :func:`end` has said so (then what is left is dropped, or Python's flush at exit
    would fail again: "Exception ignored ...")."""

    told = False

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        if self.told:
            return len(data)
        raise Unwritable(OSError(errno.EBADF, os.strerror(errno.EBADF)))


def _hold_descriptor_one() -> None:
    """Open descriptor 1 on the null device, for reading only and not inherited, where
    nothing holds it: writes to it still fail (EBADF), and no file opened later is given
    it."""
    try:
        os.fstat(1)
        return  # held already (by a file opened since start-up): left to its owner
    except OSError:
        pass
    try:
        fd = os.open(os.devnull, os.O_RDONLY)
    except OSError:
        return
    if fd != 1:  # not inheritable: a program it starts finds descriptor 1 closed, as it was
        os.dup2(fd, 1, inheritable=False)
        os.close(fd)


def guard() -> None:
    """Put a :class:`_Writer` under ``sys.stdout`` (a new text stream over it, as
    encoded and buffered as the one it replaces), or a :class:`_Closed` one where
    standard output was closed before the command started; nothing where standard output
    is no file descriptor's (a test's capture)."""
    out = sys.stdout
    if out is None:
        _hold_descriptor_one()
        sys.stdout = io.TextIOWrapper(io.BufferedWriter(_Closed()), encoding="utf-8")
        return
    if not isinstance(out, io.TextIOWrapper):
        return
    try:
        fd = out.fileno()
        out.flush()
    except (OSError, ValueError):  # closed, or unwritable already: left as it is
        return
    sys.stdout = io.TextIOWrapper(
        io.BufferedWriter(_Writer(fd, "w", closefd=False)),
        encoding=out.encoding,
        errors=out.errors,
        line_buffering=out.line_buffering,
        write_through=out.write_through,
    )


def flush() -> None:
    """Write out what standard output holds, so that a failure is raised here, where it
    can be told (:func:`end`), and not at Python's exit."""
    if sys.stdout is not None:
        sys.stdout.flush()


def end(fault: Unwritable) -> int:
    """The exit status for ``fault``, said on standard error unless the reader went away
    (a closed pipe is how ``| head`` ends a command: no message, as for any tool)."""
    from threadguard.cli.common import err

    # What standard output still holds goes to /dev/null, or Python's own flush at exit
    # fails again ("Exception ignored ... BrokenPipeError", exit 120): the Python
    # documentation's advice for SIGPIPE.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (AttributeError, OSError, ValueError):
        raw = getattr(getattr(sys.stdout, "buffer", None), "raw", None)
        if isinstance(raw, _Closed):
            raw.told = True
    if fault.error.errno == errno.EPIPE:
        return BROKEN_PIPE_EXIT
    if fault.error.errno == errno.EBADF:  # `>&-`, or `1</dev/null`: "Bad file descriptor"
        reason = "it is closed (or open for reading only)"
    else:
        reason = str(fault)
    err.print(
        f"error: cannot write standard output: {reason}",
        markup=False,
        highlight=False,
        soft_wrap=True,
    )
    return 1
