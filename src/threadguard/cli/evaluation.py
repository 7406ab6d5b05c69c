"""``threadguard eval``: the data scientist's measures of a model and a policy, one suite
at a time (the data sets' splits, the functional suite, context, decisions, groups named,
a simulated site's adaptation, the languages beyond English)."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from threadguard.cli.common import (
    DATA_ENV,
    ContextOpt,
    DataOpt,
    DeepFromOpt,
    ModelOpt,
    PolicyOpt,
    TierOpt,
    app,
    data_folder,
    err,
    fail,
    load_engine,
    load_moderator,
    write_fault,
)
from threadguard.schema import Tier
from threadguard.training.data_files import DataFileError


@app.command("eval")
def evaluate(
    data: DataOpt = None,
    model: ModelOpt = None,
    split: Annotated[
        str,
        typer.Option(
            "--split",
            help="Which split to report: test or dev. The team's suites (functional, and "
            "those decisions and languages add) have no split: the same cases on either.",
        ),
    ] = "test",
    suite: Annotated[
        str,
        typer.Option(
            "--suite",
            help="data: the data sets' splits; functional: the hard-case suite (scores and "
            "decisions); context: with vs without thread context; decisions: civil comments "
            "held and abusive ones caught per data set, and the curve between them; "
            "adaptation: a simulated news site adapted from half its labels as moderators' "
            "verdicts, civil held at equal caught on the other half; targets: on comments "
            "labelled as attacking a group, how often the groups reported name it, and civil "
            "comments said to target a group; languages: each language "
            "beyond English on its test split, its functional suite and bias figures, and the "
            "blind checks per language (English included).",
        ),
    ] = "data",
    tier: TierOpt = Tier.CASCADE,
    context: ContextOpt = True,
    deep_from: DeepFromOpt = None,
    quick: Annotated[
        bool,
        typer.Option(
            "--quick",
            help="At most 300 rows per split (decisions: per kind and set; a fixed sample): "
            "the data suite (test or dev) and decisions.",
        ),
    ] = False,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="Also write the full report here (Markdown; text for --suite adaptation). "
            "Not with --suite functional or context, which only print their tables.",
        ),
    ] = None,
    per_head: Annotated[
        bool,
        typer.Option(
            "--per-head/--no-per-head",
            help="Print the per-attribute table too (test splits; on dev it is the report).",
        ),
    ] = True,
    peers: Annotated[
        bool,
        typer.Option(
            "--peers/--no-peers",
            help="Run alt-profanity-check and hatesonar on the same rows (the test splits' "
            "benchmark table only).",
        ),
    ] = True,
    policy: PolicyOpt = None,
) -> None:
    """Report the model on every data set's test split, or on the functional hard cases.

    On the test splits (the default): the per-attribute table, then one benchmark table
    (each task's official metric beside the best published figure and the peers run here),
    WikiMadlibs identity-bias AUCs, and throughput and p99 latency per tier.
    """

    if split not in ("test", "dev"):
        fail("--split must be test or dev")
    if quick and suite not in ("data", "decisions"):  # it read every row all the same
        fail(f"--quick: --suite {suite} has no quick sample (only data and decisions do)")
    if out is not None:  # before minutes of scoring, not after
        if suite in ("functional", "context"):
            fail(f"--out: --suite {suite} only prints its tables (redirect them to a file)")
        if out.is_dir() or not out.parent.is_dir():
            fail(f"--out {out}: not a file in an existing folder")
    try:
        _evaluate(
            data, model, split, suite, tier, context, deep_from, quick, out, per_head, peers, policy
        )
    except FileNotFoundError as exc:  # a data folder without one of the data sets' files
        fail(f"{exc.filename}: no such file; is --data (or ${DATA_ENV}) the labelled data folder?")
    except DataFileError as exc:  # one that is there but damaged (not UTF-8, broken CSV)
        fail(str(exc))


def _evaluate(  # type: ignore[no-untyped-def]
    data, model, split, suite, tier, context, deep_from, quick, out, per_head, peers, policy
) -> None:
    """The suite asked for (see :func:`evaluate`)."""
    if suite == "functional":
        _eval_functional(model, tier, deep_from, policy, split)
        return
    if suite == "decisions":
        _eval_decisions(model, data, tier, context, deep_from, split, quick, out, policy)
        return
    if suite == "adaptation":
        _eval_adaptation(model, data_folder(data), tier, context, deep_from, split, out, policy)
        return
    if suite == "languages":
        _eval_languages(model, data, tier, deep_from, split, policy, out)
        return
    if suite == "targets":
        _eval_targets(model, data, tier, context, deep_from, split, out, policy)
        return
    if suite not in ("data", "context"):
        fail(
            "--suite must be data, functional, context, decisions, adaptation, targets or languages"
        )
    root = data_folder(data)
    if suite == "context":
        _eval_context(model, root, tier, split, deep_from)
        return

    engine = load_engine(model, tier, context, deep_from)
    if split == "test":
        _eval_benchmarks(engine, root, tier, context, quick, out, per_head, peers)
        return
    _eval_dev(engine, root, tier, context, QUICK_ROWS if quick else None, out)


#: Rows per split that ``--quick`` keeps (a fixed sample keyed on the text).
QUICK_ROWS = 300


def _eval_dev(  # type: ignore[no-untyped-def]
    engine, root: Path, tier: Tier, context: bool, limit: int | None, out: Path | None
) -> None:
    """``eval --split dev`` (data suite): the per-attribute table on every dev split and
    the Toxic Spans trial split's char-F1; ``--quick`` samples each split, ``--out``
    writes the same as Markdown."""
    from threadguard.evaluation.report import (
        PER_HEAD_COLUMNS,
        eval_rows_table,
        per_head_cells,
        subsample,
        toxic_spans_f1,
    )
    from threadguard.training.datasets import load_toxic_spans
    from threadguard.training.evaluate import engine_predictor, evaluate_all

    rows = evaluate_all(
        engine_predictor(engine, context=context),
        root,
        split="dev",
        sample=None if limit is None else lambda block: subsample(block, limit),
    )
    scope = "" if limit is None else f", quick: ≤{limit} rows per split"
    title = f"{engine.model_version} ({tier}) on the dev splits{scope}"
    Console().print(eval_rows_table(rows, title))
    spans = None
    if (root / "toxic_spans").is_dir():
        trial = subsample(load_toxic_spans(root).select("dev"), limit)
        spans = f"Toxic Spans trial split (dev{scope}): char-F1 {toxic_spans_f1(engine, trial):.4f}"
        print(spans)
    if out is not None:
        lines = [
            f"# {title}",
            "",
            "| " + " | ".join(PER_HEAD_COLUMNS) + " |",
            "|" + "---|" * len(PER_HEAD_COLUMNS),
            *("| " + " | ".join(per_head_cells(r)) + " |" for r in rows),
        ]
        _write_report(out, "\n".join([*lines, *(["", spans] if spans else [])]) + "\n")


def _eval_languages(
    model: Path | None,
    data: Path | None,
    tier: Tier,
    deep_from: float | None,
    split: str,
    policy: Path | None,
    out: Path | None,
) -> None:
    """``eval --suite languages``: the test splits, the suites and the bias tables."""
    from threadguard.evaluation.language_card import language_report

    engine = load_engine(model, tier, True, deep_from)
    moderator = load_moderator(policy)
    # a folder given but mistyped is an error, as for every other suite (it silently
    # dropped every test split); none given: the team's suites, and it says so
    root = None if data is None else data_folder(data)
    if root is None:
        err.print(f"no data folder (--data or {DATA_ENV}): the team's suites only")
    text = language_report(engine, moderator, root, split)
    print(text)
    if out is not None:
        out.write_text(text, encoding="utf-8")


def _eval_context(
    model: Path | None, data: Path, tier: Tier, split: str, deep_from: float | None
) -> None:
    """The same engine with and without context on held-out rows labelled in context."""
    from rich.table import Table

    from threadguard.evaluation.context import CLEAR_CLEAN, CLEAR_TOXIC, context_suite

    engine = load_engine(model, tier, True, deep_from)
    table = Table(title=f"{engine.model_version} ({tier}, {split} rows): with and without context")
    for col in (
        "data set",
        "context bound",
        "rows",
        "toxic",
        "AUC alone",
        "AUC with context",
        "decision flips",
        "flips toward label",
        "flips away",
        "clear cases made worse",
    ):
        table.add_column(col)
    shifts = [engine.cascade.context_shift, math.inf]
    for r in context_suite(engine, data, split=split, shifts=shifts):
        flips = ", ".join(f"{k} {v}" for k, v in sorted(r.flips.items())) or "none"
        table.add_row(
            r.dataset,
            "none" if math.isinf(r.shift) else f"{r.shift:g} logit",
            str(r.rows),
            str(r.positives),
            f"{r.auc_without:.3f}",
            f"{r.auc_with:.3f}",
            flips,
            str(r.flips_right),
            str(r.flips_wrong),
            f"{r.clear_made_worse} of {r.clear_cases}",
        )
    Console(width=max(Console().width, 150)).print(table)
    print(
        "context bound: how far (logits) the context may move a score from the comment's own "
        "(CascadeSettings.context_shift; 'none' = the context read alone decides).\n"
        f"clear cases: labelled clean with every attribute <= {CLEAR_CLEAN} alone, or labelled toxic "
        f"with toxicity >= {CLEAR_TOXIC} alone; made worse = context flips their decision."
    )


def _eval_benchmarks(  # type: ignore[no-untyped-def]
    engine,
    data: Path,
    tier: Tier,
    context: bool,
    quick: bool,
    out: Path | None,
    per_head: bool,
    peers: bool,
) -> None:
    """The data-suite report (threadguard.evaluation.report): tables, bias, throughput."""
    from threadguard.evaluation.peers import load_peers
    from threadguard.evaluation.report import render, run_evaluation, to_markdown

    report = run_evaluation(
        engine,
        data,
        tier=tier,
        context=context,
        limit=300 if quick else None,
        peers=load_peers() if peers else [],
        log=lambda m: err.print(m),
    )
    console = Console()
    render(report, Console(width=max(console.width, 190)), per_head=per_head)
    if out is not None:
        _write_report(out, to_markdown(report))


def _eval_functional(
    model: Path | None,
    tier: Tier = Tier.CASCADE,
    deep_from: float | None = None,
    policy: Path | None = None,
    split: str = "test",
) -> None:
    """Per functionality of the packaged suite: accuracy on scores, and the share of cases
    the moderator decides as expected (default policy unless --policy). No data folder,
    and no split: ``--split`` changes nothing, which the title says (and, for dev, a note
    on stderr)."""
    from rich.table import Table

    from threadguard.evaluation.functional import SuiteError, run_suite_decisions

    engine = load_engine(model, tier, True, deep_from)
    moderator = load_moderator(policy)
    try:
        result = run_suite_decisions(engine, moderator)
    except SuiteError as exc:
        fail(f"functional suite: {exc}", 1)
    decided = {r.functionality: r for r in result.decisions.functionalities}
    decided["overall"] = result.decisions.overall
    if split != "test":
        err.print(
            f"--split {split}: the functional suite has no split; these are the same cases "
            "as with --split test"
        )
    table = Table(
        title=f"{engine.model_version} on the functional hard-case suite "
        "(no split: the same cases on dev and test)"
    )
    columns = ("functionality", "cases", "correct", "accuracy", "decisions right", "decision pass")
    for col in columns:
        table.add_column(col, justify="left" if col == "functionality" else "right")
    rows = (*result.scores.functionalities, result.scores.overall)
    for i, r in enumerate(rows):
        d = decided.get(r.functionality)
        table.add_row(
            r.functionality,
            str(r.cases),
            str(r.correct),
            f"{r.accuracy:.1%}",
            "-" if d is None else str(d.correct),
            "-" if d is None else f"{d.accuracy:.1%}",
            end_section=i == len(rows) - 2,
        )
    Console(width=max(Console().width, 120)).print(table)
    print(
        f"accuracy: the case's attribute score on the right side of 0.5; decision pass: the "
        f"{moderator.policy.name} policy approves a case expecting approve, holds or rejects "
        "one expecting hold."
    )


def _eval_decisions(
    model: Path | None,
    data: Path | None,
    tier: Tier,
    context: bool,
    deep_from: float | None,
    split: str,
    quick: bool,
    out: Path | None,
    policy: Path | None,
) -> None:
    """Civil held and abusive caught per data set, the curve and civil score distribution
    (threadguard.evaluation.decisions); without a data folder, the team's suites only."""
    from threadguard.evaluation.decision_sets import DATA_SETS
    from threadguard.evaluation.decisions import DEFAULT_CAP, QUICK_CAP, run_decisions
    from threadguard.evaluation.decisions_report import render, to_markdown

    root = None if data is None else data_folder(data)
    if root is None:
        err.print(f"no data folder (--data or {DATA_ENV}): the team's suites only")
    engine = load_engine(model, tier, context, deep_from)
    report = run_decisions(
        engine,
        root,
        split=split,
        cap=QUICK_CAP if quick else DEFAULT_CAP,
        policy=load_moderator(policy).policy,
        context=context,
        log=lambda m: err.print(m),
    )
    render(report, Console(width=max(Console().width, 160)))
    if out is not None:
        _write_report(out, to_markdown(report) + "\n")
    if root is not None and not {d.key for d in DATA_SETS} & {s.key for s in report.sets}:
        fail(f"{root}: none of the data sets is in this folder (see its MANIFEST.md)")


def _eval_adaptation(
    model: Path | None,
    data: Path,
    tier: Tier,
    context: bool,
    deep_from: float | None,
    split: str,
    out: Path | None,
    policy: Path | None,
) -> None:
    """A simulated site's adaptation (threadguard.evaluation.adaptation): civil held at
    equal caught before and after, on the half of the split not used as verdicts."""
    from threadguard.evaluation.adaptation import render_lines, simulate

    engine = load_engine(model, tier, context, deep_from)
    try:
        report = simulate(
            engine, data, split=split, policy=load_moderator(policy).policy, log=err.print
        )
    except FileNotFoundError as exc:
        fail(f"{exc.filename}: not found (the simulation reads Unhealthy Conversations)")
    lines = render_lines(report)
    for line in lines:
        typer.echo(line)
    if out is not None:
        _write_report(out, "\n".join(lines) + "\n", said=False)
    if report.refused:
        raise typer.Exit(2)


def _eval_targets(
    model: Path | None,
    data: Path | None,
    tier: Tier,
    context: bool,
    deep_from: float | None,
    split: str,
    out: Path | None,
    policy: Path | None,
) -> None:
    """Groups named on comments labelled as attacking one (threadguard.evaluation.targets);
    without a data folder, the functional suite only."""
    from rich.table import Table

    from threadguard.evaluation.targets import run_targets, target_sets, targets_markdown

    root = None if data is None else data_folder(data)
    if root is None:
        err.print(f"no data folder (--data or {DATA_ENV}): the functional suite only")
    engine = load_engine(model, tier, context, deep_from)
    moderator = load_moderator(policy, context)
    rows = run_targets(engine, moderator, target_sets(root, split), log=err.print)
    title = f"{engine.model_version}: groups named ({split} rows, {moderator.policy.name} policy)"
    table = Table(title=title)
    for name in (
        "set",
        "attacks on a group held",
        "named right: models",
        "named right: reported",
        "only other groups",
        "none",
        "civil named",
        "lists' groups labelled",
    ):
        table.add_column(name, justify="left" if name == "set" else "right")
    for r in rows:
        table.add_row(
            r.name,
            f"{r.held:,} of {r.attacks:,}",
            f"{r.named_by_models:,}",
            f"{r.named:,}",
            f"{r.wrong_only:,}",
            f"{r.unnamed:,}",
            f"{r.civil_named:,} of {r.civil:,}",
            f"{r.listed_right:,} of {r.listed:,}",
        )
    Console(width=max(Console().width, 150)).print(table)
    err.print(
        "named right: held comments whose targets name a labelled group (models: the target "
        "heads alone; reported: with the groups the lists found); civil named: civil comments "
        "whose targets name any group; lists' groups labelled: comments in which the lists "
        "found a group attacked, and of them those labelled an attack on it."
    )
    if out is not None:
        _write_report(out, targets_markdown(rows, title))


def _write_report(out: Path, text: str, *, said: bool = True) -> None:
    """Write a suite's report to ``out`` (exit 1 with one line if it cannot be written),
    and say where unless the suite's own output says it."""
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        fail(f"{out}: cannot write the report ({exc.strerror})", write_fault(exc))
    if said:
        err.print(f"report written to {out}")
