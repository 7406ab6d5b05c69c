"""The thread input formats, in one table: adding a format is one row here and its reader.

Everything else that names formats is derived from :data:`REGISTRY`: ``read_thread``'s
format names and aliases, detection by file extension and by content, the CLI's
``--input-format`` help, and the HTTP layer's Content-Type mapping and upload names.
The entries' order is the order formats are listed in; ``priority`` is the separate
order their sniffers are tried in (the most specific first, plain text last).

Every format's reader is called through :func:`threadguard.readers.tree.settled`: a reader
that builds its comments itself, without :func:`~threadguard.readers.tree.build_comments`,
still has them screened and their duplicate ids, loops and orphans repaired and reported,
exactly as the built-in readers do (whose results pass through untouched).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from threadguard.readers.csvfmt import read_csv
from threadguard.readers.detect import (
    Sample,
    anything,
    looks_like_csv,
    looks_like_json,
    looks_like_json_lines,
    looks_like_reddit,
    looks_like_xml,
)
from threadguard.readers.disqus import read_disqus
from threadguard.readers.jsonfmt import read_json, read_jsonl
from threadguard.readers.reddit import read_reddit
from threadguard.readers.textdump import read_text_dump
from threadguard.readers.tree import settled
from threadguard.thread import ReadResult

#: A reader: the decoded text and the name to report problems under, to a result.
Reader = Callable[[str, str], ReadResult]
#: A sniffer: does this input look like the format?
Sniffer = Callable[[Sample], bool]


class SettledReader:
    """A reader whose every result goes through :func:`~threadguard.readers.tree.settled`:
    screened, its comment tree repaired, whoever wrote the reader. Equal to another
    wrapping the same reader."""

    def __init__(self, read: Reader) -> None:
        self.reader = read

    def __call__(self, text: str, source: str) -> ReadResult:
        return settled(self.reader(text, source), source)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SettledReader) and other.reader == self.reader

    def __hash__(self) -> int:
        return hash(self.reader)

    def __repr__(self) -> str:
        return f"SettledReader({self.reader!r})"


@dataclass(frozen=True)
class InputFormat:
    """One input format and every name it goes by.

    ``extensions`` decide the format outright (``.json`` is in none: it is shared, and the
    JSON sniffers read it as a hint). A media type several formats list means "one of
    these, told apart by content". ``upload_name`` is what an HTTP upload of this format is
    called in messages; its extension must lead detection back to this format's family.
    ``read`` is wrapped in a :class:`SettledReader` (the reader given is its ``reader``).
    """

    name: str
    read: Reader
    sniff: Sniffer
    priority: int
    upload_name: str
    aliases: tuple[str, ...] = ()
    extensions: tuple[str, ...] = ()
    media_types: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        # ``read`` is always the settling one, so no path to a reader can skip screening
        if not isinstance(self.read, SettledReader):
            object.__setattr__(self, "read", SettledReader(self.read))


def _key(name: str) -> str:
    return name.strip().lower()


def _names(fmt: InputFormat) -> set[str]:
    """What ``fmt`` may be called by, as :func:`_key` spells it."""
    return {_key(alias) for alias in (fmt.name, *fmt.aliases)}


class FormatRegistry:
    """Input formats by name, alias, extension and media type."""

    def __init__(self, formats: Iterable[InputFormat] = ()) -> None:
        self._formats: dict[str, InputFormat] = {}
        for fmt in formats:
            self.register(fmt)

    def register(self, fmt: InputFormat) -> None:
        """Add ``fmt``; a name, alias or extension another format already has is refused."""
        taken = _names(fmt) & set().union(*(_names(f) for f in self._formats.values()))
        clashing = {e.lower() for e in fmt.extensions} & set(self._by_extension())
        if taken or clashing:
            raise ValueError(
                f"format {fmt.name!r} clashes on {', '.join(sorted(taken | clashing))}"
            )
        self._formats[fmt.name] = fmt

    def unregister(self, name: str) -> InputFormat:
        return self._formats.pop(name)

    def names(self) -> tuple[str, ...]:
        """The canonical names, in listing order."""
        return tuple(self._formats)

    def __getitem__(self, name: str) -> InputFormat:
        return self._formats[name]

    def find(self, name: str) -> InputFormat | None:
        """The format called ``name`` or one of its aliases, in any case; None if none is."""
        key = _key(name)
        for fmt in self._formats.values():
            if key in _names(fmt):
                return fmt
        return None

    def _by_extension(self) -> dict[str, InputFormat]:
        return {ext.lower(): f for f in self._formats.values() for ext in f.extensions}

    def detect(self, text: str, filename: str | None) -> str:
        """The format name for decoded ``text``: ``filename``'s extension when it is a known
        one, otherwise the first format by priority whose sniffer accepts the content."""
        sample = Sample(text, filename)
        known = self._by_extension().get(sample.suffix)
        if known:
            return known.name
        for fmt in sorted(self._formats.values(), key=lambda f: f.priority):
            if fmt.sniff(sample):
                return fmt.name
        raise LookupError("no registered format accepts this input")

    def media_types(self) -> list[str]:
        """Every media type a thread upload may have, each once, in listing order."""
        return list(dict.fromkeys(m for f in self._formats.values() for m in f.media_types))

    def _claiming(self, media: str) -> list[InputFormat]:
        return [f for f in self._formats.values() if media in f.media_types]

    def format_for_media_type(self, media: str) -> str | None:
        """The format a body of this media type is in; None when the content must decide
        (a type several formats share, like ``application/json``, or an unknown one)."""
        claiming = self._claiming(media)
        return claiming[0].name if len(claiming) == 1 else None

    def upload_name(self, name: str) -> str:
        """What an upload in format ``name`` (canonical) is called in messages."""
        return self._formats[name].upload_name

    def upload_name_for_media_type(self, media: str) -> str:
        """What an upload of this media type is called: its (first) format's upload name,
        whose extension then guides detection, or ``upload`` for an unknown type."""
        claiming = self._claiming(media)
        return claiming[0].upload_name if claiming else "upload"


def _entry(
    name: str,
    read: Reader,
    sniff: Sniffer,
    priority: int,
    upload_name: str,
    aliases: str = "",
    extensions: str = "",
    media_types: str = "",
) -> InputFormat:
    """An :class:`InputFormat` with its name lists written as space-separated words, so
    that the table below reads one format a row."""
    return InputFormat(
        name,
        read,
        sniff,
        priority,
        upload_name,
        tuple(aliases.split()),
        tuple(extensions.split()),
        tuple(media_types.split()),
    )


# fmt: off
REGISTRY = FormatRegistry([
    # name, reader, sniffer, priority, upload name,
    #     then aliases, extensions and media types (space-separated)
    _entry("text", read_text_dump, anything, 100, "upload.txt",
           "txt", ".txt .text", "text/plain"),
    _entry("json", read_json, looks_like_json, 20, "upload.json",
           "", "", "application/json"),
    _entry("jsonl", read_jsonl, looks_like_json_lines, 30, "upload.jsonl",
           "ndjson", ".jsonl .ndjson",
           "application/x-ndjson application/jsonl application/jsonlines application/x-jsonlines"),
    _entry("csv", read_csv, looks_like_csv, 50, "upload.csv",
           "tsv", ".csv .tsv", "text/csv text/tab-separated-values"),
    _entry("disqus", read_disqus, looks_like_xml, 40, "upload.xml",
           "xml", ".xml", "application/xml text/xml"),
    _entry("reddit", read_reddit, looks_like_reddit, 10, "upload.json",
           "", "", "application/json"),
])
# fmt: on

# The registry's questions as plain functions, for callers that need no other registry.
register = REGISTRY.register
unregister = REGISTRY.unregister
format_names = REGISTRY.names
find_format = REGISTRY.find
detect_text_format = REGISTRY.detect
media_types = REGISTRY.media_types
format_for_media_type = REGISTRY.format_for_media_type
upload_name = REGISTRY.upload_name
upload_name_for_media_type = REGISTRY.upload_name_for_media_type
