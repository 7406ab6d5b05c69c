"""The report page: the figures of :mod:`.data` through a Jinja2 template, one HTML file.

The template (``resources/report.html.j2``) escapes every value (autoescape), holds its
CSS inline, and needs no script: example comments are blurred until clicked (a
``<details>`` element), charts are inline SVG (:mod:`.charts`). The file opens offline.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

from jinja2 import Environment, select_autoescape

from threadguard.report.charts import Series, bar_chart, line_chart, share_bar
from threadguard.report.data import HARM_ATTRIBUTES, LANGUAGE_BAR, ReportData
from threadguard.schema import ATTRIBUTES
from threadguard.signals import shown_score
from threadguard.validation import balance_bidi

TEMPLATE = "report.html.j2"
COLORS = {"approve": "#2e8b57", "hold": "#e0a526", "reject": "#c0392b", LANGUAGE_BAR: "#8c8c8c"}


def _template_text() -> str:
    return resources.files("threadguard.resources").joinpath(TEMPLATE).read_text("utf-8")


def _charts(data: ReportData) -> dict[str, Any]:
    periods = [r.label for r in data.over_time]
    total = data.totals.comments or 1
    return {
        "decisions": share_bar([(k, v, COLORS[k]) for k, v in data.decisions.items()]),
        "over_time": line_chart(
            periods,
            [
                Series("hostile share", "#c0392b", [r.hostile_share for r in data.over_time]),
                Series("held or rejected", "#e0a526", [r.held_share for r in data.over_time]),
            ],
        ),
        "volume": bar_chart(
            [(r.label, r.comments, f"{r.comments:,}") for r in data.over_time], "#5b7db1"
        ),
        # sized by the count they are sorted by; "held" is held or rejected, said in full
        "articles": bar_chart(
            [
                (
                    r.label,
                    r.held,
                    f"{r.held:,} of {r.comments:,} held or rejected ({r.held_share:.0%})",
                )
                for r in data.articles
            ],
            "#e0a526",
        ),
        "attributes": bar_chart(
            [(a.label, a.hostile / total, f"{a.hostile:,} comments") for a in data.attributes],
            "#c0392b",
        ),
        "groups": bar_chart(
            [(g.label, g.comments, f"{g.comments:,} comments") for g in data.groups[:15]],
            "#8e44ad",
        ),
    }


def render_report(data: ReportData) -> str:
    """The whole HTML page."""
    env = Environment(
        autoescape=select_autoescape(default=True, default_for_string=True),
        finalize=balance_bidi,  # a commenter's U+202E must not reverse the page after it
    )
    # every score rounded down, as the reasons and the thread signals on the same page show
    # theirs (shown_score): a comment read "hostility 0.94" in its tree and "toxicity
    # 0.93" in its reasons, its score being 0.9399
    env.filters["score"] = shown_score
    template = env.from_string(_template_text())
    return template.render(
        data=data,
        charts=_charts(data),
        attributes=ATTRIBUTES,
        colors=COLORS,
        manifest=data.manifest,
        harm=", ".join(a.replace("_", " ") for a in HARM_ATTRIBUTES),
    )
