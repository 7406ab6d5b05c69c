"""The decisions report as tables: for the terminal (rich) and as Markdown (``--out``).

The tables are built once, as rows of strings, and written either way, so the terminal
and ``docs/evaluation.md`` always show the same figures.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from threadguard.evaluation.decisions import DecisionsReport, SetResult, percentile


@dataclass(frozen=True)
class Grid:
    """One table: a title, column headers, rows of cells, and notes printed under it."""

    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    notes: tuple[str, ...] = ()


def _pct(share: float) -> str:
    return "n/a" if math.isnan(share) else f"{share:.1%}"


def _num(value: float) -> str:
    return "n/a" if math.isnan(value) else f"{value:.2f}"


def _reasons(r: SetResult) -> str:
    flagged = r.at().civil_flagged
    if not flagged:
        return "-"
    shares = ((rule, n / flagged) for rule, n in r.civil_reasons[:3])
    return ", ".join(
        f"{rule} {share:.0%}" if share >= 0.005 else f"{rule} <1%" for rule, share in shares
    )


#: Marks a team's suite in every table: it has no dev/test split.
NO_SPLIT = "[no split]"
NO_SPLIT_NOTE = (
    f"{NO_SPLIT}: a team's suite (shipped with the package), with no dev/test split: the "
    "same cases on dev and test."
)


def _name(r: SetResult) -> str:
    """The set's name, marked when it is a suite with no split."""
    return r.name if r.has_split else f"{r.name} {NO_SPLIT}"


def _rows_read(report: DecisionsReport) -> str:
    """Which rows the report read: "dev rows", with the suites' lack of a split said."""
    if all(r.has_split for r in report.sets):
        return f"{report.split} rows"
    return f"{report.split} rows; the team's suites have no split"


def _split_notes(report: DecisionsReport) -> tuple[str, ...]:
    return () if all(r.has_split for r in report.sets) else (NO_SPLIT_NOTE,)


def default_grid(report: DecisionsReport) -> Grid:
    """Civil held and abusive caught at the default policy, per data set."""
    rows = tuple(
        (
            _name(r),
            str(r.civil),
            str(r.abusive),
            _pct(r.civil_share()),
            _pct(r.civil_rejected / r.civil if r.civil else math.nan),
            _pct(r.caught_share()),
            _reasons(r),
        )
        for r in report.sets
    )
    notes = (*(f"{_name(r)}: {r.coding}." for r in report.sets), *_split_notes(report))
    return Grid(
        f"Decisions at the {report.policy} policy ({_rows_read(report)})",
        (
            "data set",
            "civil",
            "abusive",
            "civil held or rejected",
            "civil rejected",
            "abusive caught",
            "civil held because",
        ),
        rows,
        notes,
    )


def curve_grid(report: DecisionsReport) -> Grid:
    """Civil held / abusive caught at each scale of the default policy's thresholds."""
    rows = tuple(
        (
            _name(r),
            *(f"{_pct(r.civil_share(s))} / {_pct(r.caught_share(s))}" for s in report.scales),
        )
        for r in report.sets
    )
    return Grid(
        "The curve: civil held / abusive caught with every threshold of the policy scaled",
        ("data set", *(f"x{s:g}" + (" (policy)" if s == 1 else "") for s in report.scales)),
        rows,
        (
            "At scale s every hold and reject threshold of the policy is multiplied by s "
            "(capped at 1) and each comment is decided again by the Moderator; x1 is the "
            "policy itself, below 1 holds more, above 1 fewer.",
            *_split_notes(report),
        ),
    )


def civil_scores_grid(report: DecisionsReport) -> Grid:
    """The distribution of toxicity (and of the highest attribute) on civil comments."""
    rows = tuple(
        (
            _name(r),
            str(r.civil),
            _num(percentile(r.civil_toxicity, 50)),
            _num(percentile(r.civil_toxicity, 90)),
            _num(percentile(r.civil_max_score, 50)),
            _num(percentile(r.civil_max_score, 90)),
            "n/a" if r.civil_routed is None else _pct(r.civil_routed / r.civil),
        )
        for r in sorted(report.sets, key=lambda r: not r.news)
        if r.civil
    )
    return Grid(
        "Scores on civil comments (news comments first)",
        (
            "data set",
            "civil",
            "toxicity median",
            "toxicity p90",
            "highest attribute median",
            "highest attribute p90",
            "sent to the deep tier",
        ),
        rows,
        (
            "Sent to the deep tier: civil comments the cascade had the deep tier read (the "
            "fast tier's score at or above the band); fewer is faster.",
            *_split_notes(report),
        ),
    )


SFU_NOTE = (
    "SFU's export itemises only the two most chosen levels (about 98% of the votes): its "
    "rater figures are lower bounds."
)


def raters_grid(report: DecisionsReport) -> Grid | None:
    """The policy's point beside a random rater's, on the sets whose export says how
    their raters split (None where none does)."""
    rated = [r for r in report.sets if r.raters is not None and r.raters.civil]
    if not rated:
        return None
    rows = tuple(
        (
            _name(r),
            str(p.civil),
            str(p.abusive),
            f"{_pct(p.civil_held)} / {_pct(p.caught)}",
            f"{_pct(p.policy_civil_held)} / {_pct(p.policy_caught)}",
        )
        for r in rated
        if (p := r.raters) is not None
    )
    return Grid(
        "The labels' own raters: civil held / abusive caught by one of them, beside the policy",
        ("data set", "civil", "abusive", "a rater", "the policy"),
        rows,
        (
            "A rater: one of a comment's raters, drawn as the export's trust weights draw "
            "them, holding what they called hostile (Unhealthy) or toxic or very toxic "
            "(SFU); the mean share of raters who did. Both columns count the same rows, "
            "those the export gives an agreement for. Each rater is judged against a "
            "majority they were part of, so this flatters the raters: read it as how far "
            "these labels can be agreed with, not as a target.",
            *(SFU_NOTE for r in rated if r.key == "sfu"),
        ),
    )


def grids(report: DecisionsReport) -> list[Grid]:
    """Every table of the report, in order."""
    raters = raters_grid(report)
    rest = [civil_scores_grid(report)] if raters is None else [raters, civil_scores_grid(report)]
    return [default_grid(report), curve_grid(report), *rest]


def _footer(report: DecisionsReport) -> list[str]:
    cap = "all rows" if report.cap is None else f"at most {report.cap} rows of each kind per set"
    lines = [
        f"Model {report.model_version}; {_rows_read(report)}; {cap} (a fixed sample keyed "
        f"on the text); {report.seconds:.0f}s."
    ]
    if report.missing:
        lines.append(f"Not found in the data folder, skipped: {', '.join(report.missing)}.")
    return lines


def _left(column: int, header: str) -> bool:
    """Names and reasons read left to right; figures line up on the right."""
    return column == 0 or header.endswith("because")


def render(report: DecisionsReport, console: Console) -> None:
    """Print every table to the terminal, each with its notes. Cells and notes are text,
    not Rich markup: a suite's "[no split]" mark would otherwise be read as a tag and
    vanish."""
    for grid in grids(report):
        table = Table(title=escape(grid.title))
        for i, header in enumerate(grid.headers):
            table.add_column(escape(header), justify="left" if _left(i, header) else "right")
        for row in grid.rows:
            table.add_row(*(escape(cell) for cell in row))
        console.print(table)
        for note in grid.notes:
            console.print(f"  {note}", highlight=False, soft_wrap=True, markup=False)
    for line in _footer(report):
        console.print(line, highlight=False, soft_wrap=True, markup=False)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def to_markdown(report: DecisionsReport, heading: str = "##") -> str:
    """The report as Markdown: one subsection per table (``heading`` sets their level)."""
    out = [f"{heading} Decisions", ""]
    out += [*_footer(report), ""]
    for grid in grids(report):
        out += [f"{heading}# {grid.title}", ""]
        out.append("| " + " | ".join(grid.headers) + " |")
        out.append(
            "|"
            + "|".join("---" if _left(i, h) else "---:" for i, h in enumerate(grid.headers))
            + "|"
        )
        out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in grid.rows]
        out.append("")
        out += [f"- {note}" for note in grid.notes]
        if grid.notes:
            out.append("")
    return "\n".join(out)
