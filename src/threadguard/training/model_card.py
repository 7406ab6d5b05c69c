"""Write MODEL_CARD.md beside a trained model: data, licences, results, weaknesses, bias.

The card is generated from the training run and a fresh evaluation, so its figures are
always the shipped model's own; the prose sections are kept here with the code that
makes the choices they describe.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
from sklearn.metrics import roc_auc_score

from threadguard.normalize import normalize_text
from threadguard.training.calibration import FAST_NEWS_SHARE
from threadguard.training.datasets import EVALUATION_SETS, load_wikimadlibs
from threadguard.training.evaluate import EvalRow, evaluate_all
from threadguard.training.fast_tier import TrainResult

#: Identity words whose WikiMadlibs sentences are compared, for the bias table.
IDENTITIES = (
    "muslim",
    "jewish",
    "christian",
    "black",
    "white",
    "asian",
    "latino",
    "gay",
    "lesbian",
    "transgender",
    "female",
    "male",
    "deaf",
    "blind",
    "immigrant",
    "mexican",
    "african",
)

LABEL_MAPPING = """\
| data set | source label | unified labels |
|---|---|---|
| HateXplain | hate / offensive / normal | hate: toxicity, identity_attack, severe_toxicity (+ coarse targets religion/race/gender from MAGPIE); offensive: toxicity, not identity_attack; normal: everything 0 |
| Davidson | hate / offensive / neither | hate: toxicity, identity_attack (severe if ≥ 2/3 of raters said hate); offensive: toxicity, not identity_attack; neither: everything 0 |
| OLID | A OFF/NOT, B TIN/UNT, C IND/GRP/OTH | NOT: everything 0; OFF: toxicity; UNT: profanity, not insult; TIN+IND: insult |
| Gab Hate Corpus | hd, cv, vo | hd: identity_attack; cv: threat, severe_toxicity; vo: profanity; any: toxicity |
| Implicit Hate | not / implicit / explicit hate, free-text target | hate: toxicity, identity_attack, targets read from the free-text target |
| Toxic Spans | all toxic; raters' span types | toxicity; Insult / Profane / Identity based Attack / Threat spans typed by ≥ 2 raters (Threat: ≥ 1, it is rare and seldom agreed on) set insult / profanity / identity_attack / threat (train and trial only) |
| CAT-LARGE gc | toxic 0/1 (labelled with the parent shown) | toxicity (0 means everything 0) |
| CADD | L1 none/hate/derogatory/profanity, L6 | none: everything 0; else toxicity; hate: identity_attack; L6: profanity |
| ETHOS | isHate, violence, target groups | hate: toxicity, threat, targets; identity_attack where a group is named |
| Stormfront | hate / noHate | hate: toxicity, identity_attack |
| Ruddit | offensiveness score, -1..1 | ≥ 0.5: toxicity; < 0.2: not toxicity, severe_toxicity, identity_attack, insult; between: unsaid |
| HatEval 2019 (EN) | HS (hateful to women or immigrants) | HS=1: toxicity, identity_attack; HS=0: not identity_attack, threat, no target (toxicity unsaid) |
| Jigsaw sample (RobTest) | toxic 0/1 | toxicity |
| SFU (news) | most chosen toxicity level 1-4 | 1: everything 0; 3-4: toxicity; 2 (mild): unsaid |
| all | toxic rows | sexually_explicit: weak label from the project's own lexicon (`resources/lexicons`), sex named as a news subject left out (`scoring/sexual_topics.py`) |

A label a data set does not give is *missing* (masked in training), never negative."""

WEAKNESSES = """\
- A bag of n-grams: it sees words, not meaning. Negated hate ("I would never say Muslims are
  vermin"), counter-speech that quotes abuse to condemn it, and reclaimed slurs score high;
  implicit derogation without abusive words ("they breed like rabbits") scores low. The deep
  tier (issue 3) is meant for these.
- Identity words raise scores: see the bias table (WikiMadlibs). A calm sentence that names a
  group can be held.
- `sexually_explicit` is learned from weak labels (a lexicon applied to toxic rows): it is a
  lexicon detector with context, not a trained judgement.
- `threat` and `severe_toxicity` have few positives (a few hundred); treat them as coarse.
- Trained on tweets, Gab, Reddit, Wikipedia talk pages and news comments in English only;
  news comments are a few thousand of its training rows (Unhealthy Conversations' and SFU's
  training splits), so a calm comment on a heated topic still scores above a calm one on a
  dull topic.
  Other languages are reported in `language` and not scored meaningfully.
- Context (parent comment, article title) is accepted but not used by this tier."""


#: What the card's tables are, and how they differ from ``threadguard eval``'s.
REPRODUCE = """\
Reproduce: `threadguard train --data DIR` (this card is written by that command; the
recipe in `model.json` names the data files, settings and commit). The results table
below scores the raw fast tier (`training.evaluate.linear_predictor`: the n-gram heads on
the normalised text, without the engine's second readings, language routing or context)
on every data set's test split, labelled by the loaders' mapping (below) and the
lexicon's weak `sexually_explicit` labels (`training/weak_labels.py`); the bias table
scores the same raw tier on every WikiMadlibs sentence. `threadguard eval --tier fast
--model DIR` scores the same test rows and labels through the engine, so its figures
differ where the engine's second readings or another language's model act (an AUROC can
move by a tenth); `threadguard eval` without `--tier` scores the cascade."""


def _bias_table(
    model_predict: Callable[[list[str]], np.ndarray], toxicity_head: int, data: Path
) -> str:
    block = load_wikimadlibs(data)
    texts = block.texts
    y = block.matrix()[:, 0].astype(int)
    probs = model_predict([normalize_text(t) for t in texts])[:, toxicity_head]
    lines = [
        "| identity | sentences | subgroup AUC | mean score, non-toxic | mean score, toxic |",
        "|---|---|---|---|---|",
    ]
    lower = [t.lower() for t in texts]
    for ident in IDENTITIES:
        mask = np.array([f" {ident}" in f" {t}" for t in lower])
        if mask.sum() < 20 or len(set(y[mask])) < 2:
            continue
        auc = roc_auc_score(y[mask], probs[mask])
        lines.append(
            f"| {ident} | {int(mask.sum())} | {auc:.3f} | {probs[mask & (y == 0)].mean():.3f} | "
            f"{probs[mask & (y == 1)].mean():.3f} |"
        )
    overall = roc_auc_score(y, probs)
    lines.append(
        f"| (all) | {len(y)} | {overall:.3f} | {probs[y == 0].mean():.3f} | {probs[y == 1].mean():.3f} |"
    )
    return "\n".join(lines)


def results_table(rows: list[EvalRow]) -> str:
    out = [
        "| data set | head | rows | positives | AUROC | F1 | macro-F1 | majority macro-F1 | ECE |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        out.append(
            f"| {r.dataset} | {r.head} | {r.rows} | {r.positives} | {r.auroc:.3f} | {r.f1:.3f} | "
            f"{r.macro_f1:.3f} | {r.baseline_macro_f1:.3f} | {r.ece:.3f} |"
        )
    return "\n".join(out)


def _calibration_paragraph(news_share: float | None) -> str:
    """How the heads were calibrated, in the card's words: pooled dev rows (``news_share``
    0), with the news sets' dev rows weighted to that share of each fit, or not recorded
    (a model whose recipe predates the setting)."""
    if news_share is None:
        return "The model's recipe does not record how its heads were calibrated."
    if news_share == 0:
        default = ", the default" if FAST_NEWS_SHARE == 0 else ""
        return (
            "Each head is Platt-scaled on the pooled dev rows of every training set, news\n"
            f"comments among them at their own count (`threadguard train --news-share 0`{default};\n"
            "`training/calibration.py`): scores mean what they mean on the abuse-heavy mix the\n"
            "policy's thresholds were chosen with, and tend to run above the truth on news\n"
            "comments, where a few in a hundred are hostile."
        )
    return (
        "Each attribute head is Platt-scaled on the dev rows of every training set, the news\n"
        f"sets' dev rows weighted to {news_share} of each head's fit (`threadguard train\n"
        "--news-share`; `training/calibration.py`). Scores are then probabilities between the\n"
        "two base rates: near the truth on news comments, where a few in a hundred are hostile,\n"
        "and lower than the truth on abuse-heavy sets, where half are (the ECE column below\n"
        "says how far, not which way). Target-group heads are calibrated on the pooled rows\n"
        "alone."
    )


def write_model_card(
    result: TrainResult, directory: Path, data: Path, log: Callable[[str], None] = print
) -> None:
    """Evaluate the freshly trained model and write its card."""
    model = result.model
    rows = evaluate_all(model, data, log=log)
    trained = model.metadata.get("trained_on", {})
    data_lines = "\n".join(
        f"| {name} | {lic} | {result.rows.get(name, {}).get('train', 0)} | {result.rows.get(name, {}).get('dev', 0)} "
        f"| {result.rows.get(name, {}).get('test', 0)} |"
        for name, lic in trained.items()
    )
    eval_only = ", ".join(f"{n} ({lic})" for n, (_, lic) in EVALUATION_SETS.items())
    heads = "\n".join(
        f"| {h.head} | {h.train_rows} | {h.train_positives} | {h.dev_rows} | {h.dev_positives} | "
        f"{'yes' if h.fitted else 'no (too few positives: always near 0)'} |"
        for h in result.heads
    )
    tox = model.heads.index("toxicity")
    bias = _bias_table(model.predict, tox, data)
    card = f"""# Model card: {model.tag}

The fast tier of ThreadGuard: TF-IDF over hashed word 1–2-grams and in-word character 2–5-grams
of the normalised text (obfuscation undone), one logistic-regression head per attribute and per
target group, Platt-calibrated on dev rows (see Calibration).
Weights are int8 with a per-head scale in a plain `.npz` (loaded with `allow_pickle=False`),
metadata in `model.json`.

{REPRODUCE}

## Training data and licences

Official train splits only; sets without one use a fixed seeded split keyed on the text
(80/10/10 unless the loader says otherwise: SFU 30/30/40, Unhealthy Conversations' validation
file halved into train and dev). Train and dev rows that copy a test row up to case, spacing
and punctuation were dropped ({result.model.metadata.get("train_rows_used", "?")} train rows
used), and no Stormfront sentence trains beside a test sentence of its own post; evaluation
leaves out the test rows that any training or dev row copies (`training/unseen.py`).

| data set | licence | train | dev | test |
|---|---|---|---|---|
{data_lines}

Evaluation only (never trained on): {eval_only}. Note the GPL-3.0 (ETHOS), CC-BY-SA and
**non-commercial** (HatEval CC-BY-NC-4.0, SFU and Unhealthy Conversations CC-BY-NC-SA-4.0)
licences of some sets: check them against your use of the weights.

## Calibration

{_calibration_paragraph(model.metadata.get("recipe", {}).get("hyperparameters", {}).get("news_share"))}

## Label mapping

{LABEL_MAPPING}

## Heads

| head | train rows | train positives | dev rows | dev positives | fitted |
|---|---|---|---|---|---|
{heads}

## Results on the held-out test splits

F1 at the calibrated 0.5 threshold; the majority-class baseline is what always answering the
commoner label scores; ECE is the expected calibration error (10 bins).

{results_table(rows)}

## Bias: WikiMadlibs identity templates (toxicity head)

Subgroup AUC near the overall AUC and similar mean scores for non-toxic sentences across
identities mean the identity word alone does not move the score.

{bias}

## Known weaknesses

{WEAKNESSES}
"""
    (directory / "MODEL_CARD.md").write_text(card, encoding="utf-8")
