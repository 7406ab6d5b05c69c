"""Coded hate and dog whistles: the team's lexicon of terms the models read poorly.

Hate that hides behind a code ("remigration", "1488", a nickname for a people or a city)
is rare in labelled data and looks harmless word by word, so the models let most of it
through (issue 12: coded hate was missed about half the time, and the functional suite's
coded-hate cases passed at 22% on decisions). A moderator knows these codes; the lexicon
(``resources/lexicons/coded_hate.toml``) writes that knowledge down, each term with the
group it attacks and what it means, so a decision can name the code and a site can drop
a term it does not want (``[coded_hate] ignore``). Terms are matched like watched words
(:mod:`.watchlist`): through spacing, look-alike letters, leetspeak and stretched letters.
A code that is only hate beside the group it is said of ("Deus vult" about mosques,
"groomers" about trans people, the Rothschilds who "profit from every war") is a
``[[context]]`` entry: a name, a regular expression over the text as written (case
ignored) and a ``near`` one that must match within :data:`CONTEXT_NEAR` characters of it.

A user name is read word by word: joined words and glued digits are split first
("GoyimKnow", "Patriot1488", "HH88": :func:`name_words`). A term marked ``names_only`` is
looked for in user names alone: a slur whose bare word a comment may use in another sense
or whose use there a ``[[context]]`` entry reads from its sentence ("spaz", "spastics"),
but which as a word of a name is nothing but the slur (desk 83's ``spaz_attack_99``).

The names of conspiracy theories and slogans (``reported = true`` in the lexicon) are also
named by comments that rebut them. Such a code counts as *rebutted* inside a quotation of
more words than itself that a verb of saying introduces (reported speech; not scare
quotes, nor a quotation the comment asserts), where "no" stands
just before it ("there is no migrant invasion"; :data:`DENIAL`), or a :data:`REBUTTAL` word stands in
the same sentence within :data:`NEAR` characters of it and is not itself negated ("the
great replacement conspiracy theory", but not "the great replacement is no myth"): it is
named among the reasons but holds nothing on its own, and the models' scores decide. A
slur, a salute or a call to violence is never rebutted, nor is anything in a user name,
unless it is named as a word and not used: alone in quotation marks after "the word",
"terms like" or "calling them", in a sentence that condemns it and does not endorse it
("the word 'pikey' still gets used in this paper's comments", a historian's complaint;
not "the word 'pikey' fits them", nor "Pikeys are pikeys": :func:`named_as_a_word`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from typing import Any, Final, Literal

from threadguard.analysis import not_held_note
from threadguard.moderation.hurled_slurs import NEAR as ORDER_NEAR
from threadguard.moderation.hurled_slurs import hurled_and_reported, order_reported
from threadguard.moderation.lexicon_files import array_of_tables
from threadguard.moderation.quotes import order_verb, reports
from threadguard.moderation.sentences import sides
from threadguard.moderation.watchlist import (
    PatternError,
    WatchMatch,
    WatchRule,
    match_watchlist,
    trimmed,
)
from threadguard.schema import GROUPS
from threadguard.scoring.quotations import quotation_spans
from threadguard.thread import NAME_JOIN

#: The lexicon's place among the package's resources.
LEXICON: Final = "lexicons/coded_hate.toml"
#: What the ``coded_hate`` phase may do with a code: hold the comment, only name the code
#: among the reasons, or nothing.
CodedAction = Literal["hold", "reject", "flag", "off"]
CODED_ACTIONS: Final[tuple[CodedAction, ...]] = ("hold", "reject", "flag", "off")
#: The actions by which a list's find decides a comment: held for a moderator, or rejected
#: outright (a site that trusts a list enough: "Sterilise the lot of them." was only held
#: by default, and two news desks asked why nothing was ever rejected).
ACTING: Final[frozenset[CodedAction]] = frozenset({"hold", "reject"})
#: Words by which a comment rebuts a theory or slogan it names rather than spreading it:
#: English, then German, French, Spanish, Italian, Portuguese and Dutch (the codes marked
#: ``any_language`` are named in those languages' news comments too: "Die Forderung nach
#: Remigration ist rassistisch" was held as coded hate).
REBUTTAL: Final = re.compile(
    r"\b(?:so[- ]called|conspirac(?:y|ies)|theor(?:y|ies|ists?)|myths?|tropes?|"
    r"debunk(?:ed|s)?|false|nonsense|dishonest|(?:scare|fear)mongering|smears?|"
    r"(?:the|that|this|old|big) lies?|(?:is|are|was|were)(?! (?:no|not)\b) (?:a |an |all )?"
    r"(?:[a-z]+ )?lies?|"
    r"racis[mt]s?|bigot(?:s|ry|ed)?|far[- ]right|neo[- ]?nazis?|white[- ]supremacis[mt]s?|"
    # news desk 41 (session 46): '"13/50" is a white-supremacist talking point built on
    # misread arrest figures'
    r"talking points?|"
    r"antisemiti(?:c|sm)|islamophob(?:ia|ic)|xenophob(?:ia|ic)|hate speech|"
    r"dog[- ]?whistles?|as (?:a|an)(?: \w+)? euphemism|slogans?|manifesto|rhetoric|"
    r"condemn(?:s|ed)?|reject(?:s|ed)?|"
    # a review (session 45): "the 'fighting age men' framing ignores that families send one"
    r"framing"
    # German
    r"|rassis(?:mus|tisch\w*)|rechts(?:extrem|radikal)\w*|kampfbegriff\w*|"
    r"verschw(?:ö|oe?)rungs\w*|mythos|mythen|l(?:ü|ue?)gen?|unsinn|hetze|propaganda|"
    r"menschenverachtend\w*|verfassungsfeindlich\w*|v(?:ö|oe?)lkisch\w*|sogenannt\w*|"
    r"unwort\w*|verurteil\w*"
    # French
    r"|racis(?:te|tes|me)|extr(?:ê|e)me[- ]droite|complo(?:t|ts|tiste|tistes)|mythes?|"
    r"mensonges?|x(?:é|e)nophob\w*|haineu(?:x|se|ses)|soi[- ]disant|fantasmes?|"
    r"condamn\w*|n(?:é|e)o[- ]?nazis?"
    # Spanish, Italian, Portuguese
    r"|racist[aie]s?|racismo|razzis(?:ta|ti|te|mo)|ultraderecha|extrema[- ]derecha|"
    r"estrema[- ]destra|extrema[- ]direita|conspira(?:ción|cion|ção|cao|tori\w*)|"
    r"complott\w*|bulos?|bufal[ae]|mitos?|miti|mentiras?|menzogn[ae]|"
    r"x(?:e|é)n(?:o|ó)fob\w*|xenofob\w*|supuest[oa]s?|supost[oa]s?|presunt[oa]|conden\w*"
    # Dutch
    r"|racistisch\w*|racisme|extreemrechts\w*|complot\w*|mythe|leugens?|xenofoob)\b",
    re.IGNORECASE,
)
#: A word that turns what follows it around ("not a myth", "isn't racist", "kein Mythos",
#: "pas un mythe", "no es un bulo").
NEGATION: Final = re.compile(
    r"\b(?:no|not|never|nothing|nicht|kein\w*|nie|niemals|pas|jamais|aucun\w*|"
    r"nunca|ningun\w*|ningún|não|nao|nenhum\w*|non|mai|niet|geen|nooit)\b|n't\b",
    re.IGNORECASE,
)
#: A denial standing just before a code ("there is no migrant invasion", "no such
#: great replacement", "es gibt keine Remigration", "il n'y a pas de grand remplacement"),
#: or the smear denied to the reader, in a list too ("You're not a virus or a groomer or a
#: phase" to queer kids, desk 87; "being gay doesn't make you a groomer"); a negation
#: further back is no denial ("why not remigration?", "if they're not groomers, why ...").
DENIAL: Final = re.compile(
    r"(?:\b(?:no(?: such| real)?|keine?n?|kein|pas de|aucune?|ningun[oa]?|ningún|"
    r"nenhuma?|geen)|\byou(?:['’]re not|['’]re never| are not| are never| aren['’]t)|"
    r"\b(?:does|do)(?:n['’]t| not) make (?:you|them|him|her|anyone|someone|people))"
    r"(?:\s+an?)?(?:\s+[\w'’-]+,?\s+(?:or|nor)(?:\s+an?)?){0,3}\s*$",
    re.IGNORECASE,
)
#: A code named as a word, just before its opening quotation mark: "the word 'pikey'",
#: "terms like "X"", "calling them 'X'", "kids called him a 'X'".
NAMED_AS_A_WORD: Final = re.compile(
    r"(?:\b(?:the|that|this|a) (?:word|term|slur|epithet|insult|name|label)s?|"
    r"\b(?:words|terms|names|slurs|insults) like|"
    r"\b(?:calling|called|call|calls) (?:him|her|them|us|me|you|people|someone|somebody|"
    r"[\w'’-]+s|(?-i:[A-Z][\w'’-]+)|(?:the|a|his|her|their) [\w'’-]+)(?: an?)?)\s*,?\s*$",
    re.IGNORECASE,
)
#: Or a word named after its closing mark: "'Sit-down money' was a term used by people who
#: wanted to humiliate ...", "'Lakembanon' is a lazy slur" (a blind review, session 54).
NAMED_AFTER: Final = re.compile(
    r"^\s*(?:is|was|are|were)\s+(?:(?:a|an|the|just|only)\s+)*(?:[\w'’-]+\s+){0,2}?"
    r"(?:word|term|slur|epithet|insult|name|label|phrase)s?\b",
    re.IGNORECASE,
)
#: The opening and closing quotation marks around a code named as a word.
OPENING: Final = "'\"‘“«"
CLOSING: Final = "'\"’”»"
#: What condemns a word named in its sentence ("... still gets used in this paper's
#: comments", "... is a slur", "... was racist abuse").
CONDEMNED: Final = re.compile(
    r"\b(?:slurs?|offensive|racis[mt]s?|racially|bigot(?:s|ry|ed)?|derogatory|hateful|hurtful|"
    r"abusive|abuse|disgusting|vile|shameful|unacceptable|dehumani[sz]\w*|banned|"
    r"(?:still|routinely|regularly|often) (?:gets? |being |is |are )?used|gets? used|"
    r"keeps? (?:getting|being) used|"
    r"should(?:n['’]t| not| never) (?:ever )?(?:be )?(?:used|said|say|use)|"
    # a review (session 45): "was widely criticised for calling the vice-president a 'DEI
    # hire'"
    r"criticis\w*|criticiz\w*|slammed|apologi[sz]\w*)\b",
    re.IGNORECASE,
)
#: What endorses the word instead ("the word 'X' fits them", "... because it's true"): the
#: code is used through the mention, and held.
ENDORSED: Final = re.compile(
    r"\b(?:fits?|fitting|accurate(?:ly)?|apt|true|truth|deserved?|deserves?|perfect(?:ly)?|"
    r"fair enough|earned|"
    # not "exactly why" and the like: "Calling teachers 'groomers' ... is disgusting, and
    # it's exactly why these kids need the week" (desk 82) explains, it does not endorse
    r"exactly(?! (?:why|how|because|the reason|when|where)\b)|right word|spot on|"
    r"sums? (?:them|him|her|it) up|describes? (?:them|him|her)|"
    r"what they are|call a spade|rightly|so it should|and why not|nothing wrong|"
    # the writer's own use, not a mention: "I call them 'X'", "keep calling them 'X'"
    r"(?:i|we) (?:still )?(?:call|calls)|keep (?:on )?calling|let'?s call|"
    # "... and that's exactly why I use it" (not "I still say it: shame on them", a review's)
    r"(?:i|we) (?:still |will )?use it|"
    # agreement with the words reported: "... and he is right", "said it best"
    r"(?:he|she|they|you)(?:'s| is|'re| are| was| were) (?:right|correct|spot on)|"
    r"(?:has|have|had) a point|said it best|(?:like|as) (?:the man|he|she|they|my \w+) said|"
    r"(?:i|we) agree)\b",
    re.IGNORECASE,
)
#: How far from a code, in characters and within its sentence, a rebutting word counts.
NEAR: Final = 80
#: How many words before a code or a rebutting word a negation counts.
NEGATION_WORDS: Final = 3
_REQUIRED: Final = frozenset({"pattern", "group", "meaning"})
_KEYS: Final = _REQUIRED | {"reported", "any_language", "names_only"}
#: A ``[[context]]`` entry's keys: ``near`` must match within :data:`CONTEXT_NEAR`
#: characters of ``pattern``, and ``unless`` (optional) must not.
_CONTEXT_KEYS: Final = _KEYS | {"name", "near", "unless", "needs"}
#: How far from a context entry's pattern, on either side, its ``near`` may stand.
CONTEXT_NEAR: Final = 200
#: How much of what a comment answers a context entry's ``near`` is looked for in.
CONTEXT_CHARS: Final = 2000
#: How many of a context entry's pattern matches are examined (see :func:`match_context`).
CONTEXT_TRIES: Final = 50


class LexiconError(ValueError):
    """A lexicon entry that cannot be used; the message names the entry."""


@dataclass(frozen=True)
class CodedTerm:
    """One code: its pattern, the group it attacks, what it means, and its matcher."""

    pattern: str
    group: str
    meaning: str
    rule: WatchRule
    #: Named by comments that rebut it too (a theory or slogan, not a slur).
    reported: bool = False
    #: Used as it is in every language (else looked for in English comments only).
    any_language: bool = False
    #: Looked for in user names only (see the module docs).
    names_only: bool = False
    #: A ``[[context]]`` entry: its pattern over the text as written, what must stand near
    #: it, and what must not (None: a word pattern, :attr:`rule`).
    regex: re.Pattern[str] | None = None
    near: re.Pattern[str] | None = None
    unless: re.Pattern[str] | None = None
    #: A ``[[context]]`` entry's words, one of which a text must hold (lower case) for its
    #: pattern to be tried: most comments hold none, and a substring test costs far less
    #: than a pattern (the context entries took the decision from 8,700 to 3,650 comments/s).
    needs: tuple[str, ...] = ()


#: How much of the words written a context entry's reason quotes.
WRITTEN_CHARS: Final = 60


@dataclass(frozen=True)
class CodedMatch:
    """A code found in a text, with its offsets there."""

    term: CodedTerm
    where: WatchMatch
    #: A reported code the sentence rebuts, or a code named or reported rather than used
    #: (see the module docs): named among the reasons, not held for.
    rebutted: bool = False
    #: Of those, one that stands in someone else's words, not rebutted in its sentence: a
    #: quotation a reporting word introduces, or a slur hurled and reported
    #: (:mod:`.hurled_slurs`); what a reply approving whoever said it answers
    #: (:mod:`.endorsed_lists`).
    reported: bool = False
    #: The words as the comment wrote them, for a ``[[context]]`` entry, whose name may
    #: not be what was written ("a certain tribe" is read as "a certain lobby"): the
    #: reason names the entry first (what sites filter on), then the words. None for a
    #: lexicon term, whose pattern is what was written.
    written: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The match as the decision's details keep it (for highlighting, and the record)."""
        out: dict[str, Any] = {
            "pattern": self.term.pattern,
            "group": self.term.group,
            "meaning": self.term.meaning,
            "begin": self.where.begin,
            "end": self.where.end,
        }
        if self.rebutted:
            out["rebutted"] = True
        if self.where.in_author:
            out["in"] = "author"
        return out

    def reason(self) -> str:
        """The reason a decision gives: the code, what it means, the group it attacks (as
        a threat's reason names it: the models' target scores may not), and whether it was
        read as rebutted."""
        where = "author name: " if self.where.in_author else ""
        note = not_held_note("reported or rebutted") if self.rebutted else ""
        targets = f" (targets {self.term.group})"
        code = f'"{self.term.pattern}"'
        written = " ".join((self.written or "").split())[:WRITTEN_CHARS]
        if written and written.casefold() != self.term.pattern.casefold():
            code = f'{code} (as written: "{written}")'
        return f"{where}coded hate {code}: {self.term.meaning}{targets}{note}"


def _negated(before: str) -> bool:
    """Whether one of the last :data:`NEGATION_WORDS` words of ``before`` negates."""
    return NEGATION.search(" ".join(before.split()[-NEGATION_WORDS:])) is not None


def rebutted(text: str, begin: int, end: int) -> bool:
    """Whether the sentence rebuts the code at ``text[begin:end]`` (see the module docs).
    Reads at most :data:`NEAR` characters on each side, whatever the text's length."""
    left, right = sides(text, begin, end, NEAR)
    if DENIAL.search(left):
        return True
    window = left + " " * (end - begin) + right  # the code itself blanked out
    return any(not _negated(window[: m.start()]) for m in REBUTTAL.finditer(window))


def named_as_a_word(text: str, begin: int, end: int) -> bool:
    """Whether the code at ``text[begin:end]`` is named as a word, not used: alone inside
    quotation marks just after "the word", "terms like" or "calling them"
    (:data:`NAMED_AS_A_WORD`), or just before "is a slur" (:data:`NAMED_AFTER`), in a sentence that condemns it (:data:`CONDEMNED`, not
    negated) and does not endorse it (:data:`ENDORSED`): "the word 'pikey' still gets used
    in this paper's comments", a historian's complaint, not a slur at anyone. Reads at most
    :data:`NEAR` characters on each side."""
    if begin < 1 or end >= len(text):
        return False
    opening, closing = text[begin - 1], text[end]
    if opening not in OPENING or closing not in CLOSING:
        return False
    left, right = sides(text, begin - 1, end + 1, NEAR)
    if NAMED_AS_A_WORD.search(left) is None and NAMED_AFTER.search(right) is None:
        return False
    sentence = left + " " * (end - begin + 2) + right  # the code and its marks blanked out
    if ENDORSED.search(sentence):
        return False
    return any(not _negated(sentence[: m.start()]) for m in CONDEMNED.finditer(sentence))


def quoted(text: str, quotes: list[tuple[int, int]], begin: int, end: int) -> bool:
    """Whether the code at ``text[begin:end]`` is reported speech: in a quotation of more
    words than itself that a reporting word introduces, as for a threat's call
    (:func:`~.quotes.reports`: 'My neighbour posted "Jews control the banks". I reported
    it.'); not scare quotes around the code alone ("Time for 'remigration'!"), and not a
    quotation the comment itself asserts ('"Jews control the banks and the media."',
    'Wake up: "jews control everything"'). A code of three words or more is a sentence,
    not a name to scare-quote: quoted whole after a reporting word it is reported too
    ('When a councillor says "women belong in the kitchen" at a public meeting, ...')."""
    return any(
        b < begin
        and end < e
        and (
            re.search(r"\w", text[b + 1 : begin] + text[end : e - 1]) is not None
            or (len(text[begin:end].split()) >= 3 and not _endorsed_around(text, b, e))
        )
        and _reported_quotation(text, b, e)
        for b, e in quotes
    )


def _reported_quotation(text: str, begin: int, end: int) -> bool:
    """Whether the quotation ``text[begin:end]`` is someone else's words: an order given
    (a verb of ordering governs it) is decided by :func:`.hurled_slurs.order_reported`
    alone, whose checks of the subject and of approval a bare "told" within reach would
    skip ("A man told the nurse to '...'. Spot on." was published: a reviewer, session
    40); any other by a reporting word just before it (:func:`~.quotes.reports`)."""
    if order_verb(sides(text, begin, end, 2 * ORDER_NEAR)[0]) is not None:
        return order_reported(text, begin, end)
    return reports(sides(text, begin, end, NEAR)[0], reach=40)


def reported_or_rebutted(
    text: str, quotes: list[tuple[int, int]], begin: int, end: int
) -> tuple[bool, bool]:
    """Whether a theory's or slogan's name at ``text[begin:end]`` is not used (reported
    or rebutted), and whether it is reported as someone's words that its sentence does
    not rebut: what a reply approving the speaker approves. 'The minister said "the
    great replacement is a lie"' reports a rebuttal: "He's not wrong." under it agrees
    with the rebuttal (session 39's note: it was held)."""
    said = quoted(text, quotes, begin, end)
    condemned = rebutted(text, begin, end)
    return said or condemned, said and not condemned


def echoed(text: str, quotes: list[tuple[int, int]], begin: int, end: int, context: str) -> bool:
    """Whether the code at ``text[begin:end]`` stands in a quotation of what the comment
    answers, word for word, that its sentence does not endorse: a reply holding its
    parent's words up to answer them (news desk 30: '"If you know who I mean" — yeah, we
    all know what you mean, and it's gross.' under the wink itself was held for it)."""
    if not context:
        return False
    answered = " ".join(context[:CONTEXT_CHARS].casefold().split())
    return any(
        b < begin
        and end < e
        and " ".join(text[b + 1 : e - 1].casefold().split()) in answered
        and not _endorsed_around(text, b, e)
        and _ECHO_AGREED.search(text[max(0, b - NEAR) : b] + " " + text[e : e + NEAR]) is None
        for b, e in quotes
    )


#: Agreement beside a parent's words quoted back (a review, session 45: "Couldn't agree
#: more: 'import the third world ...' Luton is the proof."): the quotation is endorsed.
_ECHO_AGREED: Final = re.compile(
    r"\b(?:exactly|spot on|bang on|could(?:n['’]?t| not) agree more|agreed|so true|says it all|"
    r"said it all|well said|too right|hear,? hear|nailed it|(?:is|the) proof|proves? it|facts|"
    r"based|this is it|he(?:'s| is) right|she(?:'s| is) right|they(?:'re| are) right)\b|100\s*%",
    re.IGNORECASE,
)


def not_used(
    text: str,
    quotes: list[tuple[int, int]],
    term: CodedTerm,
    begin: int,
    end: int,
    context: str = "",
) -> tuple[bool, bool]:
    """Whether the code at ``text[begin:end]`` is not used as the writer's own (a theory's
    name reported or rebutted, a code named as a word, a slur hurled and reported, the
    parent's words quoted back: :func:`echoed`), and whether it stands in someone else's
    words (:attr:`CodedMatch.reported`). The same for a term and a ``[[context]]`` entry:
    "Someone yelled 'go back to the jungle where you belong' at a Black steward." is a
    witness's report whichever list holds the phrase."""
    if echoed(text, quotes, begin, end, context):
        return True, False  # held up to be answered: a reply agreeing agrees with the answer
    if term.reported:
        denied, said = reported_or_rebutted(text, quotes, begin, end)
        if denied:
            return denied, said
    if named_as_a_word(text, begin, end):
        return True, False
    hurled = hurled_and_reported(text, quotes, begin, end)
    return hurled, hurled


def _endorsed_around(text: str, begin: int, end: int) -> bool:
    """Whether the sentence around ``text[begin:end]`` agrees with it or uses it as the
    writer's own (:data:`ENDORSED`: 'He said "women belong in the kitchen" and he is
    right.', 'Enoch said it best: "..."')."""
    left, right = sides(text, begin, end, NEAR)
    return ENDORSED.search(left + " " + right) is not None


def parse_lexicon(text: str, source: str = LEXICON) -> tuple[CodedTerm, ...]:
    """The terms of a lexicon document; :class:`LexiconError` naming a bad entry."""
    entries = array_of_tables(text, "term", source, LexiconError)
    terms: list[CodedTerm] = []
    seen: set[str] = set()
    for n, entry in enumerate(entries, 1):
        where = f"{source}: term {n}"
        if not isinstance(entry, dict) or not (_REQUIRED <= set(entry) <= _KEYS):
            raise LexiconError(
                f"{where}: needs pattern, group and meaning "
                "(and may say reported, any_language, names_only)"
            )
        pattern, group, meaning = entry["pattern"], entry["group"], entry["meaning"]
        if not all(isinstance(v, str) and v.strip() for v in (pattern, group, meaning)):
            raise LexiconError(f"{where}: pattern, group and meaning must be non-empty text")
        if group not in GROUPS:
            raise LexiconError(f"{where} ({pattern!r}): unknown group {group!r}")
        if pattern in seen:
            raise LexiconError(f"{where}: {pattern!r} is listed twice")
        seen.add(pattern)
        flags = {key: entry.get(key, False) for key in ("reported", "any_language", "names_only")}
        for key, value in flags.items():
            if not isinstance(value, bool):
                raise LexiconError(f"{where} ({pattern!r}): {key} must be true or false")
        try:
            rule = WatchRule.of(pattern, "hold")
        except PatternError as exc:
            raise LexiconError(f"{where}: {pattern!r}: {exc}") from exc
        terms.append(CodedTerm(pattern, group, meaning, rule, **flags))
    return tuple(terms)


def parse_context(text: str, source: str = LEXICON) -> tuple[CodedTerm, ...]:
    """The ``[[context]]`` entries of a lexicon document; :class:`LexiconError` naming a
    bad one."""
    out: list[CodedTerm] = []
    for n, entry in enumerate(array_of_tables(text, "context", source, LexiconError), 1):
        where = f"{source}: context {n}"
        if not isinstance(entry, dict) or not (
            _REQUIRED | {"name", "near"} <= set(entry) <= _CONTEXT_KEYS
        ):
            raise LexiconError(f"{where}: needs name, pattern, near, group and meaning")
        if entry["group"] not in GROUPS:
            raise LexiconError(f"{where}: unknown group {entry['group']!r}")
        try:
            regexes = [
                None if entry.get(k) is None else re.compile(entry[k], re.IGNORECASE)
                for k in ("pattern", "near", "unless")
            ]
        except (re.error, TypeError) as exc:
            raise LexiconError(f"{where}: {exc}") from exc
        flags = {key: bool(entry.get(key, False)) for key in ("reported", "any_language")}
        needs = entry.get("needs", [])
        if not isinstance(needs, list) or not all(isinstance(w, str) and w for w in needs):
            raise LexiconError(f"{where}: needs must be a list of words")
        name = str(entry["name"])
        rule = WatchRule.of("context", "hold")  # never matched: the regex is
        out.append(
            CodedTerm(
                name,
                entry["group"],
                entry["meaning"],
                rule,
                **flags,
                regex=regexes[0],
                near=regexes[1],
                unless=regexes[2],
                needs=tuple(w.lower() for w in needs),
            )
        )
    return tuple(out)


@cache
def lexicon() -> tuple[CodedTerm, ...]:
    """The shipped lexicon (read once)."""
    text = resources.files("threadguard.resources").joinpath(LEXICON).read_text("utf-8")
    return parse_lexicon(text)


@cache
def context_lexicon() -> tuple[CodedTerm, ...]:
    """The shipped lexicon's ``[[context]]`` entries (read once)."""
    text = resources.files("threadguard.resources").joinpath(LEXICON).read_text("utf-8")
    return parse_context(text)


def match_context(
    text: str, terms: tuple[CodedTerm, ...] | None = None, context: str = "", topic: str = ""
) -> list[CodedMatch]:
    """The ``[[context]]`` entries found in ``text``: their pattern with their ``near``
    within :data:`CONTEXT_NEAR` characters or in ``context`` (what the comment answers: its
    parent's text, else the article's title; its first :data:`CONTEXT_CHARS` characters) or
    in ``topic`` (the article's title, where the comment answers a parent), and their
    ``unless`` not (rebutted, for an entry marked ``reported``, as a term is).

    One match per entry: its first that holds (not rebutted), else its first rebutted one;
    at most :data:`CONTEXT_TRIES` of an entry's pattern matches are examined. A comment
    that repeats a phrase 10,000 times needs one reason, not 10,000 (review: "13/50 " *
    16,667 took 3.4 s, each match re-reading a 400-character window, the parent and the
    sentence around it)."""
    found = []
    answered = context[:CONTEXT_CHARS]
    quotes: list[tuple[int, int]] | None = None
    low = text.lower()
    for term in context_lexicon() if terms is None else terms:
        assert term.regex is not None and term.near is not None
        if term.needs and not any(w in low for w in term.needs):
            continue
        near_answered = any(
            term.near.search(where) is not None
            for where in (answered, topic[:CONTEXT_CHARS])
            if where
        )
        first_denied: CodedMatch | None = None
        held: CodedMatch | None = None
        for tries, m in enumerate(term.regex.finditer(text)):
            if tries >= CONTEXT_TRIES:
                break
            window = text[max(0, m.start() - CONTEXT_NEAR) : m.end() + CONTEXT_NEAR]
            if not near_answered and not term.near.search(window):
                continue
            if term.unless is not None and term.unless.search(window):
                continue
            quotes = quotation_spans(text) if quotes is None else quotes
            denied, said = not_used(text, quotes, term, m.start(), m.end(), answered)
            where = WatchMatch(term.pattern, "hold", *trimmed(text, m.start(), m.end()))
            if not denied:
                held = CodedMatch(term, where, written=m.group(0))
                break
            if first_denied is None:
                first_denied = CodedMatch(term, where, True, said, m.group(0))
        chosen = held or first_denied
        if chosen is not None:
            found.append(chosen)
    return found


#: Where a user name's words join: a capital after a small letter ("GoyimKnow"), a digit
#: after a letter or a letter after a digit ("Patriot1488", "HH88").
_NAME_JOIN: Final = re.compile(NAME_JOIN)
#: The neo-Nazi numbers in a user name, however they are split ("14_88", "14.88").
_NAME_1488: Final = re.compile(r"(?<!\d)14[\W_]*88(?!\d)")


def name_words(name: str) -> tuple[str, list[int]]:
    """A user name as words: underscores read as spaces, and a space where joined words or
    glued digits meet (:data:`_NAME_JOIN`); with each character's offset in ``name``."""
    out, where = [], []
    for i, c in enumerate(name):
        if i and _NAME_JOIN.match(name, i) is not None and name[i - 1] not in " _":
            out.append(" ")
            where.append(i)
        out.append(" " if c == "_" else c)
        where.append(i)
    return "".join(out), where


def match_name(name: str, *, ignore: frozenset[str] = frozenset()) -> list[CodedMatch]:
    """Every code in a user name (:func:`name_words`), with offsets in ``name``; "14_88"
    there is "1488" however it is split."""
    spaced, where = name_words(name)
    found = []
    for m in _match_text(spaced, ignore, None, True, None):
        begin, end = where[m.where.begin], where[m.where.end - 1] + 1
        found.append(replace(m, where=replace(m.where, begin=begin, end=end)))
    term = by_pattern().get("1488")
    if term is not None and "1488" not in ignore and not any(f.term is term for f in found):
        for n in _NAME_1488.finditer(name):
            found.append(
                CodedMatch(term, WatchMatch(term.pattern, "hold", n.start(), n.end(), True))
            )
    return found


#: The antisemitic "echo": a name in triple parentheses, "(((They)))", "(((Soros)))", which
#: marks it as Jewish. Punctuation, which every watched pattern reads as a space, is the
#: whole code, so it is matched on the text as written (session 33, a tryout's threads).
ECHO: Final = re.compile(r"\(\(\(\s*[^()\s][^()]{0,40}?\s*\)\)\)")
ECHO_TERM: Final = CodedTerm(
    "(((echo)))",
    "jews",
    "the antisemitic 'echo': triple parentheses marking a name as Jewish",
    WatchRule.of("echo", "hold"),
)


@cache
def by_pattern() -> Mapping[str, CodedTerm]:
    """The shipped lexicon's terms by pattern (built once): how a stored code is looked up."""
    return {t.pattern: t for t in (*lexicon(), *context_lexicon(), ECHO_TERM)}


@cache
def by_pattern_and_group() -> Mapping[tuple[str, str], CodedTerm]:
    """The same by pattern and group: two entries may share a pattern's name and attack
    different groups ("groomers" beside trans people targets gender, beside gay people
    sexual orientation), and a stored code keeps the group it was found for."""
    return {(t.pattern, t.group): t for t in (*lexicon(), *context_lexicon(), ECHO_TERM)}


@cache
def _watching(
    ignore: frozenset[str], english: bool, names: bool = False
) -> tuple[dict[str, CodedTerm], tuple[WatchRule, ...]]:
    """The lexicon's terms but ``ignore`` (and, for a language other than English, but
    those not used in every language; for a comment, but those of names only), by
    pattern, and their rules (built once per case: a site's list is fixed, and the
    decision runs on every comment)."""
    terms = {
        t.pattern: t
        for t in lexicon()
        if t.pattern.lower() not in ignore
        and (english or t.any_language)
        and (names or not t.names_only)
    }
    return terms, tuple(t.rule for t in terms.values())


def match_coded(
    text: str,
    *,
    ignore: frozenset[str] = frozenset(),
    language: str | None = "en",
    in_author: bool = False,
    canonical: str | None = None,
    context: str = "",
    topic: str = "",
) -> list[CodedMatch]:
    """Every code of the shipped lexicon found in ``text`` (but those in ``ignore``,
    lower-cased as the policy keeps them; a term the lexicon does not have ignores
    nothing), in the order they stand
    there; a code found twice is listed twice. ``language``: the comment's; in any but
    English only the codes used in every language are looked for (None: a user name,
    every code, never rebutted). ``canonical``: ``normalize_text(text)`` if known.
    ``in_author``: ``text`` is a user name, read word by word (:func:`match_name`).
    ``context``: what the comment answers, where a ``[[context]]`` entry's near may stand;
    ``topic``: the article's title, where it is not ``context`` already, the same.
    """
    if in_author:
        return match_name(text, ignore=ignore)
    return _match_text(text, ignore, language, False, canonical, context, topic)


def _match_text(
    text: str,
    ignore: frozenset[str],
    language: str | None,
    in_author: bool,
    canonical: str | None,
    context: str = "",
    topic: str = "",
) -> list[CodedMatch]:
    """:func:`match_coded` on a text as it stands."""
    terms, rules = _watching(ignore, language in ("en", None), in_author)
    found = []
    quotes: list[tuple[int, int]] | None = None
    for m in match_watchlist(rules, text, in_author=in_author, canonical=canonical):
        term = terms[m.pattern]
        denied = said = False
        if not in_author:
            quotes = quotation_spans(text) if quotes is None else quotes
            denied, said = not_used(text, quotes, term, m.begin, m.end, context)
        found.append(CodedMatch(term, m, denied, said))
    if not in_author:
        english = language in ("en", None)
        found += [
            c
            for c in match_context(text, context=context, topic=topic)
            if c.term.pattern.lower() not in ignore and (english or c.term.any_language)
        ]
    if "(((" in text and ECHO_TERM.pattern not in ignore:
        for e in ECHO.finditer(text):
            where = WatchMatch(ECHO_TERM.pattern, "hold", e.start(), e.end(), in_author)
            found.append(CodedMatch(ECHO_TERM, where))
    found.sort(key=lambda c: c.where.begin)
    return found
