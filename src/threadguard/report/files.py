"""A file written whole or not at all: ``threadguard report --out`` and ``policy init``.

On a full disk, writing a file in place emptied what it held before (a newsroom's report,
a site's own policy) and left the head of the new one. :func:`replace_text` writes a
regular file beside itself under a fresh name and renames it over the old one, which
keeps its mode and, as far as the writer may, its owner. Anything else is written as it
is, as before: a pipe, a FIFO, a device, ``/dev/stdout`` (renaming over them replaced the
FIFO with a file, and ``/dev/stdout`` resolved to a pipe's name that is no file at all),
and a file its folder does not let the writer replace but the file itself lets it write.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
import tempfile
from pathlib import Path

#: A temporary file that cannot be made in the folder for these reasons leaves the file
#: to be written in place, where the file itself may be written.
_FOLDER_REFUSED = {errno.EACCES, errno.EPERM, errno.EROFS}


def replace_text(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path``: a regular file (or none yet) is replaced whole
    by a file written beside it; anything else is written as it is. Raises the
    :class:`OSError` that stopped it, having left no temporary file behind."""
    data = text.encode("utf-8")
    try:
        before: os.stat_result | None = os.stat(path)  # a link's file, not the link
    except (FileNotFoundError, NotADirectoryError):
        before = None
    if before is not None and is_standard_output(path):
        # through the process's own standard output, at its offset: a second descriptor
        # opened on /dev/stdout redirected to a file wrote from the file's start, and what
        # the command printed after it wrote over the head of the policy (a review)
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    if (before is not None and not stat.S_ISREG(before.st_mode)) or _descriptor(path):
        _write_in_place(path, data)  # a pipe, a FIFO, a device, a folder
        return
    if before is None:
        # nothing to lose: written in place, as any new file, so that the folder's default
        # ACL and the umask give it its mode (a temporary made by mkstemp is 0600 and its
        # mode set after, which a default ACL does not see: a review); a file the write
        # could not finish is removed
        _write_new(path, data)
        return
    final = Path(os.path.realpath(path))  # a link's file is replaced, the link kept
    try:
        # a fresh name, made with O_EXCL: a link planted at a fixed name was followed
        handle, temporary = tempfile.mkstemp(
            dir=final.parent, prefix=f".{final.name}.", suffix=".partial"
        )
    except OSError as exc:
        if exc.errno in _FOLDER_REFUSED and before is not None and os.access(final, os.W_OK):
            _write_in_place(final, data)  # the folder is closed to it; the file is not
            return
        raise
    done = False
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        _keep_owner_and_mode(temporary, before)
        os.replace(temporary, final)
        done = True
    finally:  # any failure, an interrupt included, leaves the old file and no temporary
        if not done:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def _descriptor(path: Path) -> bool:
    """Whether ``path`` names an open descriptor (``/dev/stdout``, ``/dev/fd/1``,
    ``/proc/self/fd/1``): even where it is a regular file, a shell's ``>`` redirection,
    it is written as it is, since a file renamed over it would not be the one the
    descriptor writes to."""
    parts = Path(os.path.abspath(path)).parts
    return len(parts) > 1 and parts[1] in ("dev", "proc")


def is_standard_output(path: Path) -> bool:
    """Whether ``path`` is the file the process's standard output writes to
    (``/dev/stdout``, ``/dev/fd/1``, or the file it is redirected to): a command that
    writes there says what it wrote on standard error, not into the output."""
    try:
        mine, theirs = os.fstat(1), os.stat(path)
    except (OSError, ValueError):
        return False
    return (mine.st_dev, mine.st_ino) == (theirs.st_dev, theirs.st_ino)


def _write_in_place(path: Path, data: bytes) -> None:
    with open(path, "wb") as file:
        file.write(data)


def _write_new(path: Path, data: bytes) -> None:
    done = False
    try:
        with open(path, "xb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        done = True
    finally:
        if not done:
            with contextlib.suppress(OSError):
                os.unlink(path)


def _keep_owner_and_mode(temporary: str, before: os.stat_result) -> None:
    """The replaced file's mode and owner for the new one (the owner as far as the writer
    may: root rewriting another user's file gives it back to them)."""
    for owner in ((before.st_uid, before.st_gid), (-1, before.st_gid)):
        try:
            os.chown(temporary, *owner)
            break
        except PermissionError:
            continue
    os.chmod(temporary, stat.S_IMODE(before.st_mode))  # after chown, which may clear bits
