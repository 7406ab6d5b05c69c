"""Training templates for strong words that attack no one, and for stereotypes denied.

Readers swear at the weather, at a bus app, at their own bad luck, and in delight ("what a
bloody brilliant match"). deep@13 scored such sentences toxicity 0.4-0.8 and harsh words
about a machine insult up to 0.87, so the default policy held two in three of them: the
public sets rarely show a swear word that hurts no one, and Jigsaw-style labels count
profanity as toxic. A reader held for cursing a pothole feels accused of abuse. Likewise
a sentence that *denies* a stereotype ("X are not Y; the figures say otherwise") repeats
the stereotype's words, and scored identity attack up to 0.66.

So these rows teach the target, not the word, to decide:

- swearing at no one and harsh words about things, situations and weather: civil, no
  insult or attack, profanity 1 where the word is a strong swear word (unknown for mild
  ones such as "damn" or "crap", which raters split on);
- the same words aimed at a person (a commenter, an official): toxic and an insult, so
  the model cannot learn that a swear word makes a sentence civil;
- stereotypes denied or corrected, civil, beside the same stereotypes asserted, labelled
  identity attacks on the group.

Kept apart from the evaluation material: the overlap test reads these rows through
:func:`threadguard.training.augment.template_rows` (no sentence and no five-word run
shared with the functional suite, the civil sentences or the friendly mentions).
Deterministic: the same rows on every run.
"""

from __future__ import annotations

import random
from typing import Final

import numpy as np

from threadguard.training.datasets import HEADS
from threadguard.training.templates_news import civil, group_hate

#: (word as written at the start of a sentence, whether it is a strong swear word)
EXCLAMATIONS: Final[tuple[tuple[str, bool], ...]] = (
    ("Fuck me", True),
    ("Oh for fuck's sake", True),
    ("Fucking hell", True),
    ("Shit", True),
    ("Oh shit", True),
    ("Bollocks", True),
    ("Christ almighty", False),
    ("Damn it", False),
    ("Bloody hell", False),
    ("Crap", False),
    ("Hell's bells", False),
    ("Sweet Jesus", False),
    ("Holy fuck", True),
    ("Ah, shite", True),
)

#: Everyday luck, good and bad, as a reader of a local paper writes it.
SITUATIONS: Final = (
    "the ferry is cancelled for the third day running",
    "my team scored in the ninety-fourth minute",
    "the council tax bill went up again",
    "I left my umbrella on the tram",
    "the heating broke on the coldest night of the year",
    "our street finally got its fibre connection",
    "the queue at the post office went round the block",
    "I burnt the Sunday roast",
    "the river has burst its banks again",
    "the bakery on the corner is closing",
    "my daughter passed her driving test",
    "the power went out halfway through the final",
    "the roadworks on the bypass started again",
    "the price of diesel jumped overnight",
    "I knocked my tea over the crossword",
    "the allotment flooded",
    "the school run took an hour this morning",
    "we won the pub quiz at last",
    "the dog ate my train ticket",
    "the snow closed every road out of the village",
    "the vet bill came to four hundred quid",
    "my flight got moved to five in the morning",
    "the lifeguards are back at the lido",
    "the new library opening got postponed",
)

#: A swear word as an intensifier of praise or complaint, with what it intensifies.
INTENSIFIED: Final[tuple[tuple[str, bool], ...]] = (
    ("The fireworks over the bay were {w} spectacular", True),
    ("That second half was {w} tense", True),
    ("The hill up to the hospital is {w} steep", True),
    ("Rents in this town are {w} ridiculous", True),
    ("The brass band at the fete was {w} marvellous", True),
    ("The motorway services charge {w} daylight robbery for a sandwich", False),
    ("It was {w} freezing at the bus stop this morning", True),
    ("Her speech at the vigil was {w} moving", True),
)
INTENSIFIERS: Final[tuple[tuple[str, bool], ...]] = (
    ("fucking", True),
    ("bloody", False),
    ("damn", False),
    ("effing", False),
)

#: Things readers curse: machines, services, weather, places.
THINGS: Final = (
    "ticket machine",
    "parking app",
    "boiler",
    "lawn sprinkler",
    "traffic light on Mill Lane",
    "self-service till",
    "satnav",
    "toaster",
    "washing machine",
    "online tax portal",
    "phone signal in this valley",
    "council bin collection app",
    "wind off the estuary",
    "drizzle",
    "one-way system in the town centre",
    "printer at the library",
    "smart meter",
    "car park barrier",
)
HARSH: Final[tuple[tuple[str, bool], ...]] = (
    ("stupid", False),
    ("useless", False),
    ("pathetic", False),
    ("idiotic", False),
    ("rubbish", False),
    ("crappy", False),
    ("worthless", False),
    ("shitty", True),
    ("fucking", True),
    ("godawful", False),
)
COMPLAINTS: Final = (
    "has eaten my money again",
    "broke down on the first warm day",
    "wants a password every five minutes",
    "has made me late twice this week",
    "never works when it rains",
    "cost more than it saved",
    "is the worst purchase I ever made",
    "has ruined another weekend",
)
THING_FRAMES: Final = (
    "This {h} {t} {c}.",
    "The {h} {t} {c}, naturally.",
    "Honestly, that {h} {t} {c}.",
    "Our {h} {t} {c}. I give up.",
)

#: The same words aimed at a person: a commenter ("you") or a named official.
PEOPLE: Final = (
    "you",
    "the councillor who wrote this",
    "that columnist",
    "the poster above",
    "our MP",
    "the referee",
)
PERSON_FRAMES: Final = (
    "Shut up, {p}, you {h} clown.",
    "Only a {h} moron like {p} would write this.",
    "{P} is a {h} waste of space.",
    "Nobody asked, {p}, you {h} halfwit.",
)

#: (plural as written, schema group, stereotype as a predicate, the evidence that denies it)
STEREOTYPES: Final[tuple[tuple[str, str, str, str], ...]] = (
    ("migrants", "nationality_migration", "are freeloaders", "most of them pay more tax"),
    ("Muslims", "muslims", "cannot be trusted", "my GP and my neighbours are Muslim"),
    ("Jewish people", "jews", "control the banks", "the banks are run by shareholders"),
    ("women", "women", "cannot lead", "half the best councils are led by women"),
    ("gay men", "sexual_orientation", "are a danger to kids", "the evidence says no such thing"),
    (
        "Roma families",
        "race_ethnicity",
        "are thieves",
        "the police figures show nothing of the sort",
    ),
    ("Black teenagers", "black_people", "are thugs", "the youth club is full of decent kids"),
    (
        "wheelchair users",
        "disability",
        "are scroungers",
        "most of them work and pay in like anyone",
    ),
    ("trans people", "gender", "are predators", "no study has found that"),
    ("asylum seekers", "nationality_migration", "are criminals", "the crime rate says otherwise"),
    ("Chinese people", "asians", "spread disease", "a virus does not pick a nationality"),
    ("Christians", "christians", "are all bigots", "the church runs the food bank"),
)
DENIALS: Final = (
    "It is a myth that {g} {s}; {e}.",
    "Sorry, but the claim that {g} {s} is just not true: {e}.",
    "Whoever keeps saying {g} {s} should know that {e}.",
    "No, {g} {neg}. {E}.",
    "The idea that {g} {s} has been debunked, and {e}.",
)
ASSERTIONS: Final = (
    "Face it, {g} {s}.",
    "Everyone round here knows {g} {s}.",
    "Say what you like, {g} {s}, and that will never change.",
)


def _swearing(strong: bool) -> np.ndarray:
    """Civil, and profane when the word is a strong swear word (unknown for a mild one)."""
    row = civil()
    row[HEADS.index("profanity")] = 1.0 if strong else np.nan
    return row


def _insult(strong: bool) -> np.ndarray:
    """Toxic and an insult to a person, not to a group; profane as :func:`_swearing`."""
    row = np.full(len(HEADS), np.nan, dtype=np.float32)
    for head, value in (
        ("toxicity", 1.0),
        ("insult", 1.0),
        ("identity_attack", 0.0),
        ("threat", 0.0),
        ("sexually_explicit", 0.0),
        ("profanity", 1.0 if strong else np.nan),
    ):
        row[HEADS.index(head)] = value
    return row


def _negated(predicate: str) -> str:
    """ "are thieves" -> "are not thieves", "cannot lead" -> "can lead as well as anyone",
    "control the banks" -> "do not control the banks"."""
    if predicate.startswith("are "):
        return "are not " + predicate[4:]
    if predicate.startswith("cannot "):
        return "can " + predicate[7:] + " as well as anyone"
    return "do not " + predicate


def swearing_rows(seed: int = 41) -> list[tuple[str, np.ndarray]]:
    """Swearing at luck, weather and things (civil), and at people (insults)."""
    rng = random.Random(seed)
    rows: list[tuple[str, np.ndarray]] = []
    for situation in SITUATIONS:
        for word, strong in rng.sample(EXCLAMATIONS, 4):
            text = (
                f"{word}, {situation}."
                if rng.random() < 0.5
                else f"{situation[0].upper()}{situation[1:]}. {word}!"
            )
            rows.append((text, _swearing(strong)))
    for frame, _ in INTENSIFIED:
        for word, strong in INTENSIFIERS:
            rows.append((frame.format(w=word) + ".", _swearing(strong)))
    for thing in THINGS:
        for harsh, strong in rng.sample(HARSH, 4):
            frame = rng.choice(THING_FRAMES)
            rows.append(
                (frame.format(h=harsh, t=thing, c=rng.choice(COMPLAINTS)), _swearing(strong))
            )
    for person in PEOPLE:
        for harsh, strong in rng.sample(HARSH, 4):
            frame = rng.choice(PERSON_FRAMES)
            text = frame.format(h=harsh, p=person, P=person[0].upper() + person[1:])
            rows.append((text, _insult(strong)))
    return rows


def stereotype_rows() -> list[tuple[str, np.ndarray]]:
    """Stereotypes denied (civil) beside the same stereotypes asserted (identity attacks)."""
    rows: list[tuple[str, np.ndarray]] = []
    for plural, group, predicate, evidence in STEREOTYPES:
        values = {
            "g": plural,
            "s": predicate,
            "e": evidence,
            "E": evidence[0].upper() + evidence[1:],
            "neg": _negated(predicate),
        }
        for frame in DENIALS:
            text = frame.format(**values)
            rows.append((text[0].upper() + text[1:], civil(quoting=True)))
        for frame in ASSERTIONS:
            text = frame.format(**values)
            rows.append((text[0].upper() + text[1:], group_hate(group)))
    return rows


def everyday_rows() -> list[tuple[str, np.ndarray]]:
    """Every row of this module, in a fixed order."""
    return swearing_rows() + stereotype_rows()
