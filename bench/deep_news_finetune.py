"""A small warm-started fine-tune of the shipped deep tier, for issue 12 (sessions 5-9).

Continues from the shipped deep tier's int8 weights (embeddings and the bottom layers
frozen: only the top ``LAYERS`` and the heads change, so the file would delta-compress),
on a DIVISOR-th of each training set (at least 40 rows), every news comment of the training
sets (SFU, Unhealthy Conversations' training half), every Toxic Spans training post for the
token head, and the team's templates with the news context replies
(:func:`threadguard.training.deep_tier.augmented`); single-class labels masked. On two
shared cores with other jobs it ran at 4.5-20 examples/s, at 50-60 on idle ones. Writes the new
version to OUT (never the shipped folder).

NEWS_REPEAT=K reads the news training sets' rows K times (default once); IDENTITY_REPEAT=K
reads the everyday mentions of groups and the support lines (templates_identity,
templates_support) K times; EVERYDAY_REPEAT=K the swearing at no one and the stereotypes
denied (templates_everyday) K times; THREATS_REPEAT=K the threats, their look-alikes and
the civil opinions (templates_threats, and from session 21 the free-form threats and
look-alikes of templates_written_threats) K times; CIVIC_REPEAT=K the civil news comments
naming peoples, migrants and faiths and their hostile counterparts (templates_civic) K times;
CONTEXT_REPEAT=K the replies that attack a group only through their parent and the civil
replies to the same parents (templates_thread_replies), and the same replies under a group
parent and a parent naming none (templates_contrast_replies, from session 19), always read
with the parent, K times;
HIDDEN_REPEAT=K the hidden hate and its civil twins (templates_hidden_hate) K times;
TOPICS_REPEAT=K the civil comments on sex-related news and the dismissals of things beside
their insulting twins (templates_news_topics) K times; HARASSMENT_REPEAT=K the sexual
harassment of a person and its civil look-alikes (templates_sexual_harassment, session 22)
K times; WRITTEN_REPEAT=K the coded hate and sarcasm at a group beside their civil
look-alikes written in free form (templates_written_hate, session 26) K times;
WRITTEN_REPLIES_REPEAT=K the free-form replies under group and plain parents
(templates_written_replies, session 26), read with the parent, K times; POLICY_REPEAT=K the
civil opinions on immigration, religion and foreign policy beside attacks on the groups they
name (templates_written_policy, session 27) K times; DESKS_REPEAT=K the insinuated stereotypes
and threats naming no harm beside their civil look-alikes (templates_written_desks, session
37) K times; DESK_INSULTS_REPEAT=K that module's insults of one person and their civil
look-alikes K times; DESK_REPLIES_REPEAT=K that module's replies
under group and plain parents, read with the parent, K times; VERDICTS_REPEAT=K the sympathy,
anger at crime, verdicts on events, criticism of public figures, swearing at no one and
pushback beside the same words aimed at a person (templates_written_verdicts, session 41) K
times. SEED=N is the training run's seed: the
DIVISOR-th of each non-news set it reads, the dev rows it calibrates on, the augmentation
draws, the shuffle and PyTorch's generator (default 13: every version this script trained
used it, so each continued on the same rows). CAPS="set=rows,..." reads that many training
rows of those sets instead of the DIVISOR-th (session 19: CAPS=implicit_hate=3000).

The template rows are read as the checkout has them: a version's recipe is its code commit
(model.json), and the commands below rebuild a version only at that commit (deep@20's rows
have changed since: the label fixes of session 13, templates_news_topics in session 14, the
weak labels that leave sex named as a subject in session 18, templates_contrast_replies in
session 19).

Usage: [WARM_FROM=DEEP_DIR] [DEEP_VERSION=N] [NEWS_REPEAT=K] PYTHONPATH=src \
       python bench/deep_news_finetune.py LAYERS OUT WORK DIVISOR [MASK_SET ...]
       (session 41: deep@48, measured, not shipped = deep@43's command with DEEP_VERSION=48
        VERDICTS_REPEAT=3 at commit 4bed7a5, from deep@20)
       (session 30: deep@43, shipped = deep@34's command with DEEP_VERSION=43 at commit
        00a3a9f, with templates_identity's new identity words; deep@44, measured, not
        shipped = the same with WRITTEN_REPEAT=3 WRITTEN_REPLIES_REPEAT=3)
       (session 30: deep@42, measured, not shipped = DEEP_VERSION=42 IDENTITY_REPEAT=2
        CAPS=toxic_spans=3000 ... 2 OUT WORK 40 toxic_spans, from the shipped deep@34, with
        templates_identity's session-30 identity words)
       (session 26: deep@38, measured, not shipped = CAPS=cadd=2100,ruddit=3000
        DEEP_VERSION=38 NEWS_REPEAT=2 WRITTEN_REPEAT=3 WRITTEN_REPLIES_REPEAT=3 ... 4 OUT WORK
        20 toxic_spans at commit 633059d, from the shipped deep@34; deep@39 the same with
        deep@34's repeats too: IDENTITY_REPEAT=5 EVERYDAY_REPEAT=4 THREATS_REPEAT=3
        CIVIC_REPEAT=3 CONTEXT_REPEAT=3 HIDDEN_REPEAT=3 TOPICS_REPEAT=3 HARASSMENT_REPEAT=3)
       (session 23: deep@35, measured, not shipped = deep@34's command with DEEP_VERSION=35
        at commit 1f67e45 (the implicit harassment rows); deep@36 the same with
        HARASSMENT_REPEAT=6)
       (session 22: deep@34, shipped = WARM_FROM=<deep@20> CAPS=cadd=2100,ruddit=3000
        DEEP_VERSION=34 IDENTITY_REPEAT=5 EVERYDAY_REPEAT=4 THREATS_REPEAT=3 CIVIC_REPEAT=3
        NEWS_REPEAT=2 CONTEXT_REPEAT=3 HIDDEN_REPEAT=3 TOPICS_REPEAT=3 HARASSMENT_REPEAT=3
        ... 4 OUT WORK 20 toxic_spans at commit dfabaff; deep@33 the same with IDENTITY_REPEAT=3)
       (session 21: deep@32, measured, not shipped = CAPS=cadd=2100,ruddit=3000 DEEP_VERSION=32
        IDENTITY_REPEAT=3 EVERYDAY_REPEAT=4 THREATS_REPEAT=3 CIVIC_REPEAT=3 NEWS_REPEAT=2
        CONTEXT_REPEAT=3 HIDDEN_REPEAT=3 ... 4 OUT WORK 20 toxic_spans at commit 09e3742, from
        the shipped deep@20; deep@29 the same without CAPS, deep@31 with 2 layers)
       (session 13: deep@20 = WARM_FROM=<deep@18> DEEP_VERSION=20 IDENTITY_REPEAT=3
        EVERYDAY_REPEAT=4 THREATS_REPEAT=3 CIVIC_REPEAT=3 NEWS_REPEAT=2 CONTEXT_REPEAT=3
        HIDDEN_REPEAT=3 ... 4 OUT WORK 20 toxic_spans)
       (session 12: deep@18 = WARM_FROM=<deep@16> DEEP_VERSION=18, the same without
        HIDDEN_REPEAT)
       (session 9: deep@16 = WARM_FROM=<deep@13> DEEP_VERSION=16 IDENTITY_REPEAT=3
        EVERYDAY_REPEAT=4 THREATS_REPEAT=3 CIVIC_REPEAT=3 NEWS_REPEAT=2 ... 4 OUT WORK 20
        toxic_spans)
       (session 8: deep@14 = WARM_FROM=<deep@13> DEEP_VERSION=14 IDENTITY_REPEAT=3
        EVERYDAY_REPEAT=4 ... 4 OUT WORK 20 toxic_spans, before templates_threats existed;
        deep@15 = the same with DEEP_VERSION=15 THREATS_REPEAT=3)
       (session 7: deep@12 = WARM_FROM=<deep@3> DEEP_VERSION=12 NEWS_REPEAT=2 ... 4 OUT WORK 8
        toxic_spans, with Unhealthy's training rows labelled by the raters' share)
       (session 6: deep@11 = WARM_FROM=<deep@3> DEEP_VERSION=11 ... 4 OUT WORK 8 toxic_spans;
        session 5's runs below read 400 Toxic Spans posts and no Unhealthy rows)
       (session 5: deep@5 = 2 /tmp/models/deep@5 /tmp/deepwork 20;
        deep@6 = 2 /tmp/models/deep@6 /tmp/deepwork6 20 toxic_spans: only Toxic Spans masked)
"""

import os
import shutil
import sys
from pathlib import Path

from threadguard.scoring.registry import shipped_model_dir
from threadguard.training import deep_tier
from threadguard.training.datasets import load_all
from threadguard.training.templates_civic import civic_rows
from threadguard.training.templates_contrast_replies import contrast_reply_rows
from threadguard.training.templates_everyday import everyday_rows
from threadguard.training.templates_hidden_hate import hidden_hate_rows
from threadguard.training.templates_identity import identity_rows
from threadguard.training.templates_news_topics import news_topic_rows
from threadguard.training.templates_sexual_harassment import sexual_harassment_rows
from threadguard.training.templates_support import support_rows
from threadguard.training.templates_thread_replies import thread_reply_rows
from threadguard.training.templates_threats import threats_rows
from threadguard.training.templates_written_desks import (
    desk_hidden_rows,
    desk_insult_rows,
    written_desk_reply_rows,
)
from threadguard.training.templates_written_hate import written_hate_rows
from threadguard.training.templates_written_policy import written_policy_rows
from threadguard.training.templates_written_replies import written_reply_rows
from threadguard.training.templates_written_threats import written_threat_rows
from threadguard.training.templates_written_verdicts import written_verdict_rows
from threadguard.training.weak_labels import add_weak_labels


def main() -> None:
    layers, out, work, divisor = (
        int(sys.argv[1]),
        Path(sys.argv[2]),
        Path(sys.argv[3]),
        int(sys.argv[4]),
    )
    caps = {k: max(40, v // divisor) for k, v in deep_tier.DEFAULT_CAPS.items()}
    for name in deep_tier.NEWS_TRAIN_SETS:
        caps[name] = deep_tier.DEFAULT_CAPS[name]
    # every Toxic Spans training post, as deep@3's token head had: with a twentieth of
    # them (400), deep@10's spans fell from 0.626 to 0.597 char-F1 on the test split
    caps["toxic_spans"] = deep_tier.SPAN_ROWS
    # CAPS="set=rows,...": training rows of those sets instead (session 19: implicit_hate)
    for item in filter(None, os.environ.get("CAPS", "").split(",")):
        name, _, rows = item.partition("=")
        if name not in caps:
            sys.exit(f"CAPS: no training set {name!r} (sets: {', '.join(sorted(caps))})")
        if not rows.isdigit() or int(rows) < 1:
            sys.exit(f"CAPS: {item!r} needs a number of rows, 1 or more (CAPS=set=rows,...)")
        caps[name] = int(rows)
    work.mkdir(parents=True, exist_ok=True)
    # WARM_FROM: the deep tier to continue from (default: the shipped one)
    warm = Path(os.environ.get("WARM_FROM", shipped_model_dir("deep")))
    start = Path(shutil.copy(warm / "encoder.int8.onnx", work / "warm_start.int8.onnx"))
    root = Path(os.environ.get("THREADGUARD_DATA", "../shared/data"))
    news = load_all(root, deep_tier.NEWS_TRAIN_SETS)
    for block in news:
        add_weak_labels(block)
    repeats = {
        f"{kind}_repeat": int(os.environ.get(f"{kind.upper()}_REPEAT", "1"))
        for kind in (
            "news",
            "identity",
            "everyday",
            "threats",
            "civic",
            "context",
            "hidden",
            "topics",
            "harassment",
            "written",
            "written_replies",
            "policy",
            "desks",
            "desk_insults",
            "desk_replies",
            "verdicts",
        )
    }
    again = deep_tier.gather(news, "train", None) * (repeats["news_repeat"] - 1)
    # the template sets read without context, by the *_REPEAT variable that repeats them
    alone = {
        "identity": identity_rows() + support_rows(),
        "everyday": everyday_rows(),
        "threats": threats_rows() + written_threat_rows(),
        "civic": civic_rows(),
        "hidden": hidden_hate_rows(),
        "topics": news_topic_rows(),
        "harassment": sexual_harassment_rows(),
        "written": written_hate_rows(),
        "policy": written_policy_rows(),
        "desks": desk_hidden_rows(),
        "desk_insults": desk_insult_rows(),
        "verdicts": written_verdict_rows(),
    }
    for kind, rows in alone.items():
        examples = [deep_tier.Example(t, "", labels) for t, labels in rows]
        again += examples * (repeats[f"{kind}_repeat"] - 1)
    # the reply templates, always read with their parent, by the variable that repeats them
    with_parent = {
        "context": thread_reply_rows() + contrast_reply_rows(),
        "written_replies": written_reply_rows(),
        "desk_replies": written_desk_reply_rows(),
    }
    for kind, replies in with_parent.items():
        examples = [deep_tier.Example(t, p, labels, keep_context=True) for t, p, labels in replies]
        again += examples * (repeats[f"{kind}_repeat"] - 1)
    print(f"rows read again: {len(again)}", flush=True)
    deep_tier.train_deep_tier(
        root,
        out,
        work,
        caps=caps,
        version=int(os.environ.get("DEEP_VERSION", "5")),
        epochs=1.0,
        lr=2e-5,
        warm_start=start,
        tune_layers=layers,
        mask_sets=tuple(sys.argv[5:]) or None,
        extra_train=again or None,
        log=lambda m: print(m, flush=True),
        settings=repeats,
        seed=int(os.environ.get("SEED", "13")),
    )


if __name__ == "__main__":
    main()
