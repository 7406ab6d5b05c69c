"""A candidate beside the shipped engine, as a moderator would see it: the functional
suite's decisions (and the functionalities that moved), the counts per kind of any probe
files, and each decisions-suite set's civil held, abusive caught and civil comments sent to
the deep tier at the default policy; with ``--show-civil SET``, the civil comments of that
set one engine holds and the other approves, with the moderator's reasons (what a moved
civil-held count is made of: session 37 read deep@46's twenty extra Unhealthy holds this
way, edgy remarks about politicians just over toxicity 0.40).

The candidate is a model folder (``--model DIR``, either tier, as ``threadguard train`` or
``bench/deep_news_finetune.py`` wrote it), cascade settings (``--set NAME=VALUE``, any field
of :class:`threadguard.engine.CascadeSettings`: ``--set route_on_harm=false``,
``--set deep_from=0.1``), a policy file (``--policy FILE``, the candidate's), or any of them
together; the baseline is the shipped engine, or ``--baseline DIR`` (a model folder, to
set two candidates side by side). Session 27 compared fast@5 (fast@4's recipe with the
free-form templates) and a routing rule this way; the probe files stay outside the
repository (JSON Lines as ``bench/probe_decisions.py`` reads them).

Usage: PYTHONPATH=src python bench/candidate_decisions.py --data DIR [--split dev|test]
       [--model DIR] [--set NAME=VALUE ...] [--policy FILE] [--baseline DIR]
       [--show-civil SET] [PROBE.jsonl ...]
"""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

from thread_context import decision_lines, probe_counts

from threadguard.engine import CascadeSettings, Engine
from threadguard.evaluation.decision_sets import DATA_SETS, Item, data_items
from threadguard.evaluation.decisions import DEFAULT_CAP, _input
from threadguard.evaluation.functional import SuiteResult, run_suite_decisions
from threadguard.moderation import Moderator, Policy, load_policy
from threadguard.schema import Verdict


def settings(base: CascadeSettings, pairs: list[str]) -> CascadeSettings:
    """``base`` with each ``NAME=VALUE`` of ``pairs`` set, the value read as the field's type."""
    fields = {f.name: f for f in dataclasses.fields(CascadeSettings)}
    changes: dict[str, object] = {}
    for pair in pairs:
        name, _, raw = pair.partition("=")
        if name not in fields or not raw:
            raise SystemExit(f"--set {pair!r}: NAME=VALUE with NAME one of {', '.join(fields)}")
        if name in changes:
            raise SystemExit(f"--set {pair!r}: {name} is set twice")
        current = getattr(base, name)
        if isinstance(current, bool):
            if raw.lower() not in ("true", "false"):
                raise SystemExit(f"--set {pair!r}: {name} is true or false")
            changes[name] = raw.lower() == "true"
        elif isinstance(current, int | float):
            try:
                changes[name] = type(current)(raw)
            except ValueError:
                raise SystemExit(f"--set {pair!r}: {name} is a number") from None
        else:
            changes[name] = raw
    try:
        return dataclasses.replace(base, **changes)
    except ValueError as e:  # CascadeSettings checks its own ranges
        raise SystemExit(f"--set: {e}") from None


def report(name: str, engine: Engine, policy: Policy, args: argparse.Namespace) -> SuiteResult:
    """Print one engine's figures under a policy; return its functional decisions."""
    moderator = Moderator(policy)
    suite = run_suite_decisions(engine, moderator).decisions
    print(
        f"{name} ({engine.model_version}): functional {suite.overall.correct} of {suite.overall.cases}"
    )
    for path in args.probes:
        print(f"  {path}: {probe_counts(engine, moderator, path)}")
    print("\n".join(decision_lines(engine, args.data, args.split, policy)))
    return suite


def held_civil(engine: Engine, moderator: Moderator, items: list[Item]) -> dict[str, str]:
    """Each held civil comment's text, with the first two reasons it was held for."""
    out: dict[str, str] = {}
    analyses = engine.analyze([_input(it) for it in items], spans=False)
    for analysis, item in zip(analyses, items, strict=True):
        decision = moderator.decide(analysis, item.text, context=item.parent or item.title)
        if decision.action is not Verdict.APPROVE:
            out[item.text] = "; ".join(decision.decision.reasons[:2])
    return out


def show_civil(
    engines: dict[str, tuple[Engine, Policy]], key: str, args: argparse.Namespace
) -> None:
    """Print the civil comments of set ``key`` held by one engine and approved by the other."""
    spec = next(s for s in DATA_SETS if s.key == key)
    items = [
        it for it in data_items(spec, args.data, args.split, DEFAULT_CAP) if it.kind == "civil"
    ]
    held = {name: held_civil(e, Moderator(p), items) for name, (e, p) in engines.items()}
    for name, other in (("candidate", "baseline"), ("baseline", "candidate")):
        only = [t for t in held[name] if t not in held[other]]
        print(f"civil {key} {args.split} comments held by the {name} only: {len(only)}")
        for text in only:
            print(f"  {held[name][text]} | {' '.join(text.split())[:160]}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("probes", nargs="*", type=Path)
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--split", choices=("dev", "test"), default="dev")
    ap.add_argument("--model", type=Path, help="a model folder replacing its tier")
    ap.add_argument("--set", dest="pairs", action="append", default=[], metavar="NAME=VALUE")
    ap.add_argument("--policy", type=Path, help="the candidate's policy (default: the built-in)")
    ap.add_argument("--baseline", type=Path, help="a model folder (default: the shipped models)")
    ap.add_argument("--show-civil", choices=[s.key for s in DATA_SETS], metavar="SET")
    args = ap.parse_args()
    if args.model is None and not args.pairs and args.policy is None:
        raise SystemExit("nothing to compare: give --model DIR, --set NAME=VALUE or --policy FILE")
    settings(CascadeSettings(), args.pairs)  # a bad --set fails before any model loads
    baseline = Engine.load(args.baseline)
    candidate = Engine.load(args.model) if args.model else baseline
    candidate = candidate.with_cascade(settings(candidate.cascade, args.pairs))
    policies = (load_policy(), load_policy(args.policy))
    before = report("baseline" if args.baseline else "shipped", baseline, policies[0], args)
    after = report("candidate", candidate, policies[1], args)
    was = {f.functionality: f.correct for f in before.functionalities}
    for f in after.functionalities:
        if f.correct != was[f.functionality]:
            print(f"  {f.functionality}: {was[f.functionality]} -> {f.correct} of {f.cases}")
    if args.show_civil:
        pair = {"baseline": (baseline, policies[0]), "candidate": (candidate, policies[1])}
        show_civil(pair, args.show_civil, args)


if __name__ == "__main__":
    main()
