"""The words that report a phrase rather than make it: a reporting word before a
quotation or a phrase in its sentence ("the defendant shouted", "a sign saying"), unless
the writer says it as their own ("I think") or calls for the telling ("They need to be
told"), and a verb of ordering with whoever was ordered ("told a nurse to").

Where a comment's quotations are is :mod:`threadguard.scoring.quotations`' to find (one
finder for the moderation's lists and the engine's second readings; this package reads it
in its strict lean, where the reading that quotes less wins).
"""

from __future__ import annotations

import re
from typing import Final

#: A word before a phrase in its sentence that reports it rather than makes it (a call,
#: dehumanising language, a coded theory in a quotation) (not after "I" or "we": "I think migrants are vermin" is no report).
REPORTING: Final = re.compile(
    r"\b(?:said|says|say|saying|told|tells|telling|post(?:s|ed)?|tweet(?:s|ed)?|flyers?|leaflets?|"
    r"scrawled|sprayed|painted|think|thinks|thought|believe|believes|"
    r"claim(?:s|ed|ing)?|sign(?:s)?|chant(?:s|ed|ing)?|shout(?:s|ed|ing)?|wrote|writes|"
    r"banners?|placards?|slogans?|graffiti|warn(?:s|ed|ing)?|in the eyes of|wants|wanted|"
    r"propos(?:es|ed|al)|plan(?:s|ned)\s+to|vow(?:s|ed)|promis(?:es|ed)|laws?|bill|decreed?|"
    r"feel|feels|felt|threaten(?:s|ed|ing)?\s+to|pledg(?:e|es|ed|ing)\s+to|"
    r"boast(?:s|ed|ing)?\s+(?:that|they|he|she|of)|promising\s+to|vowing\s+to|edicts?|"
    r"according to(?! (?:me|us)\b)|"
    # a finding or a report that names someone's words ("described disabled staff as",
    # "referred to them as", "branded them"): a tribunal's wording quoted (session 36)
    r"(?:described|referred\s+to)\s+(?:[\w'’-]+\s+){0,3}?as|branded|labell?ed)\b",
    re.IGNORECASE,
)
#: A first person just before a reporting word ("I think", "I firmly believe"): the writer
#: says it as their own.
FIRST_PERSON: Final = re.compile(
    r"\b(?:i|we)(?:'m|'ve|'d|'ll| am| have| do| did| really| honestly| still| just| always|"
    r" firmly| truly| strongly| genuinely| personally| sincerely| absolutely| kept| keep| on|"
    r" used to| even| also| once){0,3}\s+$",
    re.IGNORECASE,
)


#: Words that open an instruction or a habit with no subject of its own, before a telling
#: or an order: "Keep telling them '...'", "Make sure they're told to '...'", "Been telling
#: them for years ...", "Don't stop telling them '...'" (:data:`CALLED_FOR` here, and
#: :data:`.hurled_slurs._NO_SUBJECT` for orders).
INSTRUCTING: Final = (
    r"keep|keeps|kept|kept on|been|start|started|go|go on|remember to|be sure to|try|"
    r"don['’]?t stop|never stop|make sure"
)
#: An obligation or an instruction just before a reporting word: the telling is called
#: for, not reported ("They need to be told '...'", "Someone needs telling '...'", "About
#: time they were told '...'", "Make sure they're told to '...'", "Keep telling them
#: '...'"; reviewers' sentences, sessions 39 and 40). Only the passive of an obligation
#: ("why do they always have to say '...'" reports them), and not "would" or "will" ("My
#: grandad would always say '...'" reports him).
CALLED_FOR: Final = re.compile(
    r"(?:\b(?:should|shoulda|must|ought to|needs? to|have to|has to|had better|gotta|got to|"
    r"deserves? to)(?: all| just| simply| really| finally| each| every one)* (?:be|get|all be) $|"
    r"\bneeds? $|"
    r"(?:^\W*|[,;:]\s*|\b(?:about|high|it['’]?s|its)\s+)time\b[^.!?]{0,40}$|"
    r"\b(?:wish|wished|if only)\b[^.!?]{0,40}$|"
    rf"^\W*(?:(?:and|so|just|always|still|please)\s+)*(?:{INSTRUCTING})(?: (?:they|he|she|"
    r"you|them|everyone|every one of them)(?:['’]re| are| get| gets| is)?)?(?: on)?\s+$)",
    re.IGNORECASE,
)
#: A denial before the call: "Nobody deserves to be told '...'", "No child should be told
#: '...'" condemn the words they report.
_DENIED_CALL: Final = re.compile(r"\b(?:no ?one|nobody|no|never|not|n['’]t)\b", re.IGNORECASE)


def _called_for(before: str) -> bool:
    """Whether ``before`` (the words before a reporting word) calls for the telling
    (:data:`CALLED_FOR`), not denying it."""
    call = CALLED_FOR.search(before)
    return call is not None and not _DENIED_CALL.search(before[: call.start()])


def reports(before: str, reach: int | None = None) -> bool:
    """Whether ``before`` (the words before a phrase, in its sentence) reports it: a
    :data:`REPORTING` word (within its last ``reach`` characters, if given) that is
    neither the writer's own (:data:`FIRST_PERSON`) nor called for (:data:`CALLED_FOR`)."""
    first = 0 if reach is None else max(0, len(before) - reach)
    return any(
        not FIRST_PERSON.search(before[: m.start()]) and not _called_for(before[: m.start()])
        for m in REPORTING.finditer(before, first)
    )


#: A verb of ordering someone, in the words before a quotation: its last occurrence is
#: the one that governs the quotation ("Mum told me, and now I'm telling them to '...'").
ORDER_VERB: Final = re.compile(r"\b(?:told|tells|telling|ordered|orders|ordering)\b", re.IGNORECASE)
#: What may stand between the order and its quotation: whoever was ordered, however
#: described ("a Nigerian customer, a nurse who has lived here twelve years, "), a time's
#: marks included ("at 3:30"), and then "to". (An abbreviation's full stop, "a nurse from
#: St. Mary's", ends the sentence the caller reads: such a report is still held.)
ORDERED_TO: Final = re.compile(
    r"^\s(?:\d[:.]\d|[^.!?;:\"“”]){0,120}?\bto\s*$",
    re.IGNORECASE,
)


def order_verb(before: str) -> re.Match[str] | None:
    """The verb of ordering that ``before`` (at most a sentence's words before a
    quotation) ends in, with whoever was ordered and "to" after it ("a man told a
    Nigerian customer, a nurse who has lived here twelve years, to"); None otherwise.
    Whose order it is, the caller decides (:func:`.hurled_slurs.order_reported`)."""
    verbs = list(ORDER_VERB.finditer(before))
    if not verbs or ORDERED_TO.search(before[verbs[-1].end() :]) is None:
        return None
    return verbs[-1]
