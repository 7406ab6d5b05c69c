"""The sentence a phrase stands in: what the lexicons read to tell a phrase used from one
reported, rebutted or condemned ("the great replacement conspiracy theory", "some people
think immigrants don't belong here")."""

from __future__ import annotations

import re
from typing import Final

#: What ends a sentence for this purpose (a semicolon and a line break as well).
SENTENCE_END: Final = re.compile(r"[.!?;\n]")


def sides(text: str, begin: int, end: int, reach: int) -> tuple[str, str]:
    """The text of ``text[begin:end]``'s sentence before it and after it, each at most
    ``reach`` characters, whatever the text's length."""
    before = text[max(0, begin - reach) : begin]
    stops = list(SENTENCE_END.finditer(before))
    before = before[stops[-1].end() :] if stops else before
    after = text[end : end + reach]
    stop = SENTENCE_END.search(after)
    return before, after[: stop.start()] if stop else after
