"""The queue with 10,000 held comments, in Chromium: it opens, counts them all, and
paints first within a loose bound (the 300 ms target is measured by ``make
bench-dashboard``; a shared CI machine only has to stay far from a regression)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from dashboard_support import add_user, need_browser, seed_many, serving, sign_in, wait_until

from threadguard.storage import Store

HELD = 10_000
#: Ten times the target: only a regression (a full scan per item, say) gets near it.
LOOSE_FIRST_PAINT_MS = 3000


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    need_browser()
    data = tmp_path_factory.mktemp("dashboard-10k")
    store = Store.open(None, data)
    seed_many(store, HELD)
    store.close()
    add_user(data, "alice")
    with serving(data) as url:
        yield url


def test_ten_thousand_held_comments_open_quickly(base: str) -> None:
    sync_api = need_browser()
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        sign_in(page, base, "alice")
        page.goto(f"{base}/", wait_until="load")
        paint = wait_until(
            page,
            "(performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime",
        )
        print(f"\nfirst contentful paint with {HELD} held comments: {paint:.0f} ms")
        assert page.locator("#remaining").inner_text().startswith(f"{HELD} held comments left")
        assert page.locator("#queue .item").count() == 50
        assert "Page 1 of 200" in page.locator(".pager").inner_text()
        assert paint < LOOSE_FIRST_PAINT_MS
        browser.close()
