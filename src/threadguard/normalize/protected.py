"""Spans the word-level steps (4 to 6) leave alone: URLs and e-mail addresses.

``www.example.com/a---b`` or ``j.o.h.n@example.com`` are not obfuscation; joining or
de-leeting them would break the address. They are only case-folded.
"""

from __future__ import annotations

import re
import string
from typing import Final

_URL_RE: Final = re.compile(r"(?:https?://|www\.)\S+")
# E-mail addresses are found from their "@" (a literal-led pattern is fast), then the local
# part is extended backwards over these characters.
_EMAIL_DOMAIN_RE: Final = re.compile(r"@[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)+")
_EMAIL_LOCAL: Final = frozenset(string.ascii_letters + string.digits + "_.+-")


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Spans that steps 4-6 must not touch: URLs and e-mail addresses (unsorted)."""
    spans: list[tuple[int, int]] = []
    if "://" in text or "www." in text:
        spans.extend(m.span() for m in _URL_RE.finditer(text))
    if "@" in text:
        for m in _EMAIL_DOMAIN_RE.finditer(text):
            at = a = m.start()
            while a > 0 and text[a - 1] in _EMAIL_LOCAL:
                a -= 1
            if a < at:
                spans.append((a, m.end()))
    return spans


def overlaps(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    """True when ``[a, b)`` overlaps one of ``spans``."""
    return any(a < y and x < b for x, y in spans)
