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
  (``templates_languages.obfuscations`` for the noun, :func:`word_variants` for the word);
- insults of one person (insult, no group).

Written from the phenomena's names only, not from the suites' sentences, in each language's
own idiom. Training rows only: ``templates_languages.overlap_with_suites`` and a
five-word-run test check that no sentence and no five-word run is shared with a suite or
a blind check.

The sentences are data, in ``resources/templates/languages_round5.toml``; this module
labels them, fills their frames with the nouns and misspells the attacks' words.
"""

from __future__ import annotations

from collections.abc import Callable

from threadguard.training.datasets import LabelledRows
from threadguard.training.labels import (
    all_clear,
    fill_group,
    group_attack,
    groups_in_turn,
    personal_insult,
    swearing_at_no_one,
)
from threadguard.training.template_tables import TemplateDataError, TemplateTables

#: The sentences, per language: ``resources/templates/languages_round5.toml``.
_TABLES = TemplateTables.load("languages_round5.toml")

#: Group nouns the round-five frames are filled with (schema group, noun as subject or
#: object; French frames never put ``{g}`` after "de" or "à"). No slur: calm frames take
#: every one of them, more often than the attack frames do.
NOUNS = _TABLES.pairs("nouns")
#: Neutral mentions: reports, figures, daily life, plain questions. All clear.
NEUTRAL = _TABLES.sentences("neutral")
#: Defences of a group and calm replies to prejudice against it. All clear.
DEFENCE = _TABLES.sentences("defence")
#: Prejudice denied or negated. All clear.
NEGATED = _TABLES.sentences("negated")
#: Counter-speech that quotes a hateful slogan (``{q}``, from :data:`SLOGANS`) to reject
#: it. All clear.
QUOTED = _TABLES.sentences("quoted")
SLOGANS = _TABLES.sentences("slogans")
#: Swearing at no one, and harsh words about things or events: clear on toxicity,
#: identity attack, insult and threat; profanity left unlabelled.
SWEARING = _TABLES.sentences("swearing")
#: Attacks on a group (``{g}``), one tuple per phenomenon: implicit derogation (a
#: stereotype stated or implied, no slur), hate asked as a question, sarcasm at the group.
ATTACKS = _TABLES.sentences_by_kind("attacks")
#: Explicit attacks with the key word to misspell: (frame, word in the frame).
EXPLICIT = _TABLES.pairs("explicit")
#: Coded hate and dog whistles: a code word, a number or a trope names the target:
#: (sentence, schema group) pairs.
CODED = _TABLES.pairs("coded")
#: Insults of one person: insult, no group.
INSULTS = _TABLES.sentences("insults")

#: How many nouns fill each calm frame and each attack frame (in turn, so every noun is
#: used): calm frames take more, so every noun meets calm use at least as often as attack.
CALM_NOUNS_PER_FRAME = 4
ATTACK_NOUNS_PER_FRAME = 2


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


def _misspelt(text: str, word: str, trick: int) -> str:
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


def add_misspelt_attacks(
    explicit: tuple[tuple[str, str], ...],
    nouns: tuple[tuple[str, str], ...],
    out: LabelledRows,
    misspell: Callable[[str], tuple[str, ...]],
    per_frame: int,
    start: int,
) -> None:
    """Add explicit attacks ((frame, key word) pairs), each frame filled with ``per_frame``
    nouns in turn from the ``start``-th; each filling three times: as written, with its
    key word misspelt (:func:`word_variants`, in turn) and with its noun misspelt
    (``misspell``, in turn; left out when the noun has no misspelling)."""
    for f in groups_in_turn([frame for frame, _word in explicit], nouns, per_frame, start):
        text = fill_group(f.frame, f.noun)
        out.add(text, "train", group_attack(f.group))
        out.add(_misspelt(text, explicit[f.i][1], f.n), "train", group_attack(f.group))
        variants = misspell(f.noun)
        if variants:
            bad_noun = fill_group(f.frame, variants[f.n % len(variants)])
            out.add(bad_noun, "train", group_attack(f.group))


def round_five_rows(
    language: str, out: LabelledRows, misspell: Callable[[str], tuple[str, ...]]
) -> None:
    """Add the round-five rows for a language that has them (French and Spanish);
    ``misspell``: a group noun's misspellings (``templates_languages.obfuscations``)."""
    if language not in NOUNS:
        return
    nouns = NOUNS[language]
    calm = (*NEUTRAL[language], *DEFENCE[language], *NEGATED[language])
    for f in groups_in_turn(calm, nouns, CALM_NOUNS_PER_FRAME):
        out.add(fill_group(f.frame, f.noun), "train", all_clear())
    slogans = SLOGANS[language]
    for f in groups_in_turn(QUOTED[language], nouns, CALM_NOUNS_PER_FRAME, start=2):
        quote = fill_group(slogans[(f.i + f.j) % len(slogans)], f.noun)
        out.add(f.frame.replace("{q}", quote), "train", all_clear())
    for text in SWEARING[language]:
        out.add(text, "train", swearing_at_no_one())
    k = ATTACK_NOUNS_PER_FRAME
    frames = [f for phenomenon in ATTACKS[language].values() for f in phenomenon]
    for f in groups_in_turn(frames, nouns, k, start=1):
        out.add(fill_group(f.frame, f.noun), "train", group_attack(f.group))
    add_misspelt_attacks(EXPLICIT[language], nouns, out, misspell, per_frame=k, start=3)
    for text, group in CODED[language]:
        out.add(text, "train", group_attack(group))
    for text in INSULTS[language]:
        out.add(text, "train", personal_insult())
