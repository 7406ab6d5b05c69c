"""Round six of the team's training templates for French and Spanish
(threadguard-fast-xx@6): the phenomena still under 8 of 10 after round five.

At @5 French let all of its coded hate and more than half of its implicit derogation and
hate asked as a question through, held half of its defences of a group, and approved most
of the dense swearing it should hold (round five's swearing rows, all clear, pulled the
outbursts down with them); Spanish held half of its neutral mentions, negated hate and
counter-speech quoting a slogan, let most hate that needs the thread's context through,
and scored a third of its insults of one person below the insult hold. These rows add,
per language, new sentences of the kinds round five added (calm comments naming a group,
counter-speech quoting a slogan, swearing at no one and harsh words about things,
implicit derogation and hate asked as a question, coded hate and dog whistles, explicit
attacks with misspelt copies, insults of one person), and:

- outbursts dense with swearwords (toxic) beside the swearing at no one (clear, profanity
  left unlabelled), so that density, not one swearword, makes the difference;
- reclaimed slurs (French): a group's own use of a word aimed at it, all clear;
- coded hate by an emoji, and attacks that name their target only by a pronoun or "those
  people" (hate that needs the thread's context): attacks on the group.

The sentences are data (``resources/templates/languages_round6.toml``), written and
checked as :mod:`threadguard.training.template_rounds` says; :data:`ROUND_SIX` labels them.
"""

from __future__ import annotations

from threadguard.training import template_rounds as rounds
from threadguard.training.labels import (
    all_clear,
    dense_swearing,
    group_attack,
    personal_insult,
    swearing_at_no_one,
)

#: ``resources/templates/languages_round6.toml``, per language: the nouns (schema group,
#: noun as subject or object; no slur: calm frames take every one of them, more often than
#: attacks do), then the rows in order: calm frames naming a group (neutral news and
#: questions, defences, negated prejudice), all clear; counter-speech quoting a slogan to
#: reject it, all clear; harsh words about things and reclaimed slurs (French only), all
#: clear; swearing at no one (profanity unlabelled); outbursts dense with swearwords,
#: toxic; attacks per phenomenon (implicit derogation, hate as a question); explicit
#: attacks with a misspelt key word and noun; attacks naming their target by a code word,
#: a trope or an emoji (``coded``) or only by the thread they answer (``context``),
#: (sentence, schema group) pairs; insults of one person.
ROUND_SIX = rounds.LanguageRound(
    "languages_round6.toml",
    [
        rounds.Filled(
            ("neutral", "defence", "negated"),
            rounds.CALM_NOUNS_PER_FRAME,
            rounds.calm_mention,
            start=1,
        ),
        rounds.Quoted(
            "quoted", "slogans", rounds.CALM_NOUNS_PER_FRAME, start=3, slogan_by_filling=True
        ),
        rounds.Fixed(("objects", "reclaimed"), all_clear),
        rounds.Fixed(("swearing",), swearing_at_no_one),
        rounds.Fixed(("dense",), dense_swearing),
        rounds.Filled(
            ("attacks",), rounds.ATTACK_NOUNS_PER_FRAME, group_attack, start=2, by_kind=True
        ),
        rounds.MisspeltAttacks("explicit", rounds.ATTACK_NOUNS_PER_FRAME, start=5),
        rounds.Aimed(("coded", "context")),
        rounds.Fixed(("insults",), personal_insult),
    ],
)
#: The round's group nouns, per language (French and Spanish).
NOUNS = ROUND_SIX.nouns
#: Outbursts dense with swearwords at no one, per language: toxic.
DENSE = ROUND_SIX.tables.sentences("dense")
#: Add the round-six rows for a language that has them: ``(language, out, misspell)``.
round_six_rows = ROUND_SIX.add_rows
