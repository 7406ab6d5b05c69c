"""A candidate beside the shipped engine, as a moderator would see it: the functional
suite's decisions (and the functionalities that moved), the counts per kind of any probe
files, and each decisions-suite set's civil held, abusive caught and civil comments sent to
the deep tier at the default policy.

The candidate is a model folder (``--model DIR``, either tier, as ``threadguard train`` or
``bench/deep_news_finetune.py`` wrote it), cascade settings (``--set NAME=VALUE``, any field
of :class:`threadguard.engine.CascadeSettings`: ``--set route_on_harm=false``,
``--set deep_from=0.1``), a policy file (``--policy FILE``, the candidate's), or any of them
together. Session 27 compared fast@5 (fast@4's recipe with the
free-form templates) and a routing rule this way; the probe files stay outside the
repository (JSON Lines as ``bench/probe_decisions.py`` reads them).

Usage: PYTHONPATH=src python bench/candidate_decisions.py --data DIR [--split dev|test]
       [--model DIR] [--set NAME=VALUE ...] [--policy FILE] [PROBE.jsonl ...]
"""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

from thread_context import decision_lines, probe_counts

from threadguard.engine import CascadeSettings, Engine
from threadguard.evaluation.functional import SuiteResult, run_suite_decisions
from threadguard.moderation import Moderator, Policy, load_policy


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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("probes", nargs="*", type=Path)
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--split", choices=("dev", "test"), default="dev")
    ap.add_argument("--model", type=Path, help="a model folder replacing its tier")
    ap.add_argument("--set", dest="pairs", action="append", default=[], metavar="NAME=VALUE")
    ap.add_argument("--policy", type=Path, help="the candidate's policy (default: the built-in)")
    args = ap.parse_args()
    if args.model is None and not args.pairs and args.policy is None:
        raise SystemExit("nothing to compare: give --model DIR, --set NAME=VALUE or --policy FILE")
    settings(CascadeSettings(), args.pairs)  # a bad --set fails before any model loads
    shipped = Engine.load()
    candidate = Engine.load(args.model) if args.model else shipped
    candidate = candidate.with_cascade(settings(candidate.cascade, args.pairs))
    before = report("shipped", shipped, load_policy(), args)
    after = report("candidate", candidate, load_policy(args.policy), args)
    was = {f.functionality: f.correct for f in before.functionalities}
    for f in after.functionalities:
        if f.correct != was[f.functionality]:
            print(f"  {f.functionality}: {was[f.functionality]} -> {f.correct} of {f.cases}")


if __name__ == "__main__":
    main()
