"""The ``threadguard`` command line: a thin layer over the engine, readers and trainers.

Exit codes (DESIGN.md): 0 success, 2 bad usage or bad input, 1 any other failure.
Errors are one clear line on standard error, never a traceback.
"""

from __future__ import annotations

import io
import json
import math
import os
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from rich.console import Console

from threadguard import __version__

if TYPE_CHECKING:
    from threadguard.storage import Store

app = typer.Typer(
    name="threadguard",
    help="Context-aware moderation for threaded comment sections.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False)

DEFAULT_DATA = Path(os.environ.get("THREADGUARD_DATA", "../shared/data"))

ModelOpt = Annotated[
    Path | None, typer.Option("--model", help="Model directory (default: the shipped model).")
]
PolicyOpt = Annotated[
    Path | None,
    typer.Option("--policy", help="Policy TOML file (default: the built-in news-site policy)."),
]
DataOpt = Annotated[
    Path,
    typer.Option(
        "--data", help="Folder of the labelled data sets ($THREADGUARD_DATA, else ../shared/data)."
    ),
]


def fail(message: str, code: int = 2) -> NoReturn:
    """Print one error line and exit with the DESIGN.md exit code."""
    err.print(f"[bold red]error:[/] {message}", markup=True, soft_wrap=True)
    raise typer.Exit(code)


TierOpt = Annotated[
    str,
    typer.Option(
        "--tier",
        help="fast (n-grams only), cascade (deep tier where the fast tier is unsure) or deep.",
    ),
]
DeepFromOpt = Annotated[
    float,
    typer.Option(
        "--deep-from",
        min=0.0,
        max=1.0,
        help="Cascade band: comments with any fast-tier score at or above this go to the deep "
        "tier (0: all of them, 1: almost none). Lower is slower and better on dev rows; "
        "`threadguard bench` prints the curve.",
    ),
]
#: The shipped default band (chosen on dev rows; see engine.CascadeSettings).
DEFAULT_DEEP_FROM = 0.2
ContextOpt = Annotated[
    bool,
    typer.Option("--context/--no-context", help="Use the parent comment and title as context."),
]


def _engine(  # type: ignore[no-untyped-def]
    model: Path | None,
    policy: Path | None,
    tier: str = "cascade",
    context: bool = True,
    deep_from: float = DEFAULT_DEEP_FROM,
):
    from threadguard.engine import CascadeSettings, Engine
    from threadguard.policy import PolicyError
    from threadguard.scoring.linear import ModelError

    try:
        cascade = CascadeSettings(tier=tier, use_context=context, deep_from=deep_from)
    except ValueError as exc:
        fail(str(exc))
    try:
        return Engine.load(model, policy, cascade=cascade)
    except PolicyError as exc:
        fail(str(exc), 2)
    except ModelError as exc:
        fail(f"{exc}. Train one with `threadguard train`.", 1)


@app.callback(invoke_without_command=True)
def _root(
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False,
) -> None:
    if version:
        typer.echo(f"threadguard {__version__}")
        raise typer.Exit(0)


@app.command()
def score(
    input: Annotated[
        str, typer.Argument(help="JSON Lines file to score, or - for standard input.")
    ] = "-",
    model: ModelOpt = None,
    policy: PolicyOpt = None,
    tier: TierOpt = "cascade",
    context: ContextOpt = True,
    deep_from: DeepFromOpt = DEFAULT_DEEP_FROM,
    workers: Annotated[
        int,
        typer.Option(
            "--workers",
            help="Processes scoring in parallel on a large input (0: one per core).",
            min=0,
        ),
    ] = 0,
    spans: Annotated[
        bool,
        typer.Option(
            "--spans/--no-spans",
            help="Find the words that carry each attribute (--no-spans: empty spans, faster).",
        ),
    ] = True,
) -> None:
    """Score comments: JSON Lines in, one JSON line out per input line, in order.

    Each input line is {"id", "text", "parent", "title"} (only "text" required) or plain
    text. Blank lines are skipped. A bad line gives an {"error": ...} line and the run goes
    on; the exit code is 2 if any line failed. Inputs longer than a few thousand lines are
    scored on every core.
    """
    from threadguard.parallel import EngineRecipe, default_workers, score_lines

    engine = _engine(model, policy, tier, context, deep_from)
    recipe = EngineRecipe(model, policy, engine.cascade)
    if input == "-":
        # Undecodable bytes become U+FFFD instead of ending the run with the rest unread.
        stream = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace", newline="")
    else:
        try:
            stream = open(input, encoding="utf-8", errors="replace", newline="")  # noqa: SIM115
        except OSError as exc:
            fail(f"{input}: cannot open: {exc.strerror}")
    failed = 0
    out = sys.stdout
    with stream:
        for line, ok in score_lines(
            engine, recipe, stream, workers or default_workers(), spans=spans
        ):
            out.write(line + "\n")
            failed += not ok
    out.flush()
    if failed:
        err.print(f'{failed} line(s) could not be scored (see their "error" objects)')
        raise typer.Exit(2)


@app.command()
def scan(
    file: Annotated[
        Path,
        typer.Argument(help="Thread file: text dump, JSON/JSONL, CSV, Disqus XML, Reddit JSON."),
    ],
    format: Annotated[
        str, typer.Option("--format", help="Output: text (a tree) or json.")
    ] = "text",
    input_format: Annotated[
        str | None,
        typer.Option("--input-format", help="Force the input format instead of detecting it."),
    ] = None,
    model: ModelOpt = None,
    policy: PolicyOpt = None,
    tier: TierOpt = "cascade",
    context: ContextOpt = True,
    deep_from: DeepFromOpt = DEFAULT_DEEP_FROM,
) -> None:
    """Read a thread, score and decide every comment, and show it."""
    from threadguard.readers import ReaderError, read_thread
    from threadguard.render import signals_panel, summary_line, thread_json, thread_tree
    from threadguard.signals import compute_signals

    if format not in ("text", "json"):
        fail(f"--format must be text or json, not {format!r}")
    if not file.is_file():
        fail(f"{file}: no such file")
    try:
        result = read_thread(file, format=input_format)
    except ReaderError as exc:
        fail(str(exc))
    for problem in result.problems:
        err.print(f"[yellow]warning:[/] {problem}", markup=True, soft_wrap=True)
    engine = _engine(model, policy, tier, context, deep_from)
    scored = engine.scan(result.thread)
    if format == "json":
        doc = thread_json(result.thread, scored)
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        return
    console = Console()
    console.print(thread_tree(result.thread, scored))
    console.print(signals_panel(compute_signals(result.thread, scored)))
    console.print(summary_line(scored))


@app.command()
def train(
    data: DataOpt = DEFAULT_DATA,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", help="Where to write the model (default: the shipped model's folder)."
        ),
    ] = None,
    model_version: Annotated[
        int, typer.Option("--model-version", help="Version number of the new model.")
    ] = 1,
    c: Annotated[
        float, typer.Option("-C", help="Inverse regularisation strength of the heads.")
    ] = 4.0,
    tier: Annotated[
        str,
        typer.Option(
            "--tier",
            help="fast (n-gram heads, ~5 min) or deep (fine-tune the encoder: needs "
            "`pip install -e .[train]`, ~1 hour on 2 cores).",
        ),
    ] = "fast",
    work_dir: Annotated[
        Path, typer.Option("--work-dir", help="Checkpoints and the fp32 ONNX export (deep tier).")
    ] = Path("work/deep"),
    from_checkpoint: Annotated[
        Path | None,
        typer.Option(
            "--from-checkpoint", help="Deep tier: export this checkpoint instead of training."
        ),
    ] = None,
    warm_start: Annotated[
        bool,
        typer.Option(
            "--warm-start",
            help="Deep tier: continue from the shipped model (a fifth of the data replayed "
            "beside the hard cases, embeddings frozen, lower learning rate) instead of the "
            "base encoder.",
        ),
    ] = False,
    epochs: Annotated[
        float, typer.Option("--epochs", help="Deep tier: passes over the data.")
    ] = 1.0,
    tune_layers: Annotated[
        int | None,
        typer.Option(
            "--tune-layers",
            min=1,
            max=6,
            help="Deep tier: train only the top N encoder layers and the heads (the frozen "
            "layers keep their bytes, so the repository grows less).",
        ),
    ] = None,
    lr: Annotated[
        float | None,
        typer.Option("--lr", help="Deep tier: learning rate (default 5e-5, 2e-5 warm)."),
    ] = None,
) -> None:
    """Train a tier from the labelled data and write it (the fast tier with its model card)."""
    from threadguard.engine import DEEP_MODEL, shipped_model_dir
    from threadguard.training.fast_tier import train_fast_tier
    from threadguard.training.model_card import write_model_card

    if not data.is_dir():
        fail(f"{data}: no such data folder (set --data or THREADGUARD_DATA)")
    if tier not in ("fast", "deep"):
        fail(f"--tier must be fast or deep, not {tier!r}")
    if tier == "deep":
        try:
            from threadguard.training import deep_tier
        except ImportError as exc:
            fail(f"the deep tier needs the training extras (pip install -e '.[train]'): {exc}", 1)
        target = out or shipped_model_dir(DEEP_MODEL)
        if from_checkpoint is not None:
            deep_tier.export_checkpoint(
                from_checkpoint, data, target, work_dir, version=model_version, log=err.print
            )
        else:
            start = shipped_model_dir(DEEP_MODEL) / "encoder.int8.onnx" if warm_start else None
            if start is not None:
                # the export overwrites the shipped file: continue from a copy
                work_dir.mkdir(parents=True, exist_ok=True)
                start = Path(shutil.copy(start, work_dir / "warm_start.int8.onnx"))
            deep_tier.train_deep_tier(
                data,
                target,
                work_dir,
                version=model_version,
                epochs=epochs,
                lr=lr if lr is not None else (2e-5 if warm_start else 5e-5),
                warm_start=start,
                tune_layers=tune_layers,
                log=err.print,
            )
        err.print(f"deep tier written to {target}")
        return
    target = out or shipped_model_dir()
    try:
        from threadguard.training.augment import template_rows

        result = train_fast_tier(
            data, version=model_version, c=c, extra=template_rows(), log=lambda m: err.print(m)
        )
    except (OSError, KeyError, ValueError) as exc:
        fail(f"cannot train from {data}: {exc}", 1)
    from dataclasses import asdict

    from threadguard.engine import CascadeSettings, Engine
    from threadguard.policy import load_policy
    from threadguard.training.tune_spans import tune_spans

    spans, f1 = tune_spans(
        Engine(result.model, load_policy(), None, CascadeSettings(tier="fast")), data
    )
    result.model.metadata["spans"] = asdict(spans)
    result.model.metadata["spans_trial_char_f1"] = round(f1, 4)
    err.print(f"span settings {spans} (char-F1 {f1:.3f} on the Toxic Spans trial split)")
    result.model.save(target)
    err.print(f"model written to {target} in {result.seconds:.0f}s; evaluating on the test splits")
    write_model_card(result, target, data, log=lambda m: err.print(m))
    err.print(f"model card: {target / 'MODEL_CARD.md'}")


@app.command("eval")
def evaluate(
    data: DataOpt = DEFAULT_DATA,
    model: ModelOpt = None,
    split: Annotated[
        str, typer.Option("--split", help="Which split to report: test or dev.")
    ] = "test",
    suite: Annotated[
        str,
        typer.Option(
            "--suite",
            help="data: the data sets' splits; functional: the hard-case suite; "
            "context: with vs without thread context.",
        ),
    ] = "data",
    tier: TierOpt = "cascade",
    context: ContextOpt = True,
    deep_from: DeepFromOpt = DEFAULT_DEEP_FROM,
    quick: Annotated[
        bool, typer.Option("--quick", help="At most 300 rows per split (a fixed sample): fast.")
    ] = False,
    out: Annotated[
        Path | None, typer.Option("--out", help="Also write the full report as Markdown here.")
    ] = None,
    per_head: Annotated[
        bool, typer.Option("--per-head/--no-per-head", help="Print the per-attribute table too.")
    ] = True,
    peers: Annotated[
        bool,
        typer.Option(
            "--peers/--no-peers", help="Run alt-profanity-check and hatesonar on the same rows."
        ),
    ] = True,
) -> None:
    """Report the model on every data set's test split, or on the functional hard cases.

    On the test splits (the default): the per-attribute table, then one benchmark table
    (each task's official metric beside the best published figure and the peers run here),
    WikiMadlibs identity-bias AUCs, and throughput and p99 latency per tier.
    """

    if split not in ("test", "dev"):
        fail("--split must be test or dev")
    if suite == "functional":
        _eval_functional(model, tier, deep_from)
        return
    if suite == "context":
        _eval_context(model, data, tier, split, deep_from)
        return
    if suite != "data":
        fail("--suite must be data, functional or context")

    from threadguard.training.evaluate import engine_predictor, evaluate_all

    if not data.is_dir():
        fail(f"{data}: no such data folder (set --data or THREADGUARD_DATA)")
    engine = _engine(model, None, tier, context, deep_from)
    if split == "test":
        _eval_benchmarks(engine, data, tier, context, quick, out, per_head, peers)
        return
    from threadguard.evaluation.report import eval_rows_table

    rows = evaluate_all(engine_predictor(engine, context=context), data, split=split)
    Console().print(eval_rows_table(rows, f"{engine.model_version} ({tier}) on the {split} splits"))
    from threadguard.evaluation.report import toxic_spans_f1
    from threadguard.training.datasets import load_toxic_spans

    if (data / "toxic_spans").is_dir():
        trial = load_toxic_spans(data).select("dev")
        print(f"Toxic Spans trial split (dev): char-F1 {toxic_spans_f1(engine, trial):.4f}")


def _eval_context(model: Path | None, data: Path, tier: str, split: str, deep_from: float) -> None:
    """The same engine with and without context on held-out rows labelled in context."""
    from rich.table import Table

    from threadguard.evaluation.context import CLEAR_CLEAN, CLEAR_TOXIC, context_suite

    if not data.is_dir():
        fail(f"{data}: no such data folder (set --data or THREADGUARD_DATA)")
    engine = _engine(model, None, tier, True, deep_from)
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
    tier: str,
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
        try:
            out.write_text(to_markdown(report), encoding="utf-8")
        except OSError as exc:
            fail(f"{out}: cannot write the report ({exc.strerror})", 1)
        err.print(f"report written to {out}")


def _eval_functional(
    model: Path | None, tier: str = "cascade", deep_from: float = DEFAULT_DEEP_FROM
) -> None:
    """Accuracy per functionality of the packaged suite: needs no data folder."""
    from rich.table import Table

    from threadguard.evaluation.functional import SuiteError, run_suite

    engine = _engine(model, None, tier, True, deep_from)
    try:
        result = run_suite(engine)
    except SuiteError as exc:
        fail(f"functional suite: {exc}", 1)
    table = Table(title=f"ThreadGuard {engine.model.tag} on the functional hard-case suite")
    for col in ("functionality", "cases", "correct", "accuracy"):
        table.add_column(col, justify="left" if col == "functionality" else "right")
    for i, r in enumerate((*result.functionalities, result.overall)):
        last = i == len(result.functionalities)
        table.add_row(
            r.functionality, str(r.cases), str(r.correct), f"{r.accuracy:.1%}", end_section=last
        )
    Console().print(table)


@app.command()
def bench(
    n: Annotated[int, typer.Option("-n", help="Comments to score.")] = 20000,
    model: ModelOpt = None,
    data: DataOpt = DEFAULT_DATA,
) -> None:
    """Throughput of each stage, as ratios against a JSON round-trip baseline in the same run;
    then the cascade's quality/throughput curve on dev rows of the shared data."""
    from threadguard.bench import cascade_curve, cascade_on_every_core, parallel_on_dev, run_bench
    from threadguard.engine import CascadeSettings
    from threadguard.parallel import EngineRecipe

    engine = _engine(model, None, "fast")
    recipe = EngineRecipe(model, None, CascadeSettings(tier="fast"))
    for line in run_bench(engine, n, recipe):
        typer.echo(line)
    full = _engine(model, None, "cascade")
    if data.is_dir():
        for line in parallel_on_dev(recipe, data, n):
            typer.echo(line)
        for line in cascade_on_every_core(EngineRecipe(model, None, CascadeSettings()), data):
            typer.echo(line)
        for line in cascade_curve(full, data):
            typer.echo(line)
    else:
        typer.echo(f"cascade curve skipped: no data folder at {data}")


# ---------------------------------------------------------------------------- service

DatabaseOpt = Annotated[
    str | None,
    typer.Option(
        "--database",
        help="Database URL, e.g. postgresql://user@host/db (default: SQLite in the data dir).",
    ),
]
DataDirOpt = Annotated[
    Path | None,
    typer.Option(
        "--data-dir",
        help="Where the service keeps its data ($THREADGUARD_DATA_DIR, else ./threadguard-data).",
    ),
]


def _store(database: str | None, data_dir: Path | None) -> Store:
    """The moderation store, migrated; database problems are one error line, exit 1."""
    from sqlalchemy.exc import SQLAlchemyError

    from threadguard.storage import DatabaseError, Store, default_data_dir

    try:
        return Store.open(database, data_dir or default_data_dir())
    except DatabaseError as exc:
        fail(str(exc), 2)
    except SQLAlchemyError as exc:
        fail(
            f"cannot open the database: {type(exc).__name__}: {exc.args[0] if exc.args else ''}", 1
        )


@app.command()
def serve(
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[
        int, typer.Option("--port", help="Port to listen on.", min=1, max=65535)
    ] = 8080,
    database: DatabaseOpt = None,
    data_dir: DataDirOpt = None,
    workers: Annotated[
        int, typer.Option("--workers", help="Worker processes (each loads the model).", min=1)
    ] = 1,
    policy: PolicyOpt = None,
    model: ModelOpt = None,
    tier: TierOpt = "cascade",
    deep_from: DeepFromOpt = DEFAULT_DEEP_FROM,
) -> None:
    """Run the HTTP service: the native API plus Perspective, OpenAI and Coral endpoints.

    The database is migrated to the current schema first. Settings (Coral secret, limits)
    come from <data-dir>/settings.toml and THREADGUARD_* environment variables.
    """
    from sqlalchemy.exc import SQLAlchemyError

    from threadguard.policy import PolicyError
    from threadguard.scoring.linear import ModelError
    from threadguard.service.server import serve as run_server
    from threadguard.service.settings import SettingsError
    from threadguard.storage import DatabaseError, default_data_dir

    if tier not in ("fast", "cascade", "deep"):
        fail(f"--tier must be fast, cascade or deep, not {tier!r}")
    os.environ["THREADGUARD_TIER"] = tier  # read by every worker's create_app
    os.environ["THREADGUARD_DEEP_FROM"] = str(deep_from)
    folder = data_dir or default_data_dir()
    try:
        run_server(
            host=host,
            port=port,
            database=database,
            data_dir=folder,
            workers=workers,
            policy=policy,
            model=model,
        )
    except (PolicyError, SettingsError, DatabaseError) as exc:
        fail(str(exc), 2)
    except ModelError as exc:
        fail(f"{exc}. Train one with `threadguard train`.", 1)
    except SQLAlchemyError as exc:
        fail(f"cannot open the database: {type(exc).__name__}", 1)


keys_app = typer.Typer(help="API keys for the HTTP service.", no_args_is_help=True)
app.add_typer(keys_app, name="keys")


@keys_app.command("create")
def keys_create(
    role: Annotated[str, typer.Option("--role", help="admin, moderator or client.")],
    site: Annotated[str | None, typer.Option("--site", help="Limit the key to this site.")] = None,
    name: Annotated[str, typer.Option("--name", help="A label for the key.")] = "",
    rate: Annotated[
        int | None,
        typer.Option("--rate", help="Requests a minute for this key (0: unlimited).", min=0),
    ] = None,
    database: DatabaseOpt = None,
    data_dir: DataDirOpt = None,
) -> None:
    """Create an API key. The key is printed once, as the last line; only its hash is kept."""
    from threadguard.storage import InvalidError

    if role not in ("admin", "moderator", "client"):
        fail(f"--role must be admin, moderator or client, not {role!r}")
    store = _store(database, data_dir)
    try:
        key = store.create_key(role, site=site, name=name, rate_per_minute=rate)
    except InvalidError as exc:
        fail(str(exc))
    finally:
        store.close()
    where = f" for site {site}" if site else ""
    typer.echo(f"Created a {role} key{where}. It is shown only now; keep it somewhere safe:")
    typer.echo(key)


@keys_app.command("list")
def keys_list(database: DatabaseOpt = None, data_dir: DataDirOpt = None) -> None:
    """List keys by their public prefix (keys themselves are not stored)."""
    store = _store(database, data_dir)
    try:
        for k in store.api_keys():
            state = "revoked" if k.revoked_at else "active"
            typer.echo(
                f"tg_{k.prefix}_…  {k.role:<9} site={k.site or '*'}  name={k.name or '-'}  "
                f"rate={k.rate_per_minute if k.rate_per_minute is not None else 'default'}  "
                f"{state}  created {k.created_at:%Y-%m-%d %H:%M}"
            )
    finally:
        store.close()


@keys_app.command("revoke")
def keys_revoke(
    prefix: Annotated[str, typer.Argument(help="The key's prefix (the part after tg_).")],
    database: DatabaseOpt = None,
    data_dir: DataDirOpt = None,
) -> None:
    """Revoke a key: running servers refuse it within 30 seconds."""
    from threadguard.storage import ConflictError, NotFoundError

    store = _store(database, data_dir)
    try:
        store.revoke_key(prefix.removeprefix("tg_").split("_")[0])
    except (NotFoundError, ConflictError) as exc:
        fail(str(exc))
    finally:
        store.close()
    typer.echo(f"revoked {prefix}")


user_app = typer.Typer(help="Moderator and admin accounts.", no_args_is_help=True)
app.add_typer(user_app, name="user")


@user_app.command("add")
def user_add(
    name: Annotated[str, typer.Argument(help="User name.")],
    role: Annotated[str, typer.Option("--role", help="moderator or admin.")],
    password: Annotated[
        str | None,
        typer.Option("--password", help="Password (prompted for, without echo, if absent)."),
    ] = None,
    database: DatabaseOpt = None,
    data_dir: DataDirOpt = None,
) -> None:
    """Add a moderator or admin; the password is stored as a salted scrypt hash."""
    import getpass

    from threadguard.storage import ConflictError, InvalidError

    if role not in ("moderator", "admin"):
        fail(f"--role must be moderator or admin, not {role!r}")
    if password is None:
        if not sys.stdin.isatty():
            fail("no password: pass --password or run in a terminal to be prompted")
        password = getpass.getpass(f"Password for {name}: ")
        if password != getpass.getpass("Again: "):
            fail("the passwords differ")
    if not password:
        fail("the password is empty")
    store = _store(database, data_dir)
    try:
        store.add_user(name, role, password)
    except (ConflictError, InvalidError) as exc:
        fail(str(exc))
    finally:
        store.close()
    typer.echo(f"added {role} {name}")


db_app = typer.Typer(help="The service's database.", no_args_is_help=True)
app.add_typer(db_app, name="db")


@db_app.command("upgrade")
def db_upgrade(database: DatabaseOpt = None, data_dir: DataDirOpt = None) -> None:
    """Bring the database schema up to date (serve does this on start too)."""
    from threadguard.storage import db

    store = _store(database, data_dir)
    try:
        typer.echo(
            f"{db.redact(str(store.engine.url))} is at revision {db.current_revision(store.engine)}"
        )
    finally:
        store.close()


def main() -> None:
    """Entry point: map usage errors to exit 2 and unexpected ones to 1, one line each."""
    try:
        # Without standalone mode click returns an Exit's code instead of exiting.
        code = app(standalone_mode=False)
        raise SystemExit(code if isinstance(code, int) else 0)
    except typer.Exit as exc:
        raise SystemExit(exc.exit_code) from None
    except typer.BadParameter as exc:
        # format_message names the option ("Invalid value for '--workers': ...").
        err.print(f"error: {exc.format_message()}", markup=False, highlight=False)
        raise SystemExit(2) from None
    except typer.Abort as exc:
        err.print(f"error: {exc}")
        raise SystemExit(2) from None
    except Exception as exc:  # the click usage errors and anything unexpected
        # Typer may bring its own copy of click, so its usage errors are recognised by
        # what they offer (show() and an exit code), not by click's class.
        show, exit_code = getattr(exc, "show", None), getattr(exc, "exit_code", None)
        if callable(show) and isinstance(exit_code, int):
            show()
            raise SystemExit(exit_code) from None
        err.print(f"error: {type(exc).__name__}: {exc}")
        raise SystemExit(1) from None
