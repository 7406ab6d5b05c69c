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
and its tests check that none shares a run of five words with the suites). Seeded: the same
rows on every run.
"""

from __future__ import annotations

import random
from typing import Final

import numpy as np

from threadguard.training.templates_news import civil, label_row

Row = tuple[str, np.ndarray]

#: Bodies that decide or report on sex-related policy, for ``{body}``.
BODIES: Final = (
    "the school board",
    "the province",
    "the health ministry",
    "the city council",
    "Parliament",
    "the teachers' union",
    "the university senate",
)
#: Civil comments on sex-related news: sexually explicit 0, nothing abusive.
SEX_TOPICS: Final = (
    "Sex education should be taught by trained nurses, not by whoever has a free period.",
    "Will {body} publish the new sex-ed curriculum before September, or is it delayed again?",
    "Parents can already opt their kids out of sex education, so what is the fuss about?",
    "Good to see {body} finally funding sexual health clinics outside the big cities.",
    "The sexual assault trial was adjourned again; the complainant has waited three years.",
    "A false accusation of assault ruins lives too, and the piece could have said so.",
    "Conviction rates for sexual assault are shockingly low, according to the report.",
    "Why did it take {body} two years to act on the harassment complaints?",
    "The consent law now spells out that silence is not consent. About time.",
    "Abortion access in rural areas is the real story here, not the protest outside.",
    "{body} voted down the motion on contraception coverage, twelve to nine.",
    "My daughter's school covers consent in grade eight, and she says it was useful.",
    "The harassment policy at {body} reads well on paper; enforcement is another matter.",
    "Victims of sexual abuse by clergy are still waiting for the compensation fund.",
    "Is the free HPV vaccine for boys as well as girls now? The article doesn't say.",
    "Sex workers' groups asked to be consulted on the bylaw and were ignored.",
    "The rape crisis centre lost its funding in the same budget that raised MPs' pay.",
    "I taught sexual health for ten years; most parents were grateful for it.",
    "The pregnancy centre ads on the buses are misleading, says the regulator.",
    "Reporting a sexual assault at work should not depend on your manager's mood.",
    "Teen pregnancy rates fell after {body} brought back the sex-ed classes, per the study.",
    "The survey on sexual harassment in the legislature makes grim reading.",
    "Dating-app safety tips belong in the sex-ed curriculum, in my view.",
    "The judge's comments about what the victim wore were out of line and he was rightly censured.",
)
#: Things a reader may dismiss, for ``{thing}``.
THINGS: Final = (
    "this column",
    "the minister's plan",
    "that argument",
    "the new budget",
    "this poll",
    "the council's excuse",
    "the report",
    "the whole proposal",
)
#: Dismissals of a thing, strong about the thing and silent about any person: civil.
DISMISSALS: Final = (
    "Utter nonsense, {thing} from start to finish.",
    "What a load of rubbish {thing} is.",
    "Honestly, {thing} is garbage and everyone knows it.",
    "{Thing}? Absolute drivel.",
    "Rubbish. {Thing} falls apart on page two.",
    "Total nonsense. Read {thing} again and check the numbers.",
    "{Thing} is a joke, and not a funny one.",
    "Balderdash. {Thing} ignores every inconvenient figure.",
    "Pure spin, {thing}. Nothing in it survives a calculator.",
    "{Thing} is hogwash dressed up as policy.",
)
#: The same dismissals turned on the person: toxic and an insult, no group.
AT_PERSON: Final = (
    "Only a clown would believe {thing}.",
    "You wrote {thing}? You utter fool.",
    "Whoever came up with {thing} is a brainless idiot.",
    "{Thing} is what you get from a moron with a keyboard.",
    "Typical halfwit, defending {thing}.",
)
#: How many bodies fill each sex-topic frame that takes one (every dismissal takes every
#: thing).
PER_FRAME: Final = 4


def insulting() -> np.ndarray:
    """Toxic and an insult to a person; no group attacked, no threat, nothing sexual."""
    return label_row(
        {"toxicity": 1.0, "insult": 1.0, "identity_attack": 0.0, "threat": 0.0}
        | {"sexually_explicit": 0.0}
    )


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def news_topic_rows(seed: int = 43) -> list[Row]:
    """Every row: civil sex-topic comments, civil dismissals, then their hostile twins."""
    rng = random.Random(seed)
    rows: list[Row] = []
    for line in SEX_TOPICS:
        bodies = rng.sample(BODIES, PER_FRAME) if "{body}" in line else [""]
        rows += [(_cap(line.format(body=b)), civil()) for b in bodies]
    for lines, label in ((DISMISSALS, civil), (AT_PERSON, insulting)):
        for line in lines:
            for thing in THINGS:
                rows.append((_cap(line.format(thing=thing, Thing=_cap(thing))), label()))
    return rows
