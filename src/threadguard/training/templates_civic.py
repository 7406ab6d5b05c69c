"""Training templates for civil news comments that name nationalities, migrants, faiths and
armies, beside the same topics turned into attacks on the group.

The deep tier scored plainly civil comments under news articles toxicity and identity
attack 0.5-0.7 when they named a nationality (most of all African, Middle-Eastern and
Eastern-European ones), refugees or asylum seekers, a religion, an army or an alliance.
The public hate-speech sets (tweets against immigrants above all) meet these words
almost only inside abuse, so the model learnt that "sent back", "go home", "allowed to
work" or "returning" mean hate, even in a question or a plain news fact.

So these rows teach the frame, not the word:

- civil (every toxicity-type head 0, no group targeted): questions and statements about
  migration logistics and policy (permits, housing, numbers arriving and returning,
  processing times, returns as news facts, integration courses, quotas), foreign
  countries and their peoples (trade, energy, elections, weather, sport, aid, conflict),
  faiths (holidays, buildings, leaders, schools), armies, alliances and parties, readers
  writing as immigrants or members of the group themselves, and dry sarcasm about
  governments and policies that targets no group;
- hostile (toxicity and identity attack, the group as target): the same topics turned
  on the group: go home, send them back, no work or rights for who they are, criminals
  and parasites, expel them all. Threat is unknown for a call to expel (no harm named)
  and 0 otherwise.

Every group noun fills civil frames at least twice as often as hostile ones, so the noun
alone cannot decide. Kept apart from the evaluation material: the overlap test reads
these rows through :func:`threadguard.training.augment.template_rows` (no sentence and
no five-word run shared with the functional suite, the civil sentences, the friendly
mentions or the blind check). Deterministic: the same rows on every run.
"""

from __future__ import annotations

import random
from typing import Final

import numpy as np

from threadguard.schema import GROUPS, with_parents
from threadguard.training.datasets import HEADS
from threadguard.training.labels import capitalised
from threadguard.training.templates_news import civil, label_row

Row = tuple[str, np.ndarray]
_TOXICITY: Final = HEADS.index("toxicity")

#: (plural as written, adjective, country as written in a sentence, schema groups besides
#: nationality_migration that an attack on them targets)
NATIONALITIES: Final[tuple[tuple[str, str, str, tuple[str, ...]], ...]] = (
    ("Nigerians", "Nigerian", "Nigeria", ("black_people",)),
    ("Somalis", "Somali", "Somalia", ("black_people",)),
    ("Eritreans", "Eritrean", "Eritrea", ("black_people",)),
    ("Sudanese families", "Sudanese", "Sudan", ("black_people",)),
    ("Ghanaians", "Ghanaian", "Ghana", ("black_people",)),
    ("Congolese families", "Congolese", "the Congo", ("black_people",)),
    ("Ethiopians", "Ethiopian", "Ethiopia", ("black_people",)),
    ("Moroccans", "Moroccan", "Morocco", ("arabs",)),
    ("Syrians", "Syrian", "Syria", ("arabs",)),
    ("Iraqis", "Iraqi", "Iraq", ("arabs",)),
    ("Yemenis", "Yemeni", "Yemen", ("arabs",)),
    ("Lebanese families", "Lebanese", "Lebanon", ("arabs",)),
    ("Afghans", "Afghan", "Afghanistan", ()),
    ("Iranians", "Iranian", "Iran", ()),
    ("Turks", "Turkish", "Turkey", ()),
    ("Romanians", "Romanian", "Romania", ()),
    ("Bulgarians", "Bulgarian", "Bulgaria", ()),
    ("Poles", "Polish", "Poland", ()),
    ("Ukrainians", "Ukrainian", "Ukraine", ()),
    ("Albanians", "Albanian", "Albania", ()),
    ("Moldovans", "Moldovan", "Moldova", ()),
    ("Lithuanians", "Lithuanian", "Lithuania", ()),
    ("Pakistanis", "Pakistani", "Pakistan", ("race_ethnicity",)),
    ("Bangladeshis", "Bangladeshi", "Bangladesh", ("race_ethnicity",)),
    ("Sri Lankans", "Sri Lankan", "Sri Lanka", ("race_ethnicity",)),
    ("Vietnamese families", "Vietnamese", "Vietnam", ("asians",)),
    ("Chinese people", "Chinese", "China", ("asians",)),
    ("Filipinos", "Filipino", "the Philippines", ("asians",)),
    ("Venezuelans", "Venezuelan", "Venezuela", ("latinx",)),
    ("Colombians", "Colombian", "Colombia", ("latinx",)),
    ("Guatemalans", "Guatemalan", "Guatemala", ("latinx",)),
    ("Hondurans", "Honduran", "Honduras", ("latinx",)),
    ("Mexicans", "Mexican", "Mexico", ("latinx",)),
    ("Germans", "German", "Germany", ()),
    ("Americans", "American", "the United States", ()),
    ("Australians", "Australian", "Australia", ()),
    ("Italians", "Italian", "Italy", ()),
)
#: People named by their migration status, not their country.
MIGRANTS: Final = (
    "refugees",
    "migrants",
    "asylum seekers",
    "immigrants",
    "new arrivals",
    "stateless people",
)
#: (plural, adjective, building, holiday, leader, schema group)
FAITHS: Final[tuple[tuple[str, str, str, str, str, str], ...]] = (
    ("Muslims", "Muslim", "mosque", "Eid", "imam", "muslims"),
    ("Jews", "Jewish", "synagogue", "Passover", "rabbi", "jews"),
    ("Christians", "Christian", "church", "Easter", "vicar", "christians"),
    ("Catholics", "Catholic", "cathedral", "Lent", "bishop", "christians"),
    ("Hindus", "Hindu", "mandir", "Diwali", "temple priest", "religion"),
    ("Sikhs", "Sikh", "gurdwara", "Vaisakhi", "granthi", "religion"),
    ("Buddhists", "Buddhist", "meditation centre", "Vesak", "abbot", "religion"),
)

# --------------------------------------------------------------------------- civil

#: Migration logistics and policy, as a question or a plain fact: ``{p}`` the plural.
MIGRATION_FRAMES: Final = (
    "Are {p} allowed to work while their claim is being decided, or do they have to wait?",
    "How long are {p} waiting for a first asylum interview these days?",
    "According to the figures, {n} {p} were sent back under the returns agreement last year.",
    "Does anyone know how many {p} crossed in the first half of the year?",
    "The work permit for {p} now costs more than a month's rent, says the advice centre.",
    "Where will the {p} housed at the airport hotel go when the contract runs out in May?",
    "The integration course for {p} at our college has a waiting list of eight months.",
    "So {n} {p} went home voluntarily last year? That figure is higher than I expected.",
    "Is the quota for {p} set by the ministry or by each region?",
    "The piece says most {p} here work in care homes, warehouses and hospital kitchens.",
    "Genuine question: do {p} pay into the pension system from their first payslip?",
    "Processing times for {p} have doubled since the new rules, going by the charity's data.",
    "The return flights for {p} whose appeals failed were delayed again, the article says.",
    "How many of the {p} who arrived in 2022 are in work now? That's the number I'd want.",
    "Language lessons for {p} in our district lost their funding in March.",
    "Were the {p} on that flight deported, or did they sign up for assisted return?",
    "Council housing officers say {p} make up a small share of the waiting list.",
    "I'd be curious what the {p} themselves think of the new sponsorship scheme.",
    "If {p} could apply for permits from abroad, fewer would risk the boats. Worth a look.",
    "The tribunal backlog for {p} is now over a year, per the annual report.",
    "Plenty of {p} say they will go home once the fighting stops, the survey found.",
    "Are {p} taking up the new care-worker visas, or are most places still unfilled?",
    "Can {p} bring their families over on this visa, or only after five years?",
    "The paper says {n} {p} are still in emergency accommodation across the region.",
    "Do {p} on temporary protection need a new permit if they change employer?",
    "Removals of {p} with refused claims are at their lowest in a decade, per the ministry.",
    "So how many {p} actually got a decision within the six-month target?",
    "Six {p} were among the nurses the hospital recruited this spring, the report notes.",
    "Bus passes for {p} at the reception centre were scrapped, and now they walk four miles.",
    "The figure for {p} returning home includes students whose courses ended. Worth knowing.",
)
#: Peoples at home and abroad (elections, sport, trade, weather): ``{p}`` the plural.
PEOPLE_FRAMES: Final = (
    "{P} voted in record numbers, according to the electoral commission there.",
    "Millions of {p} were glued to the final, by all accounts.",
    "The {p} I know are mostly worried about the currency and their savings.",
    "Plenty of {p} are following this election from abroad on their phones.",
    "{P} have been sending money home at record levels, the central bank reports.",
    "Talked to a few {p} at the market on Saturday; they had a lot to say about the floods.",
    "Interesting interview with young {p} about the cost of renting in the capital.",
    "The survey asked {p} about the new trade deal, and most had never heard of it.",
    "Ask {p} about the power cuts and you get a very different picture from the minister's.",
    "The {p} who run the bakery near the station reckon flour costs have doubled.",
    "A record number of {p} applied to study medicine abroad this year.",
    "Some {p} in the diaspora are organising flood relief from here.",
)
#: A reader who is themselves an immigrant or of that people.
SELF_FRAMES: Final = (
    "I came here from {country} eleven years ago, and the permit paperwork was the hardest part.",
    "As one of the {p} in this town, I'd say the evening language classes helped me most.",
    "I'm {adj} and my work visa took seven months. The article gets the delays right.",
    "My parents arrived from {country} in the nineties; they'd nod along to every word of this.",
    "Speaking as a {adj} nurse on the night shift here: the rent rises hit us like everyone.",
    "Went back to {country} for the summer, and prices there have jumped as much as here.",
    "We {p} in this city mostly watch the election back home on a livestream in the cafe.",
    "I'm from {country}, and the integration course here was the best thing I did in year one.",
    "My brother still lives in {country}; the power cuts there are four hours a day now.",
    "As a {adj} student here, I'd love to know who decided the new visa fees.",
)
#: Foreign countries in the news: ``{country}`` and ``{adj}``.
COUNTRY_FRAMES: Final = (
    "Turnout in the {adj} election was well above what the polls predicted.",
    "Is the gas pipeline through {country} actually running yet, or still being built?",
    "The floods in {country} have displaced thousands; which agencies are on the ground?",
    "The {adj} side defended brilliantly in the second half.",
    "How much of the aid pledged to {country} has actually been paid out?",
    "The {adj} central bank raised interest rates again this morning.",
    "Forty-five degrees in {country} yesterday. Hard to imagine working outdoors in that.",
    "The new trade deal with {country} is mostly about fruit, textiles and spare parts.",
    "Our correspondent in {country} describes the ceasefire as fragile but holding.",
    "The {adj} trade delegation left early; anyone know whether talks resume next month?",
    "{adj} farmers are blocking roads over fuel prices as well, it seems.",
    "Solar capacity in {country} has tripled in five years, which surprised me.",
    "The {adj} coach picked an oddly defensive team for a home qualifier.",
    "Exports from {country} fell for the third quarter running, the bulletin says.",
)
#: Faiths: ``{p}`` plural, ``{adj}``, ``{b}`` building, ``{h}`` holiday, ``{l}`` leader.
FAITH_PLURAL_FRAMES: Final = (
    "How many {p} live in the county now? The census figure looks low to me.",
    "The {p} on our street invited the whole road round for {h} this year.",
    "{P} in the town have run the winter night shelter rota for a decade.",
    "Do {p} have to book the community hall separately for {h}, or is it included?",
    "The report says {p} make up about four percent of the school population here.",
    "{P} I work with were talking about the new {l} all week.",
    "Several {p} interviewed said the planning row over the car park has gone on too long.",
    "Young {p} are setting up a youth football league, according to the local paper.",
    "We {p} at the {b} on the corner would welcome anyone who wants a look round.",
    "The council says {p} asked for a second site for the cemetery years ago.",
)
FAITH_FRAMES: Final = (
    "The {b} on Station Road is raising money for a new roof.",
    "Does {h} fall on a school day this year? Trying to plan the rota.",
    "The new {l} at the {b} seems to be well liked by the neighbours.",
    "The {adj} primary school got a good inspection report, for what it's worth.",
    "As a {adj} reader myself, I thought the {h} coverage was fair and well written.",
    "The {b} open day had a queue out the door for the cake stall.",
)
#: (army, alliance or party) and what readers ask and say about it: civil, no group.
ARMIES: Final = (
    "Nigerian army", "Ethiopian army", "Sudanese army", "Israeli army", "Iranian army",
    "Turkish army", "Polish army", "Ukrainian army", "Russian army", "Indian army",
    "Pakistani army", "Colombian army", "Egyptian army", "Saudi air force",
)  # fmt: skip
ALLIANCES: Final = (
    "NATO", "the African Union", "the Arab League", "ASEAN", "ECOWAS", "Mercosur",
    "the Gulf Cooperation Council", "the EU",
)  # fmt: skip
ARMY_FRAMES: Final = (
    "How many tanks has the {a} actually taken delivery of this year?",
    "Is the {a} still short of artillery shells, or has that been fixed?",
    "The {a} budget went up by a fifth, and nobody has said what it is for.",
    "The {a} is switching to drones for border patrols, the defence correspondent says.",
    "Interesting piece on how the {a} recruits in rural areas.",
)
ALLIANCE_FRAMES: Final = (
    "What did {a} actually agree at the summit beyond another communique?",
    "{A} wants members to spend more on defence; who is paying so far?",
    "The {a} observers said the vote was broadly fair but slow to count.",
    "Does {a} have any say over the peacekeeping mission, or is it advisory?",
)
PARTIES: Final = (
    "the ruling party", "the opposition alliance", "the nationalist party",
    "the Christian Democrats", "the Islamist party", "the Greens", "the workers' party",
)  # fmt: skip
PARTY_FRAMES: Final = (
    "The manifesto of {a} costs the border plan at two billion; the treasury says four.",
    "Has anyone from {a} explained how the asylum pledge would actually work?",
    "{A} changed its position on the refugee quota twice before the vote.",
)
#: Dry sarcasm at governments, politicians and policies: no group targeted.
SARCASM: Final = (
    "Another asylum overhaul, to be overhauled again next spring. Reassuring.",
    "A review of the review of processing times. Truly a ministry in a hurry.",
    "Nothing says efficient government like a nine-month wait for a work permit.",
    "So the plan is to clear the backlog by renaming it. Bold.",
    "The interior ministry found the missing case files. In a skip, apparently.",
    "Three immigration ministers in one year. Continuity at its finest.",
    "The returns deal was signed with great fanfare and has returned eleven people. Value!",
    "They built a processing centre with no staff to process anyone. Visionary.",
    "The minister promised to halve arrivals by summer. Which summer, he didn't say.",
    "Lovely to see the integration budget cut in the same week as the integration speech.",
    "A housing strategy for new arrivals, published after the hotels were booked. Classic.",
    "The border is under control, says the government that said the trains would run on time.",
    "Great, the defence ministry ordered jets that don't fit the hangars. Again.",
    "The summit produced a photo, a dinner and a promise to meet again. Historic.",
    "Election promises on visas always have a shelf life of about a fortnight.",
    "Our foreign secretary visited for six hours and came back an expert. Impressive.",
    "The visa portal crashes every Monday, which I assume is part of the strategy.",
    "Deportation target missed, housing target missed, slogan target smashed. Bravo.",
    "Good to know the asylum hotels cost more per night than my holiday did. Efficient.",
    "Aid cut by a third, then a press release on global leadership. Subtle.",
    "The alliance spent two days agreeing on the wording of the photo caption, I assume.",
    "Parliament debated the quota for six hours and decided to debate it again. Riveting.",
)

# --------------------------------------------------------------------------- hostile

#: The same topics turned into attacks on the group: (frame, a call to expel).
HOSTILE_FRAMES: Final[tuple[tuple[str, bool], ...]] = (
    ("{P} should pack their bags and go home, nobody wants them here.", False),
    ("Go home, {p}. You were never welcome and you never will be.", False),
    ("Put every one of the {p} on a plane and send them back.", True),
    ("Why are {p} even allowed to work here? They should be shipped out.", True),
    ("No jobs, no flats and no benefits for {p}, full stop.", False),
    ("{P} are taking our homes and our jobs, and the council lets them.", False),
    ("{P} are a gang of thieves and crooks, born that way.", False),
    ("{P} are parasites living off our taxes.", False),
    ("Scratch any of the {p} here and you'll find a criminal.", False),
    ("Round up the {p} and deport the lot.", True),
    ("{P} don't belong in this country and they never will.", False),
    ("{P} should have no right to vote, rent or work here. Ever.", False),
    ("Keep the {p} out of our schools and our hospitals.", False),
    ("All {p} bring is crime and filth.", False),
    ("Kick the {p} out and close the border behind them.", True),
    ("Our country, not yours. {P}, get out.", True),
    ("{P} are leeches, the whole lot of them, and I want them gone.", True),
    ("No more visas for {p}. Let them starve at home, not sponge off us here.", False),
    ("Every one of the {p} should be stripped of their papers and sent back.", True),
    ("I won't hire {p}, and nobody round here should either.", False),
)


def hostile(groups: set[str], expel: bool) -> np.ndarray:
    """Toxic, an identity attack on ``groups`` (with their coarse groups; every other
    target 0); threat unknown for a call to expel, 0 otherwise."""
    targets = with_parents(groups)
    values = {"toxicity": 1.0, "identity_attack": 1.0}
    values |= {f"target:{g}": 1.0 if g in targets else 0.0 for g in GROUPS}
    if not expel:
        values["threat"] = 0.0
    return label_row(values)


NUMBERS: Final = ("three hundred", "1,200", "about 4,000", "fewer than 900", "some 2,500")

#: Rows per group noun: (civil frames with the plural, hostile frames). Civil rows that
#: name only the country or the adjective come on top.
PER_NATIONALITY: Final = (7, 3)
PER_MIGRANT: Final = (12, 5)
PER_FAITH: Final = (7, 3)


class _Rows:
    """Rows in order, a text kept once, and per group noun how many civil and hostile
    rows it filled. A text met again with other labels is an error: two frames that
    fill to the same sentence must agree on what it is."""

    def __init__(self) -> None:
        self.rows: dict[str, np.ndarray] = {}
        self.uses: dict[str, list[int]] = {}

    def add(self, text: str, labels: np.ndarray, noun: str | None = None) -> None:
        text = capitalised(text)
        if text in self.rows:
            if not np.array_equal(self.rows[text], labels, equal_nan=True):
                raise ValueError(f"civic template {text!r} made twice with different labels")
            return
        self.rows[text] = labels
        if noun is not None:
            self.uses.setdefault(noun, [0, 0])[0 if labels[_TOXICITY] == 0.0 else 1] += 1


def _fill(frame: str, rng: random.Random, **slots: str) -> str:
    p = slots.get("p", "")
    return frame.format(P=capitalised(p) if p else "", n=rng.choice(NUMBERS), **slots)


def _build(seed: int) -> _Rows:
    rng = random.Random(seed)
    out = _Rows()
    for plural, adj, country, groups in NATIONALITIES:
        n_civil, n_hostile = PER_NATIONALITY
        pool = MIGRATION_FRAMES + PEOPLE_FRAMES
        for frame in rng.sample(pool, n_civil):
            out.add(_fill(frame, rng, p=plural), civil(), plural)
        self_frame = rng.choice(SELF_FRAMES)
        out.add(_fill(self_frame, rng, p=plural, adj=adj, country=country), civil(), plural)
        for frame in rng.sample(COUNTRY_FRAMES, 2):
            out.add(_fill(frame, rng, adj=adj, country=country), civil())
        for frame, expel in rng.sample(HOSTILE_FRAMES, n_hostile):
            labels = hostile({"nationality_migration", *groups}, expel)
            out.add(_fill(frame, rng, p=plural), labels, plural)
    for plural in MIGRANTS:
        n_civil, n_hostile = PER_MIGRANT
        for frame in rng.sample(MIGRATION_FRAMES, n_civil):
            out.add(_fill(frame, rng, p=plural), civil(), plural)
        for frame, expel in rng.sample(HOSTILE_FRAMES, n_hostile):
            out.add(_fill(frame, rng, p=plural), hostile({"nationality_migration"}, expel), plural)
    for plural, adj, building, holiday, leader, group in FAITHS:
        n_civil, n_hostile = PER_FAITH
        slots = {"p": plural, "adj": adj, "b": building, "h": holiday, "l": leader}
        for frame in rng.sample(FAITH_PLURAL_FRAMES, n_civil):
            out.add(_fill(frame, rng, **slots), civil(), plural)
        for frame in rng.sample(FAITH_FRAMES, 3):
            out.add(_fill(frame, rng, **slots), civil())
        for frame, expel in rng.sample(HOSTILE_FRAMES, n_hostile):
            out.add(_fill(frame, rng, p=plural), hostile({group}, expel), plural)
    for army in ARMIES:
        for frame in rng.sample(ARMY_FRAMES, 2):
            out.add(frame.format(a=army), civil())
    actors: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
        (ALLIANCES, ALLIANCE_FRAMES),
        (PARTIES, PARTY_FRAMES),
    )
    for names, frames in actors:
        for actor in names:
            for frame in rng.sample(frames, 2):
                out.add(frame.format(a=actor, A=capitalised(actor)), civil())
    for line in SARCASM:
        out.add(line, civil())
    return out


def noun_uses(seed: int = 67) -> dict[str, tuple[int, int]]:
    """Per group noun: (civil rows, hostile rows) that name it."""
    return {noun: (c, h) for noun, (c, h) in _build(seed).uses.items()}


def civic_rows(seed: int = 67) -> list[Row]:
    """Every row of this module, in a fixed order: civil news comments naming peoples,
    migrants, faiths, armies and alliances, and hostile counterparts about the groups."""
    return list(_build(seed).rows.items())
