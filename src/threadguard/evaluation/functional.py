"""The functional hard-case suite: where a moderation model is right for the wrong reasons.

Test-split figures say how often a model agrees with annotators on text like its training
data; they do not say *why*. A bag-of-n-grams model can score well there and still flag
every comment that quotes hate in order to condemn it, miss hate phrased politely, and be
fooled by ``M u s l i m s``. The suite in ``resources/functional_suite.jsonl`` isolates
such behaviours, one *functionality* at a time, with sentences the team wrote itself.

The suite is a diagnostic, never training data: it is written apart from the training
templates, and a test checks that none of its texts occurs in any training set. Keep it
that way, or its numbers stop meaning anything.

Each line is one case::

    {"id": "cq-01", "functionality": "counter_speech_quote", "text": "...",
     "attribute": "identity_attack", "expected": false, "target": "muslims",
     "decision": "approve", "parent": "...", "note": "..."}

A case is correct on scores when ``(score[attribute] >= THRESHOLD) == expected``, and
correct on decisions when the moderator under the default policy does what ``decision``
says: ``approve`` (published) or ``hold`` (not published without a moderator: held or
rejected both pass). A site lives by decisions, so a score that is "right" at 0.5 but
still crosses a hold threshold is a failure there. ``target`` names the group the text
is about (a :data:`~threadguard.schema.GROUPS` name) or is null; it documents coverage
and is not scored here. ``parent`` (optional) is the comment the case replies to, scored
as context: some hate is only hate as an answer to something.

Everything below is pure except :func:`load_suite`, which reads the packaged resource.
"""

from __future__ import annotations

import json
import math
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any, Final, Protocol

from threadguard.analysis import Analysis
from threadguard.engine import CommentInput
from threadguard.moderation import Moderator
from threadguard.schema import ATTRIBUTES, GROUPS, Verdict

#: The packaged suite, a file in ``threadguard.resources``.
SUITE_FILE: Final = "functional_suite.jsonl"

#: A score at or above this counts as "the model says yes": the same cut every case uses,
#: so the suite measures the model's ranking *and* its calibration at the policy's midpoint.
THRESHOLD: Final = 0.5

#: Every functionality, in report order: first the cases a naive model wrongly flags, then
#: the cases it wrongly misses. A name outside this list is a typo, so loading refuses it.
FUNCTIONALITIES: Final[tuple[str, ...]] = (
    "counter_speech_quote",
    "counter_speech_reference",
    "negated_hate",
    "positive_group_statement",
    "neutral_group_statement",
    "defence_of_group",
    "reporting_hate",
    "civil_disagreement",
    "reclaimed_slur",
    "profanity_no_target",
    "profanity_no_target_is_profane",
    "abuse_of_individual",
    "abuse_of_individual_is_insult",
    "abuse_of_object",
    "dehumanisation",
    "implicit_derogation",
    "threat",
    "hate_as_question",
    "hate_as_opinion",
    "coded_hate",
    "dehumanising_metaphor",
    "call_for_violence_or_expulsion",
    "sarcasm_at_group",
    "hate_needing_context",
    "spelling_swaps",
    "spelling_deletions",
    "spelling_added_spaces",
    "spelling_removed_spaces",
    "leetspeak",
)

_REQUIRED: Final = {
    "id": str,
    "functionality": str,
    "text": str,
    "attribute": str,
    "expected": bool,
}
_OPTIONAL: Final = ("target", "note", "decision", "parent")

#: The decisions a case may expect: published, or kept from publication (held or rejected).
DECISIONS: Final = (Verdict.APPROVE.value, Verdict.HOLD.value)


class SuiteError(ValueError):
    """A malformed suite line; the message names the source and the line number."""


@dataclass(frozen=True)
class Case:
    """One hand-written sentence and the verdict a good model gives on one attribute."""

    id: str
    functionality: str
    text: str
    attribute: str
    expected: bool
    target: str | None = None
    note: str = ""
    #: Line number in the source (1-based), for error messages and reports.
    line: int = 0
    #: What a moderator should see happen: approve, or hold (held or rejected both pass);
    #: None: the case is judged on scores only.
    decision: Verdict | None = None
    #: The comment this one replies to, given to the engine as context ("" for none).
    parent: str = ""

    def passes(self, action: Verdict) -> bool:
        """Whether ``action`` is the decision this case expects (always False without one)."""
        if self.decision is None:
            return False
        return (action is Verdict.APPROVE) == (self.decision is Verdict.APPROVE)


@dataclass(frozen=True)
class FunctionalityResult:
    """How a model did on one functionality (or, as ``"overall"``, on all cases)."""

    functionality: str
    cases: int
    correct: int
    #: Ids of the cases it got wrong, in suite order: where to start reading.
    failures: tuple[str, ...]

    @property
    def accuracy(self) -> float:
        """Share of cases judged correctly; NaN when there are no cases (nothing measured)."""
        return self.correct / self.cases if self.cases else math.nan


@dataclass(frozen=True)
class SuiteResult:
    """Per-functionality results in :data:`FUNCTIONALITIES` order, plus all cases pooled."""

    functionalities: tuple[FunctionalityResult, ...]
    overall: FunctionalityResult


class Scored(Protocol):
    """What the suite reads from an analysis: the attribute scores."""

    @property
    def scores(self) -> Mapping[str, float]: ...


class Scorer(Protocol):
    """Anything that scores comments like :meth:`threadguard.engine.Engine.analyze`."""

    def analyze(self, items: Sequence[CommentInput], *, spans: bool = ...) -> Sequence[Scored]: ...


def _case_from(doc: Any, where: str, line: int) -> Case:
    """Validate one decoded line, so a typo fails loudly instead of skewing a figure."""
    if not isinstance(doc, dict):
        raise SuiteError(f"{where}: expected a JSON object, got {type(doc).__name__}")
    missing = [k for k in _REQUIRED if k not in doc]
    if missing:
        raise SuiteError(f"{where}: missing field(s) {', '.join(missing)}")
    unknown = sorted(set(doc) - set(_REQUIRED) - set(_OPTIONAL))
    if unknown:
        raise SuiteError(f"{where}: unknown field(s) {', '.join(unknown)}")
    for key, kind in _REQUIRED.items():
        if not isinstance(doc[key], kind):
            raise SuiteError(f"{where}: {key} must be a {kind.__name__}")
    for key in ("id", "text"):
        if not doc[key].strip():
            raise SuiteError(f"{where}: {key} is empty")
    if doc["functionality"] not in FUNCTIONALITIES:
        raise SuiteError(f"{where}: unknown functionality {doc['functionality']!r}")
    if doc["attribute"] not in ATTRIBUTES:
        raise SuiteError(
            f"{where}: attribute {doc['attribute']!r} is not one of {', '.join(ATTRIBUTES)}"
        )
    target = doc.get("target")
    if target is not None and target not in GROUPS:
        raise SuiteError(f"{where}: target {target!r} is not a group name or null")
    note, parent = (doc.get(key, "") for key in ("note", "parent"))
    for key, value in (("note", note), ("parent", parent)):
        if not isinstance(value, str):
            raise SuiteError(f"{where}: {key} must be a str")
    decision = doc.get("decision")
    if decision is not None and decision not in DECISIONS:
        raise SuiteError(f"{where}: decision must be one of {', '.join(DECISIONS)} or absent")
    return Case(
        id=doc["id"],
        functionality=doc["functionality"],
        text=doc["text"],
        attribute=doc["attribute"],
        expected=doc["expected"],
        target=target,
        note=note,
        line=line,
        decision=None if decision is None else Verdict(decision),
        parent=parent,
    )


def numbered_documents(
    lines: Iterable[str], source: str, error: type[ValueError]
) -> Iterator[tuple[int, str, Any]]:
    """(line number, "SOURCE line N", decoded JSON) for each non-blank line of a JSON Lines
    resource; a line that is not JSON raises ``error`` naming it (the team's files are
    small and hand-written: one bad line means a typo to fix, not a line to skip)."""
    for number, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        where = f"{source} line {number}"
        try:
            yield number, where, json.loads(raw)
        except json.JSONDecodeError as exc:
            raise error(f"{where}: not valid JSON ({exc.msg})") from None


def string_documents(
    lines: Iterable[str],
    source: str,
    error: type[ValueError],
    fields: Iterable[str],
    known: Mapping[str, Collection[str]] | None = None,
) -> Iterator[tuple[str, dict[str, str]]]:
    """("SOURCE line N", document) for each line of a resource whose documents are flat
    objects of exactly ``fields``, each a non-empty string, with an ``id`` and a ``text``
    used once each (texts compared without case or spacing), and each field named in
    ``known`` one of its values; ``error`` names a line that is not, or a file with no
    document."""
    names = tuple(fields)
    seen: set[str] = set()
    for _, where, doc in numbered_documents(lines, source, error):
        if not isinstance(doc, dict) or sorted(doc) != sorted(names):
            raise error(f"{where}: expected exactly the fields {', '.join(names)}")
        if not all(isinstance(doc[k], str) and doc[k].strip() for k in names):
            raise error(f"{where}: every field must be a non-empty string")
        keys = {f"id:{doc['id']}", "text:" + " ".join(doc["text"].casefold().split())}
        if keys & seen:
            raise error(f"{where}: id or text already used")
        seen |= keys
        for field, values in (known or {}).items():
            if doc[field] not in values:
                raise error(f"{where}: unknown {field} {doc[field]!r}")
        yield where, doc
    if not seen:
        raise error(f"{source}: no documents")


def parse_suite(lines: Iterable[str], source: str = SUITE_FILE) -> list[Case]:
    """Parse and validate suite lines (blank lines skipped); :class:`SuiteError` names the line.

    Duplicate ids are refused too: failures are reported by id, so an id must point at
    exactly one sentence.
    """
    cases: list[Case] = []
    seen: dict[str, int] = {}
    for number, where, doc in numbered_documents(lines, source, SuiteError):
        case = _case_from(doc, where, number)
        if case.id in seen:
            raise SuiteError(f"{where}: id {case.id!r} already used on line {seen[case.id]}")
        seen[case.id] = number
        cases.append(case)
    if not cases:
        raise SuiteError(f"{source}: no cases")
    return cases


def load_suite() -> list[Case]:
    """The suite that ships in the package (read through importlib.resources, so it works
    from a wheel or a zip as well as from a checkout)."""
    text = resources.files("threadguard.resources").joinpath(SUITE_FILE).read_text("utf-8")
    return parse_suite(text.splitlines())


def judge(cases: Sequence[Case], scores: Sequence[Mapping[str, float]]) -> SuiteResult:
    """Compare each case's score with its expected verdict; group by functionality.

    ``scores[i]`` are the attribute scores of ``cases[i]``. Functionalities with no case
    are left out; the overall row pools every case (so larger functionalities weigh more).
    """
    if len(cases) != len(scores):
        raise ValueError(f"{len(cases)} cases but {len(scores)} score sets")
    oks = []
    for case, score in zip(cases, scores, strict=True):
        if case.attribute not in score:
            raise ValueError(f"case {case.id}: no {case.attribute} score")
        oks.append((score[case.attribute] >= THRESHOLD) == case.expected)
    return grouped(cases, oks)


def judge_decisions(cases: Sequence[Case], actions: Sequence[Verdict]) -> SuiteResult:
    """Compare each case's expected decision with the moderator's; group by functionality.

    ``actions[i]`` is the verdict on ``cases[i]``. Cases with no expected decision are left
    out, so a functionality judged on scores only has no row here.
    """
    if len(cases) != len(actions):
        raise ValueError(f"{len(cases)} cases but {len(actions)} decisions")
    judged = [(c, a) for c, a in zip(cases, actions, strict=True) if c.decision is not None]
    return grouped([c for c, _ in judged], [c.passes(a) for c, a in judged])


class Judged(Protocol):
    """A case of any of the team's suites, as far as grouping its outcomes needs."""

    @property
    def id(self) -> str: ...

    @property
    def functionality(self) -> str: ...


def grouped(
    cases: Sequence[Judged], oks: Sequence[bool], order: Sequence[str] = FUNCTIONALITIES
) -> SuiteResult:
    """Per-functionality results in report order (``order``, then any other functionality
    as it comes), and every case pooled."""
    outcomes: dict[str, list[tuple[str, bool]]] = {}
    for case, ok in zip(cases, oks, strict=True):
        outcomes.setdefault(case.functionality, []).append((case.id, ok))
    names = [f for f in order if f in outcomes] + [f for f in outcomes if f not in order]
    rows = tuple(_result(f, outcomes[f]) for f in names)
    pooled = [o for f in names for o in outcomes[f]]
    return SuiteResult(rows, _result("overall", pooled))


def _result(name: str, outcomes: Sequence[tuple[str, bool]]) -> FunctionalityResult:
    return FunctionalityResult(
        functionality=name,
        cases=len(outcomes),
        correct=sum(ok for _, ok in outcomes),
        failures=tuple(case_id for case_id, ok in outcomes if not ok),
    )


def inputs(cases: Sequence[Case]) -> list[CommentInput]:
    """What the engine scores for each case: its text, with its parent (if any) as context."""
    return [CommentInput(c.text, id=c.id, parent=c.parent) for c in cases]


def run_suite(engine: Scorer, cases: Sequence[Case] | None = None) -> SuiteResult:
    """Score every case in one call (the engine batches) and judge the results.

    Each text is scored with its parent when the case has one, and never with a title:
    the suite tests what the words themselves say (and, for replies, what they answer).
    Spans are not needed, so they are not computed.
    """
    chosen = load_suite() if cases is None else list(cases)
    analyses = engine.analyze(inputs(chosen), spans=False)
    return judge(chosen, [a.scores for a in analyses])


class Analyzer(Protocol):
    """An engine whose analyses a moderator can decide on."""

    def analyze(
        self, items: Sequence[CommentInput], *, spans: bool = ...
    ) -> Sequence[Analysis]: ...


@dataclass(frozen=True)
class SuiteReport:
    """The suite judged twice from one scoring pass: on scores and on decisions."""

    scores: SuiteResult
    decisions: SuiteResult


def run_suite_decisions(
    engine: Analyzer, moderator: Moderator, cases: Sequence[Case] | None = None
) -> SuiteReport:
    """Score every case once, then judge it on scores and on the moderator's decision
    (no author: the suite tests the text, not who wrote it)."""
    chosen = load_suite() if cases is None else list(cases)
    analyses = engine.analyze(inputs(chosen), spans=False)
    actions = [
        moderator.decide(a, c.text, context=c.parent).action
        for a, c in zip(analyses, chosen, strict=True)
    ]
    return SuiteReport(
        judge(chosen, [a.scores for a in analyses]), judge_decisions(chosen, actions)
    )
