"""Civil held / abusive caught, replayed offline for many calibrations, bands and policies.

``threadguard eval --suite decisions`` scores every comment again for each model and
decides it under the policy. Choosing a calibration, a cascade band and thresholds needs
hundreds of such runs; the scores they need are few. This script reads, once per split,
every decisions-suite comment's *raw* outputs: the fast tier's margins (per fast model
given), the deep tier's logits alone and with the comment's context, and whether the
comment's language alone holds it. It caches them (``--cache DIR``) and replays the
cascade of :class:`threadguard.engine.Engine` (band, blend, bounded context shift) and the
policy's thresholds in NumPy. The replay ignores the engine's windows over very long
texts (it reads the first ``MAX_CHARS``); the chosen point is checked with the real
command afterwards.

``choose`` picks the default policy's hold thresholds on dev rows by one of two documented
rules (:func:`choose`), both with the bundled example thread decided right (its hate, veiled
threat and insults held, the rest published) and no hold above its reject: ``--rule
keep-caught`` (the default), the fewest civil news comments held without catching fewer
abusive comments than the reference (the policy as it is on these scores, or the models of
``--reference-cache`` under ``--reference-holds``) on any abusive set the issue names;
``--rule targets``, the least total shortfall from :data:`TARGETS` (how deep@16's thresholds
were chosen).

Usage (from a checkout, PYTHONPATH=src):
    python bench/decision_frontier.py cache --split dev [--fast DIR ...] [--deep DIR]
    python bench/decision_frontier.py choose --split dev [--fast DIR] [--deep DIR] [--band B]
        [--rule R] [--policy FILE] [--no-rise SET,SET] [--starts N]
        [--reference-cache C --reference-deep D --reference-holds H]
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from threadguard.engine import MAX_CHARS, CascadeSettings
from threadguard.evaluation.decision_sets import (
    CIVIL_NEWS,
    DATA_SETS,
    FUNCTIONAL,
    SUITES,
    data_items,
    suite_items,
)
from threadguard.evaluation.decisions import DEFAULT_CAP
from threadguard.moderation import Moderator, load_policy
from threadguard.normalize import normalize_text
from threadguard.schema import ATTRIBUTES
from threadguard.scoring.context import bounded_shift, context_can_move
from threadguard.scoring.encoder import EncoderModel
from threadguard.scoring.linear import LinearModel
from threadguard.scoring.registry import shipped_model_dir

SETS = [s.key for s in DATA_SETS] + list(SUITES)


def _items(root: Path, split: str) -> tuple[list[str], list[object]]:
    keys: list[str] = []
    items: list[object] = []
    for spec in DATA_SETS:
        got = data_items(spec, root, split, DEFAULT_CAP)
        keys += [spec.key] * len(got)
        items += got
    for suite in SUITES:
        got = suite_items(suite)
        keys += [suite] * len(got)
        items += got
    return keys, items


def cache(root: Path, split: str, fast_dirs: list[Path], deep_dir: Path, out: Path) -> None:
    """Write ``out/<split>.npz``: the raw outputs every replay needs."""
    keys, items = _items(root, split)
    arrays = raw_outputs(keys, items, fast_dirs, deep_dir)
    out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out / f"{split}.npz", **arrays)


def raw_outputs(
    keys: list[str], items: list[object], fast_dirs: list[Path], deep_dir: Path
) -> dict[str, np.ndarray]:
    """Per item: each fast model's margins, the deep tier's logits alone and in context,
    and whether its language alone holds it (what :func:`replay` needs)."""
    from threadguard.analysis import Analysis
    from threadguard.language import detect_language

    texts = [it.text[:MAX_CHARS] for it in items]  # type: ignore[attr-defined]
    norm = [normalize_text(t) for t in texts]
    contexts = [
        normalize_text((it.parent or it.title)[:MAX_CHARS])  # type: ignore[attr-defined]
        for it in items
    ]
    arrays: dict[str, np.ndarray] = {
        "set": np.array(keys),
        "kind": np.array([it.kind for it in items]),  # type: ignore[attr-defined]
        "has_context": np.array([bool(c.strip()) for c in contexts]),
    }
    idx = [ATTRIBUTES.index(a) for a in ATTRIBUTES]
    for d in fast_dirs:
        model = LinearModel.load(d)
        x = model.featurizer.transform(norm)
        arrays[f"fast_{model.version}"] = model.margins(x)[:, idx].astype(np.float32)
        arrays[f"empty_{model.version}"] = np.asarray(x.getnnz(axis=1)) == 0
    deep = EncoderModel.load(deep_dir)
    arrays["deep_alone"] = deep.logits(norm, [""] * len(norm))[:, idx]
    with_ctx = [i for i, c in enumerate(contexts) if c.strip()]
    ctx = np.zeros_like(arrays["deep_alone"])
    if with_ctx:
        ctx[with_ctx] = deep.logits([norm[i] for i in with_ctx], [contexts[i] for i in with_ctx])[
            :, idx
        ]
    arrays["deep_context"] = ctx
    moderator = Moderator(load_policy())
    zero = dict.fromkeys(ATTRIBUTES, 0.0)
    arrays["language_held"] = np.array(
        [
            moderator.decide(
                Analysis(
                    id="", scores=zero, targets=(), spans=(), language=detect_language(t), model=""
                ),
                t,
            ).decision.action.value
            != "approve"
            for t in texts
        ]
    )
    return arrays


def platt(z: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    out: np.ndarray = 1.0 / (1.0 + np.exp(-(z * a + b)))
    return out


@dataclass
class Calibration:
    """Per-attribute Platt slopes and intercepts for both tiers (over ``ATTRIBUTES``)."""

    fast_a: np.ndarray
    fast_b: np.ndarray
    deep_a: np.ndarray
    deep_b: np.ndarray

    @classmethod
    def of(cls, fast_dir: Path, deep_dir: Path) -> Calibration:
        import json

        f = json.loads((fast_dir / "model.json").read_text())
        d = json.loads((deep_dir / "model.json").read_text())
        n = len(ATTRIBUTES)
        return cls(
            np.array(f["platt_a"][:n]),
            np.array(f["platt_b"][:n]),
            np.array(d["platt_a"][:n]),
            np.array(d["platt_b"][:n]),
        )


def replay(
    data: dict[str, np.ndarray],
    fast_version: int,
    cal: Calibration,
    settings: CascadeSettings | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Final attribute probabilities [n, 7] as the engine computes them, and the mask of
    comments the deep tier read."""
    c = settings or CascadeSettings()
    fast = platt(data[f"fast_{fast_version}"], cal.fast_a, cal.fast_b)
    empty = data[f"empty_{fast_version}"]
    fast[empty] = 0.0
    routed = ~empty & (fast.max(axis=1) >= c.deep_from)
    out = fast.copy()
    w = c.deep_weight
    alone = w * platt(data["deep_alone"][routed], cal.deep_a, cal.deep_b) + (1 - w) * fast[routed]
    out[routed] = alone
    if c.use_context and c.context_shift > 0:
        rows = np.flatnonzero(routed)
        movable = context_can_move(alone, c.context_shift) & data["has_context"][routed]
        r = rows[movable]
        in_ctx = w * platt(data["deep_context"][r], cal.deep_a, cal.deep_b) + (1 - w) * fast[r]
        out[r] = bounded_shift(out[r], in_ctx, c.context_shift)
    return out, routed


def decide(probs: np.ndarray, language_held: np.ndarray, holds: np.ndarray) -> np.ndarray:
    """Held or rejected: any attribute at or above its hold threshold, or the language rule."""
    out: np.ndarray = (probs >= holds[None, :]).any(axis=1) | language_held
    return out


def table(
    data: dict[str, np.ndarray], flagged: np.ndarray, routed: np.ndarray | None = None
) -> dict[str, tuple[float, float, float]]:
    """Per set: (civil held, abusive caught, share routed to the deep tier)."""
    out = {}
    for key in SETS:
        m = data["set"] == key
        civil = m & (data["kind"] == "civil")
        abusive = m & (data["kind"] == "abusive")
        out[key] = (
            float(flagged[civil].mean()) if civil.any() else float("nan"),
            float(flagged[abusive].mean()) if abusive.any() else float("nan"),
            float(routed[civil].mean()) if routed is not None and civil.any() else float("nan"),
        )
    return out


def decision_auroc(
    data: dict[str, np.ndarray], probs: np.ndarray, holds: np.ndarray
) -> dict[str, float]:
    """Per set with both kinds: the AUROC of the decision score, the largest of
    score / hold threshold over the attributes the rule moves (:data:`FREE`). It compares
    two models' curves without choosing a point on them."""
    from sklearn.metrics import roc_auc_score

    free = [ATTRIBUTES.index(a) for a in FREE]
    score = (probs[:, free] / holds[free]).max(axis=1)
    out = {}
    for key in SETS:
        m = data["set"] == key
        y = data["kind"][m] == "abusive"
        if y.any() and (~y).any():
            out[key] = float(roc_auc_score(y, score[m]))
    return out


#: Civil news sets whose held share the rule lowers (the mean of the two), and the weights
#: of the team's civil sentences and the functional suite's civil cases beside them.
NEWS_CIVIL = ("unhealthy", "sfu")
OTHER_CIVIL = ((CIVIL_NEWS, 0.5), (FUNCTIONAL, 0.25))
#: Abusive sets whose caught share may not fall below the current policy's (issue 12).
MUST_CATCH = ("unhealthy", "cadd", "hateval", FUNCTIONAL)
#: Attributes the rule moves: those the decisions sets label. Profanity and sexual content
#: keep their thresholds (no decisions set says what holding them costs or catches).
FREE = ("toxicity", "severe_toxicity", "identity_attack", "insult", "threat")
GRID = np.round(np.arange(0.06, 0.99, 0.01), 2)
#: Seeded random starting points beside the policy's scalings: the thresholds interact
#: (one attribute's hold frees another's), and descent from the scalings alone stops at
#: the first fixed point it meets (session 5 kept the shipped thresholds that way).
RANDOM_STARTS = 6000
#: The example thread: these authors' comments must be held, every other comment published.
THREAD_HELD = ("harbourwatch", "portellis_pete", "M. Kowalczyk")


def objective(t: dict[str, tuple[float, float, float]]) -> float:
    """What the rule minimises: civil comments held, news first."""
    news = float(np.mean([t[k][0] for k in NEWS_CIVIL]))
    return news + sum(w * t[k][0] for k, w in OTHER_CIVIL)


#: The issue's targets as (set, "held" or "caught", target): civil news held at most 5%,
#: the team's civil sentences under 2%, abusive caught at least 80%, and the functional
#: suite's cases 85% right on both sides.
TARGETS: tuple[tuple[str, str, float], ...] = (
    ("unhealthy", "held", 0.05),
    ("sfu", "held", 0.05),
    (CIVIL_NEWS, "held", 0.02),
    (FUNCTIONAL, "held", 0.15),
    ("unhealthy", "caught", 0.80),
    ("cadd", "caught", 0.80),
    ("hateval", "caught", 0.80),
    (FUNCTIONAL, "caught", 0.85),
)


def shortfall(t: dict[str, tuple[float, float, float]]) -> float:
    """The ``targets`` rule's objective: the sum of how far each target is missed, in
    shares (a point of civil comments held over its target costs as much as a point of
    abusive comments caught under its target; a target met costs nothing)."""
    out = 0.0
    for key, side, target in TARGETS:
        held, caught, _ = t[key]
        share = held if side == "held" else caught
        if np.isnan(share):
            raise ValueError(f"no {side} share for {key}: the cache lacks its rows")
        out += max(0.0, share - target) if side == "held" else max(0.0, target - share)
    return out


def descend(
    score: Callable[[np.ndarray], float], best: float, holds: np.ndarray, free: list[int]
) -> tuple[float, np.ndarray]:
    """Move one free threshold at a time along ``GRID`` while ``score`` falls (coordinate
    descent, to a fixed point); the score reached and the thresholds."""
    improved = True
    while improved:
        improved = False
        for j in free:
            for v in GRID:
                h = holds.copy()
                h[j] = v
                if (s := score(h)) < best - 1e-12:
                    best, holds, improved = s, h, True
    return best, holds


def choose(
    data: dict[str, np.ndarray],
    probs: np.ndarray,
    routed: np.ndarray,
    thread_probs: np.ndarray,
    thread_must_hold: np.ndarray,
    policy_holds: np.ndarray,
    reference: dict[str, tuple[float, float, float]] | None = None,
    rule: str = "keep-caught",
    policy_rejects: np.ndarray | None = None,
    no_rise: tuple[str, ...] = (),
    starts: int = 1,
) -> tuple[np.ndarray, dict[str, tuple[float, float, float]]]:
    """Hold thresholds (over ``ATTRIBUTES``) by the rule of the module docs.

    Start from the best point that meets the constraints among the policy's thresholds
    scaled (one factor for the free attributes) and ``RANDOM_STARTS`` seeded random
    draws, then move one free threshold at a time along ``GRID`` while the objective
    falls (coordinate descent, to a fixed point).
    ``reference``: the caught shares not to fall below (default: the policy's on these
    scores; for other models, the shipped models' under the policy).
    ``rule``: ``keep-caught`` (the fewest civil held without catching less than the
    reference anywhere) or ``targets`` (the least :func:`shortfall` from the issue's
    targets, no reference); both keep the example thread decided right.
    ``policy_rejects``: the reject thresholds, which no hold threshold may pass (a hold
    above the reject level would never apply).
    ``no_rise``: sets whose civil held share may not rise above the reference's: constraints
    rather than weights (session 24 shipped thresholds that held two more of 25 comments
    defending a group on a blind probe, with the friendly mentions only weighted).
    ``starts``: how many of the best starting points to descend from (1: the best alone, how
    every policy so far was chosen). The descent is local, and a constraint can cut the path
    it took to a point that still meets it: with ``no_rise``, descend from several.
    """
    if reference is None:  # the policy as it is, on the same models
        reference = table(data, decide(probs, data["language_held"], policy_holds))
    free = [ATTRIBUTES.index(a) for a in FREE]
    no_language = np.zeros(len(thread_probs), dtype=bool)

    ceiling = policy_rejects if policy_rejects is not None else np.ones_like(policy_holds)

    def score(holds: np.ndarray) -> float:
        if (holds > ceiling).any():
            return float("inf")
        t = table(data, decide(probs, data["language_held"], holds))
        if rule == "keep-caught" and any(t[k][1] < reference[k][1] for k in MUST_CATCH):
            return float("inf")
        if any(t[k][0] > reference[k][0] for k in no_rise):
            return float("inf")
        if not np.array_equal(decide(thread_probs, no_language, holds), thread_must_hold):
            return float("inf")
        return shortfall(t) if rule == "targets" else objective(t)

    found: list[tuple[float, np.ndarray]] = []  # feasible starting points, in order drawn
    for factor in np.arange(0.2, 1.41, 0.02):
        h = policy_holds.copy()
        h[free] = np.minimum(policy_holds[free] * factor, 0.99)
        if np.isfinite(s := score(h)):
            found.append((s, h))
    rng = np.random.default_rng(0)
    for _ in range(RANDOM_STARTS):
        h = policy_holds.copy()
        h[free] = rng.choice(GRID[GRID <= 0.9], len(free))
        if np.isfinite(s := score(h)):
            found.append((s, h))
    if not found:
        raise ValueError("no thresholds meet the constraints")
    # The best ``starts`` distinct points (the earliest of equals first), each descended.
    ranked: list[tuple[float, np.ndarray]] = []
    for s, h in sorted(found, key=lambda f: f[0]):
        if not any(np.array_equal(h, r) for _, r in ranked):
            ranked.append((s, h))
        if len(ranked) == starts:
            break
    best, holds = float("inf"), policy_holds.copy()
    for start_score, start in ranked:
        b, h = descend(score, start_score, start, free)
        if b < best - 1e-12:
            best, holds = b, h
    return holds, table(data, decide(probs, data["language_held"], holds), routed)


def example_thread_outputs(
    fast_dirs: list[Path], deep_dir: Path
) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """Raw outputs of the bundled example thread's comments (parent and title as context),
    and which of them must be held."""
    from importlib import resources

    from threadguard.evaluation.decision_sets import Item
    from threadguard.readers import read_thread

    path = resources.files("threadguard.resources").joinpath("example_thread.txt")
    thread = read_thread(path.read_bytes(), name="example_thread.txt").thread
    by_id = {c.id: c for c in thread.comments}
    comments = [c for c in thread.comments if c.text]
    items: list[object] = [
        Item(
            c.text,
            "civil",
            parent=by_id[c.parent].text if c.parent in by_id else "",
            title=thread.title,
        )
        for c in comments
    ]
    must = np.array([c.author in THREAD_HELD for c in comments])
    return raw_outputs(["thread"] * len(items), items, fast_dirs, deep_dir), must


def load(path: Path) -> dict[str, np.ndarray]:
    with np.load(path) as z:
        return {k: z[k] for k in z.files}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("cache", "choose"))
    parser.add_argument("--data", type=Path, default=Path(os.environ.get("THREADGUARD_DATA", "")))
    parser.add_argument("--split", default="dev", choices=("dev", "test"))
    parser.add_argument("--fast", type=Path, action="append", default=None)
    parser.add_argument("--deep", type=Path, default=None)
    parser.add_argument("--cache", type=Path, default=Path("work/frontier"))
    parser.add_argument("--band", type=float, default=CascadeSettings().deep_from)
    parser.add_argument("--weight", type=float, default=CascadeSettings().deep_weight)
    parser.add_argument(
        "--reference-fast",
        type=Path,
        default=None,
        help="catch at least what this fast tier (default: the shipped one) catches with the "
        "same deep tier, the shipped band and the policy (its margins must be in the cache)",
    )
    parser.add_argument(
        "--reference-cache",
        type=Path,
        default=None,
        help="the cache of the shipped deep tier, when --deep names another (the reference "
        "is then the shipped models)",
    )
    parser.add_argument(
        "--reference-deep",
        type=Path,
        default=None,
        help="the deep tier --reference-cache was written with (default: the shipped one)",
    )
    parser.add_argument(
        "--reference-holds",
        default="",
        help="the reference's hold thresholds of " + ", ".join(FREE) + ", comma-separated "
        "(default: the policy's)",
    )
    parser.add_argument("--rule", default="keep-caught", choices=("keep-caught", "targets"))
    parser.add_argument(
        "--starts",
        type=int,
        default=1,
        help="descend from this many of the best starting points (default 1, as before)",
    )
    parser.add_argument(
        "--no-rise",
        default="",
        help="comma-separated sets (" + ", ".join(SETS) + ") whose civil held share may not "
        "rise above the reference's",
    )
    parser.add_argument(
        "--policy",
        type=Path,
        default=None,
        help="the policy whose thresholds are 'before' and the search's start (default: the "
        "shipped default policy), e.g. an earlier commit's default_policy.toml",
    )
    args = parser.parse_args()
    if (args.reference_deep or args.reference_holds) and args.reference_cache is None:
        parser.error("--reference-deep and --reference-holds go with --reference-cache")
    fast = args.fast or [shipped_model_dir("fast")]
    deep = args.deep or shipped_model_dir("deep")
    if args.command == "cache":
        cache(args.data, args.split, fast, deep, args.cache)
        return
    data = load(args.cache / f"{args.split}.npz")
    version = LinearModel.load(fast[0]).version
    cal = Calibration.of(fast[0], deep)
    settings = CascadeSettings(deep_from=args.band, deep_weight=args.weight)
    probs, routed = replay(data, version, cal, settings)
    thread, must = example_thread_outputs(fast[:1], deep)
    thread_probs, _ = replay(thread, version, cal, settings)
    policy = load_policy(args.policy)
    holds_now = np.array([policy.thresholds[a].hold or 1.0 for a in ATTRIBUTES])
    rejects_now = np.array([policy.thresholds[a].reject or 1.0 for a in ATTRIBUTES])
    before = table(data, decide(probs, data["language_held"], holds_now), routed)
    ref_fast = args.reference_fast or shipped_model_dir("fast")
    ref_data, ref_deep = data, deep
    if args.reference_cache is not None:
        ref_data = load(args.reference_cache / f"{args.split}.npz")
        ref_deep = args.reference_deep or shipped_model_dir("deep")
    ref_holds = holds_now
    if args.reference_holds:
        ref_holds = holds_now.copy()
        ref_holds[[ATTRIBUTES.index(a) for a in FREE]] = [
            float(v) for v in args.reference_holds.split(",")
        ]
    ref_cal = Calibration.of(ref_fast, ref_deep)
    ref_probs, _ = replay(ref_data, LinearModel.load(ref_fast).version, ref_cal)
    reference = table(ref_data, decide(ref_probs, ref_data["language_held"], ref_holds))
    no_rise = tuple(k for k in args.no_rise.split(",") if k)
    if unknown := [k for k in no_rise if k not in SETS]:
        parser.error(f"--no-rise: unknown set(s) {', '.join(unknown)}")
    try:
        holds, after = choose(
            data,
            probs,
            routed,
            thread_probs,
            must,
            holds_now,
            reference,
            args.rule,
            rejects_now,
            no_rise,
            max(1, args.starts),
        )
    except ValueError as exc:
        raise SystemExit(f"no thresholds: {exc}") from None
    print("attribute  policy  chosen")
    for a, h0, h1 in zip(ATTRIBUTES, holds_now, holds, strict=True):
        print(f"{a:18} {h0:.2f}  {h1:.2f}")
    print("set: civil held / abusive caught, policy -> chosen")
    for key in SETS:
        (c0, a0, _), (c1, a1, _) = before[key], after[key]
        print(f"{key:12} {c0:6.1%} / {a0:6.1%}  ->  {c1:6.1%} / {a1:6.1%}")
    print(f"shortfall from the targets: {shortfall(before):.3f} -> {shortfall(after):.3f}")
    print("decision AUROC (max score / hold over the free attributes, 'before' thresholds):")
    for key, auc in decision_auroc(data, probs, holds_now).items():
        print(f"{key:12} {auc:.3f}")


if __name__ == "__main__":
    main()
