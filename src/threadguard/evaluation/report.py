"""``threadguard eval --suite data``: one pass over the shared data, one report.

Each data set is loaded once and each split scored once; the per-head table, the
benchmark table (ThreadGuard beside published figures and beside peers run here on the
same rows), the WikiMadlibs bias table and the per-tier throughput all come from that
pass. Rendering is here too, as rich tables for the terminal and as Markdown for
``--out``, so the command line stays a thin layer.

``limit`` (the CLI's ``--quick``) keeps a fixed, text-keyed sample of each split: the
same rows on every run and machine, so quick numbers are comparable with each other
(not with full ones).
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from rich.console import Console
from rich.table import Table

from threadguard.engine import CommentInput, Engine
from threadguard.evaluation.benchmarks import (
    BENCHMARK_SETS,
    SPANS,
    TASKS,
    BenchmarkRow,
    Task,
    olid_levels,
    parse_gold_offsets,
    perspective_auroc,
    run_task,
    scores_from_probabilities,
)
from threadguard.evaluation.bias import BiasReport, SubgroupBias, bias_report
from threadguard.evaluation.peers import PEER_NAMES, PEER_NOTES, Peer
from threadguard.evaluation.published import Published
from threadguard.evaluation.throughput import TierThroughput, dev_texts, measure_tiers
from threadguard.metrics import mean_char_f1, span_offsets
from threadguard.training.datasets import (
    EVALUATION_SETS,
    HEADS,
    TRAINING_SETS,
    LabelledRows,
)
from threadguard.training.evaluate import EvalRow, engine_predictor, evaluate_rows
from threadguard.training.unseen import held_out_rows
from threadguard.training.weak_labels import add_weak_labels

THREADGUARD = "ThreadGuard"
#: WikiMadlibs rows kept by a quick run, per ``limit`` row of the other sets: the bias
#: table needs a few dozen rows per identity to say anything.
MADLIBS_FACTOR = 10

Log = Callable[[str], None]


@dataclass
class EvalReport:
    """Everything ``threadguard eval`` prints, and the Markdown report is written from."""

    model_version: str
    tier: str
    context: bool
    limit: int | None
    per_head: list[EvalRow] = field(default_factory=list)
    benchmarks: list[BenchmarkRow] = field(default_factory=list)
    bias: list[BiasReport] = field(default_factory=list)
    throughput: list[TierThroughput] = field(default_factory=list)
    peers: list[Peer] = field(default_factory=list)
    #: Per data set, the test rows left out because a train or dev row copies them
    #: (:mod:`threadguard.training.unseen`).
    copies_left_out: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


def subsample(block: LabelledRows, n: int | None) -> LabelledRows:
    """At most ``n`` rows, chosen by a hash of the text (stable across runs), in file order."""
    if n is None or len(block) <= n:
        return block
    keyed = sorted(
        range(len(block)),
        key=lambda i: hashlib.sha256(f"{i}:{block.texts[i]}".encode()).digest(),
    )
    return block.take(sorted(keyed[:n]))


def _task_rows(task: Task, test: LabelledRows) -> int:
    """How many test rows the task scores (OLID B and C use the gold-filtered subsets)."""
    levels = [olid_levels(g) for g in test.gold]
    if task.key == "olid" and task.task.startswith("B"):
        return sum(1 for a, b, _ in levels if a == "OFF" and b in ("TIN", "UNT"))
    if task.key == "olid" and task.task.startswith("C"):
        return sum(1 for _, b, c in levels if b == "TIN" and c in ("IND", "GRP", "OTH"))
    return len(test)


def _fixed(probs: np.ndarray) -> Callable[[LabelledRows], np.ndarray]:
    """A predictor that returns probabilities already computed (each split is scored once)."""

    def predict(_block: LabelledRows) -> np.ndarray:
        return probs

    return predict


def toxic_spans_f1(engine: Engine, test: LabelledRows) -> float:
    """Char-F1 of the union of every span the engine returns, whatever its attribute."""
    analyses = engine.analyze([CommentInput(t) for t in test.texts])
    predicted = [span_offsets([(s.begin, s.end) for s in a.spans]) for a in analyses]
    gold = [parse_gold_offsets(g) for g in test.gold]
    return mean_char_f1(predicted, gold)


def run_evaluation(
    engine: Engine,
    data_root: Path,
    *,
    tier: str = "cascade",
    context: bool = True,
    limit: int | None = None,
    peers: Sequence[Peer] = (),
    throughput: bool = True,
    log: Log = lambda _m: None,
) -> EvalReport:
    """Score every data set's dev and test splits once and build the whole report."""
    started = time.perf_counter()
    report = EvalReport(engine.model_version, tier, context, limit, peers=list(peers))
    predictor = engine_predictor(engine, context=context)
    runnable = [p for p in peers if p.score is not None]
    loaders = {**TRAINING_SETS, **EVALUATION_SETS}
    order = list(BENCHMARK_SETS) + [k for k in loaders if k not in BENCHMARK_SETS]
    for key in order:
        log(f"evaluating on {key}")
        block = loaders[key][0](data_root)
        add_weak_labels(block)
        if key == "wikimadlibs":
            report.bias = _bias(predictor, block, limit, runnable)
            continue
        held_out = held_out_rows(block, data_root)
        report.copies_left_out[key] = len(block.select("test")) - len(held_out)
        test = subsample(held_out, limit)
        test_probs = predictor(test)
        report.per_head.extend(evaluate_rows(_fixed(test_probs), test))
        tasks = [t for t in TASKS if t.key == key]
        if not tasks:
            continue
        dev = subsample(block.select("dev"), limit)
        systems: dict[str, tuple[dict[str, np.ndarray], dict[str, np.ndarray]]] = {
            THREADGUARD: (
                scores_from_probabilities(predictor(dev)),
                scores_from_probabilities(test_probs),
            )
        }
        for peer in runnable:
            assert peer.score is not None
            systems[peer.name] = (peer.score(dev.texts), peer.score(test.texts))
        for task in tasks:
            rows, positives = task.counts(test)
            row = BenchmarkRow(
                task.key,
                task.dataset,
                task.task,
                task.metric,
                _task_rows(task, test) if positives is None else rows,
                positives,
                published=task.published,
                note=task.note,
            )
            for name, (dev_scores, test_scores) in systems.items():
                if SPANS in task.needs:
                    row.values[name] = toxic_spans_f1(engine, test) if name == THREADGUARD else None
                else:
                    row.values[name] = run_task(task, dev, test, dev_scores, test_scores)
            if key == "cat_gc":
                row.published = Published(
                    perspective_auroc(test),
                    "Perspective API, scores shipped in gc.csv",
                    "AUROC of the 'api' column of CAT-LARGE gc.csv (Pavlopoulos et al. 2020, "
                    "ACL) on the same test rows, computed here",
                )
            report.benchmarks.append(row)
    if throughput:
        log("measuring throughput per tier")
        rows = 1000 if limit is None else min(1000, limit)
        report.throughput = measure_tiers(
            engine, dev_texts(data_root, rows), latency_samples=200 if limit is None else 50
        )
    report.seconds = time.perf_counter() - started
    return report


def _bias(
    predictor: Callable[[LabelledRows], np.ndarray],
    block: LabelledRows,
    limit: int | None,
    peers: Sequence[Peer],
) -> list[BiasReport]:
    """ThreadGuard's toxicity head on WikiMadlibs, and each peer's toxicity mapping."""
    rows = subsample(block, None if limit is None else limit * MADLIBS_FACTOR)
    y = rows.matrix()[:, HEADS.index("toxicity")]
    tox = predictor(rows)[:, HEADS.index("toxicity")]
    out = [bias_report(rows.texts, y, tox, system=THREADGUARD)]
    for peer in peers:
        assert peer.score is not None
        out.append(bias_report(rows.texts, y, peer.score(rows.texts)["toxicity"], system=peer.name))
    return out


# ------------------------------------------------------------------ rendering


def _fmt(value: float | None) -> str:
    return "—" if value is None or np.isnan(value) else f"{value:.3f}"


def _rows(row: BenchmarkRow) -> str:
    """``1924`` or, for binary tasks, ``1023 (14)``: a tiny positive count flags a noisy AUROC."""
    return str(row.rows) if row.positives is None else f"{row.rows} ({row.positives})"


def _peer_columns(report: EvalReport) -> list[tuple[str, str]]:
    """``(peer name, column header)`` for every peer the report knows of, in fixed order."""
    status = {p.name: p for p in report.peers}
    cols = []
    for name in PEER_NAMES:
        peer = status.get(name)
        if peer is None:
            cols.append((name, f"{name} (not run)"))
        elif peer.score is None:
            cols.append((name, f"{name} (unavailable)"))
        else:
            cols.append((name, name))
    return cols


def _peer_cell(report: EvalReport, row: BenchmarkRow, name: str) -> str:
    peer = next((p for p in report.peers if p.name == name), None)
    if peer is None:
        return "not run"
    if peer.score is None:
        return "unavailable"
    return _fmt(row.values.get(name))


def benchmark_table(report: EvalReport) -> Table:
    """The one table of issue 3: data set, task, metric, ours, best published, peers."""
    scope = "" if report.limit is None else f", quick: ≤{report.limit} rows per split"
    table = Table(
        title=f"{report.model_version} ({report.tier}) on the official test splits{scope}"
    )
    for col in (
        "data set",
        "task",
        "metric",
        "rows (pos.)",
        THREADGUARD,
        "best published (citation)",
    ):
        table.add_column(col, justify="right" if col in ("rows (pos.)", THREADGUARD) else "left")
    cols = _peer_columns(report)
    for _, header in cols:
        table.add_column(header, justify="right")
    previous = ""
    for row in report.benchmarks:
        table.add_row(
            row.dataset if row.dataset != previous else "",
            row.task,
            row.metric,
            _rows(row),
            _fmt(row.values.get(THREADGUARD)),
            row.published.short() if row.published else "n/a",
            *(_peer_cell(report, row, name) for name, _ in cols),
        )
        previous = row.dataset
    return table


def per_head_table(report: EvalReport) -> Table:
    """The per-attribute table (AUROC, F1 at 0.5, macro-F1, majority baseline, ECE)."""
    title = f"{report.model_version} ({report.tier}) per attribute on the test splits"
    return eval_rows_table(report.per_head, title)


#: Columns of the per-attribute table (the Markdown report shortens the baseline's name).
PER_HEAD_COLUMNS = (
    "data set",
    "attribute",
    "rows",
    "positives",
    "AUROC",
    "F1",
    "macro-F1",
    "baseline macro-F1",
    "ECE",
)
#: Columns of the WikiMadlibs per-identity table.
BIAS_COLUMNS = ("identity", "rows", "subgroup AUC", "BPSN AUC", "BNSP AUC")


def per_head_cells(r: EvalRow) -> list[str]:
    """One row of the per-attribute table, as the terminal and Markdown both print it."""
    return [
        r.dataset,
        r.head,
        str(r.rows),
        str(r.positives),
        f"{r.auroc:.3f}",
        f"{r.f1:.3f}",
        f"{r.macro_f1:.3f}",
        f"{r.baseline_macro_f1:.3f}",
        f"{r.ece:.3f}",
    ]


def _bias_cells(s: SubgroupBias) -> list[str]:
    return [s.term, str(s.rows), _fmt(s.subgroup_auc), _fmt(s.bpsn_auc), _fmt(s.bnsp_auc)]


def eval_rows_table(rows: Sequence[EvalRow], title: str) -> Table:
    """Per (data set, attribute) results as a Rich table."""
    table = Table(title=title)
    for col in PER_HEAD_COLUMNS:
        table.add_column(col, justify="right" if col not in ("data set", "attribute") else "left")
    for r in rows:
        table.add_row(*per_head_cells(r))
    return table


def bias_table(report: EvalReport) -> Table | None:
    """ThreadGuard's per-identity AUCs, worst identity first (lowest of the three)."""
    if not report.bias:
        return None
    ours = report.bias[0]
    table = Table(title=f"WikiMadlibs identity bias, {ours.head} ({ours.rows} rows)")
    for col in BIAS_COLUMNS:
        table.add_column(col, justify="left" if col == "identity" else "right")

    def worst(s: object) -> float:
        vals = [getattr(s, m) for m in ("subgroup_auc", "bpsn_auc", "bnsp_auc")]
        return min((v for v in vals if v is not None), default=1.0)

    for s in sorted(ours.subgroups, key=worst):
        table.add_row(*_bias_cells(s))
    return table


def bias_summary_lines(report: EvalReport) -> list[str]:
    """One line per system: overall AUC, power -5 means of the three metrics, final score."""
    return [
        f"{b.system:<20} overall AUC {_fmt(b.overall_auc)}  "
        f"M-5(subgroup) {_fmt(b.means.get('subgroup_auc'))}  "
        f"M-5(BPSN) {_fmt(b.means.get('bpsn_auc'))}  "
        f"M-5(BNSP) {_fmt(b.means.get('bnsp_auc'))}  "
        f"final {_fmt(b.final_score)}"
        for b in report.bias
    ]


def context_words(tier: str, context: bool) -> str:
    """What the run did with the parent comment and title: the fast tier reads them only
    for a reply of bare agreement ("exactly", read as its parent's words)."""
    if not context:
        return "context off"
    if tier == "fast":
        return "context on (the fast tier reads it only for replies of bare agreement)"
    return "context on"


def _throughput_line(t: TierThroughput) -> str:
    if t.per_second is None:
        return f"{t.tier:<8} not measured: {t.note}"
    return (
        f"{t.tier:<8} {t.per_second:10,.0f} comments/s ({t.comments} dev comments)   "
        f"p50 {t.p50_ms:.1f} ms   p99 {t.p99_ms:.1f} ms (one comment per call)"
    )


def throughput_lines(report: EvalReport) -> list[str]:
    """Per tier: comments/s in a batch and p50/p99 of single-comment calls."""
    return [_throughput_line(t) for t in report.throughput]


def copies_line(report: EvalReport) -> str:
    """Which test rows were left out as copies of training rows, per data set."""
    counts = ", ".join(f"{k} {n}" for k, n in report.copies_left_out.items() if n)
    return (
        "Test rows that a train or dev row of any training set copies up to case, spacing "
        f"and punctuation are left out: {counts or 'none'}."
    )


def peer_status_lines(report: EvalReport) -> list[str]:
    """Per peer: whether it ran here (or why not), and what it is."""
    return [
        f"{p.name}: {'ran here' if p.score is not None else f'UNAVAILABLE: {p.reason}'}; "
        f"{PEER_NOTES.get(p.name, '')}"
        for p in report.peers
    ]


def render(report: EvalReport, console: Console, *, per_head: bool = True) -> None:
    """Print the report: per-head table (optional), benchmarks, bias, throughput."""
    if per_head:
        console.print(per_head_table(report))
    console.print(benchmark_table(report))
    console.print(
        "? = quoted from memory of the paper, not re-checked against its text; n/a = no comparable published "
        "figure; — = the system has no output for that task. Thresholds are tuned on dev splits only."
    )
    console.print(copies_line(report), soft_wrap=True)
    for line in peer_status_lines(report):
        console.print(line, soft_wrap=True)
    table = bias_table(report)
    if table is not None:
        console.print(table)
        for line in bias_summary_lines(report):
            console.print(line, soft_wrap=True)
    if report.throughput:
        console.print("Throughput per tier (Engine.analyze: scores, spans, decisions):")
        for line in throughput_lines(report):
            console.print(line, soft_wrap=True)


# ------------------------------------------------------------------ Markdown


def _md_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(c.replace("|", "/") for c in r) + " |" for r in rows]
    return "\n".join(out)


def to_markdown(report: EvalReport) -> str:
    """The whole report as Markdown (for ``--out``, the model card, or a pull request)."""
    scope = (
        "full test splits" if report.limit is None else f"quick run: ≤{report.limit} rows per split"
    )
    parts = [
        f"# ThreadGuard evaluation: {report.model_version}",
        "",
        f"Tier `{report.tier}`, {context_words(report.tier, report.context)}, {scope}; "
        f"{report.seconds:.0f} s. Thresholds are tuned on dev splits only; test rows are "
        "official test splits where the data set has one, fixed seeded splits otherwise. "
        + copies_line(report),
        "",
        "## Benchmarks",
        "",
    ]
    cols = _peer_columns(report)
    header = [
        "data set",
        "task",
        "metric",
        "rows (pos.)",
        THREADGUARD,
        "best published",
        *(h for _, h in cols),
    ]
    rows = [
        [
            r.dataset,
            r.task,
            r.metric,
            _rows(r),
            _fmt(r.values.get(THREADGUARD)),
            r.published.short() if r.published else "n/a",
            *(_peer_cell(report, r, name) for name, _ in cols),
        ]
        for r in report.benchmarks
    ]
    parts += [_md_table(header, rows), ""]
    parts += [
        "`?` marks a published figure quoted from memory of the paper, not re-checked against its text; "
        "`n/a` means no comparable published figure is known; `—` means the system has no "
        "output for that task.",
        "",
        "### Sources",
        "",
    ]
    seen: set[str] = set()
    for r in report.benchmarks:
        if r.published is None:
            continue
        line = f"- {r.dataset} / {r.task} / {r.metric}: {r.published.source}"
        if line not in seen:
            seen.add(line)
            parts.append(line)
    parts += ["", "### Peers", ""]
    parts += [f"- {line}" for line in peer_status_lines(report)]
    if report.bias:
        parts += ["", "## Identity bias (WikiMadlibs, toxicity)", ""]
        parts += [f"    {line}" for line in bias_summary_lines(report)]
        ours = report.bias[0]
        parts += [
            "",
            _md_table(BIAS_COLUMNS, [_bias_cells(s) for s in ours.subgroups]),
        ]
    if report.throughput:
        parts += ["", "## Throughput per tier", ""]
        parts += [f"    {line}" for line in throughput_lines(report)]
    if report.per_head:
        parts += ["", "## Per attribute", ""]
        header = ["baseline" if c == "baseline macro-F1" else c for c in PER_HEAD_COLUMNS]
        parts.append(_md_table(header, [per_head_cells(r) for r in report.per_head]))
    return "\n".join(parts) + "\n"
