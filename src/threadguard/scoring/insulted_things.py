"""Insults at things: "this stupid parking meter", "this idiotic policy".

An insult is aimed at a person or a group. "Stupid phone keeps autocorrecting my name."
and "This idiotic policy will cost us billions." insult no one, but the models score the
word, not its aim: "stupid", "idiotic", "pathetic" are the words of insults in training,
and the insult head holds from 0.27. So where such a word (or a swear word used as one:
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
three more forms are cut:

- a thing's name with a determiner or an owner before it, then a verb of being, then the
  judgement: "The new parking rules are idiotic.", "The minister's plan is a joke."
  (:data:`JUDGED`, :data:`SUBJECT`);
- "this", "that" or "it" with a verb of being and a judgement: "That's stupid.", "This is
  utter nonsense." -- a demonstrative standing alone names a thing or a claim
  (:data:`JUDGED`, :data:`SUBJECT`);
- a sentence that is nothing but a dismissal of a claim: "Complete nonsense.", "Utter
  garbage reporting.", "What a load of rubbish." (:data:`DISMISSAL`).

A review found each way these reached a person, and each is read as written: a subject
not where a clause starts ("Anyone who would say that is stupid", "Ford and his plan
are idiotic", "The lady in the ad is stupid"); a word for a person in the thing's name
or after it ("this stupid game show host", "those stupid tax and spend Liberals",
"decision-makers", :func:`.person_words.is_person_word`), a capitalised thing ("The Bills are
pathetic"); a judgement that goes on to a noun or to "of" ("The show's stupid host",
"It's stupid people like Ford", "stupid of him"); a sentence that turns to someone
("... just like Ford", "and Ford is too", "... these people", "So is the premier.");
"that" after words to the reader ("You still believe him? That is pathetic."); "trash",
"garbage" and "crap" alone ("Such trash!", "Trudeau? Garbage."); and any comment with a
character the models never see (a zero-width space inside "driver"). A group of people
is no thing ("The council is stupid", "the Leafs were pathetic"); nor is the reader's
thing ("Your argument is idiotic").
"""

from __future__ import annotations

import re
from itertools import islice
from typing import Final

from threadguard.scoring.person_words import is_person_word
from threadguard.scoring.rereading import ADDRESSED, INVISIBLE, cut_out, merged

#: The attributes the reading without the words may lower.
THING_ATTRIBUTES: Final = frozenset({"insult", "toxicity"})


def _words(text: str) -> tuple[str, ...]:
    """The words of ``text`` in order: a long list written as a paragraph."""
    return tuple(text.split())


def _alternation(words: tuple[str, ...]) -> str:
    """A regex alternation of plain words, longest first, any run of spaces in them
    matching any whitespace."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


#: Words of insult that may also follow "most": "the most idiotic plan".
_GRADED: Final = _words(
    """
    stupid idiotic moronic pathetic useless ridiculous ludicrous asinine absurd
    insane laughable foolish brainless nonsensical
    """
)
#: Words of insult and swearing used before a thing's name.
INSULTING_WORDS: Final = (
    *_GRADED,
    # swearing used as an insult ("this bloody printer") and superlatives ("the dumbest
    # policy"; "the most idiotic plan" below)
    *_words(
        """
        dumb silly lame brain-dead braindead half-baked hare-brained
        harebrained crappy shitty lousy rubbish bloody damn damned goddamn
        goddamned fucking effing frigging friggin freaking bleeding sodding
        stupidest dumbest silliest lamest
        """
    ),
    # a news desk (session 43): "Absolute shite kit." (toxicity 0.60) -- swearing as an
    # adjective before a thing's name
    *_words(
        """
        shit shite crap naff
        """
    ),
    *(f"most {w}" for w in _GRADED),
)
INSULTING: Final = _alternation(INSULTING_WORDS)
#: Words of contempt for what someone said, cut only before a word for it
#: (:data:`SAID_THINGS`): two news desks (session 44) held "You'd rather he'd walked past,
#: would you? Disgusting comment." (toxicity 0.67), the way readers call out a bigot. Before
#: any other thing they stay: a tweet's "disgusting policy" is labelled toxic as often as
#: not in the training sets.
CONTEMPT_WORDS: Final = _words(
    """
    disgusting vile shameful appalling revolting sickening nasty
    """
)
#: What a commenter said: a thing for the words of contempt only. "What a stupid comment"
#: insults whoever wrote it (Toxic Spans marks "stupid" there; the first version, which
#: cut it too, took that benchmark's character F1 from 0.632 to 0.629).
SAID_THINGS: Final = _words("comment post remark tweet reply")
#: Nouns that dismiss what was said: "nonsense", "rubbish", "a load of crap".
DISMISSIVE_WORDS: Final = _words(
    """
    nonsense non-sense rubbish garbage trash drivel tripe baloney boloney bunk
    bunkum hogwash claptrap twaddle balderdash poppycock tosh codswallop piffle
    gibberish malarkey hooey crap bullshit bs horseshit
    """
)
#: Words that judge a claim and may make a sentence alone: "Ridiculous."
DISMISSIVE_ADJECTIVES: Final = _words(
    """
    ridiculous absurd laughable ludicrous preposterous nonsensical
    """
)
#: More words a thing may be called after a verb of being ("The plan is crazy.").
JUDGING_WORDS: Final = _words(
    """
    crazy nuts bonkers preposterous garbage trash crap bullshit dumber stupider
    sillier
    """
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
    "shitshow",
    "shit show",
    "clusterfuck",
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
        *CONTEMPT_WORDS,
    )
)
#: Names of things, in the singular (a plural "s" is matched too): everyday objects and
#: services, roads and weather, and what news comments argue about (laws, policies,
#: plans, articles). No word here names a person or a group of people.
THINGS: Final = (
    *_words(
        """
        phone computer laptop printer router wifi internet app website software
        update autocorrect auto-correct spellcheck keyboard password paywall
        captcha machine meter car bus train tram flight bike lawnmower fridge
        oven door alarm lift elevator queue road traffic junction roundabout
        roadwork pothole weather rain snow heat wind game show movie film song
        book crossword puzzle form paperwork article headline column law policy
        rule regulation plan idea decision budget tax deal scheme program
        programme project system process nickname name slogan ad advert
        commercial survey poll kit gear equipment exam signal battery
        """
    ),
    *("auto correct", "spell check", "spell checker", "predictive text", "parking meter"),
    *("ticket machine", "traffic light"),
    # what news comments argue about, added with the judgements after a thing's name
    *_words(
        """
        argument logic reasoning claim statement proposal bill legislation
        ruling bylaw by-law strategy approach response reporting coverage
        editorial story op-ed promise constitution treaty agreement mandate
        reform ban theory suggestion solution rezoning situation comparison
        analogy report study verdict sentence fee hike increase spending
        pipeline bridge stadium design logo timetable schedule ending season
        election debate interview speech question answer
        """
    ),
    # decisions and choices, in politics and in sport: "the dumbest trade of the season"
    *_words("way change layout move choice call pick trade signing"),
    # what a campaign says (session 44's news desks: "Pathetic excuses from a pathetic
    # campaign.")
    *_words("excuse campaign manifesto leaflet"),
)
_THING: Final = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in THINGS)
#: A determiner before the words (or a sentence's start: "Stupid phone keeps ...", or
#: an interjection's comma: "Sorry, stupid autocorrect."); "your" is not one (aimed at
#: the reader).
_BEFORE: Final = (
    r"(?:(?:\b(?:this|that|these|those|the|my|our|a|an|such\s+a|what\s+a)\s+)"
    r"|(?:\b(?:sorry|ugh+|argh+|oh|ah|sigh|jeez|geez|again)\s{0,3},\s{0,3})"
    r"|(?:^|(?<=[.!?;\n]))\s{0,3}(?:(?:absolute|absolutely|utter|utterly|total|totally|complete|"
    r"completely)\s+)?)"
)
#: Words that may stand between the insult and the thing ("this stupid parking app",
#: "that idiotic new tax"): modifiers of things, never a name or a person ("this stupid
#: trudeau plan", "this idiotic woman's plan" are read as written; found by a review).
MODIFIERS: Final = (
    r"new|old|little|whole|entire|latest|current|proposed|parking|ticket|traffic|tax|"
    r"budget|government|city|council|federal|provincial|state|school|health|online|mobile|"
    r"banking|news|social|public|housing|carbon|transit|smart|phone|computer|printer"
)
#: A thing's name as written: in lower case ("the Bills", "Bill", "the Heat" name people,
#: and a comment in capitals is read as written), a plural "s" allowed.
_LOWER_THING: Final = rf"(?=(?-i:[a-z]))(?:{_THING})(?:e?s)?\b"
#: The run of insulting words is bounded: a text of nothing but insults ("stupid\n" a
#: thousand times) is not tried to its end from every line.
INSULTED_THING: Final = re.compile(
    _BEFORE + rf"(?P<words>(?:(?:{INSULTING})\s+){{1,4}}+)(?:(?:{MODIFIERS})\s+)?{_LOWER_THING}",
    re.IGNORECASE,
)
#: Contempt for what someone said: "Disgusting comment.", "What a vile post."
SCORNED_WORDS: Final = re.compile(
    _BEFORE
    + rf"(?P<words>(?:{_alternation(CONTEMPT_WORDS)})\s+)(?=(?-i:[a-z]))"
    + rf"(?:{_alternation(SAID_THINGS)})s?\b",
    re.IGNORECASE,
)


#: A thing said of someone just before it ("You are a stupid game", "he's such a
#: pathetic joke"): an insult at them, read as written.
_SAID_OF_SOMEONE: Final = re.compile(
    r"\b(?:you|u|ya|he|she|they|it)\s*(?:are|['’]re|r|is|['’]s|was|were)\s+"
    r"(?:(?:such|just|really|a|an|the|so)\s+)*$",
    re.IGNORECASE,
)

#: The words of a noun phrase going on after a thing's name: up to a stop, a verb's or a
#: preposition's start is not tested, only the next three words.
_NEXT_WORDS: Final = re.compile(r"[^\W\d_][\w'’´`ʼ-]*")
_STOP: Final = re.compile(r"[.!?;:,\n\"]")
#: Words that end a noun phrase: a pronoun, an auxiliary or a relative ("... I have ever
#: seen", "... will cost us", "... that nobody wanted").
_PHRASE_ENDS: Final = frozenset(
    _words(
        """
        i i'm i've i'd i'll me we us you he she it they them
        is are was were be been am will would can could should shall may might must
        has have had do does did that which who whom whose to
        """
    )
)


#: A thing's name said of someone just after it: "What a shit show you are", "Crap
#: helmet, you.", and a person its sentence goes on to ("absolute shite bill, sack him
#: now"): a review of session 43's swearing adjectives (read as written).
_SAID_OF_SOMEONE_AFTER: Final = re.compile(
    r"\s*(?:,\s*(?:you|u|ya)\b|(?:you|u|ya|he|she|they)\s*(?:are|['’]re|r|is|['’]s|was|were)\b)",
    re.IGNORECASE,
)
_OBJECT_PRONOUN: Final = re.compile(r"\b(?:him|her)\b", re.IGNORECASE)


def _person_after(text: str, end: int) -> bool:
    """Whether a person stands in the noun phrase going on after a thing's name: a
    hyphen or a possessive straight after it ("decision-makers", "the article's author"),
    the name said of someone (:data:`_SAID_OF_SOMEONE_AFTER`) or "him" / "her" later in
    its sentence, or a word for a person among the next three before a verb or a pronoun
    ends the phrase ("this stupid game show host", "those stupid tax and spend Liberals";
    not "the dumbest policy I have ever seen")."""
    if end < len(text) and text[end] in "-'’´`ʼ\u2010\u2011":
        return True
    if _SAID_OF_SOMEONE_AFTER.match(text, end):
        return True
    sentence = _SENTENCE_END.search(text, end, end + _SENTENCE_REACH)
    if _OBJECT_PRONOUN.search(text, end, sentence.start() if sentence else end + _SENTENCE_REACH):
        return True
    stop = _STOP.search(text, end, end + 60)
    for word in _NEXT_WORDS.findall(text, end, stop.start() if stop else end + 60)[:3]:
        if word.lower() in _PHRASE_ENDS:
            return False
        if is_person_word(word):
            return True
    return False


_DISMISSIVE: Final = _alternation(DISMISSIVE_WORDS)
#: Dismissive nouns said of people too ("Such trash!", "Trudeau? Garbage."): they
#: dismiss a claim alone only after "a load of" or before a thing's name.
SAID_OF_PEOPLE_TOO: Final = ("trash", "garbage", "crap")
_CLAIM_ONLY: Final = _alternation(tuple(w for w in DISMISSIVE_WORDS if w not in SAID_OF_PEOPLE_TOO))
_HEAP: Final = r"(?:a\s+)?(?:load|pile|bunch|heap)\s+of\s+"
#: Words that may stand before a dismissive noun: "complete and utter nonsense" (at
#: most four: a run of them is not tried to its end from every line).
_DISMISSIVE_BEFORE: Final = (
    r"(?:(?:complete|total|absolute|utter|pure|sheer|typical|more|just|absolutely|totally|"
    r"such|and)\s+){0,4}+"
)
#: What a thing may be called after a verb of being: an insulting word, a dismissive
#: noun, or a noun of contempt for a thing ("a joke", "a farce", "a mess").
_JUDGEMENT: Final = (
    rf"(?:(?:{INSULTING}|{_alternation(JUDGING_WORDS)})\b"
    rf"|{_DISMISSIVE_BEFORE}(?:{_HEAP})?(?:(?:{INSULTING})\s+)?(?:{_DISMISSIVE})\b"
    r"|(?:a|an|such\s+a|just\s+a)\s+(?:(?:complete|total|absolute|utter|bad|sick|cruel|"
    r"bloody|fucking|damn|sad|big|huge|joke\s+of\s+a)\s+){0,3}+"
    rf"(?:{_alternation(CONTEMPT_NOUNS)})\b)"
)
#: Adverbs between the verb of being and the judgement ("is just plain stupid"), at most
#: four.
_DEGREE: Final = (
    r"(?:(?:so|just|really|truly|utterly|completely|totally|absolutely|plain|plainly|simply|"
    r"pretty|quite|beyond|incredibly|very|downright|frankly|honestly|clearly|obviously|"
    r"also|still|even|too|unbelievably|ridiculously|laughably|monumentally|spectacularly)"
    r"\s+){0,4}+"
)
#: A verb of being, modals and "has been" included ("would be", "has been").
_BEING: Final = (
    r"(?:is|are|was|were|['’]s|['’]re|seems?|seemed|looks?|looked|sounds?|sounded|"
    r"remains?|became|becomes?|gets?|got|(?:would|will|could|must|might|may)\s+be|"
    r"(?:has|have|had)\s+been)"
)
#: What may follow a judgement that ends its claim: a stop, the text's end, or a word that
#: starts another clause or says how ("... is stupid, nobody ...", "is idiotic and will
#: cost billions", "is a joke to anyone"). Not a noun ("The show's stupid host": the
#: "'s" was a possessive; "It's stupid people like Ford"), nor "of" ("stupid of him"),
#: "how" or "that" ("It's pathetic how Trudeau grovels").
_JUDGEMENT_ENDS: Final = (
    r"(?=\s*(?:[.,!?;:)\n\"'’…-]|$)|\s+(?:and|but|or|because|since|so|to|for|when|if|in|"
    r"anyway|though|imo|imho|lol|honestly|frankly|really|indeed|right\s+now|now|again|"
    r"as\s+usual|from\s+start|every\s+time|by\s+a\s+mile)\b)"
)
#: Where a clause starts: the text's or a sentence's start, after a comma, a colon or a
#: dash, or after a word that opens a clause ("but", "because", "I think"). Not after
#: "and", "or", "with" ("You and the plan are stupid"), nor inside a clause ("Anyone who
#: backs this plan is brain-dead", "a man that is stupid", "People who believe that are
#: crazy": only the writer's own "I think" opens one).
_CLAUSE_START: Final = (
    r"(?:^|(?<=[.!?;:,(\n\u2014\u2013-])|(?<=[.!?;:,(\n]\s)|(?<=[.!?;:,(\n]\s\s)"
    r"|(?<=\bbut\s)|(?<=\bbecause\s)|(?<=\bso\s)|(?<=\bsince\s)|(?<=\bi\sthink\s)"
    r"|(?<=\bi\sbelieve\s)|(?<=\bi\sagree\s)|(?<=\bhonestly\s)|(?<=\bfrankly\s)"
    r"|(?<=\bseriously\s)|(?<=\bimo\s)|(?<=\bimho\s)|(?<=\bi['’]d\ssay\s)|(?<=\bsorry\s)"
    r"|(?<=\bbottom\sline\s)|(?<=\bwell\s)|(?<=\byes\s)|(?<=\byeah\s)|(?<=\bno\s)"
    r"|(?<=\bnope\s)|(?<=\boh\s))"
)
#: Words that may not name a thing more closely: they join, place or point
#: ("Ford and his plan", "the lady in the ad", "the host of the show").
_JOINING: Final = (
    r"(?:and|or|nor|of|in|on|at|by|for|with|without|behind|from|to|into|about|against|"
    r"under|over|than|as|like|who|whom|whose|which|that|this|these|those|the|a|an|his|her|"
    r"their|its|our|my|your|he|she|they|it|we|i|you|is|are|was|were|be|been)\b"
)
#: A thing's name with a determiner or an owner before it ("the plan", "the minister's
#: plan", "the Prime Minister's budget"), then up to three words naming it more closely
#: ("the carbon tax rebate scheme", "the new bus lane layout", "the council website"), in
#: lower case (a name is a person's) and none a joining word, perhaps with a second
#: thing it belongs to ("the wifi on this train"; not "the lady in the ad", "the host of
#: the show": both must be things). Not "your": the reader's thing (see :data:`_BEFORE`).
_NAMED: Final = rf"(?:(?!{_JOINING})(?=(?-i:[a-z]))[a-z][\w-]*\s+)"
_THING_PHRASE: Final = (
    r"(?:(?:the|this|that|these|those|his|her|their|its|our|my|such\s+a|a|an)\s+"
    r"(?:(?:[a-z][\w.-]*\s+)?[a-z][\w.-]*['’]s\s+)?"
    r"|(?:[a-z][\w.-]*\s+)?[a-z][\w.-]*['’]s\s+)"
    rf"{_NAMED}{{0,3}}?{_LOWER_THING}"
    r"(?:\s+(?:on|in|at|of|for|from|about)\s+(?:the|this|that|these|those|our|my|a|an)\s+"
    rf"{_NAMED}{{0,2}}?{_LOWER_THING})?"
)
#: A verb of being and the judgement after it: "is just plain stupid", "was a joke".
#: Searched for first (few comments hold one), then what stands before it is matched
#: against :data:`SUBJECT`; a search for both at once tried every position of every
#: comment (ten times as slow on plain prose, ``bench/second_readings.py --adversarial``).
JUDGED: Final = re.compile(
    r"\b" + _BEING + r"\s+(?P<words>" + _DEGREE + _JUDGEMENT + r")" + _JUDGEMENT_ENDS,
    re.IGNORECASE,
)
#: What may be judged, ending where the verb of being starts: a thing's name, or "this",
#: "that", "it" standing alone, where a clause starts.
SUBJECT: Final = re.compile(
    # a word's first letter, tested before the clause start's many lookbehinds
    r"(?<![\w'’.-])(?=[a-z])"
    + _CLAUSE_START
    + r"(?:(?P<pronoun>(?:all\s+(?:of\s+)?)?(?:this|that|it)|(?:the|this)\s+whole\s+thing)|"
    + _THING_PHRASE
    + r")\s*$",
    re.IGNORECASE,
)
#: How far before a verb of being its subject may start.
_SUBJECT_REACH: Final = 100
#: A sentence that is nothing but a dismissal of a claim: "Complete nonsense.", "What a
#: load of rubbish!", "Utter garbage reporting.", "Ridiculous." -- not "Pathetic.",
#: "Stupid.", "Such trash!" or "Trudeau? Garbage.", which may answer or name a person.
DISMISSAL: Final = re.compile(
    r"(?:^|(?<=[.!?\n]))\s{0,3}(?P<words>(?:(?:what|such)\s+(?:a\s+)?)?"
    + _DISMISSIVE_BEFORE
    + rf"(?:{_HEAP}(?:{_DISMISSIVE})(?:\s+{_LOWER_THING})?"
    + rf"|(?:{_DISMISSIVE})\s+{_LOWER_THING}"
    + rf"|(?:{_CLAIM_ONLY})"
    + rf"|{_alternation(DISMISSIVE_ADJECTIVES)})"
    + r"(?:\s+(?:from\s+start\s+to\s+finish|from\s+beginning\s+to\s+end|as\s+usual|again))?)"
    + r"\s*(?=[.!?\n]|$)",
    re.IGNORECASE,
)
#: The rest of a judgement's sentence turns to a person: the reader ("... and so are
#: you"), someone it is likened to ("like its author", "just like Ford", "same as the man
#: who wrote it"), someone said to be so too ("and Ford is too", "the premier too"), or
#: people pointed at ("It's pathetic, these people").
_TURNS_TO_SOMEONE: Final = re.compile(
    rf"\b(?:{ADDRESSED}|so\s+(?:are|is|was|were|am)|as\s+(?:are|is|was|were)|"
    r"like|same\s+as|than|too|either|these|those|such)\b",
    re.IGNORECASE,
)
#: A next sentence that says the same of someone: "So is the premier.", "Same for Ford."
_SAME_OF_SOMEONE: Final = re.compile(
    r"\s*(?:so|neither|nor|same|ditto|as|and|just\s+like|like|much\s+like)\b", re.IGNORECASE
)
#: Before "this", "that" or "it": the reader spoken to ("You still believe him? That is
#: pathetic."): the judgement may be of them.
_ADDRESSED_BEFORE: Final = re.compile(rf"\b(?:{ADDRESSED})\b", re.IGNORECASE)
_SENTENCE_END: Final = re.compile(r"[.!?\n]")
#: How far after a judgement the rest of its sentence is looked at.
_SENTENCE_REACH: Final = 200


def _turns_to_someone(text: str, end: int) -> bool:
    """Whether the sentence going on from ``end`` turns to a person, or the next one says
    the same of someone (see :data:`_TURNS_TO_SOMEONE`, :data:`_SAME_OF_SOMEONE`), looking
    at most :data:`_SENTENCE_REACH` characters on (a text of many judgements and no full
    stop is not read to its end for each)."""
    limit = min(len(text), end + _SENTENCE_REACH)
    stop = _SENTENCE_END.search(text, end, limit)
    if _TURNS_TO_SOMEONE.search(text, end, stop.start() if stop else limit):
        return True
    return stop is not None and _SAME_OF_SOMEONE.match(text, stop.end(), limit) is not None


def _judged_thing(text: str, verb: int) -> bool:
    """Whether what stands before the verb of being at ``verb`` is a thing judged: a
    thing's name (:data:`SUBJECT`), or "this" / "that" / "it" where the reader was not
    spoken to just before."""
    begin = max(0, verb - _SUBJECT_REACH)
    subject = SUBJECT.search(text, begin, verb)
    if subject is None or not subject.group("pronoun"):
        return subject is not None
    return _ADDRESSED_BEFORE.search(text, begin, subject.start()) is None


#: An insulting word and the word after it (past a comma and words of size or age): "vile
#: man", "a disgusting little person", "a vile, fat slob".
_INSULT_THEN_WORD: Final = re.compile(
    rf"\b(?:{INSULTING}|{_alternation(CONTEMPT_WORDS)})\s*,?\s+(?:(?:little|old|young|fat|ugly|bitter|sad|lying|excuse for an?)"
    r"\s*,?\s+)*(?P<noun>[a-z'’-]{2,})",
    re.IGNORECASE,
)
#: Words after an insulting word that name no one: the words that start a phrase or end
#: one ("stupid and expensive", "is stupid to", "the most idiotic of all").
_NOT_A_NOUN: Final = frozenset(
    _words(
        """
        and or but of to for in on at by with from than as is was are were be it this that
        the a an so too very really just again now then when if
        """
    )
)
_MODIFIER_WORDS: Final = frozenset(MODIFIERS.split("|"))
INSULTING_LOWER: Final = frozenset(w.lower() for w in (*INSULTING_WORDS, *CONTEMPT_WORDS))
_A_THING: Final = re.compile(rf"(?:{_THING}|{_alternation(SAID_THINGS)})(?:e?s)?\b", re.IGNORECASE)


def _insults_someone_too(text: str) -> bool:
    """Whether an insulting word also stands before a word that is no thing ("Vile post,
    vile man.", "Disgusting post. The author is a disgusting nonce.": a review of session
    44's words): the things' insults are then read as written, the comment being one of
    contempt for someone as well."""
    for m in islice(_INSULT_THEN_WORD.finditer(text), 20):
        noun = m.group("noun").lower()
        if noun in _NOT_A_NOUN or noun in _MODIFIER_WORDS or _A_THING.match(text, m.start("noun")):
            continue
        if noun in INSULTING_LOWER:
            continue  # "stupid stupid idea": the next word is read on its own turn
        return True
    return False


def _cuts(text: str) -> list[tuple[int, int]]:
    """The spans to cut, in order and not overlapping: insulting words before a thing's
    name, judgements after one, and whole dismissals."""
    if _NEEDED.isdisjoint(_WORD.findall(text.lower())) or INVISIBLE.search(text):
        return []
    spans = [
        m.span("words")
        for pattern in (INSULTED_THING, SCORNED_WORDS)
        for m in pattern.finditer(text)
        if not _SAID_OF_SOMEONE.search(text, max(0, m.start() - 40), m.start())
        and not _person_after(text, m.end())
    ]
    if spans and _insults_someone_too(text):
        spans = []
    spans += [
        m.span("words")
        for m in JUDGED.finditer(text)
        if _judged_thing(text, m.start()) and not _turns_to_someone(text, m.end())
    ]
    spans += [m.span("words") for m in DISMISSAL.finditer(text)]
    return merged(spans)


def without_insults_at_things(text: str) -> str | None:
    """``text`` without the insulting words before a thing's name, the judgements after
    one and its sentences that only dismiss, or None where it has none (see the module
    docs)."""
    return cut_out(text, _cuts(text))
