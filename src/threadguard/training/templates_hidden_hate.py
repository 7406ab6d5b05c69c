"""Training templates for the hate that hides in news comments, beside civil look-alikes.

After deep@18 the default policy still missed about half of the team's functional cases of
sarcasm aimed at a group and of coded hate, and a third of implicit derogation and hate
put as an opinion (`threadguard eval --suite functional`, session 13). The earlier stop
templates (:mod:`threadguard.training.templates_news`) wrote each of these phenomena in
six or seven frames, so the model learnt those frames rather than the phenomenon. These
rows add many more, in other words and other shapes, and give each hostile shape a civil
twin with the same tone aimed at no group, so that tone alone cannot decide:

- hostile (toxicity and identity attack; the target is the group the text names, or the one
  a code stands for where it is unambiguous, else unknown):
  mock praise and ironic quotation marks aimed at a people; dog whistles, nicknames for a
  faith, insinuations "by the numbers", replacement and remigration talk, attacks on a
  faith's prophet or book; stereotypes put as an opinion or a "just saying"; dehumanising
  metaphors (invasion, parasites, weeds, swarms); calls to remove or harm a group (threat
  unknown for removal and for "dealing with" a group, as no harm is named);
- civil (nothing abusive, no target): the same sarcasm aimed at ministers, councils,
  railways and banks; stereotypes denied and groups defended; counter-speech that names a
  dog whistle to reject it; frustration with objects and services.

Written by the team from the phenomena's names only, kept apart from the evaluation
material: :func:`threadguard.training.augment.template_rows` carries these rows, and its
tests check that none shares a sentence or a run of five words with the functional suite,
the civil sentences, the friendly mentions or the blind check. Seeded: the same rows on
every run.
"""

from __future__ import annotations

import random
from typing import Final

import numpy as np

from threadguard.training.datasets import HEADS
from threadguard.training.templates_news import PLACES, civil, group_hate
from threadguard.training.templates_thread_replies import THREAD_PEOPLES

Row = tuple[str, np.ndarray]

#: Mock praise and ironic quotation marks aimed at a people (``{P}``/``{p}`` the plural,
#: ``{a}`` the adjective, ``{place}`` a town).
SARCASM: Final = (
    "Shocking news: {p} involved again. Who could possibly have guessed.",
    "I'm sure the {p} will integrate beautifully, just like the last lot did.",
    "Ah yes, the famously law-abiding {p}. Pull the other one.",
    "Wow, {p} complaining about unfair treatment. That's a first.",
    'Another triumph for the {a} "culture" we are all told to celebrate.',
    "Thank goodness the {p} arrived to teach us manners. Priceless.",
    'Bet the "hard-working" {p} are first in the queue for free housing.',
    'Surprise, surprise. The {a} "lads" again.',
    "Can't imagine why anyone in {place} would be wary of {p}. A total mystery.",
    "Truly the {p} are a gift to every town they settle in. Ask the locals.",
    'Oh good, the {a} "community leaders" have issued a statement. Problem solved.',
    "Funny how the {p} are always the victims, whatever they get up to.",
    "Clearly the {p} are the model citizens the brochure promised us.",
    "Full marks to the {p}: another high street ruined in record time.",
    "Breaking: {p} still not grateful for everything handed to them.",
    "Such a vibrant contribution from the {p} in {place} this weekend. Sirens all night.",
    "Yes, yes, {p} are just misunderstood. Every single time.",
    "Amazing how many {a} doctors and engineers end up selling knock-off phones.",
    "What a delightful cultural exchange: we give, the {p} take.",
    "Because nothing says peaceful like a street full of {p} after dark.",
)
#: Coded hate that names the people, or names the faith by a nickname.
CODED_NAMED: Final = (
    "Just asking: why do the crime figures never show the {a} share?",
    "Demographics is destiny, and in {place} the {p} are writing ours.",
    "Every city in Europe with lots of {p} has the same problem. Think about it.",
    "Look at the {a} birth rate, then tell me we are not being replaced.",
    "The {a} takeover of {place} is not a theory, it's the electoral roll.",
    "Give it a generation and {place} will be run by {p}. That's the plan.",
    "Notice how the {p} always stick together and take over whole districts.",
)
#: Coded hate with the people unnamed: (template, the group the code stands for, or None).
CODED_UNNAMED: Final[tuple[tuple[str, str | None], ...]] = (
    ('The "religion of peace" has been busy in {place} again.', "muslims"),
    ("Another fine day for the religion of peace, I see.", "muslims"),
    ("Their prophet was a warlord, and his followers have not changed one bit.", "muslims"),
    ("Read their holy book yourself: it is a manual for conquest.", "religion"),
    ("The usual globalist families own the press, so you will never read the truth here.", "jews"),
    ("Funny how it is always the same few bankers behind every war. No names, of course.", "jews"),
    ("Thirteen percent of the population and half the stabbings. Do the maths.", "black_people"),
    ('It is always "a man" in the headline. Never where he is from.', "nationality_migration"),
    ('"Refugees" with new phones and designer trainers. Of course they are.', "nationality_migration"),
    ("Those boats are full of fighting-age men, not refugees. It is an invasion.", "nationality_migration"),
    ("Diversity just means fewer of us every year. Say it louder.", None),
    ("The replacement in {place} is visible from any bus window.", None),
    ("When the newcomers outnumber the natives, the country is gone, starting with {place}.", "nationality_migration"),
)  # fmt: skip
#: Dog whistles that call for removal, the people unnamed: (template, group); no harm is
#: named, so the threat label stays unknown as in :data:`CALLS`.
UNNAMED_CALLS: Final = (
    ("Remigration now. All of them, no exceptions, no appeals.", "nationality_migration"),
)
#: Stereotypes put as an opinion, a confession or a "just saying".
OPINION: Final = (
    "I'm not racist, but {p} just don't value hard work the way we do.",
    "As far as I am concerned {p} are simply not capable of running anything.",
    "Personally I think {p} are born liars. That's just my view.",
    "I don't trust {p} and I never will, call me what you like.",
    "Let's be honest for once: {p} are lazier than the rest of us.",
    "It isn't hate to say {p} are less intelligent, it's observation.",
    "My honest view is that {p} are incompatible with a modern society.",
    "Every {a} person I have ever met was dishonest. Draw your own conclusions.",
    "Hiring {p} is asking for trouble, as anyone in business will tell you.",
    "{P} should stick to their own areas; it's better for everyone.",
    "I would never rent my flat to {p}, and most landlords think the same.",
    "Sorry, but {p} bring crime wherever they go. Facts are facts.",
    "Just saying, the {p} I know are all on benefits.",
    "{P} can't help it, dishonesty is in their nature.",
)
#: Dehumanising metaphors: invasion, parasites, weeds, swarms.
METAPHOR: Final = (
    "{P} are an invasive species and {place} is already overrun.",
    "Like weeds, {p} choke everything that grows around them.",
    "{P} are parasites feeding on the welfare state.",
    "A horde of {p} has set up camp on the edge of {place}.",
    "{P} spread through a city like mould through a damp wall.",
)
#: Calls to act against a group: (template, violent), None: removal or "dealing with" them,
#: no harm named. (deep@20, commit 9ea32f9, was trained with the two last frames, then coded
#: and metaphor frames, and :data:`UNNAMED_CALLS` labelled threat 0, and with a frame of
#: :data:`CODED_UNNAMED` starting a sentence in lower case.)
CALLS: Final[tuple[tuple[str, bool | None], ...]] = (
    ("Round up every {a} family and fly them out.", None),
    ("{P} should be wiped off the face of the earth.", True),
    ("Clear the {p} out of {place} by whatever means it takes.", True),
    ("Line the {p} up and be done with them for good.", True),
    ("No more {p}. Shut the border and start the removals.", None),
    ("Deport the {p} tomorrow, and the ones born here too.", None),
    ("Remigration for the {p} is not hate, it's housekeeping.", None),
    ("The {a} infestation in {place} needs dealing with properly.", None),
)

#: Institutions that sarcasm at no group may aim at.
INSTITUTIONS: Final = (
    "the council", "the ministry", "the rail operator", "the energy company", "the bank",
    "the club's board", "the water company", "the health trust", "the planning office",
)  # fmt: skip
#: The same tone as :data:`SARCASM`, aimed at an institution (``{i}``): civil.
SARCASM_CIVIL: Final = (
    "Shocking news: {i} missed its own deadline again. Who could possibly have guessed.",
    "I'm sure {i} will deliver beautifully, just like last time.",
    "Ah yes, {i}, famous for its honesty. Pull the other one.",
    "Wow, {i} promising lower bills. That's a first.",
    'Another triumph for the "efficiency savings" of {i}.',
    "Thank goodness {i} is here to explain the cuts to us. Priceless.",
    'Surprise, surprise. {I} blames "unforeseen circumstances" again.',
    "Truly {i} is a gift to this town. Ask anyone waiting for a reply.",
    "Oh good, {i} has issued a statement. Problem solved.",
    "Clearly {i} is the model of good management the brochure promised us.",
    "Full marks to {i}: another budget blown in record time.",
    "Yes, yes, {i} is just misunderstood. Every single time.",
)
#: Stereotypes denied and peoples defended, in an opinion's voice: civil.
DENIED: Final = (
    "I'm not convinced {p} are any different from the rest of us, honestly.",
    "In my experience {p} work as hard as anyone on this street.",
    "The claim that {p} bring crime is false; the local figures say otherwise.",
    "Saying {p} cannot run anything is nonsense, and the paper shouldn't print it.",
    "Personally I think the {p} in {place} have made the town better.",
    "Let's be honest for once: blaming {p} is easier than fixing the buses.",
    "I have rented to {p} for years and never had a problem.",
    "My honest view is that {p} are as much a part of {place} as I am.",
    "Sorry, but the idea that {p} are all on benefits is just untrue.",
    "Whoever says {p} are lazy has never done a night shift beside them.",
)
#: Dog whistles named in order to reject them: counter-speech, civil (it quotes them).
COUNTER: Final = (
    'Calling Islam "the religion of peace" with a sneer is bigotry with a smirk.',
    "The great replacement is a conspiracy theory; the census shows nothing of the kind.",
    "Remigration is a polite word for mass deportation, and it should be called that.",
    "Quoting crime percentages by race without context is how hate dresses up as maths.",
    'The "globalist bankers" line is an old antisemitic smear in new clothes.',
    "Whenever someone writes about an invasion of refugees, check who is paying for the ad.",
    "Comparing people to vermin or weeds is how every pogrom started.",
    'The "fighting-age men" talking point ignores who actually claims asylum.',
)
#: Frustration with things and services: may swear, attacks no one (profanity unknown).
OBJECTS: Final = (
    "This useless app logged me out again. Absolute junk.",
    "The new ticket machines at the station are a disgrace.",
    "My phone's update broke everything. What a pile of rubbish.",
    "That paywall pop-up is the most annoying thing on the internet.",
    "The roadworks on the ring road are a bloody nightmare.",
    "This printer is a worthless piece of garbage.",
    "The comment system here is rubbish, it ate my reply twice.",
    "Dreadful weather, dreadful trains, dreadful week.",
    "The council's new website is a total shambles.",
    "Damn this heatwave, the flat is like an oven.",
)
#: How many peoples fill each hostile frame and each civil one (seeded choices), from
#: :data:`THREAD_PEOPLES` (faiths, peoples and migrants: women and sexual minorities read
#: oddly in these frames). The civil side gets more, so the peoples' names lean civil here.
PEOPLES_PER_FRAME: Final = 5
PEOPLES_PER_CIVIL_FRAME: Final = 8


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _people(line: str, people: tuple[str, str, str], rng: random.Random) -> str:
    _, plural, adjective = people
    return _cap(line.format(P=_cap(plural), p=plural, a=adjective, place=rng.choice(PLACES)))


def _vented() -> np.ndarray:
    """Frustration with a thing: not toxic, no insult, no target; profanity unknown."""
    labels = civil()
    labels[HEADS.index("profanity")] = np.nan
    return labels


def hidden_hate_rows(seed: int = 41) -> list[Row]:
    """Every row, hostile then civil: each frame about peoples filled with
    :data:`PEOPLES_PER_FRAME` (civil: :data:`PEOPLES_PER_CIVIL_FRAME`) peoples chosen by a
    seeded generator, each civil sarcasm frame with every institution."""
    rng = random.Random(seed)
    rows: list[Row] = []
    for line in SARCASM + CODED_NAMED + OPINION + METAPHOR:
        for people in rng.sample(THREAD_PEOPLES, PEOPLES_PER_FRAME):
            rows.append((_people(line, people, rng), group_hate(people[0])))
    for line, violent in CALLS:
        for people in rng.sample(THREAD_PEOPLES, PEOPLES_PER_FRAME):
            rows.append((_people(line, people, rng), group_hate(people[0], violent=violent)))
    for line, group in CODED_UNNAMED:
        rows.append((line.format(place=rng.choice(PLACES)), group_hate(group)))
    rows += [(line, group_hate(group, violent=None)) for line, group in UNNAMED_CALLS]
    for line in SARCASM_CIVIL:
        for name in INSTITUTIONS:
            rows.append((_cap(line.format(i=name, I=_cap(name))), civil()))
    for line in DENIED:
        for people in rng.sample(THREAD_PEOPLES, PEOPLES_PER_CIVIL_FRAME):
            rows.append((_people(line, people, rng), civil()))
    rows += [(line, civil(quoting=True)) for line in COUNTER]
    rows += [(line, _vented()) for line in OBJECTS]
    return rows
