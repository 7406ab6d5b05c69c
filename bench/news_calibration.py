"""Civil comments held, abusive caught and deep-tier share on news and abuse-heavy sets.

Runs :mod:`threadguard.evaluation.domain` with the shipped (or given) models and the
default (or given) policy, on dev or test rows.

Usage: python bench/news_calibration.py [--data DIR] [--split dev|test] [--model DIR]
       [--deep DIR] [--deep-from 0.2] [--policy FILE] [--tier cascade|fast|deep]
"""

import argparse
import os
import time
from pathlib import Path

from threadguard.engine import CascadeSettings, Engine
from threadguard.evaluation.domain import HEADER, domain_report, format_result
from threadguard.moderation import Moderator, load_policy


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path(os.environ.get("THREADGUARD_DATA", "")))
    parser.add_argument("--split", default="dev", choices=("dev", "test"))
    parser.add_argument("--model", type=Path, default=None, help="fast tier folder")
    parser.add_argument("--deep", type=Path, default=None, help="deep tier folder")
    parser.add_argument("--deep-from", type=float, default=CascadeSettings().deep_from)
    parser.add_argument("--tier", default="cascade", choices=("cascade", "fast", "deep"))
    parser.add_argument("--policy", type=Path, default=None)
    args = parser.parse_args()
    engine = Engine.load(
        args.model,
        deep_dir=args.deep,
        cascade=CascadeSettings(tier=args.tier, deep_from=args.deep_from),
    )
    moderator = Moderator(load_policy(args.policy))
    print(f"{engine.model_version} ({args.tier}, deep_from {args.deep_from}), {args.split} rows")
    print(HEADER)
    start = time.perf_counter()
    for result in domain_report(engine, moderator, args.data, args.split):
        print(format_result(result), flush=True)
    print(f"({time.perf_counter() - start:.0f} s)")


if __name__ == "__main__":
    main()
