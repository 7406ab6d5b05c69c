"""A JSON document that is neither an object nor a list is named as JSON names it, with what
was expected: `null` was "the document is a JSON NoneType", a string "a JSON str"."""

from __future__ import annotations

from pathlib import Path

import pytest

from threadguard.readers import ReaderError, read_thread

EXPECTED = "expected an object with 'comments' (and optionally 'thread'), or a list of comments"


@pytest.mark.parametrize(
    ("document", "kind"),
    [("null", "null"), ("true", "true"), ('"a comment"', "string"), ("4.5", "number")],
)
def test_a_json_document_of_another_kind_is_named_as_json_names_it(
    tmp_path: Path, document: str, kind: str
) -> None:
    path = tmp_path / "thread.json"
    path.write_text(document, encoding="utf-8")
    with pytest.raises(ReaderError) as raised:
        read_thread(path, format="json")
    assert str(raised.value) == (
        f"{path}: not a ThreadGuard thread: the document is a JSON {kind}; {EXPECTED}"
    )
