"""What text ThreadGuard accepts from outside, checked where it comes in.

Three kinds of text pass every parser yet break something further in, and differently
on each database, so each surface (the native API, Perspective, OpenAI, Coral,
``threadguard score``, the key and user commands) refuses them at the door with an
error naming the field, rather than failing later with a 500 or a lost run:

- a **lone surrogate** (a code point in U+D800..U+DFFF on its own, which JSON's
  ``"\\ud800"`` escape decodes to) is not Unicode text: it has no UTF-8 encoding, so
  nothing can score it, store it or print it;
- a **NUL** (U+0000) cannot be stored in PostgreSQL's text columns (SQLite takes it), so
  text that is stored must not carry one; text that is only scored may;
- **ids, author names and article keys** are stored in columns of :data:`ID_CHARS`
  characters and site names in :data:`SITE_CHARS`; PostgreSQL refuses longer values,
  where SQLite would keep them.

This module knows nothing of HTTP: a surface turns :class:`InvalidField` into its own
error shape (a 400 naming the field), and a command line into an error line.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections.abc import Callable, Mapping
from typing import Any

from threadguard.thread import Thread

#: Stored ids (comment, parent, article) and author names, in characters.
ID_CHARS = 500
#: Stored site names, in characters (also the names of API keys).
SITE_CHARS = 200
#: A stored comment's ``created_at`` as given, in characters.
TIMESTAMP_CHARS = 64
#: A stored article title, and its URL (8 KiB: what web servers take as a request line),
#: in characters. Unbounded, one upload's 10,000,000-character title made every
#: moderator's queue page 400 MB (the title stands on each of its comments there).
TITLE_CHARS = 2_000
URL_CHARS = 8_192
#: The longest comment text any reader accepts (code points): ``score`` refuses a longer
#: line, and ``scan`` and ``batch`` skip a longer comment (the HTTP service's own limit,
#: ``max_text_chars``, is lower).
MAX_TEXT_CHARS = 1_000_000

_SURROGATE = re.compile("[\ud800-\udfff]")


class InvalidField(ValueError):
    """A field whose value no surface accepts; ``str()`` is the message for the caller."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field} {problem}")
        self.field = field
        self.problem = problem


def lone_surrogate(text: str) -> int | None:
    """The offset of the first lone surrogate in ``text``, or None when it has none.

    (A Python string holds a well-formed surrogate pair as one code point, so any code
    point in the surrogate range is a lone one.)
    """
    found = _SURROGATE.search(text)
    return None if found is None else found.start()


def text_problem(text: str, *, stored: bool = True, max_chars: int | None = None) -> str | None:
    """What is wrong with ``text`` as a field's value ("contains ..."), or None."""
    at = lone_surrogate(text)
    if at is not None:
        code = f"U+{ord(text[at]):04X}"
        return f"contains a lone surrogate ({code}) at offset {at}, which is not Unicode text"
    if stored and "\x00" in text:
        return f"contains a NUL character (U+0000) at offset {text.index(chr(0))}"
    if max_chars is not None and len(text) > max_chars:
        return f"is {len(text)} characters long; the limit is {max_chars}"
    return None


def check_text(
    field: str, value: str | None, *, stored: bool = True, max_chars: int | None = None
) -> None:
    """Raise :class:`InvalidField` naming ``field`` when ``value`` is not acceptable.

    ``stored``: the value will be stored (so no NUL either); ``max_chars``: its column's
    width. None passes (an absent optional field).
    """
    if value is None:
        return
    problem = text_problem(value, stored=stored, max_chars=max_chars)
    if problem is not None:
        raise InvalidField(field, problem)


def check_id(field: str, value: str | None) -> None:
    """A stored id, author name or article key."""
    check_text(field, value, max_chars=ID_CHARS)


def check_site(
    field: str, value: str | None, *, exists: Callable[[str], bool] | None = None
) -> None:
    """A site's name, as given where a site can be made (an upload's ``?site=``, a policy's
    path, Coral's ``site.id``, a key's or a user's ``--site``): :func:`site_problem`. An
    empty one passes (the callers read it as none given).

    ``exists``: whether the store already has a site of that name. The naming rule is for
    a site yet to be made: a site an earlier version made under a name now refused (a
    trailing space, an invisible character) still takes its policy, its uploads and its
    dashboard saves, rather than being stuck (its comments keep DELETE from removing it).
    Only a name the rule refuses is looked up, and only one the store could hold."""
    if not value:
        return
    check_name(field, value)  # what no store can hold is refused before any look-up
    problem = site_problem(value)
    if problem is not None and not (exists is not None and exists(value)):
        raise InvalidField(field, problem)


def check_name(field: str, value: str | None) -> None:
    """A stored name as wide as a site's (an API key's)."""
    check_text(field, value, max_chars=SITE_CHARS)


#: Unicode categories no site name may contain: controls, format characters (zero-width
#: spaces, bidi overrides), private use, unassigned, surrogates, line and paragraph breaks.
_UNNAMEABLE = frozenset({"Cc", "Cf", "Co", "Cn", "Cs", "Zl", "Zp"})
#: The zero-width non-joiner and joiner (U+200C, U+200D): format characters that Persian
#: and Indic spelling need inside a word (Persian writes the prefix of "I want" apart from
#: its verb with a non-joiner), so taken inside a site name, never at its ends (where they
#: only hide).
_JOINERS = frozenset({"\u200c", "\u200d"})


def site_problem(name: str) -> str | None:
    """What keeps ``name`` from being a site's name ("contains ..."), or None.

    Besides what the store cannot keep (:func:`text_problem`, :data:`SITE_CHARS`): a "/",
    since no ``/api/v1/sites/{site}/...`` address can name such a site (its policy could
    not be read, set or deleted), spaces around it or nothing but spaces, and control or
    invisible characters, which broke ``threadguard sites list``'s lines (a newline), put
    terminal escapes in it, or made two sites look like one (a zero-width joiner or
    non-joiner is taken inside the name: :data:`_JOINERS`).
    """
    problem = text_problem(name, max_chars=SITE_CHARS)
    if problem is not None:
        return problem
    if not name.strip():
        return "is blank; name a site, or leave it out"
    if name != name.strip():
        return f"{name!r} has spaces before or after it"
    if "/" in name:
        return (
            f"{name!r} contains '/', which no /api/v1/sites/{{site}}/... address can name; "
            "choose a site name without it"
        )
    last = len(name) - 1
    for at, char in enumerate(name):
        if char in _JOINERS and 0 < at < last:
            continue
        if unicodedata.category(char) in _UNNAMEABLE:
            return (
                f"contains the control or invisible character U+{ord(char):04X} at offset "
                f"{at}; a site name is printable text"
            )
    return None


def storable(value: str) -> str:
    """``value`` if it can be stored, else :class:`InvalidField` (for validators that
    name the field themselves, such as pydantic's)."""
    problem = text_problem(value)
    if problem is not None:
        raise InvalidField("the value", problem)
    return value


def check_strings(field: str, value: object, *, stored: bool = True) -> None:
    """Check every string of a parsed JSON (or TOML) value, keys included, naming the
    path of the first bad one (``policy.watchlist.block[2]``). The walk keeps its own
    stack, so a deeply nested value is no recursion hazard."""
    pending: list[tuple[str, object]] = [(field, value)]
    while pending:
        where, item = pending.pop()
        if isinstance(item, str):
            check_text(where, item, stored=stored)
        elif isinstance(item, Mapping):
            for key in item:
                check_text(f"a key of {where}", str(key), stored=stored)
            pending.extend((f"{where}.{k}", v) for k, v in reversed(list(item.items())))
        elif isinstance(item, list):
            pending.extend((f"{where}[{i}]", v) for i, v in reversed(list(enumerate(item))))


def check_thread(thread: Thread) -> None:
    """Every field of a thread read from an upload: the article's and each comment's
    (``comments[3].author``), before any of it is scored or stored."""
    check_text("thread.title", thread.title, max_chars=TITLE_CHARS)
    check_text("thread.url", thread.url, max_chars=URL_CHARS)
    check_text("thread.body", thread.body, stored=False)  # context for scoring only
    check_text("thread.id", thread.id, max_chars=ID_CHARS)
    for i, comment in enumerate(thread.comments):
        where = f"comments[{i}]"
        check_text(f"{where}.id", comment.id, max_chars=ID_CHARS)
        check_text(f"{where}.parent", comment.parent, max_chars=ID_CHARS)
        check_text(f"{where}.author", comment.author, max_chars=ID_CHARS)
        check_text(f"{where}.text", comment.text)
        check_text(f"{where}.created_at", comment.created_at, max_chars=TIMESTAMP_CHARS)


def printable(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD, so a message quoting input
    can always be encoded (an error must never become a second error)."""
    return _SURROGATE.sub("\ufffd", text)


#: Bidi controls that open an embedding or override (LRE, RLE, LRO, RLO), closed by PDF;
#: and isolates (LRI, RLI, FSI), closed by PDI.
_BIDI_OPENERS = "\u202a\u202b\u202d\u202e"
_BIDI_ISOLATES = "\u2066\u2067\u2068"
#: Any bidi control (one scan of each template output, which nearly never has one).
_BIDI_CONTROL = re.compile("[\u202a-\u202e\u2066-\u2069]")


def balance_bidi(value: Any) -> Any:
    """A string with every bidi embedding, override or isolate it opens closed at its end,
    so text someone wrote (a user name with U+202E) cannot reverse what a page shows
    after it; any other value as it is. For template output (Jinja's ``finalize``)."""
    if not isinstance(value, str) or not _BIDI_CONTROL.search(value):
        return value
    embeds = sum(value.count(c) for c in _BIDI_OPENERS) - value.count("\u202c")
    isolates = sum(value.count(c) for c in _BIDI_ISOLATES) - value.count("\u2069")
    return value + "\u202c" * max(0, embeds) + "\u2069" * max(0, isolates)


#: A JSON string, skipped whole (one left open runs to the end of the text), or a JSON
#: number outside one, in JSON's grammar as Python's decoder reads it (sign, integer part,
#: fraction, exponent). Possessive, so each character is looked at once: the string part
#: was tried again from every quote of a tail like ``"\"\"\"...`` that never closes, in
#: time square in its length (11 s for 40 KB).
_JSON_TOKEN = re.compile(
    r'"(?:[^"\\]++|\\.)*+"?|(-?(?:0|[1-9]\d*+))((?:\.\d++)?+(?:[eE][-+]?+\d++)?+)',
    re.DOTALL,
)
#: The words of Python's refusal of an integer with more digits than it converts.
_DIGIT_LIMIT = "for integer string conversion"


def too_many_digits(exc: ValueError) -> bool:
    """Whether ``exc`` is Python's refusal of an integer with more digits than it converts
    (``sys.get_int_max_str_digits()``), the one ValueError :func:`long_json_number` places."""
    return _DIGIT_LIMIT in str(exc)


def long_json_number(text: str) -> tuple[str, int, int] | None:
    """For JSON text that ``json.loads`` refused with a ValueError because an integer in
    it has more digits than Python converts (``sys.get_int_max_str_digits()``, 4,300): what
    is wrong and where, ``(problem, line, column)`` (1-based), or None for any other
    ValueError. Its message said "Exceeds the limit (4300 digits) for integer string
    conversion: value has 5000 digits; use sys.set_int_max_str_digits() to increase the
    limit", naming a Python call to a client and no place in the document.

    Only an integer counts, as for Python's decoder: a number with a fraction or an
    exponent is read as a float whatever its digits (``0.<5,000 digits>`` was named in
    place of the integer after it). One pass over the text, in linear time."""
    limit = sys.get_int_max_str_digits()
    if limit <= 0:
        return None
    for token in _JSON_TOKEN.finditer(text):
        integer, rest = token.group(1), token.group(2)
        if integer is None or rest:
            continue  # a string, or a float
        digits = len(integer) - integer.startswith("-")
        if digits > limit:
            line = text.count("\n", 0, token.start()) + 1
            column = token.start() - (text.rfind("\n", 0, token.start()) + 1) + 1
            problem = f"a number of {digits:,} digits is longer than the {limit:,} read"
            return problem, line, column
    return None


def json_problem(exc: json.JSONDecodeError) -> str:
    """The decoder's complaint without the trailing "at" its position followed: every
    surface puts the line and column first, and "Unterminated string starting at" then
    read as a sentence cut off (desk 15)."""
    return re.sub(r"\s+(?:starting\s+)?at$", "", exc.msg)
