"""The thread, policy and stats pages in a real browser: Debian's Chromium, headless,
through Playwright, against a real ``threadguard serve`` over SQLite.

One server for the module: a moderator (mia) and an admin (ada), and a thread with an
argument, a pile-on and a repeat offender. The tests edit the policy with its preview,
open the thread and the stats, check labels, focus order, contrast and 200% zoom, and
save a screenshot of each page (``make screenshots`` writes them to ``docs/dashboard/``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from dashboard_support import (
    accessible,
    add_user,
    need_browser,
    serving,
    shot,
    sign_in,
    watched_page,
)
from pages_support import argument

from threadguard.storage import Actor, Store

VIEWPORT = {"width": 1280, "height": 900}


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    need_browser()
    data = tmp_path_factory.mktemp("pages")
    store = Store.open(None, data)
    ids = argument(store)
    mod = Actor("mia", "moderator")
    store.moderate(ids[2], "reject", mod)
    store.moderate(ids[5], "approve", mod)
    store.close()
    for name, role in (("mia", "moderator"), ("ada", "admin")):
        add_user(data, name, role)
    with serving(data) as url:
        yield url


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    # No CSP violation, no script error, nothing missing (the moderator's 403 is meant).
    with watched_page(browser, VIEWPORT, expected="status of 403") as page:
        yield page


def test_edit_the_policy_with_its_preview(base: str, page: Any) -> None:
    sign_in(page, base, "ada")
    page.get_by_role("link", name="Policy").click()
    page.wait_for_url(re.compile(r"/policy"))
    assert page.get_by_role("heading", level=1).inner_text() == "Policy of news"
    accessible(page)
    # A draft the parser refuses: its message, naming the key, in place.
    page.get_by_label("Insult: hold at", exact=True).fill("0.99")
    page.get_by_role("button", name="Preview").click()
    alert = page.locator("#preview [role=alert]")
    alert.wait_for()
    assert "thresholds.insult: hold 0.99 is above reject 0.95" in alert.inner_text()
    # A good draft: hold anything a little toxic, and block a word.
    page.get_by_label("Insult: hold at", exact=True).fill("0.7")
    page.get_by_label("Toxicity: hold at", exact=True).fill("0.1")
    page.get_by_label(re.compile(r"^Block")).fill("fine")
    page.get_by_role("button", name="Preview").click()
    summary = page.locator("#preview .preview-summary")
    summary.wait_for()
    assert "2 of the last 7 comments" in summary.inner_text()
    transitions = page.locator("#preview .transitions").inner_text()
    assert "approve → reject: 1" in transitions and "approve → hold: 1" in transitions
    examples = page.locator("#preview").inner_text()
    assert "It is a bad plan, frankly." in examples and "I think the plan is fine." in examples
    accessible(page)
    shot(page, "policy", full_page=True)
    # Nothing is saved by a preview; saving makes version 1, and the page says so.
    page.get_by_role("button", name="Save as version 1").click()
    page.wait_for_url(re.compile(r"saved=1"))
    assert page.get_by_role("status").first.inner_text() == "Saved as version 1."
    assert page.get_by_label("Toxicity: hold at", exact=True).input_value() == "0.1"
    # Restoring: save a second version, then bring the first back as the third.
    page.get_by_label("Toxicity: hold at", exact=True).fill("0.2")
    page.get_by_role("button", name="Save as version 2").click()
    page.wait_for_url(re.compile(r"saved=2"))
    page.get_by_role("button", name="Restore version 1").click()
    page.wait_for_url(re.compile(r"restored=3"))
    assert page.get_by_label("Toxicity: hold at", exact=True).input_value() == "0.1"
    assert "restored from version 1" in page.locator(".history").inner_text()


def test_the_policy_form_is_in_reading_order_for_the_keyboard(base: str, page: Any) -> None:
    sign_in(page, base, "ada")
    page.goto(f"{base}/policy?site=news")
    page.get_by_label("Toxicity: hold at", exact=True).focus()
    order = []
    for _ in range(5):
        page.keyboard.press("Tab")
        order.append(page.evaluate("document.activeElement.id"))
    assert order == [
        "reject_toxicity",
        "hold_severe_toxicity",
        "reject_severe_toxicity",
        "hold_identity_attack",
        "reject_identity_attack",
    ]
    # The focused control is visibly outlined.
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"


def test_moderators_get_a_not_allowed_page(base: str, page: Any) -> None:
    sign_in(page, base, "mia")
    answer = page.goto(f"{base}/policy")
    assert answer is not None and answer.status == 403
    assert "This page is for admins." in page.locator("main").inner_text()


def test_the_thread_from_the_list_with_its_signals(base: str, page: Any) -> None:
    sign_in(page, base, "mia")
    page.get_by_role("link", name="Threads").click()
    page.wait_for_url(re.compile(r"/threads$"))
    accessible(page)
    shot(page, "threads", full_page=True)
    page.get_by_role("link", name="The council's new housing plan").click()
    page.wait_for_url(re.compile(r"/threads/\d+$"))
    signals = page.locator(".signals").inner_text()
    assert "Thread signals" in signals and "troll42" in signals
    tree = page.locator(".tree")
    assert tree.locator("article.node").count() == 7
    reply = tree.locator("article.node.indent-3")
    assert "Shut up, you worthless clown" in reply.inner_text()
    assert "moderator: approve by mia" in tree.inner_text()
    accessible(page)
    shot(page, "thread", full_page=True)


def test_the_stats_page_and_its_charts(base: str, page: Any) -> None:
    sign_in(page, base, "mia")
    page.get_by_role("link", name="Stats").click()
    page.wait_for_url(re.compile(r"/stats"))
    assert page.locator("svg[role=img][aria-label]").count() == 8
    assert "7" in page.locator(".totals").inner_text()
    page.get_by_label("Period", exact=True).select_option("7")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url(re.compile(r"days=7"))
    accessible(page)
    shot(page, "stats", full_page=True)


@pytest.mark.parametrize("path", ["/threads", "/policy?site=news", "/stats"])
def test_the_pages_reflow_at_200_percent_zoom(base: str, browser: Any, path: str) -> None:
    # 200% zoom of a 1280-pixel window: a 640-pixel CSS viewport at twice the density.
    context = browser.new_context(viewport={"width": 640, "height": 800}, device_scale_factor=2)
    page = context.new_page()
    sign_in(page, base, "ada")
    page.goto(base + path)
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    if path == "/threads":
        page.get_by_role("link", name="The council's new housing plan").click()
        page.wait_for_url(re.compile(r"/threads/\d+$"))
        assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    context.close()
