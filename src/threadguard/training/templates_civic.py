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
from threadguard.training.template_tables import TemplateTables
from threadguard.training.templates_news import civil, label_row

Row = tuple[str, np.ndarray]
_TOXICITY: Final = HEADS.index("toxicity")

#: The sentences and nouns, read from ``resources/templates/civic.toml`` (its comments say
#: which slots each frame takes); the rows follow each array's order.
_DATA: Final = TemplateTables.load("civic.toml")

#: (plural as written, adjective, country as written in a sentence, schema groups besides
#: nationality_migration that an attack on them targets)
NATIONALITIES: Final[tuple[tuple[str, str, str, tuple[str, ...]], ...]] = _DATA.records(
    "nationalities", (str, str, str, tuple)
)
#: People named by their migration status, not their country.
MIGRANTS: Final = _DATA.strings("migrants")
#: (plural, adjective, building, holiday, leader, schema group)
FAITHS: Final[tuple[tuple[str, str, str, str, str, str], ...]] = _DATA.records("faiths", (str,) * 6)
#: Armies, alliances and parties, which the civil frames ``army``, ``alliance`` and
#: ``party`` name: no group.
ARMIES: Final = _DATA.strings("armies")
ALLIANCES: Final = _DATA.strings("alliances")
PARTIES: Final = _DATA.strings("parties")
#: The civil frames, per kind (``migration``, ``people``, ``self``, ``country``,
#: ``faith_plural``, ``faith``, ``army``, ``alliance``, ``party``, ``sarcasm``).
FRAMES: Final = _DATA.sentences("frames")
#: The same topics turned into attacks on the group: (frame, a call to expel).
HOSTILE_FRAMES: Final[tuple[tuple[str, bool], ...]] = _DATA.records("hostile_frames", (str, bool))


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
        pool = FRAMES["migration"] + FRAMES["people"]
        for frame in rng.sample(pool, n_civil):
            out.add(_fill(frame, rng, p=plural), civil(), plural)
        self_frame = rng.choice(FRAMES["self"])
        out.add(_fill(self_frame, rng, p=plural, adj=adj, country=country), civil(), plural)
        for frame in rng.sample(FRAMES["country"], 2):
            out.add(_fill(frame, rng, adj=adj, country=country), civil())
        for frame, expel in rng.sample(HOSTILE_FRAMES, n_hostile):
            labels = hostile({"nationality_migration", *groups}, expel)
            out.add(_fill(frame, rng, p=plural), labels, plural)
    for plural in MIGRANTS:
        n_civil, n_hostile = PER_MIGRANT
        for frame in rng.sample(FRAMES["migration"], n_civil):
            out.add(_fill(frame, rng, p=plural), civil(), plural)
        for frame, expel in rng.sample(HOSTILE_FRAMES, n_hostile):
            out.add(_fill(frame, rng, p=plural), hostile({"nationality_migration"}, expel), plural)
    for plural, adj, building, holiday, leader, group in FAITHS:
        n_civil, n_hostile = PER_FAITH
        slots = {"p": plural, "adj": adj, "b": building, "h": holiday, "l": leader}
        for frame in rng.sample(FRAMES["faith_plural"], n_civil):
            out.add(_fill(frame, rng, **slots), civil(), plural)
        for frame in rng.sample(FRAMES["faith"], 3):
            out.add(_fill(frame, rng, **slots), civil())
        for frame, expel in rng.sample(HOSTILE_FRAMES, n_hostile):
            out.add(_fill(frame, rng, p=plural), hostile({group}, expel), plural)
    for army in ARMIES:
        for frame in rng.sample(FRAMES["army"], 2):
            out.add(frame.format(a=army), civil())
    actors: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
        (ALLIANCES, FRAMES["alliance"]),
        (PARTIES, FRAMES["party"]),
    )
    for names, frames in actors:
        for actor in names:
            for frame in rng.sample(frames, 2):
                out.add(frame.format(a=actor, A=capitalised(actor)), civil())
    for line in FRAMES["sarcasm"]:
        out.add(line, civil())
    return out


def noun_uses(seed: int = 67) -> dict[str, tuple[int, int]]:
    """Per group noun: (civil rows, hostile rows) that name it."""
    return {noun: (c, h) for noun, (c, h) in _build(seed).uses.items()}


def civic_rows(seed: int = 67) -> list[Row]:
    """Every row of this module, in a fixed order: civil news comments naming peoples,
    migrants, faiths, armies and alliances, and hostile counterparts about the groups."""
    return list(_build(seed).rows.items())
