"""Charts as inline SVG, drawn in Python: the report needs no script and no network.

Each function returns :class:`markupsafe.Markup` (SVG text) with every label escaped,
so the template can place it as it is. The shapes are plain: lines over a period,
horizontal bars, and columns over a period (stacked when there are several series),
sized in the SVG's own units and scaled by the browser. ``label`` names a chart for
screen readers (``aria-label``); a page should also give the figures as a table.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

WIDTH = 720
BAR_HEIGHT = 22
LABEL_WIDTH = 220
#: Room for one legend entry, and the height of a row of them.
LEGEND_STEP = 190
LEGEND_ROW = 18
#: The line and column charts' margins: the y axis's figures on the left, the periods
#: below, the legend above (more rows of it push the plot down).
LEFT, RIGHT, BOTTOM, HEAD = 48, 16, 40, 28
#: About how wide one character of an axis label is (11 px Helvetica digits).
_LABEL_CHAR = 6.5


@dataclass(frozen=True)
class Series:
    """One line of a line chart: a name, a colour and a value per period."""

    name: str
    color: str
    values: Sequence[float]


def _open(width: int, height: int, label: str | None) -> str:
    """The ``<svg>`` tag of a chart, named for screen readers when ``label`` is given."""
    named = f" aria-label='{escape(label)}'" if label else ""
    return f"<svg viewBox='0 0 {width} {height}' role='img' class='chart'{named}>"


def _legend(series: Sequence[tuple[str, str]], left: int) -> tuple[list[str], int]:
    """Legend entries (name, colour) in rows that fit the width, and the rows' height."""
    per_row = max(1, (WIDTH - left) // LEGEND_STEP)
    parts = []
    for n, (name, color) in enumerate(series):
        x, y = left + (n % per_row) * LEGEND_STEP, 6 + (n // per_row) * LEGEND_ROW
        parts.append(
            f"<rect x='{x}' y='{y}' width='12' height='12' fill='{color}'/>"
            f"<text x='{x + 18}' y='{y + 10}' class='legend'>{escape(name)}</text>"
        )
    rows = (len(series) + per_row - 1) // per_row
    return parts, LEGEND_ROW * max(0, rows - 1)


def _percent(value: float) -> str:
    return f"{100 * value:.0f}%" if value >= 0.1 or value == 0 else f"{100 * value:.1f}%"


def _grid(
    top: float,
    left: int,
    right: int,
    y: Callable[[float], float],
    tick: Callable[[float], str],
) -> list[str]:
    """Five horizontal grid lines from 0 to ``top``, each with its value (``tick``) on the
    left axis: what the line and column charts share."""
    out = []
    for k in range(5):
        v = top * k / 4
        out.append(
            f"<line x1='{left}' x2='{WIDTH - right}' y1='{y(v):.1f}' y2='{y(v):.1f}' class='grid'/>"
            f"<text x='{left - 6}' y='{y(v) + 4:.1f}' class='axis' text-anchor='end'>{tick(v)}</text>"
        )
    return out


@dataclass(frozen=True)
class _Frame:
    """What the line and column charts share: the margins, the legend (its rows make the
    chart taller), a y scale from 0 to ``top``, and the period labels below the plot."""

    top: float
    height: int
    head: int
    legend: list[str]

    @classmethod
    def of(cls, series: Sequence[Series], top: float, height: int) -> _Frame:
        legend, extra = _legend([(s.name, s.color) for s in series], LEFT)
        return cls(top, height + extra, HEAD + extra, legend)

    @property
    def plot_w(self) -> int:
        return WIDTH - LEFT - RIGHT

    @property
    def plot_h(self) -> int:
        return self.height - BOTTOM - self.head

    def y(self, v: float) -> float:
        return self.head + self.plot_h * (1 - v / self.top)

    def start(self, label: str | None, tick: Callable[[float], str]) -> list[str]:
        """The ``<svg>`` tag and the grid, its lines marked with ``tick``."""
        return [_open(WIDTH, self.height, label), *_grid(self.top, LEFT, RIGHT, self.y, tick)]

    def period_label(self, periods: Sequence[str], i: int, x: float) -> list[str]:
        """Period ``i``'s name below the plot, centred on ``x``, if it is one of the names
        shown: about eight of them, the last always among them."""
        every = max(1, len(periods) // 8)
        if i % every and i != len(periods) - 1:
            return []
        # kept inside the chart: centred on the last point, "2024-12" was cut to "2024-1"
        half = _LABEL_CHAR * len(periods[i]) / 2 + 2
        x = min(max(x, half), WIDTH - half)
        return [
            f"<text x='{x:.1f}' y='{self.height - BOTTOM + 18}' class='axis' "
            f"text-anchor='middle'>{escape(periods[i])}</text>"
        ]

    def end(self, parts: list[str]) -> Markup:
        """The chart: ``parts``, then the legend."""
        return Markup("".join([*parts, *self.legend, "</svg>"]))  # noqa: S704 (labels escaped)


def line_chart(
    periods: Sequence[str],
    series: Sequence[Series],
    height: int = 240,
    *,
    label: str | None = None,
) -> Markup:
    """Shares (0..1) over periods, one line per series, with a legend and a y axis in %."""
    if not periods:
        return Markup("<p class='empty'>No dated comments.</p>")
    top = max([max(s.values, default=0.0) for s in series] + [0.01])
    frame = _Frame.of(series, min(1.0, top * 1.15), height)
    y = frame.y
    step = frame.plot_w / max(1, len(periods) - 1)

    def x(i: int) -> float:
        return LEFT + (i * step if len(periods) > 1 else frame.plot_w / 2)

    parts = frame.start(label, _percent)
    for i in range(len(periods)):
        parts += frame.period_label(periods, i, x(i))
    for s in series:
        points = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(s.values))
        parts.append(
            f"<polyline points='{points}' fill='none' stroke='{s.color}' stroke-width='2.5'/>"
        )
        for i, v in enumerate(s.values):
            parts.append(
                f"<circle cx='{x(i):.1f}' cy='{y(v):.1f}' r='3' fill='{s.color}'>"
                f"<title>{escape(s.name)} {escape(periods[i])}: {_percent(v)}</title></circle>"
            )
    return frame.end(parts)


def bar_chart(
    bars: Sequence[tuple[str, float, str]],
    color: str = "#c0392b",
    scale: float | None = None,
    *,
    label: str | None = None,
) -> Markup:
    """Horizontal bars: (label, value, text shown after the bar), longest = ``scale``."""
    if not bars:
        return Markup("<p class='empty'>Nothing to show.</p>")
    top = scale or max(v for _, v, _ in bars) or 1.0
    height = BAR_HEIGHT * len(bars) + 8
    # room after the longest bar for the longest note ("180 of 1,000 held or rejected
    # (18%)" was cut at the chart's edge)
    longest = max(len(note) for _, _, note in bars)
    room = WIDTH - LABEL_WIDTH - max(120, round(_LABEL_CHAR * longest) + 14)
    parts = [_open(WIDTH, height, label)]
    for i, (name, value, note) in enumerate(bars):
        y = 4 + i * BAR_HEIGHT
        shown = name if len(name) <= 34 else name[:33] + "…"
        width = max(1.0, room * value / top) if value else 0.0
        parts.append(
            f"<text x='{LABEL_WIDTH - 8}' y='{y + 15}' class='label' text-anchor='end'>"
            f"<title>{escape(name)}</title>{escape(shown)}</text>"
            f"<rect x='{LABEL_WIDTH}' y='{y + 3}' width='{width:.1f}' height='{BAR_HEIGHT - 6}' "
            f"fill='{color}' rx='2'/>"
            f"<text x='{LABEL_WIDTH + width + 6:.1f}' y='{y + 15}' class='value'>{escape(note)}</text>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704 (every label escaped above)


def share_bar(parts: Sequence[tuple[str, int, str]], *, label: str | None = None) -> Markup:
    """One bar split into shares (name, count, colour), e.g. approve / hold / reject."""
    total = sum(n for _, n, _ in parts) or 1
    out = [_open(WIDTH, 46, label)]
    x = 0.0
    for name, count, color in parts:
        width = WIDTH * count / total
        out.append(
            f"<rect x='{x:.1f}' y='0' width='{width:.1f}' height='24' fill='{color}'>"
            f"<title>{escape(name)}: {count:,}</title></rect>"
        )
        if width > 90:
            out.append(
                f"<text x='{x + 6:.1f}' y='40' class='legend'>{escape(name)} "
                f"{_percent(count / total)}</text>"
            )
        x += width
    out.append("</svg>")
    return Markup("".join(out))  # noqa: S704 (every label escaped above)


def column_chart(
    periods: Sequence[str],
    series: Sequence[Series],
    height: int = 240,
    *,
    label: str | None = None,
) -> Markup:
    """Counts over periods as columns, the series stacked bottom up in order, with a
    legend, a y axis and each column's figures on hover."""
    if not periods:
        return Markup("<p class='empty'>Nothing in this period.</p>")
    totals = [sum(s.values[i] for s in series) for i in range(len(periods))]
    step = max(1, math.ceil(max([*totals, 1.0]) * 1.05 / 4))  # whole numbers on the axis
    frame = _Frame.of(series, 4.0 * step, height)
    y = frame.y
    slot = frame.plot_w / len(periods)
    width = max(1.0, slot * 0.7)

    def x(i: int) -> float:
        return LEFT + i * slot + (slot - width) / 2

    parts = frame.start(label, "{:,.0f}".format)
    for i, period in enumerate(periods):
        base = 0.0
        hover = ", ".join(f"{s.name} {s.values[i]:,.0f}" for s in series)
        for s in series:
            value = s.values[i]
            if value:
                parts.append(
                    f"<rect x='{x(i):.1f}' y='{y(base + value):.1f}' width='{width:.1f}' "
                    f"height='{y(base) - y(base + value):.1f}' fill='{s.color}'>"
                    f"<title>{escape(period)}: {escape(hover)}</title></rect>"
                )
            base += value
        parts += frame.period_label(periods, i, x(i) + width / 2)
    return frame.end(parts)
