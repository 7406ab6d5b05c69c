"""A comment edited (uploaded again with new text) while a moderator has it open: every
action form carries the hash of the text it showed, and an action on a text edited since
is refused, never applied to words its moderator did not read (a tryout approved a
"roadworks" card whose comment had become a threat)."""

from __future__ import annotations

import html
import json
import re

from dashboard_support import Dashboard, held, hidden_fields, item_ids

from threadguard.storage.records import ArticleRef

EDITED = "edited since you opened it: reload to see the new text"
THREAT = "The mayor is a clown and someone should hang him from the bridge."


def htmx(csrf: str) -> dict[str, str]:
    return {"HX-Request": "true", "X-CSRF-Token": csrf}


def edit(dashboard: Dashboard, external_id: str, author: str, text: str = THREAT) -> None:
    """The site uploads the comment again, its text changed (held again)."""
    dashboard.store.record_many(
        site="news",
        source="native",
        article=ArticleRef("housing-plan", "The council's new housing plan, explained"),
        comments=[held(text, external_id, author, toxicity=0.9, threat=0.85)],
    )


def card_of(dashboard: Dashboard, page: str, external_id: str) -> str:
    """The id of the page's card of the seeded comment ``external_id``."""
    wanted = {i: dashboard.store.comment(i).external_id for i in item_ids(page)}
    return next(i for i, e in wanted.items() if e == external_id)


def test_approve_from_a_card_opened_before_an_edit_is_refused(dashboard: Dashboard) -> None:
    client, csrf = dashboard.signed_in()
    page = client.get("/").text
    cid = card_of(dashboard, page, "c4")
    fields = hidden_fields(page, f"/actions/{cid}/approve")
    assert len(fields["text_sha256"]) == 64
    edit(dashboard, "c4", "grumpy")
    answer = client.post(f"/actions/{cid}/approve", headers=htmx(csrf), data=fields)
    assert json.loads(answer.headers["hx-trigger-after-swap"])["tg-acted"]["ok"] is False
    assert EDITED in answer.text
    assert "someone should hang him" in answer.text  # the card swapped in shows the new text
    record = dashboard.store.comment(cid)
    assert (record.status, record.status_source) == ("pending", "policy")
    # the card now shows the new text, and its forms carry its hash: a verdict on it applies
    fresh = hidden_fields(answer.text, f"/actions/{cid}/reject")
    assert fresh["text_sha256"] != fields["text_sha256"]
    again = client.post(f"/actions/{cid}/reject", headers=htmx(csrf), data=fresh)
    assert json.loads(again.headers["hx-trigger-after-swap"])["tg-acted"]["ok"] is True
    assert dashboard.store.comment(cid).status == "rejected"


def test_a_plain_form_says_why_nothing_was_done(dashboard: Dashboard) -> None:
    client, _ = dashboard.signed_in()  # a plain form carries its own token
    page = client.get("/").text
    cid = card_of(dashboard, page, "c4")
    fields = hidden_fields(page, f"/actions/{cid}/reject")
    edit(dashboard, "c4", "grumpy", "This plan is fine, I take it back.")
    answer = client.post(f"/actions/{cid}/reject", data=fields, follow_redirects=False)
    assert answer.status_code == 303
    shown = client.get(answer.headers["location"]).text
    assert f"Could not reject: this comment was {EDITED}." in html.unescape(shown)
    assert dashboard.store.comment(cid).status == "pending"


def test_the_thread_pages_forms_are_refused_after_an_edit_too(dashboard: Dashboard) -> None:
    client, _ = dashboard.signed_in()  # a plain form carries its own token
    cid = card_of(dashboard, client.get("/").text, "c5")
    moved = client.get(f"/comments/{cid}/thread", follow_redirects=False)
    thread = moved.headers["location"].split("#")[0]
    fields = hidden_fields(client.get(thread).text, f"/actions/{cid}/approve")
    assert fields["expected"] == "pending" and len(fields["text_sha256"]) == 64
    edit(dashboard, "c5", "troll42")  # still held: "expected=pending" alone let it through
    answer = client.post(f"/actions/{cid}/approve", data=fields, follow_redirects=False)
    assert answer.status_code == 303
    assert EDITED in html.unescape(client.get(thread).text)
    assert dashboard.store.comment(cid).status == "pending"


def test_a_bulk_action_skips_the_comments_edited_since(dashboard: Dashboard) -> None:
    client, csrf = dashboard.signed_in()
    page = client.get("/").text
    first, second = card_of(dashboard, page, "c4"), card_of(dashboard, page, "c6")
    seen = {
        html.unescape(n): v
        for n, v in re.findall(
            r'<input type="hidden" name="(text_sha256\.cm_[0-9a-f]+)" value="([0-9a-f]+)" '
            r'form="bulk">',
            page,
        )
    }
    assert {f"text_sha256.{first}", f"text_sha256.{second}"} <= set(seen)
    edit(dashboard, "c4", "grumpy")
    answer = client.post(
        "/actions/bulk",
        headers=htmx(csrf),
        data={"action": "approve", "back": "/", "ids": [first, second], **seen},
    )
    assert "Approved 1 of 2 selected comments." in answer.text
    assert f"grumpy: this comment was {EDITED}" in html.unescape(answer.text)
    assert dashboard.store.comment(first).status == "pending"
    assert dashboard.store.comment(second).status == "approved"


def test_ban_and_reject_from_the_dialog_is_refused_after_an_edit(dashboard: Dashboard) -> None:
    client, csrf = dashboard.signed_in()
    page = client.get("/").text
    cid = card_of(dashboard, page, "c4")
    button = re.search(rf'<button type="button" class="ban" data-comment="{cid}"[^>]*>', page)
    assert button is not None
    seen = re.search(r'data-seen="([0-9a-f]{64})"', button.group())
    assert seen is not None
    assert 'name="text_sha256" value=""' in page  # the dialog's field, which the script fills
    edit(dashboard, "c4", "grumpy")
    answer = client.post(
        "/actions/ban",
        headers=htmx(csrf),
        data={"comment_id": cid, "then": "reject", "text_sha256": seen.group(1), "back": "/"},
    )
    assert EDITED in answer.text
    assert dashboard.store.comment(cid).status == "pending"
    assert not dashboard.store.authors("news", ["grumpy"])["grumpy"].banned


def test_an_edited_comments_card_says_what_its_earlier_text_had(dashboard: Dashboard) -> None:
    """An approved comment re-uploaded as abuse came back held with its new text only:
    nothing said it had been edited, nor that a moderator had approved what it said before
    (the audit log had it, as ``comment.edit``)."""
    client, csrf = dashboard.signed_in()
    page = client.get("/").text
    cid = card_of(dashboard, page, "c4")
    assert 'class="edited"' not in page  # no card says so of a comment never edited
    client.post(f"/actions/{cid}/approve", headers=htmx(csrf), data={"back": "/"})
    edit(dashboard, "c4", "grumpy", "The mayor is a thieving bastard who should rot.")
    # and one the policy had published, edited into one it holds
    edit(dashboard, "c1", "ann", "Great plan. Now someone should hang the mayor.")
    page = html.unescape(client.get("/").text)
    card = page[page.index(f'id="item-{cid}"') :]
    card = card[: card.index("</article>")]
    assert re.search(
        r"<strong>Edited</strong> <time [^>]*>[^<]*</time>, after it was "
        r"approved by alice: the text below is the new one.",
        card,
    )
    assert "<summary>Earlier text</summary>" in card
    assert "This plan is garbage and the mayor is a clown." in card
    published = card_of(dashboard, client.get("/").text, "c1")
    card = page[page.index(f'id="item-{published}"') :]
    card = card[: card.index("</article>")]
    assert "after it was published by the policy: the text below is the new one." in card
    assert "Earlier text" not in card  # the store keeps no copy of a text no one judged
