"""Which data files a ``threadguard train`` run reads, checked before it starts.

A run reads its data sets one after another, some only after minutes of training (the
fast tier's model card reads WikiMadlibs last): a data folder without one of them used
to train for minutes, then stop on a ``FileNotFoundError`` with a model folder and no
card. :data:`DATA_FILES` lists every file each data set's loader reads (relative to the
data folder; ``tests/training/test_needed_data.py`` checks it against what the loaders
read), and :func:`missing_data` names, in a second and before anything is written, the
sets of a run whose files are not there.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from threadguard.schema import Tier

#: Every file each data set's loader reads, by the set's name in ``TRAINING_SETS``,
#: ``EVALUATION_SETS`` (``training/datasets.py``) or ``LANGUAGE_SETS``
#: (``training/datasets_multilingual.py``).
DATA_FILES: dict[str, tuple[str, ...]] = {
    "hatexplain": (
        "hatexplain/092-HateXplain.csv",
        "hatexplain/post_id_divisions.json",
        "hatexplain/preprocessed.csv",
    ),
    "davidson": ("davidson/labeled_data.csv",),
    "olid": (
        "olid/labels-levela.csv",
        "olid/labels-levelb.csv",
        "olid/labels-levelc.csv",
        "olid/olid-training-v1.0.tsv",
        "olid/testset-levela.tsv",
    ),
    "ghc": ("gab_hate_corpus/ghc_test.tsv", "gab_hate_corpus/ghc_train.tsv"),
    "implicit_hate": (
        "implicit_hate/implicit_hate_v1_stg1_posts.tsv",
        "implicit_hate/implicit_hate_v1_stg3_posts.tsv",
    ),
    "toxic_spans": (
        "toxic_spans/annotations.csv",
        "toxic_spans/comments.csv",
        "toxic_spans/spans.csv",
        "toxic_spans/tsd_test.csv",
        "toxic_spans/tsd_train.csv",
        "toxic_spans/tsd_trial.csv",
    ),
    "cat_gc": ("context_toxicity/gc.csv",),
    "cadd": ("cadd/CADD_dev.json", "cadd/CADD_test.json"),
    "ethos": ("ethos/Ethos_Dataset_Binary.csv", "ethos/Ethos_Dataset_Multi_Label.csv"),
    "stormfront": ("stormfront/stormfront.csv",),
    "ruddit": ("ruddit/ruddit_with_text.csv",),
    "hateval": (
        "hateval2019_en/hateval2019_en_dev.csv",
        "hateval2019_en/hateval2019_en_test.csv",
        "hateval2019_en/hateval2019_en_train.csv",
    ),
    "jigsaw_sample": ("jigsaw_toxic_robtest/test.csv",),
    "sfu": ("sfu_ctc/SFU_constructiveness_toxicity.csv",),
    "unhealthy": ("unhealthy_conversations/test.csv", "unhealthy_conversations/val.csv"),
    "wikimadlibs": ("wikimadlibs/preprocessed.csv",),
    "germeval2018": (
        "germeval2018/germeval2018.test.txt",
        "germeval2018/germeval2018.training.txt",
    ),
    "offenseval2020_tr": (
        "offenseval2020_tr/offenseval-tr-labela-v1.tsv",
        "offenseval2020_tr/offenseval-tr-testset-v1.tsv",
        "offenseval2020_tr/offenseval-tr-training-v1.tsv",
    ),
    "told_br": (
        "told_br/ToLD-BR.csv",
        "told_br/ptbr_test_1annotator.csv",
        "told_br/ptbr_train_1annotator.csv",
        "told_br/ptbr_validation_1annotator.csv",
    ),
    "osact2022_ar": ("osact2022_ar/dev_data2022.csv", "osact2022_ar/train_data2022.csv"),
    "mlma_ar": ("mlma/ar_dataset.csv",),
    "mlma_fr": ("mlma/fr_dataset.csv",),
}


def needed_sets(tier: str, *, recalibrate: bool = False) -> list[str]:
    """The data sets a ``train --tier TIER`` run reads: the fast tier trains on every
    training set and its model card reads the evaluation sets too; the deep tier (and
    its recalibration) reads the training sets; ``languages`` the multilingual sets."""
    if tier == "languages":
        from threadguard.training.datasets_multilingual import LANGUAGE_SETS

        return list(LANGUAGE_SETS)
    from threadguard.training.datasets import EVALUATION_SETS, TRAINING_SETS

    if tier == Tier.FAST and not recalibrate:
        return [*TRAINING_SETS, *EVALUATION_SETS]
    return list(TRAINING_SETS)


def missing_data(root: Path, names: Iterable[str]) -> list[str]:
    """``"SET (PATH, ...)"`` for each of ``names`` with a file missing from ``root``: the
    files missing, or the set's folder where none of its files is there."""
    out = []
    for name in names:
        files = DATA_FILES[name]
        gone = [str(root / rel) for rel in files if not (root / rel).is_file()]
        folders = {Path(rel).parts[0] for rel in files}
        if len(gone) == len(files) and len(folders) == 1:
            gone = [f"{root / folders.pop()}/"]
        if gone:
            out.append(f"{name} ({', '.join(gone)})")
    return out


def missing_data_message(root: Path, missing: list[str]) -> str:
    """One line for the command line: which sets (and files) a run needs and lacks."""
    return (
        f"{root}: data the run reads is missing: {'; '.join(missing)} "
        "(nothing was trained or written; the data folder's layout is in its MANIFEST.md)"
    )
