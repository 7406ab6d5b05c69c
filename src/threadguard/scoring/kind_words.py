"""Kind words the models read as abuse: pleas ("Leave her alone."), praise put as an order
("Give the man a medal."), wishes of well-being ("Hope the little lad is ok."), pity
("That poor woman.") and greetings or cheers ("Get well soon Ron x", "See you Sunday Rav
🙏": :data:`GREETING`), and the plain words of a rebuke to a reader ("Have a word with
yourself.", "Give it a rest.": :data:`REBUKE`).

The deep tier reads an order or a wish about a person as abuse: "Leave her alone." scored
toxicity 0.76 (the deep tier alone 0.92), "Can everyone just leave her alone." 0.81 with
severe toxicity 0.62, "Leave the poor woman alone, she's been through enough." 0.94 and
identity attack 0.26, "Leave her family out of it." 0.83; "Give her a knighthood." and
"What a hero. Give the man a medal." were held at 0.58 and 0.63; "Hope the little lad is
ok." scores 0.59 (deep tier 0.75: "hope he ..." opens wishes of harm in the training
sets) and "That poor woman." 0.64 ("poor baby" mocks there). Two news desks (session 44)
found the readers who stand up for a victim held more than any other civil reader: 7 of
36 such replies on one desk, against 7 of 124 other civil comments. So where a sentence
opens with a plea to leave a person alone, in peace or out of it (:data:`PLEA`), praise
put as an order, a medal, a knighthood, a pay rise or a pint for someone
(:data:`PRAISE`), a hope that someone is safe, well or on the mend (:data:`WELL_WISH`),
or is pity and nothing else ("Poor lad.", "That poor woman.": :data:`PITY`), the comment
is read again without it, and toxicity, severe toxicity, insult and identity attack keep
the lower reading. Threat keeps the comment's own score, and a comment with a word of
abuse anywhere, or one that answers a report of a crime or an attack
(:func:`tells_of_harm`: praise there may be for the attacker), is read as written.

Read as written:

- kind words that their sentence does not end with, or a comma, beside fill words
  ("please", "mate", "for god's sake"), a comma before "then", "so", "but" ... not counting
  as an end: "Leave her alone or else.", "leave him alone and go after his dad instead",
  "Give him a medal for being the thickest man alive.", "Buy the lad a pint, then buy him
  a brain."; nor any asked ("Leave him alone? No chance, ...", "Poor sods? They're orcs.");
- a comment with a word of abuse or harm anywhere else (:data:`ABUSE_AROUND`: "Leave her
  alone, the thick cow isn't worth it.", "Leave her family out of it. He's the one who
  deserves a good kicking."): the models under-read an insult left alone in a short
  remainder, and the plea was all that held it;
- a person the list does not name (:data:`PERSON`: pronouns, a capitalised name, "the
  poor woman", "her family", "the lad", "the volunteers"), nor a plea that names a group
  of people (:func:`~.group_words.names_group`: "leave our women alone", "Leave Muslims
  alone." keep their own reading, whichever side they are on), nor a place ("leave the
  country");
- a plea that is not an order at its sentence's start ("They should leave her alone if
  they know what's good for them" is read whole);
- any comment with a character the models never see (:data:`~.rereading.INVISIBLE`).
"""

from __future__ import annotations

import re
from typing import Final

from threadguard.normalize import normalize_text
from threadguard.scoring.group_words import names_group
from threadguard.scoring.rereading import INVISIBLE, cut_out, merged

#: The attributes the reading without the kind words may lower.
KIND_WORD_ATTRIBUTES: Final = frozenset(
    {"toxicity", "severe_toxicity", "insult", "identity_attack"}
)

#: Who is to be left alone or praised: a pronoun, a capitalised name, or one person or a
#: few named by what they are (not by a group: see the module docs).
_ONE: Final = (
    r"(?:woman|man|lady|bloke|fella|fellow|guy|chap|lad|lass|girl|boy|kid|kids|child|children|"
    r"baby|family|couple|mum|mam|mom|dad|mother|father|parents|wife|husband|widow|widower|"
    r"pensioner|teacher|nurse|doctor|ref|referee|player|players|actress|actor|singer|student|"
    r"students|officer|driver|volunteer|volunteers|victim|victims|councillor|vicar|bride|"
    r"groom|lads|girls|boys|owner|owners|staff|crew|son|daughter|grandad|grandma|nan|gran|"
    r"one|ones)"
)
#: Someone named by their kin, by what they are, or by a capitalised name.
_NAMED: Final = (
    r"(?:his|her|their|your) (?:poor |old |little |whole )?(?:family|kids|children|"
    r"mum|mam|mom|dad|mother|father|parents|wife|husband|son|daughter|partner|girlfriend|"
    r"boyfriend|grandad|grandma|nan|gran|widow)|(?:the|that|this|those|these) (?:poor |old |"
    r"little |young |brave )?" + _ONE + r"|poor " + _ONE + r"|(?-i:[A-Z][a-z]+)"
)
#: Whom a plea or praise is about (an object), and whom a wish is about (a subject).
PERSON: Final = r"(?:her|him|them|" + _NAMED + r")"
SUBJECT: Final = r"(?:he|she|they|" + _NAMED + r")"
#: What may stand before the order at its sentence's start: "please", "just", "can
#: everyone", "for god's sake".
_BEFORE: Final = (
    r"(?:(?:oh|so|now|look|right|honestly|seriously|come on|for (?:god|heaven|pete|fuck)['’]?s "
    r"sake|ffs|guys|people|folks|everyone|mods)\s*,?\s+)*"
    r"(?:(?:can|could|will|would|why (?:can['’]?t|don['’]?t|won['’]?t))\s+(?:(?:every(?:one|body)|"
    r"people|you(?: all| lot| guys| people)?|we(?: all)?|y['’]all|the rest of you|folk|"
    r"some of you)\s+)?)?(?:(?:please|pls|just|kindly|all|every(?:one|body)|you lot|"
    r"all of you)\s+)*"
)
#: What may follow it before its sentence ends: "please", "mate", "for god's sake".
_AFTER: Final = (
    r"(?:\s*,?\s*(?:please|pls|mate|people|guys|folks|every(?:one|body)|all of you|you lot|"
    r"lads|now|already|for once|for (?:god|heaven|pete|fuck)['’]?s sake|ffs|eh|yeah|"
    r"then|too|as well|someone|somebody|immediately|asap))*"
    r"(?=\s*(?:[.!…;:]|,(?!\s*(?:then|so|and|but|or|because|cos|coz|till|until|unless|if|"
    r"before|after|only|just|when|while|as|though|except)\b)|\s[-–—]\s|$))"
)
#: A plea to leave someone alone, in peace or out of it.
PLEA: Final = re.compile(
    r"(?:^|(?<=[.!?\n]))\s*(?P<words>" + _BEFORE + r"leave " + PERSON + r" (?:alone|be|in peace|"
    r"out of (?:it|this|this thread|the comments|the argument|your comments))" + _AFTER + r")",
    re.IGNORECASE,
)
#: A reader told off in the plain words of a rebuke, a sentence of its own: "Have a word
#: with yourself.", "Maybe keep that to yourself.", "Give it a rest.", "Grow up.", "Pack it
#: in.", "Think before you comment." Four news desks (session 50) found readers who stood
#: up to a harasser held on them (toxicity 0.48-0.86: "She's a young woman who just sat her
#: exams. Have a word with yourself." 0.86, "Kev, she's a professional doing her job. Maybe
#: keep that to yourself." 0.71) while what they answered was published; desk 72's "Would
#: you ever cop on to yourself." (the Irish "get a grip").
REBUKE: Final = re.compile(
    r"(?:^|(?<=[.!?\n]))\s*(?P<words>" + _BEFORE + r"(?:(?:maybe|perhaps|honestly|seriously|"
    r"mate|pal|love|would you(?: ever)?|will you)\s*,?\s+)*(?:have a (?:word|long hard word) "
    r"with yourself|"
    r"(?:keep|kept) (?:that|it|those (?:thoughts|comments|views)|your (?:thoughts|comments|"
    r"views|opinions)) to yourself|give it a rest|pack it in|grow up|get a grip|"
    r"wind (?:your|yer) neck in|catch yourself on|cop on(?: to yourself)?|"
    r"take a (?:long )?(?:hard )?look at yourself|think before you (?:comment|post|type|write|"
    r"speak)|do better|shame on you|you should be ashamed(?: of yourself)?|change the record|"
    r"behave(?: yourself)?)" + _AFTER + r")",
    re.IGNORECASE,
)
#: Praise put as an order: a medal, an honour, a pay rise or a pint for someone.
PRAISE: Final = re.compile(
    r"(?:^|(?<=[.!?\n]))\s*(?P<words>"
    + _BEFORE
    + r"(?:give|get|buy) "
    + PERSON
    + r" (?:a |an |the |some )?(?:big |huge |massive |proper |well[- ]deserved |bloody |"
    r"damn |)(?:medal|knighthood|damehood|gong|obe|mbe|cbe|bem|pay ?rise|raise|pint|"
    r"drink|round of applause|standing ovation|statue|award|bonus|promotion|hug|pat on the "
    r"back|cuddle|george (?:cross|medal)|nobel(?: prize)?|prize|trophy|freedom of the city|"
    r"day off|holiday|month off|cake|biscuit|beer)" + _AFTER + r")",
    re.IGNORECASE,
)
#: Words of abuse anywhere in the comment: a plea beside them is read as written. The
#: models under-read an insult left alone in a short remainder ("Leave her alone, the
#: thick cow isn't worth it." held at 0.75 for its plea, approved without it; a review,
#: session 44), so only a plea in an otherwise clean comment is cut.
ABUSE_AROUND: Final = re.compile(
    r"\b(?:stupid|idiotic|moronic|pathetic|brainless|dumb|silly|lame|crappy|shitty|lousy|"
    r"disgusting|vile|revolting|repulsive|shameful|appalling|sickening|nasty|worthless|"
    r"useless|thick|cow|slag|slags|slut|"
    r"whore|bitch|twat|prat|idiot|moron|nonce|paedo|pedo|scum|scumbag|vermin|pig|tart|muppet|"
    r"cretin|troll|dickhead|knob|wanker|tosser|bellend|loser|freak|creep|clown|rat|parasite|"
    r"waste of (?:space|oxygen|skin)|deserves?|had it coming|kick(?:ing|ed)?|beat(?:ing|en)?|"
    r"slap(?:ped|ping)?|strung up|string (?:him|her|them) up|hang(?:ed|ing)?|lynch\w*|"
    r"thump\w*|batter\w*|shoot|stab\w*|burn\w*|die|dead|knife|knives|drown\w*|missed|"
    r"finish (?:the job|him|her|them) off|gammon|spineless|git|gits|slob|slobs|inbred|"
    r"retard\w*|brain|brains|cretins|idiots|morons|clowns|rats|parasites|trolls|"
    r"animals?|savages?|"
    # a blind review of the rebukes (session 50): "sluts", "trannies ... freaks", "just
    # kill yourself", "Send me some pics and I'll show you what a real man is"
    r"sluts|whores|bitches|tranny|trannies|freaks|creeps|kill yourself|kys|nudes|"
    r"send (?:me |us )?(?:some |a few |your )?(?:pics|photos|pictures|nudes)|real man)\b|"
    r"(?:\.{2,}|…)\s*(?:not|jk|lol)\b",
    re.IGNORECASE,
)
#: A context that tells of a crime or an attack: praise or pity under it may be for the
#: attacker ("Give the man a medal." under "Man jailed for throwing pig's head at mosque.",
#: a review, session 44), so the comment is read as written there.
HARM_IN_CONTEXT: Final = re.compile(
    r"\b(?:jailed|convicted|charged|sentenced|arrested|attack\w*|assault\w*|threw|throw(?:n|ing)|"
    r"vandal\w*|daubed|graffiti|spray-?painted|abus\w*|stabb\w*|murder\w*|killed|kills?|"
    r"beat(?:en|ing)|fire-?bomb\w*|arson\w*|torched|smashed|desecrat\w*|shouting|shouted|"
    r"yelled|spat|punched|kicked|hate crime|letterbox|dog (?:mess|muck|poo|dirt)|excrement|"
    r"egged|keyed|pig's head)\b",
    re.IGNORECASE,
)


def tells_of_harm(context: str) -> bool:
    """Whether what a comment answers tells of a crime or an attack (:data:`HARM_IN_CONTEXT`):
    kind words there are read as written."""
    return HARM_IN_CONTEXT.search(context[:2000]) is not None


#: A hope that someone is safe, well or on the mend, or makes it, where a sentence or a
#: clause opens: "Hope the little lad is ok.", "Really hoping she's back on her feet soon.",
#: "Poor lad, hope he's ok.", "Hope she makes it."
WELL_WISH: Final = re.compile(
    r"(?:^|(?<=[.!?\n,;]))\s*(?P<words>" + _BEFORE + r"(?:(?:i|we)\s+)?(?:(?:really|just|so|"
    r"truly)\s+)?(?:hope|hoping|pray|praying)\s+(?:that\s+)?(?:"
    + SUBJECT
    + r")(?:(?:['’]s|['’]re| is| are| was| were| gets?| will be|['’]ll be)"
    r" (?:ok|okay|alright|all right|safe|well|fine|home soon|on the mend|recovering|doing (?:ok|"
    r"okay|alright|well|better)|better soon|getting better|back on (?:his|her|their) feet|"
    r"(?:(?:a |the )?full )?recovery)"
    # news desk 30 (session 45): "Fair play to the eldest. Hope she makes it." (0.69): making
    # it, pulling through, doing well
    r"| (?:makes? it|pulls? through|does (?:well|ok|okay|great)|gets? (?:there|in|through|the job|"
    r"a place|well soon)|passes|succeeds))(?: (?:now|soon|again|too|quickly|after this|after "
    r"that|one day|in the end))*" + _AFTER + r")",
    re.IGNORECASE,
)
#: Pity and nothing else, a sentence or a clause of its own: "Poor lad.", "That poor
#: woman.", "Oh, the poor family.", "..., the poor thing." (not "Poor sods? They're orcs.":
#: asked, it is a question of the pity).
PITY: Final = re.compile(
    r"(?:^|(?<=[.!?\n,;]))\s*(?P<words>(?:(?:oh|aw+|ah)\s*,?\s+)?(?:(?:that|the|those|these)\s+)?"
    r"poor (?:little |old |young )?(?:"
    + _ONE
    + r"|thing|things|soul|souls|sod|sods|lamb|love|mite|mites)"
    + _AFTER
    + r")",
    re.IGNORECASE,
)
#: Emoji and kisses that may stand before or after a greeting ("🎯🎯🎯 go Lisa", "Get well
#: soon Ron x").
_GLYPHS: Final = r"(?:[\U0001F300-\U0001FAFF\u2600-\u27BF\uFE0F\u200D]|\bx{1,3}\b)"
#: A greeting, a cheer or good wishes to someone, a sentence of its own: "Get well soon Ron
#: x", "See you Sunday Rav 🙏", "🎯🎯🎯 go Lisa", "Good luck to the lads", "Congratulations
#: Azad!", "Happy birthday, Nan". Four news desks (session 47) found such replies held on
#: the deep tier's reading of short warm text (toxicity 0.47-0.63 alone, 0.57-0.74 with a
#: thread that names a group, which sends them to the deep tier): "Get well soon Ron x"
#: 0.57, "See you Sunday Rav 🙏" 0.60, "🎯🎯🎯 go Lisa" 0.60.
GREETING: Final = re.compile(
    r"(?:^|(?<=[.!?\n]))\s*(?P<words>(?:" + _GLYPHS + r"\s*)*(?:(?:get well soon|speedy recovery|"
    r"(?:good|best of) luck|all the best|congrats|congratulations|well done|well played|bravo|"
    r"nice one|happy birthday|happy (?:eid|diwali|hanukkah|christmas|new year|retirement)|"
    r"welcome (?:home|back|aboard)|rest easy|(?:thank you|thanks|cheers|respect|love|much love|"
    r"big love|hugs|best wishes) (?:to )?)(?:,?\s*(?:to\s+)?(?:" + PERSON + r"|you(?: all)?|"
    r"all|everyone|mate|pal|love|hun))?|(?:go|come on|go on|up the) (?:" + PERSON + r")|"
    r"see you (?:all )?(?:there|soon|then|tomorrow|tonight|later|next (?:week|time|month|year)|"
    r"on (?:the day|\w+day)|\w+day|at the [\w'’-]+)(?:,?\s*" + PERSON + r")?)"
    r"(?:\s*[!.]*\s*" + _GLYPHS + r")*" + _AFTER + r")",
    re.IGNORECASE,
)
#: What a person believes or is born as.
_BELIEF_OR_BIRTH: Final = (
    r"(?:religion|faith|colou?r|race|nationality|god|church|skin colou?r|background|ethnicity|"
    r"sexuality|accent|surname|name)"
)
#: Indifference to a person's faith, colour or birth, a sentence or a clause of its own:
#: "Doesn't matter what religion he is.", "Who gives a toss what colour she is?" (news desk
#: 33, session 45: "Doesn't matter what religion he is. Question is will he sort the bins."
#: held at identity attack 0.26, "Honestly who gives a fuck what religion the mayor is." at
#: 0.38, under a Muslim mayor's election).
INDIFFERENCE: Final = re.compile(
    r"(?:^|(?<=[.!?\n,;]))\s*(?P<words>(?:(?:honestly|frankly|seriously|look|mate|and)\s*,?\s+)*"
    r"(?:(?:it|that)\s+)?(?:(?:doesn['’]?t|does not|shouldn['’]?t|should not|didn['’]?t|won['’]?t)"
    r" matter(?: (?:one bit|a jot|at all|to me|to anyone))?|who (?:cares|gives a (?:damn|toss|"
    r"monkey['’]?s|fuck|shit|hoot|stuff|flying fuck))) (?:what|which) "
    + _BELIEF_OR_BIRTH
    + r" (?:he|she|they|you|someone|anyone|people|the [\w'’-]+|(?-i:[A-Z][a-z]+))"
    r"(?:['’]s|['’]re| is| are| was| were| follows?| has| have| worships?| prays? to| comes? from|"
    r" believes? in| goes to)?(?=\s*(?:[.!?…;:]|\s[-–—]\s|$)))",
    re.IGNORECASE,
)
#: Words that turn indifference into a charge elsewhere in the comment ("Doesn't matter
#: what religion he is. They're all the same.", "..., he'll still be a terrorist.", "...
#: Deport the lot."): the comment is read as written.
_TURN: Final = re.compile(
    r"\b(?:they|them|their|those|these|all|lot|still|but|though|however|yet|deport\w*|back|"
    r"go home|terror\w*|extremis\w*|islamis\w*|invad\w*|same|typical|always|never)\b",
    re.IGNORECASE,
)
#: The cheap test first, on the lower-cased text.
_NEEDED: Final = (
    "leave ", "give ", "get ", "buy ", "hope", "hoping", "pray", "poor ", "matter", "cares",
    "gives a", "yourself", "pack it", "grow up", "neck in", "cop on", "think before",
    "do better", "shame on", "record", "behave",
)  # fmt: skip
#: The greetings' cheap test: a short comment (the models misread short warm text; a long
#: comment's other words carry its reading) with one of their words.
_GREETING_NEEDED: Final = (
    "luck", "congrat", "well done", "well played", "bravo", "nice one", "happy ", "welcome ",
    "rest easy", "thank", "cheers", "respect", "love", "hugs", "best wishes", "go ",
    "come on ", "up the ", "see you", "all the best", "speedy", "get well",
)  # fmt: skip
GREETING_CHARS: Final = 200


#: The most words a comment may have beside its greetings for them to be cut: a greeting
#: is cut from a comment that is little else ("Get well soon Ron x", "Congratulations
#: Azad!"); beside a sentence of its own the comment is read as written ("Go Lisa! Go back
#: to the kitchen where you belong", "Get well soon Ron x... said nobody ever. Hope the
#: cancer wins": a blind review's, published by a first version that cut any greeting).
GREETING_REST_WORDS: Final = 3


def _kind(words: str) -> bool:
    """Whether kind words found are to be cut: they name no group of people (see the
    module docs) and hold no abuse themselves ("Happy Birthday Bitch!!")."""
    return not names_group(normalize_text(words)) and not ABUSE_AROUND.search(words)


def _greetings(text: str) -> list[tuple[int, int]]:
    """The spans of ``text``'s greetings, where the rest is at most
    :data:`GREETING_REST_WORDS` words and none of them abuse; else none."""
    found = [m.span("words") for m in GREETING.finditer(text) if _kind(m.group("words"))]
    rest = cut_out(text, merged(found)) if found else None
    if rest is None or len(re.findall(r"[^\W_]+", rest)) > GREETING_REST_WORDS:
        return []
    if _SENT_AWAY.search(rest):
        return []  # "Well done Rav, now go home." (a code review's)
    return found


#: Words in what is left beside a greeting that send someone away: read as written.
_SENT_AWAY: Final = re.compile(
    r"\b(?:go (?:back|home)|get (?:out|back|lost)|sen[dt] (?:\w+ )?back|piss off|fuck off|"
    r"clear off|ship (?:\w+ )?(?:out|back)|deport\w*|back home|leave)\b",
    re.IGNORECASE,
)


#: Beside a rebuke, words that make the rest an attack on the reader's kind, on women or
#: on how someone looks (a code review, session 50: "Cop on. Women like you should keep
#: your mouths shut." went from held at 0.84 to approved at 0.37 with the first version).
#: Not a bare "you": the rebukes' own civil reviews go on "... and you're picking at her
#: grammar" (9 of 40 held again with it, against 1).
_REBUKE_TURN: Final = re.compile(
    r"\b(?:(?:people |women |girls |men |blokes )?like you|your (?:kind|sort|lot|type)|you people|"
    r"you lot|women|girls|females|ladies|fat|ugly|hag|asking for it|belong|kitchen)\b",
    re.IGNORECASE,
)


def _rebuke_alone(text: str, words: tuple[int, int]) -> bool:
    """Whether a rebuke at ``words`` may be cut: the rest of ``text`` neither turns on the
    reader, women or looks (:data:`_REBUKE_TURN`) nor names a group of people ("Wind your
    neck in. Immigrants are all rapists and thieves." was read as its second sentence
    alone)."""
    rest = text[: words[0]] + " " + text[words[1] :]
    return _REBUKE_TURN.search(rest) is None and not names_group(normalize_text(rest))


def without_kind_words(text: str) -> str | None:
    """``text`` without its pleas to leave someone alone, its praise put as orders, its
    wishes of well-being, its pity, its indifference to a faith or a birth and its
    greetings, or None where it has none (see the module docs)."""
    lowered = text.lower()
    greets = len(text) <= GREETING_CHARS and any(map(lowered.__contains__, _GREETING_NEEDED))
    if not (greets or any(map(lowered.__contains__, _NEEDED))) or INVISIBLE.search(text):
        return None
    spans = [
        m.span("words")
        for pattern in (PLEA, PRAISE, WELL_WISH, PITY, REBUKE)
        for m in pattern.finditer(text)
        if _kind(m.group("words"))
        and (pattern is not REBUKE or _rebuke_alone(text, m.span("words")))
    ]
    if greets:
        spans += _greetings(text)
    spans += [
        m.span("words")
        for m in INDIFFERENCE.finditer(text)
        if not _TURN.search(text[: m.start("words")] + " " + text[m.end("words") :])
    ]
    if not spans:
        return None
    rest = cut_out(text, merged(spans))
    if rest is None or ABUSE_AROUND.search(rest):
        return None
    return rest
