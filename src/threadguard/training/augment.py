"""Training data for the hard cases, generated from the team's own templates.

Public data sets have few examples of counter-speech, negated hate, or calm statements
about identity groups, so models learn "group mentioned = hate". These generators add
them (and their hateful counterparts, so the model must learn the difference, not the
group word), plus obfuscated copies of abusive training sentences.

Kept strictly apart from the functional evaluation suite: different templates, different
wording, and the suite is never read by training (a test checks that no suite sentence
appears here).
"""

from __future__ import annotations

import random
from collections.abc import Iterator

import numpy as np

from threadguard.schema import ATTRIBUTES, GROUPS, with_parents
from threadguard.training.datasets import HEADS
from threadguard.training.templates_civic import civic_rows
from threadguard.training.templates_contrast_replies import contrast_reply_rows
from threadguard.training.templates_everyday import everyday_rows
from threadguard.training.templates_hidden_hate import hidden_hate_rows
from threadguard.training.templates_identity import identity_rows
from threadguard.training.templates_news import context_template_rows, news_template_rows
from threadguard.training.templates_news_topics import news_topic_rows
from threadguard.training.templates_sexual_harassment import sexual_harassment_rows
from threadguard.training.templates_support import pushback_rows, support_rows
from threadguard.training.templates_thread_replies import thread_reply_rows
from threadguard.training.templates_threats import threats_rows
from threadguard.training.templates_written_desks import (
    written_desk_reply_rows,
    written_desk_rows,
)
from threadguard.training.templates_written_hate import written_hate_rows
from threadguard.training.templates_written_policy import written_policy_rows
from threadguard.training.templates_written_replies import written_reply_rows
from threadguard.training.templates_written_threats import written_threat_rows
from threadguard.training.templates_written_verdicts import written_verdict_rows

#: (schema group, how people write it)
GROUP_NAMES: tuple[tuple[str, str], ...] = (
    ("muslims", "Muslims"),
    ("muslims", "muslim families"),
    ("jews", "Jews"),
    ("jews", "jewish people"),
    ("christians", "Christians"),
    ("black_people", "Black people"),
    ("black_people", "black folks"),
    ("arabs", "Arabs"),
    ("asians", "Asians"),
    ("asians", "Chinese people"),
    ("white_people", "white people"),
    ("latinx", "Mexicans"),
    ("latinx", "Latinos"),
    ("nationality_migration", "immigrants"),
    ("nationality_migration", "refugees"),
    ("nationality_migration", "asylum seekers"),
    ("women", "women"),
    ("gender", "trans people"),
    ("sexual_orientation", "gay people"),
    ("sexual_orientation", "lesbians"),
    ("disability", "disabled people"),
    ("disability", "autistic people"),
)

DEROGATIONS = (
    "are vermin",
    "are animals",
    "are parasites",
    "are a disease on this country",
    "are subhuman",
    "are filthy and stupid",
    "are all criminals",
    "are a plague",
    "are worthless",
    "ought to be stopped from having children",
)
THREATS = (
    "should be shot",
    "deserve to be hanged",
    "need to be wiped out",
    "should be put down like dogs",
    "will get what's coming to them, we will make sure of it",
)
POSITIVE = (
    "{g} are welcome in our town.",
    "My neighbours are {g} and they are lovely people.",
    "{g} have contributed so much to this city.",
    "I stand with {g} against the harassment they face.",
    "Proud to work alongside {g} every day.",
    "The festival organised by {g} was the best event this summer.",
)
NEUTRAL = (
    "The article mentions that many {g} live in the north of the city.",
    "A survey of {g} found most of them commute by bus.",
    "The new community centre will serve {g} and everyone else nearby.",
    "How many {g} took part in the census last year?",
    "I am one of the {g} quoted in this piece.",
)
COUNTER_QUOTE = (
    'Someone wrote "{s}" and I find that disgusting.',
    'Posting "{s}" is exactly the kind of hate this site should remove.',
    'If your argument is "{s}", you have no argument.',
    'I was shocked to read "{s}" in these comments. Please report it.',
    'Quoting them: "{s}" - this is how dehumanisation starts, and we should call it out.',
)
COUNTER_REFER = (
    "Calling {g} vermin is vile and has no place here.",
    "Saying {g} are criminals is a lie and a smear.",
    "People who call {g} animals should be ashamed of themselves.",
    "It is wrong to blame {g} for what a few individuals did.",
    "Stop spreading hate about {g}; it hurts real families.",
)
NEGATED = (
    "You will never hear me claim {g} {d}.",
    "Nobody here believes {g} {d}.",
    "The claim {g} {d} is false.",
    "Anyone who claims {g} {d} is wrong.",
)
HATEFUL = (
    "{g} {d}.",
    "Honestly, {g} {d}.",
    "Everyone knows {g} {d}.",
    "Let's be real: {g} {d}",
    "Why do people pretend {g} aren't a problem? They {d2}.",
    "{g}? They {d2}, plain and simple.",
)
THREATENING = (
    "{g} {t}.",
    "All {g} {t}.",
    "If I see any {g} around here they {t}.",
)


def _row(**values: float) -> np.ndarray:
    row = np.full(len(HEADS), np.nan, dtype=np.float32)
    for name, v in values.items():
        row[HEADS.index(name)] = v
    return row


def _clear(profanity_missing: bool = False) -> np.ndarray:
    row = _row(**{a: 0.0 for a in ATTRIBUTES}, **{f"target:{g}": 0.0 for g in GROUPS})
    if profanity_missing:
        row[HEADS.index("profanity")] = np.nan
        row[HEADS.index("sexually_explicit")] = np.nan
    return row


def _hate(group: str, threat: bool) -> np.ndarray:
    row = _row(**{f"target:{g}": 0.0 for g in GROUPS})
    row[HEADS.index("toxicity")] = 1.0
    row[HEADS.index("identity_attack")] = 1.0
    row[HEADS.index("threat")] = 1.0 if threat else 0.0
    row[HEADS.index("severe_toxicity")] = 1.0 if threat else np.nan
    for g in with_parents({group}):
        row[HEADS.index(f"target:{g}")] = 1.0
    return row


def hard_cases(abusive_sentences: list[str], seed: int = 7) -> Iterator[tuple[str, np.ndarray]]:
    """(text, labels) pairs: counter-speech, negations, calm and hateful group statements."""
    rng = random.Random(seed)
    for group, name in GROUP_NAMES:
        cap = name[0].upper() + name[1:]
        for template in POSITIVE + NEUTRAL:
            yield template.format(g=name).replace(f". {name}", f". {cap}"), _clear()
        for template in COUNTER_REFER:
            yield template.format(g=name), _clear()
        for template in NEGATED:
            d = rng.choice(DEROGATIONS)
            yield template.format(g=name, d=d), _clear()
        for template in HATEFUL:
            d, d2 = rng.sample(DEROGATIONS, 2)
            text = template.format(g=name, d=d, d2=d2)
            yield text[0].upper() + text[1:], _hate(group, threat=False)
        for template in THREATENING:
            text = template.format(g=name, t=rng.choice(THREATS))
            yield text[0].upper() + text[1:], _hate(group, threat=True)
    for s in abusive_sentences:
        short = s.strip().replace('"', "'")
        if 20 <= len(short) <= 160:
            yield rng.choice(COUNTER_QUOTE).format(s=short), _clear(profanity_missing=True)


def obfuscate(text: str, rng: random.Random) -> str:
    """One spelling trick applied to one abusive-looking word: swap, drop, space or leet."""
    words = text.split()
    candidates = [i for i, w in enumerate(words) if len(w) >= 4 and w.isalpha()]
    if not candidates:
        return text
    i = rng.choice(candidates)
    w = words[i]
    trick = rng.randrange(4)
    if trick == 0:
        k = rng.randrange(1, len(w) - 1)
        w = w[: k - 1] + w[k] + w[k - 1] + w[k + 1 :]
    elif trick == 1:
        k = rng.randrange(1, len(w) - 1)
        w = w[:k] + w[k + 1 :]
    elif trick == 2:
        w = " ".join(w)
    else:
        w = w.translate(str.maketrans("aeios", "4310$"))
    words[i] = w
    return " ".join(words)


# --------------------------------------------------------------------------------------------
# Threats to a person, implicit derogation, hate phrased as a question or an opinion, and
# spelling tricks on hateful sentences: the behaviours the first deep tier missed. Each comes
# with calm sentences that share its words, so the model learns the meaning, not the words.
# --------------------------------------------------------------------------------------------

THREAT_OPENERS = (
    "",
    "Listen carefully: ",
    "Keep posting and ",
    "This is your last warning, ",
    "Mark my words, ",
    "One more comment like that and ",
    "Sleep well tonight, because ",
)
THREAT_BODIES = (
    "I will track you down and snap both your arms",
    "I am coming round to your house tonight, and I won't be alone",
    "you will not live to see the end of the month",
    "somebody is going to put a bullet through your skull",
    "I'll make sure you never walk again",
    "we know which car is yours and where you leave it at night",
    "I will hunt you down like the rat you are",
    "they'll be fishing you out of the canal",
    "I'm going to beat you until you stop moving",
    "your kids won't be safe on their way to school",
    "I'll torch your flat with you inside it",
    "you're going to get a knife in the ribs",
    "enjoy your last few days while you still can",
    "I will cut your throat",
    "I'll shoot you on sight",
    "you should check under your car before you start it",
    "I'll be waiting for you in the car park after your shift",
    "I know your address and I am not afraid to use it",
)
THREAT_TARGETS = ("the author", "the mayor", "that referee", "the reporter", "Councillor Hughes")
THIRD_PERSON_THREATS = (
    "Someone should drag {p} into the street and shoot them.",
    "If I ever meet {p} I will smash their face in.",
    "{p} deserves a beating and I'll be the one to give it.",
    "Put {p} in the ground and nobody will miss them.",
    "I hope {p} gets stabbed walking home, and I'd gladly do it myself.",
)
#: Violent words in harmless sentences: idioms, sport, games, cooking, news.
NOT_THREATS = (
    "I'm going to track down that recipe and send it to you.",
    "I'll be waiting for you outside the cinema at seven, don't be late.",
    "This heat is absolutely killing me today.",
    "I could murder a curry after that match.",
    "You are going to smash that exam tomorrow.",
    "Mind your step on the bridge, the ice will break your fall badly.",
    "We know where the problem is: the council never fixed the drains.",
    "The committee shot down the proposal in five minutes.",
    "That band slayed the crowd last night.",
    "The police say the suspect threatened the shop owner with a knife.",
    "In the game you hunt the dragon down and burn its lair.",
    "My knees are going to kill me after this hike.",
    "The knife skills class taught us to cut onions properly.",
    "The article describes how the victim was shot in 1994.",
    "Our striker will destroy their defence on Saturday.",
    "I'll find where you parked and bring your umbrella back.",
)

#: Threats that name no weapon and no blow: harm implied by what the writer knows, what
#: "happens" to people, or what is coming. The deep tier scored such sentences 0.0-0.5.
VEILED_THREATS = (
    "People who write rubbish like this tend to have accidents.",
    "Your address was not hard to find, you know.",
    "Nice red front door you have. Be a pity to see it kicked in.",
    "Accidents happen to people who talk too much.",
    "Carry on like this and you'll find out what we do to traitors.",
    "Nobody would hear you out in those woods.",
    "You won't feel so brave when we're standing on your doorstep.",
    "Tick tock, your time is nearly up.",
    "Hope your insurance covers fire damage, mate.",
    "Say that again and your teeth will be all over the pavement.",
    "We've got your number plate now. See you soon.",
    "Sleep with one eye open from now on.",
    "We clocked what time you leave the office every evening.",
    "Write one more word about us and it will be your last.",
    "The lads would love a quiet word with you behind the pub, just the four of us.",
    "They'll need dental records to identify you when we're done.",
    "Count your days, you rat.",
    "Your wife drives a blue Fiat, doesn't she? Lovely car.",
    "Funny how people like you keep falling down stairs.",
    "You have no idea who you are messing with, but you will soon.",
    "Don't bother locking your door, it won't help.",
    "One day soon you'll be looking over your shoulder and we'll be there.",
)
#: Threats against a group ({g}): threat, identity attack and the group.
GROUP_THREATS = (
    "The first {g} who sets foot in our village gets a brick through the window.",
    "{g} had better leave before we make them leave in pieces.",
    "Round up the {g} and let the dogs loose on them.",
    "Give me ten minutes alone with those {g} and a baseball bat.",
    "When the day comes, the {g} will be the first ones we deal with.",
)
#: The same words in harmless sentences.
NOT_VEILED = (
    "Accidents happen on that road, so please drive carefully tonight.",
    "Your address is needed on the form before Friday.",
    "We've got your number on file and will call you soon.",
    "Count your blessings, the storm missed our town.",
    "Sleep tight, and see you at breakfast.",
    "The lads from the pub are raising money for the hospice.",
    "Tick tock, the deadline for entries is Friday.",
    "Nobody could hear the band from the back of the field.",
    "Nice red front door, did you paint it yourself?",
    "Hope your insurance covers the flood damage, that looked awful.",
    "They identified the fossil from its teeth alone.",
    "Don't bother locking the bikes, the shed is alarmed.",
)

IMPLICIT = (
    "{g} only come here to live off our taxes.",
    "{g} never bother learning the language, they just take.",
    "Don't leave your wallet out when {g} are around.",
    "Crime doubled the year {g} moved onto our street.",
    "{g} wreck every neighbourhood they settle in.",
    "Keep {g} away from our schools and our kids.",
    "{g} don't share our values and they never will.",
    "This town was safe before {g} showed up.",
    "{g} are good for cheap labour and nothing else.",
    "Lock your doors, {g} have moved in next door.",
    "{g} breed like rabbits and expect us to pay for it.",
    "You can always tell when {g} have been somewhere, it stinks.",
)
QUESTIONS = (
    "Why do {g} always {b}?",
    "Why can't {g} just {b2}?",
    "When will people accept {g} {d}?",
    "Has anyone else noticed {g} {d}?",
    "Does nobody else see {g} {d}?",
    "How much longer before we admit {g} {d}?",
    "Can someone explain why {g} {b}?",
)
QUESTION_BAD = (
    "ruin everything they touch",
    "drag the whole area down",
    "refuse to do an honest day's work",
    "lie about everything",
    "act like savages",
)
QUESTION_BAD2 = (
    "stop breeding like rats",
    "go back to where they belong",
    "stop stealing from decent people",
)
OPINIONS = (
    "If you ask me, {g} {d}.",
    "Unpopular take, but {g} {d}.",
    "Call me old-fashioned, but {g} {d}.",
    "I'm not a bigot, but {g} {d}.",
    "Just my two cents: {g} {d}.",
    "I've always felt that {g} {d}.",
    "Say what you like, {g} {d}.",
)
#: Questions and opinions about the same groups that attack no one.
CALM_QUESTIONS_OPINIONS = (
    "Why do {g} still face so much discrimination at work?",
    "Can someone explain why {g} were left out of the consultation?",
    "Has anyone else noticed how few {g} sit on the council?",
    "If you ask me, {g} deserve far better than this coverage.",
    "Unpopular take, but {g} are treated unfairly by the tabloids.",
    "Just my two cents: {g} should have a say in this plan.",
    "Call me old-fashioned, but {g} are our neighbours and should be treated as such.",
    "Our street got safer when {g} opened the community patrol.",
)


def _threat_person() -> np.ndarray:
    row = _row(**{f"target:{g}": 0.0 for g in GROUPS})
    row[HEADS.index("toxicity")] = 1.0
    row[HEADS.index("threat")] = 1.0
    row[HEADS.index("identity_attack")] = 0.0
    return row


def _not_threat() -> np.ndarray:
    return _row(threat=0.0, toxicity=0.0, identity_attack=0.0, severe_toxicity=0.0)


def spelled_badly(text: str, rng: random.Random) -> str:
    """One more spelling trick, chosen to match how people dodge filters: swap or drop a
    letter, space a word out, run two words together, or leetspeak."""
    words = text.split()
    if len(words) >= 3 and rng.random() < 0.25:
        i = rng.randrange(len(words) - 1)
        return " ".join([*words[:i], words[i] + words[i + 1], *words[i + 2 :]])
    return obfuscate(text, rng)


def harder_cases(seed: int = 11) -> Iterator[tuple[str, np.ndarray]]:
    """(text, labels): threats to a person, implicit and question/opinion hate, their calm
    counterparts, and misspelt copies of the hateful ones."""
    rng = random.Random(seed)
    for opener in THREAT_OPENERS:
        for body in THREAT_BODIES:
            text = opener + body + "."
            yield text[0].upper() + text[1:], _threat_person()
    for person in THREAT_TARGETS:
        for template in THIRD_PERSON_THREATS:
            text = template.format(p=person)
            yield text[0].upper() + text[1:], _threat_person()
    for text in VEILED_THREATS:
        yield text, _threat_person()
        yield spelled_badly(text, rng), _threat_person()
    for _ in range(3):
        for text in NOT_THREATS + NOT_VEILED:
            yield text, _not_threat()
    for group, name in GROUP_NAMES:
        hateful = [t.format(g=name) for t in IMPLICIT]
        hateful += [
            t.format(
                g=name,
                b=rng.choice(QUESTION_BAD),
                b2=rng.choice(QUESTION_BAD2),
                d=rng.choice(DEROGATIONS),
            )
            for t in QUESTIONS + OPINIONS
        ]
        for text in hateful:
            text = text[0].upper() + text[1:]
            yield text, _hate(group, threat=False)
            yield spelled_badly(text, rng), _hate(group, threat=False)
        for template in GROUP_THREATS:
            text = template.format(g=name)
            yield text[0].upper() + text[1:], _hate(group, threat=True)
        for template in CALM_QUESTIONS_OPINIONS:
            text = template.format(g=name)
            yield text[0].upper() + text[1:], _clear()


#: Differently seeded passes of :func:`harder_cases` (other misspellings): these behaviours
#: are rare in the public sets, and one pass among ~10,000 replayed rows barely moved the
#: deep tier.
HARDER_SEEDS = (11, 12, 13)


def template_rows(quotes: list[str] | None = None) -> list[tuple[str, np.ndarray]]:
    """Every template row, what both tiers add to their training split: :func:`hard_cases`
    (quoting ``quotes``, abusive training sentences, in counter-speech), the seeded
    passes of :func:`harder_cases`, and the news-section templates of
    :mod:`threadguard.training.templates_news` (those without a parent), the support
    lines of :mod:`threadguard.training.templates_support` and the everyday mentions of
    :mod:`threadguard.training.templates_identity`, the swearing at no one and the
    stereotypes denied of :mod:`threadguard.training.templates_everyday`, and the threats
    to a person, their harmless look-alikes and the civil opinions on contested news of
    :mod:`threadguard.training.templates_threats` and their free-form wording of
    :mod:`threadguard.training.templates_written_threats`, and the civil news comments naming
    peoples, migrants and faiths beside their hostile counterparts of
    :mod:`threadguard.training.templates_civic`, and the hidden hate (sarcasm, codes,
    opinions, metaphors, calls) beside its civil twins of
    :mod:`threadguard.training.templates_hidden_hate`, and the civil comments on sex-related
    news and dismissals of things beside insults of
    :mod:`threadguard.training.templates_news_topics`, and the sexual harassment of a
    person beside its civil look-alikes of
    :mod:`threadguard.training.templates_sexual_harassment`, and the coded hate and sarcasm
    at a group beside their civil look-alikes, written in free form, of
    :mod:`threadguard.training.templates_written_hate`, and the civil opinions on
    immigration, religion and foreign policy beside attacks on the groups they name of
    :mod:`threadguard.training.templates_written_policy`, and the insults of one person,
    insinuated stereotypes and threats naming no harm beside their civil look-alikes of
    :mod:`threadguard.training.templates_written_desks`, and the sympathy, anger at crime,
    verdicts on events, criticism of public figures, swearing at no one and pushback
    beside the same words aimed at a person of
    :mod:`threadguard.training.templates_written_verdicts`."""
    rows = list(hard_cases(quotes or []))
    for seed in HARDER_SEEDS:
        rows += list(harder_cases(seed))
    return (
        rows
        + news_template_rows()
        + support_rows()
        + identity_rows()
        + everyday_rows()
        + threats_rows()
        + written_threat_rows()
        + civic_rows()
        + hidden_hate_rows()
        + news_topic_rows()
        + sexual_harassment_rows()
        + written_hate_rows()
        + written_policy_rows()
        + written_desk_rows()
        + written_verdict_rows()
    )


def context_rows() -> list[tuple[str, str, np.ndarray]]:
    """(text, parent, labels): the template replies read with their parent as context,
    for a trainer that reads context: the news section's replies that are hateful only
    given their parent, the replies to parents naming a group that attack it only through
    the parent (beside civil replies to the same parents), the same replies under a group
    parent and a parent naming no group (hostile under one, civil under the other), the
    pushback replies to hateful parents, and the replies written in free form under group
    and plain parents (:mod:`threadguard.training.templates_written_replies`,
    :mod:`threadguard.training.templates_written_desks`)."""
    return (
        context_template_rows()
        + thread_reply_rows()
        + contrast_reply_rows()
        + pushback_rows()
        + written_reply_rows()
        + written_desk_reply_rows()
    )
