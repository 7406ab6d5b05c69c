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

The sentences are data (``resources/templates/languages_round4.toml``), written and
checked as :mod:`threadguard.training.template_rounds` says; :data:`ROUND_FOUR` labels them.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from threadguard.training.augment import spelled_badly
from threadguard.training.datasets import LabelledRows
from threadguard.training.labels import (
    all_clear,
    fill_group,
    group_attack,
    groups_in_turn,
    personal_insult,
)
from threadguard.training.template_rounds import (
    ATTACK_NOUNS_PER_FRAME,
    CALM_NOUNS_PER_FRAME,
    Aimed,
    Filled,
    Fixed,
    LanguageRound,
    Quoted,
    RoundInput,
    calm_mention,
)

#: Every how-many-th attack row also gets a misspelt copy: in turn, the group's noun
#: misspelt (``misspell``) and one other word (``augment.spelled_badly``).
MISSPELT_EVERY = 2


@dataclass(frozen=True)
class SomeMisspelt:
    """Attacks on a group (the table of kinds ``table``), each frame filled with
    ``per_frame`` nouns in turn from the ``start``-th; every :data:`MISSPELT_EVERY`-th
    filling also gets a misspelt copy (round four's own way; rounds five and six use
    :class:`~threadguard.training.template_rounds.MisspeltAttacks`)."""

    table: str
    per_frame: int
    start: int

    def add(self, given: RoundInput, out: LabelledRows) -> None:
        rng = random.Random(4)
        frames = given.by_kind(self.table)
        for f in groups_in_turn(frames, given.nouns, self.per_frame, self.start):
            text = fill_group(f.frame, f.noun)
            out.add(text, "train", group_attack(f.group))
            if f.n % MISSPELT_EVERY == 0:
                variants = given.misspell(f.noun)
                if (f.n // MISSPELT_EVERY) % 2 == 0 and variants:
                    text = fill_group(f.frame, variants[(f.n // 4) % len(variants)])
                else:
                    text = spelled_badly(text, rng)
                out.add(text, "train", group_attack(f.group))


#: ``resources/templates/languages_round4.toml``, per language: more group nouns than
#: rounds one to three fill their frames with (schema group, noun as the sentence's
#: subject or object; no slur: the calm frames take every one of them), then the rows in
#: order: calm comments of a news site's readers that name a group (reports, figures,
#: local life, policy argued without contempt) and calm sentences that deny a prejudice,
#: defend the group, or report and condemn an attack on it, all clear; calm news comments
#: naming a nation, a religion or a city's communities (no ``{g}``), all clear; hate
#: quoted in order to reject it and hate words negated or denied, all clear (Spanish held
#: both at @3: the slogan's words and a negated slur scored as the attack itself); attacks
#: per phenomenon (implicit derogation, hate asked as a question, hate stated as an
#: opinion, dehumanising metaphors, sarcasm at the group), some misspelt; coded hate (a
#: dog whistle or a code word names the target: (sentence, schema group) pairs); insults
#: of one person (the French suite held its insults but scored few of them as insults).
ROUND_FOUR = LanguageRound(
    "languages_round4.toml",
    [
        Filled(("news_calm", "defence"), CALM_NOUNS_PER_FRAME, calm_mention),
        Fixed(("news_fixed",), all_clear),
        Quoted("quoted", "slogans", CALM_NOUNS_PER_FRAME, start=3, quote_filled=False),
        Filled(("negated",), CALM_NOUNS_PER_FRAME, calm_mention, start=7),
        SomeMisspelt("attacks", ATTACK_NOUNS_PER_FRAME, start=5),
        Aimed(("coded",)),
        Fixed(("insults",), personal_insult),
    ],
)
#: The round's group nouns, per language (French and Spanish).
NOUNS = ROUND_FOUR.nouns
#: Add the round-four rows for a language that has them: ``(language, out, misspell)``.
round_four_rows = ROUND_FOUR.add_rows
