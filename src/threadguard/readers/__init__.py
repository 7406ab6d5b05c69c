"""Readers: turn every supported thread input into a :class:`~threadguard.thread.Thread`.

One entry point, :func:`read_thread`, takes a path or the raw bytes of an upload, decodes
it (UTF-8, else Windows-1252 with a problem noted), picks the format (the caller's
``format=``, else the file extension, else the content) and hands the text to that
format's reader. Readers report damaged parts as :class:`~threadguard.thread.Problem` and
keep reading; only input with nothing usable in it raises :class:`ReaderError`.

Formats: ``text`` (plain-text thread dump), ``json`` and ``jsonl`` (ThreadGuard's schema),
``csv``, ``disqus`` (XML export) and ``reddit`` (a comments page's ``.json``); they, their
aliases, extensions and media types are listed once, in :mod:`threadguard.readers.registry`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import nullcontext
from pathlib import Path

from threadguard.readers.decoding import decode
from threadguard.readers.disqus import iter_disqus_threads
from threadguard.readers.disqus import read_disqus_threads as _read_disqus_threads
from threadguard.readers.errors import ReaderError
from threadguard.readers.registry import REGISTRY, detect_text_format, find_format, format_names
from threadguard.readers.screening import unscreened
from threadguard.readers.textdump import format_text_dump
from threadguard.thread import Problem, ReadResult

__all__ = [
    "FORMATS",
    "ReaderError",
    "detect_format",
    "format_text_dump",
    "iter_threads",
    "read_disqus_threads",
    "read_thread",
]

#: The built-in formats' names (``format_names()`` also lists any registered later).
FORMATS = format_names()
_DEFAULT_NAME = "<input>"


def _load(source: str | Path | bytes, name: str) -> tuple[bytes, str, str | None]:
    """The bytes, the name to report, and the filename to detect the format from."""
    if isinstance(source, bytes | bytearray):
        return bytes(source), name, None if name == _DEFAULT_NAME else name
    path = Path(source)
    shown = str(path) if name == _DEFAULT_NAME else name
    try:
        return path.read_bytes(), shown, path.name
    except OSError as exc:
        raise ReaderError(shown, f"cannot read the file: {exc.strerror or exc}") from exc


def _format_name(format: str, source: str) -> str:
    found = find_format(format)
    if found is None:
        raise ReaderError(
            source, f"unknown format {format!r}; expected one of {', '.join(format_names())}"
        )
    return found.name


def detect_format(data: bytes, filename: str | None) -> str:
    """The name of the format ``data`` is in, one of ``format_names()``.

    The extension of ``filename`` decides when it is a known one (``.json`` is told apart
    from Reddit and JSON Lines by content); otherwise the content does, and plain text is
    the fallback. Raises :class:`ReaderError` for empty or binary data.
    """
    text, _ = decode(data, filename or _DEFAULT_NAME)
    return detect_text_format(text, filename)


def _decoded(
    source: str | Path | bytes, format: str | None, name: str
) -> tuple[str, str, str, list[Problem]]:
    """The decoded text, the name to report, the format name and the decoding problems."""
    data, shown, filename = _load(source, name)
    fmt = _format_name(format, shown) if format else None
    text, problems = decode(data, shown)
    return text, shown, fmt or detect_text_format(text, filename), problems


def read_thread(
    source: str | Path | bytes,
    *,
    format: str | None = None,
    name: str = _DEFAULT_NAME,
    strict: bool = False,
) -> ReadResult:
    """Read a thread from a file path (``str`` or ``Path``) or from raw ``bytes``.

    ``format`` overrides detection. ``name`` is how problems and errors refer to the input
    (default: the path, or ``<input>`` for bytes); for bytes, its extension also guides
    detection, so pass the upload's filename when there is one.

    A comment no model can read (a lone surrogate, text longer than ``score`` accepts or
    not a string) is reported and left out, and other such values dropped. ``strict`` is
    for a caller that refuses them itself, naming the field (the HTTP API's 400): they are
    kept as read (a comment whose text is not a string is still reported and left out).
    """
    text, shown, fmt, problems = _decoded(source, format, name)
    with unscreened() if strict else nullcontext():
        result = REGISTRY[fmt].read(text, shown)
    result.problems[:0] = problems
    return result


def iter_threads(
    source: str | Path | bytes, *, format: str | None = None, name: str = _DEFAULT_NAME
) -> Iterator[ReadResult]:
    """Every thread in an input, one at a time: all the threads of a Disqus export (a
    whole site), else the one thread :func:`read_thread` reads. Batch jobs read this way."""
    text, shown, fmt, problems = _decoded(source, format, name)
    results = (
        iter_disqus_threads(text, shown)
        if fmt == "disqus"
        else iter([REGISTRY[fmt].read(text, shown)])
    )
    for result in results:
        result.problems[:0] = problems
        problems = []
        yield result


def read_disqus_threads(
    source: str | Path | bytes, *, name: str = _DEFAULT_NAME
) -> list[ReadResult]:
    """Every thread in a Disqus export, in document order (``read_thread`` reads one)."""
    data, shown, _ = _load(source, name)
    text, problems = decode(data, shown)
    results = _read_disqus_threads(text, shown)
    for result in results:
        result.problems[:0] = problems
    return results
