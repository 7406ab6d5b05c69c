"""``/stats`` over the app in-process: totals, charts with their tables, periods, sites."""

from __future__ import annotations

import re

from pages_support import app, argument, scored, signed_in, site_policy_spy, store_thread
from service_support import Service

from threadguard.analysis import Target
from threadguard.storage import Actor

__all__ = ["app"]


def test_the_stats_page_shows_every_figure(app: Service) -> None:
    ids = argument(app.store)
    store_thread(app.store, [scored("hi", "o1", "zed")], site="other", article="b1")
    mod = Actor("mia", "moderator")
    app.store.moderate(ids[2], "reject", mod)  # held: agrees
    app.store.moderate(ids[5], "approve", mod)  # held: overturned
    app.store.moderate(ids[0], "note", mod, note="watch this thread")
    with signed_in(app, "mia", "moderator") as mia:
        page = mia.get("/stats", params={"site": "news"})
    assert page.status_code == 200
    html = page.text
    assert "<h1>Stats for news</h1>" in html
    start = html.index('class="totals"')
    totals = re.sub(r"\s+", " ", html[start : html.index("</ul>", start)])
    assert "<strong>7</strong> comments" in totals
    assert "<strong>57.1%</strong> held (4)" in totals  # c3, c5, c6, c7
    assert "<strong>14.3%</strong> rejected (1)" in totals
    assert "<strong>3</strong> moderator actions" in totals
    for title in (
        "Comments per day",
        "Held and rejected rate",
        "Attribute mix over time",
        "Most targeted groups",
        "Most active offenders",
        "Moderator throughput",
        "Agreement with the model",
    ):
        assert title in html
    assert html.count("<svg") == 8 and html.count("role='img'") == 8
    assert "aria-label='Agreement with the model" in html
    assert "nationality migration" in html  # the targeted group's table
    assert re.search(
        r">troll42</a></th><td>news</td><td class=\"n\">2</td><td class=\"n\">1</td>", html
    )
    assert "50.0%" in html  # mia: 1 of 2 verdicts agree
    assert 'aria-current="page">Stats' in html


def test_the_moderators_verdicts_and_the_statuses_now_are_shown_beside_the_policys(
    app: Service,
) -> None:
    """A desk's editor read "rejected 0" after moderators had rejected 18 comments: the
    page counted the policy's decisions alone. Now it gives the moderators' verdicts and
    where the comments stand beside them, each labelled."""
    ids = argument(app.store)  # the policy: c1, c2 approved; c3, c5, c6, c7 held; c4 rejected
    mod = Actor("mia", "moderator")
    app.store.moderate(ids[2], "reject", mod)  # held, rejected
    app.store.moderate(ids[0], "reject", mod)  # approved by the policy, rejected
    app.store.moderate(ids[5], "approve", mod)  # held, approved
    with signed_in(app, "mia", "moderator") as mia:
        html = mia.get("/stats", params={"site": "news"}).text
    start = html.index('class="totals"')
    totals = re.sub(r"\s+", " ", html[start : html.index("</ul>", start)])
    assert "The policy: <strong>57.1%</strong> held (4), <strong>14.3%</strong> rejected (1)" in (
        totals
    )
    assert "Moderators: <strong>2</strong> rejected, <strong>1</strong> approved" in totals
    assert (
        "Now: <strong>2</strong> waiting for a moderator, <strong>3</strong> rejected, "
        "<strong>2</strong> published" in totals
    )
    assert "Where they stand now, moderators&#39; verdicts included" in html
    assert "aria-label='Comments per day as they stand now" in html
    # the day's row: 7 comments; the policy held 4 and rejected 1; moderators approved 1
    # and rejected 2; 2 wait, 3 are rejected now
    cells = [
        f'<td class="n">{n}</td>' for n in ("7", "4", "1", "57.1%", "14.3%", "1", "2", "2", "3")
    ]
    assert "".join(cells) in html
    assert '<th scope="col" class="n">Rejected by moderators</th>' in html


def test_periods_and_sites_filter_and_nonsense_falls_back(app: Service) -> None:
    argument(app.store)
    store_thread(
        app.store,
        [scored("x", "o1", "zed", "hold", targets=(Target("religion", 0.9),), toxicity=0.8)],
        site="other",
        article="b1",
    )
    with signed_in(app, "mia", "moderator") as mia:
        everywhere = mia.get("/stats").text
        assert "<strong>8</strong> comments" in everywhere
        assert "last 30 days</option>" in everywhere
        week = mia.get("/stats", params={"days": "7", "site": "other"}).text
        assert "<strong>1</strong> comments" in week
        assert '<option value="7" selected>' in week
        assert '<option value="30" selected>' in mia.get("/stats?days=12").text
        assert "No moderator acted in this period." in week
        nowhere = mia.get("/stats", params={"site": "nowhere"})
        assert nowhere.status_code == 404 and "No such site" in nowhere.text
    assert app.client.get("/stats", follow_redirects=False).status_code == 303


def test_ten_thousand_comments_are_counted_in_sql(app: Service) -> None:
    per_thread = 100
    for t in range(100):
        store_thread(
            app.store,
            [
                scored(
                    f"comment {t}-{i}",
                    f"m{t}-{i}",
                    f"author{i % 300}",
                    "hold" if i % 4 == 0 else "approve",
                    position=i,
                    targets=(Target("religion", 0.8),) if i % 10 == 0 else (),
                    toxicity=0.75 if i % 4 == 0 else 0.1,
                )
                for i in range(per_thread)
            ],
            site="big",
            article=f"a{t}",
        )
    with signed_in(app, "mia", "moderator") as mia:
        html = mia.get("/stats", params={"site": "big"}).text
    assert "<strong>10,000</strong> comments" in html
    assert "<strong>25.0%</strong> held (2,500)" in html
    assert re.search(r"religion</th><td class=\"n\">1,000</td><td class=\"n\">500</td>", html)


def test_only_stored_sites_policies_are_asked_for(app: Service) -> None:
    """The state caches every site it is asked about: a query naming new sites must not
    grow that cache."""
    argument(app.store)
    asked = site_policy_spy(app)
    with signed_in(app, "mia", "moderator") as mia:
        for n in range(5):
            assert mia.get("/stats", params={"site": f"made-up-{n}"}).status_code == 404
        assert mia.get("/stats", params={"site": "news"}).status_code == 200
    assert asked == ["news"]
