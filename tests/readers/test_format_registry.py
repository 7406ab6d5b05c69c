"""The format registry: one entry per input format, and everything that names formats from it."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from threadguard.readers import ReaderError, read_thread
from threadguard.readers.detect import Sample
from threadguard.readers.registry import (
    REGISTRY,
    FormatRegistry,
    InputFormat,
    format_for_media_type,
    format_names,
    media_types,
    register,
    unregister,
    upload_name,
    upload_name_for_media_type,
)
from threadguard.thread import Comment, ReadResult, Thread

# What the service hard-coded before the registry (THREAD_TYPES, UPLOAD_NAMES): uploads keep
# meaning what they meant.
THREAD_TYPES: dict[str, str | None] = {
    "text/plain": "text",
    "application/json": None,
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
    "application/jsonlines": "jsonl",
    "application/x-jsonlines": "jsonl",
    "text/csv": "csv",
    "text/tab-separated-values": "csv",  # added: README lists .tsv as CSV
    "application/xml": "disqus",
    "text/xml": "disqus",
}
UPLOAD_NAMES = {
    "text": "upload.txt",
    "json": "upload.json",
    "jsonl": "upload.jsonl",
    "csv": "upload.csv",
    "disqus": "upload.xml",
    "reddit": "upload.json",
}


def test_media_types_map_as_the_service_table_did() -> None:
    assert media_types() == list(THREAD_TYPES)
    assert {media: format_for_media_type(media) for media in media_types()} == THREAD_TYPES
    assert format_for_media_type("image/png") is None


def test_upload_names_are_the_service_ones() -> None:
    assert {name: upload_name(name) for name in format_names()} == UPLOAD_NAMES
    # The service named an upload by its Content-Type: a known type's format, a shared
    # (detect-by-content) type as JSON, and anything else plainly.
    for media, fmt in THREAD_TYPES.items():
        expected = UPLOAD_NAMES[fmt] if fmt else "upload.json"
        assert upload_name_for_media_type(media) == expected
    assert upload_name_for_media_type("image/png") == "upload"


def _read_toy(text: str, source: str) -> ReadResult:
    lines = text.splitlines()[1:]
    comments = tuple(Comment(id=f"t{i}", text=line, position=i) for i, line in enumerate(lines))
    return ReadResult(thread=Thread(title="toy", comments=comments), format="toy")


TOY = InputFormat(
    name="toy",
    read=_read_toy,
    sniff=lambda sample: sample.text.startswith("TOY\n"),
    priority=5,
    upload_name="upload.toy",
    aliases=("plaything",),
    extensions=(".toy",),
    media_types=("application/x-toy",),
)


@pytest.fixture
def toy() -> Iterator[InputFormat]:
    register(TOY)
    try:
        yield TOY
    finally:
        unregister(TOY.name)


def test_a_registered_format_is_read_detected_and_named(toy: InputFormat, tmp_path: Path) -> None:
    by_content = read_thread(b"TOY\nhello\nthere")
    assert by_content.format == "toy"
    assert [c.text for c in by_content.thread.comments] == ["hello", "there"]
    path = tmp_path / "thread.toy"
    path.write_text("no magic line\nhi\n", encoding="utf-8")
    assert read_thread(path).format == "toy"
    assert read_thread(b"x\nhi", format="Plaything").format == "toy"
    assert format_for_media_type("application/x-toy") == "toy"
    assert upload_name_for_media_type("application/x-toy") == "upload.toy"
    with pytest.raises(ReaderError, match=r"expected one of text, .*, reddit, toy$"):
        read_thread(b"x", format="yaml")


def test_the_cli_help_lists_the_registered_formats(toy: InputFormat) -> None:
    script = (
        "import sys\n"
        f"sys.path.insert(0, {str(Path(__file__).parent)!r})\n"
        "from test_format_registry import TOY\n"
        "from threadguard.readers.registry import register\n"
        "register(TOY)\n"
        "from threadguard.cli import main\n"
        "sys.argv = ['threadguard', 'scan', '--help']\n"
        "main()\n"
    )
    env = {**os.environ, "COLUMNS": "200"}
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, env=env
    )
    assert proc.returncode == 0, proc.stderr
    assert "detecting it: text, json, jsonl, csv, disqus, reddit, toy." in proc.stdout


def test_unregistering_forgets_the_format() -> None:
    registry = FormatRegistry([TOY])
    assert registry.detect("TOY\n", None) == "toy"
    registry.unregister("toy")
    assert registry.find("plaything") is None
    with pytest.raises(LookupError):
        registry.detect("TOY\n", None)
    assert "toy" not in format_names()


def test_a_name_alias_or_extension_cannot_be_claimed_twice() -> None:
    for clash in (
        InputFormat("yaml", _read_toy, TOY.sniff, 5, "upload.yaml", aliases=("TXT",)),
        InputFormat("yaml", _read_toy, TOY.sniff, 5, "upload.yaml", extensions=(".csv",)),
        InputFormat("Text", _read_toy, TOY.sniff, 5, "upload.yaml"),
    ):
        with pytest.raises(ValueError, match="clashes"):
            FormatRegistry([REGISTRY["text"], REGISTRY["csv"], clash])


def test_the_sniffers_share_one_json_parse() -> None:
    sample = Sample('\ufeff  [{"kind": "Listing"}]', "page.JSON")
    assert (sample.text, sample.suffix) == ('[{"kind": "Listing"}]', ".json")
    assert REGISTRY.detect(sample.text, "page.JSON") == "reddit"
    assert sample.json_value is sample.json_value
