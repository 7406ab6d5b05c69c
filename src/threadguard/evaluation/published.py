"""The best published figure for each benchmark row, and where it comes from.

A data table, kept apart from the metrics that compute ThreadGuard's side of each row
(:mod:`threadguard.evaluation.benchmarks`): a new paper changes this file only.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Published:
    """The best published figure for one (data set, task, metric), with where it is from.

    ``value`` is None where we know of no comparable figure: a blank beats a guess.
    ``uncertain`` marks figures quoted from memory of the paper that could not be
    re-checked against the text while writing this table.
    """

    value: float | None
    citation: str
    source: str
    uncertain: bool = False

    def short(self) -> str:
        """``0.687 (Mathew et al. 2021, AAAI)``, ``n/a``, or a ``?`` for uncertain ones."""
        if self.value is None:
            return "n/a"
        mark = "?" if self.uncertain else ""
        return f"{self.value:.3f}{mark} ({self.citation})"


def _none_known(source: str) -> Published:
    """A row with no comparable published figure: ``source`` says why."""
    return Published(None, "", source)


_HATEXPLAIN = "HateXplain paper, BERT-HateXplain [Attn] on the official test split"
_OFFENSEVAL = "Zampieri et al. 2019, SemEval"
_CADD = "Song et al. 2021 (CADD); no comparable figure known to us"
_ETHOS = "Mollas et al. 2022 (ETHOS) do not report on this seeded split"
_STORMFRONT = "de Gibert et al. 2018; no F1/AUROC on this subset known to us"

#: (data set key, task, metric) -> best published figure. Keys match ``benchmarks.TASKS``.
PUBLISHED: dict[tuple[str, str, str], Published] = {
    ("hatexplain", "3-class", "accuracy"): Published(
        0.698, "Mathew et al. 2021, AAAI", _HATEXPLAIN
    ),
    ("hatexplain", "3-class", "macro-F1"): Published(
        0.687, "Mathew et al. 2021, AAAI", _HATEXPLAIN
    ),
    ("hatexplain", "3-class", "AUROC (OvO)"): Published(
        0.851,
        "Mathew et al. 2021, AAAI",
        "HateXplain paper, BERT-HateXplain; one-vs-one macro AUROC over 3 classes "
        "(the authors' code: roc_auc_score(multi_class='ovo', average='macro'))",
    ),
    ("hatexplain", "toxic vs normal", "AUROC"): _none_known(
        "no published figure for hate+offensive vs normal on the test split known to us"
    ),
    ("olid", "A: OFF vs NOT", "macro-F1"): Published(
        0.829,
        "Liu et al. 2019 (NULI), SemEval",
        "OffensEval 2019 sub-task A winner, official test set (Zampieri et al. 2019 overview)",
    ),
    ("olid", "B: TIN vs UNT", "macro-F1"): Published(
        0.755,
        _OFFENSEVAL,
        "OffensEval 2019 overview, best sub-task B system, official test set",
        uncertain=True,
    ),
    ("olid", "C: IND/GRP/OTH", "macro-F1"): Published(
        0.660,
        _OFFENSEVAL,
        "OffensEval 2019 overview, best sub-task C system, official test set",
        uncertain=True,
    ),
    ("toxic_spans", "spans", "char-F1"): Published(
        0.7083,
        "Zhu et al. 2021 (HITSZ-HLT), SemEval",
        "SemEval-2021 Task 5 winner, official test set, character-level F1 (rank 1/91)",
    ),
    ("ghc", "hd (human dignity)", "F1"): _none_known(
        "Kennedy et al. 2022 (LRE) report baselines; no per-label hd figure on this split known to us"
    ),
    ("ghc", "cv (call for violence)", "F1"): _none_known(
        "Kennedy et al. 2022 (LRE); no per-label cv figure on this split known to us"
    ),
    ("ghc", "vo (vulgarity)", "F1"): _none_known(
        "Kennedy et al. 2022 (LRE); no per-label vo figure on this split known to us"
    ),
    ("cat_gc", "toxic, labelled in context", "AUROC"): _none_known(
        "filled in at run time: AUROC of the Perspective API scores shipped in gc.csv "
        "(Pavlopoulos et al. 2020, ACL) on the same test rows"
    ),
    ("cadd", "abusive vs not", "macro-F1"): _none_known(_CADD),
    ("cadd", "abusive vs not", "AUROC"): _none_known(_CADD),
    ("unhealthy", "hostile", "AUROC"): _none_known(
        "Price et al. 2020 (ALW) report per-attribute AUCs; figure not known to us"
    ),
    ("unhealthy", "unhealthy (healthy=0)", "AUROC"): _none_known(
        "Price et al. 2020 (ALW); figure not known to us"
    ),
    ("ethos", "hate (seeded split)", "F1"): _none_known(_ETHOS),
    ("ethos", "hate (seeded split)", "AUROC"): _none_known(_ETHOS),
    ("stormfront", "hate (official test)", "accuracy"): Published(
        0.78,
        "de Gibert et al. 2018, ALW",
        "LSTM baseline on the balanced official test subset",
        uncertain=True,
    ),
    ("stormfront", "hate (official test)", "F1"): _none_known(_STORMFRONT),
    ("stormfront", "hate (official test)", "AUROC"): _none_known(_STORMFRONT),
    ("implicit_hate", "hate (seeded split)", "F1"): _none_known(
        "ElSherief et al. 2021 (EMNLP) use their own splits; figure not known to us"
    ),
    ("implicit_hate", "hate (seeded split)", "AUROC"): _none_known(
        "ElSherief et al. 2021 (EMNLP); no AUROC reported to our knowledge"
    ),
    ("davidson", "hate (seeded split)", "F1"): Published(
        0.51,
        "Davidson et al. 2017, ICWSM",
        "hate-class precision 0.44 / recall 0.61 as reported (F1 derived), their own "
        "held-out data, not this seeded split",
        uncertain=True,
    ),
    ("davidson", "hate (seeded split)", "AUROC"): _none_known(
        "Davidson et al. 2017; no AUROC known to us"
    ),
}
