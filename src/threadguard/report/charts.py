"""Charts as inline SVG, drawn in Python: the report needs no script and no network.

Each function returns :class:`markupsafe.Markup` (SVG text) with every label escaped,
so the template can place it as it is. The shapes are plain: lines over a period, and
horizontal bars, sized in the SVG's own units and scaled by the browser.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

WIDTH = 720
BAR_HEIGHT = 22
LABEL_WIDTH = 220


@dataclass(frozen=True)
class Series:
    """One line of a line chart: a name, a colour and a value per period."""

    name: str
    color: str
    values: Sequence[float]


def _percent(value: float) -> str:
    return f"{100 * value:.0f}%" if value >= 0.1 or value == 0 else f"{100 * value:.1f}%"


def line_chart(periods: Sequence[str], series: Sequence[Series], height: int = 240) -> Markup:
    """Shares (0..1) over periods, one line per series, with a legend and a y axis in %."""
    if not periods:
        return Markup("<p class='empty'>No dated comments.</p>")
    top = max([max(s.values, default=0.0) for s in series] + [0.01])
    top = min(1.0, top * 1.15)
    left, right, bottom, head = 48, 16, 40, 28
    plot_w, plot_h = WIDTH - left - right, height - bottom - head
    step = plot_w / max(1, len(periods) - 1)

    def x(i: int) -> float:
        return left + (i * step if len(periods) > 1 else plot_w / 2)

    def y(v: float) -> float:
        return head + plot_h * (1 - v / top)

    parts = [f"<svg viewBox='0 0 {WIDTH} {height}' role='img' class='chart'>"]
    for k in range(5):
        v = top * k / 4
        parts.append(
            f"<line x1='{left}' x2='{WIDTH - right}' y1='{y(v):.1f}' y2='{y(v):.1f}' class='grid'/>"
            f"<text x='{left - 6}' y='{y(v) + 4:.1f}' class='axis' text-anchor='end'>{_percent(v)}</text>"
        )
    every = max(1, len(periods) // 8)
    for i, label in enumerate(periods):
        if i % every == 0 or i == len(periods) - 1:
            parts.append(
                f"<text x='{x(i):.1f}' y='{height - bottom + 18}' class='axis' "
                f"text-anchor='middle'>{escape(label)}</text>"
            )
    for n, s in enumerate(series):
        points = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(s.values))
        parts.append(
            f"<polyline points='{points}' fill='none' stroke='{s.color}' stroke-width='2.5'/>"
        )
        for i, v in enumerate(s.values):
            parts.append(
                f"<circle cx='{x(i):.1f}' cy='{y(v):.1f}' r='3' fill='{s.color}'>"
                f"<title>{escape(s.name)} {escape(periods[i])}: {_percent(v)}</title></circle>"
            )
        parts.append(
            f"<rect x='{left + n * 190}' y='6' width='12' height='12' fill='{s.color}'/>"
            f"<text x='{left + n * 190 + 18}' y='16' class='legend'>{escape(s.name)}</text>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704 (every label escaped above)


def bar_chart(
    bars: Sequence[tuple[str, float, str]], color: str = "#c0392b", scale: float | None = None
) -> Markup:
    """Horizontal bars: (label, value, text shown after the bar), longest = ``scale``."""
    if not bars:
        return Markup("<p class='empty'>Nothing to show.</p>")
    top = scale or max(v for _, v, _ in bars) or 1.0
    height = BAR_HEIGHT * len(bars) + 8
    room = WIDTH - LABEL_WIDTH - 120
    parts = [f"<svg viewBox='0 0 {WIDTH} {height}' role='img' class='chart'>"]
    for i, (label, value, note) in enumerate(bars):
        y = 4 + i * BAR_HEIGHT
        shown = label if len(label) <= 34 else label[:33] + "…"
        width = max(1.0, room * value / top) if value else 0.0
        parts.append(
            f"<text x='{LABEL_WIDTH - 8}' y='{y + 15}' class='label' text-anchor='end'>"
            f"<title>{escape(label)}</title>{escape(shown)}</text>"
            f"<rect x='{LABEL_WIDTH}' y='{y + 3}' width='{width:.1f}' height='{BAR_HEIGHT - 6}' "
            f"fill='{color}' rx='2'/>"
            f"<text x='{LABEL_WIDTH + width + 6:.1f}' y='{y + 15}' class='value'>{escape(note)}</text>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704 (every label escaped above)


def share_bar(parts: Sequence[tuple[str, int, str]]) -> Markup:
    """One bar split into shares (label, count, colour), e.g. approve / hold / reject."""
    total = sum(n for _, n, _ in parts) or 1
    out = [f"<svg viewBox='0 0 {WIDTH} 46' role='img' class='chart'>"]
    x = 0.0
    for label, count, color in parts:
        width = WIDTH * count / total
        out.append(
            f"<rect x='{x:.1f}' y='0' width='{width:.1f}' height='24' fill='{color}'>"
            f"<title>{escape(label)}: {count:,}</title></rect>"
        )
        if width > 90:
            out.append(
                f"<text x='{x + 6:.1f}' y='40' class='legend'>{escape(label)} "
                f"{_percent(count / total)}</text>"
            )
        x += width
    out.append("</svg>")
    return Markup("".join(out))  # noqa: S704 (every label escaped above)
