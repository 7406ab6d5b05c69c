"""Step 5 of the pipeline: leetspeak inside words (``sh!t``, ``b1tch``, ``@ss``).

Only tokens where a look-alike digit or symbol touches an ASCII letter are looked at, and
the rules in :func:`_deleet` leave numbers, prices, ordinals and product names alone.
"""

from __future__ import annotations

import re
from typing import Final

from threadguard.normalize.offsets import Edit
from threadguard.normalize.protected import overlaps
from threadguard.normalize.tokens import ASCII_LETTER_RE, tokens_at

_LEET_TABLE: Final = str.maketrans("013457@$!|", "oieastasil")
# Cheap pre-check. A "!" after a letter is ordinary punctuation unless a letter follows,
# which the second alternative catches, so "wow!" does not trigger the token scan.
# The pattern starts with a character class so that the regex engine can skip ahead fast.
_LEET_HINT_RE: Final = re.compile(r"[013457@$!|](?:(?<=[a-z][013457@$|])|(?=[a-z]))")
_LEET_RUN_RE: Final = re.compile(r"[013457@$!|]+")
_OTHER_DIGIT_RE: Final = re.compile(r"[2689]")
# What may follow a single leading digit without it being leetspeak ("5mins", "3days").
_NUMBER_SUFFIXES: Final = frozenset(
    [
        "min",
        "mins",
        "hr",
        "hrs",
        "hour",
        "hours",
        "day",
        "days",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "yrs",
        "sec",
        "secs",
        "ms",
        "kms",
        "kgs",
        "lbs",
        "mph",
        "kph",
        "ghz",
        "mhz",
        "way",
        "ways",
        "ish",
        "star",
        "stars",
        "times",
        "pack",
        "inch",
        "feet",
        "gen",
        "pm",
        "am",
        "ply",
        "der",
    ]
)


def _deleet(token: str) -> str:
    """De-leet one token (letters, digits and @$!|); return it unchanged when unsure.

    Rules, chosen to leave numbers, prices, ordinals and product names alone:
    * a token with a digit that is never leetspeak here (2, 6, 8, 9) is left alone
      ("b2b", "h264", "gr8"), as is one without an ASCII letter ("$20", "100");
    * a run of leet characters between two letters is converted ("n1gg3r", "sh!t",
      "a$$hole");
    * a single leading 0/1/3/5/7/$ is converted when at least three characters follow and
      they are not a unit ("5hit", "$lut", but not "1st", "5mins"); a leading 4 reads as
      "for" ("4ever") and is kept; a leading @ is converted only before two s-like
      characters ("@ss", "@$$hole"), so that @mentions survive;
    * a trailing run is converted only when it is two or more of $ and 5 ("a$$", "a55").
    """
    if _OTHER_DIGIT_RE.search(token) or not ASCII_LETTER_RE.search(token):
        return token
    n = len(token)
    out = token
    for m in _LEET_RUN_RE.finditer(token):
        i, j = m.span()
        run = m.group()
        before = token[i - 1].isalpha() if i > 0 else False
        after = token[j].isalpha() if j < n else False
        if before and after:
            convert = True
        elif i == 0 and after:
            rest = token[j:]
            if run[0] == "@":
                convert = all(c in "s$5" for c in (run + rest)[1:3]) and len(run + rest) >= 3
            else:
                convert = len(run) == 1 and run in "01357$" and len(rest) >= 3
                convert = convert and rest not in _NUMBER_SUFFIXES
        elif j == n and before:
            convert = len(run) >= 2 and all(c in "$5" for c in run)
        else:
            convert = False
        if convert:
            out = out[:i] + run.translate(_LEET_TABLE) + out[j:]
    return out


def leet_edits(text: str, protected: list[tuple[int, int]]) -> list[Edit]:
    """Leetspeak in words where a look-alike digit or symbol touches an ASCII letter."""
    edits: list[Edit] = []
    for a, b in tokens_at(text, _LEET_HINT_RE.finditer(text)):
        token = text[a:b]
        new = _deleet(token)
        if new == token:
            continue
        if protected and overlaps(a, b, protected):
            continue
        edits.append((a, b, [(new, a, b)]))
    return edits
