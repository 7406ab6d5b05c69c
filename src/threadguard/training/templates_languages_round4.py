"""Round four of the team's training templates for French and Spanish
(threadguard-fast-xx@4): calm news-style comments that name groups, nations and religions,
and attacks in the registers rounds two and three left weak.

French has one labelled set, MLMA (tweets sampled by group keywords, 80% hostile): almost
no calm French sentence names a group, so the model met a group noun mostly in hate and
scored every such sentence alike (suite at @3: calm mentions 0.17-0.23 toxicity, implicit
derogation and coded hate 0.15-0.18). Spanish has no labelled set at all, and its calm
mentions scored as high as its attacks (0.30-0.45 against a 0.41 hold). These rows add
many calm comments in the style of a news site's readers (reports, figures, local life,
policy argued civilly, rejections and denials of prejudice), filled with more group nouns
than the earlier rounds use, and attacks with the same nouns in the phenomena the suites
name (implicit derogation, coded hate, hate asked as a question or stated as an opinion,
dehumanising metaphors, sarcasm at a group), plus misspelt copies of some attacks.

Written from the phenomena's names only, not from the suites' sentences, in each language's
own idiom. Training rows only: ``templates_languages.overlap_with_suites`` and a
five-word-run test check that no sentence and no five-word run is shared with a suite. The
suites are therefore not a blind test of these phenomena: the templates were written
knowing which functionalities they measure.

The sentences are data, in ``resources/templates/languages_round4.toml``; this module
labels them and fills their frames with the nouns.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from threadguard.training.augment import spelled_badly
from threadguard.training.datasets import LabelledRows
from threadguard.training.labels import (
    all_clear,
    fill_group,
    group_attack,
    groups_in_turn,
    personal_insult,
)
from threadguard.training.template_tables import TemplateTables

#: The sentences, per language: ``resources/templates/languages_round4.toml``.
_TABLES = TemplateTables.load("languages_round4.toml")

#: More group nouns than rounds one to three fill their frames with (schema group, noun as
#: the sentence's subject or object). No slur: the calm frames take every one of them.
NOUNS = _TABLES.pairs("nouns")
#: Calm comments of a news site's readers that name a group (``{g}``): reports, figures,
#: local life, policy argued without contempt. All clear.
NEWS_CALM = _TABLES.sentences("news_calm")
#: Calm news comments naming a nation, a religion or a city's communities, no ``{g}``.
NEWS_FIXED = _TABLES.sentences("news_fixed")
#: Calm sentences that name a group to deny a prejudice, defend the group, or report and
#: condemn an attack on it, in new wordings. All clear.
DEFENCE = _TABLES.sentences("defence")
#: Hate quoted in order to reject it (``{q}``: a hateful slogan about a group, filled from
#: :data:`SLOGANS`), and hate words negated or denied (:data:`NEGATED`): all clear. Spanish
#: held both at @3 (the slogan's words and a negated slur scored as the attack itself).
QUOTED = _TABLES.sentences("quoted")
#: The slogans the quoting frames reject.
SLOGANS = _TABLES.sentences("slogans")
NEGATED = _TABLES.sentences("negated")
#: Attacks on a group (``{g}``), one tuple per phenomenon: implicit derogation (a
#: stereotype implied, no slur), hate asked as a question, hate stated as an opinion,
#: dehumanising metaphors, sarcasm at the group.
ATTACKS = _TABLES.sentences_by_kind("attacks")
#: Coded hate: a dog whistle or a code word names the target instead of the group's noun:
#: (sentence, schema group) pairs.
CODED = _TABLES.pairs("coded")
#: Insults of one person (insult, no group): the French suite held its insults but scored
#: few of them as insults.
INSULTS = _TABLES.sentences("insults")

#: How many nouns fill each calm frame and each attack frame (in turn, so every noun is
#: used): calm frames take more, so the new nouns meet calm use at least as often as hate.
CALM_NOUNS_PER_FRAME = 4
ATTACK_NOUNS_PER_FRAME = 2
#: Every how-many-th attack row also gets a misspelt copy: in turn, the group's noun
#: misspelt (``misspell``) and one other word (``augment.spelled_badly``).
MISSPELT_EVERY = 2


def round_four_rows(
    language: str, out: LabelledRows, misspell: Callable[[str], tuple[str, ...]]
) -> None:
    """Add the round-four rows for a language that has them (French and Spanish);
    ``misspell``: a group noun's misspellings (``templates_languages.obfuscations``)."""
    if language not in NOUNS:
        return
    nouns = NOUNS[language]
    c = CALM_NOUNS_PER_FRAME
    for f in groups_in_turn((*NEWS_CALM[language], *DEFENCE[language]), nouns, c):
        out.add(fill_group(f.frame, f.noun), "train", all_clear())
    for text in NEWS_FIXED[language]:
        out.add(text, "train", all_clear())
    slogans = SLOGANS[language]
    for f in groups_in_turn(QUOTED[language], nouns, c, start=3):
        quote = slogans[(f.i + f.j) % len(slogans)].replace("{g}", f.noun)
        out.add(fill_group(f.frame.replace("{q}", quote), f.noun), "train", all_clear())
    for f in groups_in_turn(NEGATED[language], nouns, c, start=7):
        out.add(fill_group(f.frame, f.noun), "train", all_clear())
    rng = random.Random(4)
    frames = [f for phenomenon in ATTACKS[language].values() for f in phenomenon]
    for f in groups_in_turn(frames, nouns, ATTACK_NOUNS_PER_FRAME, start=5):
        text = fill_group(f.frame, f.noun)
        out.add(text, "train", group_attack(f.group))
        if f.n % MISSPELT_EVERY == 0:
            variants = misspell(f.noun)
            if (f.n // MISSPELT_EVERY) % 2 == 0 and variants:
                text = fill_group(f.frame, variants[(f.n // 4) % len(variants)])
            else:
                text = spelled_badly(text, rng)
            out.add(text, "train", group_attack(f.group))
    for text, group in CODED[language]:
        out.add(text, "train", group_attack(group))
    for text in INSULTS[language]:
        out.add(text, "train", personal_insult())
