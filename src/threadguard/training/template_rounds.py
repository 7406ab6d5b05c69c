"""The builder the language templates' later rounds (three to six) share: a round is one
template file and a declared list of steps, each of which reads some of the file's tables
and adds one kind of row (sentences as written, frames filled with group nouns in turn,
counter-speech quoting a slogan, attacks naming their group by a code word, explicit
attacks with misspelt copies). The round modules (``templates_languages_round3`` to
``round6``) only declare their steps, in the order their rows are added; the code for each
kind of row is here, once.

Rounds four to six were written from the phenomena's names only, not from the suites'
sentences, in each language's own idiom: the suites are therefore not a blind test of
these phenomena (the templates were written knowing which functionalities they measure).
Training rows only: ``templates_languages.overlap_with_suites`` and five-word-run tests
check that no sentence and no five-word run is shared with a suite or a blind check.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from threadguard.training.datasets import LabelledRows
from threadguard.training.labels import (
    all_clear,
    fill_group,
    group_attack,
    groups_in_turn,
    target_labels,
)
from threadguard.training.template_tables import TemplateDataError, TemplateTables

#: How many nouns fill each calm frame and each attack frame in rounds four to six (in
#: turn, so every noun is used): calm frames take more, so every noun meets calm use at
#: least as often as attack.
CALM_NOUNS_PER_FRAME = 4
ATTACK_NOUNS_PER_FRAME = 2

#: A group noun's misspellings (``templates_languages.obfuscations``).
Misspell = Callable[[str], tuple[str, ...]]
#: Labels for a row that attacks a schema group.
GroupLabels = Callable[[str], dict[str, float]]


@dataclass(frozen=True)
class RoundInput:
    """What a step reads: the round's file, the language, the (schema group, noun) pairs
    its frames are filled with, and how a noun is misspelt."""

    tables: TemplateTables
    language: str
    nouns: tuple[tuple[str, str], ...]
    misspell: Misspell

    def sentences(self, names: Sequence[str]) -> tuple[str, ...]:
        """The language's sentences of the ``names`` tables, in turn (a table that leaves
        the language out adds none: round six's reclaimed slurs are French only)."""
        return tuple(
            s for name in names for s in self.tables.sentences(name).get(self.language, ())
        )

    def pairs(self, names: Sequence[str]) -> tuple[tuple[str, str], ...]:
        """The language's pairs of the ``names`` tables, in turn."""
        return tuple(p for name in names for p in self.tables.pairs(name).get(self.language, ()))

    def by_kind(self, name: str) -> tuple[str, ...]:
        """The language's sentences of a table of kinds, every kind in the file's order."""
        kinds = self.tables.sentences_by_kind(name).get(self.language, {})
        return tuple(s for sentences in kinds.values() for s in sentences)


class Step(Protocol):
    """One kind of row a round adds."""

    def add(self, given: RoundInput, out: LabelledRows) -> None: ...


@dataclass(frozen=True)
class Fixed:
    """Sentences as written (no placeholder), one set of labels for all; ``also``: labels
    added for some languages (round three's dense swearing is profane in German only)."""

    tables: tuple[str, ...]
    labels: Callable[[], dict[str, float]]
    also: Mapping[str, Mapping[str, float]] = field(default_factory=dict)

    def add(self, given: RoundInput, out: LabelledRows) -> None:
        for text in given.sentences(self.tables):
            out.add(text, "train", {**self.labels(), **self.also.get(given.language, {})})


@dataclass(frozen=True)
class Aimed:
    """(sentence, schema group) pairs: attacks that name their target by a code word, a
    trope or the thread they answer rather than the group's noun."""

    tables: tuple[str, ...]
    labels: GroupLabels = group_attack

    def add(self, given: RoundInput, out: LabelledRows) -> None:
        for text, group in given.pairs(self.tables):
            out.add(text, "train", self.labels(group))


@dataclass(frozen=True)
class Filled:
    """Frames naming a group (``{g}``), each filled with ``per_frame`` nouns (one number,
    or one per language) taken in turn from the ``start``-th; ``by_kind``: the table is a
    table of kinds (attacks per phenomenon); ``leave_out``: nouns these frames never take
    (slurs, out of warm frames)."""

    tables: tuple[str, ...]
    per_frame: int | Mapping[str, int]
    labels: GroupLabels
    start: int = 0
    by_kind: bool = False
    leave_out: frozenset[str] = frozenset()

    def add(self, given: RoundInput, out: LabelledRows) -> None:
        frames = (
            tuple(f for name in self.tables for f in given.by_kind(name))
            if self.by_kind
            else given.sentences(self.tables)
        )
        nouns = [pair for pair in given.nouns if pair[1] not in self.leave_out]
        per = self.per_frame
        per_frame = per if isinstance(per, int) else per[given.language]
        for f in groups_in_turn(frames, nouns, per_frame, self.start):
            out.add(fill_group(f.frame, f.noun), "train", self.labels(f.group))


@dataclass(frozen=True)
class Quoted:
    """Counter-speech: frames that quote (``{q}``) a hateful slogan of the ``slogans`` table
    to reject it, all clear; each frame with ``per_frame`` nouns in turn from the
    ``start``-th. The slogan is the ``n``-th filling's (``slogan_by_filling``, round six)
    or the frame's place plus the noun's turn (rounds four and five). ``quote_filled``:
    the slogan is filled and capitalised as a quotation and put in the frame as it is
    (rounds five and six), rather than the whole sentence filled (round four)."""

    table: str
    slogans: str
    per_frame: int
    start: int
    slogan_by_filling: bool = False
    quote_filled: bool = True

    def add(self, given: RoundInput, out: LabelledRows) -> None:
        slogans = given.sentences((self.slogans,))
        frames = given.sentences((self.table,))
        for f in groups_in_turn(frames, given.nouns, self.per_frame, self.start):
            turn = f.n if self.slogan_by_filling else f.i + f.j
            slogan = slogans[turn % len(slogans)]
            if self.quote_filled:
                text = f.frame.replace("{q}", fill_group(slogan, f.noun))
            else:
                text = fill_group(f.frame.replace("{q}", slogan), f.noun)
            out.add(text, "train", all_clear())


@dataclass(frozen=True)
class MisspeltAttacks:
    """Explicit attacks ((frame, key word) pairs), each frame filled with ``per_frame``
    nouns in turn from the ``start``-th; each filling three times: as written, with its
    key word misspelt (:func:`word_variants`, in turn) and with its noun misspelt (the
    round's ``misspell``, in turn; left out when the noun has no misspelling)."""

    table: str
    per_frame: int
    start: int

    def add(self, given: RoundInput, out: LabelledRows) -> None:
        explicit = given.pairs((self.table,))
        frames = [frame for frame, _word in explicit]
        for f in groups_in_turn(frames, given.nouns, self.per_frame, self.start):
            text = fill_group(f.frame, f.noun)
            out.add(text, "train", group_attack(f.group))
            out.add(misspelt(text, explicit[f.i][1], f.n), "train", group_attack(f.group))
            variants = given.misspell(f.noun)
            if variants:
                bad_noun = fill_group(f.frame, variants[f.n % len(variants)])
                out.add(bad_noun, "train", group_attack(f.group))


class LanguageRound:
    """One round of language templates: the file ``name`` (in ``resources/templates``),
    the nouns its frames take (its ``nouns`` table, or none: round three is given the
    groups of rounds one and two), the languages it has (those of its nouns, or of its
    ``covers`` table) and its steps, in the order their rows are added."""

    def __init__(
        self,
        name: str,
        steps: Sequence[Step],
        *,
        nouns: str | None = "nouns",
        covers: str | None = None,
    ) -> None:
        self.tables = TemplateTables.load(name)
        self.steps = tuple(steps)
        self.nouns = self.tables.pairs(nouns) if nouns else {}
        covered = self.nouns if covers is None else self.tables.sentences(covers)
        self.languages = frozenset(covered)

    def add_rows(
        self,
        language: str,
        out: LabelledRows,
        misspell: Misspell | None = None,
        *,
        nouns: tuple[tuple[str, str], ...] | None = None,
    ) -> None:
        """Add the round's rows for ``language`` if the round has it; ``misspell``: a group
        noun's misspellings (``templates_languages.obfuscations``), for the rounds that
        misspell; ``nouns``: the (schema group, noun) pairs to fill the frames with, for a
        round without its own."""
        if language not in self.languages:
            return
        given = RoundInput(
            self.tables,
            language,
            self.nouns[language] if nouns is None else nouns,
            misspell or (lambda _noun: ()),
        )
        for step in self.steps:
            step.add(given, out)


def calm_mention(_group: str) -> dict[str, float]:
    """A calm sentence naming a group: all clear, whichever the group."""
    return all_clear()


def threat_to_a_person() -> dict[str, float]:
    """A threat (plain or veiled) against a person: toxic and a threat, no identity
    attack."""
    return {"toxicity": 1.0, "threat": 1.0, "identity_attack": 0.0}


def attack_threat_unknown(group: str) -> dict[str, float]:
    """An attack on ``group`` as rounds one to three label it: toxic, an identity attack
    naming the group, not an insult; threat left unknown."""
    labels = {"toxicity": 1.0, "identity_attack": 1.0, "insult": 0.0}
    labels.update(target_labels({group}))
    return labels


def word_variants(word: str) -> tuple[str, ...]:
    """A hateful word misspelt five ways, in a fixed order: two middle letters swapped,
    a middle letter dropped, spaced out, leetspeak, and (marked by a leading space) run
    into the word before it."""
    mid = len(word) // 2
    swapped = word[: mid - 1] + word[mid] + word[mid - 1] + word[mid + 1 :]
    dropped = word[:mid] + word[mid + 1 :]
    spaced = " ".join(word)
    leet = word.translate(str.maketrans("aeiosAEIOS", "4310$43105"))
    return (swapped, dropped, spaced, leet, " " + word)


def misspelt(text: str, word: str, trick: int) -> str:
    """``text`` with ``word`` misspelt by the ``trick``-th :func:`word_variants`; a word
    that is not in ``text`` (an ``explicit`` table's pair that does not match, in round five
    or six) is an error, not a row left unmisspelt."""
    if word not in text:
        raise TemplateDataError(f"explicit word {word!r} is not in {text!r}")
    variant = word_variants(word)[trick % 5]
    if not variant.startswith(" "):
        return text.replace(word, variant, 1)
    # spaces removed: run the word into the one before it (or, first, the one after it)
    at = text.find(word)
    if at > 0 and text[at - 1] == " ":
        return text[: at - 1] + text[at:]
    end = at + len(word)
    return text[:end] + text[end + 1 :] if text[end : end + 1] == " " else text
