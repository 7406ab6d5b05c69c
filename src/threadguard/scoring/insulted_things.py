"""Insults at things: "this stupid parking meter", "this idiotic policy".

An insult is aimed at a person or a group. "Stupid phone keeps autocorrecting my name."
and "This idiotic policy will cost us billions." insult no one, but the models score the
word, not its aim: "stupid", "idiotic", "pathetic" are the words of insults in training,
and the insult head holds from 0.28. So where such a word (or a swear word used as one:
"this fucking router") stands before the name of a thing -- a device, a road, the
weather, a law, a policy, a plan, an article -- the comment is read again without the
word, and insult and toxicity keep the lower reading. Profanity keeps the comment's own
score (the swearing is still there: a site that holds swearing still holds it), and so
does every other attribute ("I want to smash this bloody lawnmower with a hammer" is read
for its violence as written).

Only names from :data:`THINGS` count: a noun the list does not know is read as written,
and none of them names a person ("this stupid mayor", "that idiotic commenter" are
insults); nor does a thing's name count before a word for a person ("this stupid bus
driver", "a pathetic film critic"). Not cut either: "your stupid idea" (aimed at the
reader).

News comments judge a thing after it as often as before it, and those were held too
("The minister's plan is idiotic." insult 0.88, "This editorial is pathetic." 0.39,
"That would be really really stupid." 0.66, "Complete nonsense." 0.43, with deep@20), so
three more forms are cut, each only where it starts a clause (not "Anyone who backs this
plan is brain-dead") and only where the rest of its sentence turns to no one ("The plan
is stupid and so are you", "... like its author"; :data:`_TURNS_TO_SOMEONE`):

- a thing's name, then a verb of being, then the judgement: "The new parking rules are
  idiotic.", "The minister's plan is a joke." (:data:`JUDGED`, :data:`SUBJECT`);
- "this", "that" or "it" with a verb of being and a judgement: "That's stupid.", "This is
  utter nonsense." -- a demonstrative standing alone names a thing or a claim, never a
  person (:data:`JUDGED`, :data:`SUBJECT`);
- a sentence that is nothing but a dismissal: "Complete nonsense.", "Utter garbage
  reporting.", "What a load of rubbish." (:data:`DISMISSAL`).

A group of people is no thing ("The council is stupid", "the Leafs were pathetic") and
stays read as written; so does a judgement of the reader's thing ("Your argument is
idiotic").
"""

from __future__ import annotations

import re
from typing import Final

from threadguard.scoring.rereading import ADDRESSED, cut_out

#: The attributes the reading without the words may lower.
THING_ATTRIBUTES: Final = frozenset({"insult", "toxicity"})


def _alternation(words: tuple[str, ...]) -> str:
    """A regex alternation of plain words, longest first, any run of spaces in them
    matching any whitespace."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


#: Words of insult that may also follow "most": "the most idiotic plan".
_GRADED: Final = (
    "stupid",
    "idiotic",
    "moronic",
    "pathetic",
    "useless",
    "ridiculous",
    "ludicrous",
    "asinine",
    "absurd",
    "insane",
    "laughable",
    "foolish",
    "brainless",
    "nonsensical",
)
#: Words of insult and swearing used before a thing's name.
INSULTING_WORDS: Final = (
    *_GRADED,
    "dumb",
    "silly",
    "lame",
    "brain-dead",
    "braindead",
    "half-baked",
    "hare-brained",
    "harebrained",
    "crappy",
    "shitty",
    "lousy",
    "rubbish",
    # swearing used as an insult: "this bloody printer"
    "bloody",
    "damn",
    "damned",
    "goddamn",
    "goddamned",
    "fucking",
    "effing",
    "frigging",
    "friggin",
    "freaking",
    "bleeding",
    "sodding",
    # superlatives: "the dumbest policy", "the most idiotic plan"
    "stupidest",
    "dumbest",
    "silliest",
    "lamest",
    *(f"most {w}" for w in _GRADED),
)
INSULTING: Final = _alternation(INSULTING_WORDS)
#: Nouns that dismiss what was said: "nonsense", "rubbish", "a load of crap".
DISMISSIVE_WORDS: Final = (
    "nonsense",
    "non-sense",
    "rubbish",
    "garbage",
    "trash",
    "drivel",
    "tripe",
    "baloney",
    "boloney",
    "bunk",
    "bunkum",
    "hogwash",
    "claptrap",
    "twaddle",
    "balderdash",
    "poppycock",
    "tosh",
    "codswallop",
    "piffle",
    "gibberish",
    "malarkey",
    "hooey",
    "crap",
    "bullshit",
    "bs",
    "horseshit",
)
#: Words that judge a claim and may make a sentence alone: "Ridiculous."
DISMISSIVE_ADJECTIVES: Final = (
    "ridiculous",
    "absurd",
    "laughable",
    "ludicrous",
    "preposterous",
    "nonsensical",
)
#: More words a thing may be called after a verb of being ("The plan is crazy.").
JUDGING_WORDS: Final = (
    "crazy",
    "nuts",
    "bonkers",
    "preposterous",
    "garbage",
    "trash",
    "crap",
    "bullshit",
    "dumber",
    "stupider",
    "sillier",
)
#: Nouns of contempt for a thing: "is a joke", "was a complete farce".
CONTEMPT_NOUNS: Final = (
    "joke",
    "farce",
    "sham",
    "disgrace",
    "mess",
    "shambles",
    "travesty",
    "circus",
    "trainwreck",
    "train wreck",
    "clown show",
    "dumpster fire",
    "waste of time",
    "waste of money",
    "waste of space",
)
_WORD: Final = re.compile(r"[a-z]+")
#: One word of each judgement above (its longest): a comment with none of them has
#: nothing this module cuts, and is passed by without a search (most comments: the
#: searches cost more than the rest of the fast tier's reading of a comment).
_NEEDED: Final = frozenset(
    max(_WORD.findall(w), key=len)
    for w in (
        *INSULTING_WORDS,
        *DISMISSIVE_WORDS,
        *DISMISSIVE_ADJECTIVES,
        *JUDGING_WORDS,
        *CONTEMPT_NOUNS,
    )
)
#: Names of things, in the singular (a plural "s" is matched too): everyday objects and
#: services, roads and weather, and what news comments argue about (laws, policies,
#: plans, articles). No word here names a person or a group of people.
THINGS: Final = (
    "phone",
    "computer",
    "laptop",
    "printer",
    "router",
    "wifi",
    "internet",
    "app",
    "website",
    "software",
    "update",
    "autocorrect",
    "auto correct",
    "auto-correct",
    "spellcheck",
    "spell check",
    "spell checker",
    "predictive text",
    "keyboard",
    "password",
    "paywall",
    "captcha",
    "machine",
    "meter",
    "parking meter",
    "ticket machine",
    "car",
    "bus",
    "train",
    "tram",
    "flight",
    "bike",
    "lawnmower",
    "fridge",
    "oven",
    "door",
    "alarm",
    "lift",
    "elevator",
    "queue",
    "road",
    "traffic",
    "traffic light",
    "junction",
    "roundabout",
    "roadwork",
    "pothole",
    "weather",
    "rain",
    "snow",
    "heat",
    "wind",
    "game",
    "show",
    "movie",
    "film",
    "song",
    "book",
    "crossword",
    "puzzle",
    "form",
    "paperwork",
    "article",
    "headline",
    "column",
    "law",
    "policy",
    "rule",
    "regulation",
    "plan",
    "idea",
    "decision",
    "budget",
    "tax",
    "deal",
    "scheme",
    "program",
    "programme",
    "project",
    "system",
    "process",
    "nickname",
    "name",
    "slogan",
    "ad",
    "advert",
    "commercial",
    "survey",
    "poll",
    # what news comments argue about, added with the judgements after a thing's name
    "thing",
    "argument",
    "logic",
    "reasoning",
    "claim",
    "statement",
    "proposal",
    "bill",
    "legislation",
    "ruling",
    "bylaw",
    "by-law",
    "strategy",
    "approach",
    "response",
    "reporting",
    "coverage",
    "editorial",
    "story",
    "op-ed",
    "excuse",
    "promise",
    "constitution",
    "treaty",
    "agreement",
    "mandate",
    "reform",
    "ban",
    "theory",
    "suggestion",
    "solution",
    "rezoning",
    "situation",
    "comparison",
    "analogy",
    "report",
    "study",
    "verdict",
    "sentence",
    "fee",
    "hike",
    "increase",
    "spending",
    "pipeline",
    "bridge",
    "stadium",
    "design",
    "logo",
    "timetable",
    "schedule",
    "service",
    "ending",
    "season",
    "election",
    "campaign",
    "debate",
    "interview",
    "speech",
    "question",
    "answer",
)
_THING: Final = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in THINGS)
#: A determiner before the words (or a sentence's start: "Stupid phone keeps ...", or
#: an interjection's comma: "Sorry, stupid autocorrect."); "your" is not one (aimed at
#: the reader).
_BEFORE: Final = (
    r"(?:(?:\b(?:this|that|these|those|the|my|our|a|an|such\s+a|what\s+a)\s+)"
    r"|(?:\b(?:sorry|ugh+|argh+|oh|ah|sigh|jeez|geez|again)\s{0,3},\s{0,3})"
    r"|(?:^|(?<=[.!?;\n]))\s{0,3})"
)
#: Words that may stand between the insult and the thing ("this stupid parking app",
#: "that idiotic new tax"): modifiers of things, never a name or a person ("this stupid
#: trudeau plan", "this idiotic woman's plan" are read as written; found by a review).
MODIFIERS: Final = (
    r"new|old|little|whole|entire|latest|current|proposed|parking|ticket|traffic|tax|"
    r"budget|government|city|council|federal|provincial|state|school|health|online|mobile|"
    r"banking|news|social|public|housing|carbon|transit|smart|phone|computer|printer"
)
#: What may not follow the thing's name: a word for a person ("this stupid bus driver",
#: "a pathetic film critic", "the stupid show host", "this idiotic article's author"),
#: by a list and by the endings of such words (-er, -or, -ist, -ian, -ic, -ict, -ee),
#: except function words with those endings ("for", "or", "never", "over", "other").
_NOT_A_PERSON: Final = (
    r"(?!['’]s\b)(?!\s+(?!(?:for|or|nor|never|ever|over|under|after|either|neither|other|"
    r"rather|whatever|however|together|later|sooner|further|water|weather|paper|letter|"
    r"number|order|center|centre|computer|router|printer|meter|theater|theatre)\b)"
    r"(?:[a-z][\w-]*(?:er|or|ist|ian|ic|ict|ee)s?|host|staff|guy|man|woman|person|people|"
    r"kid|boy|girl|fan|lover|rep|team|crew|boss|chief|head|clerk|cop|nurse|doctor|lady)\b)"
)
#: The run of words is possessive (``++``): a text of nothing but insults ("bloody
#: stupid bloody stupid ...") is given up at once, not tried every way it splits.
INSULTED_THING: Final = re.compile(
    _BEFORE
    + rf"(?P<words>(?:(?:{INSULTING})\s+)++)(?:(?:{MODIFIERS})\s+)?(?:{_THING})(?:e?s)?\b"
    + _NOT_A_PERSON,
    re.IGNORECASE,
)


#: A thing said of someone just before it ("You are a stupid game", "he's such a
#: pathetic joke"): an insult at them, read as written.
_SAID_OF_SOMEONE: Final = re.compile(
    r"\b(?:you|u|ya|he|she|they|it)\s*(?:are|['’]re|r|is|['’]s|was|were)\s+"
    r"(?:(?:such|just|really|a|an|the|so)\s+)*$",
    re.IGNORECASE,
)


_DISMISSIVE: Final = _alternation(DISMISSIVE_WORDS)
#: Words that may stand before a dismissive noun: "complete and utter nonsense".
_DISMISSIVE_BEFORE: Final = (
    r"(?:(?:complete|total|absolute|utter|pure|sheer|typical|more|just|absolutely|totally|"
    r"such|and|a\s+(?:load|pile|bunch|heap)\s+of|(?:load|pile|bunch|heap)\s+of)\s+)*+"
)
#: What a thing may be called after a verb of being: an insulting word, a dismissive
#: noun, or a noun of contempt for a thing ("a joke", "a farce", "a mess").
_JUDGEMENT: Final = (
    rf"(?:(?:{INSULTING}|{_alternation(JUDGING_WORDS)})\b"
    rf"|{_DISMISSIVE_BEFORE}(?:{_DISMISSIVE})\b"
    r"|(?:a|an|such\s+a|just\s+a)\s+(?:(?:complete|total|absolute|utter|bad|sick|cruel|"
    r"bloody|fucking|damn|sad|big|huge|joke\s+of\s+a)\s+)*+"
    rf"(?:{_alternation(CONTEMPT_NOUNS)})\b)"
)
#: Adverbs between the verb of being and the judgement ("is just plain stupid").
_DEGREE: Final = (
    r"(?:(?:so|just|really|truly|utterly|completely|totally|absolutely|plain|plainly|simply|"
    r"pretty|quite|beyond|incredibly|very|downright|frankly|honestly|clearly|obviously|"
    r"also|still|even|too|unbelievably|ridiculously|laughably|monumentally|spectacularly)"
    r"\s+)*+"
)
#: A verb of being, modals and "has been" included ("would be", "has been").
_BEING: Final = (
    r"(?:is|are|was|were|['’]s|['’]re|seems?|seemed|looks?|looked|sounds?|sounded|"
    r"remains?|became|becomes?|gets?|got|(?:would|will|could|must|might|may)\s+be|"
    r"(?:has|have|had)\s+been)"
)
#: Where a clause starts: the text's or a sentence's start, after a comma, a colon or a
#: dash, or after a word that opens a clause ("but", "because", "I think"). Not after
#: "and", "or", "with" ("You and the plan are stupid"), nor inside a clause ("Anyone who
#: backs this plan is brain-dead", "a man that is stupid").
_CLAUSE_START: Final = (
    r"(?:^|(?<=[.!?;:,(\n\u2014\u2013-])|(?<=[.!?;:,(\n]\s)|(?<=[.!?;:,(\n]\s\s)"
    r"|(?<=\bbut\s)|(?<=\bbecause\s)|(?<=\bso\s)|(?<=\bsince\s)|(?<=\bthink\s)"
    r"|(?<=\bbelieve\s)|(?<=\bagree\s)|(?<=\bhonestly\s)|(?<=\bfrankly\s)"
    r"|(?<=\bseriously\s)|(?<=\bimo\s)|(?<=\bimho\s)|(?<=\bsay\s)|(?<=\bsorry\s)"
    r"|(?<=\bbottom\sline\s)|(?<=\bwell\s)|(?<=\byes\s)|(?<=\byeah\s)|(?<=\bno\s)"
    r"|(?<=\bnope\s)|(?<=\boh\s))"
)
#: A word for a person or people, which may not stand in a thing's name before a
#: judgement ("the bus driver is stupid", "the new voters are idiots").
_PERSON_WORD: Final = (
    r"(?:[a-z][\w-]*(?:er|or|ist|ian|ee)s?|men|man|women|woman|people|person|persons|guys?|"
    r"kids?|folks?|boys?|girls?|staff|team|crew|fans?|mps?|cops?|police|government|council|"
    r"party|board|committee|they|them|he|she|you|your|who|whoever|anyone|everyone|"
    r"someone|somebody|anybody|everybody)\b"
)
#: A thing's name with what may stand before it: a determiner, perhaps an owner's name
#: ("the minister's plan", "the Prime Minister's budget"), then up to three words naming
#: it more closely ("the carbon tax rebate scheme", "the new bus lane layout"), none a
#: word for a person. Not "your": the reader's thing (see :data:`_BEFORE`).
_THING_PHRASE: Final = (
    r"(?:(?:the|this|that|these|those|his|her|their|its|our|my|such\s+a|a|an)\s+)?"
    r"(?:(?:[a-z][\w.-]*\s+)?[a-z][\w.-]*['’]s\s+)?"
    rf"(?:(?!{_PERSON_WORD})[a-z][\w-]*\s+){{0,3}}?(?:{_THING})(?:e?s)?"
)
#: A verb of being and the judgement after it: "is just plain stupid", "was a joke".
#: Searched for first (few comments hold one), then what stands before it is matched
#: against :data:`SUBJECT`; a search for both at once tried every position of every
#: comment (ten times as slow on plain prose, ``bench/second_readings.py --adversarial``).
JUDGED: Final = re.compile(
    r"\b" + _BEING + r"\s+(?P<words>" + _DEGREE + _JUDGEMENT + r")", re.IGNORECASE
)
#: What may be judged, ending where the verb of being starts: a thing's name, or "this",
#: "that", "it" standing alone, where a clause starts.
SUBJECT: Final = re.compile(
    # a word's first letter, tested before the clause start's many lookbehinds
    r"(?<![\w'’.-])(?=[a-z])"
    + _CLAUSE_START
    + r"(?:(?:all\s+(?:of\s+)?)?(?:this|that|it)|(?:the|this)\s+whole\s+thing|"
    + _THING_PHRASE
    + r")\s*$",
    re.IGNORECASE,
)
#: How far before a verb of being its subject may start.
_SUBJECT_REACH: Final = 100
#: A sentence that is nothing but a dismissal: "Complete nonsense.", "What a load of
#: rubbish!", "Utter garbage reporting.", "Ridiculous." (words that judge a claim, not
#: "Pathetic." or "Stupid.", which may answer a person).
DISMISSAL: Final = re.compile(
    r"(?:^|(?<=[.!?\n]))\s{0,3}(?P<words>(?:(?:what|such)\s+(?:a\s+)?)?"
    + _DISMISSIVE_BEFORE
    + rf"(?:(?:{_DISMISSIVE})(?:\s+(?:{_THING})(?:e?s)?)?"
    + rf"|{_alternation(DISMISSIVE_ADJECTIVES)})"
    + r"(?:\s+(?:from\s+start\s+to\s+finish|from\s+beginning\s+to\s+end|as\s+usual|again))?)"
    + r"\s*(?=[.!?\n]|$)",
    re.IGNORECASE,
)
#: The rest of a judgement's sentence turns to a person: the reader ("... and so are
#: you"), someone it is likened to ("like its author", "as is the man who wrote it").
_TURNS_TO_SOMEONE: Final = re.compile(
    rf"\b(?:{ADDRESSED}|so\s+(?:are|is|was|were|am)|as\s+(?:are|is|was|were)|"
    r"like\s+(?:him|her|them|his|its|their|the|whoever|anyone|those|people))\b",
    re.IGNORECASE,
)
_SENTENCE_END: Final = re.compile(r"[.!?\n]")
#: How far after a judgement the rest of its sentence is looked at.
_SENTENCE_REACH: Final = 200


def _turns_to_someone(text: str, end: int) -> bool:
    """Whether the sentence going on from ``end`` turns to a person (see
    :data:`_TURNS_TO_SOMEONE`), looking at most :data:`_SENTENCE_REACH` characters on (a
    text of many judgements and no full stop is not read to its end for each)."""
    limit = min(len(text), end + _SENTENCE_REACH)
    stop = _SENTENCE_END.search(text, end, limit)
    return _TURNS_TO_SOMEONE.search(text, end, stop.start() if stop else limit) is not None


def _cuts(text: str) -> list[tuple[int, int]]:
    """The spans to cut, in order and not overlapping: insulting words before a thing's
    name, judgements after one, and whole dismissals."""
    if _NEEDED.isdisjoint(_WORD.findall(text.lower())):
        return []
    spans = [
        m.span("words")
        for m in INSULTED_THING.finditer(text)
        if not _SAID_OF_SOMEONE.search(text, max(0, m.start() - 40), m.start())
    ]
    spans += [
        m.span("words")
        for m in JUDGED.finditer(text)
        if SUBJECT.search(text, max(0, m.start() - _SUBJECT_REACH), m.start())
        and not _turns_to_someone(text, m.end())
    ]
    spans += [m.span("words") for m in DISMISSAL.finditer(text)]
    merged: list[tuple[int, int]] = []
    for begin, end in sorted(spans):
        if merged and begin < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((begin, end))
    return merged


def without_insults_at_things(text: str) -> str | None:
    """``text`` without the insulting words before a thing's name, the judgements after
    one and its sentences that only dismiss, or None where it has none (see the module
    docs)."""
    return cut_out(text, _cuts(text))
