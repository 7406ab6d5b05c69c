"""Training templates for news comment sections: what a news desk must publish, what it must stop.

The shipped models hold civil readers under political and religious-affairs stories (the
words "army", "Islam", "migrants" pull toxicity up) and miss hate that hides in coded
words, metaphors, sarcasm and replies. These generators write both sides with the same
vocabulary, so a model has to learn stance rather than topic:

- publish: civil news comments on nations, faiths, armies, parties and migration
  (questions, dry asides, sarcasm at no group, disagreement); defence of a group; news
  reports that quote hate;
- stop: coded hate and dog whistles; dehumanising metaphors (disease, vermin, invasion,
  cancer); calls for violence or expulsion; sarcasm aimed at a group;
- replies that are hateful only given their parent (and calm replies to the same parents),
  from :func:`context_template_rows`, as (text, parent, labels) for a trainer that reads
  context.

Kept apart from the evaluation material (the functional suite, the civil news sentences):
written separately, in other words, and a test checks that no template shares a run of
five words with any of it. Seeded: the same rows on every run.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from itertools import product
from string import Formatter
from typing import Final

import numpy as np

from threadguard.schema import ATTRIBUTES, GROUPS, with_parents
from threadguard.training.datasets import HEADS

Row = tuple[str, np.ndarray]

#: (schema group, plural as written in comments, adjective)
PEOPLES: Final[tuple[tuple[str, str, str], ...]] = (
    ("muslims", "Muslims", "Muslim"),
    ("jews", "Jews", "Jewish"),
    ("christians", "Christians", "Christian"),
    ("religion", "Sikhs", "Sikh"),
    ("religion", "Hindus", "Hindu"),
    ("black_people", "Somalis", "Somali"),
    ("black_people", "Nigerians", "Nigerian"),
    ("arabs", "Syrians", "Syrian"),
    ("arabs", "Iraqis", "Iraqi"),
    ("asians", "Vietnamese families", "Vietnamese"),
    ("race_ethnicity", "Roma families", "Roma"),
    ("race_ethnicity", "Pakistanis", "Pakistani"),
    ("latinx", "Guatemalans", "Guatemalan"),
    ("nationality_migration", "Afghan refugees", "Afghan"),
    ("nationality_migration", "Eritrean migrants", "Eritrean"),
    ("nationality_migration", "Ukrainian arrivals", "Ukrainian"),
    ("nationality_migration", "Albanians", "Albanian"),
    ("sexual_orientation", "gay men", "gay"),
    ("gender", "trans women", "trans"),
    ("women", "women", "female"),
)
PLACES: Final = (
    "Bradford", "Malmo", "Marseille", "Leicester", "Rotterdam", "the East End", "Molenbeek",
    "Luton", "our high street", "the old mill town", "the harbour district", "my village",
)  # fmt: skip


def label_row(values: dict[str, float]) -> np.ndarray:
    """A label row over HEADS: the given heads set, every other head unknown (NaN)."""
    row = np.full(len(HEADS), np.nan, dtype=np.float32)
    for head, value in values.items():
        row[HEADS.index(head)] = value
    return row


#: Every group-target head set to 0: a row that attacks no group (shared by the templates).
NO_TARGET: Final = {f"target:{g}": 0.0 for g in GROUPS}


def civil(quoting: bool = False) -> np.ndarray:
    """Nothing abusive and no group attacked. A report that quotes hate may still carry
    profane or explicit words, so those two stay unknown when ``quoting``."""
    values = {a: 0.0 for a in ATTRIBUTES} | NO_TARGET
    if quoting:
        del values["profanity"], values["sexually_explicit"]
    return label_row(values)


def group_hate(group: str | None, violent: bool | None = False) -> np.ndarray:
    """Toxic, an identity attack on ``group`` (and its coarse group; None: the text does
    not say which, so targets stay unknown). ``violent``: True a threat too, False not a
    threat, None unknown (a call to expel names no harm)."""
    values = {"toxicity": 1.0, "identity_attack": 1.0}
    if group is not None:
        values |= NO_TARGET | {f"target:{g}": 1.0 for g in with_parents({group})}
    if violent is not None:
        values["threat"] = 1.0 if violent else 0.0
    if violent:
        values["severe_toxicity"] = 1.0
    return label_row(values)


def _cap(text: str) -> str:
    return text[0].upper() + text[1:]


# --------------------------------------------------------------------------- publish

ARMY_LINES: Final = (
    "Did the {army} really leave {n} armoured vehicles by the roadside?",
    "So the {army} calls it a tactical regrouping. The maps call it something else.",
    "How long can the {army} keep rotating the same tired units?",
    "The {army} spokesman looked like he'd rather be anywhere else.",
    "Any chance the {army} will publish its own losses this year?",
    "Somebody in the {army} logistics office is having a very bad week.",
    "I'd like to hear what the {army} veterans themselves think of this.",
    "Bold of the {army} to announce a counter-offensive by press release.",
)
ARMIES: Final = (
    "Russian army", "Ukrainian army", "Israeli army", "Sudanese army", "Afghan army",
    "Iranian Revolutionary Guard", "Syrian army", "French Foreign Legion", "US Army",
    "British Army",
)  # fmt: skip
FAITH_LINES: Final = (
    "The {faith} leaders in {place} organised the food bank rota again this winter.",
    "Is the {faith} festival in {place} going ahead despite the rain?",
    "I'm not {faith} myself, but the open day at their centre in {place} was a pleasure.",
    "A planning row about a {faith} building in {place}, and everyone has an opinion on parking.",
    "Three {faith} charities in {place} have raised more than the council for the flood appeal.",
    "Would the paper cover it the same way if the {faith} community were not involved?",
)
PARTY_LINES: Final = (
    "The {party} promised cheaper rail fares and delivered a consultation.",
    "Has anyone from the {party} explained how the sums add up?",
    "I've voted {party} all my life, and this budget makes me think twice.",
    "The {party} campaign slogan has been changed four times since March.",
    "Love or loathe the {party}, their candidate actually turned up to the debate.",
    "Another {party} reshuffle, another set of ministers learning their briefs.",
)
PARTIES: Final = (
    "Labour", "Conservatives", "Liberal Democrats", "Greens", "Reform", "SNP", "Republicans",
    "Democrats", "Christian Democrats", "Social Democrats",
)  # fmt: skip
NATION_LINES: Final = (
    "What does {nation} actually want from these talks?",
    "{nation} has changed its position on the border three times this decade.",
    "The trade figures between {nation} and its neighbours tell a different story.",
    "Every expert quoted here lives far from {nation}; I'd like to hear someone who lives there.",
    "{nation}'s foreign minister gave a long answer that said very little.",
    "If {nation} walks away from the treaty, who is left to enforce it?",
)
NATIONS: Final = (
    "Turkey", "Iran", "Israel", "Egypt", "Pakistan", "Hungary", "China", "Russia", "Ukraine",
    "Saudi Arabia", "India", "Qatar",
)  # fmt: skip
MIGRATION_LINES: Final = (
    "The {people} I teach at evening class are the keenest students I've had.",
    "How many {people} are still waiting for a decision on their claims?",
    "The Home Office lost the paperwork of a dozen {people} again, according to the charity.",
    "Housing {people} in barges is expensive and nobody seems to know for how long.",
    "The local football club signed two {people} and the crowd sang their names on Saturday.",
    "Net migration fell last year; the {people} mentioned in the piece are a small part of it.",
)


def civil_news(rng: random.Random, per_line: int = 10) -> Iterator[Row]:
    """Civil comments that name armies, faiths, parties, nations and migrants."""
    fills = {
        "army": ARMIES,
        "party": PARTIES,
        "nation": NATIONS,
        "place": PLACES,
        "faith": tuple(adj for _, _, adj in PEOPLES[:5]),
        "people": tuple(p for g, p, _ in PEOPLES if g == "nationality_migration"),
        "n": ("forty", "a dozen", "sixty", "two hundred"),
    }
    for lines in (ARMY_LINES, FAITH_LINES, PARTY_LINES, NATION_LINES, MIGRATION_LINES):
        for line in lines:
            slots = sorted({name for _, name, _, _ in Formatter().parse(line) if name})
            combos = list(product(*(fills[k] for k in slots)))
            for combo in rng.sample(combos, min(per_line, len(combos))):
                yield _cap(line.format(**dict(zip(slots, combo, strict=True)))), civil()


DEFENCE_LINES: Final = (
    "{P} are part of this town, and whoever attacked them does not speak for us.",
    "I have worked beside {p} for twenty years; the abuse in this thread is shameful.",
    "Nobody should be spat at in the street for being {a}.",
    "Standing up for {p} after what happened is the least decent people can do.",
    "{P} pay the same taxes and have the same rights as the rest of us.",
    "The attack on {p} outside the community hall in {place} was cowardly.",
    "My {a} colleagues deserve to feel safe coming to work.",
    "Hating {p} will not fix a single pothole or hospital waiting list.",
)
DISAGREE_LINES: Final = (
    "I disagree with {actor} on {issue}: {reason}.",
    "With respect, {actor} has {issue} wrong, because {reason}.",
    "I see why {actor} backs {issue}, but {reason}.",
    "On {issue} I'm with the critics; {reason}.",
)
ACTORS: Final = (
    "the minister", "the editorial", "the cardinal", "the opposition leader",
    "the chief rabbi", "the commenter above", "the foreign secretary", "the imam quoted here",
)  # fmt: skip
ISSUES: Final = (
    "the asylum cap", "faith schools", "the arms sales", "the refugee quota",
    "the headscarf rule", "the embassy move", "the ceasefire terms", "the deportation flights",
    "the blasphemy law", "the visa fees",
)  # fmt: skip
REASONS: Final = (
    "the numbers do not support it",
    "it will cost far more than it saves",
    "the same idea failed a decade ago",
    "the courts are likely to strike it down",
    "it punishes the wrong people",
    "nobody asked the communities affected",
)
REPORT_FRAMES: Final = (
    'Police said the suspect shouted "{q}" at a bus stop before he was arrested.',
    'The watchdog counted hundreds of posts saying "{q}", mostly from anonymous accounts.',
    'Magistrates were told he had daubed "{q}" on the wall of a community centre.',
    'The charity says calls to its helpline doubled after flyers reading "{q}" appeared.',
    'In court the prosecutor read the message aloud: "{q}".',
    'The leaked recording has the candidate saying "{q}", which his party now disowns.',
)
QUOTES: Final = (
    "{p} out", "no {p} here", "{p} are filth", "{p} go home", "kill all {p}", "{p} are animals",
    "{p} are a disease",
)  # fmt: skip


def publish(rng: random.Random) -> Iterator[Row]:
    """Defence of groups, civil disagreement, and news reports that quote hate."""
    for _, plural, adj in PEOPLES:
        for line in DEFENCE_LINES:
            text = line.format(P=_cap(plural), p=plural, a=adj, place=rng.choice(PLACES))
            yield text, civil()
        for frame in rng.sample(REPORT_FRAMES, 4):
            quote = rng.choice(QUOTES).format(p=plural)
            yield frame.format(q=_cap(quote)), civil(quoting=True)
    for line in DISAGREE_LINES:
        for issue in ISSUES:
            for _ in range(3):
                text = line.format(
                    actor=rng.choice(ACTORS), issue=issue, reason=rng.choice(REASONS)
                )
                yield _cap(text), civil()


# --------------------------------------------------------------------------- stop

CODED: Final = (
    'Another "{euph}" incident in {place}. We all know what that means.',
    "{place} has been replaced, street by street. Ask who replaced it.",
    "Remigration is the only policy that adds up for {place}.",
    '{place} is a no-go zone now, thanks to the "new arrivals".',
    "Funny how the {a} names keep turning up in the court pages from {place}.",
    "Look at the school register in {place} and tell me the replacement is a myth.",
    "They call it {euph}. Those of us who live in {place} call it an occupation.",
)
EUPHEMISMS: Final = ("cultural enrichment", "vibrant youth", "community tension", "diversity")
METAPHORS: Final = (
    "{P} are a {disease} eating away at {place}.",
    "{P} breed in those estates like {vermin}.",
    "{P} are an occupying force, and {place} has already fallen.",
    "Every {a} family that moves in spreads the {disease} a little further.",
    "{P} are swarming over {place} like {vermin} over a carcass.",
    "Cut the {a} {disease} out of {place} before it spreads.",
)
DISEASES: Final = ("rot", "blight", "tumour", "infection", "gangrene", "cancer")
VERMIN: Final = ("rats", "maggots", "fleas", "lice", "cockroaches")
#: Calls to act against a group: (template, violent), violent None for expulsion (no
#: harm named, so whether it is a threat is left unknown).
CALLS: Final[tuple[tuple[str, bool | None], ...]] = (
    ("The {p} in {place} should be hunted out street by street.", True),
    ("Burn their {building} and the {p} will get the message.", True),
    ("Somebody needs to take a rifle to the {p} before it's too late.", True),
    ("Give the {p} a beating they'll remember and they'll leave on their own.", True),
    ("Throw every last one of the {p} out of the country.", None),
    ("Expel the {p} and seal the border behind them.", None),
    ("Strip the {p} of their passports and put them on the first flight out.", None),
    ("{P} have no place in {place}; send them back, all of them.", None),
)
BUILDINGS: Final = ("shops", "houses", "centre", "place of worship", "cars")
SARCASM: Final = (
    "Oh wonderful, more {p}. Just what {place} needed.",
    "Yes, {p} are world famous for their honesty.",
    "Can't wait for the {p} to enrich our schools a bit more.",
    "{P} contributing to society again, I see. The police are thrilled.",
    "Lovely, another {a} celebration. I'll warn the fire brigade.",
    "Of course the {p} are the real victims here. They always are.",
)


def _fill(line: str, plural: str, adj: str, rng: random.Random) -> str:
    """One stop template about one group, its other slots filled at random."""
    return _cap(
        line.format(
            P=_cap(plural),
            p=plural,
            a=adj,
            place=rng.choice(PLACES),
            euph=rng.choice(EUPHEMISMS),
            disease=rng.choice(DISEASES),
            vermin=rng.choice(VERMIN),
            building=rng.choice(BUILDINGS),
        )
    )


def stop(rng: random.Random) -> Iterator[Row]:
    """Coded hate, dehumanising metaphors, calls for violence or expulsion, sarcasm at a
    group: each about every group, with seeded fillers."""
    for group, plural, adj in PEOPLES:
        for line in rng.sample(CODED, 3):
            named = "{a}" in line or "{p}" in line.lower()
            yield _fill(line, plural, adj, rng), group_hate(group if named else None)
        for line in METAPHORS + SARCASM:
            yield _fill(line, plural, adj, rng), group_hate(group)
        for line, violent in CALLS:
            yield _fill(line, plural, adj, rng), group_hate(group, violent=violent)


# --------------------------------------------------------------------------- context

PARENTS: Final = (
    "A family of {p} has moved into the house opposite.",
    "The {a} community is opening a centre on Mill Lane.",
    "Our new head teacher is {a}.",
    "{P} from the shelter volunteered at the park clean-up.",
    "The council wants to house forty {p} in the old hotel.",
)
HATEFUL_REPLIES: Final = (
    "Hide the valuables, then.",
    "Time to put the house on the market.",
    "Enjoy the neighbourhood while it lasts.",
    "Make sure the locks are new.",
    "I give the street two years.",
)
CALM_REPLIES: Final = (
    "Lovely, the street could do with some new faces.",
    "Good to hear, I hope people make them welcome.",
    "That's great news for the neighbourhood.",
    "Nice, I'll pop round and say hello.",
    "Fair enough, as long as the parking is sorted.",
)


def context_template_rows(seed: int = 23) -> list[tuple[str, str, np.ndarray]]:
    """(reply, parent, labels): replies hateful only given their parent, beside calm
    replies to the same parents, so a context-reading model learns what the reply answers."""
    rng = random.Random(seed)
    rows: list[tuple[str, str, np.ndarray]] = []
    for group, plural, adj in PEOPLES:
        for parent in PARENTS:
            text = _cap(parent.format(P=_cap(plural), p=plural, a=adj))
            rows.append((rng.choice(HATEFUL_REPLIES), text, group_hate(group)))
            rows.append((rng.choice(CALM_REPLIES), text, civil()))
    return rows


def news_template_rows(seed: int = 17) -> list[Row]:
    """Every news template row without context: publish and stop, seeded; a text that
    the random fillers produced twice is kept once."""
    rng = random.Random(seed)
    seen: set[str] = set()
    rows = []
    for text, labels in (*civil_news(rng), *publish(rng), *stop(rng)):
        if text not in seen:
            seen.add(text)
            rows.append((text, labels))
    return rows
