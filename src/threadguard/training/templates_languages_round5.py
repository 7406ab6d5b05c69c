"""Round five of the team's training templates for French and Spanish
(threadguard-fast-xx@5): the phenomena still weak after round four.

At @4 the French model let implicit derogation and coded hate through (they scored just
under the French hold, chosen on MLMA's dev rows), and half of the hate asked as a question
and of the sarcasm; Spanish held half of its calm statements naming a group (neutral
mentions, defences, negated hate, counter-speech quoting a slogan); in both, half of the
swearing at no one was held and a third of the misspelt attacks let through. These rows
add, per language:

- calm comments naming a group in new frames: neutral reports and questions, defences,
  negated and denied prejudice, counter-speech that quotes a slogan to reject it (all
  clear), filled with more nouns than the attacks so that a noun alone carries nothing;
- swearing at no one and harsh words about things (clear on every attribute but profanity,
  which is left unlabelled);
- implicit derogation (a stereotype stated or implied, no slur), hate asked as a question,
  sarcasm aimed at a group, coded hate and dog whistles (attacks on the group);
- explicit attacks whose key word or group noun is misspelt the way evaders write it:
  letters swapped or dropped, spaced out, run into the next word, leetspeak
  (``templates_languages.obfuscations`` for the noun,
  :func:`~threadguard.training.template_rounds.word_variants` for the word);
- insults of one person (insult, no group).

The sentences are data (``resources/templates/languages_round5.toml``), written and
checked as :mod:`threadguard.training.template_rounds` says; :data:`ROUND_FIVE` labels them.
"""

from __future__ import annotations

from threadguard.training import template_rounds as rounds
from threadguard.training.labels import group_attack, personal_insult, swearing_at_no_one

#: ``resources/templates/languages_round5.toml``, per language: the nouns (schema group,
#: noun as subject or object; French frames never put ``{g}`` after "de" or "à"; no slur:
#: calm frames take every one of them, more often than the attack frames do), then the
#: rows in order: neutral mentions (reports, figures, daily life, plain questions),
#: defences of a group and prejudice denied or negated, all clear; counter-speech quoting
#: a slogan to reject it, all clear; swearing at no one and harsh words about things
#: (profanity left unlabelled); attacks per phenomenon (implicit derogation, hate asked as
#: a question, sarcasm at the group); explicit attacks with a misspelt key word and noun;
#: coded hate and dog whistles ((sentence, schema group) pairs); insults of one person.
ROUND_FIVE = rounds.LanguageRound(
    "languages_round5.toml",
    [
        rounds.Filled(
            ("neutral", "defence", "negated"), rounds.CALM_NOUNS_PER_FRAME, rounds.calm_mention
        ),
        rounds.Quoted("quoted", "slogans", rounds.CALM_NOUNS_PER_FRAME, start=2),
        rounds.Fixed(("swearing",), swearing_at_no_one),
        rounds.Filled(
            ("attacks",), rounds.ATTACK_NOUNS_PER_FRAME, group_attack, start=1, by_kind=True
        ),
        rounds.MisspeltAttacks("explicit", rounds.ATTACK_NOUNS_PER_FRAME, start=3),
        rounds.Aimed(("coded",)),
        rounds.Fixed(("insults",), personal_insult),
    ],
)
#: The round's group nouns, per language (French and Spanish).
NOUNS = ROUND_FIVE.nouns
#: Add the round-five rows for a language that has them: ``(language, out, misspell)``.
round_five_rows = ROUND_FIVE.add_rows
