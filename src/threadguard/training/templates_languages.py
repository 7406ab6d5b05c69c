"""The team's training templates for the languages beyond English.

Spanish, Italian, Dutch and Polish have no labelled set in the data folder, Turkish's set
labels only "offensive", and MLMA French is mostly hostile tweets: none of them teaches
that a calm sentence naming a group is not an attack, or what an attack on a group looks
like in that language. These rows, written by the team in each language (native phrasing,
not translations of the English templates), add that: attacks on groups (toxicity and
identity attack, with the group), positive and neutral statements about the same groups
(all clear), insults of one person (insult, no identity attack), threats, and civil
disagreement. They are training rows only. The functional suites
(``resources/functional_suite_<lang>.jsonl``) are written separately and must share no
sentence with them: :func:`overlap_with_suites` checks (normalised text), and a test runs it.

The sentences are data, in ``resources/templates/languages.toml``; this module labels them
and fills their frames with the groups.
"""

from __future__ import annotations

from importlib import resources

from threadguard.normalize import normalize_text
from threadguard.training.datasets import LabelledRows
from threadguard.training.labels import all_clear, fill_group, personal_insult
from threadguard.training.template_rounds import attack_threat_unknown, threat_to_a_person
from threadguard.training.template_tables import TemplateTables
from threadguard.training.templates_languages_round3 import round_three_rows
from threadguard.training.templates_languages_round4 import round_four_rows
from threadguard.training.templates_languages_round5 import round_five_rows
from threadguard.training.templates_languages_round6 import round_six_rows

#: The sentences, per language: ``resources/templates/languages.toml`` (its comments say
#: what each round added, and why).
_TABLES = TemplateTables.load("languages.toml")

#: Per language: the groups (schema group, plural noun as the sentence's subject).
GROUPS = _TABLES.pairs("groups")
#: Attacks on a group: ``{g}`` is the group's noun.
HATE = _TABLES.sentences("hate")
#: Positive and neutral statements about the same groups: all clear.
GOOD = _TABLES.sentences("good")
#: Insults of one person (insult, no identity attack).
INSULTS = _TABLES.sentences("insults")
#: Threats (threat and toxicity).
THREATS = _TABLES.sentences("threats")
#: Civil comments, disagreement included: all clear.
CIVIL = _TABLES.sentences("civil")

# Round 2 (threadguard-fast-xx@2), for de, fr and es: counter-speech, rejection of hatred
# and attacks with a misspelt group name (:func:`round_two_rows`).
#: Hateful slogans that counter-speech quotes: ``{g}`` is the group's noun.
SLOGANS = _TABLES.sentences("slogans")
#: Frames that quote a slogan (``{q}``) to reject or report it: all clear.
COUNTER = _TABLES.sentences("counter")
#: Rejecting or reporting hatred against a group, and denying a hateful claim: all clear.
REJECT = _TABLES.sentences("reject")
#: Attacks with the group's name obfuscated: hate frames (``{g}``) that take a misspelt noun.
OBFUSCATED_HATE = _TABLES.sentences("obfuscated_hate")


def template_rows(language: str) -> LabelledRows:
    """The language's template rows (all ``train``), named ``templates_<language>``."""
    out = LabelledRows(f"templates_{language}")
    for group, noun in GROUPS[language]:
        for frame in HATE[language]:
            out.add(fill_group(frame, noun), "train", attack_threat_unknown(group))
        for frame in GOOD[language]:
            out.add(fill_group(frame, noun), "train", all_clear())
    for text in INSULTS[language]:
        out.add(text, "train", personal_insult())
    for text in THREATS[language]:
        out.add(text, "train", threat_to_a_person())
    for text in CIVIL[language]:
        out.add(text, "train", all_clear())
    round_two_rows(language, out)
    round_three_rows(language, GROUPS[language], out)
    round_four_rows(language, out, obfuscations)
    round_five_rows(language, out, obfuscations)
    round_six_rows(language, out, obfuscations)
    return out


def all_template_rows() -> list[LabelledRows]:
    """Every language's template block."""
    return [template_rows(language) for language in GROUPS]


def overlap_with_suites() -> list[str]:
    """Template sentences that also appear (normalised) in a functional suite: must be none."""
    suites = resources.files("threadguard.resources")
    import json

    held_out: set[str] = set()
    for language in GROUPS:
        f = suites.joinpath(f"functional_suite_{language}.jsonl")
        if f.is_file():
            for line in f.read_text("utf-8").splitlines():
                if line.strip():
                    held_out.add(normalize_text(json.loads(line)["text"]))
    return [t for b in all_template_rows() for t in b.texts if normalize_text(t) in held_out]


def obfuscations(noun: str) -> tuple[str, ...]:
    """Misspellings of a group's noun the way evaders write them: two letters swapped
    (third and fourth, and mid-word), the third dropped, letters spaced out, leetspeak
    (deterministic, no randomness; no mid-word drop: "Schwule" would become "Schule")."""
    head, word = ("", noun)
    if " " in noun:  # "los inmigrantes": keep the article, obfuscate the noun
        head, word = noun.rsplit(" ", 1)
        head += " "
    mid = len(word) // 2
    early_swap = word[:2] + word[3] + word[2] + word[4:]
    swapped = word[: mid - 1] + word[mid] + word[mid - 1] + word[mid + 1 :]
    early_drop = word[:2] + word[3:]
    spaced = " ".join(word)
    leet = word.translate(str.maketrans("aeios", "4310$"))
    variants = (early_swap, swapped, early_drop, spaced, leet)
    return tuple(dict.fromkeys(head + w for w in variants if w != word))


def round_two_rows(language: str, out: LabelledRows) -> None:
    """Add the round-two rows (counter-speech, rejection, obfuscated attacks) for a
    language that has them."""
    if language not in COUNTER:
        return
    groups = GROUPS[language]
    slogans = SLOGANS[language]
    for i, frame in enumerate(COUNTER[language]):
        for j, (_group, noun) in enumerate(groups):
            quote = slogans[(i + j) % len(slogans)].replace("{g}", noun)
            out.add(frame.replace("{q}", quote), "train", all_clear())
    for frame in REJECT[language]:
        for _group, noun in groups:
            out.add(fill_group(frame, noun), "train", all_clear())
    for k, frame in enumerate(OBFUSCATED_HATE[language]):
        for group, noun in groups:
            for variant in obfuscations(noun)[k % 3 :: 3]:
                out.add(fill_group(frame, variant), "train", attack_threat_unknown(group))
