"""The cards' new parts in Chromium: a long comment folded with its highlight shown and
unfolded by "Show all", and a comment in an unsupported language without bars; every
control labelled, every text legible, no CSP violation."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from dashboard_support import (
    accessible,
    add_user,
    held,
    need_browser,
    serving,
    shot,
    sign_in,
    span_of,
    watched_page,
)

from threadguard.storage import Store
from threadguard.storage.records import ArticleRef

VIEWPORT = {"width": 1280, "height": 800}
LONG = ("The council met again on Tuesday to discuss the budget. " * 80) + (
    "Anyone who votes for this is a fucking idiot."
)

#: A long severe comment: blurred, folded, its threat in the passage above the fold.
THREAT = ("This is a calm sentence about the council. " * 40) + (
    "I will kill you and your family tonight."
)


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    need_browser()
    data = tmp_path_factory.mktemp("cards")
    store = Store.open(None, data)
    store.record_many(
        site="edge",
        source="native",
        article=ArticleRef("edge", "Edge cases"),
        comments=[
            held(LONG, "e1", "rambler", spans=(span_of(LONG, "fucking idiot", "insult"),)),
            held(
                "אתה אידיוט מטומטם",
                "e2",
                "rtl",
                reasons=("language he is not supported",),
                position=1,
            ),
            held(
                THREAT,
                "e3",
                "menace",
                spans=(span_of(THREAT, "kill you", "threat"),),
                position=2,
                threat=0.95,
                severe_toxicity=0.9,
            ),
        ],
    )
    store.close()
    add_user(data, "alice")
    with serving(data) as url:
        yield url


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    with watched_page(browser, VIEWPORT) as page:
        yield page


def test_a_long_comment_is_folded_and_unfolds(base: str, page: Any) -> None:
    sign_in(page, base, "alice")
    card = page.locator("#queue .item", has=page.locator(".author", has_text="rambler")).first
    text = card.locator("p.text")
    folded = text.bounding_box()["height"]
    assert folded < 300, folded  # a 4,500-character card was 1,150 px high
    passage = card.locator(".passage")
    assert passage.is_visible() and "fucking idiot" in passage.inner_text()
    accessible(page)
    shot(page, "long_card")
    card.get_by_role("button", name="Show all (4525 characters)").click()
    assert text.bounding_box()["height"] > folded * 2
    assert card.locator("button.unfold").get_attribute("aria-expanded") == "true"
    card.get_by_role("button", name="Fold").click()
    assert text.bounding_box()["height"] == folded
    hebrew = page.locator("#queue .item", has=page.locator(".author", has_text="rtl")).first
    assert hebrew.locator("meter").count() == 0
    assert "Not scored in its language" in hebrew.locator(".unscored").inner_text()


def test_a_blurred_long_comments_passage_is_blurred_until_revealed(base: str, page: Any) -> None:
    """The passage sat outside the blurred text: a severe comment's threat was shown in
    clear above the blurred card (review 35b)."""
    sign_in(page, base, "alice")
    card = page.locator("#queue .item", has=page.locator(".author", has_text="menace")).first
    passage = card.locator(".passage")
    assert "kill you" in passage.inner_text()
    blur = "el => getComputedStyle(el).filter"
    assert passage.evaluate(blur) == "blur(6px)"
    assert card.locator("p.text").evaluate(blur) == "blur(6px)"
    card.get_by_role("button", name="Show severe comment").click()
    assert passage.evaluate(blur) == "none"
    assert card.locator("p.text").evaluate(blur) == "none"
