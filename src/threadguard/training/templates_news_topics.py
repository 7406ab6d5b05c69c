"""Training templates for two kinds of civil news comment the deep tier held, with hostile twins.

In session 14 a second reader relabelled a blind sample of the Unhealthy Conversations dev
comments the default policy held although the set calls them healthy
(``bench/relabel_sample.py``): about half were ones a moderator would publish, and two kinds
recur. Comments on sex-related news (sex education, a sexual-assault trial, consent law) are
held as sexually explicit: "Sex education should start earlier in our schools." scored 0.77
with deep@20, over the 0.60 hold. Short dismissals of an idea or an article ("nonsense",
"rubbish") are held as insults although they insult no one. Sexually explicit is 6-21% of
the reasons civil comments are held on every decisions set (`threadguard eval --suite
decisions`).

- civil (nothing abusive, no target): comments on the news about sex education, assault and
  harassment cases, consent and abortion law, sexual health services, written as readers
  write them (questions, opinions, facts from the piece); dismissals of a plan, a claim, a
  report or a column, in strong words about the thing and none about a person;
- hostile twins (toxicity and insult, no group): the same dismissals turned on the person
  ("only a clown would ...", "you utter fool").

Written by the team, not copied from any data set; kept apart from the evaluation material
like every template (:func:`threadguard.training.augment.template_rows` carries these rows,
for both tiers, and its tests check that none shares a run of five words with the suites).
Every frame is filled with every body or thing it reads right with: no draw.
"""

from __future__ import annotations

from typing import Final

import numpy as np

from threadguard.training.labels import capitalised, personal_insult
from threadguard.training.templates_news import civil, label_row

Row = tuple[str, np.ndarray]

#: Civil comments on sex-related news: sexually explicit 0, nothing abusive. A frame with
#: ``{body}`` comes with the bodies it reads right with (each fills it once).
SEX_TOPICS: Final[tuple[tuple[str, tuple[str, ...]], ...]] = (
    ("Sex education should be taught by trained nurses, not by whoever has a free period.", ()),
    (
        "Will {body} publish the new sex-ed curriculum before September, or is it delayed again?",
        ("the school board", "the province", "the education ministry"),
    ),
    ("Parents can already opt their kids out of sex education, so what is the fuss about?", ()),
    (
        "Good to see {body} finally funding sexual health clinics outside the big cities.",
        ("the province", "the health ministry", "the city council"),
    ),
    ("The sexual assault trial was adjourned again; the complainant has waited three years.", ()),
    ("A false accusation of assault ruins lives too, and the piece could have said so.", ()),
    ("Conviction rates for sexual assault are shockingly low, according to the report.", ()),
    (
        "Why did it take {body} two years to act on the harassment complaints?",
        ("the school board", "the university", "the city council", "Parliament"),
    ),
    ("The consent law now spells out that silence is not consent. About time.", ()),
    ("Abortion access in rural areas is the real story here, not the protest outside.", ()),
    (
        "{body} voted down the motion on contraception coverage, twelve to nine.",
        ("the city council", "the school board", "the university senate"),
    ),
    ("My daughter's school covers consent in grade eight, and she says it was useful.", ()),
    (
        "The harassment policy at {body} reads well on paper; enforcement is another matter.",
        ("the school board", "city hall", "the university"),
    ),
    ("Victims of sexual abuse by clergy are still waiting for the compensation fund.", ()),
    ("Is the free HPV vaccine for boys as well as girls now? The article doesn't say.", ()),
    ("Sex workers' groups asked to be consulted on the bylaw and were ignored.", ()),
    ("The rape crisis centre lost its funding in the same budget that raised MPs' pay.", ()),
    ("I taught sexual health for ten years; most parents were grateful for it.", ()),
    ("The pregnancy centre ads on the buses are misleading, says the regulator.", ()),
    ("Reporting a sexual assault at work should not depend on your manager's mood.", ()),
    (
        "Teen pregnancy rates fell after {body} brought back the sex-ed classes, per the study.",
        ("the school board", "the province"),
    ),
    ("The survey on sexual harassment in the legislature makes grim reading.", ()),
    ("Dating-app safety tips belong in the sex-ed curriculum, in my view.", ()),
    (
        "The judge's comments about what the victim wore were out of line and he was rightly "
        "censured.",
        (),
    ),
)
#: Things a reader may dismiss, by kind, for ``{thing}``: what was written, what was
#: planned, what was claimed.
WRITTEN: Final = ("this column", "the report", "this editorial", "the minister's op-ed")
PLANS: Final = ("the minister's plan", "the new budget", "the whole proposal", "the transit scheme")
CLAIMS: Final = ("that argument", "the council's excuse", "this poll", "the government's claim")
ANYTHING: Final = WRITTEN + PLANS + CLAIMS
#: Dismissals of a thing, strong about the thing and silent about any person: civil. Each
#: with the things it reads right with.
DISMISSALS: Final[tuple[tuple[str, tuple[str, ...]], ...]] = (
    ("Utter nonsense, {thing} from start to finish.", ANYTHING),
    ("What a load of rubbish {thing} is.", ANYTHING),
    ("Honestly, {thing} is garbage and everyone knows it.", ANYTHING),
    ("{Thing}? Absolute drivel.", ANYTHING),
    ("Rubbish. {Thing} falls apart on page two.", WRITTEN),
    ("Total nonsense. Read {thing} again and check the numbers.", WRITTEN + PLANS),
    ("{Thing} is a joke, and not a funny one.", ANYTHING),
    ("Balderdash. {Thing} ignores every inconvenient figure.", WRITTEN + PLANS),
    ("Pure spin, {thing}. Nothing in it survives a calculator.", ANYTHING),
    ("{Thing} is hogwash dressed up as policy.", PLANS),
)
#: The same dismissals turned on the person: toxic and an insult, no group.
AT_PERSON: Final[tuple[tuple[str, tuple[str, ...]], ...]] = (
    ("Only a clown would believe {thing}.", ANYTHING),
    ("You wrote {thing}? You utter fool.", WRITTEN),
    ("Whoever came up with {thing} is a brainless idiot.", PLANS + CLAIMS),
    ("{Thing} is what you get from a moron with a keyboard.", WRITTEN + CLAIMS),
    ("Typical halfwit, defending {thing}.", ANYTHING),
)


def insulting() -> np.ndarray:
    """Toxic and an insult to a person; no group attacked, no threat, nothing sexual."""
    return label_row(personal_insult() | {"sexually_explicit": 0.0})


def news_topic_rows() -> list[Row]:
    """Every row: civil sex-topic comments, civil dismissals, then their insulting twins,
    each frame filled with every body or thing it takes."""
    rows: list[Row] = []
    for line, bodies in SEX_TOPICS:
        rows += [(capitalised(line.format(body=b)), civil()) for b in bodies or ("",)]
    for frames, label in ((DISMISSALS, civil), (AT_PERSON, insulting)):
        for line, things in frames:
            for thing in things:
                text = line.format(thing=thing, Thing=capitalised(thing))
                rows.append((capitalised(text), label()))
    return rows
