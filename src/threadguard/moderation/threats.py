"""Threats and calls for expulsion: the team's list of phrases that threaten a person, call
for violence against people or for a group's expulsion, which the models read poorly.

The labelled sets hold about a thousand threat rows, most of them wishes of death in
tweets, so the threat heads learnt little: the fast tier scores "I will find you and I will
hurt you" about 0.1 and the deep tier never reads it, and a comment that threatens a
reporter is published. A moderator reads a threat at once; the list
(``resources/lexicons/threats.toml``) writes that reading down as regular expressions over
the comment's canonical text (lower case, spacing squeezed, leetspeak and look-alike
letters undone: :mod:`threadguard.normalize`), each with the kind of threat it is (an
intent to harm, a veiled threat, a wish of harm, a call for violence or for expulsion), so
a decision names the phrase.

Some phrases are only a threat when a group of people is named near them ("they don't
belong here" about immigrants, not about bicycles): such an entry has a ``near`` pattern
that must match within :data:`NEAR` characters of the phrase. A call for expulsion is also
named by comments that rebut it ("anyone who says refugees don't belong here is a bigot"):
where the sentence rebuts it as :func:`threadguard.moderation.coded_hate.rebutted` reads a
rebuttal, it is named and not held for.

A phrase inside quotation marks is reported speech ("the man shouted "I will kill you" at
the officers"): it is named among the reasons, marked ``quoted``, and holds nothing on its
own; the models' scores decide. Only English comments are read (the phrases are English).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Final

from threadguard.moderation.coded_hate import rebutted
from threadguard.moderation.lexicon_files import array_of_tables
from threadguard.normalize import normalize_known, normalize_text

#: The list's place among the package's resources.
LEXICON: Final = "lexicons/threats.toml"
#: The kinds of threat the list may name, in the order a moderator would weigh them.
KINDS: Final = (
    "intent to harm",
    "veiled threat",
    "wish of harm",
    "call for violence",
    "call for expulsion",
)
#: The kinds a sentence may rebut (named, not held, where it does).
REBUTTABLE: Final = frozenset({"call for expulsion"})
#: Quotation marks that open or close reported speech (straight and curly double quotes).
QUOTES: Final = re.compile(r"[\"“”„«»]")
#: What ``{i_will}`` in a pattern stands for: a first person's future or intent, in every
#: spelling ("I will", "we'll", "i'm gonna", "we are going to"), so every entry reads the
#: same intent the same way.
I_WILL: Final = (
    r"(?:i|we)\s*(?:will|'ll|shall|am going to|'m going to|are going to|'re going to"
    r"|am gonna|'m gonna|are gonna|'re gonna|gonna)"
)
#: What ``{group}`` in a pattern stands for: the names of groups of people that calls for
#: expulsion are aimed at (not "these people": vandals and drivers are called that too).
GROUP: Final = (
    r"(?:immigrants?|migrants?|refugees?|asylum seekers?|foreigners?|muslims?|moslems?|jews?"
    r"|jewish people|blacks|black people|gypsies|gypsy|roma|arabs?|africans?|asians?"
    r"|pakistanis?|indians?|mexicans?|chinese|somalis?|syrians?|afghans?|poles|romanians?"
    r"|eastern europeans|gays?|lesbians?|trans people|transgender people|homosexuals?"
    r"|hindus?|sikhs?)"
)
#: How far from a phrase, in characters of the canonical text, its ``near`` must match.
NEAR: Final = 200
#: How much of a phrase the reason quotes, at most.
SHOWN: Final = 60
_REQUIRED: Final = frozenset({"kind", "pattern"})
_KEYS: Final = _REQUIRED | {"near"}


class ThreatListError(ValueError):
    """A list entry that cannot be used; the message names the entry."""


@dataclass(frozen=True)
class ThreatRule:
    """One entry of the list: the kind of threat and its compiled pattern."""

    kind: str
    regex: re.Pattern[str]
    #: What must stand within :data:`NEAR` characters of the phrase (None: nothing).
    near: re.Pattern[str] | None = None

    def finds(self, canonical: str) -> list[tuple[int, int]]:
        """Where the phrase stands in a canonical text (with its ``near``, if any)."""
        out = []
        for m in self.regex.finditer(canonical):
            if m.end() == m.start():
                continue
            if self.near is not None:
                window = canonical[max(0, m.start() - NEAR) : m.end() + NEAR]
                if not self.near.search(window):
                    continue
            out.append((m.start(), m.end()))
        return out


@dataclass(frozen=True)
class ThreatMatch:
    """A threatening phrase found in a comment, with its offsets in the original text."""

    kind: str
    #: The phrase as the comment wrote it (the original text between the offsets).
    phrase: str
    begin: int
    end: int
    #: Inside quotation marks: reported speech, named but not held for.
    quoted: bool = False
    #: A call for expulsion its sentence rebuts: named, not held for.
    rebutted: bool = False

    @property
    def holds(self) -> bool:
        """Whether this find holds the comment (not reported, not rebutted)."""
        return not self.quoted and not self.rebutted

    def to_json(self) -> dict[str, Any]:
        """The match as the decision's details keep it (for highlighting, and the record)."""
        out: dict[str, Any] = {
            "kind": self.kind,
            "phrase": self.phrase,
            "begin": self.begin,
            "end": self.end,
        }
        if self.quoted:
            out["quoted"] = True
        if self.rebutted:
            out["rebutted"] = True
        return out

    def reason(self) -> str:
        """The reason a decision gives: the kind of threat and the phrase."""
        shown = " ".join(self.phrase.split())
        if len(shown) > SHOWN:
            shown = shown[: SHOWN - 1] + "…"
        note = (
            " (quoted: not held for it)"
            if self.quoted
            else " (rebutted: not held for it)"
            if self.rebutted
            else ""
        )
        return f'{self.kind}: "{shown}"{note}'


def parse_threats(text: str, source: str = LEXICON) -> tuple[ThreatRule, ...]:
    """The rules of a threat list document; :class:`ThreatListError` naming a bad entry."""
    entries = array_of_tables(text, "threat", source, ThreatListError)
    rules = []
    for n, entry in enumerate(entries, start=1):
        where = f"{source}: threat {n}"
        if not isinstance(entry, dict) or not _REQUIRED <= set(entry) <= _KEYS:
            raise ThreatListError(
                f"{where}: needs the keys {sorted(_REQUIRED)} (and may have 'near')"
            )
        kind, pattern = entry["kind"], entry["pattern"]
        if kind not in KINDS:
            raise ThreatListError(f"{where}: kind must be one of {', '.join(KINDS)}, not {kind!r}")
        regex = _compiled(pattern, f"{where}: pattern")
        if regex.search(""):
            raise ThreatListError(f"{where}: pattern matches the empty text")
        near = entry.get("near")
        rules.append(
            ThreatRule(kind, regex, None if near is None else _compiled(near, f"{where}: near"))
        )
    return tuple(rules)


def _compiled(pattern: object, where: str) -> re.Pattern[str]:
    """A pattern of the list compiled, its placeholders filled in."""
    if not isinstance(pattern, str) or not pattern.strip():
        raise ThreatListError(f"{where} must be a non-empty string")
    try:
        return re.compile(pattern.replace("{i_will}", I_WILL).replace("{group}", GROUP))
    except re.error as exc:
        raise ThreatListError(f"{where}: bad pattern: {exc}") from exc


@cache
def threat_list() -> tuple[ThreatRule, ...]:
    """The shipped list, read once."""
    text = resources.files("threadguard.resources").joinpath(LEXICON).read_text("utf-8")
    return parse_threats(text)


def quoted(text: str, begin: int) -> bool:
    """Whether ``text[begin:]`` starts inside quotation marks: an odd number of them stand
    before it in its paragraph."""
    start = text.rfind("\n\n", 0, begin) + 1
    return len(QUOTES.findall(text, start, begin)) % 2 == 1


def match_threats(
    text: str,
    *,
    language: str | None = "en",
    canonical: str | None = None,
    rules: tuple[ThreatRule, ...] | None = None,
) -> list[ThreatMatch]:
    """Every threatening phrase of the list (or of ``rules``) in ``text``, in the order
    they stand there (overlapping finds of different entries are all kept). ``language``:
    the comment's; none is looked for in another language than English. ``canonical``:
    ``normalize_text(text)`` if known."""
    if language not in ("en", None) or not text:
        return []
    chosen = threat_list() if rules is None else rules
    if canonical is None:
        canonical = normalize_text(text)
    hits = [(rule, span) for rule in chosen for span in rule.finds(canonical)]
    if not hits:
        return []
    # The offset map is built only for a comment that has a phrase (most have none).
    canon = normalize_known(text, canonical)
    found = []
    for rule, (start, stop) in hits:
        begin, end = canon.to_original(start, stop)
        denied = rule.kind in REBUTTABLE and rebutted(text, begin, end)
        found.append(
            ThreatMatch(rule.kind, text[begin:end], begin, end, quoted(text, begin), denied)
        )
    found.sort(key=lambda t: (t.begin, t.end))
    return found
