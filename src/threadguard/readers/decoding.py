"""Bytes to text: encodings, binary rejection and line endings, shared by every reader.

Uploads come from spreadsheets, CMS exports and copy-paste, so the encoding is often not
UTF-8. Rather than fail, undecodable bytes are read as Windows-1252 (the usual culprit)
and the first such place is reported, so nothing a commenter wrote is silently dropped.
"""

from __future__ import annotations

import codecs
import io
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from threadguard.readers.errors import ReaderError
from threadguard.thread import Problem

_SNIFF_BYTES = 8192
_SNIFF_CHARS = 65536
_MAX_CONTROL_RATIO = 0.1
#: NUL bytes beyond this share of a file's start make it binary; fewer are damaged text.
_MAX_NUL_RATIO = 0.01
#: So many NULs are stray ones in any file, however short.
_FEW_NULS = 8
#: Lines with NULs named one by one before the rest are counted.
_NUL_LINES_NAMED = 10
_TEXT_CONTROLS = frozenset("\t\n\r\f\v\x1b\b")
_FALLBACK_ERRORS = "threadguard-cp1252-fallback"
_WIDE_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
#: Python's utf-16 and utf-32 codecs read the byte order from the mark and drop it.
_WIDE_ENCODINGS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    """Decode the bytes UTF-8 rejected as Windows-1252 (Latin-1 for its five holes)."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start : exc.end]
    chars = []
    for byte in bad:
        try:
            chars.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            chars.append(chr(byte))
    return "".join(chars), exc.end


codecs.register_error(_FALLBACK_ERRORS, _cp1252_fallback)


def _line_of(data: bytes, offset: int) -> int:
    head = data[:offset]
    return (head.count(b"\n") or head.count(b"\r")) + 1


def _utf16_without_bom(sample: bytes) -> str | None:
    """Spot BOM-less UTF-16 (Excel's "Unicode text") by its every-other-byte NULs."""
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) >= 0.9 * len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) >= 0.9 * len(even) and odd.count(0) == 0:
        return "utf-16-be"
    return None


def _binary_nuls(head: bytes) -> bool:
    """Whether the NUL bytes in ``head`` (a file's start) make it binary rather than text
    with a stray NUL: more than :data:`_MAX_NUL_RATIO` of it, or NULs in bytes that are
    not UTF-8 either. One NUL in a CSV row is a damaged row, not an image."""
    nuls = head.count(0)
    if not nuls:
        return False
    if nuls > max(_MAX_NUL_RATIO * len(head), _FEW_NULS):
        return True
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # a multi-byte character cut by the sample's end is still UTF-8
        return exc.start < len(head) - 3 or exc.reason != "unexpected end of data"
    return False


def _nul_lines(text: str) -> list[int]:
    """The line numbers (from 1, ``\n`` endings) of the lines holding a NUL character."""
    lines: list[int] = []
    at = text.find("\x00")
    while at >= 0:
        line = text.count("\n", 0, at) + 1
        if not lines or lines[-1] != line:
            lines.append(line)
        at = text.find("\x00", at + 1)
    return lines


def _nul_problems(lines: list[int], source: str) -> list[Problem]:
    """One problem per line that had NUL characters removed (the first few, then a count)."""
    problems = [
        Problem(source, f"line {n}", "NUL character (U+0000) removed; the rest of the line read")
        for n in lines[:_NUL_LINES_NAMED]
    ]
    if len(lines) > _NUL_LINES_NAMED:
        problems.append(
            Problem(
                source,
                f"line {lines[_NUL_LINES_NAMED]}",
                f"NUL characters removed from {len(lines) - _NUL_LINES_NAMED} more lines",
            )
        )
    return problems


def _not_utf8(data: bytes, exc: UnicodeDecodeError, offset: int = 0) -> str:
    return (
        f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {offset + exc.start}); "
        "undecodable bytes were read as Windows-1252"
    )


def _decode_bytes(data: bytes, source: str, problems: list[Problem]) -> str:
    boms = (
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    )
    for bom, encoding in boms:
        if data.startswith(bom):
            body = data[len(bom) :]
            if encoding == "utf-8":
                break
            return _decode_wide(body, encoding, source, problems)
    else:
        body = data
    wide = _utf16_without_bom(body[:_SNIFF_BYTES])
    if wide:
        return _decode_wide(body, wide, source, problems)
    if _binary_nuls(body[:_SNIFF_BYTES]):
        raise ReaderError(source, "looks like binary data (NUL bytes near the start), not a thread")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        declared = _xml_encoding(body)
        if declared is not None:  # not UTF-8, as the XML declaration says: no fault
            return _decode_wide(body, declared, source, problems)
        line = _line_of(body, exc.start)
        problems.append(Problem(source, f"line {line}", _not_utf8(body, exc)))
        return body.decode("utf-8", errors=_FALLBACK_ERRORS)


_XML_DECLARATION = re.compile(rb"""<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")


def _xml_encoding(body: bytes) -> str | None:
    """The encoding an XML declaration names (``<?xml version="1.0"
    encoding="ISO-8859-1"?>``), when Python knows it and it is no UTF; None otherwise.
    It is used for bytes that are not UTF-8 (a file declaring Latin-1 but written in UTF-8,
    as editors often leave it, is read as UTF-8)."""
    match = _XML_DECLARATION.match(body[:200])
    if match is None:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None
    return None if name in ("utf-8", "utf-16", "utf-32") or name.startswith("utf-") else name


def _decode_wide(body: bytes, encoding: str, source: str, problems: list[Problem]) -> str:
    try:
        return body.decode(encoding)
    except UnicodeDecodeError as exc:
        problems.append(
            Problem(
                source,
                f"offset {exc.start}",
                f"invalid {encoding.upper()} data; undecodable bytes were replaced by U+FFFD",
            )
        )
        return body.decode(encoding, errors="replace")


def _check_not_binary(text: str, source: str) -> None:
    sample = text[:_SNIFF_CHARS]
    controls = sum(
        1 for ch in sample if ch not in _TEXT_CONTROLS and unicodedata.category(ch) == "Cc"
    )
    if controls > _MAX_CONTROL_RATIO * len(sample):
        raise ReaderError(
            source, "looks like binary data (mostly control characters), not a thread"
        )


def normalise_newlines(text: str) -> str:
    """Turn ``\\r\\n`` and lone ``\\r`` into ``\\n``, so line numbers agree across platforms."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode(data: bytes, source: str) -> tuple[str, list[Problem]]:
    """Decode an upload to text with ``\\n`` line endings, plus the problems met doing so.

    Raises :class:`ReaderError` for empty or binary input, which no reader could use.
    """
    if not data.strip():
        raise ReaderError(source, "is empty" if not data else "contains only whitespace")
    problems: list[Problem] = []
    text = _decode_bytes(data, source, problems)
    _check_not_binary(text, source)
    text = normalise_newlines(text)
    if "\x00" in text:
        problems.extend(_nul_problems(_nul_lines(text), source))
        text = text.replace("\x00", "")
    if not text.strip():
        raise ReaderError(source, "contains only whitespace")
    return text, problems


def _split(text: str) -> list[str]:
    """``text`` as lines, each with its ``\\n`` (the last one may have none)."""
    lines = [line + "\n" for line in text.split("\n")]
    lines[-1] = lines[-1][:-1]
    return lines if lines[-1] else lines[:-1]


def file_lines(path: Path, source: str, problems: list[Problem]) -> Callable[[int], Iterator[str]]:
    """The lines of a text file decoded as :func:`decode` decodes it, ``\\n``-ended, for a
    reader that streams: ``open_lines(n)`` gives them from the ``n``-th (from 0) on, and
    may be called again to go back. The first place that is not UTF-8 is reported once.
    UTF-16 and UTF-32 files are decoded whole, by :func:`decode` itself (which raises
    :class:`ReaderError` for an empty or binary file), as are files with NUL bytes near
    the start; a NUL further on is removed from its line, reported by line number.
    """
    with path.open("rb") as f:
        head = f.read(_SNIFF_BYTES)
    if head.startswith(_WIDE_BOMS) or _utf16_without_bom(head) or b"\x00" in head:
        text, found = decode(path.read_bytes(), source)
        problems.extend(found)
        lines = _split(text)
        return lambda start: itertools.islice(lines, start, None)
    reported: list[Problem] = []
    nul_lines: list[int] = []  # lines past the sniffed start with NULs, reported once

    def decoded() -> Iterator[str]:
        found: list[Problem] = []  # reported once, however often the reader goes back
        with path.open("rb") as f:
            for number, line in enumerate(_utf8_lines(f, source, found), start=1):
                if found and not reported:
                    reported.extend(found)
                    problems.extend(found)
                if "\x00" in line:
                    if not nul_lines or number > nul_lines[-1]:
                        nul_lines.append(number)
                        if len(nul_lines) <= _NUL_LINES_NAMED:
                            problems.extend(_nul_problems([number], source))
                    line = line.replace("\x00", "")
                yield line

    return lambda start: itertools.islice(decoded(), start, None)


def _utf8_lines(raw_lines: Iterable[bytes], source: str, problems: list[Problem]) -> Iterator[str]:
    """Byte lines as ``\\n``-ended text: UTF-8 (a leading byte-order mark dropped), with the
    bytes UTF-8 rejects read as Windows-1252 and the first such place reported once."""
    reported = False
    offset = 0
    for number, raw in enumerate(raw_lines, start=1):
        bom = offset == 0 and raw.startswith(codecs.BOM_UTF8)
        data = raw[len(codecs.BOM_UTF8) :] if bom else raw
        try:
            line = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            if not reported:
                reported = True
                problems.append(Problem(source, f"line {number}", _not_utf8(data, exc, offset)))
            line = data.decode("utf-8", errors=_FALLBACK_ERRORS)
        offset += len(raw)
        yield from _split(normalise_newlines(line)) if "\r" in line else (line,)


def stream_lines(stream: BinaryIO, source: str, problems: list[Problem]) -> Iterator[str]:
    """The lines of a byte stream (standard input, an open file) decoded as
    :func:`file_lines` decodes a file, read as they arrive: a UTF-16 or UTF-32 stream (a
    Windows PowerShell redirect writes UTF-16) is told by its byte-order mark or its zero
    bytes in what the stream already holds, without waiting for more."""
    peek = getattr(stream, "peek", None)
    head = peek(_SNIFF_BYTES)[:_SNIFF_BYTES] if peek is not None else b""
    wide = next((enc for bom, enc in _WIDE_ENCODINGS if head.startswith(bom)), None)
    wide = wide or _utf16_without_bom(head[: len(head) // 2 * 2])
    if wide is None:
        yield from _utf8_lines(stream, source, problems)
        return
    text = io.TextIOWrapper(stream, encoding=wide, errors="replace", newline="")
    try:
        for line in text:
            yield from _split(normalise_newlines(line)) if "\r" in line else (line,)
    finally:
        text.detach()  # the caller owns the stream
