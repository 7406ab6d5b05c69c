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

from threadguard.schema import ATTRIBUTES, GROUPS
from threadguard.training.datasets import HEADS

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

_COARSE = {
    "muslims": "religion",
    "jews": "religion",
    "christians": "religion",
    "black_people": "race_ethnicity",
    "arabs": "race_ethnicity",
    "asians": "race_ethnicity",
    "white_people": "race_ethnicity",
    "latinx": "race_ethnicity",
    "women": "gender",
}

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
    "should not be allowed to breed",
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
    "I would never say that {g} {d}.",
    "Nobody here believes {g} {d}.",
    "It is simply false that {g} {d}.",
    "I don't think {g} {d}, and anyone who does is wrong.",
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
    row[HEADS.index(f"target:{group}")] = 1.0
    if group in _COARSE:
        row[HEADS.index(f"target:{_COARSE[group]}")] = 1.0
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
