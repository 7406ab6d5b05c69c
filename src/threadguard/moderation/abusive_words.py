"""Abusive words in the other covered languages: slurs for groups of people, insults
addressed to a person and obscene dismissals ("spierdalaj", "verpiss dich"), which the
multilingual fast tier reads poorly; and in English, insults addressed to the reader in
British, Irish and Australian words ("you sanctimonious old cow"), which the English
tiers read poorly (two news-desk tryouts, session 36; the list's English entry says why).

Session 34: a multilingual tryout found plain abuse published in Polish, Dutch, Italian,
Spanish, Turkish and Arabic ("Ty kurwo jebana, wypierdalaj stąd.", "Kop dicht,
kankerlijer.", "Stai zitta, troia.", "صدرك حلو يا قحبة"): the shared es/it/nl/pl model
scores Polish toxicity 0.15-0.44 whatever is said, and the Turkish and Arabic heads learnt
from tweets. A moderator reads such a word at once; the list
(``resources/lexicons/abusive_words_languages.toml``) writes that reading down, one entry
per language and kind (``slur``: a word for a group of people, with the groups it attacks;
``insult``: a word for a person, mostly in the vocative Polish and Italian mark; ``directed
obscenity``: "fuck off" aimed at the reader), over the comment's canonical text (lower
case, Latin accents dropped: :mod:`threadguard.normalize`). Bare profanity said as an
exclamation ("kurwa, znowu korek", "cazzo che gol", "porra") is no entry: it insults no one.

A word inside a quotation (:mod:`.quotes`) or after a verb of naming in its sentence ("er
nannte ihn einen Kanaken", "il l'a traité de connard": :data:`NAMING`) is reported, and one
a writer calls themselves or their own ("ich bin 'ne Schwuchtel", "wir Kanaken":
:data:`SELF`) or says it with pride (:data:`PRIDE`) reclaimed: either is named and not
held for, as is one a first person plural follows (:data:`WE_AFTER`) or that its
sentence names as a word or reports after it ("Mein Opa sagte Neger, das Wort ist heute
tabu", "..., dedi aktivist": :data:`NAMED_AFTER`). An entry's ``unless`` names the other
sense of its word: where it stands in the word's sentence ("Wymieniłem pedały, łańcuch i
siodełko": bicycle pedals) the word is no find at all. Each entry is looked for in
comments of its language only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Final

from threadguard.analysis import not_held_note
from threadguard.moderation.lexicon_files import array_of_tables
from threadguard.moderation.sentences import sides
from threadguard.normalize import normalize_known, normalize_text
from threadguard.schema import GROUPS
from threadguard.scoring.quotations import Quotations

#: The list's place among the package's resources.
LEXICON: Final = "lexicons/abusive_words_languages.toml"
#: The kinds of word the list may name.
KINDS: Final = ("slur", "insult", "directed obscenity")
#: How much of a word the reason quotes, at most.
SHOWN: Final = 40
#: How many finds a decision keeps.
KEPT: Final = 20
#: How far before a word a verb of naming is looked for (in its sentence).
REACH: Final = 120


def _per_language(
    patterns: dict[str, str], before: str = "", after: str = ""
) -> dict[str, re.Pattern[str]]:
    """Each language's pattern compiled, between ``before`` and ``after``: the frame the
    languages of one table share (a whole word, or words ending the text before a find),
    so that each table writes only its words."""
    return {code: re.compile(before + pattern + after) for code, pattern in patterns.items()}


#: Verbs that report a word someone else used ("he called him a ..."), per language.
NAMING: Final = _per_language(
    {
        "de": r"\b(?:nannte|nennt|nennen|nannten|beschimpf\w*|bezeichne\w*|wort|worte|begriff)\b",
        "fr": r"\b(?:trait\w*|insult\w*|mot|terme|appel\w*|entendre|entendu|crier|crie)\b",
        "es": r"\b(?:llamo|llamaba|llamar|insulto|insultaba|palabra|termino)\b",
        "it": r"\b(?:chiamato|chiamata|chiamava|dato del|dato della|dare del|parola|termine)\b",
        "nl": r"\b(?:noemde|noemt|uitgescholden|schold|scheldwoord|woord)\b",
        "pl": r"\b(?:nazwał\w*|nazywał\w*|nazywa|wyzwał\w*|wyzywał\w*|słowo|slowo|określenie)\b",
        "tr": r"\b(?:dedi|diye|kelime\w*|sözcüg\w*|sozcug\w*)\b",
        "pt": r"\b(?:chamou|chamava|chamar|chamado|chamada|xingou|xingava|xingar|xingad[oa]|"
        r"palavra|termo)\b",
        "ar": r"(?:وصف|نعت|كلمة|لقب)",
    }
)
#: The word named as a word, or someone's words reported, after it in its sentence ("Neger,
#: das Wort ist heute zu Recht tabu", "..., dedi aktivist"): named, not held for.
NAMED_AFTER: Final = _per_language(
    {
        "de": r"\b(?:das|dieses|ein solches|so ein) wort\b|\b(?:ist|gilt|bleibt) (?:\w+ ){0,3}?tabu\b"
        r"|\bsagt man (?:\w+ ){0,2}?nicht\b|\bdarf man (?:\w+ ){0,2}?nicht (?:mehr )?sagen\b",
        "tr": r"\b(?:dedi|demis)\b",
    }
)
#: A first person naming themselves just before the word ("ich bin 'ne Schwuchtel", "soy
#: maricón y a mucha honra", "jestem pedałem"): a reclaimed or self-mocking use, named and
#: not held (not for a directed obscenity, which is aimed at someone else).
SELF: Final = _per_language(
    {
        "de": r"ich bin|wir sind|bin ich|sind wir|ich als|wir als|ich,? als|bin halt|bin eben|"
        r"wir|uns",
        "fr": r"je suis|nous sommes|on est|moi,? en tant que|en tant que|nous(?:,? les)?|"
        r"mes (?:potes|amis|amies|freres|soeurs)",
        "es": r"soy|somos|siendo|yo,? como|nosotr[oa]s(?:,? l[oa]s)?|como buen[oa]?|"
        r"mis (?:amig[oa]s|herman[oa]s|compañer[oa]s|compas)",
        "it": r"sono|siamo|io,? da|da|noi",
        "nl": r"ik ben|wij zijn|we zijn|ben ik|ik,? als|wij|ons",
        "pl": r"jestem|jesteśmy|jestesmy|ja,? jako|my",
        "tr": r"ben|biz|olarak|kendimi|kendime|kendimizi",
        "pt": r"eu sou|sou|somos|nos,? (?:os|as)|eu,? como",
    },
    before=r"\b(?:",
    after=r")(?:\s+[\w'’-]+){0,2}[\s,]*$",
)
#: A first person plural just after a slur ("los sudacas tenemos derecho", "noi froci
#: siamo", "nous, les pédés, on ..."): a group speaking of itself, named and not held.
WE_AFTER: Final = _per_language(
    {
        "de": r"^[\s,]*(?:wir|sind wir|haben wir)\b",
        "fr": r"^[\s,]*(?:on|nous)\b",
        "es": r"^[\s,]*(?:[\w'’-]+\s+)?\w+(?:amos|emos|imos)\b",
        "it": r"^[\s,]*(?:[\w'’-]+\s+)?\w+iamo\b",
        "nl": r"^[\s,]*(?:wij|we)\b",
        "pl": r"^[\s,]*(?:[\w'’-]+\s+)?\w+(?:emy|imy|amy)\b",
    }
)
#: Pride in the sentence of a slur ("schwul und stolz drauf", "maricón y a mucha honra",
#: "fière d'être gouine"), or the defence of its group's rights ("ibnelerin haklarını
#: savunmak için yürüdük"): the word reclaimed by those it names, named and not held.
PRIDE: Final = _per_language(
    {
        "de": r"stolz\w*",
        "fr": r"fier|fiere|fiers|fieres|fierte",
        "es": r"orgull\w+|a mucha honra",
        "it": r"orgogli\w+|fier[oa]",
        "nl": r"trots\w*",
        "pl": r"dumn[ya]|dumni|duma|dumą",
        "tr": r"gurur\w*|haklar\w* (?:icin|savun\w*)|geri al\w*",
        "pt": r"orgulh\w+",
    },
    before=r"\b(?:",
    after=r")\b",
)
_REQUIRED: Final = frozenset({"language", "kind", "pattern"})
_KEYS: Final = _REQUIRED | {"targets", "unless"}


class AbusiveListError(ValueError):
    """A list entry that cannot be used; the message names the entry."""


@dataclass(frozen=True)
class AbusiveRule:
    """One entry of the list: its language, kind, compiled pattern and targeted groups."""

    language: str
    kind: str
    regex: re.Pattern[str]
    targets: tuple[str, ...] = ()
    #: The word's other sense: where this stands in its sentence, the word is no find.
    unless: re.Pattern[str] | None = None


@dataclass(frozen=True)
class AbusiveMatch:
    """An abusive word found in a comment, with its offsets in the original text."""

    kind: str
    word: str
    begin: int
    end: int
    targets: tuple[str, ...] = ()
    #: Inside a quotation, after a verb of naming, or the writer's name for themselves:
    #: reported or reclaimed, named, not held for.
    reported: bool = False

    @property
    def holds(self) -> bool:
        return not self.reported

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kind": self.kind,
            "word": self.word,
            "begin": self.begin,
            "end": self.end,
        }
        if self.targets:
            out["targets"] = list(self.targets)
        if self.reported:
            out["reported"] = True
        return out

    def reason(self) -> str:
        """The reason a decision gives: the kind of word, the word and the groups."""
        shown = " ".join(self.word.split())
        if len(shown) > SHOWN:
            shown = shown[: SHOWN - 1] + "…"
        targets = f" (targets {', '.join(self.targets)})" if self.targets else ""
        note = not_held_note("reported or reclaimed") if self.reported else ""
        return f'abusive word, {self.kind}: "{shown}"{targets}{note}'


def parse_abusive_words(text: str, source: str = LEXICON) -> tuple[AbusiveRule, ...]:
    """The rules of a list document; :class:`AbusiveListError` naming a bad entry."""
    rules = []
    for n, entry in enumerate(array_of_tables(text, "word", source, AbusiveListError), 1):
        where = f"{source}: word {n}"
        if not isinstance(entry, dict) or not _REQUIRED <= set(entry) <= _KEYS:
            raise AbusiveListError(
                f"{where}: needs the keys {sorted(_REQUIRED)} (and may have 'targets', 'unless')"
            )
        language, kind, pattern = entry["language"], entry["kind"], entry["pattern"]
        if not isinstance(language, str) or len(language) != 2 or not language.islower():
            raise AbusiveListError(f"{where}: language must be an ISO 639-1 code such as 'pl'")
        if kind not in KINDS:
            raise AbusiveListError(f"{where}: kind must be one of {', '.join(KINDS)}")
        targets = entry.get("targets", [])
        if not isinstance(targets, list) or not set(targets) <= set(GROUPS):
            raise AbusiveListError(f"{where}: targets must be groups of {', '.join(GROUPS)}")
        if not isinstance(pattern, str) or not pattern.strip():
            raise AbusiveListError(f"{where}: pattern must be a non-empty string")
        try:
            regex = re.compile(pattern)
        except re.error as exc:
            raise AbusiveListError(f"{where}: bad pattern: {exc}") from exc
        if regex.search(""):
            raise AbusiveListError(f"{where}: pattern matches the empty text")
        unless = entry.get("unless")
        if unless is not None:
            if not isinstance(unless, str) or not unless.strip():
                raise AbusiveListError(f"{where}: unless must be a non-empty string")
            try:
                unless = re.compile(unless)
            except re.error as exc:
                raise AbusiveListError(f"{where}: bad unless: {exc}") from exc
        rules.append(AbusiveRule(language, kind, regex, tuple(targets), unless))
    return tuple(rules)


@cache
def abusive_list() -> tuple[AbusiveRule, ...]:
    """The shipped list, read once."""
    text = resources.files("threadguard.resources").joinpath(LEXICON).read_text("utf-8")
    return parse_abusive_words(text, LEXICON)


def _span(m: re.Match[str]) -> tuple[int, int]:
    """Where the word of a find stands: its ``phrase`` group where the pattern has one and
    it took part, else the whole match."""
    if "phrase" in m.re.groupindex and m.start("phrase") >= 0:
        return m.span("phrase")
    return m.span()


def _own_group(
    after: str, before: str, pride: re.Pattern[str] | None, we: re.Pattern[str] | None
) -> bool:
    """Whether a slur's sentence says it with pride, or a first person plural follows it."""
    if pride is not None and (pride.search(before) or pride.search(after)):
        return True
    return we is not None and we.search(after) is not None


def match_abusive_words(
    text: str,
    *,
    language: str | None,
    canonical: str | None = None,
    rules: tuple[AbusiveRule, ...] | None = None,
) -> list[AbusiveMatch]:
    """Every abusive word of the list (or of ``rules``) for ``language`` in ``text``, in
    the order they stand there (the first :data:`KEPT`)."""
    if not text or not language:
        return []
    chosen = [r for r in (abusive_list() if rules is None else rules) if r.language == language]
    if not chosen:
        return []
    if canonical is None:
        canonical = normalize_text(text)
    hits = sorted(
        ((*_span(m), rule) for rule in chosen for m in rule.regex.finditer(canonical)),
        key=lambda h: (h[0], h[1]),
    )
    hits = [h for h in hits if h[1] > h[0]][:KEPT]
    if not hits:
        return []
    canon = normalize_known(text, canonical)
    quotes = Quotations(text)
    naming, own, pride = NAMING.get(language), SELF.get(language), PRIDE.get(language)
    we, named_after = WE_AFTER.get(language), NAMED_AFTER.get(language)
    found = []
    for start, stop, rule in hits:
        begin, end = canon.to_original(start, stop)
        before, after = sides(text, begin, end, REACH)
        said, then = normalize_text(before), normalize_text(after)
        if rule.unless is not None and (rule.unless.search(said) or rule.unless.search(then)):
            continue  # the word's other sense (bicycle pedals)
        reported = (
            quotes.inside(begin, end)
            or (naming is not None and naming.search(said) is not None)
            or (named_after is not None and named_after.search(then) is not None)
            or (
                rule.kind != "directed obscenity"
                and own is not None
                and own.search(said) is not None
            )
            or (rule.kind == "slur" and _own_group(then, said, pride, we))
        )
        found.append(AbusiveMatch(rule.kind, text[begin:end], begin, end, rule.targets, reported))
    return found
