"""``threadguard eval --suite decisions``: civil held, abusive caught, the curve, the report.

The counting is checked with made-up analyses decided by the real Moderator, the data
sets' civil/abusive coding on tiny files the tests write, and the command end to end on
the team's suites (they ship in the package, so no data folder is needed).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import pytest
from data_support import write_csv

from threadguard.analysis import Analysis
from threadguard.engine import CommentInput
from threadguard.evaluation.civil_news import (
    STYLES,
    TOPICS,
    load_civil_news,
    load_group_mentions,
    parse_civil_news,
)
from threadguard.evaluation.decision_sets import DATA_SETS, Item, capped, data_items
from threadguard.evaluation.decisions import (
    SCALES,
    decide_items,
    reason_rule,
    run_decisions,
    scaled_policy,
)
from threadguard.evaluation.decisions_report import grids, to_markdown
from threadguard.evaluation.functional import SuiteError
from threadguard.moderation import Moderator, load_policy
from threadguard.schema import ATTRIBUTES


def _analysis(**scores: float) -> Analysis:
    return Analysis(None, {a: scores.get(a, 0.01) for a in ATTRIBUTES})


# ------------------------------------------------------------------------------ the curve


def test_scaling_multiplies_every_threshold_and_caps_at_one() -> None:
    base = load_policy()
    half = scaled_policy(base, 0.5)
    more = scaled_policy(base, 1.4)
    for attr, rule in base.thresholds.items():
        scaled = half.thresholds[attr]
        assert scaled.hold == pytest.approx(rule.hold * 0.5) if rule.hold else scaled.hold is None
        high = more.thresholds[attr]
        assert high.hold is None or high.hold <= 1.0
        assert high.reject is None or high.hold is None or high.hold <= high.reject
    assert more.thresholds["toxicity"].reject == 1.0  # 0.95 x 1.4, capped
    assert scaled_policy(base, 1.0).thresholds == base.thresholds


def test_reason_rule_names_the_rule() -> None:
    assert reason_rule("toxicity 0.82 ≥ 0.70 (hold)") == "toxicity"
    assert reason_rule("language fr is not supported") == "language"
    assert reason_rule("new author: first 2 comment(s) are pre-moderated") == "new author"
    assert reason_rule("author name: insult 0.9 ≥ 0.70 (hold)") == "author name"


#: The thresholds the case below is written against (not the shipped policy's, which the
#: decisions rule may move).
FIXED_POLICY = """name = "fixed"
[thresholds]
toxicity          = { hold = 0.70, reject = 0.95 }
severe_toxicity   = { hold = 0.50, reject = 0.85 }
identity_attack   = { hold = 0.50, reject = 0.85 }
insult            = { hold = 0.70, reject = 0.95 }
threat            = { hold = 0.45, reject = 0.80 }
profanity         = { hold = 0.85 }
sexually_explicit = { hold = 0.60, reject = 0.92 }
"""


def test_decide_items_counts_civil_held_and_abusive_caught_at_each_scale(
    tmp_path: Path,
) -> None:
    path = tmp_path / "policy.toml"
    path.write_text(FIXED_POLICY, encoding="utf-8")
    base = load_policy(path)
    moderators = [(s, Moderator(scaled_policy(base, s))) for s in (0.8, 1.0, 1.2)]
    items = [
        Item("calm", "civil"),
        Item("heated", "civil"),  # toxicity 0.75: held at x1 (0.70), not at x1.2 (0.84)
        Item("rejected", "civil"),  # identity_attack 0.9 >= 0.85: rejected at x1
        Item("plain hate", "abusive"),
        Item("veiled", "abusive"),  # identity_attack 0.45: caught only at x0.8 (0.40)
    ]
    analyses = [
        _analysis(toxicity=0.1),
        _analysis(toxicity=0.75),
        _analysis(identity_attack=0.9),
        _analysis(identity_attack=0.7, toxicity=0.8),
        _analysis(identity_attack=0.45),
    ]
    r = decide_items(analyses, items, moderators, "k", "name", "coding", True)
    assert (r.civil, r.abusive) == (3, 2)
    assert [(p.scale, p.civil_flagged, p.abusive_caught) for p in r.points] == [
        (0.8, 2, 2),
        (1.0, 2, 1),
        (1.2, 1, 1),
    ]
    assert r.civil_share() == pytest.approx(2 / 3) and r.caught_share() == 0.5
    assert r.civil_rejected == 1
    assert dict(r.civil_reasons) == {"toxicity": 1, "identity_attack": 1}
    assert r.civil_toxicity == pytest.approx((0.1, 0.75, 0.01))


# ------------------------------------------------------------------------------ sampling


def test_capped_keeps_at_most_n_of_each_kind_whatever_else_is_there() -> None:
    civil = [Item(f"civil {i}", "civil") for i in range(50)]
    abusive = [Item(f"abusive {i}", "abusive") for i in range(5)]
    kept = capped(civil + abusive, 10)
    assert sum(it.kind == "civil" for it in kept) == 10
    assert sum(it.kind == "abusive" for it in kept) == 5
    # The same civil rows are chosen when other rows come and go: keyed on the text.
    again = capped([Item("a newcomer", "abusive"), *civil], 10)
    assert [it for it in again if it.kind == "civil"] == [it for it in kept if it.kind == "civil"]
    assert capped(civil, None) == civil


def test_unhealthy_coding_civil_is_healthy_and_not_hostile(tmp_path: Path) -> None:
    header = ["comment", "healthy", "hostile"]
    rows = [
        ["fine comment", "1", "0"],
        ["hostile comment", "0", "1"],
        ["hostile yet healthy", "1", "1"],
        ["condescending only", "0", "0"],
    ]
    write_csv(tmp_path / "unhealthy_conversations" / "test.csv", header, rows)
    write_csv(tmp_path / "unhealthy_conversations" / "val.csv", header, [])
    spec = {s.key: s for s in DATA_SETS}["unhealthy"]
    items = data_items(spec, tmp_path, "test", None)
    assert [(it.text, it.kind) for it in items] == [
        ("fine comment", "civil"),
        ("hostile comment", "abusive"),
        ("hostile yet healthy", "abusive"),
    ]


def test_ruddit_coding_uses_the_documented_cut_offs(tmp_path: Path) -> None:
    header = ["comment_id", "post_id", "offensiveness_score", "post_title", "comment_body"]
    texts = [f"comment {i}" for i in range(400)]
    scores = ["-0.5", "0.0", "0.2", "0.49", "0.5", "0.8"]
    rows = [[str(i), "p", scores[i % 6], "A post", t] for i, t in enumerate(texts)]
    write_csv(tmp_path / "ruddit" / "ruddit_with_text.csv", header, rows)
    spec = {s.key: s for s in DATA_SETS}["ruddit"]
    items = data_items(spec, tmp_path, "test", None)
    assert items, "some rows fall in the seeded test split"
    score_of = {t: scores[i % 6] for i, t in enumerate(texts)}
    for it in items:
        expected = {"-0.5": "civil", "0.0": "civil", "0.5": "abusive", "0.8": "abusive"}
        assert it.kind == expected[score_of[it.text]]
        assert it.title == "A post"


# ------------------------------------------------------------------------------ the run


class KeywordEngine:
    """Scores 'hate' words high and everything else low; records what it was given."""

    model_version = "threadguard-test"

    def __init__(self) -> None:
        self.items: list[CommentInput] = []

    def analyze(self, items: Sequence[CommentInput], *, spans: bool = True) -> list[Analysis]:
        self.items.extend(items)
        out = []
        for it in items:
            hateful = any(w in it.text.lower() for w in ("vermin", "deport", "cancer"))
            out.append(_analysis(identity_attack=0.9 if hateful else 0.05))
        return out


def test_without_a_data_folder_the_suites_run_and_the_sets_are_listed_missing() -> None:
    engine = KeywordEngine()
    report = run_decisions(engine, None, split="dev")
    assert [r.key for r in report.sets] == [
        "functional",
        "civil_news",
        "group_mentions",
        "blind_check",
        "judgements",
        "calls",
        "person_threats",
    ]
    assert report.missing == [s.key for s in DATA_SETS]
    civil_news, mentions = report.sets[1], report.sets[2]
    assert civil_news.civil == len(load_civil_news()) and civil_news.abusive == 0
    assert mentions.civil == len(load_group_mentions()) == 39 and mentions.abusive == 0
    assert any(it.parent for it in engine.items), "functional cases go in with their parents"
    md = to_markdown(report)
    assert md.startswith("## Decisions")
    assert "| Civil news sentences (team-written) [no split] |" in md
    assert "x1 (policy)" in md
    assert [g.title.split(":")[0] for g in grids(report)][1] == "The curve"


class RoutingEngine(KeywordEngine):
    """A KeywordEngine that, like the real one, counts what it sent to a deep tier: here
    every text with a "?" in it."""

    class _Routing:
        def __init__(self) -> None:
            self.deep = 0

        def totals(self) -> tuple[int, int]:
            return 0, self.deep

    def __init__(self) -> None:
        super().__init__()
        self.routing = self._Routing()

    def analyze(self, items: Sequence[CommentInput], *, spans: bool = True) -> list[Analysis]:
        self.routing.deep += sum("?" in it.text for it in items)
        return super().analyze(items, spans=spans)


def test_the_civil_comments_sent_to_the_deep_tier_are_counted_apart_from_the_abusive() -> None:
    engine = RoutingEngine()
    report = run_decisions(engine, None, split="dev")
    functional = report.sets[0]
    civil_cases = [it for it in engine.items[: functional.civil]]
    assert functional.civil_routed == sum("?" in it.text for it in civil_cases)
    assert 0 < functional.civil_routed < functional.civil
    md = to_markdown(report)
    assert "sent to the deep tier" in md
    # an engine that does not count says so rather than printing a made-up share
    plain = run_decisions(KeywordEngine(), None, split="dev")
    assert plain.sets[0].civil_routed is None
    assert "| n/a |" in to_markdown(plain)


def test_the_team_suites_are_labelled_as_having_no_split() -> None:
    """On --split dev the suites were printed as if they were dev rows: they have no split."""
    report = run_decisions(KeywordEngine(), None, split="dev")
    assert not any(r.has_split for r in report.sets)
    md = to_markdown(report)
    assert "(dev rows; the team's suites have no split)" in md
    assert "no dev/test split: the same cases on dev and test" in md
    for grid in grids(report):
        assert all(row[0].endswith("[no split]") for row in grid.rows), grid.title
    assert "| Functional suite (team-written hard cases) [no split] |" in md
    # a data set read on its dev split keeps its plain name
    report.sets.insert(
        0, replace(report.sets[0], key="unhealthy", name="Unhealthy", news=True, has_split=True)
    )
    assert [grid.rows[0][0] for grid in grids(report)] == ["Unhealthy"] * 3


def test_a_bad_split_or_curve_is_refused() -> None:
    with pytest.raises(ValueError, match="split"):
        run_decisions(KeywordEngine(), None, split="train")
    with pytest.raises(ValueError, match="include 1"):
        run_decisions(KeywordEngine(), None, scales=(0.5, 2.0))
    assert 1.0 in SCALES


# ------------------------------------------------------------------------------ the sentences


def test_the_civil_news_sentences_are_many_and_varied() -> None:
    sentences = load_civil_news()
    assert len(sentences) >= 200
    assert {s.topic for s in sentences} == set(TOPICS) - {"group_mentions"}
    assert {s.style for s in sentences} == set(STYLES)
    assert len({s.id for s in sentences}) == len(sentences)
    mentions = load_group_mentions()
    assert {s.topic for s in mentions} == {"group_mentions"}
    assert not {s.id for s in mentions} & {s.id for s in sentences}


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{oops", "not valid JSON"),
        ('{"id": "x", "topic": "armies", "text": "t"}', "exactly the fields"),
        ('{"id": "x", "topic": "sport", "style": "question", "text": "t"}', "unknown topic"),
        ('{"id": "x", "topic": "armies", "style": "rant", "text": "t"}', "unknown style"),
        ('{"id": "x", "topic": "armies", "style": "question", "text": " "}', "non-empty"),
    ],
)
def test_a_malformed_civil_sentence_is_refused(line: str, message: str) -> None:
    with pytest.raises(SuiteError, match=f"f.jsonl line 1: .*{message}"):
        parse_civil_news([line], source="f.jsonl")


def test_a_repeated_civil_sentence_is_refused() -> None:
    line = '{"id": "a", "topic": "armies", "style": "question", "text": "Why?"}'
    other = line.replace('"a"', '"b"').replace("Why?", "why? ")
    with pytest.raises(SuiteError, match="line 2: id or text already used"):
        parse_civil_news([line, other])


# ------------------------------------------------------------------------------ command line


def test_eval_decisions_without_data_reports_the_team_suites(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "THREADGUARD_DATA"} | {"COLUMNS": "200"}
    out = tmp_path / "decisions.md"
    proc = subprocess.run(
        [sys.executable, "-m", "threadguard", "eval", "--suite", "decisions", "--out", str(out)],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        env=env,
    )
    assert proc.returncode == 0, proc.stderr
    assert "the team's suites only" in proc.stderr
    assert "Civil news sentences" in proc.stdout and "Functional suite" in proc.stdout
    text = out.read_text(encoding="utf-8")
    assert (
        "### Decisions at the default policy (test rows; the team's suites have no split)" in text
    )
    assert "Not found in the data folder, skipped: unhealthy" in text
