"""Round six of the team's training templates for French and Spanish
(threadguard-fast-xx@6): the phenomena still under 8 of 10 after round five.

At @5 French let all of its coded hate and more than half of its implicit derogation and
hate asked as a question through, held half of its defences of a group, and approved most
of the dense swearing it should hold (round five's swearing rows, all clear, pulled the
outbursts down with them); Spanish held half of its neutral mentions, negated hate and
counter-speech quoting a slogan, let most hate that needs the thread's context through,
and scored a third of its insults of one person below the insult hold. These rows add,
per language:

- calm comments naming a group in new frames: neutral news and questions, defences,
  negated and denied prejudice, counter-speech that quotes a slogan to reject it (all
  clear), filled with more nouns than the attacks so that a noun alone carries nothing;
- swearing at no one and harsh words about things (clear on every attribute but
  profanity, left unlabelled) beside outbursts dense with swearwords (toxic), so that
  density, not one swearword, makes the difference;
- reclaimed slurs (French): a group's own use of a word aimed at it, all clear;
- implicit derogation and hate asked as a question, coded hate and dog whistles (code
  words, tropes, an emoji), and attacks that name their target only by a pronoun or
  "those people" (hate that needs the thread's context): attacks on the group;
- explicit attacks, each with a copy whose key word is misspelt and one whose group noun
  is (:func:`~threadguard.training.templates_languages_round5.add_misspelt_attacks`);
- insults of one person (insult, no group).

Written from the phenomena's names only, not from the suites' sentences, in each language's
own idiom. Training rows only: ``templates_languages.overlap_with_suites`` and a
five-word-run test check that no sentence and no five-word run is shared with a suite or
a blind check.

The sentences are data, in ``resources/templates/languages_round6.toml``; this module
labels them and fills their frames with the nouns.
"""

from __future__ import annotations

from collections.abc import Callable

from threadguard.training.datasets import LabelledRows
from threadguard.training.labels import (
    all_clear,
    dense_swearing,
    fill_group,
    group_attack,
    groups_in_turn,
    personal_insult,
    swearing_at_no_one,
)
from threadguard.training.template_tables import TemplateTables
from threadguard.training.templates_languages_round5 import add_misspelt_attacks

#: The sentences, per language: ``resources/templates/languages_round6.toml``.
_TABLES = TemplateTables.load("languages_round6.toml")

#: Group nouns the round-six frames are filled with (schema group, noun as subject or
#: object). No slur: calm frames take every one of them, more often than attacks do.
NOUNS = _TABLES.pairs("nouns")
#: Calm frames naming a group (``{g}``): neutral news and questions, defences, negated
#: prejudice. All clear.
CALM = {
    language: (
        *neutral,
        *_TABLES.sentences("defence")[language],
        *_TABLES.sentences("negated")[language],
    )
    for language, neutral in _TABLES.sentences("neutral").items()
}
#: Counter-speech quoting a slogan (``{q}``, from :data:`SLOGANS`) to reject it. All clear.
QUOTED = _TABLES.sentences("quoted")
SLOGANS = _TABLES.sentences("slogans")
#: Swearing at no one and harsh words about things: clear, profanity unlabelled.
SWEARING = _TABLES.sentences("swearing")
#: Harsh words about things: all clear.
OBJECTS = _TABLES.sentences("objects")
#: Outbursts dense with swearwords at no one: toxic.
DENSE = _TABLES.sentences("dense")
#: Reclaimed slurs, per language that has them: all clear.
RECLAIMED = _TABLES.sentences("reclaimed")
#: Attacks on a group (``{g}``), per phenomenon: implicit derogation, hate as a question.
ATTACKS = _TABLES.sentences_by_kind("attacks")
#: Explicit attacks with the key word to misspell: (frame, word in the frame).
EXPLICIT = _TABLES.pairs("explicit")
#: Attacks that name their target by a code word, a trope or an emoji (``coded``) or only
#: by the thread they answer (``context``): (sentence, schema group) pairs.
CODED = _TABLES.pairs("coded")
CONTEXT = _TABLES.pairs("context")
#: Insults of one person: insult, no group.
INSULTS = _TABLES.sentences("insults")

#: How many nouns fill each calm frame and each attack frame (in turn, so every noun is
#: used): calm frames take more, so every noun meets calm use at least as often as attack.
CALM_NOUNS_PER_FRAME = 4
ATTACK_NOUNS_PER_FRAME = 2


def round_six_rows(
    language: str, out: LabelledRows, misspell: Callable[[str], tuple[str, ...]]
) -> None:
    """Add the round-six rows for a language that has them (French and Spanish);
    ``misspell``: a group noun's misspellings (``templates_languages.obfuscations``)."""
    if language not in NOUNS:
        return
    nouns = NOUNS[language]
    per_calm, per_attack = CALM_NOUNS_PER_FRAME, ATTACK_NOUNS_PER_FRAME
    for f in groups_in_turn(CALM[language], nouns, per_calm, start=1):
        out.add(fill_group(f.frame, f.noun), "train", all_clear())
    slogans = SLOGANS[language]
    for f in groups_in_turn(QUOTED[language], nouns, per_calm, start=3):
        quote = fill_group(slogans[f.n % len(slogans)], f.noun)
        out.add(f.frame.replace("{q}", quote), "train", all_clear())
    clear = (*OBJECTS[language], *RECLAIMED.get(language, ()))
    for text in clear:
        out.add(text, "train", all_clear())
    for text in SWEARING[language]:
        out.add(text, "train", swearing_at_no_one())
    for text in DENSE[language]:
        out.add(text, "train", dense_swearing())
    attack_frames = [f for kind in ATTACKS[language].values() for f in kind]
    for f in groups_in_turn(attack_frames, nouns, per_attack, start=2):
        out.add(fill_group(f.frame, f.noun), "train", group_attack(f.group))
    add_misspelt_attacks(EXPLICIT[language], nouns, out, misspell, per_attack, start=5)
    for text, group in (*CODED[language], *CONTEXT[language]):
        out.add(text, "train", group_attack(group))
    for text in INSULTS[language]:
        out.add(text, "train", personal_insult())
