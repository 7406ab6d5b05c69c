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

Written and checked as :mod:`threadguard.training.template_rounds` says (from the
phenomena's names only; no sentence or five-word run shared with a suite or a blind
check). The sentences are data, in ``resources/templates/languages_round5.toml``;
:data:`ROUND_FIVE` declares how they are labelled and filled.
"""

from __future__ import annotations

from threadguard.training.labels import group_attack, personal_insult, swearing_at_no_one
from threadguard.training.template_rounds import (
    ATTACK_NOUNS_PER_FRAME,
    CALM_NOUNS_PER_FRAME,
    Aimed,
    Filled,
    Fixed,
    LanguageRound,
    MisspeltAttacks,
    Quoted,
    calm_mention,
)

#: ``resources/templates/languages_round5.toml``, per language: the nouns (schema group,
#: noun as subject or object; French frames never put ``{g}`` after "de" or "à"; no slur:
#: calm frames take every one of them, more often than the attack frames do), then the
#: rows in order: neutral mentions (reports, figures, daily life, plain questions),
#: defences of a group and prejudice denied or negated, all clear; counter-speech quoting
#: a slogan to reject it, all clear; swearing at no one and harsh words about things
#: (profanity left unlabelled); attacks per phenomenon (implicit derogation, hate asked as
#: a question, sarcasm at the group); explicit attacks with a misspelt key word and noun;
#: coded hate and dog whistles ((sentence, schema group) pairs); insults of one person.
ROUND_FIVE = LanguageRound(
    "languages_round5.toml",
    [
        Filled(("neutral", "defence", "negated"), CALM_NOUNS_PER_FRAME, calm_mention),
        Quoted("quoted", "slogans", CALM_NOUNS_PER_FRAME, start=2),
        Fixed(("swearing",), swearing_at_no_one),
        Filled(("attacks",), ATTACK_NOUNS_PER_FRAME, group_attack, start=1, by_kind=True),
        MisspeltAttacks("explicit", ATTACK_NOUNS_PER_FRAME, start=3),
        Aimed(("coded",)),
        Fixed(("insults",), personal_insult),
    ],
)
#: The round's group nouns, per language (French and Spanish).
NOUNS = ROUND_FIVE.nouns
#: Add the round-five rows for a language that has them: ``(language, out, misspell)``.
round_five_rows = ROUND_FIVE.add_rows
