"""Rules the packaged template files keep (``resources/templates/*.toml``): each frame has
the placeholder it is filled through, rounds five and six's explicit words stand in their
frames, every group named is a schema group, and a file's tables cover the same languages;
the civic news templates (``civic.toml``, English only) hold only the slots their frames are
filled with, and name schema groups; the news-topic templates (``news_topics.toml``) fill a
``{body}`` exactly where they list bodies and name only kinds of thing the file has.

The specs below name every file and every table, so one added without a rule fails.
"""

from __future__ import annotations

from importlib import resources
from string import Formatter

import pytest

from threadguard.schema import GROUPS
from threadguard.training.template_rounds import misspelt
from threadguard.training.template_tables import TemplateDataError, TemplateTables

G, Q, FIXED = "{g}", "{q}", None

#: Per file, per table: the placeholder its sentences must hold ({g}: a group's noun, {q}:
#: a quoted slogan, FIXED: neither), or for a table of pairs ("pairs", index of the schema
#: group in each pair, or None when the pair holds no group).
SPEC: dict[str, dict[str, object]] = {
    "languages.toml": {
        "groups": ("pairs", 0),
        "hate": G,
        "good": G,
        "insults": FIXED,
        "threats": FIXED,
        "civil": FIXED,
        "slogans": G,
        "counter": Q,
        "reject": G,
        "obfuscated_hate": G,
    },
    "languages_round3.toml": {
        "profane_mild": FIXED,
        "profane_dense": FIXED,
        "objects": FIXED,
        "subtle_hate": G,
        "coded": ("pairs", 1),
        "warm": G,
        "civil_opinions": FIXED,
        "veiled_threats": FIXED,
        "calm": G,
    },
    "languages_round4.toml": {
        "nouns": ("pairs", 0),
        "news_calm": G,
        "news_fixed": FIXED,
        "defence": G,
        "quoted": Q,
        "slogans": G,
        "negated": G,
        "attacks": ("by_kind", G),
        "coded": ("pairs", 1),
        "insults": FIXED,
    },
    "languages_round5.toml": {
        "nouns": ("pairs", 0),
        "neutral": G,
        "defence": G,
        "negated": G,
        "quoted": Q,
        "slogans": G,
        "swearing": FIXED,
        "attacks": ("by_kind", G),
        "explicit": ("pairs", None),
        "coded": ("pairs", 1),
        "insults": FIXED,
    },
    "languages_round6.toml": {
        "nouns": ("pairs", 0),
        "neutral": G,
        "defence": G,
        "negated": G,
        "quoted": Q,
        "slogans": G,
        "swearing": FIXED,
        "dense": FIXED,
        "objects": FIXED,
        "reclaimed": FIXED,
        "attacks": ("by_kind", G),
        "explicit": ("pairs", None),
        "coded": ("pairs", 1),
        "context": ("pairs", 1),
        "insults": FIXED,
    },
}

#: Tables that cover only some of their file's languages (one set per file): languages.toml's
#: round-two tables (the languages with a functional suite) and round six's reclaimed slurs
#: (French only). Every other table of a file covers all of the file's languages.
PARTIAL = {
    "languages.toml": {"slogans", "counter", "reject", "obfuscated_hate"},
    "languages_round6.toml": {"reclaimed"},
}


def _sentences(tables: TemplateTables, table: str, rule: object) -> dict[str, tuple[str, ...]]:
    """Per language (and kind), the sentences a rule checks the placeholder of."""
    if isinstance(rule, tuple) and rule[0] == "by_kind":
        return {
            f"{language}.{kind}": frames
            for language, kinds in tables.sentences_by_kind(table).items()
            for kind, frames in kinds.items()
        }
    if isinstance(rule, tuple):  # pairs: the sentence is the first of a sentence pair
        if rule[1] == 0:
            return {}
        return {lang: tuple(p[0] for p in ps) for lang, ps in tables.pairs(table).items()}
    return tables.sentences(table)


#: civic.toml, per array of frames (``[frames]``' kinds as ``frames.kind``): the slots that
#: templates_civic fills its sentences with. A frame holding another slot would fail only
#: when the seeded sampling picks it, so the rule checks every frame.
CIVIC_SLOTS: dict[str, set[str]] = {
    "hostile_frames": {"p", "P", "n"},
    "frames.migration": {"p", "P", "n"},
    "frames.people": {"p", "P", "n"},
    "frames.self": {"p", "P", "n", "adj", "country"},
    "frames.country": {"n", "adj", "country"},
    "frames.faith_plural": {"p", "P", "n", "adj", "b", "h", "l"},
    "frames.faith": {"p", "P", "n", "adj", "b", "h", "l"},
    "frames.army": {"a"},
    "frames.alliance": {"a", "A"},
    "frames.party": {"a", "A"},
    "frames.sarcasm": set(),
}
#: civic.toml's arrays of nouns (no slots).
CIVIC_NOUNS = {"nationalities", "migrants", "faiths", "armies", "alliances", "parties"}


def test_the_spec_names_every_template_file() -> None:
    folder = resources.files("threadguard.resources").joinpath("templates")
    names = sorted(f.name for f in folder.iterdir() if f.name.endswith(".toml"))
    assert names == sorted(
        [
            *SPEC,
            "civic.toml",
            "news_topics.toml",
            "sexual_harassment.toml",
            "written_desks.toml",
            "written_hate.toml",
            "written_policy.toml",
            "written_replies.toml",
            "written_threats.toml",
            "written_verdicts.toml",
        ]
    )


def test_civic_frames_hold_only_the_slots_they_are_filled_with() -> None:
    tables = TemplateTables.load("civic.toml")
    frames = {f"frames.{kind}": s for kind, s in tables.sentences("frames").items()}
    frames["hostile_frames"] = tuple(f for f, _ in tables.records("hostile_frames", (str, bool)))
    assert set(tables.tables) == CIVIC_NOUNS | {"hostile_frames", "frames"}
    assert set(frames) == set(CIVIC_SLOTS)
    wrong = [
        (kind, frame)
        for kind, sentences in frames.items()
        for frame in sentences
        if not {slot for _, slot, _, _ in Formatter().parse(frame) if slot} <= CIVIC_SLOTS[kind]
    ]
    assert wrong == []


def test_civic_nouns_name_schema_groups() -> None:
    tables = TemplateTables.load("civic.toml")
    nationalities = tables.records("nationalities", (str, str, str, tuple))
    faiths = tables.records("faiths", (str,) * 6)
    named = {g for *_, groups in nationalities for g in groups} | {f[-1] for f in faiths}
    assert named and named <= set(GROUPS)


@pytest.mark.parametrize("name", sorted(SPEC))
def test_the_spec_names_every_table_of_the_file(name: str) -> None:
    assert set(TemplateTables.load(name).tables) == set(SPEC[name])


@pytest.mark.parametrize("name", sorted(SPEC))
def test_every_frame_holds_its_placeholder_and_fixed_sentences_none(name: str) -> None:
    tables = TemplateTables.load(name)
    wrong = []
    for table, rule in SPEC[name].items():
        needed = rule[1] if isinstance(rule, tuple) and rule[0] == "by_kind" else rule
        if isinstance(rule, tuple) and rule[0] == "pairs":
            needed = G if table == "explicit" else FIXED
        for where, sentences in _sentences(tables, table, rule).items():
            for sentence in sentences:
                held = {p for p in (G, Q) if p in sentence}
                if held != ({needed} if needed else set()):
                    wrong.append((table, where, sentence))
    assert wrong == []


@pytest.mark.parametrize("name", sorted(SPEC))
def test_every_group_named_is_a_schema_group(name: str) -> None:
    tables = TemplateTables.load(name)
    unknown = [
        (table, language, pair)
        for table, rule in SPEC[name].items()
        if isinstance(rule, tuple) and rule[0] == "pairs" and rule[1] is not None
        for language, pairs in tables.pairs(table).items()
        for pair in pairs
        if pair[rule[1]] not in GROUPS
    ]
    assert unknown == []


@pytest.mark.parametrize("name", sorted(SPEC))
def test_a_files_tables_cover_the_same_languages(name: str) -> None:
    covered = {table: set(value) for table, value in TemplateTables.load(name).tables.items()}
    partial = PARTIAL.get(name, set())
    full = [langs for table, langs in covered.items() if table not in partial]
    assert all(langs == full[0] for langs in full), covered
    some = [covered[table] for table in partial]
    assert all(langs == some[0] and langs < full[0] for langs in some), covered


@pytest.mark.parametrize("name", ["languages_round5.toml", "languages_round6.toml"])
def test_explicit_words_stand_in_their_frames(name: str) -> None:
    explicit = TemplateTables.load(name).pairs("explicit")
    missing = [
        (language, frame, word)
        for language, pairs in explicit.items()
        for frame, word in pairs
        if word not in frame.replace(G, "")
    ]
    assert explicit and missing == []


def test_a_misspelt_word_must_be_in_the_sentence() -> None:
    assert misspelt("ils sont des parasites ici", "parasites", 0) != "ils sont des parasites ici"
    assert misspelt("ils sont des parasites ici", "parasites", 4) == "ils sont desparasites ici"
    assert misspelt("parasites ici", "parasites", 4) == "parasitesici"
    for trick in range(5):
        with pytest.raises(TemplateDataError, match="'vermine' is not in 'ils sont des parasites'"):
            misspelt("ils sont des parasites", "vermine", trick)


def test_news_topic_frames_take_exactly_the_fills_they_list() -> None:
    tables = TemplateTables.load("news_topics.toml")
    kinds = {"written", "plans", "claims"}
    assert set(tables.tables) == kinds | {"sex_topics", "dismissals", "at_person"}
    wrong = [
        f
        for f, bodies in tables.records("sex_topics", (str, tuple))
        if {s for _, s, _, _ in Formatter().parse(f) if s} != ({"body"} if bodies else set())
    ]
    for key in ("dismissals", "at_person"):
        for frame, named in tables.records(key, (str, tuple)):
            slots = {s for _, s, _, _ in Formatter().parse(frame) if s}
            if not named or not set(named) <= kinds or not slots or not slots <= {"thing", "Thing"}:
                wrong.append(frame)
    assert wrong == []
