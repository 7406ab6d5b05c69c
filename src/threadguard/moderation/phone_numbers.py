"""Phone numbers as people write them, and the ones that are an organisation's.

What :mod:`.contact_details` asks of a number it found: whether it is written as a phone
number is (not an order number, thousands or years), and whether it is a freephone or
helpline number (a survivor giving a helpline's number is no doxxing).
"""

from __future__ import annotations

import re
from typing import Final

#: Free and shared-cost numbers, an organisation's, not a person's (a third tryout: "call
#: Refuge on 0808 2000 247", "Citizens Advice 0800 144 8848" were held): UK 0800, 0808 and
#: 0500, US and Canadian toll-free 800, 888, 877, 866, 855, 844 and 833 (ten digits, after
#: an optional 1), Australian 1800 and 1300 (ten digits) and 13 xx xx. A US or Australian
#: one only as such numbers are written (800-273-8255, (888) 373-7888, 1-800-..., 1800 737
#: 732) or beside :data:`HELPLINE`: ten bare digits from 800 or 888 are an Indian mobile
#: as often ("Call him on 8001234567, he is the councillor who voted for it", a review,
#: session 35).
FREEPHONE_UK: Final = ("0800", "0808", "0500")
FREEPHONE_NANP: Final = ("800", "888", "877", "866", "855", "844", "833")
FREEPHONE_AU: Final = ("1800", "1300")
#: Said of an organisation's line, just before its number ("the helpline is", "toll-free").
HELPLINE: Final = re.compile(
    r"\b(?:helplines?|hotlines?|lifeline|freephone|toll[- ]?free|free(?:, confidential)? "
    r"(?:on|at|number|line)|charity|samaritans|crisis line|support line|advice line|customer "
    r"(?:service|services|care)|information line|switchboard)\b",
    re.IGNORECASE,
)
#: How far before a number :data:`HELPLINE` may stand.
HELPLINE_BEFORE: Final = 60


def phone_like(number: str, *, asked_to_call: bool = False) -> bool:
    """9 to 15 digits, written as a phone number is: grouped, or one run from a trunk ``0``
    or ``+`` ("07700900123") or after "call", "text", "ring" ("call 5558675309"); not a
    run of digits without one ("revision 597776308", an order number), thousands in groups
    of three ("1 000 000 000") nor years ("1914 1918 1939")."""
    digits = sum(c.isdigit() for c in number)
    if not 9 <= digits <= 15:
        return False
    groups = re.split(r"[\s.()-]+", number.strip("+()"))
    groups = [g for g in groups if g]
    if all(len(g) == 4 and 1800 <= int(g) <= 2099 for g in groups):
        return False  # years: "1914 1918 1939"
    if len(groups) == 1:
        return number.startswith(("0", "+")) or asked_to_call
    return not all(len(g) == 3 for g in groups[1:]) or groups[0].startswith(("0", "+", "("))


def freephone(number: str, before: str = "") -> bool:
    """Whether a phone number is a freephone or helpline number (:data:`FREEPHONE_UK`,
    :data:`FREEPHONE_NANP`, :data:`FREEPHONE_AU`), written nationally or with its
    country code ("+44 800 ...", "+1 800 ...", "+61 1800 ..."). A US or Australian prefix
    counts only in the groups such a number is written in, or with :data:`HELPLINE` in
    ``before`` (the words just before it): "8001234567" and "88812 34567" are a person's."""
    digits = "".join(c for c in number if c.isdigit())
    groups = [g for g in re.split(r"\D+", number) if g]
    if len(groups) > 1 and (number.lstrip().startswith("+") or groups[0] == "1"):
        groups = groups[1:]  # the country code, or the 1 of "1-800-..."
    said = HELPLINE.search(before) is not None
    if number.lstrip().startswith("+"):
        for code, trunk in (("44", "0"), ("61", ""), ("1", "")):
            if digits.startswith(code):
                digits = trunk + digits[len(code) :]
                break
    if digits.startswith(FREEPHONE_UK):
        return True
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    if len(digits) == 10 and digits.startswith(FREEPHONE_NANP):
        return [len(g) for g in groups] == [3, 3, 4] or said
    if len(digits) == 10 and digits.startswith(FREEPHONE_AU):
        return (len(groups) > 1 and groups[0] in FREEPHONE_AU) or said
    return len(digits) == 6 and digits.startswith("13")
