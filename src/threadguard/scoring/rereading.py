"""Second readings: a comment read again with some of its words cut out.

Where the models misread a construction they rarely saw in training (a hedge before an
attack on a group, a denied slur, an insult at a thing, a condemned quotation, sex named
as a subject, a word that only looks sexual, an idiom of violence that harms no one), the
engine reads the comment a second time without those words and combines the two readings
per head (a quotation the comment agrees with is read the other way round: alone). Each
construction's module finds what to cut; this one cuts it and holds what several of them
look for; :mod:`.second_readings` lists the readings as the engine applies them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

#: Words that speak to someone: a reading that would lower a comment's scores is not
#: made where the writer addresses a person (a come-on, an answer aimed at who said it).
ADDRESSED: Final = r"you|your|yours|yourself|yourselves|u|ur|ya|y['’]?all|youse|ye"
#: Characters the models never see (zero-width, soft hyphen, other format characters): a
#: comment holding one is read as written, since the readings' patterns read the raw text
#: ("this stupid bus dri\u200bver").
INVISIBLE: Final = re.compile(
    r"[\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]"
)


def cut_out(text: str, cuts: Iterable[tuple[int, int]]) -> str | None:
    """``text`` without the ``(begin, end)`` ranges (in order, not overlapping); None
    where there is nothing to cut."""
    parts: list[str] = []
    last = 0
    for begin, end in cuts:
        parts.append(text[last:begin])
        last = end
    if not parts:
        return None
    parts.append(text[last:])
    return "".join(parts)


def merged(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """``(begin, end)`` ranges sorted, those that overlap joined: what :func:`cut_out`
    takes from several patterns' finds."""
    out: list[tuple[int, int]] = []
    for begin, end in sorted(spans):
        if out and begin < out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((begin, end))
    return out
