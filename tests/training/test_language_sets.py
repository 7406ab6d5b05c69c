"""The non-English sets' label mapping and loaders, and the team's templates for them."""

from __future__ import annotations

import json
import math
from importlib import resources
from pathlib import Path

import pytest

from threadguard.normalize import normalize_text
from threadguard.training.datasets import HEADS, LabelledRows
from threadguard.training.datasets_multilingual import (
    LANGUAGE_SETS,
    germeval_labels,
    load_language_sets,
    mlma_labels,
    osact_labels,
)
from threadguard.training.language_tier import GROUPS
from threadguard.training.templates_languages import (
    COUNTER,
    obfuscations,
    overlap_with_suites,
    template_rows,
)
from threadguard.training.templates_languages import (
    GROUPS as TEMPLATE_GROUPS,
)
from threadguard.training.templates_languages_round3 import (
    PROFANE_DENSE,
    PROFANE_MILD,
    round_three_rows,
)
from threadguard.training.templates_languages_round4 import NOUNS, round_four_rows
from threadguard.training.templates_languages_round5 import NOUNS as NOUNS5
from threadguard.training.templates_languages_round5 import round_five_rows
from threadguard.training.templates_languages_round6 import DENSE as DENSE6
from threadguard.training.templates_languages_round6 import NOUNS as NOUNS6
from threadguard.training.templates_languages_round6 import round_six_rows


def test_germeval_fine_labels_say_which_attribute() -> None:
    assert germeval_labels("OTHER", "OTHER")["toxicity"] == 0.0
    abuse = germeval_labels("OFFENSE", "ABUSE")
    assert abuse["toxicity"] == 1.0 and abuse["identity_attack"] == 1.0
    insult = germeval_labels("OFFENSE", "INSULT")
    assert insult["insult"] == 1.0 and insult["identity_attack"] == 0.0
    assert germeval_labels("OFFENSE", "PROFANITY")["profanity"] == 1.0


def test_osact_hate_classes_name_groups_where_they_can() -> None:
    hs = osact_labels("OFF", "HS2", "NOT_VLG", "VIO")
    assert hs["identity_attack"] == 1.0 and hs["target:religion"] == 1.0 and hs["threat"] == 1.0
    ideology = osact_labels("OFF", "HS3", "VLG", "NOT_VIO")
    assert ideology["identity_attack"] == 1.0 and "target:religion" not in ideology
    assert osact_labels("NOT_OFF", "NOT_HS", "NOT_VLG", "NOT_VIO")["toxicity"] == 0.0


def test_mlma_normal_alone_is_clear_and_groups_are_targets() -> None:
    assert mlma_labels("normal", "women")["toxicity"] == 0.0
    hateful = mlma_labels("abusive_normal", "african_descent")
    assert hateful["toxicity"] == 1.0 and hateful["target:black_people"] == 1.0
    assert hateful["target:race_ethnicity"] == 1.0  # the coarse group comes with the fine one
    individual = mlma_labels("offensive", "individual")
    assert individual["insult"] == 1.0 and individual["identity_attack"] == 0.0
    assert "identity_attack" not in mlma_labels("offensive", "other")


def test_every_group_serves_known_languages_once() -> None:
    served = [lang for g in GROUPS for lang in g.languages]
    assert len(served) == len(set(served))
    assert set(served) == {"de", "fr", "es", "it", "pt", "nl", "pl", "tr", "ar"}
    for g in GROUPS:
        assert set(g.datasets) <= set(LANGUAGE_SETS)
        assert set(g.templates) <= set(TEMPLATE_GROUPS)


@pytest.mark.parametrize("language", sorted(TEMPLATE_GROUPS))
def test_templates_teach_toxicity_and_identity_attack_both_ways(language: str) -> None:
    rows = template_rows(language)
    m = rows.matrix()
    for head in ("toxicity", "identity_attack"):
        col = m[:, HEADS.index(head)]
        assert (col == 1.0).sum() >= 20 and (col == 0.0).sum() >= 20, head
    assert set(rows.splits) == {"train"}


def test_obfuscations_keep_the_article_and_misspell_the_noun() -> None:
    variants = obfuscations("los musulmanes")
    assert all(v.startswith("los ") for v in variants)
    assert "los musulmanes" not in variants
    assert "los m u s u l m a n e s" in variants
    assert len(set(variants)) == len(variants) >= 4
    assert "Schule" not in obfuscations("Schwule")  # a drop that makes a real word


@pytest.mark.parametrize("language", sorted(COUNTER))
def test_counter_speech_quoting_a_slogan_is_all_clear(language: str) -> None:
    """Round two: rows that quote hate to reject it teach "all clear", and rows with a
    misspelt group name teach identity attack (the suites' two weakest phenomena)."""
    rows = template_rows(language)
    m = rows.matrix()
    quoted = [i for i, t in enumerate(rows.texts) if any(q in t for q in "„«")]
    assert len(quoted) >= 30
    assert all(m[i, HEADS.index("toxicity")] == 0.0 for i in quoted)
    leet = [i for i, t in enumerate(rows.texts) if "$" in t or "3" in t]
    assert leet and all(m[i, HEADS.index("identity_attack")] == 1.0 for i in leet)


def test_no_template_sentence_is_in_a_functional_suite() -> None:
    assert overlap_with_suites() == []


def _word_runs(text: str, n: int = 5) -> set[tuple[str, ...]]:
    words = normalize_text(text).replace(".", " ").replace(",", " ").split()
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


@pytest.mark.parametrize(
    ("language", "round_"),
    [
        ("de", 3),
        ("fr", 3),
        ("es", 3),
        ("fr", 4),
        ("es", 4),
        ("fr", 5),
        ("es", 5),
        ("fr", 6),
        ("es", 6),
    ],
)
def test_later_rounds_share_no_five_word_run_with_the_suites(language: str, round_: int) -> None:
    """The round-three and round-four rows were written from the phenomena, not from the
    suites' cases: not one run of five words in common with any suite (cases and
    parents). The failure names the template sentences, not the suite's."""
    rows = LabelledRows(f"templates_{language}")
    if round_ == 3:
        round_three_rows(language, TEMPLATE_GROUPS[language], rows)
    elif round_ == 4:
        round_four_rows(language, rows, obfuscations)
    elif round_ == 5:
        round_five_rows(language, rows, obfuscations)
    else:
        round_six_rows(language, rows, obfuscations)
    suites = resources.files("threadguard.resources")
    suite_runs: set[tuple[str, ...]] = set()
    for lang in ("de", "fr", "es"):
        for line in (
            suites.joinpath(f"functional_suite_{lang}.jsonl").read_text("utf-8").splitlines()
        ):
            case = json.loads(line)
            for text in (case["text"], case.get("parent", "")):
                suite_runs |= _word_runs(text)
    close = [t for t in rows.texts if _word_runs(t) & suite_runs]
    assert close == []


@pytest.mark.parametrize("language", ["de", "fr", "es"])
def test_round_three_swearing_at_no_one_is_clear_and_dense_swearing_toxic(language: str) -> None:
    rows = template_rows(language)
    m = rows.matrix()
    tox, prof = HEADS.index("toxicity"), HEADS.index("profanity")
    mild = [rows.texts.index(t) for t in PROFANE_MILD[language]]
    dense = [rows.texts.index(t) for t in PROFANE_DENSE[language]]
    assert all(m[i, tox] == 0.0 and math.isnan(m[i, prof]) for i in mild)
    assert all(m[i, tox] == 1.0 for i in dense)
    # only German rows label profanity (the other two languages' models have no such head)
    assert all((m[i, prof] == 1.0) == (language == "de") for i in dense)


def test_the_loaders_find_the_official_splits(data_root: Path) -> None:
    if not (data_root / "germeval2018").is_dir():
        pytest.skip("no GermEval data")
    blocks = {b.dataset: b for b in load_language_sets(data_root)}
    de = blocks["germeval2018"]
    assert de.splits.count("test") == 3532
    assert de.splits.count("train") + de.splits.count("dev") == 5009
    assert blocks["offenseval2020_tr"].splits.count("test") == 3528
    assert blocks["told_br"].splits.count("test") == 2100
    assert blocks["osact2022_ar"].splits.count("test") == 1266
    tox = HEADS.index("toxicity")
    assert not any(math.isnan(row[tox]) for row in de.labels)


@pytest.mark.parametrize("language", sorted(NOUNS))
def test_round_four_nouns_meet_calm_use_as_often_as_attacks(language: str) -> None:
    """Round four: every new group noun fills calm frames (all clear) at least as often as
    attack frames (identity attack with that noun's group), so a noun alone does not
    carry the attack; misspelt copies are attacks too."""
    rows = LabelledRows(f"templates_{language}")
    round_four_rows(language, rows, obfuscations)
    m = rows.matrix()
    tox, ia = HEADS.index("toxicity"), HEADS.index("identity_attack")
    for group, noun in NOUNS[language]:
        with_noun = [i for i, t in enumerate(rows.texts) if noun.lower() in t.lower()]
        calm = [i for i in with_noun if m[i, tox] == 0.0 and m[i, ia] == 0.0]
        attacks = [i for i in with_noun if m[i, ia] == 1.0]
        assert len(calm) >= len(attacks) > 0, noun
        assert all(m[i, HEADS.index(f"target:{group}")] == 1.0 for i in attacks), noun
    misspelt = [i for i, t in enumerate(rows.texts) if "$" in t or " 3" in t or "4" in t]
    assert misspelt and all(m[i, ia] == 1.0 for i in misspelt)


@pytest.mark.parametrize("language", ["de", "fr", "es"])
def test_no_template_shares_five_words_with_the_blind_checks(language: str) -> None:
    """The blind checks were written without seeing the templates; keep it that way. The
    failure names the blind cases."""
    from threadguard.evaluation.blind_check import BLIND_LANGUAGES, load_blind_check

    runs: set[tuple[str, ...]] = set()
    for text in template_rows(language).texts:
        runs |= _word_runs(text)
    blind = [c for lang in BLIND_LANGUAGES for c in load_blind_check(lang)]
    assert [c.id for c in blind if _word_runs(c.text) & runs] == []


@pytest.mark.parametrize(
    ("language", "round_"),
    [*((lang, 5) for lang in sorted(NOUNS5)), *((lang, 6) for lang in sorted(NOUNS6))],
)
def test_later_round_nouns_meet_calm_use_as_often_as_attacks(language: str, round_: int) -> None:
    """Rounds five and six: every group noun fills calm frames (all clear) at least as
    often as attack frames, misspelt copies counted with the attacks; swearing at no one
    is clear on toxicity with profanity unlabelled; attacks name their group."""
    rows = LabelledRows(f"templates_{language}")
    make_rows, nouns = (round_five_rows, NOUNS5) if round_ == 5 else (round_six_rows, NOUNS6)
    make_rows(language, rows, obfuscations)
    m = rows.matrix()
    tox, ia = HEADS.index("toxicity"), HEADS.index("identity_attack")
    for group, noun in nouns[language]:
        spellings = (noun.lower(), *(v.lower() for v in obfuscations(noun)))
        with_noun = [i for i, t in enumerate(rows.texts) if any(s in t.lower() for s in spellings)]
        calm = [i for i in with_noun if m[i, tox] == 0.0 and m[i, ia] == 0.0]
        attacks = [i for i in with_noun if m[i, ia] == 1.0]
        assert len(calm) >= len(attacks) > 0, noun
        assert all(m[i, HEADS.index(f"target:{group}")] == 1.0 for i in attacks), noun
    prof = HEADS.index("profanity")
    clear = [i for i in range(len(rows)) if m[i, tox] == 0.0 and math.isnan(m[i, prof])]
    assert len(clear) >= (15 if round_ == 5 else 10)


@pytest.mark.parametrize("language", sorted(DENSE6))
def test_round_six_dense_swearing_is_toxic_and_mild_swearing_clear(language: str) -> None:
    """Round six: outbursts dense with swearwords at no one are toxic, beside swearing at
    no one that is clear; neither names a group or insults anyone."""
    rows = LabelledRows(f"templates_{language}")
    round_six_rows(language, rows, obfuscations)
    m = rows.matrix()
    tox, ins = HEADS.index("toxicity"), HEADS.index("insult")
    dense = [rows.texts.index(t) for t in DENSE6[language]]
    assert len(dense) >= 10
    assert all(m[i, tox] == 1.0 and m[i, ins] == 0.0 for i in dense)
