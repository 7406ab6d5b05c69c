"""The one exception a reader raises: input that cannot be read as a thread at all."""

from __future__ import annotations


class ReaderError(Exception):
    """Unrecoverable input: empty, binary, unknown format, or broken beyond partial reading.

    Recoverable damage (one bad line, one odd indent) is reported as a
    :class:`~threadguard.thread.Problem` instead, so the rest of a thread is still moderated.
    The message names the input and, where known, the line and column, so an operator can
    open the file at the right place; the CLI and HTTP layers show it as is.
    """

    def __init__(self, source: str, message: str, location: str | None = None) -> None:
        self.source = source
        self.location = location
        self.reason = message
        where = f"{source}: {location}" if location else source
        super().__init__(f"{where}: {message}")
