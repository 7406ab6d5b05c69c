"""The stats page's logic: the store's aggregates over a period, as charts and tables.

The store groups and counts in SQL (:mod:`threadguard.storage.repositories.stats`);
this module only fills the days that had nothing, turns counts into rates and draws
the charts, server-side, as inline SVG (:mod:`threadguard.report.charts`, the batch
report's charts), so the page needs no script and nothing from the network. Every chart
is given beside a table of its figures, for screen readers and for exact numbers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, timedelta

from markupsafe import Markup

from threadguard.dashboard.names import plain_name
from threadguard.moderation import Policy
from threadguard.report.charts import Series, bar_chart, column_chart, line_chart
from threadguard.schema import ATTRIBUTE_LABELS, ATTRIBUTES
from threadguard.shares import share_of
from threadguard.storage.records import (
    DayActions,
    DayAttributes,
    DayDecisions,
    ModelAgreement,
    PeriodStats,
)

#: The periods the page offers, in days.
PERIODS = (7, 30, 90)
DEFAULT_PERIOD = 30
#: Colours: decisions as in the batch report, attributes and moderators from a palette
#: that stays apart for the common kinds of colour blindness (Okabe-Ito).
COLORS = {"approve": "#2e8b57", "hold": "#b7791f", "reject": "#c0392b"}
PALETTE = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#56b4e9", "#8a6d00", "#000000")
ATTRIBUTE_COLORS = dict(zip(ATTRIBUTES, PALETTE, strict=True))
#: Moderators drawn one by one in the throughput chart; the rest are summed as "others".
MAX_MODERATORS = len(PALETTE) - 1


def period_of(text: str | None) -> int:
    """The period asked for (days), one of :data:`PERIODS`."""
    try:
        days = int(text or "")
    except ValueError:
        return DEFAULT_PERIOD
    return days if days in PERIODS else DEFAULT_PERIOD


def period_days(days: int, now: datetime) -> tuple[datetime, list[str]]:
    """The start of a period of ``days`` days ending today (UTC), and its days."""
    today = now.astimezone(UTC).date()
    first = today - timedelta(days=days - 1)
    since = datetime(first.year, first.month, first.day, tzinfo=UTC)
    return since, [(first + timedelta(days=i)).isoformat() for i in range(days)]


def review_levels(policy: Policy) -> dict[str, float]:
    """The score of each attribute from which it needs a moderator's eye, under ``policy``."""
    return {a: policy.review_level(a) for a in ATTRIBUTES}


def _short(day: str) -> str:
    """``2026-03-01`` as the axis shows it: ``Mar 1``."""
    d = date.fromisoformat(day)
    return f"{d:%b} {d.day}"


@dataclass(frozen=True)
class AttributeRow:
    """An attribute over the period: comments reaching its review level, and the share."""

    attribute: str
    label: str
    level: float
    comments: int
    share: float


@dataclass(frozen=True)
class ModeratorRow(ModelAgreement):
    """A moderator over the period: their verdicts against the model (``share``: the
    agreement), their actions and the actions per active day."""

    actions: int
    active_days: int

    @property
    def per_day(self) -> float:
        return share_of(self.actions, self.active_days)


@dataclass(frozen=True)
class StatsView:
    """Everything the stats page shows."""

    days: int
    site: str | None
    first_day: str
    last_day: str
    rows: list[DayDecisions]
    attributes: list[AttributeRow]
    #: The store's figures over the period (the page lists its groups and offenders).
    figures: PeriodStats
    moderators: list[ModeratorRow]
    charts: dict[str, Markup]

    @property
    def total(self) -> DayDecisions:
        """The whole period as one row: its comments, the policy's holds and rejections
        (and their rates), the moderators' verdicts and the statuses now."""
        return DayDecisions(
            "",
            sum(r.comments for r in self.rows),
            sum(r.held for r in self.rows),
            sum(r.rejected for r in self.rows),
            sum(r.moderator_approved for r in self.rows),
            sum(r.moderator_rejected for r in self.rows),
            sum(r.waiting for r in self.rows),
            sum(r.rejected_now for r in self.rows),
        )

    @property
    def active_rows(self) -> list[DayDecisions]:
        """The days that had comments (the table leaves out empty days)."""
        return [r for r in self.rows if r.comments]


def stats_view(
    *,
    days: int,
    site: str | None,
    day_list: Sequence[str],
    levels: Mapping[str, float],
    figures: PeriodStats,
) -> StatsView:
    """The page's view of the store's aggregates over ``day_list``."""
    by_day = {d.day: d for d in figures.decisions}
    rows = [by_day.get(day, DayDecisions(day, 0, 0, 0)) for day in day_list]
    periods = [_short(d) for d in day_list]
    attr_by_day = {d.day: d for d in figures.attributes}
    scored = sum(d.comments for d in figures.attributes)
    attribute_rows = [
        AttributeRow(
            a,
            ATTRIBUTE_LABELS[a],
            float(levels[a]),
            total := sum(d.reached.get(a, 0) for d in figures.attributes),
            share_of(total, scored),
        )
        for a in ATTRIBUTES
        if a in levels
    ]
    moderators = _moderators(figures.actions, figures.agreement)
    charts = {
        "volume": column_chart(
            periods,
            [
                Series(
                    "approved", COLORS["approve"], [r.comments - r.held - r.rejected for r in rows]
                ),
                Series("held", COLORS["hold"], [r.held for r in rows]),
                Series("rejected", COLORS["reject"], [r.rejected for r in rows]),
            ],
            label="Comments per day as the policy decided them: approved, held and rejected",
        ),
        "outcomes": column_chart(
            periods,
            [
                Series("published", COLORS["approve"], [r.published for r in rows]),
                Series("waiting", COLORS["hold"], [r.waiting for r in rows]),
                Series("rejected", COLORS["reject"], [r.rejected_now for r in rows]),
            ],
            label="Comments per day as they stand now, moderators' verdicts included: "
            "published, waiting for a moderator and rejected",
        ),
        "rates": line_chart(
            periods,
            [
                Series("held", COLORS["hold"], [r.held_rate for r in rows]),
                Series("rejected", COLORS["reject"], [r.rejected_rate for r in rows]),
            ],
            label="Share of each day's comments held and rejected",
        ),
        "attributes": line_chart(
            periods,
            [
                Series(
                    ATTRIBUTE_LABELS[a.attribute],
                    ATTRIBUTE_COLORS[a.attribute],
                    [_reached(attr_by_day.get(day), a.attribute) for day in day_list],
                )
                for a in attribute_rows
            ],
            label="Share of each day's comments reaching each attribute's review level",
        ),
        "groups": bar_chart(
            [
                (g.group.replace("_", " "), g.comments, f"{g.comments:,} ({g.flagged:,} flagged)")
                for g in figures.groups
            ],
            "#6a3d9a",
            label="Most targeted groups: comments naming each",
        ),
        "offenders": bar_chart(
            [
                # a name's bidi controls and invisible characters as code points, and a
                # look-alike's warning: the chart's label and tooltip are plain text; over
                # every site, with the site ("truthseeker88" three times, one a site)
                (
                    _offender_label(o.author, o.site, all_sites=site is None),
                    o.flagged,
                    f"{o.held:,} held, {o.rejected:,} rejected",
                )
                for o in figures.offenders
            ],
            COLORS["reject"],
            label="Most active offenders: comments held or rejected",
        ),
        "throughput": column_chart(
            periods,
            _throughput_series(figures.actions, day_list, [m.moderator for m in moderators]),
            label="Moderator actions per day, per moderator",
        ),
        "agreement": bar_chart(
            [
                (m.moderator, m.share, f"{m.share:.0%} of {m.verdicts:,}")
                for m in moderators
                if m.verdicts
            ],
            "#0072b2",
            1.0,
            label="Agreement with the model: share of each moderator's verdicts that match it",
        ),
    }
    return StatsView(
        days=days,
        site=site,
        first_day=day_list[0] if day_list else "",
        last_day=day_list[-1] if day_list else "",
        rows=rows,
        attributes=attribute_rows,
        figures=figures,
        moderators=moderators,
        charts=charts,
    )


def _reached(day: DayAttributes | None, attribute: str) -> float:
    """The share of a day's scored comments reaching an attribute's level (0: no day)."""
    return share_of(day.reached.get(attribute, 0), day.comments) if day else 0.0


def _moderators(
    actions: Sequence[DayActions], agreement: Sequence[ModelAgreement]
) -> list[ModeratorRow]:
    """One row per moderator who acted or gave a verdict, most actions first."""
    counts: dict[str, int] = {}
    active: dict[str, int] = {}
    for a in actions:
        counts[a.moderator] = counts.get(a.moderator, 0) + a.actions
        active[a.moderator] = active.get(a.moderator, 0) + 1
    agreed = {a.moderator: a for a in agreement}
    names = sorted(set(counts) | set(agreed), key=lambda m: (-counts.get(m, 0), m))
    rows = []
    for m in names:
        verdicts = agreed.get(m, ModelAgreement(m, 0, 0, 0, 0))
        rows.append(
            ModeratorRow(**asdict(verdicts), actions=counts.get(m, 0), active_days=active.get(m, 0))
        )
    return rows


def _throughput_series(
    actions: Sequence[DayActions], day_list: Sequence[str], ranked: Sequence[str]
) -> list[Series]:
    """One stacked series per busiest moderator, the rest as "others"."""
    shown = list(ranked[:MAX_MODERATORS])
    per: dict[str, dict[str, int]] = {}
    for a in actions:
        name = a.moderator if a.moderator in shown else "others"
        per.setdefault(name, {})
        per[name][a.day] = per[name].get(a.day, 0) + a.actions
    names = [m for m in shown if m in per] + (["others"] if "others" in per else [])
    return [
        Series(name, PALETTE[i % len(PALETTE)], [per[name].get(d, 0) for d in day_list])
        for i, name in enumerate(names)
    ]


def _offender_label(author: str, site: str, *, all_sites: bool) -> str:
    """An offender's name on the chart, with the site when the page covers every site."""
    name = plain_name(author)
    return f"{name} ({site})" if all_sites else name
