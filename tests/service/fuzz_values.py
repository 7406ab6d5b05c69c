"""Damaged values for fuzzed requests: nasty strings and numbers, JSON mutation, byte
damage, and the percent-encoding that carries them into paths and queries.

Every function draws from a ``random.Random`` it is given: ``random.Random(seed)`` in
``bench/fuzz_http.py``, Hypothesis's shrinking ``st.randoms()`` in the property tests.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

#: Strings that have broken, or could break, something further in.
NASTY_STRINGS = [
    "",
    "\ud800",
    "\udfff",
    "a\udc00b",
    "\udbff\udfff\ud800",
    "\x00",
    "a\x00b",
    "\x00" * 3,
    "\u202eevil",
    "\U0001f600" * 3,
    "\ufeff",
    "e\u0301",
    "\uffff\ufffe",
    "\U0010ffff",
    " ",
    "\r\n",
    "\t\x0b\x0c",
    "\x7f\x80\x9f",
    "%00",
    "%ED%A0%80",
    "../../etc/passwd",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "]]><!ENTITY x SYSTEM 'file:///etc/passwd'>",
    "NaN",
    "1e309",
    "-1",
    "null",
    "x" * 201,
    "y" * 501,
    "z" * 5_000,
    "\u03a9" * 300,
]
#: Numbers at and past every limit a parser or database has.
NASTY_NUMBERS: list[Any] = [
    0,
    -1,
    1,
    2**31,
    2**63 - 1,
    2**63,
    2**64,
    -(2**63) - 1,
    10**100,
    10**4000,
    1e308,
    float("inf"),
    float("-inf"),
    float("nan"),
    -0.0,
    0.5,
    1.5,
    5e-324,
]
CONTENT_TYPES = [
    "",
    "application/octet-stream",
    "application/x-unknown",
    "multipart/form-data; boundary=x",
    "application/json; charset=latin-1",
    "text/plain;;;",
    "text/html",
    "image/png",
    "\x7f",
    "application/json",
    "text/plain",
    "text/csv",
    "application/xml",
    "application/x-ndjson",
]


@dataclass(frozen=True)
class Raw:
    """JSON text put into a document as is (what ``json.dumps`` cannot write)."""

    text: str


def dump(value: Any) -> str:
    """``value`` as JSON text; :class:`Raw` parts verbatim, non-finite floats as
    ``NaN``/``Infinity`` (which Python's parser accepts), lone surrogates as escapes."""
    if isinstance(value, Raw):
        return value.text
    if isinstance(value, dict):
        return "{" + ",".join(f"{json.dumps(str(k))}:{dump(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ",".join(dump(v) for v in value) + "]"
    return json.dumps(value)


def encode(text: str) -> bytes:
    """UTF-8, with lone surrogates written as their (invalid) three-byte forms."""
    return text.encode("utf-8", "surrogatepass")


def nasty_string(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.6:
        return rng.choice(NASTY_STRINGS)
    if roll < 0.9:  # any code points at all: surrogates, NULs, controls, astral
        return "".join(chr(rng.randrange(0x110000)) for _ in range(rng.randrange(1, 12)))
    return "word " * rng.choice([1_000, 5_000, 30_000])


def nasty_value(rng: random.Random) -> Any:
    roll = rng.random()
    if roll < 0.4:
        return nasty_string(rng)
    if roll < 0.65:
        return rng.choice(NASTY_NUMBERS)
    if roll < 0.75:
        return rng.choice([True, False, None, [], {}, {"text": 5}, [None], {"": ""}])
    if roll < 0.82:
        depth = rng.choice([50, 1_000, 100_000])
        if rng.random() < 0.5:
            return Raw("[" * depth + "]" * depth)
        return Raw('{"a":' * depth + "1" + "}" * depth)
    if roll < 0.86:
        return Raw("9" * rng.choice([4_000, 5_000, 100_000]))
    if roll < 0.93:
        return [nasty_value(rng) for _ in range(rng.randrange(1, 4))]
    return {nasty_string(rng): nasty_value(rng)}


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(value, dict):
        for k, v in value.items():
            out.extend(_paths(v, (*prefix, k)))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out.extend(_paths(v, (*prefix, i)))
    return out


def mutate(value: Any, rng: random.Random, times: int | None = None) -> Any:
    """``value`` (a JSON document) with up to a few parts replaced, deleted or added."""
    for _ in range(rng.randrange(0, 4) if times is None else times):
        path = rng.choice(_paths(value))
        if not path:
            value = nasty_value(rng) if rng.random() < 0.3 else value
            continue
        parent = value
        for step in path[:-1]:
            parent = parent[step]
        last = path[-1]
        roll = rng.random()
        if roll < 0.6:
            parent[last] = nasty_value(rng)
        elif roll < 0.75:
            del parent[last]
        elif roll < 0.9 and isinstance(parent, dict):
            parent[nasty_string(rng)] = nasty_value(rng)
        else:
            parent[last] = [parent[last]]
    return value


def damage(body: bytes, rng: random.Random) -> bytes:
    """Byte-level damage, now and then: truncation, invalid UTF-8, random bytes, a BOM."""
    roll = rng.random()
    if roll < 0.85 or not body:
        return body
    if roll < 0.9:
        return body[: rng.randrange(len(body))]
    if roll < 0.94:
        at = rng.randrange(len(body) + 1)
        return (
            body[:at]
            + rng.choice([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\x00", b"\xfe"])
            + body[at:]
        )
    if roll < 0.97:
        return bytes(rng.randrange(256) for _ in range(rng.randrange(1, 200)))
    return b"\xef\xbb\xbf" + body


def pct(text: str, limit: int = 1_000) -> str:
    """Percent-encoded UTF-8 of up to ``limit`` characters of ``text`` (URLs have limits)."""
    return quote(encode(text[:limit]), safe="")


def segment(rng: random.Random, good: list[str]) -> str:
    """A path segment: a real one mostly, else a nasty one, percent-encoded."""
    if good and rng.random() < 0.6:
        return pct(rng.choice(good))
    return pct(nasty_string(rng))


def query(rng: random.Random, params: dict[str, Any]) -> str:
    """A query string from ``params``, some values swapped for nasty ones."""
    parts = []
    for name, value in params.items():
        if rng.random() < 0.3:
            value = rng.choice([nasty_string(rng), str(rng.choice(NASTY_NUMBERS))])
        if value is None:
            continue
        parts.append(f"{quote(name)}={pct(str(value))}")
    if rng.random() < 0.1:
        parts.append(f"{pct(nasty_string(rng), 50)}=1")
    return "&".join(parts)
