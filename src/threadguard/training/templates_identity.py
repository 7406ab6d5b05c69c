"""Training templates for everyday, friendly and neutral mentions of identity groups.

Both tiers hold readers for merely naming who they are or who their neighbours are:
deep@11 scored "Gay people deserve equal rights." toxicity 0.69 and a thank-you to Jewish
neighbours 0.64, because in the public sets most short sentences that name a group attack
it (HateXplain, Stormfront, the Gab and implicit-hate corpora). The support slogans of
:mod:`threadguard.training.templates_support` are 550 rows among about 30,000; these add
everyday life (neighbours, colleagues, students, families), first-person statements,
greetings for holidays, questions and news-style facts, with the same group words, all
civil. The hateful rows with the same words are in :mod:`templates_news` and
:mod:`augment`, so the stance, not the group word, has to decide.

Kept apart from the evaluation material: the overlap test reads these rows through
:func:`threadguard.training.augment.template_rows` (no sentence and no five-word run
shared with the functional suite or the civil sentences), and WikiMadlibs' templates,
which measure identity bias, were not read to write them. Deterministic: the same rows on
every run.
"""

from __future__ import annotations

from typing import Final

import numpy as np

from threadguard.training.templates_news import civil
from threadguard.training.templates_support import fill_frame

#: (schema group, plural as written, adjective, whether "is/am {adj}" reads naturally);
#: the group is "" where the schema has none (age).
GROUPS: Final[tuple[tuple[str, str, str, bool], ...]] = (
    ("jews", "Jewish people", "Jewish", True),
    ("muslims", "Muslim people", "Muslim", True),
    ("christians", "Catholics", "Catholic", True),
    ("religion", "Sikhs", "Sikh", True),
    ("religion", "Hindus", "Hindu", True),
    ("black_people", "Black people", "Black", True),
    ("black_people", "Somali Canadians", "Somali", True),
    ("asians", "Chinese Canadians", "Chinese", True),
    ("asians", "Filipino families", "Filipino", True),
    ("arabs", "Arab Canadians", "Arab", True),
    ("latinx", "Mexican families", "Mexican", True),
    ("race_ethnicity", "First Nations people", "First Nations", False),
    ("race_ethnicity", "Indigenous people", "Indigenous", True),
    ("white_people", "white people", "white", True),
    ("sexual_orientation", "gay people", "gay", True),
    ("sexual_orientation", "bisexual people", "bisexual", True),
    ("sexual_orientation", "lesbians", "lesbian", True),
    ("gender", "trans people", "trans", True),
    ("gender", "non-binary people", "non-binary", True),
    ("disability", "deaf people", "deaf", True),
    ("disability", "autistic people", "autistic", True),
    ("disability", "wheelchair users", "wheelchair-using", False),
    ("nationality_migration", "immigrants", "immigrant", False),
    ("nationality_migration", "refugees", "refugee", False),
    # Session 30: the identity words the shipped deep tier (deep@34) still reads as abuse in
    # civil sentences ("homosexual" most: 141 of the 205 public training rows that use it are
    # toxic, and no template named it); chosen knowing the identity list of WikiMadlibs'
    # report (docs/evaluation.md), whose templates these frames do not copy.
    ("sexual_orientation", "homosexual people", "homosexual", True),
    ("sexual_orientation", "heterosexual couples", "heterosexual", True),
    ("sexual_orientation", "straight people", "straight", True),
    ("sexual_orientation", "queer people", "queer", True),
    ("sexual_orientation", "LGBTQ people", "LGBTQ", True),
    ("gender", "transgender people", "transgender", True),
    ("black_people", "African Americans", "African American", True),
    ("asians", "Japanese Canadians", "Japanese", True),
    ("race_ethnicity", "Indian families", "Indian", True),
    ("latinx", "Hispanic families", "Hispanic", True),
    ("latinx", "Latino voters", "Latino", True),
    ("arabs", "Middle Eastern families", "Middle Eastern", True),
    ("christians", "Christians", "Christian", True),
    ("christians", "Protestants", "Protestant", True),
    ("religion", "Buddhists", "Buddhist", True),
    ("disability", "blind people", "blind", True),
    ("disability", "people who use wheelchairs", "paralysed", True),
    ("", "elderly people", "elderly", True),
    ("", "teenagers", "teenage", False),
)

#: Frames with the adjective before a noun ({adj}) or the plural ({G} capitalised, {g}).
EVERYDAY: Final = (
    "{adj} families have lived in this town for generations.",
    "Our {adj} colleagues organised the fundraiser this year.",
    "The {adj} students at my daughter's school won the science fair.",
    "Good to see {adj} voters being asked what they think for once.",
    "{adj} businesses kept the main street alive through the lockdowns.",
    "I learned a lot from this piece about {adj} history in Canada.",
    "{G} pay taxes, raise kids and coach hockey like everyone else.",
    "{G} are part of this country's story.",
    "Our {adj} neighbours shovelled half the street's driveways again.",
    "Thank you to the {adj} volunteers who ran the shelter this winter.",
    "Welcome to the {adj} families arriving this week.",
    "The {adj} members of my union voted the same way as everyone else.",
    "Some of my {adj} relatives disagree with me on this, and that's fine.",
    "{G} should have the same rights as the rest of us.",
    "Respect to {g} who spoke at the council meeting.",
    "Good news for {g} in this budget, and about time.",
    "Is it true that most {adj} voters backed the transit plan?",
    "How many {adj} candidates are running in the by-election?",
    "The census says the {adj} population grew by four percent in ten years.",
    "Police say the vandalism at the {adj} centre is being treated as a hate crime.",
    "My grandmother taught me to treat {g} the way I'd want to be treated.",
    "Let {g} speak for themselves in this story.",
    "{G} were here long before this debate started.",
    "The interview with {adj} nurses was the best part of the series.",
)
#: Frames that need the adjective as a predicate ("I'm Jewish", not "I'm immigrant").
PREDICATE: Final = (
    "I'm {adj} and I enjoyed this column.",
    "Growing up {adj} in the eighties was tough; my kids have it easier.",
    "It is not a crime to be {adj}.",
    "{adj} and proud.",
    "My oldest friend is {adj} and the kindest person I know.",
    "Nothing unusual about being {adj} in this city.",
)
#: Frames that describe one person by the adjective, as readers mention a relative, a
#: neighbour or someone in the news (session 30): the word names who someone is, beside
#: what they do.
PERSON: Final = (
    "My uncle, a {adj} man in his sixties, still plays in the Sunday hockey league.",
    "The new principal is a {adj} woman from Halifax, and the parents I know like her.",
    "A {adj} teenager from our street won the provincial chess title last weekend.",
    "We met a {adj} couple at the farmers market who run the bread stall.",
    "The story quotes a {adj} firefighter who has served the town for thirty years.",
    "My daughter's best friend is a {adj} girl who wants to be a vet.",
    "A {adj} man helped me change a tyre on the highway in the pouring rain.",
    "The candidate, a {adj} woman who ran the food bank, got my vote.",
)
#: Holiday greetings and other short friendly lines that name a faith or a community.
GREETINGS: Final = (
    "Happy Pride, everyone!",
    "Eid Mubarak to all who celebrate.",
    "Happy Hanukkah to our Jewish readers.",
    "Happy Diwali to everyone celebrating tonight.",
    "Merry Christmas and a peaceful new year to all.",
    "Happy Lunar New Year to the Chinese community.",
    "Ramadan Kareem to our Muslim neighbours.",
    "Happy Vaisakhi to the Sikh community.",
    "Happy National Indigenous Peoples Day.",
    "Shabbat shalom.",
)


def identity_rows() -> list[tuple[str, np.ndarray]]:
    """Every frame for every group, and the greetings: civil, no group attacked."""
    texts = [fill_frame(f, plural, adj) for f in EVERYDAY for _g, plural, adj, _p in GROUPS]
    texts += [fill_frame(f, plural, adj) for f in PREDICATE for _g, plural, adj, ok in GROUPS if ok]
    texts += [fill_frame(f, plural, adj) for f in PERSON for _g, plural, adj, ok in GROUPS if ok]
    texts += list(GREETINGS)
    return [(t, civil()) for t in texts]
