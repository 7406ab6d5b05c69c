"""The hidden-hate templates: sarcasm, codes, opinions, metaphors and calls aimed at a people,
each beside civil rows in the same tone that attack no one."""

from __future__ import annotations

import numpy as np

from threadguard.training.augment import template_rows
from threadguard.training.datasets import HEADS
from threadguard.training.templates_hidden_hate import (
    CALLS,
    CODED_UNNAMED,
    INSTITUTIONS,
    OBJECTS,
    SARCASM,
    SARCASM_CIVIL,
    UNNAMED_CALLS,
    hidden_hate_rows,
)
from threadguard.training.templates_thread_replies import THREAD_PEOPLES

TOXICITY, IDENTITY, THREAT = (HEADS.index(h) for h in ("toxicity", "identity_attack", "threat"))
TARGETS = [i for i, h in enumerate(HEADS) if h.startswith("target:")]


def _hostile(labels: np.ndarray) -> bool:
    return bool(labels[TOXICITY] == 1.0)


def test_rows_are_seeded_and_every_one_is_either_hostile_or_civil() -> None:
    rows = hidden_hate_rows()
    assert [t for t, _ in rows] == [t for t, _ in hidden_hate_rows()]
    assert [t for t, _ in rows] != [t for t, _ in hidden_hate_rows(seed=42)]
    for text, labels in rows:
        assert text.lstrip("\"'")[:1].isupper() and "{" not in text, text
        assert labels[TOXICITY] in (0.0, 1.0)
        assert labels[IDENTITY] == labels[TOXICITY], text


def test_hostile_rows_name_their_people_as_the_target() -> None:
    """A frame filled with a people targets that people (and nothing else); a code that
    names no one targets the group it stands for, or leaves targets unknown."""
    by_plural = {plural: group for group, plural, _ in THREAD_PEOPLES}
    named = 0
    for text, labels in hidden_hate_rows():
        if not _hostile(labels):
            continue
        groups = [p for p in sorted(by_plural, key=len, reverse=True) if p in text]
        if groups:
            named += 1
            assert labels[HEADS.index(f"target:{by_plural[groups[0]]}")] == 1.0, text
    assert named >= len(SARCASM) * 5
    coded = {line.split("{")[0]: group for line, group in CODED_UNNAMED}
    for text, labels in hidden_hate_rows():
        group = next((g for start, g in coded.items() if text.startswith(start)), "none")
        if group is None:
            assert all(np.isnan(labels[i]) for i in TARGETS), text
        elif group != "none":
            assert labels[HEADS.index(f"target:{group}")] == 1.0, text


def test_threat_is_unknown_where_no_harm_is_named_and_set_where_it_is() -> None:
    rows = hidden_hate_rows()
    # the words that mark each frame calling for removal without naming a harm, once filled
    markers = ("Remigration", "infestation in")
    unsaid_frames = [f for f, v in CALLS if v is None] + [f for f, _ in UNNAMED_CALLS]
    assert sum(any(m in f for m in markers) for f in unsaid_frames) == 3
    unsaid = [y for t, y in rows if _hostile(y) and any(m in t for m in markers)]
    assert len(unsaid) >= 3 and all(np.isnan(y[THREAT]) for y in unsaid)
    violent = [f.split("{")[0] for f, v in CALLS if v and not f.startswith("{")]
    harmful = [y for t, y in rows if any(t.startswith(v) for v in violent)]
    assert harmful and all(y[THREAT] == 1.0 for y in harmful)
    sarcastic = [y for t, y in rows if _hostile(y) and "Priceless" in t]
    assert sarcastic and all(y[THREAT] == 0.0 for y in sarcastic)


def test_each_sarcastic_tone_is_also_aimed_at_institutions_as_civil() -> None:
    civil = [t for t, y in hidden_hate_rows() if not _hostile(y)]
    for name in INSTITUTIONS:
        assert sum(name in t.lower() for t in civil) >= len(SARCASM_CIVIL)
    assert len(civil) >= 200
    assert len(civil) * 3 >= len(hidden_hate_rows())


def test_frustration_with_things_leaves_profanity_unknown() -> None:
    profanity = HEADS.index("profanity")
    rows = dict(hidden_hate_rows())
    for line in OBJECTS:
        labels = rows[line]
        assert np.isnan(labels[profanity]) and labels[TOXICITY] == 0.0
        assert all(labels[i] == 0.0 for i in TARGETS)


def test_both_tiers_train_on_them() -> None:
    texts = {t for t, _ in template_rows()}
    assert {t for t, _ in hidden_hate_rows()} <= texts
