"""Threats, calls for expulsion and dehumanising language: the team's list of phrases that
threaten a person, call for violence against people or for a group's expulsion, or call a
group vermin, a disease or an invasion, which the models read poorly.

The labelled sets hold about a thousand threat rows, most of them wishes of death in
tweets, so the threat heads learnt little: the fast tier scores "I will find you and I will
hurt you" about 0.1 and the deep tier never reads it, and a comment that threatens a
reporter is published. A moderator reads a threat at once; the list
(``resources/lexicons/threats.toml``) writes that reading down as regular expressions over
the comment's canonical text (lower case, spacing squeezed, leetspeak and look-alike
letters undone: :mod:`threadguard.normalize`), each with the kind of threat it is (an
intent to harm, a veiled threat, a wish of harm, a call for violence or for expulsion,
dehumanising language), so a decision names the phrase. A pattern may mark the phrase itself with a group named
``phrase``; else the whole match is the phrase.

The list is written for precision over recall: a phrase must carry the threat on its own
("I will kill you", not "we're going to kill them", which is a football match as often as
not), and the models' scores still decide everything the list does not name.

Some phrases are only a call for expulsion when a group of people is named near them
("they don't belong here" about immigrants, not about bicycles): such an entry has a
``near`` pattern that must match within :data:`NEAR` characters of the phrase; an
``unless`` pattern must not match there (the words that say the other sense is meant: "my
friends will pay you a visit" beside "the restaurant"). A call for
expulsion is also written by comments that report or rebut it: where a reporting word
stands before it in its sentence ("some people think immigrants don't belong here", "a
sign saying gays are not welcome": :data:`~.quotes.REPORTING`) or a word that condemns it follows it
there ("... is racist nonsense": :data:`REBUKE`), it is named and not held for. An entry
marked ``topic`` reads a reply's ``near`` in the article's title too, not only in the
parent it answers: its near words name the thread's topic ("They're welcome to swim back."
answered a parent about "the men in the hotel" under a title about an asylum hotel: news
desk 84), where others name whom a phrase is said of (a reply about bikes is not about the
refugees of the title). A call that sends people to a homeland
(``{homeland}``: :data:`HOMELAND`, "the first flight back to Bucharest", "Back to Ostrava
would be a start", "Then go back to Lagos ...") needs no group named, as a deportation with
a destination does not (news desks 81 to 84): the place says they are taken for foreigners;
travel, sport, aid, objects and animals near it say another sense is meant.

Dehumanising language (a group named as pests, a disease, an invasion or the subhuman:
"migrants are vermin", "Islam is a cancer") is the first mark of dangerous speech, the step
that makes violence against a group thinkable, and mild words hide it from the models
(session 16 measured "Islam is a cancer" at identity attack 0.31). Its phrases are reported
and rebutted as calls for expulsion are ("calling refugees a plague is disgusting": named,
not held for :data:`REBUTTABLE` kinds). So are the old slogans of eliminationist speech
("the only good ... is a dead one", "drive them into the sea"), calls for violence that an
entry marks ``rebuttable``: history and the news quote them more often than commenters make
them.

A phrase inside a quotation (:mod:`threadguard.scoring.quotations`: paired quotation
marks) is reported speech ("the defendant shouted 'I will kill you'"): it is named among
the reasons, marked ``quoted``, and holds nothing on its own; the models' scores decide.
Each entry is looked for in comments of its language (English, else its ``language``:
``lexicons/threats_languages.toml`` has the plainest threats in the other languages the
models cover).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict, dataclass
from functools import cache, cached_property
from importlib import resources
from typing import Any, Final

from threadguard.analysis import not_held_note
from threadguard.moderation.lexicon_files import array_of_tables
from threadguard.moderation.quotes import reports
from threadguard.moderation.sentences import sides
from threadguard.normalize import normalize_known, normalize_text
from threadguard.schema import GROUPS
from threadguard.scoring.quotations import QUOTE_MARKS, Quotations

#: The list's place among the package's resources.
LEXICON: Final = "lexicons/threats.toml"
#: The kinds of threat the list may name, in the order a moderator would weigh them.
KINDS: Final = (
    "intent to harm",
    "veiled threat",
    "wish of harm",
    "encouraging self-harm",
    "call for violence",
    "call for expulsion",
    "dehumanising language",
    "sexual harassment",
)
#: The kinds a sentence may report or rebut (named, not held, where it does).
REBUTTABLE: Final = frozenset({"call for expulsion", "dehumanising language"})
#: Who says it, after the phrase in its sentence ("..., he wrote", "..., the guards
#: said"): a report of someone else's words.
REPORTED_AFTER: Final = re.compile(
    r"^\s*(?:[,:;–—-]\s*(?:(?!(?:i|we)\b)[\w'’-]+\s+){1,3}?(?:said|says|wrote|writes|"
    r"claimed|claims|tweeted|posted|shouted|chanted|told|asked|begged|pleaded|urged)\b"
    r"|[,:;–—-]\s*(?:said|says|wrote|writes|claimed|claims|tweeted|posted)\s+(?!(?:i|we)\b)\w"
    r"|,?\s*in the eyes of\b|,?\s*according to\b(?! (?:me|us)\b)"
    r"|\s*(?:was|is|were|became)\s+(?:the|a|an|their)\s+(?:\w+\s+)?"
    r"(?:slogan|graffiti|chant|motto|banner|refrain)\b)",
    re.IGNORECASE,
)
#: A word after a call in its sentence that condemns it ("... is racist nonsense"), unless
#: a negation stands just before it ("... it's not racist, it's true").
REBUKE: Final = re.compile(
    r"\b(?:racis[mt]s?|bigot(?:s|ry|ed)?|nonsense|false|wrong|hateful|xenophob(?:ia|ic)|"
    r"disgusting|shameful|lies?|myths?|vile|dehumani[sz]ing|stereotypes?|tropes?)\b",
    re.IGNORECASE,
)
#: A negation within a few words before a rebuking word turns it around.
NEGATED: Final = re.compile(
    r"(?:\b(?:not|no|never|nothing|hardly)|\w+n['’]t)\b(?:\s+[\w'’-]+){0,2}\s*$", re.IGNORECASE
)
#: What ``{i_will}`` in a pattern stands for: a first person's future or intent, in every
#: spelling ("I will", "we'll", "i'm gonna", "we are going to"), so every entry reads the
#: same intent the same way.
I_WILL: Final = (
    r"(?:(?:i|we)\s*(?:will|'ll|shall|am going to|'m going to|are going to|'re going to"
    r"|am gonna|'m gonna|are gonna|'re gonna|gonna)|im (?:going to|gonna)|i'?m?ma|imma)"
)
#: What ``{person}`` stands for: one person as the object of harm (you, him, her, your
#: family, that reporter), never "them" or "all", which sport and politics hurt daily.
PERSON: Final = (
    r"(?:you|ya|u|yourself|yourselves|him|her|y'all|all of you|each of you"
    r"|every (?:last )?one of you"
    r"|your (?:family|kids|children|wife|husband|mother|mum|mom|dad|father|son|daughter)"
    r"|(?:that|this|the) (?:editor|reporter|journalist|author|writer|columnist|councillor"
    r"|mayor|judge|mp|senator|officer|cop|bitch|bastard|idiot|moron|traitor|clown)s?)"
)
#: The groups of people the list names, one row a name: its plural, its singular or
#: adjective (None where that is a common word: "black", "trans"), whether ``{group}``
#: matches the singular too ("an immigrant"), and the target groups of
#: :data:`threadguard.schema.GROUPS` an attack on them counts against (as the training
#: templates label one: ``resources/templates/civic.toml``). ``{group}``, ``{groups}``,
#: their ``needs`` and the groups a phrase names are all read from this one table.
_NATIONALITY: Final = ("nationality_migration",)
GROUP_NAMES: Final[tuple[tuple[str, str | None, bool, tuple[str, ...]], ...]] = (
    ("immigrants", "immigrant", True, _NATIONALITY),
    ("migrants", "migrant", True, _NATIONALITY),
    ("refugees", "refugee", True, _NATIONALITY),
    ("asylum seekers", "asylum seeker", True, _NATIONALITY),
    ("foreigners", "foreigner", True, _NATIONALITY),
    ("muslims", "muslim", True, ("muslims",)),
    ("moslems", "moslem", True, ("muslims",)),
    ("jews", "jew", False, ("jews",)),
    ("jewish people", "jewish", False, ("jews",)),
    ("blacks", None, False, ("black_people",)),
    ("black people", None, False, ("black_people",)),
    ("gypsies", "gypsy", False, ("race_ethnicity",)),
    ("arabs", "arab", False, ("arabs",)),
    ("africans", "african", False, ("black_people",)),
    ("asians", "asian", False, ("asians",)),
    ("pakistanis", "pakistani", False, ("race_ethnicity", "nationality_migration")),
    ("mexicans", "mexican", False, ("latinx", "nationality_migration")),
    ("somalis", "somali", False, ("black_people", "nationality_migration")),
    ("syrians", "syrian", False, ("arabs", "nationality_migration")),
    ("afghans", "afghan", False, _NATIONALITY),
    ("romanians", "romanian", False, _NATIONALITY),
    ("eastern europeans", "eastern european", False, _NATIONALITY),
    ("gays", "gay", False, ("sexual_orientation",)),
    ("gay people", None, False, ("sexual_orientation",)),
    ("lesbians", "lesbian", False, ("sexual_orientation",)),
    ("trans people", None, False, ("gender",)),
    ("transgender people", "transgender", False, ("gender",)),
    ("homosexuals", "homosexual", False, ("sexual_orientation",)),
    ("hindus", "hindu", False, ("religion",)),
    ("sikhs", "sikh", False, ("religion",)),
    # session 29: peoples the calls of a probe named that the table lacked (not bare "Roma":
    # a football club and a tomato as often; not Uyghurs, Christians, atheists or disabled
    # people, whom reports of persecution, history and complaints of exclusion name beside
    # these words far more often than calls do: a review held 42 such civil comments)
    ("roma people", None, False, ("race_ethnicity",)),
    # a fifth news-desk tryout (a Roma encampment cleared): the Roma and Travellers by the
    # names that mean only them (not bare "Roma", nor "travellers", passengers as often)
    ("romanies", "romany", False, ("race_ethnicity",)),
    ("irish travellers", "irish traveller", False, ("race_ethnicity",)),
    ("kurds", "kurd", False, ("race_ethnicity",)),
    ("nigerians", "nigerian", False, ("black_people", "nationality_migration")),
    ("eritreans", "eritrean", False, ("black_people", "nationality_migration")),
    ("indigenous people", None, False, ("race_ethnicity",)),
    # session 33: the peoples of the wars news threads argue about ("Palestinians are
    # animals and should be treated as such" scored under 0.1 on every attribute); only the
    # plural and the singular as a noun after "every", since "Russian" and "Israeli" are
    # adjectives of governments and armies that comments criticise
    ("palestinians", "palestinian", False, ("arabs", "nationality_migration")),
    ("gazans", "gazan", False, ("arabs", "nationality_migration")),
    ("israelis", "israeli", False, ("jews", "nationality_migration")),
    ("ukrainians", "ukrainian", False, _NATIONALITY),
    # an eighteenth news desk: "Ukies go home" sprayed on a refugee host's car (the slur, not
    # "ukes", ukuleles as often)
    ("ukies", "ukie", False, _NATIONALITY),
    ("russians", "russian", False, _NATIONALITY),
    # session 55: the Māori by the plural desk 91's "Maoris should be grateful ... Stone age
    # savages" used; not the bare word, an adjective as often ("the invasion of Maori land"),
    # nor Samoans, Tongans or Pacific Islanders, rugby teams as often ("Samoa knocked the
    # Tongans out": a code review's)
    ("maoris", None, False, ("race_ethnicity",)),
)
#: Faiths by name, for the groups a phrase about a faith attacks ("Islam is a cancer").
FAITHS: Final = (
    ("islam", ("muslims",)),
    ("judaism", ("jews",)),
    ("christianity", ("christians",)),
    ("christians", ("christians",)),
    ("hinduism", ("religion",)),
    ("sikhism", ("religion",)),
)
#: What ``{group}`` in a pattern stands for: the names of groups of people that calls for
#: expulsion are aimed at (not "these people": vandals and drivers are called that too).
GROUP: Final = (
    "(?:"
    + "|".join(
        f"{plural}|{singular}" if singular_too and singular else plural
        for plural, singular, singular_too, _ in GROUP_NAMES
    )
    + ")"
)
#: What ``{groups}`` in a pattern stands for: the names in the plural only ("a plague of
#: migrants", not "a plague of migrant deaths").
PLURAL_NAMES: Final = tuple(plural for plural, *_ in GROUP_NAMES)
GROUPS_PLURAL: Final = rf"(?:{'|'.join(PLURAL_NAMES)})(?![\w'’-])"
#: What ``{a_group}`` in a pattern stands for: one member of a group, by the singular
#: name, where the table has one ("every Mexican", "each Muslim"); only after a word that
#: says so, since most singulars are adjectives too ("Mexican food").
ONE_OF_A_GROUP: Final = (
    rf"(?:{'|'.join(singular for _, singular, *_ in GROUP_NAMES if singular)})(?![\w'’-])"
)
#: What ``{adjective}`` in a pattern stands for: a group's singular name as a word before
#: another, however joined (the lookahead of :data:`ONE_OF_A_GROUP` refuses a hyphen).
GROUP_ADJECTIVE: Final = rf"(?:{'|'.join(singular for _, singular, *_ in GROUP_NAMES if singular)})"
#: What ``{group_people}`` stands for: a group's adjective with a word for its people, homes
#: or shops ("Somali-owned shops", "Muslim families"): the group a ``near`` looks for where
#: a title names the people by their adjective.
GROUP_PEOPLE: Final = (
    rf"{GROUP_ADJECTIVE}[- ](?:people|famil(?:y|ies)|communit(?:y|ies)|residents|neighbou?rs|"
    r"owned|run|shops?|businesses|workers|children|kids|women|men)"
)
#: What ``{homeland}`` in a pattern stands for: the countries and cities that people who
#: came here are told to go back to ("back to Lagos", "the first flight back to
#: Bucharest", "In Somalia."): a destination that says the people sent there are taken for
#: foreigners, so a call naming it needs no group named (news desks 81 to 84). Not the
#: places a trip or a match goes to as often (no European capital but those of the east,
#: no "Kingston": a town on the Thames too).
HOMELAND: Final = (
    r"(?:lebanon|syria|pakistan|india|bangladesh|nigeria|somalia|somaliland|afghanistan|iraq|"
    r"iran|poland|romania|albania|jamaica|africa|mexico|morocco|algeria|turkey|eritrea|sudan|"
    r"ghana|kenya|china|the philippines|vietnam|ukraine|russia|palestine|gaza|egypt|libya|"
    r"yemen|tunisia|ethiopia|zimbabwe|uganda|(?:the )?congo|the caribbean|the middle east|"
    r"asia|sri lanka|nepal|bulgaria|lithuania|latvia|slovakia|czechia|the czech republic|"
    r"moldova|kosovo|cameroon|senegal|zambia|malawi|haiti|el salvador|guatemala|honduras|"
    r"venezuela|colombia|cuba|samoa|tonga|fiji|chennai|madras|mumbai|bombay|delhi|new delhi|kolkata|calcutta|"
    r"bangalore|bengaluru|hyderabad|karachi|lahore|islamabad|mirpur|sylhet|dhaka|lagos|abuja|"
    r"accra|nairobi|mogadishu|hargeisa|asmara|khartoum|kinshasa|harare|kampala|addis ababa|"
    r"kabul|baghdad|damascus|aleppo|tehran|cairo|manila|bucharest|tirana|sofia|ostrava|"
    r"kosice|bratislava|chisinau|pristina|kyiv|kiev|lviv|odesa|odessa)(?![\w'’-])"
)
#: What ``"{group}"`` among an entry's ``needs`` stands for: a part of each name that every
#: form :data:`GROUP` matches contains (``"{groups}"``: :data:`PLURAL_NAMES`).
GROUP_STEMS: Final = tuple(
    dict.fromkeys(
        singular if singular and singular in plural else plural
        for plural, singular, *_ in GROUP_NAMES
    )
)
#: The target groups a name or a faith in a phrase stands for, so a thread's group signal
#: counts a call for violence or expulsion or dehumanising language against the people it
#: names.
GROUPS_OF_NAME: Final = tuple(
    (re.compile(rf"\b(?:{names})(?![\w'’-])"), groups)
    for names, groups in (
        *(
            (f"{plural}|{singular}" if singular else plural, groups)
            for plural, singular, _, groups in GROUP_NAMES
        ),
        *((f"{faith}|{faith}'s", groups) for faith, groups in FAITHS),
    )
)
#: The kinds of phrase that attack a group, whose group is recorded.
GROUP_KINDS: Final = frozenset({"call for violence", "call for expulsion", "dehumanising language"})
#: How much of the context (the parent comment, else the title) a ``near`` is looked for in.
CONTEXT_CHARS: Final = 2000
#: How far from a phrase, in characters of the canonical text, its ``near`` must match.
NEAR: Final = 200
#: A quotation at most this long is also read as a sentence of its own (a slogan, a shout).
QUOTED_SENTENCE: Final = 200
#: How many quotations of a comment are read as sentences of their own: a comment quotes a
#: few; one of thousands of marks is read in its first.
QUOTATIONS_READ: Final = 50
#: How much of a phrase the reason quotes, at most.
SHOWN: Final = 60
#: How many finds a decision keeps (a comment repeating a phrase a thousand times is held
#: for the first; the record need not list them all).
KEPT: Final = 20
_REQUIRED: Final = frozenset({"kind", "pattern"})
_KEYS: Final = _REQUIRED | {
    "near",
    "unless",
    "needs",
    "also",
    "rebuttable",
    "language",
    "groups",
    "topic",
}
#: The list of the other languages' threats (the same entries, each with its ``language``).
LANGUAGES_LEXICON: Final = "lexicons/threats_languages.toml"


class ThreatListError(ValueError):
    """A list entry that cannot be used; the message names the entry."""


@dataclass(frozen=True)
class ThreatRule:
    """One entry of the list: the kind of threat and its compiled pattern."""

    kind: str
    regex: re.Pattern[str]
    #: What must stand within :data:`NEAR` characters of the phrase (None: nothing).
    near: re.Pattern[str] | None = None
    #: Substrings one of which a canonical text must contain for the pattern to be tried
    #: (empty: always tried); a cheap test that spares most comments the pattern.
    needs: tuple[str, ...] = ()
    #: A second such list, one of which must stand there too (empty: none): an entry
    #: that needs both a group's name and a metaphor is tried only where both stand.
    also: tuple[str, ...] = ()
    #: Whether a sentence that reports or rebuts the phrase excuses it, whatever its kind
    #: (the :data:`REBUTTABLE` kinds always are): an old slogan that history quotes.
    rebuttable: bool = False
    #: The language of the comments the phrase is looked for in.
    language: str = "en"
    #: The target groups a find counts against where no group is named in it, near it or
    #: in what the comment answers (empty: none): "Forty-one rats were rescued" under a
    #: story of a small boat in the Channel attacks migrants, whom the title calls "them".
    groups: tuple[str, ...] = ()
    #: What must not stand within :data:`NEAR` characters of the phrase (None: nothing may
    #: stop it): the other sense of the words, where a comment says which it means ("my
    #: friends will pay you a visit" beside "the restaurant"; "hang them from lampposts"
    #: beside "the flower baskets"). Only the comment itself is read, never its context: a
    #: parent about a restaurant does not excuse a threat in the reply.
    unless: re.Pattern[str] | None = None
    #: Whether the ``near`` of a reply may stand in the article's title too, not only in the
    #: parent it answers: an entry whose near words name the thread's topic, not whom the
    #: phrase is said of ("They're welcome to swim back." answering a parent about "the men
    #: in the hotel" under "... asylum hotel ...": desk 84). Others read the parent alone:
    #: "They don't belong here." answering a parent about bikes is about the bikes, whatever
    #: the title says.
    topic: bool = False

    @cached_property
    def anchored(self) -> bool:
        """Whether the pattern is anchored at a text's or sentence's start or end (``^``
        outside a character class, or ``$``): only such an entry can find in a quotation
        read alone what the whole text's reading missed."""
        return "$" in self.regex.pattern or "(?:^" in self.regex.pattern

    def may_find(self, canonical: str) -> bool:
        """Whether a canonical text has the words the phrase needs (its ``needs`` and
        ``also``): the cheap test before the pattern, true of any part of the text only
        where it is true of the whole."""
        # map over the bound method: no Python frame per need (a regex alternation of the
        # needs was slower still: it tries every alternative at every position)
        if self.needs and not any(map(canonical.__contains__, self.needs)):
            return False
        return not self.also or any(map(canonical.__contains__, self.also))

    def finds(
        self, canonical: str, context: Callable[[], str] | None = None
    ) -> list[tuple[int, int]]:
        """Where the phrase stands in a canonical text (its ``phrase`` group if the pattern
        has one; with its ``near``, if any, near it or in ``context()``: the canonical text
        of what the comment answers, asked for only when the phrase has no near of its
        own; with its ``unless``, if any, not near it)."""
        if not self.may_find(canonical):
            return []
        out = []
        named = "phrase" in self.regex.groupindex
        # whether the context names what ``near`` asks for: the same for every find
        in_context: bool | None = None
        for m in self.regex.finditer(canonical):
            start, stop = m.span("phrase") if named else m.span()
            # a pattern that starts at a sentence's start takes the spaces before it: the
            # phrase is the words (a tryout's veiled threat was stored from the space)
            while start < stop and canonical[start].isspace():
                start += 1
            while stop > start and canonical[stop - 1].isspace():
                stop -= 1
            if stop <= start:
                continue
            if self.near is not None or self.unless is not None:
                window = canonical[max(0, start - NEAR) : stop + NEAR]
                if self.unless is not None and self.unless.search(window):
                    continue
                if self.near is not None and not self.near.search(window):
                    if in_context is None:
                        in_context = context is not None and bool(self.near.search(context()))
                    if not in_context:
                        continue
            out.append((start, stop))
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
    #: A call for expulsion, dehumanising language or a ``rebuttable`` entry's phrase
    #: that its sentence reports or rebuts: named, not held for.
    rebutted: bool = False
    #: The groups of people a call or dehumanising phrase names (:data:`GROUPS_OF_NAME`):
    #: in the phrase, else near it or in what the comment answers where its entry needs a
    #: group named there; empty for a threat to a person.
    groups: tuple[str, ...] = ()

    @property
    def holds(self) -> bool:
        """Whether this find holds the comment (not reported, not rebutted)."""
        return not self.quoted and not self.rebutted

    def to_json(self) -> dict[str, Any]:
        """The match as the decision's details keep it (for highlighting, and the record):
        every field, the two flags and the groups only when set."""
        return {k: v for k, v in asdict(self).items() if v is not False and v != ()}

    def reason(self) -> str:
        """The reason a decision gives: the kind of threat, the phrase and the groups it
        attacks (which the models' target scores may not name: "Islam is a cancer")."""
        shown = " ".join(self.phrase.split())
        if len(shown) > SHOWN:
            shown = shown[: SHOWN - 1] + "…"
        targets = f" (targets {', '.join(self.groups)})" if self.groups else ""
        note = (
            not_held_note("quoted")
            if self.quoted
            else not_held_note("reported or rebutted")
            if self.rebutted
            else ""
        )
        return f'{self.kind}: "{shown}"{targets}{note}'


def parse_threats(text: str, source: str = LEXICON) -> tuple[ThreatRule, ...]:
    """The rules of a threat list document; :class:`ThreatListError` naming a bad entry."""
    entries = array_of_tables(text, "threat", source, ThreatListError)
    rules = []
    for n, entry in enumerate(entries, start=1):
        where = f"{source}: threat {n}"
        if not isinstance(entry, dict) or not _REQUIRED <= set(entry) <= _KEYS:
            raise ThreatListError(
                f"{where}: needs the keys {sorted(_REQUIRED)} "
                "(and may have 'near', 'unless', 'needs', 'also', 'rebuttable', 'language', "
                "'groups', 'topic')"
            )
        language = entry.get("language", "en")
        if not isinstance(language, str) or len(language) != 2 or not language.islower():
            raise ThreatListError(f"{where}: language must be an ISO 639-1 code such as 'de'")
        kind, pattern = entry["kind"], entry["pattern"]
        if kind not in KINDS:
            raise ThreatListError(f"{where}: kind must be one of {', '.join(KINDS)}, not {kind!r}")
        regex = _compiled(pattern, f"{where}: pattern")
        if regex.search(""):
            raise ThreatListError(f"{where}: pattern matches the empty text")
        near, unless = entry.get("near"), entry.get("unless")
        rebuttable, topic = entry.get("rebuttable", False), entry.get("topic", False)
        if not isinstance(rebuttable, bool) or not isinstance(topic, bool):
            raise ThreatListError(f"{where}: rebuttable and topic must be true or false")
        groups = entry.get("groups", [])
        if not isinstance(groups, list) or not set(groups) <= set(GROUPS):
            raise ThreatListError(f"{where}: groups must be a list of {', '.join(GROUPS)}")
        rules.append(
            ThreatRule(
                kind,
                regex,
                None if near is None else _compiled(near, f"{where}: near"),
                _needs(entry.get("needs", []), f"{where}: needs"),
                _needs(entry.get("also", []), f"{where}: also"),
                rebuttable,
                language,
                tuple(groups),
                None if unless is None else _compiled(unless, f"{where}: unless"),
                topic,
            )
        )
    return tuple(rules)


def _needs(value: object, where: str) -> tuple[str, ...]:
    """An entry's ``needs`` (or ``also``): non-empty lower-case strings, ``"{group}"`` and
    ``"{groups}"`` expanded."""
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ThreatListError(f"{where} must be a list of non-empty strings")
    if any(v != v.lower() for v in value):
        raise ThreatListError(f"{where} must be lower case (the canonical text is)")
    out: list[str] = []
    for v in value:
        out.extend(GROUP_STEMS if v == "{group}" else PLURAL_NAMES if v == "{groups}" else (v,))
    return tuple(out)


def _compiled(pattern: object, where: str) -> re.Pattern[str]:
    """A pattern of the list compiled, its placeholders filled in."""
    if not isinstance(pattern, str) or not pattern.strip():
        raise ThreatListError(f"{where} must be a non-empty string")
    try:
        for name, value in (
            ("{i_will}", I_WILL),
            ("{person}", PERSON),
            ("{groups}", GROUPS_PLURAL),
            ("{a_group}", ONE_OF_A_GROUP),
            ("{group_people}", GROUP_PEOPLE),
            ("{adjective}", GROUP_ADJECTIVE),
            ("{homeland}", HOMELAND),
            ("{group}", GROUP),
        ):
            pattern = pattern.replace(name, value)
        return re.compile(pattern)
    except re.error as exc:
        raise ThreatListError(f"{where}: bad pattern: {exc}") from exc


@cache
def threat_list() -> tuple[ThreatRule, ...]:
    """The shipped lists (English, then the other languages'), read once."""
    folder = resources.files("threadguard.resources")
    return tuple(
        rule
        for name in (LEXICON, LANGUAGES_LEXICON)
        for rule in parse_threats(folder.joinpath(name).read_text("utf-8"), name)
    )


def groups_named(canonical: str) -> tuple[str, ...]:
    """The groups of people a canonical text names (:data:`GROUPS_OF_NAME`), sorted."""
    return tuple(sorted({g for name, gs in GROUPS_OF_NAME if name.search(canonical) for g in gs}))


def reported(text: str, begin: int, end: int) -> bool:
    """Whether the sentence of ``text[begin:end]`` reports the phrase (a reporting word
    before it that is not the writer's own, :func:`~.quotes.reports`; or someone's words after it:
    :data:`REPORTED_AFTER`) or condemns it (a :data:`REBUKE` word after it, not negated)."""
    before, after = sides(text, begin, end, NEAR)
    if reports(before):
        return True
    if REPORTED_AFTER.search(after):
        return True
    return any(not NEGATED.search(after[: m.start()]) for m in REBUKE.finditer(after))


def match_threats(
    text: str,
    *,
    language: str | None = "en",
    canonical: str | None = None,
    rules: tuple[ThreatRule, ...] | None = None,
    context: str = "",
    topic: str = "",
) -> list[ThreatMatch]:
    """Every threatening phrase of the list (or of ``rules``) in ``text``, in the order
    they stand there (overlapping finds of different entries are all kept; the first
    :data:`KEPT`). ``language``: the comment's; only its entries are looked for (None:
    English). ``canonical``:
    ``normalize_text(text)`` if known. ``context``: what the comment answers (its
    parent's text, else the article's title), where an entry's ``near`` may stand too
    ("Send them all back." under "The council housed forty refugees in the hotel");
    ``topic``: the article's title where ``context`` is a parent's text, read the same by
    the entries marked ``topic`` (:attr:`ThreatRule.topic`)."""
    if not text:
        return []
    wanted = language or "en"
    chosen = [r for r in (threat_list() if rules is None else rules) if r.language == wanted]
    if not chosen:
        return []
    if canonical is None:
        canonical = normalize_text(text)
    # the context is normalised only when a phrase needs it, and once
    around = cache(lambda: normalize_text(context[:CONTEXT_CHARS])) if context else None
    both = "\n".join(t[:CONTEXT_CHARS] for t in (context, topic) if t)
    titled = cache(lambda: normalize_text(both)) if topic and both else around
    candidates = [rule for rule in chosen if rule.may_find(canonical)]
    hits = [
        (rule, span)
        for rule in candidates
        for span in rule.finds(canonical, titled if rule.topic else around)
    ]
    quotes: Quotations | None = None
    inner: list[tuple[ThreatRule, int, int, str, int, int]] = []
    # A quotation is read as a sentence of its own as well: a slogan quoted mid-sentence
    # ("Someone spray-painted 'Somalis go home' on the wall") is the whole sentence the
    # entries anchored at a sentence's start and end look for.
    anchored = [rule for rule in candidates if rule.anchored]
    if anchored and QUOTE_MARKS.search(text):
        quotes = Quotations(text)
        inner = _quoted_hits(text, quotes.spans, anchored, around, titled)
    if not hits and not inner:
        return []
    quotes = Quotations(text) if quotes is None else quotes
    # The offset map is made only for a comment that has a phrase (most have none), and
    # once for all its phrases.
    canon = normalize_known(text, canonical)
    at: list[tuple[ThreatRule, int, int, str, int, int]] = [
        (rule, *canon.to_original(start, stop), canonical, start, stop)
        for rule, (start, stop) in hits
    ]
    seen = {(rule, begin, end) for rule, begin, end, *_ in at}
    at += [hit for hit in inner if hit[:3] not in seen]
    found = []
    for rule, begin, end, canon_text, start, stop in sorted(at, key=lambda h: h[1:3])[:KEPT]:
        denied = (rule.rebuttable or rule.kind in REBUTTABLE) and reported(text, begin, end)
        groups: tuple[str, ...] = ()
        if rule.kind in GROUP_KINDS:
            # in the phrase, else near it, else in what the comment answers ("Gas the lot
            # of them." under "Palestinians are animals."), else the entry's own
            groups = groups_named(canon_text[start:stop])
            if not groups:
                window = canon_text[max(0, start - NEAR) : stop + NEAR]
                answers = titled if rule.topic else around
                groups = groups_named(window) or (groups_named(answers()) if answers else ())
            groups = groups or rule.groups
        inside = quotes.inside(begin, end)
        found.append(ThreatMatch(rule.kind, text[begin:end], begin, end, inside, denied, groups))
    return found


def _quoted_hits(
    text: str,
    spans: list[tuple[int, int]],
    rules: list[ThreatRule],
    around: Callable[[], str] | None,
    titled: Callable[[], str] | None = None,
) -> list[tuple[ThreatRule, int, int, str, int, int]]:
    """The phrases found in each quotation of ``text`` (``spans``, marks included) read as
    a text of its own: (rule, begin and end in ``text``, the quotation's canonical text,
    begin and end there). Quotations longer than :data:`QUOTED_SENTENCE`, and those after
    the first :data:`QUOTATIONS_READ`, are left to the whole text's reading."""
    out = []
    read = 0
    for b, e in spans:
        if e - b - 2 > QUOTED_SENTENCE or e - b < 4:
            continue
        read += 1
        if read > QUOTATIONS_READ:
            break
        quoted = text[b + 1 : e - 1]
        canonical = normalize_text(quoted)
        for rule in rules:
            for start, stop in rule.finds(canonical, titled if rule.topic else around):
                qb, qe = normalize_known(quoted, canonical).to_original(start, stop)
                out.append((rule, b + 1 + qb, b + 1 + qe, canonical, start, stop))
    return out
