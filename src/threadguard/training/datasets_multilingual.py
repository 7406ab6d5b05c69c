"""Loaders for the non-English labelled sets, onto the same unified schema as English.

Each loader returns a :class:`~threadguard.training.datasets.LabelledRows` block, NaN where
the set does not say. :data:`LANGUAGE_SETS` names each set's language and licence (several
are research-only or carry no licence: the model cards say so). The label mapping below is
the per-language model card's "label mapping" section; keep the two in step.

Splits: the official one where the set has it. GermEval 2018 and OffensEval 2020 Turkish
have no dev split, so a seeded 15% of their training file is dev (calibration and the
decision threshold are chosen there). OSACT 2022's labelled test split is not in the data
folder: its official dev split is reported as "test" (never trained or tuned on) and a
seeded 15% of training is dev. MLMA has no split: seeded 70/15/15 per language.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

from threadguard.training.data_files import data_file, dict_rows
from threadguard.training.datasets import (
    NAN,
    LabelledRows,
    load_named,
    seeded_split,
)
from threadguard.training.labels import all_clear, no_target, target_labels

csv.field_size_limit(64 * 1024 * 1024)


def _rows(path: Path, delimiter: str = ",", *, quoted: bool = True) -> list[list[str]]:
    """CSV rows; ``quoted=False`` reads with quoting disabled (the tweet sets have stray
    quote marks that the default reader merges rows at)."""
    with data_file(path) as fh:
        if quoted:
            return list(csv.reader(fh, delimiter=delimiter))
        return list(csv.reader(fh, delimiter=delimiter, quoting=csv.QUOTE_NONE))


def _dict_rows(path: Path) -> list[dict[str, str]]:
    return dict_rows(path)


def _train_or_dev(text: str) -> str:
    """A seeded 15% of an official training file as dev."""
    return "dev" if seeded_split(text, dev=0.15, test=0.0) == "dev" else "train"


# ------------------------------------------------------------------ German


def germeval_labels(coarse: str, fine: str) -> dict[str, float]:
    """GermEval 2018: OTHER -> all clear; OFFENSE -> toxicity, and by the fine label:
    ABUSE (degrading a person as member of a group, or a group) -> identity_attack;
    INSULT (an individual) -> insult, not identity_attack; PROFANITY -> profanity only."""
    if coarse != "OFFENSE":
        return all_clear()
    labels: dict[str, float] = {"toxicity": 1.0}
    if fine == "ABUSE":
        labels.update({"identity_attack": 1.0, "insult": NAN})
    elif fine == "INSULT":
        labels.update({"identity_attack": 0.0, "insult": 1.0, "profanity": NAN})
        labels.update(no_target())
    elif fine == "PROFANITY":
        labels.update({"identity_attack": 0.0, "insult": 0.0, "profanity": 1.0})
        labels.update(no_target())
    return labels


def load_germeval2018(root: Path) -> LabelledRows:
    """GermEval 2018 (German tweets), official training / test; ``|LBR|`` is a line break."""
    out = LabelledRows("germeval2018")
    d = root / "germeval2018"
    for fname, official in (
        ("germeval2018.training.txt", "train"),
        ("germeval2018.test.txt", "test"),
    ):
        for r in _rows(d / fname, "\t", quoted=False):
            if len(r) != 3 or r[1] not in ("OFFENSE", "OTHER"):
                continue
            text = r[0].replace("|LBR|", "\n")
            split = official if official == "test" else _train_or_dev(text)
            out.add(text, split, germeval_labels(r[1], r[2]), gold=r[1])
    return out


# ------------------------------------------------------------------ Turkish


def load_offenseval2020_tr(root: Path) -> LabelledRows:
    """OffensEval 2020 Turkish, sub-task A: OFF -> toxicity, NOT -> all clear."""
    out = LabelledRows("offenseval2020_tr")
    d = root / "offenseval2020_tr"
    for r in _rows(d / "offenseval-tr-training-v1.tsv", "\t", quoted=False):
        if len(r) != 3 or r[2] not in ("OFF", "NOT"):
            continue
        labels = {"toxicity": 1.0} if r[2] == "OFF" else all_clear()
        out.add(r[1], _train_or_dev(r[1]), labels, gold=r[2])
    gold = {r[0]: r[1] for r in _rows(d / "offenseval-tr-labela-v1.tsv") if len(r) == 2}
    for r in _rows(d / "offenseval-tr-testset-v1.tsv", "\t", quoted=False):
        if len(r) != 2 or gold.get(r[0]) not in ("OFF", "NOT"):
            continue
        label = gold[r[0]]
        out.add(r[1], "test", {"toxicity": 1.0} if label == "OFF" else all_clear(), gold=label)
    return out


# ------------------------------------------------------------------ Portuguese

#: ToLD-Br's categories: which attribute and which target group each one is.
_TOLD_GROUPS = {
    "homophobia": "sexual_orientation",
    "racism": "race_ethnicity",
    "misogyny": "women",
    "xenophobia": "nationality_migration",
}


def load_told_br(root: Path) -> LabelledRows:
    """ToLD-Br, the paper's binary 1-annotator split (train / validation / test).

    ``toxic`` -> toxicity. The categories come from ToLD-BR.csv, joined on the exact text
    (a text found there with its counts): any homophobia, racism, misogyny or xenophobia
    flag -> identity_attack with that group; insult -> insult; obscene -> profanity. A
    toxic row without a match gets toxicity only.
    """
    d = root / "told_br"
    categories: dict[str, dict[str, float]] = {}
    for r in _dict_rows(d / "ToLD-BR.csv"):
        try:
            categories[r["text"]] = {k: float(v) for k, v in r.items() if k != "text"}
        except ValueError:
            continue
    out = LabelledRows("told_br")
    for fname, split in (("train", "train"), ("validation", "dev"), ("test", "test")):
        for r in _dict_rows(d / f"ptbr_{fname}_1annotator.csv"):
            toxic = r["toxic"].strip() in ("1", "1.0")
            if not toxic:
                out.add(r["text"], split, all_clear(), gold="0")
                continue
            labels: dict[str, float] = {"toxicity": 1.0}
            cats = categories.get(r["text"])
            if cats is not None:
                groups = {g for c, g in _TOLD_GROUPS.items() if cats.get(c, 0) >= 1}
                labels["identity_attack"] = 1.0 if groups else 0.0
                labels["insult"] = 1.0 if cats.get("insult", 0) >= 1 else 0.0
                labels["profanity"] = 1.0 if cats.get("obscene", 0) >= 1 else 0.0
                labels.update(target_labels(groups) if groups else no_target())
            out.add(r["text"], split, labels, gold="1")
    return out


# ------------------------------------------------------------------ Arabic

#: OSACT 2022's hate classes that name a target group of the schema (HS3 ideology and
#: HS5 social class name none).
_OSACT_GROUPS = {"HS1": "race_ethnicity", "HS2": "religion", "HS4": "disability", "HS6": "gender"}


def osact_labels(off: str, hate: str, vulgar: str, violence: str) -> dict[str, float]:
    """OSACT 2022: NOT_OFF -> all clear; OFF -> toxicity; HS1-6 -> identity_attack (with
    the group where the class names one); VLG -> profanity; VIO -> threat."""
    if off != "OFF":
        return all_clear()
    labels: dict[str, float] = {
        "toxicity": 1.0,
        "identity_attack": 0.0 if hate == "NOT_HS" else 1.0,
        "profanity": 1.0 if vulgar == "VLG" else 0.0,
        "threat": 1.0 if violence == "VIO" else 0.0,
    }
    if hate == "NOT_HS":
        labels.update(no_target())
    elif hate in _OSACT_GROUPS:
        labels.update(target_labels({_OSACT_GROUPS[hate]}))
    return labels


def load_osact2022(root: Path) -> LabelledRows:
    """OSACT 2022 Arabic tweets: training (15% seeded dev) and the official dev as test."""
    out = LabelledRows("osact2022_ar")
    d = root / "osact2022_ar"
    for fname, official in (("train_data2022.csv", "train"), ("dev_data2022.csv", "test")):
        for r in _dict_rows(d / fname):
            text = r["Tweet"].replace("<LF>", "\n")
            split = official if official == "test" else _train_or_dev(text)
            labels = osact_labels(r["Offensive"], r["Hate"], r["Vulgar"], r["Violence"])
            out.add(text, split, labels, gold=r["Offensive"])
    return out


# ------------------------------------------------------------------ MLMA (Arabic, French)

_MLMA_GROUPS = {
    "women": {"women"},
    "african_descent": {"black_people"},
    "arabs": {"arabs"},
    "muslims": {"muslims"},
    "jews": {"jews"},
    "christian": {"christians"},
    "asians": {"asians"},
    "indian/hindu": {"race_ethnicity"},
    "hispanics": {"latinx"},
    "immigrants": {"nationality_migration"},
    "refugees": {"nationality_migration"},
    "gay": {"sexual_orientation"},
    "special_needs": {"disability"},
}


def mlma_labels(sentiment: str, group: str) -> dict[str, float]:
    """MLMA: the authors' convention, ``normal`` alone -> all clear, anything else hostile
    (toxicity). A hostile tweet about a named group -> identity_attack with that group; about
    an individual -> insult, not identity_attack; otherwise identity is unsaid."""
    if sentiment == "normal":
        return all_clear()
    labels: dict[str, float] = {"toxicity": 1.0}
    if group in _MLMA_GROUPS:
        labels["identity_attack"] = 1.0
        labels.update(target_labels(_MLMA_GROUPS[group]))
    elif group == "individual":
        labels.update({"identity_attack": 0.0, "insult": 1.0})
        labels.update(no_target())
    return labels


def _load_mlma(root: Path, language: str) -> LabelledRows:
    out = LabelledRows(f"mlma_{language}")
    for r in _dict_rows(root / "mlma" / f"{language}_dataset.csv"):
        text = r["tweet"]
        split = seeded_split(text, dev=0.15, test=0.15)
        out.add(text, split, mlma_labels(r["sentiment"], r["group"]), gold=r["sentiment"])
    return out


def load_mlma_fr(root: Path) -> LabelledRows:
    """MLMA French tweets (seeded 70/15/15 split)."""
    return _load_mlma(root, "fr")


def load_mlma_ar(root: Path) -> LabelledRows:
    """MLMA Arabic tweets (seeded 70/15/15 split)."""
    return _load_mlma(root, "ar")


Loader = Callable[[Path], LabelledRows]

#: The non-English sets: loader, language (ISO 639-1), licence (for the model cards).
LANGUAGE_SETS: dict[str, tuple[Loader, str, str]] = {
    "germeval2018": (load_germeval2018, "de", "CC-BY-4.0"),
    "offenseval2020_tr": (load_offenseval2020_tr, "tr", "no licence stated (research data)"),
    "told_br": (load_told_br, "pt", "CC-BY-SA-4.0"),
    "osact2022_ar": (load_osact2022, "ar", "no licence stated (OSACT 2022, research use)"),
    "mlma_ar": (load_mlma_ar, "ar", "MIT"),
    "mlma_fr": (load_mlma_fr, "fr", "MIT"),
}


def load_language_sets(root: Path, names: list[str] | None = None) -> list[LabelledRows]:
    """Load the named non-English sets (all of them by default)."""
    return load_named(LANGUAGE_SETS, root, names)
