"""The dashboard in a real browser: Debian's Chromium, headless, through Playwright,
against a real ``threadguard serve`` over SQLite.

One server for the module: two moderators (alice, bob) and an admin (ada), and a thread
with held comments (replies, a severe one, spans and targets). The tests run in order
(each works on comments the ones before left alone) and save a screenshot of each page
(``make screenshots`` writes them to ``docs/dashboard/``).
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
    seed_thread,
    serving,
    shot,
    sign_in,
    wait_until,
    watched_page,
)

from threadguard.storage import Store

VIEWPORT = {"width": 1280, "height": 800}


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    need_browser()
    data = tmp_path_factory.mktemp("dashboard")
    store = Store.open(None, data)
    seed_thread(store)
    store.close()
    for name, role in (("alice", "moderator"), ("bob", "moderator"), ("ada", "admin")):
        add_user(data, name, role)
    with serving(data) as url:
        yield url


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    # No CSP violation, no script error, nothing missing (a refused sign-in 401 is meant).
    with watched_page(browser, VIEWPORT, expected="status of 401") as page:
        yield page


def focused_id(page: Any) -> str | None:
    return page.evaluate("document.activeElement && document.activeElement.dataset.id || null")


def item(page: Any, author: str) -> Any:
    return page.locator("#queue .item", has=page.locator(".author", has_text=author)).first


def test_signed_out_root_goes_to_the_sign_in_form_and_a_wrong_password_is_refused(
    base: str, page: Any
) -> None:
    page.goto(f"{base}/")
    assert page.url == f"{base}/login"
    assert page.locator("input[name=username]").count() == 1
    assert page.locator("input[name=password]").count() == 1
    accessible(page)
    shot(page, "login")
    page.get_by_label("User name").fill("alice")
    page.get_by_label("Password").fill("not the password")
    page.get_by_label("Password").press("Enter")
    assert "Wrong user name or password" in page.locator("[role=alert]").inner_text()
    assert page.url.startswith(f"{base}/login")


def test_sign_in_shows_the_held_queue_with_titles_highlights_and_history(
    base: str, page: Any
) -> None:
    sign_in(page, base, "alice")
    assert page.locator("h1").inner_text() == "Moderation queue"
    assert page.locator("#remaining").inner_text().startswith("7 held comments left")
    first = item(page, "troll42")
    assert "The council's new housing plan, explained" in first.inner_text()
    assert first.locator("mark.hl-insult").inner_text() == "idiot"
    assert "In reply to ann" in first.inner_text()
    assert "2 comments" in first.locator(".history").inner_text()  # troll42 wrote two
    vermin = item(page, "hater")
    assert vermin.locator(".comment.blurred").count() == 1  # severe: blurred by default
    assert "nationality migration" in vermin.inner_text()
    # The cookie is the server's session: HttpOnly, SameSite=Strict.
    [cookie] = [c for c in page.context.cookies() if c["name"] == "tg_session"]
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"
    accessible(page)
    shot(page, "queue")


def test_keyboard_moves_approves_rejects_and_undoes(base: str, page: Any) -> None:
    sign_in(page, base, "alice")
    ids = page.locator("#queue .item").evaluate_all("els => els.map(e => e.dataset.id)")
    assert focused_id(page) == ids[0]
    for key in "jjjjkj":
        page.keyboard.press(key)
    assert focused_id(page) == ids[4]
    page.keyboard.press("a")  # approve; focus moves on to the next held comment
    expect = need_browser().expect
    expect(page.locator(f"#item-{ids[4]} .status")).to_have_text(re.compile("approved by alice"))
    expect(page.locator("#remaining")).to_contain_text("6 held comments left")
    wait_until(page, f"document.activeElement.dataset.id === '{ids[5]}'")
    page.keyboard.press("r")
    expect(page.locator(f"#item-{ids[5]} .status")).to_have_text(re.compile("rejected by alice"))
    expect(page.locator("#remaining")).to_contain_text("5 held comments left")
    wait_until(page, f"document.activeElement.dataset.id === '{ids[6]}'")
    page.keyboard.press("u")  # undo the reject
    expect(page.locator(f"#item-{ids[5]} .status")).to_have_text("held")
    expect(page.locator(f"#item-{ids[5]} .message")).to_contain_text("reject was undone")
    expect(page.locator("#remaining")).to_contain_text("6 held comments left")
    # The focused item is always on screen, however far down.
    for _ in range(len(ids)):
        page.keyboard.press("j")
    assert page.evaluate(
        "(() => { const r = document.activeElement.getBoundingClientRect();"
        " return r.top >= 0 && r.top < innerHeight; })()"
    )
    page.keyboard.press("?")
    expect(page.locator("#help-dialog")).to_be_visible()
    shot(page, "help")
    page.keyboard.press("Escape")
    expect(page.locator("#help-dialog")).to_be_hidden()


def test_ban_an_author_for_a_week_from_the_dialog(base: str, page: Any) -> None:
    sign_in(page, base, "alice")
    target = item(page, "grumpy")
    target.click(position={"x": 5, "y": 5})
    page.keyboard.press("b")
    dialog = page.locator("#ban-dialog")
    expect = need_browser().expect
    expect(dialog).to_be_visible()
    expect(dialog.locator(".ban-author")).to_have_text("grumpy")
    dialog.get_by_label("Reason").fill("Repeated insults")
    shot(page, "ban")
    dialog.get_by_role("button", name="Ban author").click()
    expect(dialog).to_be_hidden()
    expect(target.locator(".message")).to_contain_text("Author banned until")
    expect(target.locator(".history")).to_contain_text("suspended until")
    expect(target.locator(".notes")).to_contain_text("Repeated insults")


def test_two_moderators_race_on_one_comment_and_exactly_one_wins(base: str, browser: Any) -> None:
    pages = []
    for name in ("alice", "bob"):
        context = browser.new_context(viewport=VIEWPORT)
        p = context.new_page()
        sign_in(p, base, name)
        pages.append(p)
    alice, bob = pages
    expect = need_browser().expect
    a_item, b_item = item(alice, "renter"), item(bob, "renter")
    # Both click at once; the store lets one verdict through.
    a_item.get_by_role("button", name="Approve").click(no_wait_after=True)
    b_item.get_by_role("button", name="Reject").click(no_wait_after=True)
    expect(a_item.locator(".status")).not_to_have_text("held")
    expect(b_item.locator(".status")).not_to_have_text("held")
    statuses = {a_item.locator(".status").inner_text(), b_item.locator(".status").inner_text()}
    assert len(statuses) == 1, statuses  # both now show the one verdict that stands
    [status] = statuses
    loser = b_item if "alice" in status else a_item
    expect(loser.locator(".message")).to_contain_text("already")
    for p in pages:
        assert p.locator("h1").inner_text() == "Moderation queue"  # never an error page
        p.context.close()


def test_reader_care_settings_blur_and_mask(base: str, page: Any) -> None:
    sign_in(page, base, "bob")
    vermin = item(page, "hater")
    expect = need_browser().expect
    expect(vermin.locator(".comment.blurred")).to_have_count(1)
    vermin.get_by_role("button", name="Show severe comment").click()
    expect(vermin.locator(".comment.blurred")).to_have_count(0)
    page.get_by_label("Blur severe comments until clicked").uncheck()
    page.get_by_label("Mask slurs and swear words").check()
    page.get_by_role("button", name="Save", exact=True).click()
    vermin = item(page, "hater")
    expect(vermin.locator(".comment.blurred")).to_have_count(0)
    expect(vermin.locator("mark.hl-identity_attack")).to_have_text("v•••••")


def test_the_queue_reflows_at_200_percent_zoom(base: str, browser: Any) -> None:
    # 200% zoom of a 1280-pixel window: a 640-pixel CSS viewport at twice the density.
    context = browser.new_context(viewport={"width": 640, "height": 400}, device_scale_factor=2)
    page = context.new_page()
    sign_in(page, base, "alice")
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.classList.contains('item')")
    context.close()


def test_sign_out_ends_the_session(base: str, page: Any) -> None:
    sign_in(page, base, "ada")
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(f"{base}/login")
    page.goto(f"{base}/")
    assert page.url == f"{base}/login"


def test_a_key_acts_on_the_item_the_focus_was_tabbed_into(base: str, page: Any) -> None:
    """Tab moves the focus without a click or j/k: the keys must follow it. Pressing
    ``a`` with the focus on the third item's button approved the first item."""
    sign_in(page, base, "bob")
    ids = page.locator("#queue .item").evaluate_all("els => els.map(e => e.dataset.id)")
    assert len(ids) >= 3 and focused_id(page) == ids[0]
    page.locator(f"#item-{ids[2]} button").first.focus()
    page.keyboard.press("a")
    expect = need_browser().expect
    expect(page.locator(f"#item-{ids[2]} .status")).to_have_text(re.compile("approved by bob"))
    expect(page.locator(f"#item-{ids[0]} .status")).to_have_text("held")
    assert page.locator("#queue .item.current").count() == 1


def test_bulk_actions_say_what_they_did(base: str, page: Any) -> None:
    """Bulk actions changed only the counter, and with nothing selected the page
    reloaded silently."""
    sign_in(page, base, "alice")
    expect = need_browser().expect
    page.get_by_role("button", name="Approve selected").click()
    expect(page.locator("#flash")).to_contain_text("Select comments first")
    open_ids = page.locator("#queue .item:not(.resolved)").evaluate_all(
        "els => els.map(e => e.dataset.id)"
    )
    held_tab = page.locator("#tabs a", has_text="Held").locator(".count")
    held_before = int(held_tab.inner_text())
    for comment in open_ids[:2]:
        page.locator(f"#sel-{comment}").check()
    page.get_by_role("button", name="Reject selected").click()
    expect(page.locator("#flash")).to_contain_text("Rejected 2 of 2 selected comments.")
    for comment in open_ids[:2]:
        expect(page.locator(f"#item-{comment} .status")).to_have_text(
            re.compile("rejected by alice")
        )
    # the tabs' counts move with it (they stayed as loaded), and u undoes the whole batch
    # (it did nothing after a bulk action)
    expect(held_tab).to_have_text(str(held_before - 2))
    expect(page.locator("#undo-bar")).to_contain_text("Rejected 2 comments.")
    page.keyboard.press("u")
    expect(page.locator("#flash")).to_contain_text("Undid 2 verdicts of the bulk action.")
    for comment in open_ids[:2]:
        expect(page.locator(f"#item-{comment} .status")).to_have_text("held")
    expect(held_tab).to_have_text(str(held_before))


def test_no_action_applies_an_inline_style(base: str, browser: Any) -> None:
    """Every action logged "Applying inline style violates ... 'style-src 'self''": htmx's
    settle copied the style attribute of the element it replaced (one a browser extension
    or a resized text box gives it) onto the new one. The page's own violation events are
    counted (the test fails on them, not only on console messages)."""
    context = browser.new_context(viewport=VIEWPORT)
    context.add_init_script(
        "window.__violations = [];"
        "document.addEventListener('securitypolicyviolation',"
        " (e) => window.__violations.push(e.violatedDirective + ' ' + e.sourceFile));"
    )
    page = context.new_page()
    sign_in(page, base, "bob")
    # a style attribute as an extension or a resized text box leaves (blocked from
    # applying, but present), and one set through the CSSOM, which the CSP allows
    page.evaluate(
        "document.querySelectorAll('#queue .item, #queue .item [id], #remaining, #undo-bar')"
        ".forEach((e) => e.style.outline = '1px solid red')"
    )
    assert page.evaluate("window.__violations.splice(0)") == []
    ids = page.locator("#queue .item:not(.resolved)").evaluate_all(
        "els => els.map(e => e.dataset.id)"
    )
    page.locator(f"#item-{ids[0]} button.approve").click()
    expect = need_browser().expect
    expect(page.locator(f"#item-{ids[0]} .status")).to_have_text(re.compile("approved by bob"))
    page.keyboard.press("u")
    expect(page.locator(f"#item-{ids[0]} .status")).to_have_text("held")
    page.wait_for_timeout(300)  # htmx settles 20 ms after the swap
    assert page.evaluate("window.__violations") == []
    context.close()
