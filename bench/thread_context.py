"""Replies read with their thread, before and after: the engine with
``route_on_group_context`` and ``endorsements`` off ("before") and as shipped ("after").

Prints, for each: the functional suite's decisions right (all cases and hate that needs its
parent), each decisions-suite set's civil held and abusive caught at the default policy
(``--split dev|test``, the rows ``threadguard eval --suite decisions`` reads), the counts
per kind of any probe files given (JSON Lines kept outside the repository, as
``bench/probe_decisions.py`` reads them: ``text``, ``expected``, ``kind``, ``parent``), and
the rate of ``Engine.analyze`` on SFU's dev comments under their article titles, where the
group routing costs (one process, spans on, three passes of the rows).

Usage: PYTHONPATH=src python bench/thread_context.py --data DIR [--split dev|test]
       [PROBE.jsonl ...] [--no-speed]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

from threadguard.engine import CommentInput, Engine
from threadguard.evaluation.decisions import run_decisions
from threadguard.evaluation.functional import run_suite_decisions
from threadguard.moderation import Moderator, Policy
from threadguard.schema import Verdict
from threadguard.training.datasets import load_sfu_news


def probe_counts(engine: Engine, moderator: Moderator, path: Path) -> str:
    """Per kind, how many of the file's comments were decided as expected."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    items = [CommentInput(r["text"], parent=r.get("parent", "")) for r in rows]
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for row, analysis in zip(rows, engine.analyze(items, spans=False), strict=True):
        action = moderator.decide(analysis, row["text"], context=row.get("parent", "")).action
        kind = row.get("kind", "-")
        total[kind] += 1
        right[kind] += (action is not Verdict.APPROVE) == (row["expected"] == "hold")
    return "  ".join(f"{k} {right[k]}/{total[k]}" for k in sorted(total))


def functional_line(engine: Engine, moderator: Moderator) -> str:
    """The functional suite's decisions right, in all and for hate that needs its parent."""
    suite = run_suite_decisions(engine, moderator).decisions
    context = next(f for f in suite.functionalities if f.functionality == "hate_needing_context")
    return (
        f"functional {suite.overall.correct} of {suite.overall.cases}, "
        f"hate needing its parent {context.correct} of {context.cases}"
    )


def decision_lines(
    engine: Engine, data: Path, split: str, policy: Policy | None = None
) -> list[str]:
    """Each decisions-suite set's civil held, abusive caught and civil comments sent to the
    deep tier, at the policy (default: the built-in one)."""
    report = run_decisions(engine, data, split=split, policy=policy, scales=(1.0,))
    return [
        f"  {s.key:<16} civil held {s.at(1.0).civil_flagged}/{s.civil}  "
        f"caught {s.at(1.0).abusive_caught}/{s.abusive}  civil routed {s.civil_routed}"
        for s in report.sets
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("probes", nargs="*", type=Path)
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--split", choices=("dev", "test"), default="dev")
    ap.add_argument("--no-speed", action="store_true")
    args = ap.parse_args()
    shipped = Engine.load()
    engines = {
        "before": shipped.with_cascade(
            replace(shipped.cascade, route_on_group_context=False, endorsements=False)
        ),
        "after": shipped,
    }
    moderator = Moderator()
    sfu = load_sfu_news(args.data).select("dev")
    titled = [CommentInput(t, title=h) for t, h in zip(sfu.texts, sfu.titles, strict=True)] * 3
    for name, engine in engines.items():
        print(f"{name}: {functional_line(engine, moderator)}")
        print("\n".join(decision_lines(engine, args.data, args.split)))
        for path in args.probes:
            print(f"  {path.name}: {probe_counts(engine, moderator, path)}")
        if not args.no_speed:
            engine.routing.__init__()  # type: ignore[misc]
            start = time.perf_counter()
            engine.analyze(titled)
            seconds = time.perf_counter() - start
            scored, deep = engine.routing.totals()
            print(
                f"  SFU dev under titles: {len(titled) / seconds:,.0f} comments/s, "
                f"{deep / scored:.0%} to the deep tier"
            )


if __name__ == "__main__":
    main()
