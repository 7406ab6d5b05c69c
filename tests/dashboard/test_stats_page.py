"""The stats page's logic: periods, empty days filled, rates, moderators and charts."""

from __future__ import annotations

from dataclasses import fields
from datetime import UTC, datetime

from threadguard.dashboard.stats_page import (
    DEFAULT_PERIOD,
    MAX_MODERATORS,
    StatsView,
    period_days,
    period_of,
    review_levels,
    stats_view,
)
from threadguard.moderation import load_policy
from threadguard.storage.records import (
    DayActions,
    DayAttributes,
    DayDecisions,
    GroupCount,
    ModelAgreement,
    OffenderCount,
    PeriodStats,
)

NOW = datetime(2026, 3, 3, 15, 0, tzinfo=UTC)


def test_periods_are_whole_utc_days_ending_today() -> None:
    since, days = period_days(3, NOW)
    assert since == datetime(2026, 3, 1, tzinfo=UTC)
    assert days == ["2026-03-01", "2026-03-02", "2026-03-03"]
    assert period_of("7") == 7 and period_of("90") == 90
    assert period_of("5") == DEFAULT_PERIOD and period_of(None) == DEFAULT_PERIOD
    assert period_of("x") == DEFAULT_PERIOD


def test_review_levels_are_the_policys() -> None:
    policy = load_policy()
    levels = review_levels(policy)
    assert levels["toxicity"] == policy.thresholds["toxicity"].hold
    assert levels["profanity"] == policy.thresholds["profanity"].hold == 0.85


def view(site: str | None = None, **kw: object) -> StatsView:
    """The view of three days with the store's figures given (the others empty)."""
    _, days = period_days(3, NOW)
    figures = {f.name: kw.get(f.name, []) for f in fields(PeriodStats)}
    return stats_view(
        days=3,
        site=site,
        day_list=days,
        levels={"toxicity": 0.7, "threat": 0.45},
        figures=PeriodStats(**figures),  # type: ignore[arg-type]
    )


def test_days_without_comments_are_zero_and_rates_add_up() -> None:
    v = view(
        decisions=[DayDecisions("2026-03-01", 10, 2, 1), DayDecisions("2026-03-03", 5, 0, 5)],
        attributes=[DayAttributes("2026-03-01", 10, {"toxicity": 3})],
    )
    assert [(r.day, r.comments) for r in v.rows] == [
        ("2026-03-01", 10),
        ("2026-03-02", 0),
        ("2026-03-03", 5),
    ]
    assert (v.total.comments, v.total.held, v.total.rejected) == (15, 2, 6)
    assert v.total.rejected_rate == 6 / 15
    assert [r.day for r in v.active_rows] == ["2026-03-01", "2026-03-03"]
    [tox, threat] = v.attributes
    assert (tox.attribute, tox.comments, tox.share, tox.level) == ("toxicity", 3, 0.3, 0.7)
    assert threat.comments == 0
    charts = v.charts
    assert set(charts) == {
        "volume",
        "outcomes",
        "rates",
        "attributes",
        "groups",
        "offenders",
        "throughput",
        "agreement",
    }
    assert (
        "aria-label='Comments per day as the policy decided them: approved, held and rejected'"
        in charts["volume"]
    )
    assert "Mar 1" in charts["volume"] and "Mar 3" in charts["rates"]


def test_moderators_rank_by_actions_with_their_agreement() -> None:
    v = view(
        actions=[
            DayActions("ann", "2026-03-01", 4),
            DayActions("ann", "2026-03-02", 2),
            DayActions("bo", "2026-03-02", 9),
        ],
        agreement=[ModelAgreement("ann", 4, 3, 1, 0), ModelAgreement("cy", 2, 0, 0, 2)],
    )
    rows = v.moderators
    assert [(m.moderator, m.actions, m.active_days, m.verdicts) for m in rows] == [
        ("bo", 9, 1, 0),
        ("ann", 6, 2, 4),
        ("cy", 0, 0, 2),
    ]
    assert rows[1].per_day == 3.0 and rows[1].share == 0.75
    assert "75% of 4" in v.charts["agreement"]


def test_throughput_lumps_the_quietest_moderators_together() -> None:
    names = [f"m{i}" for i in range(MAX_MODERATORS + 3)]
    v = view(actions=[DayActions(n, "2026-03-02", 100 - i) for i, n in enumerate(names)])
    chart = str(v.charts["throughput"])
    assert ">others<" in chart and ">m0<" in chart and ">m9<" not in chart


def test_groups_and_offenders_are_charted_and_labels_escaped() -> None:
    v = view(
        groups=[GroupCount("<religion>", 4, 3)],
        offenders=[OffenderCount("news", "<b>troll</b>", 2, 3, True)],
    )
    charts = v.charts
    assert "&lt;religion&gt;" in charts["groups"] and "<religion>" not in charts["groups"]
    assert "&lt;b&gt;troll" in charts["offenders"] and "2 held, 3 rejected" in charts["offenders"]


def test_the_offenders_chart_names_each_offenders_site_over_every_site() -> None:
    """ "Most active offenders" on All sites listed "truthseeker88" three times with no
    site: only the table below said which site each was."""
    offenders = [OffenderCount(s, "truthseeker88", 2, 1, False) for s in ("north", "valley")]
    every = view(offenders=offenders).charts["offenders"]
    assert "truthseeker88 (north)" in every and "truthseeker88 (valley)" in every
    one = view(offenders=offenders[:1], site="north").charts["offenders"]
    assert "truthseeker88 (north)" not in one and "truthseeker88" in one
