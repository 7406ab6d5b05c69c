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
from threadguard.training.template_tables import TemplateDataError, TemplateTables
from threadguard.training.templates_news import civil, label_row

Row = tuple[str, np.ndarray]

#: The sentences and nouns, read from ``resources/templates/news_topics.toml`` (its comments
#: say what each array holds); the rows follow the arrays' order.
_DATA: Final = TemplateTables.load("news_topics.toml")

#: Civil comments on sex-related news (sexually explicit 0, nothing abusive): a frame and the
#: bodies that fill its ``{body}`` (none when it has no slot), each once.
SEX_TOPICS: Final[tuple[tuple[str, tuple[str, ...]], ...]] = _DATA.records(
    "sex_topics", (str, tuple)
)
#: Things a reader may dismiss, by kind: what was written, planned or claimed.
THINGS: Final = {kind: _DATA.strings(kind) for kind in ("written", "plans", "claims")}


def _with_things(key: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """A file's ``[frame, [kinds of thing]]`` records as (frame, the things of those kinds)."""
    out = []
    for frame, kinds in _DATA.records(key, (str, tuple)):
        unknown = [k for k in kinds if k not in THINGS]
        if unknown or not kinds:
            raise TemplateDataError(f"news_topics.toml: {key} {frame!r} names {unknown or 'none'}")
        out.append((frame, tuple(t for k in kinds for t in THINGS[k])))
    return tuple(out)


#: Dismissals of a thing, strong about the thing and silent about any person: civil, each
#: with the things it reads right with.
DISMISSALS: Final = _with_things("dismissals")
#: The same dismissals turned on the person: toxic and an insult, no group.
AT_PERSON: Final = _with_things("at_person")


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
